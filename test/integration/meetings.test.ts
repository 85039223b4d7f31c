/**
 * One meeting, one plan – through the API. The principal sets up the HLT group
 * with its fixed fortnightly slot (13:00 stays 13:00 across the end of summer
 * time); putting a child on the agenda is refused until the guardians' consent
 * for a team meeting covers every member – the refusal names social services –
 * and then the members join the child's team. The social worker reads the
 * minutes only while a consent lets social services receive `meeting`, and not
 * on the request after it is withdrawn; a member who joined later sees "a child
 * (identity not shown)". The iCalendar feed lists the meetings, in CRLF lines,
 * without a trace of the child; a wrong token is 404. Every step is audited.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, queryRows } from '../../src/db/client.ts';
import { addDays } from '../../src/domain/dates.ts';
import { buildApp } from '../../src/http/app.ts';
import { verifyAuditChain } from '../../src/services/audit.ts';
import { timeZone, today } from '../../src/services/clock.ts';
import { cadenceSlots, instantInZone, isoWeekday } from '../../src/services/meetings.ts';
import { seedMeetings } from '../../src/services/seed-meetings.ts';
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

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
const call = (method: Method, url: string, cookie: string, payload?: unknown) =>
  app.inject({ method, url, headers: { cookie, 'accept-language': 'en' }, ...(payload !== undefined ? { payload: payload as object } : {}) });

async function guardiansOf(childId: string) {
  return queryRows<{ guardian_id: string }>(database.db, sql`SELECT guardian_id FROM guardianships WHERE child_id = ${childId}::uuid AND custody ORDER BY guardian_id`);
}

async function consentFor(childId: string, cookie: string, scope: { agencies: string[]; categories: string[]; purposes?: string[] }) {
  const response = await call('POST', `/api/children/${childId}/consents`, cookie, {
    guardians: (await guardiansOf(childId)).map((g) => ({ guardianId: g.guardian_id, decision: 'given' })),
    recipientAgencyTypes: scope.agencies,
    categories: scope.categories,
    purposes: scope.purposes ?? ['team_meeting'],
    form: 'written',
    childView: 'Jag vill att de vuxna pratar med varandra.',
    childDecision: 'given',
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
}

async function withdraw(consentId: string, childId: string, cookie: string) {
  const [guardian] = await guardiansOf(childId);
  const response = await call('POST', `/api/consents/${consentId}/withdraw`, cookie, { party: { guardianId: guardian!.guardian_id }, note: 'Vårdnadshavaren vill inte längre.' });
  expect(response.statusCode, response.body).toBe(200);
}

/** Audit events of one action, oldest first. */
async function events(action: string, filter: { actorId?: string; childId?: string; resourceId?: string } = {}) {
  return queryRows<{ outcome: string; child_id: string | null; child_ids: string[] | null; resource_id: string | null; details: Record<string, unknown> | null }>(
    database.db,
    sql`SELECT outcome, child_id, child_ids, resource_id, details FROM audit_events
         WHERE action = ${action}
           ${filter.actorId ? sql`AND actor_id = ${filter.actorId}::uuid` : sql``}
           ${filter.childId ? sql`AND child_id = ${filter.childId}::uuid` : sql``}
           ${filter.resourceId ? sql`AND resource_id = ${filter.resourceId}` : sql``}
         ORDER BY seq`,
  );
}

/** A standing HLT group hosted at the school by the principal, with the social worker and the nurse as members. */
async function hltGroup(principalCookie: string, extra: Record<string, unknown> = {}) {
  const created = await call('POST', '/api/standing-teams', principalCookie, { unitId: world.units.school.id, teamType: 'hlt_group', ...extra });
  expect(created.statusCode, created.body).toBe(201);
  const teamId = created.json().id as string;
  for (const [staffId, unitId] of [
    [world.staff.socialWorker.id, world.units.socialServices.id],
    [world.staff.nurse.id, world.units.bvc.id],
  ]) {
    const added = await call('POST', `/api/standing-teams/${teamId}/members`, principalCookie, { staffId, unitId });
    expect(added.statusCode, added.body).toBe(201);
  }
  return teamId;
}

async function oneMeeting(teamId: string, cookie: string, daysAhead = 7) {
  const scheduled = await call('POST', `/api/standing-teams/${teamId}/meetings`, cookie, { date: addDays(today(), daysAhead) });
  expect(scheduled.statusCode, scheduled.body).toBe(201);
  return scheduled.json().items[0].id as string;
}

