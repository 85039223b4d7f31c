/**
 * A few cells of the access matrix (src/domain/access-matrix.test.ts) through
 * the real HTTP API: for each cell the reader asks for one note by id
 * (`canReadRecord`) and lists the child's notes (`recordReadableSql`); both
 * answers must match the expectation, and an allowed read is audited with the
 * expected basis. Each cell gets its own child; the situation (consent, team,
 * named person, emergency grant) is written straight into the tables.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, queryRows } from '../../src/db/client.ts';
import { consentParties, consents, emergencyAccesses, namedPersonAssignments, notes, teamMembers } from '../../src/db/schema/index.ts';
import type { InformationCategory } from '../../src/domain/consent.ts';
import { addDays } from '../../src/domain/dates.ts';
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

type StaffKey = keyof World['staff'];
type UnitKey = keyof World['units'];
type ConsentSituation = 'active' | 'expired' | 'withdrawn' | 'child_not_asked';

type Cell = {
  reader: StaffKey;
  note: { unit: UnitKey; category: InformationCategory };
  team?: { unit: UnitKey };
  consent?: { to: 'police' | 'social_services' | 'child_health_care'; categories: InformationCategory[]; situation: ConsentSituation };
  namedPerson?: { staff: StaffKey; unit: UnitKey };
  emergency?: 'unexpired' | 'expired';
  expected: 'allowed' | 'denied';
  basis?: string;
};

const CELLS: Cell[] = [
  { reader: 'teacher', note: { unit: 'school', category: 'school' }, expected: 'allowed', basis: 'owning_unit' },
  { reader: 'teacher', note: { unit: 'bvc', category: 'health' }, expected: 'denied' },
  { reader: 'admin', note: { unit: 'socialServices', category: 'social' }, expected: 'denied' },
  {
    reader: 'otherPrincipal',
    namedPerson: { staff: 'otherPrincipal', unit: 'otherSchool' },
    note: { unit: 'school', category: 'school' },
    expected: 'allowed',
    basis: 'named_person_own_agency',
  },
  { reader: 'otherPrincipal', note: { unit: 'school', category: 'school' }, expected: 'denied' },
  {
    reader: 'otherPrincipal',
    namedPerson: { staff: 'otherPrincipal', unit: 'otherSchool' },
    note: { unit: 'bvc', category: 'health' },
    expected: 'denied',
  },
  {
    reader: 'policeOfficer',
    team: { unit: 'policeUnit' },
    consent: { to: 'police', categories: ['school'], situation: 'active' },
    note: { unit: 'school', category: 'school' },
    expected: 'allowed',
    basis: 'team_consent',
  },
  {
    reader: 'policeOfficer',
    team: { unit: 'policeUnit' },
    consent: { to: 'police', categories: ['school'], situation: 'active' },
    note: { unit: 'school', category: 'health' },
    expected: 'denied',
  },
  { reader: 'policeOfficer', consent: { to: 'police', categories: ['school'], situation: 'active' }, note: { unit: 'school', category: 'school' }, expected: 'denied' },
  ...(['expired', 'withdrawn', 'child_not_asked'] as const).map(
    (situation): Cell => ({
      reader: 'socialWorker',
      team: { unit: 'socialServices' },
      consent: { to: 'social_services', categories: ['school', 'wellbeing'], situation },
      note: { unit: 'school', category: 'wellbeing' },
      expected: 'denied',
    }),
  ),
  {
    reader: 'socialWorker',
    team: { unit: 'socialServices' },
    consent: { to: 'social_services', categories: ['school', 'wellbeing'], situation: 'active' },
    note: { unit: 'school', category: 'wellbeing' },
    expected: 'allowed',
    basis: 'team_consent',
  },
  { reader: 'nurse', emergency: 'unexpired', note: { unit: 'school', category: 'school' }, expected: 'allowed', basis: 'emergency' },
  { reader: 'nurse', emergency: 'expired', note: { unit: 'school', category: 'school' }, expected: 'denied' },
];

function cellName(c: Cell): string {
  const parts = [`${c.reader}`];
  if (c.namedPerson) parts.push('the named person');
  if (c.team) parts.push('in the team');
  if (c.consent) parts.push(`consent ${c.consent.situation} for ${c.consent.to}/${c.consent.categories.join('+')}`);
  if (c.emergency) parts.push(`emergency grant ${c.emergency}`);
  return `${parts.join(', ')}, note ${c.note.category}@${c.note.unit} → ${c.expected}${c.basis ? ` (${c.basis})` : ''}`;
}

const get = (url: string, cookie: string) => app.inject({ method: 'GET', url, headers: { cookie, 'accept-language': 'en' } });

describe('access matrix cells through the HTTP API', () => {
  it.each(CELLS.map((c) => [cellName(c), c] as const))('%s', async (_, cell) => {
    const db = database.db;
    const now = new Date();
    const day = today(now);
    const child = await world.makeChild({ age: 10, at: [{ unitId: world.units.school.id, kind: 'school_class', groupName: '4A' }] });
    const municipalityId = world.municipality.id;
    const reader = world.staff[cell.reader];

    const [created] = await db
      .insert(notes)
      .values({
        municipalityId,
        childId: child.id,
        owningUnitId: world.units[cell.note.unit].id,
        category: cell.note.category,
        title: 'Anteckning',
        body: 'Text.',
        authorId: world.staff.principal.id,
      })
      .returning({ id: notes.id });
    const noteId = created!.id;

    // The named person: whoever the handover chose is replaced by the cell's.
    await db.execute(sql`UPDATE named_person_assignments SET valid_to = now() WHERE child_id = ${child.id}::uuid AND valid_to IS NULL`);
    if (cell.namedPerson) {
      await db.insert(namedPersonAssignments).values({
        municipalityId,
        childId: child.id,
        status: 'assigned',
        staffId: world.staff[cell.namedPerson.staff].id,
        unitId: world.units[cell.namedPerson.unit].id,
        reason: 'manual',
      });
    }
    if (cell.consent) {
      const { situation } = cell.consent;
      const guardians = await queryRows<{ guardian_id: string }>(db, sql`SELECT guardian_id FROM guardianships WHERE child_id = ${child.id}::uuid`);
      const [consent] = await db
        .insert(consents)
        .values({
          municipalityId,
          childId: child.id,
          recipientAgencyTypes: [cell.consent.to],
          categories: cell.consent.categories,
          purposes: ['team_meeting'],
          validFrom: situation === 'expired' ? addDays(day, -365) : addDays(day, -10),
          validTo: situation === 'expired' ? addDays(day, -1) : addDays(day, 300),
          form: 'written',
          childView: 'Barnet vill ha hjälp.',
          childAge: 10,
          childConsentRequired: situation === 'child_not_asked',
          childDecision: situation === 'child_not_asked' ? 'not_asked' : 'given',
          recordedBy: world.staff.principal.id,
          withdrawnAt: situation === 'withdrawn' ? new Date(now.getTime() - 60_000) : null,
        })
        .returning({ id: consents.id });
      await db.insert(consentParties).values(guardians.map((g) => ({ consentId: consent!.id, guardianId: g.guardian_id, municipalityId, decision: 'given' as const })));
    }
    if (cell.team) {
      await db.insert(teamMembers).values({ municipalityId, childId: child.id, staffId: reader.id, unitId: world.units[cell.team.unit].id });
    }
    if (cell.emergency) {
      const expiresAt = new Date(now.getTime() + (cell.emergency === 'unexpired' ? 4 : -1) * 3600_000);
      await db.insert(emergencyAccesses).values({ municipalityId, childId: child.id, staffId: reader.id, reason: 'Akut fara för barnets hälsa.', expiresAt, grantedAt: new Date(expiresAt.getTime() - 4 * 3600_000) });
    }

    const { cookie } = await signIn(app, reader.username);
    const one = await get(`/api/notes/${noteId}`, cookie);
    const list = await get(`/api/children/${child.id}/notes`, cookie);
    const listed = list.statusCode === 200 && (list.json().items as { id: string }[]).some((n) => n.id === noteId);

    expect(one.statusCode, 'GET /api/notes/:id').toBe(cell.expected === 'allowed' ? 200 : 404);
    expect(listed, 'in GET /api/children/:id/notes').toBe(cell.expected === 'allowed');
    const [event] = await queryRows<{ outcome: string; basis: string | null }>(
      db,
      sql`SELECT outcome, details->>'basis' AS basis FROM audit_events
           WHERE action = 'note.read' AND resource_id = ${noteId} AND actor_id = ${reader.id}::uuid ORDER BY seq DESC LIMIT 1`,
    );
    expect(event).toEqual({ outcome: cell.expected, basis: cell.basis ?? null });
  });
});
