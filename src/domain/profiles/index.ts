/**
 * The built-in model profiles and the one way to read a profile from JSON.
 */
import { BACKA_BARNET_PROFILE } from './backa-barnet.ts';
import { GIRFEC_PROFILE } from './girfec.ts';
import { KRONOBARNSMODELLEN_PROFILE } from './kronobarnsmodellen.ts';
import { type ModelProfile, ModelProfileSchema } from './schema.ts';
import { TSI_PROFILE } from './tsi.ts';

export { BACKA_BARNET_PROFILE, GIRFEC_PROFILE, KRONOBARNSMODELLEN_PROFILE, TSI_PROFILE };
export { ModelProfileSchema };
export type { ModelProfile, ModelProfileInput, NamedPersonStage, TeamType, WellbeingIndicator } from './schema.ts';

/** The national default comes first. */
export const BUILT_IN_PROFILES: readonly ModelProfile[] = Object.freeze([
  TSI_PROFILE,
  KRONOBARNSMODELLEN_PROFILE,
  BACKA_BARNET_PROFILE,
  GIRFEC_PROFILE,
]);

export const DEFAULT_PROFILE_KEY = TSI_PROFILE.key;

export function getBuiltInProfile(key: string): ModelProfile | undefined {
  return BUILT_IN_PROFILES.find((profile) => profile.key === key);
}

export type ParseModelProfileResult =
  | { ok: true; profile: ModelProfile }
  | {
      ok: false;
      /** One line per problem, each starting with where it is, e.g. `namedPersonChain[1].role: …`. */
      errors: string[];
      /** All problems in one text, for logs and the command line. */
      message: string;
    };

/** `['namedPersonChain', 1, 'role']` → `namedPersonChain[1].role`. */
function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? String(segment) : `.${String(segment)}`;
  }
  return text === '' ? '(profile)' : text;
}

/** Validates untrusted JSON (an uploaded or stored profile) against the schema. */
export function parseModelProfile(json: unknown): ParseModelProfileResult {
  const result = ModelProfileSchema.safeParse(json);
  if (result.success) return { ok: true, profile: result.data };
  const errors = result.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
  return { ok: false, errors, message: `The model profile is invalid:\n${errors.map((e) => `- ${e}`).join('\n')}` };
}
