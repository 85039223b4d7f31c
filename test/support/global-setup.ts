/**
 * Runs once before the test files. With DATABASE_URL set, migrates the shared
 * PostgreSQL test database so that workers never race to create the schema.
 * On PGlite, builds one migrated database and dumps its data directory to a
 * file named by the migrations' hash: each test file then starts its own
 * in-memory database from that dump (about 1 s) instead of creating and
 * migrating an empty cluster (5–6 s on a busy 2-core machine).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrate, openDatabase } from '../../src/db/client.ts';
import { BUILT_IN_PROFILES } from '../../src/domain/profiles/index.ts';
import { ensureBuiltInProfiles } from '../../src/services/profiles.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Path of a migrated PGlite data-directory dump ('' on PostgreSQL). */
    pgliteDump: string;
  }
}

const MIGRATIONS = new URL('../../src/db/migrations/', import.meta.url);

/** The dump's name changes whenever a migration or a built-in profile does. */
function dumpPath(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(MIGRATIONS, { recursive: true }).map(String).sort()) {
    if (file.endsWith('.sql') || file.endsWith('.json')) hash.update(file).update(readFileSync(new URL(file, MIGRATIONS)));
  }
  hash.update(JSON.stringify(BUILT_IN_PROFILES));
  const dir = join(tmpdir(), 'samsyn-test');
  mkdirSync(dir, { recursive: true });
  return join(dir, `pglite-${hash.digest('hex').slice(0, 16)}.tar`);
}

export default async function setup(project: TestProject): Promise<void> {
  if (process.env.DATABASE_URL) {
    project.provide('pgliteDump', '');
    const database = await openDatabase();
    try {
      await migrate(database);
    } finally {
      await database.close();
    }
    return;
  }
  const path = dumpPath();
  if (!existsSync(path)) {
    const database = await openDatabase({ dataDir: 'memory' });
    try {
      await migrate(database);
      await ensureBuiltInProfiles(database.db);
      const dump = await database.dumpDataDir!();
      // Write then rename, so a parallel run never reads half a file.
      const partial = `${path}.${process.pid}.partial`;
      writeFileSync(partial, new Uint8Array(await dump.arrayBuffer()));
      renameSync(partial, path);
    } finally {
      await database.close();
    }
  }
  project.provide('pgliteDump', path);
}
