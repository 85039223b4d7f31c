/**
 * Emergency access ("break the glass") through the API: the police officer
 * states a reason and reads a child they otherwise cannot see, with the basis
 * `emergency` in the audit trail; when the grant expires the door shuts again;
 * the municipality's manager sees the grant in the review list and records
 * whether it was justified.
 *
 * Expiry: the test grants through the API (hours defaulting to 4) and then moves
 * `expires_at` into the past with an UPDATE, instead of waiting.
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, queryRows } from '../../src/db/client.ts';
import { buildApp } from '../../src/http/app.ts';
import { verifyAuditChain } from '../../src/services/audit.ts';
import { testDatabase } from '../support/db.ts';
import { makeStaffMember, makeWorld, signIn, type World } from '../support/factories.ts';

let database: Database;
let app: FastifyInstance;
let world: World;
let otherWorld: World;
let manager: { id: string; username: string };
let otherManager: { id: string; username: string };

beforeAll(async () => {
  database = await testDatabase();
  app = await buildApp({ database, serveWeb: false });
  world = await makeWorld(database.db);
  otherWorld = await makeWorld(database.db);
  manager = await makeStaffMember(database.db, { username: 'maja.chef', unitId: world.units.socialServices.id, role: 'manager' });
  otherManager = await makeStaffMember(database.db, { username: 'mats.chef', unitId: otherWorld.units.socialServices.id, role: 'manager' });
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const call = (method: 'GET' | 'POST', url: string, cookie: string, payload?: unknown) =>
  app.inject({ method, url, headers: { cookie, 'accept-language': 'en' }, ...(payload !== undefined ? { payload: payload as object } : {}) });

const REASON = 'Barnet hittat ensamt vid motorvägen, behöver nå vårdnadshavare omedelbart.';

describe('emergency access', () => {
  it('opens the child for the granted period, logged as emergency, and shuts when it expires', async () => {
    const child = await world.makeChild({ age: 7, at: [{ unitId: world.units.otherSchool.id, kind: 'school_class' }] });
    const police = await signIn(app, world.staff.policeOfficer.username);
    expect((await call('GET', `/api/children/${child.id}`, police.cookie)).statusCode).toBe(404);

    const before = Date.now();
    const granted = await call('POST', '/api/emergency-access', police.cookie, { personnummer: child.personnummer, reason: REASON });
    expect(granted.statusCode).toBe(201);
    const grant = granted.json();
    expect(Object.keys(grant).sort()).toEqual(['childId', 'expiresAt', 'id']);
    expect(grant.childId).toBe(child.id);
    // Default 4 hours.
    const hours = (Date.parse(grant.expiresAt) - before) / 3_600_000;
    expect(hours).toBeGreaterThan(3.9);
    expect(hours).toBeLessThan(4.1);

    // Now the child opens – and the read is logged with the basis `emergency`.
    const read = await call('GET', `/api/children/${child.id}`, police.cookie);
    expect(read.statusCode).toBe(200);
    expect(read.json().child.givenName).toBe(child.givenName);
    const [event] = await queryRows<{ basis: string }>(
      database.db,
      sql`SELECT details->>'basis' AS basis FROM audit_events
           WHERE action = 'child.read' AND outcome = 'allowed' AND child_id = ${child.id}::uuid AND actor_id = ${world.staff.policeOfficer.id}::uuid`,
    );
    expect(event?.basis).toBe('emergency');
    const [grantEvent] = await queryRows<{ outcome: string; resource_id: string }>(
      database.db,
      sql`SELECT outcome, resource_id FROM audit_events WHERE action = 'emergency_access.grant' AND child_id = ${child.id}::uuid`,
    );
    expect(grantEvent).toEqual({ outcome: 'allowed', resource_id: grant.id });

    // The grant runs out (moved into the past here rather than waiting four hours): 404 again.
    await database.db.execute(sql`UPDATE emergency_accesses SET expires_at = now() - interval '1 minute' WHERE id = ${grant.id}::uuid`);
    expect((await call('GET', `/api/children/${child.id}`, police.cookie)).statusCode).toBe(404);
    expect((await call('GET', '/api/children', police.cookie)).json().items).toEqual([]);
  });

  it('grants a protected-identity child too, but shows only the grant and keeps the identity masked', async () => {
    const child = await world.makeChild({ age: 9, protectedIdentity: true, givenName: `Skyddad${world.tag}` });
    const teacher = await signIn(app, world.staff.teacher.username);
    const granted = await call('POST', '/api/emergency-access', teacher.cookie, { personnummer: child.personnummer, reason: REASON, hours: 1 });
    expect(granted.statusCode).toBe(201);
    expect(Object.keys(granted.json()).sort()).toEqual(['childId', 'expiresAt', 'id']);
    expect(granted.body).not.toContain(`Skyddad${world.tag}`);
    const hours = (Date.parse(granted.json().expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeLessThanOrEqual(1);
    const page = await call('GET', `/api/children/${child.id}`, teacher.cookie);
    expect(page.statusCode).toBe(200);
    expect(page.json().child).toMatchObject({ masked: true, givenName: null });
  });

  it('appears in the manager’s review list; the manager records the outcome once; nobody else can', async () => {
    const child = await world.makeChild({ age: 14, at: [{ unitId: world.units.otherSchool.id, kind: 'school_class' }] });
    const police = await signIn(app, world.staff.policeOfficer.username);
    const grant = (await call('POST', '/api/emergency-access', police.cookie, { personnummer: child.personnummer, reason: REASON, hours: 2 })).json();

    const chef = await signIn(app, manager.username);
    const waiting = await call('GET', '/api/emergency-access?reviewed=false', chef.cookie);
    expect(waiting.statusCode).toBe(200);
    const item = waiting.json().items.find((g: { id: string }) => g.id === grant.id);
    expect(item).toMatchObject({
      childId: child.id,
      staff: { id: world.staff.policeOfficer.id, name: `Erik Test${world.tag}` },
      unit: { id: world.units.policeUnit.id, name: world.units.policeUnit.name },
      reason: REASON,
      expiresAt: grant.expiresAt,
      active: true,
      review: null,
    });
    // A manager gets child ids, never names.
    expect(waiting.body).not.toContain(child.givenName);

    // Another municipality's manager and a teacher: not in their list, 404 on review.
    const otherChef = await signIn(app, otherManager.username);
    const otherList = (await call('GET', '/api/emergency-access', otherChef.cookie)).json().items.map((g: { id: string }) => g.id);
    expect(otherList).not.toContain(grant.id);
    const teacher = await signIn(app, world.staff.teacher.username);
    expect((await call('GET', '/api/emergency-access?reviewed=false', teacher.cookie)).statusCode).toBe(403);
    for (const cookie of [otherChef.cookie, teacher.cookie, police.cookie]) {
      const denied = await call('POST', `/api/emergency-access/${grant.id}/review`, cookie, { outcome: 'justified', comment: 'Ser bra ut.' });
      expect(denied.statusCode).toBe(404);
    }

    const reviewed = await call('POST', `/api/emergency-access/${grant.id}/review`, chef.cookie, {
      outcome: 'not_justified',
      comment: 'Vårdnadshavarna kunde nås via skolan; ingen fara för liv eller hälsa.',
    });
    expect(reviewed.statusCode).toBe(200);
    expect(reviewed.json().review).toMatchObject({ outcome: 'not_justified', reviewedBy: expect.stringMatching(/^Maja Test/) });
    const again = await call('POST', `/api/emergency-access/${grant.id}/review`, chef.cookie, { outcome: 'justified', comment: 'Ändrar mig.' });
    expect(again.statusCode).toBe(409);

    const ids = (url: string) => call('GET', url, chef.cookie).then((r) => r.json().items.map((g: { id: string }) => g.id));
    expect(await ids('/api/emergency-access?reviewed=false')).not.toContain(grant.id);
    expect(await ids('/api/emergency-access?reviewed=true')).toContain(grant.id);

    const events = await queryRows<{ actor_id: string; outcome: string; details: { outcome?: string } | null }>(
      database.db,
      sql`SELECT actor_id, outcome, details FROM audit_events WHERE action = 'emergency_access.review' AND resource_id = ${grant.id} ORDER BY seq`,
    );
    expect(events.filter((e) => e.outcome === 'denied')).toHaveLength(3);
    expect(events.find((e) => e.outcome === 'allowed')).toMatchObject({ actor_id: manager.id, details: { outcome: 'not_justified' } });
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });

  it('refuses an unknown child, a role that does not work with children, and bad input', async () => {
    const police = await signIn(app, world.staff.policeOfficer.username);
    const unknown = await call('POST', '/api/emergency-access', police.cookie, { personnummer: '19811218-9876', reason: REASON });
    expect(unknown.statusCode).toBe(404);

    const child = await world.makeChild({ age: 5 });
    const chef = await signIn(app, manager.username);
    const notChildFacing = await call('POST', '/api/emergency-access', chef.cookie, { personnummer: child.personnummer, reason: REASON });
    expect(notChildFacing.statusCode).toBe(403);
    expect((await call('GET', `/api/children/${child.id}`, chef.cookie)).statusCode).toBe(404);

    const cases: { method: 'GET' | 'POST'; url: string; payload?: unknown }[] = [
      { method: 'POST', url: '/api/emergency-access', payload: {} },
      { method: 'POST', url: '/api/emergency-access', payload: { personnummer: child.personnummer } },
      { method: 'POST', url: '/api/emergency-access', payload: { personnummer: child.personnummer, reason: 'för kort' } },
      { method: 'POST', url: '/api/emergency-access', payload: { personnummer: child.personnummer, reason: 'x'.repeat(2001) } },
      { method: 'POST', url: '/api/emergency-access', payload: { personnummer: child.personnummer, reason: REASON, hours: 0 } },
      { method: 'POST', url: '/api/emergency-access', payload: { personnummer: child.personnummer, reason: REASON, hours: 25 } },
      { method: 'POST', url: '/api/emergency-access', payload: { personnummer: child.personnummer, reason: REASON, hours: 1.5 } },
      { method: 'POST', url: '/api/emergency-access', payload: { personnummer: '19811218-9875', reason: REASON } },
      { method: 'GET', url: '/api/emergency-access?reviewed=perhaps' },
      { method: 'POST', url: '/api/emergency-access/not-a-uuid/review', payload: { outcome: 'justified', comment: 'Bra.' } },
      { method: 'POST', url: '/api/emergency-access/00000000-0000-4000-8000-000000000000/review', payload: { outcome: 'maybe', comment: 'Bra.' } },
      { method: 'POST', url: '/api/emergency-access/00000000-0000-4000-8000-000000000000/review', payload: { outcome: 'justified' } },
      { method: 'POST', url: '/api/emergency-access/00000000-0000-4000-8000-000000000000/review', payload: { outcome: 'justified', comment: 'Bra.' } },
    ];
    for (const c of cases) {
      const response = await call(c.method, c.url, police.cookie, c.payload);
      expect(response.statusCode, `${c.method} ${c.url} ${JSON.stringify(c.payload)?.slice(0, 80)}`).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, `${c.method} ${c.url}`).toBeLessThan(500);
      expect(response.json().error.message.length, `${c.method} ${c.url}`).toBeGreaterThan(5);
    }
    const invalid = await call('POST', '/api/emergency-access', police.cookie, { personnummer: '19811218-9875', reason: REASON });
    expect(invalid.json().error.code).toBe('invalid_personnummer');
    // None of the refused attempts left a grant behind.
    const [{ grants } = { grants: -1 }] = await queryRows<{ grants: number }>(
      database.db,
      sql`SELECT count(*)::int AS grants FROM emergency_accesses WHERE child_id = ${child.id}::uuid`,
    );
    expect(grants).toBe(0);
  });
});
