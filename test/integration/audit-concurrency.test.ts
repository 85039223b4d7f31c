/**
 * The audit chain stays linear when many transactions append at once: each
 * event links to the one committed just before it, whichever connection wrote
 * it (on PostgreSQL several pool connections race for the chain lock; PGlite
 * has one connection and serialises them).
 */
import { asc, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, queryRows } from '../../src/db/client.ts';
import { auditEvents } from '../../src/db/schema/index.ts';
import { hashEvent, recordAuditEvent, verifyAuditChain } from '../../src/services/audit.ts';
import { freshDatabase } from '../support/db.ts';

let database: Database;

beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe('audit chain under concurrent writers', () => {
  it('links 60 events written by parallel transactions into one verifiable chain', async () => {
    await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        database.db.transaction(async (tx) => {
          // Some work before the audit write, so that transactions overlap.
          await tx.execute(sql`SELECT pg_sleep(${(i % 5) / 1000})`);
          await recordAuditEvent(tx, {
            actor: null,
            action: 'named_person.check',
            outcome: 'allowed',
            childIds: [],
            purpose: `parallel writer ${i} – åäö ✓`,
            details: { writer: i, nested: { b: 1, a: [2, 'x'] } },
          });
        }),
      ),
    );
    const [count] = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM audit_events`);
    expect(count!.n).toBe(60);
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, checked: 60 });

    // The hash written in SQL is the hash `hashEvent` computes in JS, event by event.
    const rows = await database.db.select().from(auditEvents).orderBy(asc(auditEvents.seq));
    rows.forEach((row, i) => {
      expect(row.prevHash).toBe(i === 0 ? '0'.repeat(64) : rows[i - 1]!.hash);
      expect(row.hash).toBe(hashEvent(row, row.prevHash));
    });
  });
});
