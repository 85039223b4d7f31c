/**
 * Exports of a real plan, through the API: the document is built from the
 * database under the access rules and masked for readers who may not see a
 * protected identity. The family PDF opens (pdf-lib and pdfjs) and holds the
 * child's name, every need and action and both views; the child-friendly PDF
 * and the SIP render; the FHIR R4 bundle validates with the `fhir` package;
 * each export is audited; a reader without access gets 404.
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { Fhir } from 'fhir';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, queryRows } from '../../src/db/client.ts';
import { readPdf } from '../../src/exports/pdf-test-support.ts';
import { buildApp } from '../../src/http/app.ts';
import { today } from '../../src/services/clock.ts';
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
  app.inject({ method, url, headers: { cookie, 'accept-language': 'sv' }, ...(payload ? { payload: payload as object } : {}) });

const dayOffset = (days: number) => {
  const d = new Date(`${today()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** A child at the school with a consent for social services and the BVC, both in the team, and a draft SIP. */
async function childWithPlan(options: { protectedIdentity?: boolean } = {}) {
  const child = await world.makeChild({ age: 9, at: [{ unitId: world.units.school.id, kind: 'school_class' }], givenName: 'Åsa-Łucja', protectedIdentity: options.protectedIdentity });
  const principal = await signIn(app, world.staff.principal.username);
  const guardians = (await queryRows<{ guardian_id: string }>(database.db, sql`SELECT guardian_id FROM guardianships WHERE child_id = ${child.id}::uuid`)).map((r) => r.guardian_id);
  const consent = await call('POST', `/api/children/${child.id}/consents`, principal.cookie, {
    guardians: guardians.map((guardianId) => ({ guardianId, decision: 'given' })),
    recipientAgencyTypes: ['social_services', 'child_health_care'],
    categories: ['plan'],
    purposes: ['childs_plan'],
    form: 'written',
    childView: 'Okej.',
    childDecision: 'given',
  });
  expect(consent.statusCode, consent.body).toBe(201);
  for (const [staffId, unitId] of [
    [world.staff.socialWorker.id, world.units.socialServices.id],
    [world.staff.nurse.id, world.units.bvc.id],
  ] as const) {
    expect((await call('POST', `/api/children/${child.id}/team`, principal.cookie, { staffId, unitId })).statusCode).toBe(201);
  }
  const created = await call('POST', `/api/children/${child.id}/plans`, principal.cookie, {
    content: {
      reason: 'Sover dåligt och kommer sent till skolan.',
      needs: [
        {
          id: 'sleep',
          indicator: 'healthy',
          need: 'Sova hela nätter',
          desiredOutcome: 'Somnar före tio fem kvällar i veckan',
          evidence: 'Sömndagbok som familjen för',
          actions: [
            { id: 'bvc', description: 'Sömnrådgivning hos sjuksköterskan', responsibleUnitId: world.units.bvc.id, startDate: dayOffset(0), dueDate: dayOffset(30) },
            { id: 'soc', description: 'Stöd i kvällsrutiner från familjebehandlare', responsibleUnitId: world.units.socialServices.id, startDate: dayOffset(0), dueDate: dayOffset(45) },
          ],
        },
      ],
      childView: { text: 'Jag vill inte vara trött i skolan.', reasonMissing: null },
      // The guardians do not accept the plan (voluntary); the child has not been asked (no `agreement`: null).
      guardiansView: { text: 'Vi behöver hjälp med kvällarna.', reasonMissing: null, agreement: 'not_agreed' },
      overallResponsibility: 'municipality',
      otherMeasures: 'Fritidsgården erbjuder läxhjälp.',
      reviewDate: dayOffset(40),
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  return { child, planId: created.json().id as string, principal };
}

describe('plan exports', () => {
  it('renders the family PDF, the child-friendly PDF and the SIP from the stored plan, and audits each', async () => {
    const { child, planId, principal } = await childWithPlan();
    const family = await call('GET', `/api/plans/${planId}/export.pdf?variant=family&lang=sv`, principal.cookie);
    expect(family.statusCode, family.body.slice(0, 300)).toBe(200);
    expect(family.headers['content-type']).toBe('application/pdf');
    expect(family.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const pdf = await readPdf(new Uint8Array(family.rawPayload));
    for (const text of [
      `Åsa-Łucja ${child.familyName}`,
      'Sova hela nätter',
      'Sömnrådgivning hos sjuksköterskan',
      'Stöd i kvällsrutiner från familjebehandlare',
      'Jag vill inte vara trött i skolan.” Har inte svarat på planen ännu.',
      'Vi behöver hjälp med kvällarna.” Har sagt nej till planen.',
    ]) {
      expect(pdf.text, text).toContain(text);
    }
    expect(pdf.footers.join(' ')).toMatch(/Testdata/);

    const childPdf = await readPdf(new Uint8Array((await call('GET', `/api/plans/${planId}/export.pdf?variant=child&lang=en`, principal.cookie)).rawPayload));
    expect(childPdf.text).toContain('Åsa-Łucja');
    const sip = await readPdf(new Uint8Array((await call('GET', `/api/plans/${planId}/export.pdf?variant=sip&lang=sv`, principal.cookie)).rawPayload));
    expect(sip.text).toContain(world.municipality.name);
    expect(sip.text).toContain('Fritidsgården erbjuder läxhjälp.');

    const exports = await queryRows<{ format: string }>(
      database.db,
      sql`SELECT details->>'format' AS format FROM audit_events WHERE action = 'plan.export' AND resource_id = ${planId} AND outcome = 'allowed' ORDER BY seq`,
    );
    expect(exports.map((e) => e.format)).toEqual(['pdf-family-sv', 'pdf-child-en', 'pdf-sip-sv']);

    // Someone outside gets 404, and the denial is audited.
    const police = await signIn(app, world.staff.policeOfficer.username);
    expect((await call('GET', `/api/plans/${planId}/export.pdf`, police.cookie)).statusCode).toBe(404);
    expect((await call('GET', `/api/plans/${planId}/fhir`, police.cookie)).statusCode).toBe(404);
    const [denied] = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'plan.export' AND resource_id = ${planId} AND outcome = 'denied'`);
    expect(denied!.n).toBe(2);
  });

  it('exports FHIR R4 that validates, and masks a protected identity for a team member without the grant', async () => {
    const { child, planId } = await childWithPlan({ protectedIdentity: true });
    const nurse = await signIn(app, world.staff.nurse.username);
    const response = await call('GET', `/api/plans/${planId}/fhir`, nurse.cookie);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/fhir\+json/);
    const bundle = response.json();
    const fhir = new Fhir();
    const bundleResult = fhir.validate(bundle, { errorOnUnexpected: true });
    expect(bundleResult.valid, JSON.stringify(bundleResult.messages)).toBe(true);
    const types = bundle.entry.map((e: { resource: { resourceType: string } }) => e.resource.resourceType);
    expect(types).toEqual(expect.arrayContaining(['Patient', 'CarePlan', 'CareTeam', 'Consent']));
    for (const entry of bundle.entry) {
      const result = fhir.validate(entry.resource, { errorOnUnexpected: true });
      expect(result.valid, `${entry.resource.resourceType}: ${JSON.stringify(result.messages)}`).toBe(true);
    }
    const carePlan = bundle.entry.find((e: { resource: { resourceType: string } }) => e.resource.resourceType === 'CarePlan').resource;
    expect(carePlan.activity).toHaveLength(2);
    // The nurse may not see the protected identity: no name, identity number or address anywhere in the export.
    expect(response.body).not.toContain('Åsa-Łucja');
    expect(response.body).not.toContain(child.familyName);
    expect(response.body).not.toContain(child.personnummer);
    expect(response.body).not.toContain('Testgatan');
    const masked = await readPdf(new Uint8Array((await call('GET', `/api/plans/${planId}/export.pdf`, nurse.cookie)).rawPayload));
    expect(masked.text).not.toContain('Åsa-Łucja');
    expect(masked.text).not.toContain(child.personnummer.slice(2, 8));
  });
});
