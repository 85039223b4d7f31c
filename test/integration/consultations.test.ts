/**
 * De-identified consultations through the API: the teacher describes a
 * situation by age band only – a text with an identity number in it is refused;
 * the school records the advice; linking the consultation to the child is
 * refused without consent and succeeds once the guardians have consented to a
 * team meeting.
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, queryRows } from '../../src/db/client.ts';
import { buildApp } from '../../src/http/app.ts';
import { verifyAuditChain } from '../../src/services/audit.ts';
import { testDatabase } from '../support/db.ts';
import { makeWorld, signIn, type World } from '../support/factories.ts';

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

const call = (method: 'GET' | 'POST', url: string, cookie: string, payload?: unknown) =>
  app.inject({ method, url, headers: { cookie, 'accept-language': 'en' }, ...(payload !== undefined ? { payload: payload as object } : {}) });

const SITUATION = 'En elev i årskurs 5 har varit tyst och trött i flera veckor och undviker idrotten. Vårdnadshavarna nås på 070-111 11 11.';
const QUESTION = 'Ska vi göra en orosanmälan eller först kalla till ett möte med familjen?';

async function consentFor(childId: string, cookie: string, purposes: string[]) {
  const guardians = await queryRows<{ guardian_id: string }>(
    database.db,
    sql`SELECT guardian_id FROM guardianships WHERE child_id = ${childId}::uuid AND custody`,
  );
  const response = await call('POST', `/api/children/${childId}/consents`, cookie, {
    guardians: guardians.map((g) => ({ guardianId: g.guardian_id, decision: 'given' })),
    recipientAgencyTypes: ['social_services'],
    categories: ['concern', 'meeting'],
    purposes,
    form: 'written',
    childView: 'Jag vill att någon hjälper mig.',
    childDecision: 'given',
  });
  expect(response.statusCode).toBe(201);
  return response.json().id as string;
}

describe('de-identified consultations', () => {
  it('is created by age band, refused when it carries an identity number, and listed for the unit', async () => {
    const teacher = await signIn(app, world.staff.teacher.username);
    const created = await call('POST', '/api/consultations', teacher.cookie, {
      unitId: world.units.school.id,
      ageBand: '10-12',
      situation: SITUATION,
      question: QUESTION,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ unitId: world.units.school.id, ageBand: '10-12', advice: null, linked: false });
    const id = created.json().id as string;

    // Something that looks like a personal identity number, in any of its spellings, is refused with an explanation.
    for (const [field, text] of [
      ['situation', 'Gäller 20140312-1234 som har det svårt hemma.'],
      ['situation', 'Gäller 140312-1234 som har det svårt hemma.'],
      ['question', 'Vad gör vi med 1403121234?'],
      ['question', 'Vad gör vi med 201403121234?'],
    ] as const) {
      const refused = await call('POST', '/api/consultations', teacher.cookie, {
        unitId: world.units.school.id,
        ageBand: '10-12',
        situation: SITUATION,
        question: QUESTION,
        [field]: text,
      });
      expect(refused.statusCode, text).toBe(422);
      expect(refused.json().error).toMatchObject({ code: 'not_deidentified', details: { fields: [field] } });
      expect(refused.json().error.message).toMatch(/de-identified/);
    }

    // The school sees it; the police and another school do not.
    const principal = await signIn(app, world.staff.principal.username);
    const ids = async (cookie: string) => (await call('GET', '/api/consultations', cookie)).json().items.map((k: { id: string }) => k.id);
    expect(await ids(principal.cookie)).toContain(id);
    const police = await signIn(app, world.staff.policeOfficer.username);
    const otherPrincipal = await signIn(app, world.staff.otherPrincipal.username);
    expect(await ids(police.cookie)).not.toContain(id);
    expect(await ids(otherPrincipal.cookie)).not.toContain(id);

    // Advice is recorded by the unit; others get 404; advice is de-identified too.
    const advice = await call('POST', `/api/consultations/${id}/advice`, principal.cookie, {
      advice: 'Prata med eleven och vårdnadshavarna först; vid tecken på våld görs en orosanmälan direkt.',
    });
    expect(advice.statusCode).toBe(200);
    expect(advice.json().advice).toMatch(/^Prata med eleven/);
    expect((await call('POST', `/api/consultations/${id}/advice`, police.cookie, { advice: 'Ring oss.' })).statusCode).toBe(404);
    const identifying = await call('POST', `/api/consultations/${id}/advice`, principal.cookie, { advice: 'Gäller nog 140312-1234.' });
    expect(identifying.statusCode).toBe(422);

    // The trail records the creation, but not what it says.
    const [event] = await queryRows<{ details: unknown }>(
      database.db,
      sql`SELECT details FROM audit_events WHERE action = 'consultation.create' AND resource_id = ${id}`,
    );
    expect(event?.details).toEqual({ unitId: world.units.school.id, ageBand: '10-12' });
  });

  it('links to the child only with an active consent for a team meeting or information sharing', async () => {
    const child = await world.makeChild({ age: 11, at: [{ unitId: world.units.school.id, kind: 'school_class' }] });
    const otherChild = await world.makeChild({ age: 11, at: [{ unitId: world.units.school.id, kind: 'school_class' }] });
    const teacher = await signIn(app, world.staff.teacher.username);
    const principal = await signIn(app, world.staff.principal.username);
    const id = (
      await call('POST', '/api/consultations', teacher.cookie, { unitId: world.units.school.id, ageBand: '10-12', situation: SITUATION, question: QUESTION })
    ).json().id as string;

    // 1. No consent at all.
    const noConsent = await call('POST', `/api/consultations/${id}/link`, teacher.cookie, {
      childId: child.id,
      consentId: '00000000-0000-4000-8000-000000000000',
    });
    expect(noConsent.statusCode).toBe(422);
    expect(noConsent.json().error.code).toBe('consent_missing');
    expect(noConsent.json().error.message).toMatch(/consent/i);

    // 2. A consent, but for another child; and one for this child only for the child's plan.
    const othersConsent = await consentFor(otherChild.id, principal.cookie, ['team_meeting']);
    const planOnly = await consentFor(child.id, principal.cookie, ['childs_plan']);
    for (const consentId of [othersConsent, planOnly]) {
      const refused = await call('POST', `/api/consultations/${id}/link`, teacher.cookie, { childId: child.id, consentId });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().error.code).toBe('consent_missing');
    }

    // 3. A withdrawn consent no longer counts.
    const withdrawnConsent = await consentFor(child.id, principal.cookie, ['team_meeting']);
    const withdrawal = await call('POST', `/api/consents/${withdrawnConsent}/withdraw`, principal.cookie, { party: { child: true }, note: 'Barnet vill inte längre.' });
    expect(withdrawal.statusCode).toBe(200);
    const afterWithdrawal = await call('POST', `/api/consultations/${id}/link`, teacher.cookie, { childId: child.id, consentId: withdrawnConsent });
    expect(afterWithdrawal.json().error.code).toBe('consent_missing');

    // 4. Someone who cannot see the child gets 404, consent or not.
    const consentId = await consentFor(child.id, principal.cookie, ['team_meeting', 'information_sharing']);
    const elsewhere = await world.makeChild({ age: 11, at: [{ unitId: world.units.otherSchool.id, kind: 'school_class' }] });
    const notVisible = await call('POST', `/api/consultations/${id}/link`, teacher.cookie, { childId: elsewhere.id, consentId });
    expect(notVisible.statusCode).toBe(404);
    const police = await signIn(app, world.staff.policeOfficer.username);
    expect((await call('POST', `/api/consultations/${id}/link`, police.cookie, { childId: child.id, consentId })).statusCode).toBe(404);

    // 5. With an active consent for a team meeting: linked.
    const linked = await call('POST', `/api/consultations/${id}/link`, teacher.cookie, { childId: child.id, consentId });
    expect(linked.statusCode).toBe(200);
    expect(linked.json()).toMatchObject({ id, linked: true, childId: child.id, consentId });
    const [row] = await queryRows<{ child_id: string; consent_id: string; linked_by: string }>(
      database.db,
      sql`SELECT child_id, consent_id, linked_by FROM consultations WHERE id = ${id}::uuid`,
    );
    expect(row).toEqual({ child_id: child.id, consent_id: consentId, linked_by: world.staff.teacher.id });
    const twice = await call('POST', `/api/consultations/${id}/link`, teacher.cookie, { childId: child.id, consentId });
    expect(twice.statusCode).toBe(409);

    const events = await queryRows<{ outcome: string; child_id: string | null; reason: string | null }>(
      database.db,
      sql`SELECT outcome, child_id, details->>'reason' AS reason FROM audit_events
           WHERE action = 'consultation.link' AND resource_id = ${id} AND actor_id = ${world.staff.teacher.id}::uuid ORDER BY seq`,
    );
    expect(events.map((e) => e.outcome)).toEqual(['denied', 'denied', 'denied', 'denied', 'denied', 'allowed']);
    expect(events.filter((e) => e.reason === 'consent_missing')).toHaveLength(4);
    expect(events.at(-1)).toMatchObject({ outcome: 'allowed', child_id: child.id });
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });

  it('answers bad input with a 4xx and a message', async () => {
    const { cookie } = await signIn(app, world.staff.teacher.username);
    const valid = { unitId: world.units.school.id, ageBand: '6-9', situation: SITUATION, question: QUESTION };
    const cases: { method: 'GET' | 'POST'; url: string; payload?: unknown }[] = [
      { method: 'POST', url: '/api/consultations', payload: {} },
      { method: 'POST', url: '/api/consultations', payload: { ...valid, ageBand: '7' } },
      { method: 'POST', url: '/api/consultations', payload: { ...valid, unitId: world.units.policeUnit.id } },
      { method: 'POST', url: '/api/consultations', payload: { ...valid, unitId: 'school' } },
      { method: 'POST', url: '/api/consultations', payload: { ...valid, situation: '' } },
      { method: 'POST', url: '/api/consultations', payload: { ...valid, question: 'x'.repeat(2001) } },
      { method: 'GET', url: '/api/consultations?limit=1000' },
      { method: 'GET', url: '/api/consultations?cursor=bm9wZQ' },
      { method: 'POST', url: '/api/consultations/not-a-uuid/advice', payload: { advice: 'Gör så här.' } },
      { method: 'POST', url: '/api/consultations/00000000-0000-4000-8000-000000000000/advice', payload: { advice: 'Gör så här.' } },
      { method: 'POST', url: '/api/consultations/00000000-0000-4000-8000-000000000000/advice', payload: {} },
      { method: 'POST', url: '/api/consultations/00000000-0000-4000-8000-000000000000/link', payload: { childId: 'x' } },
      { method: 'POST', url: '/api/consultations/00000000-0000-4000-8000-000000000000/link', payload: { childId: world.staff.teacher.id, consentId: world.staff.teacher.id } },
    ];
    for (const c of cases) {
      const response = await call(c.method, c.url, cookie, c.payload);
      expect(response.statusCode, `${c.method} ${c.url} ${JSON.stringify(c.payload)?.slice(0, 80)}`).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, `${c.method} ${c.url}`).toBeLessThan(500);
      expect(response.json().error.message.length, `${c.method} ${c.url}`).toBeGreaterThan(5);
    }
    const notOwnUnit = await call('POST', '/api/consultations', cookie, { ...valid, unitId: world.units.policeUnit.id });
    expect(notOwnUnit.json().error.details).toEqual({ field: 'unitId' });
  });
});
