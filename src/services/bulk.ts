/**
 * Bulk inserts that behave the same on PGlite and PostgreSQL: one
 * `INSERT … SELECT … FROM json_to_recordset($1::json)` statement per chunk.
 * Drizzle's `insert().values()` spends most of its time building SQL; this
 * sends one JSON parameter and lets the server do the work.
 */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/client.ts';

/** A column name and its SQL type as `json_to_recordset` should read it (`uuid`, `date`, an enum type…). */
export type BulkColumn = readonly [name: string, type: string];

export type BulkInsertOptions = {
  /** Rows per statement (default 10,000). */
  chunkSize?: number;
  /** Called after each chunk with the rows written so far. */
  onChunk?: (done: number, total: number) => void;
};

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
const TYPE = /^[a-z_][a-z0-9_ ]*(\[\])?$/;

/**
 * Inserts `rows` (objects keyed by column name; missing keys are NULL) into
 * `table`. Table, column and type names are checked against a strict pattern,
 * because they go into the statement text; the values travel as one parameter.
 */
export async function bulkInsert(
  db: Queryable,
  table: string,
  columns: readonly BulkColumn[],
  rows: readonly object[],
  options: BulkInsertOptions = {},
): Promise<void> {
  if (!IDENTIFIER.test(table)) throw new Error(`bulkInsert: bad table name ${JSON.stringify(table)}`);
  for (const [name, type] of columns) {
    if (!IDENTIFIER.test(name) || !TYPE.test(type)) throw new Error(`bulkInsert: bad column ${JSON.stringify([name, type])}`);
  }
  const chunkSize = options.chunkSize ?? 10_000;
  const names = columns.map(([name]) => name).join(', ');
  const definition = columns.map(([name, type]) => `${name} ${type}`).join(', ');
  for (let i = 0; i < rows.length; i += chunkSize) {
    const chunk = rows.slice(i, i + chunkSize);
    await db.execute(
      sql`INSERT INTO ${sql.raw(table)} (${sql.raw(names)})
          SELECT ${sql.raw(names)} FROM json_to_recordset(${JSON.stringify(chunk)}::json) AS r(${sql.raw(definition)})`,
    );
    options.onChunk?.(Math.min(i + chunkSize, rows.length), rows.length);
  }
}
