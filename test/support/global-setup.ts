/**
 * Runs once before all test files. With DATABASE_URL set, migrates the shared
 * PostgreSQL test database so that workers never race to create the schema.
 */
import { migrate, openDatabase } from '../../src/db/client.ts';

export default async function setup(): Promise<void> {
  if (!process.env.DATABASE_URL) return;
  const database = await openDatabase();
  try {
    await migrate(database);
  } finally {
    await database.close();
  }
}
