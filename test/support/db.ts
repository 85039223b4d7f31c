/**
 * Test databases. With DATABASE_URL set, tests share that (already migrated)
 * PostgreSQL database and keep apart by building their own worlds with random
 * ids; otherwise each test file gets its own in-memory PGlite.
 * `freshDatabase()` makes a brand-new database for tests that need one alone.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, migrate, openDatabase } from '../../src/db/client.ts';
import { ensureBuiltInProfiles } from '../../src/services/profiles.ts';

export const onPostgres = Boolean(process.env.DATABASE_URL);

/** A new in-memory PGlite, migrated: from the dump global-setup made, or built here when there is none. */
async function memoryDatabase(): Promise<Database> {
  const dump = inject('pgliteDump');
  if (dump) return openDatabase({ dataDir: 'memory', loadDataDir: new Blob([readFileSync(dump)]) });
  const database = await openDatabase({ dataDir: 'memory' });
  await migrate(database);
  return database;
}

export async function testDatabase(): Promise<Database> {
  const database = onPostgres ? await openDatabase({ poolSize: 5 }) : await memoryDatabase();
  await ensureBuiltInProfiles(database.db);
  return database;
}

/** A new, empty, migrated database; on PostgreSQL a separate database that is dropped on close. */
export async function freshDatabase(): Promise<Database> {
  if (!onPostgres) {
    const database = await memoryDatabase();
    await ensureBuiltInProfiles(database.db);
    return database;
  }
  const base = new URL(process.env.DATABASE_URL!);
  const name = `samsyn_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolSize: 5 });
  await migrate(database);
  await ensureBuiltInProfiles(database.db);
  return {
    ...database,
    close: async () => {
      await database.close();
      const dropper = new pg.Client({ connectionString: base.toString() });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}
