/**
 * Opens the system of record: a PostgreSQL server when `DATABASE_URL` is set,
 * otherwise embedded PGlite (PostgreSQL compiled to WASM) in `./data`.
 * Both drivers share one Drizzle schema and the same SQL migrations.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzlePg, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from './schema/index.ts';

/**
 * The Drizzle handle. Typed as the node-postgres flavour; the PGlite flavour has
 * the same query-builder surface and `execute()` also answers `{ rows }`.
 */
export type Db = NodePgDatabase<typeof schema>;
/** A transaction handle (same surface as `Db`). */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything that can run a query: the database or an open transaction. */
export type Queryable = Db | Tx;

export type DatabaseKind = 'embedded' | 'postgresql';

export type Database = {
  db: Db;
  kind: DatabaseKind;
  /** The raw pg pool when on PostgreSQL (for hot-path prepared statements and COPY). */
  pool?: pg.Pool;
  close(): Promise<void>;
  /** PGlite only: the whole data directory as a tarball (tests start new databases from a migrated one). */
  dumpDataDir?: () => Promise<Blob>;
};

export type OpenOptions = {
  /** PostgreSQL connection string; defaults to `DATABASE_URL`. */
  url?: string;
  /** PGlite data directory, or `memory` for an in-memory database. Defaults to `SAMSYN_DATA_DIR` or `./data`. */
  dataDir?: string;
  /** Pool size for PostgreSQL. */
  poolSize?: number;
  /** In-memory PGlite only: start from this data-directory dump (`dumpDataDir`) instead of an empty cluster. */
  loadDataDir?: Blob;
};

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  const url = options.url ?? process.env.DATABASE_URL;
  if (url) {
    const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
    // A broken idle connection must not crash the process.
    pool.on('error', () => {});
    const db = drizzlePg(pool, { schema });
    return { db, kind: 'postgresql', pool, close: () => pool.end() };
  }
  const dataDir = options.dataDir ?? process.env.SAMSYN_DATA_DIR ?? './data';
  let client: PGlite;
  if (dataDir === 'memory') {
    client = options.loadDataDir ? new PGlite({ loadDataDir: options.loadDataDir }) : new PGlite();
  } else {
    mkdirSync(dataDir, { recursive: true });
    client = new PGlite(dataDir);
  }
  await client.waitReady;
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return { db, kind: 'embedded', close: () => client.close(), dumpDataDir: () => client.dumpDataDir('none') };
}

/** Applies the committed SQL migrations (idempotent). */
export async function migrate(database: Database): Promise<void> {
  if (database.kind === 'postgresql') {
    // Serialise concurrent migrators (several test workers, several app processes).
    const client = await database.pool!.connect();
    try {
      await client.query('SELECT pg_advisory_lock(727274)');
      await migratePg(drizzlePg(client, { schema }), { migrationsFolder });
    } finally {
      await client.query('SELECT pg_advisory_unlock(727274)').catch(() => {});
      client.release();
    }
  } else {
    await migratePglite(database.db as never, { migrationsFolder });
  }
}

/** Runs raw SQL and returns its rows, the same on both drivers. */
export async function queryRows<T>(db: Queryable, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export async function ping(db: Queryable): Promise<void> {
  await db.execute(sql`SELECT 1`);
}

export { schema };
