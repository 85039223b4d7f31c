/**
 * The consent story, through the API: the police officer reads a school note →
 * 404; the guardians consent for the police and the `school` category → 200;
 * one guardian withdraws → 404 on the very next request; the audit shows all
 * three with their outcomes.
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

const call = (method: 'GET' | 'POST' | 'DELETE', url: string, cookie: string, payload?: unknown) =>
  app.inject({ method, url, headers: { cookie, 'accept-language': 'en' }, ...(payload ? { payload: payload as object } : {}) });

async function guardiansOf(childId: string) {
  return queryRows<{ guardian_id: string }>(database.db, sql`SELECT guardian_id FROM guardianships WHERE child_id = ${childId}::uuid AND custody ORDER BY guardian_id`);
}

function consentBody(guardianIds: string[], over: Record<string, unknown> = {}) {
  return {
    guardians: guardianIds.map((guardianId) => ({ guardianId, decision: 'given' })),
    recipientAgencyTypes: ['police'],
    categories: ['school'],
    purposes: ['team_meeting', 'information_sharing'],
    form: 'written',
    childView: 'Jag vill att polisen hjälper till så att det blir lugnt på vägen till skolan.',
    childDecision: 'given',
    ...over,
  };
}

describe('the consent story', () => {
  it('police reads a school note: 404, then 200 with consent, then 404 after one guardian withdraws', async () => {
    const child = await world.makeChild({ age: 13, at: [{ unitId: world.units.school.id, kind: 'school_class', groupName: '7B' }] });
    const principal = await signIn(app, world.staff.principal.username);
    const police = await signIn(app, world.staff.policeOfficer.username);

    const note = await call('POST', `/api/children/${child.id}/notes`, principal.cookie, {
      category: 'school',
      title: 'Frånvaro',
      body: 'Hög frånvaro under hösten; eleven berättar om bråk på vägen till skolan.',
    });
    expect(note.statusCode).toBe(201);
    const noteId = note.json().id as string;

    // 1. No consent: not found – and the team cannot take the police in.
    expect((await call('GET', `/api/notes/${noteId}`, police.cookie)).statusCode).toBe(404);
    expect((await call('GET', `/api/children/${child.id}`, police.cookie)).statusCode).toBe(404);
    const refused = await call('POST', `/api/children/${child.id}/team`, principal.cookie, {
      staffId: world.staff.policeOfficer.id,
      unitId: world.units.policeUnit.id,
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('consent_missing');
    expect(refused.json().error.message).toMatch(/consent/i);

    // 2. Both guardians consent for the police and the school category; the police officer joins the team.
    const guardians = (await guardiansOf(child.id)).map((g) => g.guardian_id);
    const consent = await call('POST', `/api/children/${child.id}/consents`, principal.cookie, consentBody(guardians));
    expect(consent.statusCode).toBe(201);
    const added = await call('POST', `/api/children/${child.id}/team`, principal.cookie, {
      staffId: world.staff.policeOfficer.id,
      unitId: world.units.policeUnit.id,
    });
    expect(added.statusCode).toBe(201);
    const read = await call('GET', `/api/notes/${noteId}`, police.cookie);
    expect(read.statusCode).toBe(200);
    expect(read.json().title).toBe('Frånvaro');
    expect((await call('GET', `/api/children/${child.id}`, police.cookie)).statusCode).toBe(200);

    // A category outside the consent stays closed.
    const health = await call('POST', `/api/children/${child.id}/notes`, principal.cookie, { category: 'health', title: 'Hälsa', body: 'Hos skolsköterskan.' });
    expect((await call('GET', `/api/notes/${health.json().id}`, police.cookie)).statusCode).toBe(404);
    const listed = await call('GET', `/api/children/${child.id}/notes`, police.cookie);
    expect(listed.json().items.map((n: { id: string }) => n.id)).toEqual([noteId]);

    // The banner line says what is shared with whom.
    const consents = (await call('GET', `/api/children/${child.id}/consents`, principal.cookie)).json().items;
    expect(consents[0].state).toBe('active');
    expect(consents[0].summary.en).toMatch(/^Shared with: the police \(school\) until \d{4}-\d{2}-\d{2} – consent from both guardians$/);

    // 3. One guardian withdraws: the very next request is refused.
    const withdrawn = await call('POST', `/api/consents/${consent.json().id}/withdraw`, principal.cookie, {
      party: { guardianId: guardians[0] },
      note: 'Vårdnadshavaren ringde och återkallade samtycket.',
    });
    expect(withdrawn.statusCode).toBe(200);
    expect((await call('GET', `/api/notes/${noteId}`, police.cookie)).statusCode).toBe(404);
    expect((await call('GET', `/api/children/${child.id}`, police.cookie)).statusCode).toBe(404);
    // The record stays with its owning unit.
    expect((await call('GET', `/api/notes/${noteId}`, principal.cookie)).statusCode).toBe(200);
    const again = await call('POST', `/api/consents/${consent.json().id}/withdraw`, principal.cookie, { party: { child: true }, note: 'Igen.' });
    expect(again.statusCode).toBe(409);

    // The audit shows all three reads by the police officer, with outcomes, and the chain is intact.
    const events = await queryRows<{ outcome: string; basis: string | null }>(
      database.db,
      sql`SELECT outcome, details->>'basis' AS basis FROM audit_events
           WHERE action = 'note.read' AND resource_id = ${noteId} AND actor_id = ${world.staff.policeOfficer.id}::uuid ORDER BY seq`,
    );
    expect(events).toEqual([
      { outcome: 'denied', basis: null },
      { outcome: 'allowed', basis: 'team_consent' },
      { outcome: 'denied', basis: null },
    ]);
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });

  it('needs every guardian with custody, and the child’s own consent from the profile’s age', async () => {
    const child = await world.makeChild({ age: 16, at: [{ unitId: world.units.school.id, kind: 'school_class' }] });
    const principal = await signIn(app, world.staff.principal.username);
    const guardians = (await guardiansOf(child.id)).map((g) => g.guardian_id);

    const oneOnly = await call('POST', `/api/children/${child.id}/consents`, principal.cookie, consentBody([guardians[0]!]));
    expect(oneOnly.statusCode).toBe(422);
    expect(oneOnly.json().error).toMatchObject({ code: 'consent_incomplete', details: { missingGuardianIds: [guardians[1]] } });

    const notAsked = await call('POST', `/api/children/${child.id}/consents`, principal.cookie, consentBody(guardians, { childDecision: 'not_asked' }));
    expect(notAsked.statusCode).toBe(422);
    expect(notAsked.json().error.code).toBe('child_consent_required');

    // A guardian who cannot be reached: recorded with the reason; the consent waits until a decision is recorded.
    const unreachable = await call('POST', `/api/children/${child.id}/consents`, principal.cookie, {
      ...consentBody(guardians),
      guardians: [
        { guardianId: guardians[0], decision: 'given' },
        { guardianId: guardians[1], decision: 'unreachable', reason: 'Vistas utomlands, okänd adress.' },
      ],
    });
    expect(unreachable.statusCode).toBe(201);
    const list = (await call('GET', `/api/children/${child.id}/consents`, principal.cookie)).json().items;
    expect(list[0].state).toBe('pending');
  });

  it('rejects bad consent input with a message, and hides consents from those who cannot see the child', async () => {
    const child = await world.makeChild({ age: 9, at: [{ unitId: world.units.school.id, kind: 'school_class' }] });
    const principal = await signIn(app, world.staff.principal.username);
    const police = await signIn(app, world.staff.policeOfficer.username);
    const guardians = (await guardiansOf(child.id)).map((g) => g.guardian_id);
    const bad = [
      { ...consentBody(guardians), categories: [] },
      { ...consentBody(guardians), categories: ['gossip'] },
      { ...consentBody(guardians), childView: '' },
      { ...consentBody(guardians), validFrom: '2026-02-30' },
      { ...consentBody(guardians), validFrom: '2027-01-01', validTo: '2026-01-01' },
      { ...consentBody(guardians), recipientAgencyTypes: [] },
      { ...consentBody(guardians), guardians: [{ guardianId: world.staff.principal.id, decision: 'given' }] },
    ];
    for (const body of bad) {
      const response = await call('POST', `/api/children/${child.id}/consents`, principal.cookie, body);
      expect(response.statusCode, JSON.stringify(body).slice(0, 120)).toBeGreaterThanOrEqual(400);
      expect(response.statusCode).toBeLessThan(500);
      expect(response.json().error.message.length).toBeGreaterThan(5);
    }
    expect((await call('GET', `/api/children/${child.id}/consents`, police.cookie)).statusCode).toBe(404);
    expect((await call('POST', `/api/children/${child.id}/consents`, police.cookie, consentBody(guardians))).statusCode).toBe(404);
  });
});