describe('standing teams and their fixed slots', () => {
  it('computes local slots across the end of summer time (pure)', () => {
    // Stockholm: CEST (+2) until the last Sunday of October 2030 (the 27th), CET (+1) after.
    expect(instantInZone('2030-10-22', '13:00', 'Europe/Stockholm').toISOString()).toBe('2030-10-22T11:00:00.000Z');
    expect(instantInZone('2030-10-29', '13:00', 'Europe/Stockholm').toISOString()).toBe('2030-10-29T12:00:00.000Z');
    // …and spring forward (the last Sunday of March 2031 is the 30th).
    expect(instantInZone('2031-03-25', '13:00', 'Europe/Stockholm').toISOString()).toBe('2031-03-25T12:00:00.000Z');
    expect(instantInZone('2031-04-01', '13:00', 'Europe/Stockholm').toISOString()).toBe('2031-04-01T11:00:00.000Z');
    // Scotland (GIRFEC) changes on the same Sunday, one hour behind.
    expect(instantInZone('2030-10-22', '13:00', 'Europe/London').toISOString()).toBe('2030-10-22T12:00:00.000Z');
    expect(instantInZone('2030-10-29', '13:00', 'Europe/London').toISOString()).toBe('2030-10-29T13:00:00.000Z');
    const slots = cadenceSlots(
      { everyWeeks: 2, weekday: 2, start: '13:00', end: '15:00', firstDate: '2030-10-15' },
      { after: new Date('2030-10-16T00:00:00Z'), count: 2, zone: 'Europe/Stockholm' },
    );
    expect(slots.map((s) => [s.date, s.startsAt.toISOString(), s.endsAt.toISOString()])).toEqual([
      ['2030-10-29', '2030-10-29T12:00:00.000Z', '2030-10-29T14:00:00.000Z'],
      ['2030-11-12', '2030-11-12T12:00:00.000Z', '2030-11-12T14:00:00.000Z'],
    ]);
  });

  it('creates a team of a profile team type with its cadence, schedules slots at 13:00 local before and after the change, and manages members', async () => {
    expect(timeZone()).toBe('Europe/Stockholm');
    const principal = await signIn(app, world.staff.principal.username);
    // The Tuesday twelve days before next year's last Sunday of October, then fortnightly.
    const year = Number(today().slice(0, 4)) + 1;
    let lastSunday = `${year}-10-31`;
    while (isoWeekday(lastSunday) !== 7) lastSunday = addDays(lastSunday, -1);
    const before = addDays(lastSunday, -12);

    const created = await call('POST', '/api/standing-teams', principal.cookie, {
      unitId: world.units.school.id,
      teamType: 'hlt_group',
      startingFrom: addDays(before, -1),
      location: 'Ekskolan, konferensrummet',
    });
    expect(created.statusCode, created.body).toBe(201);
    const team = created.json();
    expect(team).toMatchObject({
      teamType: 'hlt_group',
      cadence: { everyWeeks: 2, weekday: 2, start: '13:00', end: '15:00' },
      firstDate: before,
      teamTypeName: { sv: 'HLT-grupp (hälsa, lärande och trygghet)' },
      canManage: true,
    });
    expect(team.name).toMatch(/^HLT-grupp/);
    expect(team.members.map((m: { staffId: string }) => m.staffId)).toEqual([world.staff.principal.id]);

    // A team type of another model (Backa barnet's child team 0–6) is refused, naming the valid ones.
    const wrongType = await call('POST', '/api/standing-teams', principal.cookie, { unitId: world.units.school.id, teamType: 'child_team_0_6' });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().error.message).toMatch(/child_team_0_6.*hlt_group/);
    // The police officer cannot host a team at the school.
    const police = await signIn(app, world.staff.policeOfficer.username);
    const notHost = await call('POST', '/api/standing-teams', police.cookie, { unitId: world.units.school.id, teamType: 'hlt_group' });
    expect(notHost.statusCode).toBe(400);
    expect(notHost.json().error.details).toEqual({ field: 'unitId' });

    // Three slots: before the change (CEST, UTC+2) and after it (CET, UTC+1) – 13:00 local each time.
    const scheduled = await call('POST', `/api/standing-teams/${team.id}/meetings`, principal.cookie, { count: 3, from: before });
    expect(scheduled.statusCode, scheduled.body).toBe(201);
    const slots = scheduled.json().items as { id: string; startsAt: string; endsAt: string; localDate: string; localStart: string; localEnd: string; created: boolean; location: string }[];
    expect(slots.map((s) => [s.localDate, s.localStart, s.localEnd])).toEqual([
      [before, '13:00', '15:00'],
      [addDays(lastSunday, 2), '13:00', '15:00'],
      [addDays(lastSunday, 16), '13:00', '15:00'],
    ]);
    expect(slots.map((s) => s.startsAt)).toEqual([
      `${before}T11:00:00.000Z`,
      `${addDays(lastSunday, 2)}T12:00:00.000Z`,
      `${addDays(lastSunday, 16)}T12:00:00.000Z`,
    ]);
    expect(slots.every((s) => s.created && s.location === 'Ekskolan, konferensrummet')).toBe(true);
    // Asking again adds nothing.
    const again = await call('POST', `/api/standing-teams/${team.id}/meetings`, principal.cookie, { count: 3, from: before });
    expect(again.json().items.map((s: { id: string; created: boolean }) => [s.id, s.created])).toEqual(slots.map((s) => [s.id, false]));
    // One extra meeting at a given time; the same time twice is a conflict.
    const extra = await call('POST', `/api/standing-teams/${team.id}/meetings`, principal.cookie, { date: addDays(before, 3), start: '08:30', end: '09:15' });
    expect(extra.statusCode).toBe(201);
    expect(extra.json().items[0]).toMatchObject({ localStart: '08:30', localEnd: '09:15', agendaCount: 0 });
    expect((await call('POST', `/api/standing-teams/${team.id}/meetings`, principal.cookie, { date: addDays(before, 3), start: '08:30', end: '09:15' })).statusCode).toBe(409);

    // Members: a professional who works with children at the unit they represent; not twice; removable.
    const addSocial = await call('POST', `/api/standing-teams/${team.id}/members`, principal.cookie, { staffId: world.staff.socialWorker.id, unitId: world.units.socialServices.id });
    expect(addSocial.statusCode).toBe(201);
    const wrongUnit = await call('POST', `/api/standing-teams/${team.id}/members`, principal.cookie, { staffId: world.staff.teacher.id, unitId: world.units.bvc.id });
    expect(wrongUnit.statusCode).toBe(400);
    expect(wrongUnit.json().error.details).toEqual({ field: 'staffId' });
    expect((await call('POST', `/api/standing-teams/${team.id}/members`, principal.cookie, { staffId: world.staff.socialWorker.id, unitId: world.units.socialServices.id })).statusCode).toBe(409);
    // The police officer sees the municipality's teams but may not change them; an unknown team is 404.
    expect((await call('POST', `/api/standing-teams/${team.id}/members`, police.cookie, { staffId: world.staff.policeOfficer.id, unitId: world.units.policeUnit.id })).statusCode).toBe(403);
    expect((await call('POST', `/api/standing-teams/00000000-0000-4000-8000-000000000000/members`, principal.cookie, { staffId: world.staff.teacher.id, unitId: world.units.school.id })).statusCode).toBe(404);
    const addNurse = await call('POST', `/api/standing-teams/${team.id}/members`, principal.cookie, { staffId: world.staff.nurse.id, unitId: world.units.bvc.id });
    const nurseMember = addNurse.json().members.find((m: { staffId: string }) => m.staffId === world.staff.nurse.id);
    const removed = await call('DELETE', `/api/standing-teams/${team.id}/members/${nurseMember.id}`, principal.cookie);
    expect(removed.statusCode).toBe(200);
    expect(removed.json().members.map((m: { staffId: string }) => m.staffId)).toEqual([world.staff.principal.id, world.staff.socialWorker.id]);

    // The social worker's list shows the team and its next meeting; the meetings list shows titles and times.
    const social = await signIn(app, world.staff.socialWorker.username);
    const teams = (await call('GET', '/api/standing-teams', social.cookie)).json().items as { id: string; nextMeeting: { id: string } | null }[];
    expect(teams.find((t) => t.id === team.id)?.nextMeeting?.id).toBe(slots[0]!.id);
    const listed = await call('GET', `/api/meetings?from=${before}&to=${addDays(lastSunday, 20)}`, social.cookie);
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items.map((m: { id: string }) => m.id)).toEqual([slots[0]!.id, extra.json().items[0].id, slots[1]!.id, slots[2]!.id]);
    expect((await call('GET', `/api/meetings?from=${before}&to=${addDays(before, 400)}`, social.cookie)).statusCode).toBe(400);
    expect((await call('GET', `/api/meetings?from=${before}&to=${addDays(before, -1)}`, social.cookie)).statusCode).toBe(400);

    expect(await events('standing_team.create', { resourceId: team.id })).toHaveLength(1);
    expect((await events('standing_team.member', { resourceId: team.id })).map((e) => [e.outcome, e.details?.change])).toEqual([
      ['allowed', 'added'],
      ['denied', 'added'],
      ['allowed', 'added'],
      ['allowed', 'removed'],
    ]);
    const created4 = await queryRows<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'meeting.create' AND outcome = 'allowed' AND details->>'standingTeamId' = ${team.id}`,
    );
    expect(created4[0]!.n).toBe(4);
  });
});

describe('what a professional may create', () => {
  it("lists the municipality's team types with their default slot and the units where one may host; an administrator may host nowhere", async () => {
    const principal = await signIn(app, world.staff.principal.username);
    const response = await call('GET', '/api/standing-teams/types', principal.cookie);
    expect(response.statusCode, response.body).toBe(200);
    const items = response.json().items as {
      municipalityId: string;
      profile: { key: string };
      hostUnits: { id: string; name: string }[];
      teamTypes: { key: string; name: { sv: string; en: string }; meetingCadence: unknown }[];
    }[];
    expect(items.map((i) => i.municipalityId)).toEqual([world.municipality.id]);
    const [mine] = items;
    expect(mine!.profile.key).toBe('tsi');
    expect(mine!.hostUnits.map((u) => u.id)).toEqual([world.units.school.id]);
    expect(mine!.teamTypes).toEqual([
      {
        key: 'hlt_group',
        name: { sv: 'HLT-grupp (hälsa, lärande och trygghet)', en: 'HLT group (health, learning and safety)' },
        ageFrom: 0,
        ageTo: 17,
        meetingCadence: { everyWeeks: 2, weekday: 2, start: '13:00', end: '15:00' },
      },
      { key: 'team_around_the_child', name: { sv: 'Individuellt barnteam', en: 'Team around the child' }, ageFrom: null, ageTo: null, meetingCadence: null },
    ]);

    // A type that meets as needed gets the slot the creator gives it – and then has slots to schedule.
    const created = await call('POST', '/api/standing-teams', principal.cookie, {
      unitId: mine!.hostUnits[0]!.id,
      teamType: 'team_around_the_child',
      name: `Barnteam ${world.tag}`,
      cadence: { everyWeeks: 3, weekday: 4, start: '09:00', end: '10:30' },
      startingFrom: addDays(today(), 1),
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ teamType: 'team_around_the_child', cadence: { everyWeeks: 3, weekday: 4, start: '09:00', end: '10:30' } });
    const scheduled = await call('POST', `/api/standing-teams/${created.json().id}/meetings`, principal.cookie, { count: 2 });
    expect(scheduled.statusCode, scheduled.body).toBe(201);
    expect(scheduled.json().items.map((m: { localStart: string }) => m.localStart)).toEqual(['09:00', '09:00']);

    // The administrator sees the municipality's types but has no unit to host a team at.
    const admin = await signIn(app, world.staff.admin.username);
    const adminTypes = (await call('GET', '/api/standing-teams/types', admin.cookie)).json().items as { municipalityId: string; hostUnits: unknown[] }[];
    expect(adminTypes.find((i) => i.municipalityId === world.municipality.id)?.hostUnits).toEqual([]);
    // Signed out: 401.
    expect((await app.inject({ method: 'GET', url: '/api/standing-teams/types' })).statusCode).toBe(401);
  });
});

describe('a child on the agenda', () => {
  it('needs a consent for a team meeting covering every member; minutes follow consent for `meeting`; withdrawal ends reading at once', async () => {
    const principal = await signIn(app, world.staff.principal.username);
    const social = await signIn(app, world.staff.socialWorker.username);
    const nurse = await signIn(app, world.staff.nurse.username);
    const police = await signIn(app, world.staff.policeOfficer.username);
    const child = await world.makeChild({ age: 11, givenName: 'Agendabarn', at: [{ unitId: world.units.school.id, kind: 'school_class' }] });
    const teamId = await hltGroup(principal.cookie);
    const meetingId = await oneMeeting(teamId, principal.cookie);

    // 1. No consent at all: refused, naming who is not covered.
    const none = await call('POST', `/api/meetings/${meetingId}/agenda`, principal.cookie, { childId: child.id });
    expect(none.statusCode).toBe(422);
    expect(none.json().error.code).toBe('consent_missing');
    expect(none.json().error.message).toMatch(/no active consent for a team meeting/);
    expect(none.json().error.message).toMatch(/social services/);

    // 2. A consent for school and child health care only: the refusal names social services – and only them.
    const partial = await consentFor(child.id, principal.cookie, { agencies: ['school', 'child_health_care'], categories: ['plan'] });
    const notAll = await call('POST', `/api/meetings/${meetingId}/agenda`, principal.cookie, { childId: child.id });
    expect(notAll.statusCode).toBe(422);
    expect(notAll.json().error.message).toMatch(/does not cover Socialtjänsten \w+ \(social services\)/);
    expect(notAll.json().error.message).not.toMatch(/child health care|school\)/);
    expect(notAll.json().error.details).toMatchObject({ consentId: partial, missing: [{ unitId: world.units.socialServices.id, agencyType: 'social_services' }] });
    const sv = await app.inject({ method: 'POST', url: `/api/meetings/${meetingId}/agenda`, headers: { cookie: principal.cookie, 'accept-language': 'sv' }, payload: { childId: child.id } });
    expect(sv.json().error.message).toMatch(/omfattar inte Socialtjänsten \w+ \(socialtjänsten\)/);

    // Someone who may not read the child gets 404, consent or not.
    expect((await call('POST', `/api/meetings/${meetingId}/agenda`, social.cookie, { childId: child.id })).statusCode).toBe(404);

    // 3. A consent for all three agencies (without `meeting`): the child goes on the agenda and the members join the child's team.
    const all = await consentFor(child.id, principal.cookie, { agencies: ['school', 'social_services', 'child_health_care'], categories: ['plan'] });
    const added = await call('POST', `/api/meetings/${meetingId}/agenda`, principal.cookie, { childId: child.id });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ kind: 'child', consentId: all, position: 1 });
    const itemId = added.json().id as string;
    expect(added.json().addedToChildTeam.map((m: { staffId: string }) => m.staffId).sort()).toEqual(
      [world.staff.principal.id, world.staff.socialWorker.id, world.staff.nurse.id].sort(),
    );
    const team = await call('GET', `/api/children/${child.id}/team`, social.cookie);
    expect(team.statusCode).toBe(200);
    expect(team.json().items).toHaveLength(3);
    expect((await call('POST', `/api/meetings/${meetingId}/agenda`, principal.cookie, { childId: child.id })).statusCode).toBe(409);
    expect((await events('team.add_member', { childId: child.id })).map((e) => e.details?.viaMeeting)).toEqual([meetingId, meetingId, meetingId]);
    expect((await events('meeting.agenda_add', { childId: child.id })).map((e) => [e.outcome, e.details?.reason ?? null])).toEqual([
      ['denied', 'consent_missing'],
      ['denied', 'consent_missing'],
      ['denied', 'consent_missing'],
      ['denied', null],
      ['allowed', null],
    ]);

    // 4. The family is invited (recorded, with the meeting's time and place); attendance is recorded.
    const invited = await call('POST', `/api/meetings/${meetingId}/agenda/${itemId}/invite-family`, principal.cookie, { message: 'Välkomna till mötet om ert barn.' });
    expect(invited.statusCode, invited.body).toBe(201);
    expect(invited.json().invitation).toMatch(/^Välkomna till mötet om ert barn\.\n\nMöte: HLT-grupp.*\nTid: .* kl\. 13:00–15:00\nPlats: /s);
    expect(invited.json().invitees.filter((i: { kind: string }) => i.kind === 'guardian')).toHaveLength(2);
    expect(invited.json().invitees.some((i: { kind: string }) => i.kind === 'child')).toBe(false); // 11 years: below the profile's age
    expect(invited.json().delivery).toBe('recorded_only');
    const [g1, g2] = await guardiansOf(child.id);
    const otherChild = await world.makeChild({ age: 9, at: [{ unitId: world.units.school.id, kind: 'school_class' }] });
    const [foreignGuardian] = await guardiansOf(otherChild.id);
    const attendance = {
      professionals: [
        { staffId: world.staff.principal.id, present: 'present' },
        { staffId: world.staff.socialWorker.id, present: 'present' },
        { staffId: world.staff.nurse.id, present: 'excused' },
      ],
      family: [{ agendaItemId: itemId, guardians: [{ guardianId: g1!.guardian_id, present: 'present' }, { guardianId: g2!.guardian_id, present: 'absent' }], child: 'present' }],
    };
    const recorded = await call('PUT', `/api/meetings/${meetingId}/attendance`, principal.cookie, attendance);
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect(recorded.json().professionals).toHaveLength(3);
    expect(recorded.json().family).toHaveLength(3);
    const outsider = await call('PUT', `/api/meetings/${meetingId}/attendance`, principal.cookie, { professionals: [{ staffId: world.staff.teacher.id, present: 'present' }] });
    expect(outsider.statusCode).toBe(400);
    const wrongGuardian = await call('PUT', `/api/meetings/${meetingId}/attendance`, principal.cookie, {
      family: [{ agendaItemId: itemId, guardians: [{ guardianId: foreignGuardian!.guardian_id, present: 'present' }] }],
    });
    expect(wrongGuardian.statusCode).toBe(400);
    expect((await events('meeting.attendance', { resourceId: meetingId })).map((e) => e.child_id)).toEqual([null, child.id]);

    // 5. The principal writes the minutes (owned by the school).
    const written = await call('POST', `/api/meetings/${meetingId}/agenda/${itemId}/minutes`, principal.cookie, {
      minutes: 'Teamet gick igenom läget i skolan och hemma.',
      decisions: ['Socialtjänsten erbjuder familjestöd.', 'Uppföljning om sex veckor.'],
    });
    expect(written.statusCode, written.body).toBe(201);
    expect(written.json()).toMatchObject({ owningUnitId: world.units.school.id, decisions: ['Socialtjänsten erbjuder familjestöd.', 'Uppföljning om sex veckor.'] });
    const minutesId = written.json().id as string;
    expect(await events('meeting.minutes_write', { resourceId: minutesId })).toHaveLength(1);

    const minutesOf = async (cookie: string) => call('GET', `/api/children/${child.id}/minutes`, cookie);
    const meetingAs = async (cookie: string) => (await call('GET', `/api/meetings/${meetingId}`, cookie)).json();

    // The consent does not cover `meeting`: the social worker sees the child on the agenda, not the minutes.
    expect((await minutesOf(social.cookie)).json().items).toEqual([]);
    let seen = await meetingAs(social.cookie);
    expect(seen.agenda[0]).toMatchObject({ identityShown: true, child: { id: child.id, givenName: 'Agendabarn' }, minutes: [] });

    // 6. A consent lets social services receive `meeting`: now they read the minutes – the nurse still does not.
    const meetingConsent = await consentFor(child.id, principal.cookie, { agencies: ['social_services'], categories: ['meeting'] });
    expect((await minutesOf(social.cookie)).json().items.map((m: { id: string }) => m.id)).toEqual([minutesId]);
    seen = await meetingAs(social.cookie);
    expect(seen.agenda[0].minutes.map((m: { id: string }) => m.id)).toEqual([minutesId]);
    expect(seen.agenda[0].family).toHaveLength(3);
    expect((await minutesOf(nurse.cookie)).json().items).toEqual([]);

    // 7. Withdrawn: on the very next request the social worker reads no minutes.
    await withdraw(meetingConsent, child.id, principal.cookie);
    expect((await minutesOf(social.cookie)).json().items).toEqual([]);
    expect((await meetingAs(social.cookie)).agenda[0].minutes).toEqual([]);
    // The consent for the team withdrawn too: the child is no longer shown to them at all.
    await withdraw(all, child.id, principal.cookie);
    expect((await minutesOf(social.cookie)).statusCode).toBe(404);
    seen = await meetingAs(social.cookie);
    expect(seen.agenda[0]).toMatchObject({ identityShown: false, child: null, label: { en: 'A child (identity not shown)' }, minutes: [], family: [], familyInvitation: null });
    // The school keeps its own minutes.
    expect((await minutesOf(principal.cookie)).json().items.map((m: { id: string }) => m.id)).toEqual([minutesId]);

    // 8. A member who joined after the child was put on the agenda sees the point, never the child.
    const policeMember = await call('POST', `/api/standing-teams/${teamId}/members`, principal.cookie, { staffId: world.staff.policeOfficer.id, unitId: world.units.policeUnit.id });
    expect(policeMember.statusCode).toBe(201);
    const policeView = await call('GET', `/api/meetings/${meetingId}`, police.cookie);
    expect(policeView.statusCode).toBe(200);
    expect(policeView.json().agenda[0]).toMatchObject({ kind: 'child', identityShown: false, child: null, label: { sv: 'Ett barn (identiteten visas inte)' } });
    expect(policeView.body).not.toContain(child.id);
    expect(policeView.body).not.toContain('Agendabarn');
    expect(policeView.body).not.toContain(child.familyName);
    const policeList = await call('GET', '/api/meetings', police.cookie);
    expect(policeList.json().items.map((m: { id: string }) => m.id)).toContain(meetingId);
    expect(policeList.body).not.toContain('Agendabarn');
    expect((await call('POST', `/api/meetings/${meetingId}/agenda/${itemId}/minutes`, police.cookie, { minutes: 'Polisen noterar.', decisions: [] })).statusCode).toBe(404);

    // Every read of the point is in the trail: allowed for those shown the child, denied for the police.
    const socialReads = await events('meeting.read', { childId: child.id, actorId: world.staff.socialWorker.id });
    expect(socialReads.map((e) => [e.outcome, e.details?.identityShown])).toEqual([
      ['allowed', true],
      ['allowed', true],
      ['allowed', true],
      ['denied', false],
    ]);
    const policeReads = await events('meeting.read', { childId: child.id, actorId: world.staff.policeOfficer.id });
    expect(policeReads.map((e) => [e.outcome, e.details?.identityShown])).toEqual([['denied', false]]);
    expect((await events('meeting.minutes_read', { childId: child.id, actorId: world.staff.socialWorker.id })).map((e) => [e.outcome, (e.details?.minutesIds as string[] | undefined)?.length ?? null])).toEqual([
      ['allowed', 0],
      ['allowed', 1],
      ['allowed', 0],
      ['denied', null],
    ]);
    expect(await events('meeting.invite_family', { childId: child.id })).toHaveLength(1);
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });

  it("puts a consultation on the agenda (de-identified) and books a child's own meeting under consent", async () => {
    const principal = await signIn(app, world.staff.principal.username);
    const teacher = await signIn(app, world.staff.teacher.username);
    const police = await signIn(app, world.staff.policeOfficer.username);
    const teamId = await hltGroup(principal.cookie);
    const meetingId = await oneMeeting(teamId, principal.cookie, 9);

    const consultation = await call('POST', '/api/consultations', teacher.cookie, {
      unitId: world.units.school.id,
      ageBand: '6-9',
      situation: 'En elev i årskurs 2 är ofta ledsen på morgonen och vill inte gå in i klassrummet.',
      question: 'Vilket stöd kan teamet erbjuda innan vi pratar med familjen?',
    });
    const consultationId = consultation.json().id as string;
    const point = await call('POST', `/api/meetings/${meetingId}/agenda`, principal.cookie, { consultationId });
    expect(point.statusCode, point.body).toBe(201);
    expect(point.json()).toMatchObject({ kind: 'consultation', consentId: null });
    expect((await call('POST', `/api/meetings/${meetingId}/agenda`, principal.cookie, { consultationId })).statusCode).toBe(409);
    expect((await call('POST', `/api/meetings/${meetingId}/agenda`, principal.cookie, {})).statusCode).toBe(400);
    expect((await call('POST', `/api/meetings/${meetingId}/agenda`, principal.cookie, { consultationId, childId: consultationId })).statusCode).toBe(400);
    const social = await signIn(app, world.staff.socialWorker.username);
    const shown = (await call('GET', `/api/meetings/${meetingId}`, social.cookie)).json();
    expect(shown.agenda[0]).toMatchObject({ kind: 'consultation', consultation: { ageBand: '6-9' }, child: null });
    // The consultation must be one of the actor's units'; a meeting one does not take part in is not found.
    expect((await call('POST', `/api/meetings/${meetingId}/agenda`, social.cookie, { consultationId })).statusCode).toBe(404);
    expect((await call('GET', `/api/meetings/${meetingId}`, police.cookie)).statusCode).toBe(404);
    const [denied] = await events('meeting.read', { resourceId: meetingId, actorId: world.staff.policeOfficer.id });
    expect(denied?.outcome).toBe('denied');

    // A child's own team meeting: refused without a consent for a team meeting, booked with one.
    const child = await world.makeChild({ age: 8, givenName: 'Egetmöte', at: [{ unitId: world.units.school.id, kind: 'school_class' }] });
    const body = { date: addDays(today(), 10), start: '10:00', end: '11:00', location: 'Ekskolan, rum 12' };
    const refused = await call('POST', `/api/children/${child.id}/meetings`, principal.cookie, body);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('consent_missing');
    expect((await call('POST', `/api/children/${child.id}/meetings`, police.cookie, body)).statusCode).toBe(404);
    await consentFor(child.id, principal.cookie, { agencies: ['school'], categories: ['meeting'] });
    const booked = await call('POST', `/api/children/${child.id}/meetings`, principal.cookie, body);
    expect(booked.statusCode, booked.body).toBe(201);
    expect(booked.json()).toMatchObject({ kind: 'child', title: 'Teammöte kring ett barn', localStart: '10:00', agendaCount: 1, standingTeam: null });
    expect(booked.body).not.toContain('Egetmöte');
    const identifying = await call('POST', `/api/children/${child.id}/meetings`, principal.cookie, { ...body, location: 'Hemma hos 20140312-1234' });
    expect(identifying.statusCode).toBe(400);
    const detail = (await call('GET', `/api/meetings/${booked.json().id}`, principal.cookie)).json();
    expect(detail.agenda[0]).toMatchObject({ identityShown: true, child: { givenName: 'Egetmöte' } });
    expect((await call('GET', '/api/meetings', principal.cookie)).json().items.map((m: { id: string }) => m.id)).toContain(booked.json().id);
    expect((await events('meeting.create', { childId: child.id })).map((e) => e.outcome)).toEqual(['denied', 'denied', 'allowed']);
  });
});

describe('the iCalendar feed', () => {
  it('lists the member’s meetings in CRLF lines without any child data; a wrong token is 404', async () => {
    const principal = await signIn(app, world.staff.principal.username);
    const social = await signIn(app, world.staff.socialWorker.username);
    const child = await world.makeChild({ age: 10, givenName: 'Kalenderbarn', at: [{ unitId: world.units.school.id, kind: 'school_class' }] });
    const [row] = await queryRows<{ personnummer: string }>(database.db, sql`SELECT personnummer FROM children WHERE id = ${child.id}::uuid`);
    const teamId = await hltGroup(principal.cookie, { name: 'HLT-gruppen; Ekskolan, onsdagar och en mycket lång beskrivning som måste radbrytas' });
    const meetingId = await oneMeeting(teamId, principal.cookie, 5);
    await consentFor(child.id, principal.cookie, { agencies: ['school', 'social_services', 'child_health_care'], categories: ['meeting'] });
    expect((await call('POST', `/api/meetings/${meetingId}/agenda`, principal.cookie, { childId: child.id })).statusCode).toBe(201);
    const own = await call('POST', `/api/children/${child.id}/meetings`, principal.cookie, { date: addDays(today(), 6), start: '14:00', end: '15:00' });
    expect(own.statusCode, own.body).toBe(201);

    const feed = await call('POST', '/api/calendar/feed', social.cookie);
    expect(feed.statusCode, feed.body).toBe(201);
    const { url, path } = feed.json() as { url: string; path: string };
    expect(url.endsWith(path)).toBe(true);
    expect(path).toMatch(/^\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);

    const ics = await app.inject({ method: 'GET', url: path });
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toMatch(/^text\/calendar/);
    const text = ics.body;
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    const unfolded = text.replace(/\r\n /g, '');
    expect(unfolded).toContain(`UID:${meetingId}@samsyn`);
    expect(unfolded).toContain(`UID:${own.json().id}@samsyn`);
    expect(unfolded).toContain('SUMMARY:HLT-gruppen\\; Ekskolan\\, onsdagar och en mycket lång beskrivning som måste radbrytas');
    expect(unfolded).toContain('SUMMARY:Teammöte kring ett barn');
    expect(unfolded).toMatch(/DTSTART:\d{8}T\d{6}Z/);
    // Nothing about the child: not the name, not the identity number, not the id.
    for (const secret of ['Kalenderbarn', child.familyName, row!.personnummer, row!.personnummer.slice(2), child.id]) {
      expect(unfolded).not.toContain(secret);
    }
    const feedEvents = await events('calendar.feed', { actorId: world.staff.socialWorker.id });
    expect(feedEvents.map((e) => e.details?.change)).toEqual(['created', 'read']);
    expect(feedEvents.every((e) => e.child_id === null && e.child_ids === null)).toBe(true);

    // A wrong or malformed token is not found; a new address ends the old one; revoking ends it all.
    expect((await app.inject({ method: 'GET', url: `/api/calendar/${randomBytes(32).toString('base64url')}.ics` })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/calendar/nope.ics' })).statusCode).toBe(404);
    const renewed = await call('POST', '/api/calendar/feed', social.cookie);
    expect(renewed.json().replaced).toBe(true);
    expect((await app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: renewed.json().path })).statusCode).toBe(200);
    expect((await call('DELETE', '/api/calendar/feed', social.cookie)).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: renewed.json().path })).statusCode).toBe(404);
    expect((await call('DELETE', '/api/calendar/feed', social.cookie)).statusCode).toBe(404);
    // Without a session the feed cannot be created.
    expect((await app.inject({ method: 'POST', url: '/api/calendar/feed' })).statusCode).toBe(401);
  });
});

describe('a team for an age band', () => {
  it('takes up children of its ages only, and says which ages when it refuses', async () => {
    const backa = await makeWorld(database.db, { profileKey: 'backa-barnet' });
    const principal = await signIn(app, backa.staff.principal.username);
    const pupil = await backa.makeChild({ age: 10, at: [{ unitId: backa.units.school.id, kind: 'school_class' }] });
    const meetingOf = async (teamType: string) => {
      const created = await call('POST', '/api/standing-teams', principal.cookie, { unitId: backa.units.school.id, teamType });
      expect(created.statusCode, created.body).toBe(201);
      return oneMeeting(created.json().id, principal.cookie, 8);
    };
    const small = await meetingOf('child_team_0_6');
    const refused = await call('POST', `/api/meetings/${small}/agenda`, principal.cookie, { childId: pupil.id });
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json().error).toMatchObject({ code: 'outside_team_ages', details: { ageFrom: 0, ageTo: 6, childAge: 10 } });
    expect(refused.json().error.message).toBe("Child team 0–6 takes up children aged 0–6, and the child is 10. Put the child on a team for the child's age, or book a meeting of the child's own team.");
    expect((await events('meeting.agenda_add', { resourceId: small })).map((e) => [e.outcome, e.details?.reason])).toEqual([['denied', 'outside_team_ages']]);

    const middle = await meetingOf('child_team_7_12');
    await consentFor(pupil.id, principal.cookie, { agencies: ['school'], categories: ['meeting'] });
    const added = await call('POST', `/api/meetings/${middle}/agenda`, principal.cookie, { childId: pupil.id });
    expect(added.statusCode, added.body).toBe(201);
  });
});

describe('cancelling a meeting', () => {
  it('is for those who run the team, needs a reason without child identity, and takes the meeting out of the feed', async () => {
    const principal = await signIn(app, world.staff.principal.username);
    const social = await signIn(app, world.staff.socialWorker.username);
    const teamId = await hltGroup(principal.cookie);
    const meetingId = await oneMeeting(teamId, principal.cookie, 9);
    const feed = (await call('POST', '/api/calendar/feed', social.cookie)).json().path as string;
    expect((await app.inject({ method: 'GET', url: feed })).body).toContain(`UID:${meetingId}@samsyn`);

    // A member from another agency reads the meeting but does not run the team.
    const asMember = (await call('GET', `/api/meetings/${meetingId}`, social.cookie)).json();
    expect(asMember.allowed.cancel).toBe(false);
    const refused = await call('POST', `/api/meetings/${meetingId}/cancel`, social.cookie, { reason: 'Krockar med utbildningsdag.' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toMatch(/run the team/);
    expect((await call('GET', `/api/meetings/${meetingId}`, principal.cookie)).json().allowed.cancel).toBe(true);

    // No reason, or one that names a child, is a 400 naming the field; nothing is written.
    for (const reason of ['   ', 'Vi tar upp 20150312-1234 en annan dag.']) {
      const bad = await call('POST', `/api/meetings/${meetingId}/cancel`, principal.cookie, { reason });
      expect(bad.statusCode, bad.body).toBe(400);
      expect(bad.json().error.details.field).toBe('reason');
    }
    expect((await call('GET', `/api/meetings/${meetingId}`, principal.cookie)).json().cancelledAt).toBeNull();

    const cancelled = await call('POST', `/api/meetings/${meetingId}/cancel`, principal.cookie, { reason: 'Krockar med utbildningsdag.' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({ id: meetingId, cancelReason: 'Krockar med utbildningsdag.' });
    expect(cancelled.json().cancelledAt).toEqual(expect.any(String));
    // Still listed, marked cancelled; no new points; gone from the feed; a second cancel is a 409.
    const listed = (await call('GET', `/api/meetings?from=${today()}&to=${addDays(today(), 20)}`, social.cookie)).json().items;
    expect(listed.find((m: { id: string }) => m.id === meetingId)).toMatchObject({ cancelReason: 'Krockar med utbildningsdag.' });
    const detail = (await call('GET', `/api/meetings/${meetingId}`, principal.cookie)).json();
    expect(detail.allowed).toMatchObject({ addAgendaItem: false, cancel: false });
    expect((await app.inject({ method: 'GET', url: feed })).body).not.toContain(`UID:${meetingId}@samsyn`);
    expect((await call('POST', `/api/meetings/${meetingId}/cancel`, principal.cookie, { reason: 'Igen.' })).statusCode).toBe(409);

    const audited = await events('meeting.cancel', { resourceId: meetingId });
    expect(audited.map((e) => e.outcome)).toEqual(['denied', 'allowed']);
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });

  it('does not cancel a meeting that has already taken place', async () => {
    const principal = await signIn(app, world.staff.principal.username);
    const teamId = await hltGroup(principal.cookie);
    const past = await call('POST', `/api/standing-teams/${teamId}/meetings`, principal.cookie, { date: addDays(today(), -3) });
    expect(past.statusCode, past.body).toBe(201);
    const meetingId = past.json().items[0].id as string;
    expect((await call('GET', `/api/meetings/${meetingId}`, principal.cookie)).json().allowed.cancel).toBe(false);
    const refused = await call('POST', `/api/meetings/${meetingId}/cancel`, principal.cookie, { reason: 'För sent.' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toMatch(/already taken place/);
  });
});

describe('demo standing teams', () => {
  it('seeds a team per profile team type with a cadence, the demo professionals as members, and the next four meetings', async () => {
    const demo = await makeWorld(database.db);
    const result = await seedMeetings(database.db, {
      municipalityId: demo.municipality.id,
      memberUsernames: [demo.staff.principal.username, demo.staff.socialWorker.username, demo.staff.nurse.username, 'no.such.user'],
    });
    expect(result).toEqual({ teams: 1, meetings: 4 });
    const rows = await queryRows<{ team_type: string; members: number; unit_id: string }>(
      database.db,
      sql`SELECT t.team_type, t.unit_id, (SELECT count(*)::int FROM standing_team_members m WHERE m.team_id = t.id) AS members
            FROM standing_teams t WHERE t.municipality_id = ${demo.municipality.id}::uuid`,
    );
    expect(rows).toEqual([{ team_type: 'hlt_group', members: 3, unit_id: demo.units.school.id }]);
    const social = await signIn(app, demo.staff.socialWorker.username);
    const listed = (await call('GET', `/api/meetings?to=${addDays(today(), 60)}`, social.cookie)).json().items as { localStart: string; localDate: string }[];
    expect(listed).toHaveLength(4);
    expect(listed.every((m) => m.localStart === '13:00' && isoWeekday(m.localDate) === 2)).toBe(true);
    // Seeding again adds nothing.
    expect(await seedMeetings(database.db, { municipalityId: demo.municipality.id, memberUsernames: [demo.staff.principal.username] })).toEqual({ teams: 0, meetings: 0 });
  });
});

describe('bad input', () => {
  it('is answered with a 4xx and a message, never a 500', async () => {
    const { cookie } = await signIn(app, world.staff.principal.username);
    const teamId = await hltGroup(cookie);
    const meetingId = await oneMeeting(teamId, cookie, 3);
    const missing = '00000000-0000-4000-8000-000000000000';
    const cases: { method: Method; url: string; payload?: unknown }[] = [
      { method: 'POST', url: '/api/standing-teams', payload: {} },
      { method: 'POST', url: '/api/standing-teams', payload: { unitId: world.units.school.id, teamType: 'hlt_group', cadence: { everyWeeks: 2, weekday: 8, start: '13:00', end: '15:00' } } },
      { method: 'POST', url: '/api/standing-teams', payload: { unitId: world.units.school.id, teamType: 'hlt_group', cadence: { everyWeeks: 2, weekday: 2, start: '15:00', end: '13:00' } } },
      { method: 'POST', url: '/api/standing-teams', payload: { unitId: world.units.school.id, teamType: 'hlt_group', startingFrom: '2030-02-30' } },
      { method: 'POST', url: '/api/standing-teams', payload: { unitId: world.units.school.id, teamType: 'hlt_group', name: 'Team för 20140312-1234' } },
      { method: 'POST', url: `/api/standing-teams/${teamId}/meetings`, payload: { count: 0 } },
      { method: 'POST', url: `/api/standing-teams/${teamId}/meetings`, payload: { count: 2, date: today() } },
      { method: 'POST', url: `/api/standing-teams/${teamId}/meetings`, payload: { date: '1999-01-01' } },
      { method: 'POST', url: `/api/standing-teams/${teamId}/meetings`, payload: { date: today(), start: '25:00' } },
      { method: 'POST', url: `/api/standing-teams/${missing}/meetings`, payload: { count: 1 } },
      { method: 'POST', url: '/api/standing-teams/not-a-uuid/meetings', payload: { count: 1 } },
      { method: 'GET', url: '/api/meetings?from=yesterday' },
      { method: 'GET', url: `/api/meetings/${missing}` },
      { method: 'POST', url: `/api/meetings/${meetingId}/agenda`, payload: { childId: missing } },
      { method: 'POST', url: `/api/meetings/${meetingId}/agenda/${missing}/minutes`, payload: { minutes: 'x', decisions: [] } },
      { method: 'POST', url: `/api/meetings/${meetingId}/agenda/${missing}/minutes`, payload: { minutes: '' } },
      { method: 'POST', url: `/api/meetings/${meetingId}/agenda/${missing}/invite-family`, payload: {} },
      { method: 'PUT', url: `/api/meetings/${meetingId}/attendance`, payload: {} },
      { method: 'PUT', url: `/api/meetings/${meetingId}/attendance`, payload: { professionals: [{ staffId: world.staff.principal.id, present: 'maybe' }] } },
      { method: 'PUT', url: `/api/meetings/${meetingId}/attendance`, payload: { family: [{ agendaItemId: missing, child: 'present' }] } },
      { method: 'POST', url: `/api/children/${missing}/meetings`, payload: { date: today(), start: '10:00', end: '11:00' } },
      { method: 'POST', url: `/api/children/${missing}/meetings`, payload: { date: today(), start: '10:00' } },
      { method: 'GET', url: `/api/children/${missing}/minutes` },
      { method: 'DELETE', url: `/api/standing-teams/${teamId}/members/${missing}` },
    ];
    for (const c of cases) {
      const response = await call(c.method, c.url, cookie, c.payload);
      const label = `${c.method} ${c.url} ${JSON.stringify(c.payload)?.slice(0, 100)}`;
      expect(response.statusCode, `${label} → ${response.body}`).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, label).toBeLessThan(500);
      expect(response.json().error.message.length, label).toBeGreaterThan(5);
    }
  });
});
