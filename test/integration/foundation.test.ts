/**
 * The foundation as professionals meet it through the API: sign-in, who sees
 * which child, the named-person lookup, protected identity, bad input.
 * Runs on PGlite, and on PostgreSQL when DATABASE_URL is set.
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, queryRows } from '../../src/db/client.ts';
import { buildApp } from '../../src/http/app.ts';
import { verifyAuditChain } from '../../src/services/audit.ts';
import { makeWorld, signIn, TEST_PASSWORD, type World } from '../support/factories.ts';
import { onPostgres, testDatabase } from '../support/db.ts';

let database: Database;
let app: FastifyInstance;
let world: World;

beforeAll(async () => {
  database = await testDatabase();
  app = await buildApp({ database, serveWeb: false });
  world = await makeWorld(database.db);
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

const get = (url: string, cookie?: string, lang = 'sv') =>
  app.inject({ method: 'GET', url, headers: { ...(cookie ? { cookie } : {}), 'accept-language': lang } });
const post = (url: string, payload: unknown, cookie?: string, lang = 'sv') =>
  app.inject({ method: 'POST', url, payload: payload as object, headers: { ...(cookie ? { cookie } : {}), 'accept-language': lang } });

describe('health', () => {
  it('names the database in use', async () => {
    const response = await get('/api/health');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: onPostgres ? 'postgresql' : 'embedded' });
  });
});

describe('sign-in', () => {
  it('signs in with the right password, answers /api/me, and signs out', async () => {
    const { cookie } = await signIn(app, world.staff.principal.username);
    const me = await get('/api/me', cookie);
    expect(me.statusCode).toBe(200);
    expect(me.json().user.username).toBe(world.staff.principal.username);
    expect(me.json().user.roles[0]).toMatchObject({ role: 'school_principal', unitId: world.units.school.id });

    const logout = await post('/api/auth/logout', {}, cookie);
    expect(logout.statusCode).toBe(204);
    expect((await get('/api/me', cookie)).statusCode).toBe(401);
  });

  it('sets an HttpOnly SameSite session cookie', async () => {
    const response = await post('/api/auth/login', { username: world.staff.teacher.username, password: TEST_PASSWORD });
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
  });

  it('refuses a wrong password with a clear message in Swedish and English', async () => {
    const sv = await post('/api/auth/login', { username: world.staff.nurse.username, password: 'wrong' });
    expect(sv.statusCode).toBe(401);
    expect(sv.json().error).toEqual({ code: 'invalid_credentials', message: 'Fel användarnamn eller lösenord.' });
    const en = await post('/api/auth/login', { username: 'no.such.user', password: 'wrong' }, undefined, 'en');
    expect(en.json().error.message).toBe('Wrong username or password.');
  });

  it('locks an account after five failures, even for the right password', async () => {
    const username = world.staff.otherPrincipal.username;
    for (let i = 0; i < 5; i++) {
      expect((await post('/api/auth/login', { username, password: `bad-${i}` })).statusCode).toBe(401);
    }
    const locked = await post('/api/auth/login', { username, password: TEST_PASSWORD });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('too_many_attempts');
  });

  it('answers 401 without a session', async () => {
    const response = await get('/api/children');
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('unauthenticated');
  });
});

describe('who sees which child', () => {
  it('a principal sees their pupils but gets 404 for a child at another school', async () => {
    const pupil = await world.makeChild({ age: 10, at: [{ unitId: world.units.school.id, kind: 'school_class', groupName: '4B' }] });
    const elsewhere = await world.makeChild({ age: 10, at: [{ unitId: world.units.otherSchool.id, kind: 'school_class' }] });
    const { cookie } = await signIn(app, world.staff.principal.username);

    const own = await get(`/api/children/${pupil.id}`, cookie);
    expect(own.statusCode).toBe(200);
    const child = own.json().child;
    expect(child.givenName).toBe(pupil.givenName);
    expect(child.namedPerson).toMatchObject({ status: 'assigned', staffId: world.staff.principal.id });
    expect(child.guardians).toHaveLength(2);
    expect(child.enrollments[0]).toMatchObject({ unitId: world.units.school.id, groupName: '4B', current: true });

    const other = await get(`/api/children/${elsewhere.id}`, cookie);
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('not_found');
    // Same answer as for an id that does not exist at all.
    const none = await get('/api/children/00000000-0000-4000-8000-000000000000', cookie);
    expect(none.json()).toEqual(other.json());

    const list = await get('/api/children?limit=100', cookie);
    const ids = list.json().items.map((c: { id: string }) => c.id);
    expect(ids).toContain(pupil.id);
    expect(ids).not.toContain(elsewhere.id);
  });

  it('a teacher at the school sees its pupils; the police officer sees none', async () => {
    const pupil = await world.makeChild({ age: 12, at: [{ unitId: world.units.school.id, kind: 'school_class' }] });
    const teacher = await signIn(app, world.staff.teacher.username);
    expect((await get(`/api/children/${pupil.id}`, teacher.cookie)).statusCode).toBe(200);
    const police = await signIn(app, world.staff.policeOfficer.username);
    expect((await get(`/api/children/${pupil.id}`, police.cookie)).statusCode).toBe(404);
    expect((await get('/api/children', police.cookie)).json().items).toEqual([]);
  });

  it('a pupil who has left the school is no longer visible to it', async () => {
    const moved = await world.makeChild({
      age: 11,
      at: [
        { unitId: world.units.school.id, kind: 'school_class', startDate: '2020-08-15', endDate: '2021-06-10' },
        { unitId: world.units.otherSchool.id, kind: 'school_class', startDate: '2021-08-15' },
      ],
    });
    const { cookie } = await signIn(app, world.staff.teacher.username);
    expect((await get(`/api/children/${moved.id}`, cookie)).statusCode).toBe(404);
    // Its named person followed it to the new school.
    const [current] = await queryRows<{ staff_id: string; reason: string }>(
      database.db,
      sql`SELECT staff_id, reason FROM named_person_assignments WHERE child_id = ${moved.id}::uuid AND valid_to IS NULL`,
    );
    expect(current?.staff_id).toBe(world.staff.otherPrincipal.id);
  });

  it('searches by name and personal identity number, and pages with a keyset cursor', async () => {
    const family = `Sökbar${world.tag}`;
    const made = [];
    for (let i = 0; i < 5; i++) {
      made.push(await world.makeChild({ age: 8, familyName: family, givenName: `Elev${i}`, at: [{ unitId: world.units.school.id, kind: 'school_class' }] }));
    }
    const { cookie } = await signIn(app, world.staff.principal.username);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = (
        await get(`/api/children?search=${encodeURIComponent(family.toLowerCase())}&limit=2${cursor ? `&cursor=${cursor}` : ''}`, cookie)
      ).json();
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual(made.map((c) => c.id).sort());

    const byNumber = await get(`/api/children?search=${made[0]!.personnummer}`, cookie);
    expect(byNumber.json().items.map((c: { id: string }) => c.id)).toEqual([made[0]!.id]);
    const tenDigits = `${made[0]!.personnummer.slice(2, 8)}-${made[0]!.personnummer.slice(8)}`;
    const byShortNumber = await get(`/api/children?search=${tenDigits}`, cookie);
    expect(byShortNumber.json().items.map((c: { id: string }) => c.id)).toEqual([made[0]!.id]);
  });
});

describe('named-person lookup', () => {
  it('returns only the contact, and is audited', async () => {
    const child = await world.makeChild({ age: 9, at: [{ unitId: world.units.school.id, kind: 'school_class' }] });
    const { cookie } = await signIn(app, world.staff.policeOfficer.username);
    const response = await post('/api/named-person/lookup', { personnummer: child.personnummer }, cookie);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(Object.keys(body).sort()).toEqual(['contact', 'status']);
    expect(Object.keys(body.contact).sort()).toEqual(['name', 'phone', 'title', 'unitName']);
    expect(body.contact.name).toBe(`Anna Test${world.tag}`);
    expect(JSON.stringify(body)).not.toContain(child.givenName);

    const [event] = await queryRows<{ outcome: string }>(
      database.db,
      sql`SELECT outcome FROM audit_events WHERE action = 'named_person.lookup' AND child_id = ${child.id}::uuid AND actor_id = ${world.staff.policeOfficer.id}::uuid`,
    );
    expect(event?.outcome).toBe('allowed');
  });

  it('explains an invalid personal identity number and a missing child', async () => {
    const { cookie } = await signIn(app, world.staff.policeOfficer.username);
    const invalid = await post('/api/named-person/lookup', { personnummer: '19811218-9875' }, cookie);
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().error.code).toBe('invalid_personnummer');
    expect(invalid.json().error.message).toMatch(/kontrollsiffr/i);
    const unknown = await post('/api/named-person/lookup', { personnummer: '19811218-9876' }, cookie);
    expect(unknown.statusCode).toBe(404);
  });
});

describe('protected identity', () => {
  it('is masked for staff at the unit, shown to the named person, and not found by lookup', async () => {
    const child = await world.makeChild({
      age: 13,
      protectedIdentity: true,
      givenName: `Hemlig${world.tag}`,
      at: [{ unitId: world.units.school.id, kind: 'school_class', groupName: '7A' }],
    });
    const teacher = await signIn(app, world.staff.teacher.username);
    const page = (await get(`/api/children/${child.id}`, teacher.cookie)).json().child;
    expect(page).toMatchObject({ masked: true, givenName: null, familyName: null, address: null });
    expect(page.enrollments[0]).toMatchObject({ unitName: null, groupName: null });
    expect(page.namedPerson.unitName).toBeNull();
    expect(page.guardians.every((g: { givenName: string | null }) => g.givenName === null)).toBe(true);
    const body = JSON.stringify(page);
    expect(body).not.toContain(`Hemlig${world.tag}`);
    expect(body).not.toContain(world.units.school.name);

    // Never matched by a name search, never ordered by its hidden name.
    const search = await get(`/api/children?search=hemlig${world.tag}`, teacher.cookie);
    expect(search.json().items).toEqual([]);

    const lookup = await post('/api/named-person/lookup', { personnummer: child.personnummer }, teacher.cookie);
    expect(lookup.statusCode).toBe(404);

    const principal = await signIn(app, world.staff.principal.username);
    const asNamedPerson = (await get(`/api/children/${child.id}`, principal.cookie)).json().child;
    expect(asNamedPerson).toMatchObject({ masked: false, givenName: `Hemlig${world.tag}` });
  });
});

describe('manual assignment and declining', () => {
  it('records a manual assignment and a decline as history with reasons', async () => {
    const child = await world.makeChild({ age: 3, at: [{ unitId: world.units.bvc.id, kind: 'child_health_listing' }] });
    const nurse = await signIn(app, world.staff.nurse.username);
    const declined = await post(`/api/children/${child.id}/named-person`, { action: 'decline', reason: 'Familjen vill inte ha en barnkontakt.' }, nurse.cookie);
    expect(declined.statusCode).toBe(201);
    expect(declined.json().namedPerson.status).toBe('declined');

    // The nurse is no longer named person but still sees the child through the listing.
    const history = (await get(`/api/children/${child.id}/named-person/history`, nurse.cookie)).json().items;
    expect(history.map((h: { reason: string }) => h.reason)).toEqual(['declined', 'registration']);
    expect(history[0].note).toBe('Familjen vill inte ha en barnkontakt.');
    expect(history[1].validTo).not.toBeNull();

    const assigned = await post(
      `/api/children/${child.id}/named-person`,
      { action: 'assign', staffId: world.staff.nurse.id, reason: 'Familjen har ändrat sig.' },
      nurse.cookie,
    );
    expect(assigned.statusCode).toBe(201);
    expect(assigned.json().namedPerson).toMatchObject({ status: 'assigned', staffId: world.staff.nurse.id, reason: 'manual' });
  });

  it('refuses a person who cannot be a named person, and a professional without the right', async () => {
    const child = await world.makeChild({ age: 9, at: [{ unitId: world.units.school.id, kind: 'school_class' }] });
    const principal = await signIn(app, world.staff.principal.username);
    const notEligible = await post(
      `/api/children/${child.id}/named-person`,
      { action: 'assign', staffId: world.staff.policeOfficer.id, reason: 'Test av regel.' },
      principal.cookie,
    );
    expect(notEligible.statusCode).toBe(422);
    expect(notEligible.json().error.code).toBe('invalid_named_person');

    const teacher = await signIn(app, world.staff.teacher.username);
    const forbidden = await post(`/api/children/${child.id}/named-person`, { action: 'decline', reason: 'Inte min uppgift.' }, teacher.cookie);
    expect(forbidden.statusCode).toBe(403);
  });
});

describe('registration', () => {
  it('refuses a duplicate with 409 that points to the existing child', async () => {
    const child = await world.makeChild({ age: 5 });
    const admin = await signIn(app, world.staff.admin.username);
    const again = await post(
      '/api/children',
      { personnummer: child.personnummer, givenName: 'Dubbel', familyName: 'Registrering', municipalityId: world.municipality.id },
      admin.cookie,
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'duplicate_child', details: { existingChildId: child.id } });
  });
});

describe('bad input', () => {
  it('answers every endpoint with a 4xx and a message, never a 500', async () => {
    const { cookie } = await signIn(app, world.staff.principal.username);
    const cases: { method: 'GET' | 'POST'; url: string; payload?: unknown; raw?: string }[] = [
      { method: 'POST', url: '/api/auth/login', payload: {} },
      { method: 'POST', url: '/api/auth/login', payload: { username: 'x'.repeat(500), password: 'y' } },
      { method: 'POST', url: '/api/auth/login', raw: '{not json' },
      { method: 'GET', url: '/api/children?limit=0' },
      { method: 'GET', url: '/api/children?limit=abc' },
      { method: 'GET', url: '/api/children?cursor=bm90LWEtY3Vyc29y' },
      { method: 'GET', url: '/api/children/not-a-uuid' },
      { method: 'GET', url: '/api/children/not-a-uuid/named-person/history' },
      { method: 'POST', url: `/api/children/${world.staff.principal.id}/named-person`, payload: { action: 'assign' } },
      { method: 'POST', url: `/api/children/${world.staff.principal.id}/named-person`, payload: { action: 'decline', reason: '' } },
      { method: 'POST', url: `/api/children/${world.staff.principal.id}/named-person`, payload: { action: 'explode', reason: 'x' } },
      { method: 'POST', url: '/api/named-person/lookup', payload: {} },
      { method: 'POST', url: '/api/named-person/lookup', payload: { personnummer: 'abc' } },
      { method: 'POST', url: '/api/named-person/lookup', payload: { personnummer: '20230230-1234' } },
      { method: 'POST', url: '/api/children', payload: { personnummer: '1' } },
      { method: 'GET', url: '/api/staff?limit=9999' },
      { method: 'GET', url: '/api/no-such-endpoint' },
      { method: 'GET', url: `/api/children/${'x'.repeat(500)}` },
      { method: 'GET', url: '/api/children/%E0%A4%A' },
    ];
    for (const c of cases) {
      const response = await app.inject({
        method: c.method,
        url: c.url,
        headers: { cookie, 'accept-language': 'en', ...(c.raw ? { 'content-type': 'application/json' } : {}) },
        ...(c.raw ? { payload: c.raw } : c.payload !== undefined ? { payload: c.payload as object } : {}),
      });
      expect(response.statusCode, `${c.method} ${c.url}`).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, `${c.method} ${c.url}`).toBeLessThan(500);
      const error = response.json().error;
      expect(typeof error.code, `${c.method} ${c.url}`).toBe('string');
      expect(error.message.length, `${c.method} ${c.url}`).toBeGreaterThan(5);
    }
  });
});

describe('audit trail', () => {
  it('records reads of children, denied ones included, in an intact chain', async () => {
    const elsewhere = await world.makeChild({ age: 10, at: [{ unitId: world.units.otherSchool.id, kind: 'school_class' }] });
    const { cookie } = await signIn(app, world.staff.principal.username);
    await get(`/api/children/${elsewhere.id}`, cookie);
    const [denied] = await queryRows<{ outcome: string }>(
      database.db,
      sql`SELECT outcome FROM audit_events WHERE action = 'child.read' AND child_id = ${elsewhere.id}::uuid AND actor_id = ${world.staff.principal.id}::uuid`,
    );
    expect(denied?.outcome).toBe('denied');
    const list = await get('/api/children?limit=5', cookie);
    const ids = list.json().items.map((c: { id: string }) => c.id);
    const [listed] = await queryRows<{ child_ids: string[] }>(
      database.db,
      sql`SELECT child_ids FROM audit_events WHERE action = 'child.list' AND actor_id = ${world.staff.principal.id}::uuid ORDER BY seq DESC LIMIT 1`,
    );
    expect(listed?.child_ids).toEqual(ids);
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });
});
