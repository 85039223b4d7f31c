/**
 * The wellbeing assessment story, through the API: the school principal
 * assesses a pupil with the family in the room – the wheel with the child's
 * own ratings, the triangle, the matrix and ORS; a rating outside the scale is
 * refused naming the indicator and nothing is written; the social worker in
 * another agency sees nothing without consent, sees it as a team member under
 * a consent covering `wellbeing`, and loses it when the consent is withdrawn.
 * Every read and write is in the audit trail.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, queryRows } from '../../src/db/client.ts';
import { modelProfiles } from '../../src/db/schema/index.ts';
import { TSI_PROFILE } from '../../src/domain/profiles/index.ts';
import { buildApp } from '../../src/http/app.ts';
import { verifyAuditChain } from '../../src/services/audit.ts';
import { testDatabase } from '../support/db.ts';
import { makeWorld, signIn, type World } from '../support/factories.ts';

let database: Database;
let app: FastifyInstance;
/** A municipality whose profile is TSI with ORS, SRS, CORS and CSRS turned on. */
let world: World;
/** A municipality on the "Backa barnet" profile (Behovskompassen). */
let ystad: World;

beforeAll(async () => {
  database = await testDatabase();
  app = await buildApp({ database, serveWeb: false });
  const key = `tsi-ors-${randomBytes(4).toString('hex')}`;
  await database.db.insert(modelProfiles).values({
    key,
    version: 1,
    name: 'TSI med ORS/SRS',
    definition: { ...TSI_PROFILE, key, version: 1, instruments: ['ors', 'srs', 'cors', 'csrs'] },
  });
  world = await makeWorld(database.db, { profileKey: key });
  ystad = await makeWorld(database.db, { profileKey: 'backa-barnet' });
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const call = (method: 'GET' | 'POST', url: string, cookie: string, payload?: unknown) =>
  app.inject({ method, url, headers: { cookie, 'accept-language': 'en' }, ...(payload ? { payload: payload as object } : {}) });

async function guardiansOf(childId: string) {
  const rows = await queryRows<{ guardian_id: string }>(
    database.db,
    sql`SELECT guardian_id FROM guardianships WHERE child_id = ${childId}::uuid AND custody ORDER BY guardian_id`,
  );
  return rows.map((r) => r.guardian_id);
}

async function assessmentCount(childId: string) {
  const [row] = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM assessments WHERE child_id = ${childId}::uuid`);
  return row!.n;
}

function assessmentBody(guardianIds: string[], over: Record<string, unknown> = {}) {
  return {
    participants: { child: true, guardianIds, professionals: [{ name: 'Sara Kurator', role: 'Kurator' }] },
    ratings: [
      { indicator: 'safe', professional: 2, child: 3, guardians: 2, note: 'Bråk på vägen hem.' },
      { indicator: 'healthy', professional: 4, child: 4 },
      { indicator: 'achieving', professional: 3, child: 2, note: 'Hög frånvaro.' },
    ],
    childView: 'Jag vill kunna gå till skolan utan att vara rädd.',
    triangle: [
      { heading: 'learning_and_achieving', kind: 'challenge', text: 'Hög frånvaro under hösten.' },
      { heading: 'family_and_friends', kind: 'strength', text: 'Bra kompisar i klassen.' },
      { heading: 'housing', kind: 'strength', text: 'Trygg bostad.' },
    ],
    matrix: {
      facts: [
        { quadrant: 'resilience', text: 'Tar hjälp när hen ber om det.' },
        { quadrant: 'adversity', text: 'Hot på vägen till skolan.' },
      ],
      position: { x: 2, y: -1.5 },
    },
    instruments: [{ instrument: 'ors', respondent: 'child', scores: { individually: 6, interpersonally: 7.5, socially: 5, overall: 6 } }],
    ...over,
  };
}

describe('wellbeing assessments', () => {
  it('records the wheel with the child’s own ratings, the triangle, the matrix and ORS, and reads it back', async () => {
    const child = await world.makeChild({ age: 15, at: [{ unitId: world.units.school.id, kind: 'school_class', groupName: '9A' }] });
    const principal = await signIn(app, world.staff.principal.username);
    const guardians = await guardiansOf(child.id);

    const created = await call('POST', `/api/children/${child.id}/assessments`, principal.cookie, assessmentBody([guardians[0]!]));
    expect(created.statusCode, created.body).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({
      childId: child.id,
      category: 'wellbeing',
      tool: 'shanarri',
      owningUnitId: world.units.school.id,
      participants: { child: true, guardians: [{ guardianId: guardians[0], name: expect.stringContaining('Förälder') }] },
      childView: 'Jag vill kunna gå till skolan utan att vara rädd.',
      matrix: { position: { x: 2, y: -1.5 }, area: 'resilience_adversity' },
      professionalMean: 3,
    });
    expect(body.ratings[0]).toEqual({ indicator: 'safe', professional: 2, child: 3, guardians: 2, note: 'Bråk på vägen hem.' });
    expect(body.triangle).toContainEqual({ heading: 'housing', side: 'wider_world', kind: 'strength', text: 'Trygg bostad.' });
    // ORS for a 15-year-old: total 24.5, below the 13–17 cut-off of 28.
    expect(body.instruments).toEqual([
      expect.objectContaining({ instrument: 'ors', respondent: 'child', total: 24.5, cutoff: 28, belowClinicalCutoff: true, change: null }),
    ]);
    expect(body.toolDefinition.instruments.map((i: { key: string }) => i.key)).toEqual(['ors', 'srs', 'cors', 'csrs']);

    const read = await call('GET', `/api/assessments/${body.id}`, principal.cookie);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(body);

    // A second scoring some weeks later: the trend and the ORS change show in the list.
    const later = await call(
      'POST',
      `/api/children/${child.id}/assessments`,
      principal.cookie,
      assessmentBody([], {
        assessedOn: new Date().toISOString().slice(0, 10),
        participants: { child: true, guardianIds: [] },
        ratings: [{ indicator: 'safe', professional: 4, child: 4 }],
        instruments: [{ instrument: 'ors', respondent: 'child', scores: { individually: 8, interpersonally: 8, socially: 7, overall: 7.5 } }],
      }),
    );
    expect(later.statusCode, later.body).toBe(201);
    // Make the first one clearly older.
    await database.db.execute(sql`UPDATE assessments SET assessed_on = assessed_on - 42 WHERE id = ${body.id}::uuid`);
    const list = await call('GET', `/api/children/${child.id}/assessments`, principal.cookie);
    expect(list.statusCode).toBe(200);
    const { tool, items, trend } = list.json();
    expect(tool.tool).toBe('shanarri');
    expect(tool.indicators).toHaveLength(8);
    expect(tool.scale).toMatchObject({ min: 1, max: 5 });
    expect(tool.triangle.headings).toHaveLength(21);
    expect(items.map((a: { id: string }) => a.id)).toEqual([later.json().id, body.id]);
    expect(items[0].instruments[0]).toMatchObject({ total: 30.5, change: 6, reliableChange: 'improved', belowClinicalCutoff: false });
    expect(trend.safe.map((p: { professional: number; child: number }) => [p.professional, p.child])).toEqual([
      [2, 3],
      [4, 4],
    ]);
    expect(trend.achieving).toHaveLength(1);
    expect(trend.included).toEqual([]);
  });

  it('refuses a rating outside the scale with 422 naming the indicator, and writes nothing', async () => {
    const child = await world.makeChild({ age: 10, at: [{ unitId: world.units.school.id, kind: 'school_class' }] });
    const principal = await signIn(app, world.staff.principal.username);
    const guardians = await guardiansOf(child.id);
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ ratings: [{ indicator: 'safe', professional: 3 }, { indicator: 'nurtured', child: 7 }] }, 'rating_out_of_scale', /Nurtured.*1–5/],
      [{ ratings: [{ indicator: 'respected', professional: 2.5 }] }, 'rating_out_of_scale', /Respected/],
      [{ ratings: [{ indicator: 'happy', professional: 3 }] }, 'unknown_indicator', /"happy"/],
      [{ participants: { child: false, guardianIds: [] }, ratings: [{ indicator: 'safe', child: 3 }] }, 'rating_without_participant', /child/],
      [
        { instruments: [{ instrument: 'cors', respondent: 'child', scores: { me: 5, family: 11, school: 5, everything: 5 } }] },
        'instrument_score_out_of_range',
        /Family/,
      ],
    ];
    for (const [over, code, message] of cases) {
      const response = await call('POST', `/api/children/${child.id}/assessments`, principal.cookie, assessmentBody(guardians, over));
      expect(response.statusCode, response.body).toBe(422);
      expect(response.json().error.code).toBe(code);
      expect(response.json().error.message).toMatch(message);
    }
    const swedish = await app.inject({
      method: 'POST',
      url: `/api/children/${child.id}/assessments`,
      headers: { cookie: principal.cookie, 'accept-language': 'sv' },
      payload: assessmentBody(guardians, { ratings: [{ indicator: 'included', guardians: 0 }] }),
    });
    expect(swedish.json().error.message).toContain('Inkluderad');
    // Shape errors are 400; a guardian who is not the child's is refused.
    expect((await call('POST', `/api/children/${child.id}/assessments`, principal.cookie, assessmentBody(guardians, { triangle: [{ heading: 'pets', kind: 'strength', text: 'x' }] }))).statusCode).toBe(400);
    expect((await call('POST', `/api/children/${child.id}/assessments`, principal.cookie, assessmentBody(guardians, { matrix: { position: { x: 6, y: 0 } } }))).statusCode).toBe(400);
    expect((await call('POST', `/api/children/${child.id}/assessments`, principal.cookie, assessmentBody([world.staff.principal.id]))).statusCode).toBe(400);
    // Malformed bodies, wrong types and ids that are not uuids: 4xx with a message in the caller's language.
    const bad: [string, unknown, number][] = [
      [`/api/children/${child.id}/assessments`, '{"participants":', 400],
      [`/api/children/${child.id}/assessments`, null, 400],
      [`/api/children/${child.id}/assessments`, { participants: { child: 'yes' } }, 400],
      [`/api/children/${child.id}/assessments`, assessmentBody(guardians, { ratings: [{ indicator: 'safe', professional: '3' }] }), 400],
      [`/api/children/${child.id}/assessments`, assessmentBody(guardians, { concernId: 'not-a-uuid' }), 400],
      [`/api/children/${child.id}/assessments`, assessmentBody(guardians, { summary: 'Bra\u0000 möte.' }), 400],
      ['/api/children/not-a-uuid/assessments', assessmentBody(guardians), 400],
    ];
    for (const [url, payload, status] of bad) {
      for (const lang of ['sv', 'en']) {
        const response = await app.inject({
          method: 'POST',
          url,
          headers: { cookie: principal.cookie, 'accept-language': lang, 'content-type': 'application/json' },
          payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
        });
        expect(response.statusCode, `${lang} ${url} ${JSON.stringify(payload).slice(0, 80)}`).toBe(status);
        expect(response.json().error.message.length).toBeGreaterThan(5);
      }
    }
    expect(await assessmentCount(child.id)).toBe(0);
  });

  it('the social worker reads it only as a team member under a consent covering wellbeing, and loses it on withdrawal', async () => {
    const child = await world.makeChild({ age: 12, at: [{ unitId: world.units.school.id, kind: 'school_class', groupName: '6B' }] });
    const principal = await signIn(app, world.staff.principal.username);
    const social = await signIn(app, world.staff.socialWorker.username);
    const guardians = await guardiansOf(child.id);
    const created = await call('POST', `/api/children/${child.id}/assessments`, principal.cookie, assessmentBody(guardians, { instruments: [] }));
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;

    // 1. No consent: 404 for the assessment and the list.
    expect((await call('GET', `/api/assessments/${id}`, social.cookie)).statusCode).toBe(404);
    expect((await call('GET', `/api/children/${child.id}/assessments`, social.cookie)).statusCode).toBe(404);
    expect((await call('POST', `/api/children/${child.id}/assessments`, social.cookie, assessmentBody(guardians))).statusCode).toBe(404);

    // 2. A consent for social services covering only `school`: in the team, but the assessment stays closed.
    const consentFor = async (categories: string[]) => {
      const response = await call('POST', `/api/children/${child.id}/consents`, principal.cookie, {
        guardians: guardians.map((guardianId) => ({ guardianId, decision: 'given' })),
        recipientAgencyTypes: ['social_services'],
        categories,
        purposes: ['team_meeting', 'information_sharing'],
        form: 'written',
        childView: 'Det är okej att socialtjänsten vet hur jag mår.',
        childDecision: 'given',
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json().id as string;
    };
    const schoolOnly = await consentFor(['school']);
    const joined = await call('POST', `/api/children/${child.id}/team`, principal.cookie, {
      staffId: world.staff.socialWorker.id,
      unitId: world.units.socialServices.id,
    });
    expect(joined.statusCode, joined.body).toBe(201);
    expect((await call('GET', `/api/assessments/${id}`, social.cookie)).statusCode).toBe(404);
    const empty = await call('GET', `/api/children/${child.id}/assessments`, social.cookie);
    expect(empty.statusCode).toBe(200);
    expect(empty.json().items).toEqual([]);

    // 3. A consent covering `wellbeing`: now readable, in the list too.
    const wellbeing = await consentFor(['wellbeing']);
    const read = await call('GET', `/api/assessments/${id}`, social.cookie);
    expect(read.statusCode).toBe(200);
    expect(read.json().ratings).toHaveLength(3);
    const listed = await call('GET', `/api/children/${child.id}/assessments`, social.cookie);
    expect(listed.json().items.map((a: { id: string }) => a.id)).toEqual([id]);
    // Reading is not writing: the social worker cannot file an assessment owned by the school.
    const foreign = await call('POST', `/api/children/${child.id}/assessments`, social.cookie, {
      ...assessmentBody(guardians, { instruments: [] }),
      owningUnitId: world.units.school.id,
    });
    expect(foreign.statusCode).toBe(403);

    // 4. A guardian withdraws the wellbeing consent: closed again on the next request.
    const withdrawn = await call('POST', `/api/consents/${wellbeing}/withdraw`, principal.cookie, {
      party: { guardianId: guardians[0] },
      note: 'Vårdnadshavaren återkallade samtycket i telefon.',
    });
    expect(withdrawn.statusCode).toBe(200);
    expect((await call('GET', `/api/assessments/${id}`, social.cookie)).statusCode).toBe(404);
    expect((await call('GET', `/api/children/${child.id}/assessments`, social.cookie)).json().items).toEqual([]);
    expect(schoolOnly).toBeTruthy();
    // The owning unit keeps it.
    expect((await call('GET', `/api/assessments/${id}`, principal.cookie)).statusCode).toBe(200);

    // The audit trail: the write, and each read by the social worker with its outcome.
    const reads = await queryRows<{ outcome: string; basis: string | null }>(
      database.db,
      sql`SELECT outcome, details->>'basis' AS basis FROM audit_events
           WHERE action = 'assessment.read' AND resource_id = ${id} AND actor_id = ${world.staff.socialWorker.id}::uuid ORDER BY seq`,
    );
    expect(reads).toEqual([
      { outcome: 'denied', basis: null },
      { outcome: 'denied', basis: null },
      { outcome: 'allowed', basis: 'team_consent' },
      { outcome: 'denied', basis: null },
    ]);
    const writes = await queryRows<{ actor_id: string; outcome: string }>(
      database.db,
      sql`SELECT actor_id, outcome FROM audit_events WHERE action = 'assessment.create' AND child_id = ${child.id}::uuid ORDER BY seq`,
    );
    expect(writes.map((w) => [w.actor_id, w.outcome])).toEqual([
      [world.staff.principal.id, 'allowed'],
      [world.staff.socialWorker.id, 'denied'],
      [world.staff.socialWorker.id, 'denied'],
    ]);
    const lists = await queryRows<{ outcome: string; ids: string[] | null }>(
      database.db,
      sql`SELECT outcome, details->'assessmentIds' AS ids FROM audit_events
           WHERE action = 'assessment.list' AND child_id = ${child.id}::uuid AND actor_id = ${world.staff.socialWorker.id}::uuid ORDER BY seq`,
    );
    expect(lists).toEqual([
      { outcome: 'denied', ids: null },
      { outcome: 'allowed', ids: [] },
      { outcome: 'allowed', ids: [id] },
      { outcome: 'allowed', ids: [] },
    ]);
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });

  it('gives a Backa barnet child the 1–5 Behovskompassen with the child’s statements, and no instruments unless turned on', async () => {
    const child = await ystad.makeChild({ age: 9, at: [{ unitId: ystad.units.school.id, kind: 'school_class' }] });
    const principal = await signIn(app, ystad.staff.principal.username);
    const list = await call('GET', `/api/children/${child.id}/assessments`, principal.cookie);
    expect(list.statusCode).toBe(200);
    const { tool, items } = list.json();
    expect(items).toEqual([]);
    expect(tool).toMatchObject({ profileKey: 'backa-barnet', tool: 'behovskompassen', scale: { min: 1, max: 5 }, instruments: [] });
    expect(tool.scale.labels).toHaveLength(5);
    expect(tool.indicators.map((i: { childStatement: { sv: string } }) => i.childStatement.sv)).toContain('Jag får vara med');

    const shanarri = await call('POST', `/api/children/${child.id}/assessments`, principal.cookie, {
      participants: { child: true },
      ratings: [{ indicator: 'safe', child: 4 }],
    });
    expect(shanarri.statusCode).toBe(422);
    expect(shanarri.json().error.code).toBe('unknown_indicator');
    const ors = await call('POST', `/api/children/${child.id}/assessments`, principal.cookie, {
      participants: { child: true },
      instruments: [{ instrument: 'ors', respondent: 'child', scores: { individually: 5, interpersonally: 5, socially: 5, overall: 5 } }],
    });
    expect(ors.statusCode).toBe(422);
    expect(ors.json().error.code).toBe('instrument_not_enabled');

    const compass = await call('POST', `/api/children/${child.id}/assessments`, principal.cookie, {
      participants: { child: true },
      ratings: [
        { indicator: 'safety', child: 5, professional: 4 },
        { indicator: 'belonging', child: 2, professional: 3, note: 'Får inte vara med på rasterna.' },
      ],
    });
    expect(compass.statusCode, compass.body).toBe(201);
    expect(compass.json()).toMatchObject({ tool: 'behovskompassen', profileKey: 'backa-barnet', matrix: { facts: [], position: null, area: null } });
    expect(compass.json().toolDefinition.indicators).toHaveLength(8);
  });
});
