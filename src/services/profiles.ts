/**
 * Model profiles in the database: the built-in ones are stored on start, and a
 * municipality's children follow the newest version of its profile key.
 */
import { desc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client.ts';
import { modelProfiles } from '../db/schema/index.ts';
import { BUILT_IN_PROFILES, parseModelProfile } from '../domain/profiles/index.ts';
import type { ModelProfile } from '../domain/profiles/schema.ts';

export const DEFAULT_PROFILE_KEY = 'tsi';

/** Stores each built-in profile version that is not stored yet (idempotent). */
export async function ensureBuiltInProfiles(db: Queryable): Promise<void> {
  for (const profile of BUILT_IN_PROFILES) {
    await db
      .insert(modelProfiles)
      .values({ key: profile.key, version: profile.version, name: profile.name.sv, definition: profile })
      .onConflictDoNothing({ target: [modelProfiles.key, modelProfiles.version] });
  }
}

const cache = new Map<string, ModelProfile>();

/** The newest stored version of a profile key (falls back to the default profile). */
export async function loadProfile(db: Queryable, key: string | null | undefined): Promise<ModelProfile> {
  const wanted = key ?? DEFAULT_PROFILE_KEY;
  const [row] = await db
    .select({ version: modelProfiles.version, definition: modelProfiles.definition })
    .from(modelProfiles)
    .where(eq(modelProfiles.key, wanted))
    .orderBy(desc(modelProfiles.version))
    .limit(1);
  if (!row) {
    if (wanted !== DEFAULT_PROFILE_KEY) return loadProfile(db, DEFAULT_PROFILE_KEY);
    throw new Error(`Model profile '${wanted}' is not stored; run migrations and start-up first.`);
  }
  const cacheKey = `${wanted}@${row.version}`;
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  const parsed = parseModelProfile(row.definition);
  if (!parsed.ok) throw new Error(`Stored model profile ${cacheKey} is invalid: ${parsed.message}`);
  cache.set(cacheKey, parsed.profile);
  return parsed.profile;
}

/** Profiles keyed by municipality id, for batch work. */
export async function loadProfilesByMunicipality(db: Queryable): Promise<Map<string, ModelProfile>> {
  const rows = (await db.execute(
    sql`SELECT id, model_profile_key FROM organisations WHERE kind = 'municipality'`,
  )) as unknown as { rows: { id: string; model_profile_key: string | null }[] };
  const result = new Map<string, ModelProfile>();
  for (const r of rows.rows) result.set(r.id, await loadProfile(db, r.model_profile_key));
  return result;
}

