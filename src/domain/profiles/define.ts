import { type ModelProfile, type ModelProfileInput, ModelProfileSchema } from './schema.ts';

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/**
 * Validates a profile shipped with the code and freezes it, so that one
 * caller cannot change the profile every other caller shares. Throws at import
 * time if a built-in profile breaks the schema.
 */
export function defineBuiltInProfile(input: ModelProfileInput): ModelProfile {
  return deepFreeze(ModelProfileSchema.parse(input));
}
