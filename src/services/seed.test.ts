/**
 * The synthetic population: believable, valid, flagged as test data, and every
 * child has a named person after seeding. Seeds into a fresh database of its own.
 */
import { verify } from '@node-rs/argon2';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../test/support/db.ts';
import { type Database, queryRows } from '../db/client.ts';
import { parsePersonnummer } from '../domain/personnummer.ts';
import { activationProblems, type PlanContent, PlanContentSchema } from '../domain/plan.ts';
import { today } from './clock.ts';
import { listChildrenWithoutNamedPerson } from './named-person.ts';
import { DEMO_PASSWORD, DEMO_USERNAMES, seedDemo, type SeedResult } from './seed.ts';

let database: Database;
let result: SeedResult;

beforeAll(async () => {
  database = await freshDatabase();
  result = await seedDemo({ db: database.db, children: 300, seed: 3 });
});
afterAll(async () => database?.close());

describe('seedDemo', () => {
  it('creates the demo accounts with argon2id hashes of the demo password', async () => {
    const rows = await queryRows<{ username: string; password_hash: string }>(
      database.db,
      sql`SELECT username, password_hash FROM staff WHERE username = ANY(${`{${DEMO_USERNAMES.join(',')}}`}::text[])`,
    );
    expect(rows.map((r) => r.username).sort()).toEqual([...DEMO_USERNAMES].sort());
    for (const r of rows) {
      expect(r.password_hash).toMatch(/^\$argon2id\$/);
      expect(await verify(r.password_hash, DEMO_PASSWORD)).toBe(true);
    }
  });

  it('generates valid, flagged personal identity numbers for children 0–17 with guardians', async () => {
    expect(result.children).toBe(300);
    const children = await queryRows<{ personnummer: string; is_test_data: boolean; age: number; custody: number }>(
      database.db,
      sql`SELECT c.personnummer, c.is_test_data, date_part('year', age(c.birth_date))::int AS age,
                 (SELECT count(*)::int FROM guardianships g WHERE g.child_id = c.id AND g.custody) AS custody
            FROM children c`,
    );
    expect(children).toHaveLength(300);
    for (const c of children) {
      expect(parsePersonnummer(c.personnummer).ok, c.personnummer).toBe(true);
      expect(c.is_test_data).toBe(true);
      expect(c.custody).toBeGreaterThanOrEqual(1);
    }
    expect(new Set(children.map((c) => c.age))).toEqual(new Set(Array.from({ length: 18 }, (_, i) => i)));
  });

  it('writes no broken reference (the seeder skips the foreign-key triggers as a superuser)', async () => {
    const keys = await queryRows<{ child: string; parent: string; columns: string[]; parent_columns: string[] }>(
      database.db,
      sql`SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent,
                 ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i) AS columns,
                 ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i) AS parent_columns
            FROM pg_constraint c WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace`,
    );
    expect(keys.length).toBeGreaterThan(20);
    const broken: string[] = [];
    for (const k of keys) {
      const match = k.columns.map((col, i) => `p.${k.parent_columns[i]} = t.${col}`).join(' AND ');
      const present = k.columns.map((col) => `t.${col} IS NOT NULL`).join(' AND ');
      const [row] = await queryRows<{ n: number }>(
        database.db,
        sql.raw(`SELECT count(*)::int AS n FROM ${k.child} t WHERE ${present} AND NOT EXISTS (SELECT 1 FROM ${k.parent} p WHERE ${match})`),
      );
      if (row!.n > 0) broken.push(`${k.child}(${k.columns.join(', ')}) → ${k.parent}: ${row!.n} rows`);
    }
    expect(broken).toEqual([]);
  });

  it('leaves no child without a named person, and the demo principal is named person for her pupils', async () => {
    expect(await listChildrenWithoutNamedPerson(database.db)).toEqual([]);
    // `samsyn check` is a system read: it leaves its audit event.
    const [check] = await queryRows<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'named_person.check' AND actor_id IS NULL`,
    );
    expect(check!.n).toBe(1);
    const [anna] = await queryRows<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM named_person_assignments n JOIN staff s ON s.id = n.staff_id
           WHERE s.username = 'anna.rektor' AND n.valid_to IS NULL`,
    );
    expect(anna!.n).toBeGreaterThan(10);
  });

  it('scores a few of the demo principal’s pupils two or three times, so the wheel has a history', async () => {
    const rows = await queryRows<{ n: number; owner: string }>(
      database.db,
      sql`SELECT count(*)::int AS n, min(s.username) AS owner FROM assessments a JOIN staff s ON s.id = a.author_id GROUP BY a.child_id`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const r of rows) {
      expect(r.owner).toBe('anna.rektor');
      expect(r.n).toBeGreaterThanOrEqual(2);
      expect(r.n).toBeLessThanOrEqual(3);
    }
  });

  it('gives one pupil a team, the social worker as lead professional and an active plan that passes every activation check', async () => {
    const [plan] = await queryRows<{ child_id: string; content: PlanContent; lead: string; team: number; catalogue: number; concerns: number }>(
      database.db,
      sql`SELECT p.child_id, p.content,
                 (SELECT s.username FROM lead_professionals l JOIN staff s ON s.id = l.staff_id WHERE l.child_id = p.child_id AND l.ended_at IS NULL) AS lead,
                 (SELECT count(*)::int FROM team_members t WHERE t.child_id = p.child_id) AS team,
                 (SELECT count(*)::int FROM interventions) AS catalogue,
                 (SELECT count(*)::int FROM concerns k WHERE k.child_id = p.child_id) AS concerns
            FROM plans p WHERE p.status = 'active'`,
    );
    expect(plan).toMatchObject({ lead: 'cecilia.soc', team: 2, concerns: 0 });
    expect(plan!.catalogue).toBeGreaterThanOrEqual(8);
    // The stored content is what the API would accept, and nothing stops it from being active.
    const content = PlanContentSchema.parse(plan!.content);
    expect(activationProblems({ content, agencies: ['school', 'social_services', 'child_psychiatry'], hasLeadProfessional: true, today: today() })).toEqual([]);
  });

  it('refuses to seed twice into the same database', async () => {
    await expect(seedDemo({ db: database.db, children: 10 })).rejects.toThrow(/already exists/);
  });
});
