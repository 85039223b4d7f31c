/**
 * The report of concern (orosanmälan) through the API: the police officer files
 * one for a child they cannot see; it reaches the social-services intake of the
 * child's municipality without consent; the reporter sees only whether it was
 * received and still gets 404 on the child; nobody else reads it.
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, queryRows } from '../../src/db/client.ts';
import { buildApp } from '../../src/http/app.ts';
import { verifyAuditChain } from '../../src/services/audit.ts';
import { testDatabase } from '../support/db.ts';
import { birthDateForAge, makeStaffMember, makeWorld, signIn, uniquePersonnummer, type World } from '../support/factories.ts';

let database: Database;
let app: FastifyInstance;
let world: World;
let otherWorld: World;
let intake: { id: string; username: string };
let otherIntake: { id: string; username: string };

beforeAll(async () => {
  database = await testDatabase();
  app = await buildApp({ database, serveWeb: false });
  world = await makeWorld(database.db);
  otherWorld = await makeWorld(database.db);
  intake = await makeStaffMember(database.db, { username: 'ida.intag', unitId: world.units.socialServices.id, role: 'intake_social_worker' });
  otherIntake = await makeStaffMember(database.db, {
    username: 'ivar.intag',
    unitId: otherWorld.units.socialServices.id,
    role: 'intake_social_worker',
  });
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const call = (method: 'GET' | 'POST', url: string, cookie: string, payload?: unknown) =>
  app.inject({ method, url, headers: { cookie, 'accept-language': 'en' }, ...(payload !== undefined ? { payload: payload as object } : {}) });

const DESCRIPTION = 'Barnet berättade vid ett ingripande att det inte vågar gå hem; blåmärken på armarna.';

describe('a report of concern reaches the intake without consent', () => {
  it('the police officer files; the intake reads it; the reporter sees only the status and still not the child', async () => {
    const child = await world.makeChild({ age: 11, givenName: `Rapport${world.tag}`, at: [{ unitId: world.units.school.id, kind: 'school_class' }] });
    const police = await signIn(app, world.staff.policeOfficer.username);
    expect((await call('GET', `/api/children/${child.id}`, police.cookie)).statusCode).toBe(404);

    // Filing: no consent, and no need to see the child. The receipt says where it went – nothing about the child.
    const filed = await call('POST', '/api/reports-of-concern', police.cookie, {
      personnummer: child.personnummer,
      description: DESCRIPTION,
      immediateDanger: true,
    });
    expect(filed.statusCode).toBe(201);
    const receipt = filed.json();
    expect(Object.keys(receipt).sort()).toEqual(['createdAt', 'id', 'municipalityName']);
    expect(receipt.municipalityName).toBe(world.municipality.name);
    expect(filed.body).not.toContain(child.id);
    expect(filed.body).not.toContain(`Rapport${world.tag}`);
    const reportId = receipt.id as string;

    // Filing gave the police officer no access to the child.
    expect((await call('GET', `/api/children/${child.id}`, police.cookie)).statusCode).toBe(404);
    expect((await call('GET', '/api/children', police.cookie)).json().items).toEqual([]);

    // The reporter sees only whether it was received.
    const asReporter = await call('GET', `/api/reports-of-concern/${reportId}`, police.cookie);
    expect(asReporter.statusCode).toBe(200);
    expect(asReporter.json()).toEqual({ id: reportId, createdAt: receipt.createdAt, status: 'sent', receivedAt: null });

    // The intake of the child's municipality reads the whole report, and finds it in the inbox.
    const intakeSession = await signIn(app, intake.username);
    const inbox = await call('GET', '/api/reports-of-concern?status=sent', intakeSession.cookie);
    expect(inbox.statusCode).toBe(200);
    expect(inbox.json().items.map((r: { id: string }) => r.id)).toContain(reportId);
    const full = await call('GET', `/api/reports-of-concern/${reportId}`, intakeSession.cookie);
    expect(full.statusCode).toBe(200);
    expect(full.json()).toMatchObject({
      id: reportId,
      status: 'sent',
      childId: child.id,
      description: DESCRIPTION,
      immediateDanger: true,
      municipalityName: world.municipality.name,
      reporter: { name: `Erik Test${world.tag}`, unitName: world.units.policeUnit.name },
    });

    // Nobody else: not a social worker or the intake of another municipality, not the child's own school.
    const otherSocial = await signIn(app, otherWorld.staff.socialWorker.username);
    const otherIntakeSession = await signIn(app, otherIntake.username);
    const teacher = await signIn(app, world.staff.teacher.username);
    for (const cookie of [otherSocial.cookie, otherIntakeSession.cookie, teacher.cookie]) {
      const denied = await call('GET', `/api/reports-of-concern/${reportId}`, cookie);
      expect(denied.statusCode).toBe(404);
      expect(denied.json().error.code).toBe('not_found');
      expect((await call('POST', `/api/reports-of-concern/${reportId}/receive`, cookie)).statusCode).toBe(404);
      const list = (await call('GET', '/api/reports-of-concern', cookie)).json().items.map((r: { id: string }) => r.id);
      expect(list).not.toContain(reportId);
    }
    // The reporter cannot mark it received either.
    expect((await call('POST', `/api/reports-of-concern/${reportId}/receive`, police.cookie)).statusCode).toBe(404);

    // The intake marks it received – idempotently.
    const received = await call('POST', `/api/reports-of-concern/${reportId}/receive`, intakeSession.cookie);
    expect(received.statusCode).toBe(200);
    expect(received.json()).toMatchObject({ status: 'received', receivedBy: expect.stringMatching(/^Ida Test/) });
    const receivedAt = received.json().receivedAt as string;
    const again = await call('POST', `/api/reports-of-concern/${reportId}/receive`, intakeSession.cookie);
    expect(again.json().receivedAt).toBe(receivedAt);

    const status = await call('GET', `/api/reports-of-concern/${reportId}`, police.cookie);
    expect(status.json()).toEqual({ id: reportId, createdAt: receipt.createdAt, status: 'received', receivedAt });
    const mine = await call('GET', '/api/reports-of-concern?mine=true', police.cookie);
    expect(mine.json().items).toContainEqual({ id: reportId, createdAt: receipt.createdAt, status: 'received', receivedAt });
    const ids = (url: string) => call('GET', url, intakeSession.cookie).then((r) => r.json().items.map((x: { id: string }) => x.id));
    expect(await ids('/api/reports-of-concern?status=received')).toContain(reportId);
    expect(await ids('/api/reports-of-concern?status=sent')).not.toContain(reportId);

    // Every step is in the audit trail – never the content – and the chain holds.
    const events = await queryRows<{ action: string; outcome: string; actor_id: string; child_id: string | null; details: unknown }>(
      database.db,
      sql`SELECT action, outcome, actor_id, child_id, details FROM audit_events WHERE resource_id = ${reportId} ORDER BY seq`,
    );
    const summary = events.map((e) => `${e.action}:${e.outcome}`);
    expect(summary[0]).toBe('report_of_concern.file:allowed');
    expect(summary).toContain('report_of_concern.read:allowed');
    expect(summary).toContain('report_of_concern.read:denied');
    expect(summary).toContain('report_of_concern.receive:allowed');
    expect(summary).toContain('report_of_concern.receive:denied');
    expect(events[0]).toMatchObject({ actor_id: world.staff.policeOfficer.id, child_id: child.id });
    const allDetails = JSON.stringify(events.map((e) => e.details));
    expect(allDetails).not.toContain('blåmärken');
    const [listed] = await queryRows<{ child_ids: string[] }>(
      database.db,
      sql`SELECT child_ids FROM audit_events WHERE action = 'report_of_concern.list' AND actor_id = ${intake.id}::uuid ORDER BY seq LIMIT 1`,
    );
    expect(listed?.child_ids).toContain(child.id);
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });

  it('for a number not registered here, asks which municipality, then delivers to its intake', async () => {
    const personnummer = uniquePersonnummer(birthDateForAge(6, 211));
    const teacher = await signIn(app, world.staff.teacher.username);
    const missing = await call('POST', '/api/reports-of-concern', teacher.cookie, { personnummer, description: DESCRIPTION });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error).toMatchObject({ code: 'municipality_required', details: { field: 'municipalityId' } });
    expect(missing.json().error.message).toMatch(/municipalityId/);

    const unknown = await call('POST', '/api/reports-of-concern', teacher.cookie, {
      personnummer,
      description: DESCRIPTION,
      municipalityId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details).toEqual({ field: 'municipalityId' });

    const filed = await call('POST', '/api/reports-of-concern', teacher.cookie, {
      personnummer,
      description: DESCRIPTION,
      municipalityId: otherWorld.municipality.id,
    });
    expect(filed.statusCode).toBe(201);
    expect(filed.json().municipalityName).toBe(otherWorld.municipality.name);
    const otherIntakeSession = await signIn(app, otherIntake.username);
    const read = await call('GET', `/api/reports-of-concern/${filed.json().id}`, otherIntakeSession.cookie);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ childId: null, personnummer: `${personnummer.slice(0, 8)}-${personnummer.slice(8)}` });
    const intakeSession = await signIn(app, intake.username);
    expect((await call('GET', `/api/reports-of-concern/${filed.json().id}`, intakeSession.cookie)).statusCode).toBe(404);
  });

  it('a registered child goes to its own municipality, whatever municipality the reporter names', async () => {
    const child = await world.makeChild({ age: 4, protectedIdentity: true, givenName: `Skyddad${world.tag}` });
    const nurse = await signIn(app, world.staff.nurse.username);
    const filed = await call('POST', '/api/reports-of-concern', nurse.cookie, {
      personnummer: child.personnummer,
      description: DESCRIPTION,
      municipalityId: otherWorld.municipality.id,
    });
    expect(filed.statusCode).toBe(201);
    expect(filed.json().municipalityName).toBe(world.municipality.name);
    expect(filed.body).not.toContain(`Skyddad${world.tag}`);
    const intakeSession = await signIn(app, intake.username);
    expect((await call('GET', `/api/reports-of-concern/${filed.json().id}`, intakeSession.cookie)).json().childId).toBe(child.id);
  });

  it('pages the inbox newest first with a keyset cursor', async () => {
    const nurse = await signIn(app, world.staff.nurse.username);
    const made: string[] = [];
    for (let i = 0; i < 3; i++) {
      const child = await world.makeChild({ age: 2 });
      made.push((await call('POST', '/api/reports-of-concern', nurse.cookie, { personnummer: child.personnummer, description: `${DESCRIPTION} (${i})` })).json().id);
    }
    const intakeSession = await signIn(app, intake.username);
    const seen: { id: string; createdAt: string }[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string; createdAt: string }[]; nextCursor: string | null } = (
        await call('GET', `/api/reports-of-concern?limit=2${cursor ? `&cursor=${cursor}` : ''}`, intakeSession.cookie)
      ).json();
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    const ids = seen.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    // Newest first: the three just filed come first, latest at the top.
    expect(ids.slice(0, 3)).toEqual([...made].reverse());
    const times = seen.map((r) => r.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    // The reporter's own list is status only.
    const mine = (await call('GET', '/api/reports-of-concern?mine=true&limit=100', nurse.cookie)).json().items;
    expect(mine.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining(made));
    for (const r of mine) expect(Object.keys(r).sort()).toEqual(['createdAt', 'id', 'receivedAt', 'status']);
  });

  it('answers bad input with a 4xx and a message', async () => {
    const { cookie } = await signIn(app, world.staff.teacher.username);
    const child = await world.makeChild({ age: 8 });
    const cases: { method: 'GET' | 'POST'; url: string; payload?: unknown }[] = [
      { method: 'POST', url: '/api/reports-of-concern', payload: {} },
      { method: 'POST', url: '/api/reports-of-concern', payload: { personnummer: child.personnummer } },
      { method: 'POST', url: '/api/reports-of-concern', payload: { personnummer: child.personnummer, description: 'kort' } },
      { method: 'POST', url: '/api/reports-of-concern', payload: { personnummer: '19811218-9875', description: DESCRIPTION } },
      { method: 'POST', url: '/api/reports-of-concern', payload: { personnummer: 'abc', description: DESCRIPTION } },
      { method: 'POST', url: '/api/reports-of-concern', payload: { personnummer: child.personnummer, description: DESCRIPTION, immediateDanger: 'ja' } },
      { method: 'POST', url: '/api/reports-of-concern', payload: { personnummer: child.personnummer, description: DESCRIPTION, municipalityId: 'x' } },
      { method: 'GET', url: '/api/reports-of-concern?status=lost' },
      { method: 'GET', url: '/api/reports-of-concern?mine=maybe' },
      { method: 'GET', url: '/api/reports-of-concern?limit=0' },
      { method: 'GET', url: '/api/reports-of-concern?cursor=bm9wZQ' },
      { method: 'GET', url: '/api/reports-of-concern/not-a-uuid' },
      { method: 'GET', url: '/api/reports-of-concern/00000000-0000-4000-8000-000000000000' },
      { method: 'POST', url: '/api/reports-of-concern/not-a-uuid/receive' },
    ];
    for (const c of cases) {
      const response = await call(c.method, c.url, cookie, c.payload);
      expect(response.statusCode, `${c.method} ${c.url} ${JSON.stringify(c.payload)}`).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, `${c.method} ${c.url}`).toBeLessThan(500);
      expect(response.json().error.message.length, `${c.method} ${c.url}`).toBeGreaterThan(5);
    }
    const invalid = await call('POST', '/api/reports-of-concern', cookie, { personnummer: '19811218-9875', description: DESCRIPTION });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().error.code).toBe('invalid_personnummer');
    expect(invalid.json().error.message).toMatch(/check digit/i);
    const noSession = await app.inject({ method: 'POST', url: '/api/reports-of-concern', payload: { personnummer: child.personnummer, description: DESCRIPTION } });
    expect(noSession.statusCode).toBe(401);
  });
});
