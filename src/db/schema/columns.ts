/**
 * Column helpers shared by the schema files. The tables they reference are
 * only touched inside the lazy `references` callbacks, so importing this module
 * from any schema file is safe despite the cycle with `./index.ts`.
 */
import { uuid } from 'drizzle-orm/pg-core';
import { children, organisations } from './index.ts';

/** The municipality a row of child data belongs to (ARCHITECTURE decision 8). */
export const municipalityIdColumn = () =>
  uuid('municipality_id')
    .notNull()
    .references(() => organisations.id);

/** The child a row is about. */
export const childIdColumn = () =>
  uuid('child_id')
    .notNull()
    .references(() => children.id);
