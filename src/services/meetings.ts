/**
 * One meeting, one plan: standing multi-professional teams (child teams 0–6 and
 * 7–12, an HLT group) with fixed ("holy") meeting slots from the model
 * profile's team types; their meetings and a child's own team meeting; an
 * agenda of identified children (only with an active consent for a team
 * meeting that covers every member) and de-identified consultations; the
 * family's invitation, attendance, and minutes per child; a private iCalendar
 * feed per member.
 *
 * Standing teams and meeting lists carry no child data. A child on an agenda is
 * shown by name only to those who may read the child's basic record
 * (`canReadBasicRecord`); minutes are records of category `meeting` owned by
 * the writer's unit and read through `recordReadableSql` – the access module
 * decides, and a withdrawn consent ends other agencies' reading on the next
 * request. The calendar feed leaves the system and so never holds child data:
 * titles of child meetings are fixed, and titles and locations are refused when
 * they look like a personal identity number.
 */
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type Db, type Queryable, queryRows, type Tx } from '../db/client.ts';
import { type AccessTime, meetingParticipantSql, recordReadableSql, uuidArray } from '../db/queries/access.ts';
import { meetingAgendaItems, meetingMinutes, meetings, standingTeamMembers, standingTeams, teamMembers } from '../db/schema/index.ts';
import {
  type Actor,
  canManageStandingTeam,
  canManageTeam,
  canReadBasicRecord,
  canSeeProtectedIdentity,
  canWriteRecord,
  childFacingUnitIds,
  isLeadProfessional,
  type TeamScope,
} from '../domain/access.ts';
import { ageInYears } from '../domain/age.ts';
import { type ConsentFacts, consentCoversRecipient, consentState } from '../domain/consent.ts';
import { addDays, daysBetween, parseIsoDate } from '../domain/dates.ts';
import { AppError } from '../domain/errors.ts';
import type { ModelProfile } from '../domain/profiles/schema.ts';
import { AGENCY_NAMES, type AgencyType, CHILD_FACING_ROLES, type LocalizedText } from '../domain/types.ts';
import { type ChildAccess, accessTimeNow, loadChildAccess, loadChildrenAccess } from './access-facts.ts';
import { recordAuditEvent } from './audit.ts';
import { currentLeadProfessional } from './plans.ts';
import { timeZone, today as todayInZone } from './clock.ts';
import { looksIdentifying } from './consultations.ts';
import { buildCalendar } from './icalendar.ts';
import { loadProfile } from './profiles.ts';
import { childFacingRoleAt, notWorkingWithChildrenThere, readableChild } from './records.ts';
import { loadActor } from './sessions.ts';
import { refuse, runUseCase } from './use-case.ts';


/** The most slots one request schedules, and the widest window a list or a feed covers. */
export const MAX_SLOTS_PER_REQUEST = 26;
export const MAX_LIST_DAYS = 366;
/** The feed keeps meetings that ended this many days ago, so they do not vanish from a calendar the moment they end. */
const FEED_PAST_DAYS = 30;
const FEED_AHEAD_DAYS = 400;

// ── Time: fixed local slots in the deployment's time zone ────────────────────

export type MeetingCadence = {
  everyWeeks: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** HH:MM, local time. */
  start: string;
  end: string;
};

/** ISO weekday (1 = Monday … 7 = Sunday) of a calendar date. */
export function isoWeekday(date: string): number {
  const { year, month, day } = parseIsoDate(date);
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getUTCDay() === 0 ? 7 : d.getUTCDay();
}

/** The first date on or after `date` that falls on `weekday`. */
export function firstWeekdayOnOrAfter(date: string, weekday: number): string {
  return addDays(date, (weekday - isoWeekday(date) + 7) % 7);
}

const wallClockFormats = new Map<string, Intl.DateTimeFormat>();

/** Wall-clock fields in `zone` at an instant. */
function wallClock(instant: Date, zone: string) {
  let format = wallClockFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    wallClockFormats.set(zone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** How far `zone` is ahead of UTC at an instant, in milliseconds. */
function zoneOffsetMs(instant: Date, zone: string): number {
  const w = wallClock(instant, zone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The instant at which the wall clock in `zone` shows `date` `time` – correct
 * on both sides of a daylight-saving change (13:00 stays 13:00 local).
 */
export function instantInZone(date: string, time: string, zone: string): Date {
  const { year, month, day } = parseIsoDate(date);
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // Two passes: the offset at the first guess may be on the other side of a change.
  const first = wall - zoneOffsetMs(new Date(wall), zone);
  return new Date(wall - zoneOffsetMs(new Date(first), zone));
}

/** The local date and HH:MM of an instant in `zone`. */
export function localDateTime(instant: Date, zone: string): { date: string; time: string } {
  const w = wallClock(instant, zone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { date: `${w.year}-${pad(w.month)}-${pad(w.day)}`, time: `${pad(w.hour)}:${pad(w.minute)}` };
}

export type Slot = { date: string; startsAt: Date; endsAt: Date };

/**
 * The next `count` slots of a cadence that start at or after `after`: every
 * `everyWeeks` weeks from `firstDate`, at the local times in `zone`.
 */
export function cadenceSlots(cadence: MeetingCadence & { firstDate: string }, options: { after: Date; count: number; zone: string }): Slot[] {
  const period = cadence.everyWeeks * 7;
  const fromDate = localDateTime(options.after, options.zone).date;
  let k = Math.max(0, Math.floor(daysBetween(cadence.firstDate, fromDate) / period));
  const slots: Slot[] = [];
  while (slots.length < options.count) {
    const date = addDays(cadence.firstDate, k * period);
    const startsAt = instantInZone(date, cadence.start, options.zone);
    if (startsAt.getTime() >= options.after.getTime()) {
      slots.push({ date, startsAt, endsAt: instantInZone(date, cadence.end, options.zone) });
    }
    k++;
  }
  return slots;
}

const municipalityIdsOf = (actor: Actor) => [...new Set(actor.roles.map((r) => r.municipalityId))];

// ── Texts ────────────────────────────────────────────────────────────────────

/** What a professional sees on an agenda point for a child whose basic record they may not read. */
export const HIDDEN_CHILD_LABEL: LocalizedText = { sv: 'Ett barn (identiteten visas inte)', en: 'A child (identity not shown)' };
/** A child with protected identity, for a reader who may read the child but not see the name. */
const PROTECTED_CHILD_LABEL: LocalizedText = { sv: 'Ett barn med skyddad identitet', en: 'A child with protected identity' };
const CHILD_MEETING_TITLE: LocalizedText = { sv: 'Teammöte kring ett barn', en: 'Team around the child meeting' };

const invalid = (field: string, message: LocalizedText) => new AppError('validation_failed', { message, details: { field } });

/** Titles and locations go to lists and calendars that leave the system: nothing that looks like an identity number. */
function requireNoIdentity(fields: Record<string, string | null | undefined>): void {
  for (const [field, value] of Object.entries(fields)) {
    if (value && looksIdentifying(value)) {
      throw invalid(field, {
        sv: 'Texten ser ut att innehålla ett personnummer. Mötestitlar och platser visas i listor och kalendrar – skriv inget som pekar ut ett barn.',
        en: 'The text looks like it contains a personal identity number. Meeting titles and locations show in lists and calendars – write nothing that points to a child.',
      });
    }
  }
}

/** Dates a meeting may be scheduled on: from a year back (recording after the fact) to three years ahead. */
function requireSchedulableDate(field: string, date: string, on: string): void {
  if (daysBetween(on, date) < -366 || daysBetween(on, date) > 3 * 366) {
    throw invalid(field, {
      sv: 'Välj ett datum från ett år bakåt till tre år framåt.',
      en: 'Choose a date from one year back to three years ahead.',
    });
  }
}

function requireTimes(start: string, end: string): void {
  if (start >= end) throw invalid('end', { sv: 'Mötet måste sluta efter att det börjar.', en: 'The meeting must end after it starts.' });
}

const iso = (value: Date | string) => new Date(value).toISOString();

// ── Standing teams ───────────────────────────────────────────────────────────

type TeamRow = {
  id: string;
  municipality_id: string;
  unit_id: string;
  unit_name: string;
  team_type: string;
  name: string;
  every_weeks: number | null;
  weekday: number | null;
  start_time: string | null;
  end_time: string | null;
  first_date: string | null;
  location: string | null;
  created_at: Date | string;
  next_meeting_id: string | null;
  next_meeting_at: Date | string | null;
};

type TeamMemberRow = {
  id: string;
  team_id: string;
  staff_id: string;
  name: string;
  title: string | null;
  unit_id: string;
  unit_name: string;
  agency_type: AgencyType;
  added_at: Date | string;
};

const teamSelect = sql`SELECT t.id, t.municipality_id, t.unit_id, u.name AS unit_name, t.team_type, t.name, t.every_weeks, t.weekday,
       t.start_time, t.end_time, t.first_date::text AS first_date, t.location, t.created_at,
       nm.id AS next_meeting_id, nm.starts_at AS next_meeting_at
  FROM standing_teams t JOIN units u ON u.id = t.unit_id
  LEFT JOIN LATERAL (SELECT m.id, m.starts_at FROM meetings m
                      WHERE m.standing_team_id = t.id AND m.cancelled_at IS NULL AND m.ends_at >= now()
                      ORDER BY m.starts_at LIMIT 1) nm ON TRUE`;

async function loadTeamMembers(tx: Queryable, teamIds: readonly string[]): Promise<TeamMemberRow[]> {
  if (teamIds.length === 0) return [];
  return queryRows<TeamMemberRow>(
    tx,
    sql`SELECT sm.id, sm.team_id, sm.staff_id, s.given_name || ' ' || s.family_name AS name, s.title, sm.unit_id,
               u.name AS unit_name, u.agency_type, sm.added_at
          FROM standing_team_members sm JOIN staff s ON s.id = sm.staff_id JOIN units u ON u.id = sm.unit_id
         WHERE sm.team_id = ANY(${uuidArray(teamIds)}) AND sm.removed_at IS NULL
         ORDER BY sm.added_at, sm.id`,
  );
}

async function municipalityProfile(tx: Queryable, municipalityId: string): Promise<ModelProfile> {
  const [org] = await queryRows<{ model_profile_key: string | null }>(tx, sql`SELECT model_profile_key FROM organisations WHERE id = ${municipalityId}::uuid`);
  return loadProfile(tx, org?.model_profile_key);
}

export type StandingTeamView = ReturnType<typeof presentTeam>;

function presentTeam(actor: Actor, row: TeamRow, members: TeamMemberRow[], profile: ModelProfile | undefined) {
  const teamType = profile?.teamTypes.find((t) => t.key === row.team_type);
  const cadence =
    row.every_weeks !== null && row.weekday !== null && row.start_time && row.end_time
      ? { everyWeeks: row.every_weeks, weekday: row.weekday, start: row.start_time, end: row.end_time }
      : null;
  return {
    id: row.id,
    municipalityId: row.municipality_id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    teamType: row.team_type,
    teamTypeName: teamType?.name ?? null,
    ageFrom: teamType?.ageFrom ?? null,
    ageTo: teamType?.ageTo ?? null,
    name: row.name,
    cadence,
    firstDate: row.first_date,
    location: row.location,
    timeZone: timeZone(),
    members: members
      .filter((m) => m.team_id === row.id)
      .map((m) => ({
        id: m.id,
        staffId: m.staff_id,
        name: m.name,
        title: m.title,
        unitId: m.unit_id,
        unitName: m.unit_name,
        agencyType: m.agency_type,
        addedAt: iso(m.added_at),
      })),
    nextMeeting: row.next_meeting_id && row.next_meeting_at ? { id: row.next_meeting_id, startsAt: iso(row.next_meeting_at) } : null,
    createdAt: iso(row.created_at),
    canManage: canManageStandingTeam(actor, { municipalityId: row.municipality_id, unitId: row.unit_id }),
  };
}

async function teamView(tx: Queryable, actor: Actor, teamId: string) {
  const [row] = await queryRows<TeamRow>(tx, sql`${teamSelect} WHERE t.id = ${teamId}::uuid`);
  const members = await loadTeamMembers(tx, [teamId]);
  return presentTeam(actor, row!, members, await municipalityProfile(tx, row!.municipality_id));
}

/**
 * A standing team the actor may see (one of their municipalities, or they are
 * a member) – else null, so that a foreign team is answered as not found.
 */
async function visibleTeam(tx: Queryable, actor: Actor, teamId: string): Promise<TeamRow | null> {
  const [row] = await queryRows<TeamRow>(
    tx,
    sql`${teamSelect} WHERE t.id = ${teamId}::uuid
          AND (t.municipality_id = ANY(${uuidArray(municipalityIdsOf(actor))})
               OR EXISTS (SELECT 1 FROM standing_team_members sm WHERE sm.team_id = t.id AND sm.staff_id = ${actor.staffId}::uuid AND sm.removed_at IS NULL))`,
  );
  return row ?? null;
}

const teamScope = (row: TeamRow): TeamScope => ({ municipalityId: row.municipality_id, unitId: row.unit_id });

export type CreateStandingTeamInput = {
  unitId: string;
  teamType: string;
  name?: string;
  cadence?: MeetingCadence;
  /** The first meeting is on the cadence's weekday on or after this date (default today). */
  startingFrom?: string;
  location?: string | null;
};

/**
 * Creates a standing team of one of the municipality's team types, hosted by a
 * unit. The cadence defaults from the profile's team type; its first date is
 * the first matching weekday on or after `startingFrom`. The creator joins as a
 * member when they work with children at the hosting unit.
 */
export async function createStandingTeam(options: { db: Db; actor: Actor; input: CreateStandingTeamInput }) {
  const { db, actor, input } = options;
  requireNoIdentity({ name: input.name, location: input.location });
  if (input.cadence) requireTimes(input.cadence.start, input.cadence.end);
  return runUseCase(db, async (tx) => {
    const on = todayInZone();
    const [unit] = await queryRows<{ municipality_id: string; name: string }>(tx, sql`SELECT municipality_id, name FROM units WHERE id = ${input.unitId}::uuid`);
    if (!unit || !canManageStandingTeam(actor, { municipalityId: unit.municipality_id, unitId: input.unitId })) {
      await recordAuditEvent(tx, { actor, action: 'standing_team.create', outcome: 'denied', municipalityId: unit?.municipality_id ?? null, details: { unitId: input.unitId } });
      return refuse(
        invalid('unitId', {
          sv: 'Välj en enhet där du arbetar med barn – eller, som chef, en enhet i din kommun.',
          en: 'Choose a unit where you work with children – or, as a manager, a unit in your municipality.',
        }),
      );
    }
    const profile = await municipalityProfile(tx, unit.municipality_id);
    const teamType = profile.teamTypes.find((t) => t.key === input.teamType);
    if (!teamType) {
      const keys = profile.teamTypes.map((t) => t.key).join(', ');
      return refuse(
        new AppError('validation_failed', {
          message: {
            sv: `Teamtypen "${input.teamType}" finns inte i kommunens modell (${profile.name.sv}). Välj en av: ${keys}.`,
            en: `The team type "${input.teamType}" is not part of the municipality's model (${profile.name.en}). Choose one of: ${keys}.`,
          },
          details: { field: 'teamType', teamTypes: profile.teamTypes.map((t) => t.key) },
        }),
      );
    }
    const cadence = input.cadence ?? teamType.meetingCadence ?? null;
    const startingFrom = input.startingFrom ?? on;
    if (input.startingFrom) requireSchedulableDate('startingFrom', startingFrom, on);
    const [created] = await tx
      .insert(standingTeams)
      .values({
        municipalityId: unit.municipality_id,
        unitId: input.unitId,
        teamType: teamType.key,
        name: input.name?.trim() || `${teamType.name[profile.defaultLanguage]} – ${unit.name}`,
        everyWeeks: cadence?.everyWeeks ?? null,
        weekday: cadence?.weekday ?? null,
        startTime: cadence?.start ?? null,
        endTime: cadence?.end ?? null,
        firstDate: cadence ? firstWeekdayOnOrAfter(startingFrom, cadence.weekday) : null,
        location: input.location?.trim() || null,
        createdBy: actor.staffId,
      })
      .returning({ id: standingTeams.id });
    const teamId = created!.id;
    const hostRole = actor.roles.find((r) => r.unitId === input.unitId && CHILD_FACING_ROLES.includes(r.role));
    if (hostRole) {
      await tx.insert(standingTeamMembers).values({ teamId, staffId: actor.staffId, unitId: input.unitId });
    }
    await recordAuditEvent(tx, {
      actor,
      action: 'standing_team.create',
      outcome: 'allowed',
      municipalityId: unit.municipality_id,
      resourceType: 'standing_team',
      resourceId: teamId,
      details: { unitId: input.unitId, teamType: teamType.key, creatorJoined: Boolean(hostRole) },
    });
    return teamView(tx, actor, teamId);
  });
}

/** The standing teams of the actor's municipalities (and any they belong to), with members and the next meeting. No child data. */
export async function listStandingTeams(options: { db: Db; actor: Actor }) {
  const { db, actor } = options;
  const rows = await queryRows<TeamRow>(
    db,
    sql`${teamSelect}
         WHERE t.municipality_id = ANY(${uuidArray(municipalityIdsOf(actor))})
            OR EXISTS (SELECT 1 FROM standing_team_members sm WHERE sm.team_id = t.id AND sm.staff_id = ${actor.staffId}::uuid AND sm.removed_at IS NULL)
         ORDER BY t.name, t.id`,
  );
  const members = await loadTeamMembers(db, rows.map((r) => r.id));
  const profiles = new Map<string, ModelProfile>();
  for (const id of new Set(rows.map((r) => r.municipality_id))) profiles.set(id, await municipalityProfile(db, id));
  return { items: rows.map((r) => presentTeam(actor, r, members, profiles.get(r.municipality_id))) };
}

/**
 * What the actor may create: for each of their municipalities, the team types
 * of its model profile (with the default fixed slot) and the actor's own units
 * where they may host a standing team (empty when they may host none there).
 */
export async function listStandingTeamTypes(options: { db: Db; actor: Actor }) {
  const { db, actor } = options;
  const municipalityIds = municipalityIdsOf(actor);
  if (municipalityIds.length === 0) return { items: [] };
  const orgs = await queryRows<{ id: string; name: string; model_profile_key: string | null }>(
    db,
    sql`SELECT id, name, model_profile_key FROM organisations WHERE id = ANY(${uuidArray(municipalityIds)}) ORDER BY name, id`,
  );
  const items = [];
  for (const org of orgs) {
    const profile = await loadProfile(db, org.model_profile_key);
    const hostUnits = new Map<string, { id: string; name: string; agencyType: AgencyType }>();
    for (const r of actor.roles) {
      if (r.municipalityId === org.id && canManageStandingTeam(actor, { municipalityId: org.id, unitId: r.unitId })) {
        hostUnits.set(r.unitId, { id: r.unitId, name: r.unitName, agencyType: r.agencyType });
      }
    }
    items.push({
      municipalityId: org.id,
      municipalityName: org.name,
      profile: { key: profile.key, name: profile.name },
      hostUnits: [...hostUnits.values()].sort((a, b) => a.name.localeCompare(b.name, 'sv')),
      teamTypes: profile.teamTypes.map((t) => ({
        key: t.key,
        name: t.name,
        ageFrom: t.ageFrom ?? null,
        ageTo: t.ageTo ?? null,
        meetingCadence: t.meetingCadence ?? null,
      })),
    });
  }
  return { items };
}

/** Adds a professional – who must work with children at the unit they represent – to a standing team. */
export async function addStandingTeamMember(options: { db: Db; actor: Actor; teamId: string; staffId: string; unitId: string }) {
  const { db, actor, teamId, staffId, unitId } = options;
  return runUseCase(db, async (tx) => {
    const team = await visibleTeam(tx, actor, teamId);
    if (!team) return refuse(new AppError('not_found'));
    if (!canManageStandingTeam(actor, teamScope(team))) {
      await recordAuditEvent(tx, { actor, action: 'standing_team.member', outcome: 'denied', municipalityId: team.municipality_id, resourceType: 'standing_team', resourceId: teamId, details: { change: 'added', staffId, unitId } });
      return refuse(new AppError('forbidden'));
    }
    if (!(await childFacingRoleAt(tx, staffId, unitId, todayInZone()))) return refuse(notWorkingWithChildrenThere('staffId'));
    const [existing] = await queryRows<{ id: string }>(
      tx,
      sql`SELECT id FROM standing_team_members WHERE team_id = ${teamId}::uuid AND staff_id = ${staffId}::uuid AND unit_id = ${unitId}::uuid AND removed_at IS NULL`,
    );
    if (existing) return refuse(new AppError('conflict', { message: { sv: 'Personen ingår redan i teamet.', en: 'The person is already in the team.' } }));
    const [created] = await tx.insert(standingTeamMembers).values({ teamId, staffId, unitId }).returning({ id: standingTeamMembers.id });
    await recordAuditEvent(tx, {
      actor,
      action: 'standing_team.member',
      outcome: 'allowed',
      municipalityId: team.municipality_id,
      resourceType: 'standing_team',
      resourceId: teamId,
      details: { change: 'added', memberId: created!.id, staffId, unitId },
    });
    return teamView(tx, actor, teamId);
  });
}

/** Removes a member from a standing team (history kept). Children's teams they joined through a meeting are not changed. */
export async function removeStandingTeamMember(options: { db: Db; actor: Actor; teamId: string; memberId: string }) {
  const { db, actor, teamId, memberId } = options;
  return runUseCase(db, async (tx) => {
    const team = await visibleTeam(tx, actor, teamId);
    if (!team) return refuse(new AppError('not_found'));
    if (!canManageStandingTeam(actor, teamScope(team))) {
      await recordAuditEvent(tx, { actor, action: 'standing_team.member', outcome: 'denied', municipalityId: team.municipality_id, resourceType: 'standing_team', resourceId: teamId, details: { change: 'removed', memberId } });
      return refuse(new AppError('forbidden'));
    }
    const [removed] = await queryRows<{ staff_id: string; unit_id: string }>(
      tx,
      sql`UPDATE standing_team_members SET removed_at = now()
           WHERE id = ${memberId}::uuid AND team_id = ${teamId}::uuid AND removed_at IS NULL RETURNING staff_id, unit_id`,
    );
    if (!removed) return refuse(new AppError('not_found'));
    await recordAuditEvent(tx, {
      actor,
      action: 'standing_team.member',
      outcome: 'allowed',
      municipalityId: team.municipality_id,
      resourceType: 'standing_team',
      resourceId: teamId,
      details: { change: 'removed', memberId, staffId: removed.staff_id, unitId: removed.unit_id },
    });
    return teamView(tx, actor, teamId);
  });
}

// ── Meetings ─────────────────────────────────────────────────────────────────

type MeetingRow = {
  id: string;
  municipality_id: string;
  standing_team_id: string | null;
  child_id: string | null;
  title: string;
  starts_at: Date | string;
  ends_at: Date | string;
  location: string | null;
  created_by: string;
  cancelled_at: Date | string | null;
  cancel_reason: string | null;
  team_name: string | null;
  team_type: string | null;
  team_unit_id: string | null;
  agenda_count: number | string;
};

const meetingSelect = sql`SELECT m.id, m.municipality_id, m.standing_team_id, m.child_id, m.title, m.starts_at, m.ends_at, m.location,
       m.created_by, m.cancelled_at, m.cancel_reason, t.name AS team_name, t.team_type, t.unit_id AS team_unit_id,
       (SELECT count(*) FROM meeting_agenda_items i WHERE i.meeting_id = m.id) AS agenda_count
  FROM meetings m LEFT JOIN standing_teams t ON t.id = m.standing_team_id`;

/** A meeting in a list or a calendar: title, times, place, how many points – never which children. */
function presentMeetingSummary(r: MeetingRow) {
  const zone = timeZone();
  const start = localDateTime(new Date(r.starts_at), zone);
  const end = localDateTime(new Date(r.ends_at), zone);
  return {
    id: r.id,
    kind: r.child_id ? ('child' as const) : ('standing_team' as const),
    title: r.title,
    startsAt: iso(r.starts_at),
    endsAt: iso(r.ends_at),
    localDate: start.date,
    localStart: start.time,
    localEnd: end.time,
    timeZone: zone,
    location: r.location,
    standingTeam: r.standing_team_id ? { id: r.standing_team_id, name: r.team_name ?? '', teamType: r.team_type ?? '' } : null,
    agendaCount: Number(r.agenda_count),
    cancelledAt: r.cancelled_at ? iso(r.cancelled_at) : null,
    cancelReason: r.cancelled_at ? r.cancel_reason : null,
  };
}

export type MeetingSummary = ReturnType<typeof presentMeetingSummary>;

export type ScheduleMeetingsInput = {
  /** The next `count` slots of the team's cadence (default 4)… */
  count?: number;
  /** …starting on or after this date (default now). */
  from?: string;
  /** Or one meeting on this date, at `start`–`end` (default the cadence's times). */
  date?: string;
  start?: string;
  end?: string;
  location?: string | null;
};

/**
 * Schedules a standing team's meetings: the next slots of its cadence (slots
 * that already have a meeting are kept, so asking twice adds nothing), or one
 * meeting at a given date and time. Local times in the deployment's zone.
 */
export async function scheduleMeetings(options: { db: Db; actor: Actor; teamId: string; input: ScheduleMeetingsInput }) {
  const { db, actor, teamId, input } = options;
  requireNoIdentity({ location: input.location });
  if (input.date && (input.count !== undefined || input.from !== undefined)) {
    throw invalid('date', {
      sv: 'Ange antingen ett datum för ett möte, eller antal och startdatum för de fasta tiderna – inte båda.',
      en: 'Give either a date for one meeting, or a count and start date for the fixed slots – not both.',
    });
  }
  return runUseCase(db, async (tx) => {
    const on = todayInZone();
    const zone = timeZone();
    const team = await visibleTeam(tx, actor, teamId);
    if (!team) return refuse(new AppError('not_found'));
    const [member] = await queryRows<{ ok: number }>(
      tx,
      sql`SELECT 1 AS ok FROM standing_team_members WHERE team_id = ${teamId}::uuid AND staff_id = ${actor.staffId}::uuid AND removed_at IS NULL`,
    );
    if (!member && !canManageStandingTeam(actor, teamScope(team))) {
      await recordAuditEvent(tx, { actor, action: 'meeting.create', outcome: 'denied', municipalityId: team.municipality_id, resourceType: 'standing_team', resourceId: teamId });
      return refuse(new AppError('forbidden'));
    }
    const location = input.location?.trim() || team.location;
    let slots: Slot[];
    if (input.date) {
      requireSchedulableDate('date', input.date, on);
      const start = input.start ?? team.start_time;
      const end = input.end ?? team.end_time;
      if (!start || !end) {
        return refuse(invalid('start', { sv: 'Teamet har ingen fast mötestid – ange start och slut.', en: 'The team has no fixed meeting time – give a start and an end.' }));
      }
      requireTimes(start, end);
      slots = [{ date: input.date, startsAt: instantInZone(input.date, start, zone), endsAt: instantInZone(input.date, end, zone) }];
    } else {
      if (team.every_weeks === null || team.weekday === null || !team.start_time || !team.end_time || !team.first_date) {
        return refuse(
          invalid('count', {
            sv: 'Teamet har inga fasta mötestider (det träffas vid behov) – ange ett datum och en tid för mötet.',
            en: 'The team has no fixed meeting slots (it meets as needed) – give a date and a time for the meeting.',
          }),
        );
      }
      if (input.from) requireSchedulableDate('from', input.from, on);
      const after = input.from ? instantInZone(input.from, '00:00', zone) : new Date();
      slots = cadenceSlots(
        { everyWeeks: team.every_weeks, weekday: team.weekday, start: team.start_time, end: team.end_time, firstDate: team.first_date },
        { after, count: input.count ?? 4, zone },
      );
    }
    const existing = await queryRows<{ id: string; starts_at: Date | string }>(
      tx,
      sql`SELECT id, starts_at FROM meetings
           WHERE standing_team_id = ${teamId}::uuid AND cancelled_at IS NULL
             AND starts_at = ANY(${`{${slots.map((s) => s.startsAt.toISOString()).join(',')}}`}::timestamptz[])`,
    );
    const taken = new Map(existing.map((e) => [new Date(e.starts_at).getTime(), e.id]));
    if (input.date && taken.size > 0) {
      return refuse(new AppError('conflict', { message: { sv: 'Teamet har redan ett möte på den tiden.', en: 'The team already has a meeting at that time.' } }));
    }
    const ids: string[] = [];
    for (const slot of slots) {
      const found = taken.get(slot.startsAt.getTime());
      if (found) {
        ids.push(found);
        continue;
      }
      const [created] = await tx
        .insert(meetings)
        .values({
          municipalityId: team.municipality_id,
          standingTeamId: teamId,
          title: team.name,
          startsAt: slot.startsAt,
          endsAt: slot.endsAt,
          location,
          createdBy: actor.staffId,
        })
        .returning({ id: meetings.id });
      ids.push(created!.id);
      await recordAuditEvent(tx, {
        actor,
        action: 'meeting.create',
        outcome: 'allowed',
        municipalityId: team.municipality_id,
        resourceType: 'meeting',
        resourceId: created!.id,
        details: { standingTeamId: teamId, startsAt: slot.startsAt.toISOString() },
      });
    }
    const rows = await queryRows<MeetingRow>(tx, sql`${meetingSelect} WHERE m.id = ANY(${uuidArray(ids)}) ORDER BY m.starts_at`);
    const createdIds = new Set(ids.filter((id) => ![...taken.values()].includes(id)));
    return { items: rows.map((r) => ({ ...presentMeetingSummary(r), created: createdIds.has(r.id) })) };
  });
}

type Recipient = { staffId: string; unitId: string; unitName: string; agencyType: AgencyType };

/**
 * The active consent for a team meeting that covers every recipient (their
 * unit or agency), or what is missing: the recipients that the best candidate
 * does not cover.
 */
function teamMeetingConsent(consents: readonly ConsentFacts[], today: string, recipients: readonly Recipient[]) {
  const candidates = consents
    .filter((k) => consentState(k, today) === 'active' && k.purposes.includes('team_meeting'))
    .map((k) => ({ consent: k, uncovered: recipients.filter((r) => !consentCoversRecipient(k, r)) }))
    .sort((a, b) => a.uncovered.length - b.uncovered.length || b.consent.validTo.localeCompare(a.consent.validTo));
  const best = candidates[0];
  if (best && best.uncovered.length === 0) return { ok: true as const, consent: best.consent };
  return { ok: false as const, candidate: best?.consent ?? null, uncovered: best ? best.uncovered : [...recipients] };
}

function consentMissing(found: { candidate: ConsentFacts | null; uncovered: Recipient[] }, what: LocalizedText): AppError {
  const seen = new Set<string>();
  const missing = found.uncovered.filter((r) => !seen.has(r.unitId) && seen.add(r.unitId));
  const list = (lang: 'sv' | 'en') => missing.map((r) => `${r.unitName} (${AGENCY_NAMES[r.agencyType][lang]})`).join(', ');
  const message: LocalizedText =
    !found.candidate
      ? {
          sv: `${what.sv}: det finns inget aktivt samtycke för teammöte för barnet.${missing.length ? ` Samtycket behöver omfatta ${list('sv')}.` : ''} Be vårdnadshavarna om samtycke först.`,
          en: `${what.en}: there is no active consent for a team meeting for this child.${missing.length ? ` The consent needs to cover ${list('en')}.` : ''} Ask the guardians for consent first.`,
        }
      : {
          sv: `${what.sv}: samtycket för teammöte omfattar inte ${list('sv')}. Be vårdnadshavarna om ett samtycke som omfattar dem, eller ta bort dem ur teamet.`,
          en: `${what.en}: the consent for a team meeting does not cover ${list('en')}. Ask the guardians for a consent that covers them, or take them out of the team.`,
        };
  return new AppError('consent_missing', {
    message,
    details: {
      requiredPurpose: 'team_meeting',
      consentId: found.candidate?.id ?? null,
      missing: missing.map((r) => ({ unitId: r.unitId, unitName: r.unitName, agencyType: r.agencyType })),
    },
  });
}

/**
 * A child's own team meeting (the team around the child), with the child as its
 * one agenda point. Called by whoever manages the child's team (the named
 * person, staff where the child is enrolled) or the lead professional, under an
 * active consent for a team meeting that covers every member of the child's team.
 */
export async function createChildMeeting(options: {
  db: Db;
  actor: Actor;
  childId: string;
  input: { date: string; start: string; end: string; location?: string | null };
}) {
  const { db, actor, childId, input } = options;
  requireNoIdentity({ location: input.location });
  requireTimes(input.start, input.end);
  return runUseCase(db, async (tx) => {
    const child = await readableChild(tx, actor, childId, 'meeting.create');
    if ('error' in child) return child;
    requireSchedulableDate('date', input.date, child.at.today);
    const lead = (await currentLeadProfessional(tx, childId))?.staffId ?? null;
    if (!canManageTeam(actor, child.facts).allowed && !isLeadProfessional(actor, lead)) {
      await recordAuditEvent(tx, { actor, action: 'meeting.create', outcome: 'denied', childId, municipalityId: child.row.municipality_id });
      return refuse(new AppError('forbidden'));
    }
    const members = await queryRows<{ staff_id: string; unit_id: string; unit_name: string; agency_type: AgencyType }>(
      tx,
      sql`SELECT tm.staff_id, tm.unit_id, u.name AS unit_name, u.agency_type FROM team_members tm JOIN units u ON u.id = tm.unit_id
           WHERE tm.child_id = ${childId}::uuid AND tm.removed_at IS NULL`,
    );
    const recipients = members.map((m) => ({ staffId: m.staff_id, unitId: m.unit_id, unitName: m.unit_name, agencyType: m.agency_type }));
    const found = teamMeetingConsent(child.consents, child.at.today, recipients);
    if (!found.ok) {
      await recordAuditEvent(tx, { actor, action: 'meeting.create', outcome: 'denied', childId, municipalityId: child.row.municipality_id, details: { reason: 'consent_missing' } });
      return refuse(consentMissing(found, { sv: 'Teammötet kan inte bokas', en: 'The team meeting cannot be booked' }));
    }
    const profile = await municipalityProfile(tx, child.row.municipality_id);
    const zone = timeZone();
    const [created] = await tx
      .insert(meetings)
      .values({
        municipalityId: child.row.municipality_id,
        childId,
        title: CHILD_MEETING_TITLE[profile.defaultLanguage],
        startsAt: instantInZone(input.date, input.start, zone),
        endsAt: instantInZone(input.date, input.end, zone),
        location: input.location?.trim() || null,
        createdBy: actor.staffId,
      })
      .returning({ id: meetings.id });
    const meetingId = created!.id;
    const [item] = await tx
      .insert(meetingAgendaItems)
      .values({ municipalityId: child.row.municipality_id, meetingId, position: 1, childId, consentId: found.consent.id, addedBy: actor.staffId })
      .returning({ id: meetingAgendaItems.id });
    await recordAuditEvent(tx, {
      actor,
      action: 'meeting.create',
      outcome: 'allowed',
      childId,
      municipalityId: child.row.municipality_id,
      resourceType: 'meeting',
      resourceId: meetingId,
      purpose: 'consent',
      details: { consentId: found.consent.id, agendaItemId: item!.id },
    });
    const [row] = await queryRows<MeetingRow>(tx, sql`${meetingSelect} WHERE m.id = ${meetingId}::uuid`);
    return { ...presentMeetingSummary(row!), agendaItemId: item!.id };
  });
}

/** The actor's meetings in a window of local dates (default: today and the next 60 days). Titles and times only. */
export async function listMeetings(options: { db: Db; actor: Actor; from?: string; to?: string }) {
  const { db, actor } = options;
  const zone = timeZone();
  const from = options.from ?? todayInZone();
  const to = options.to ?? addDays(from, 60);
  const span = daysBetween(from, to);
  if (span < 0) throw invalid('to', { sv: '"to" måste vara samma dag som "from" eller senare.', en: '"to" must be on or after "from".' });
  if (span > MAX_LIST_DAYS) throw invalid('to', { sv: `Välj högst ${MAX_LIST_DAYS} dagar åt gången.`, en: `Choose at most ${MAX_LIST_DAYS} days at a time.` });
  const rows = await queryRows<MeetingRow>(
    db,
    sql`${meetingSelect}
         WHERE m.starts_at >= ${instantInZone(from, '00:00', zone).toISOString()}::timestamptz
           AND m.starts_at < ${instantInZone(addDays(to, 1), '00:00', zone).toISOString()}::timestamptz
           AND ${meetingParticipantSql(actor.staffId)}
         ORDER BY m.starts_at, m.id LIMIT 1000`,
  );
  return { from, to, items: rows.map(presentMeetingSummary) };
}

type MeetingContext = {
  meeting: MeetingRow;
  participant: boolean;
  /** Runs the meeting: manages the standing team, or (a child's meeting) manages the child's team or leads the support. */
  manages: boolean;
  /** For a child's own meeting: the child's access facts. */
  child: ChildAccess | null;
};

/** Loads a meeting the actor may see (participant, manager, or – for a child's meeting – a reader of the child's basic record). */
async function loadMeeting(tx: Tx, actor: Actor, meetingId: string, at: AccessTime): Promise<MeetingContext | null> {
  const [row] = await queryRows<MeetingRow & { participant: boolean }>(
    tx,
    sql`SELECT q.*, ${meetingParticipantSql(actor.staffId, 'q')} AS participant FROM (${meetingSelect} WHERE m.id = ${meetingId}::uuid) q`,
  );
  if (!row) return null;
  if (row.standing_team_id) {
    const manages = canManageStandingTeam(actor, { municipalityId: row.municipality_id, unitId: row.team_unit_id! });
    return row.participant || manages ? { meeting: row, participant: row.participant, manages, child: null } : null;
  }
  const child = await loadChildAccess(tx, row.child_id!, at);
  if (!child) return null;
  const manages = canManageTeam(actor, child.facts).allowed || isLeadProfessional(actor, (await currentLeadProfessional(tx, row.child_id!))?.staffId ?? null);
  if (!row.participant && !manages && !canReadBasicRecord(actor, child.facts).allowed) return null;
  return { meeting: row, participant: row.participant, manages, child };
}

/** Loads the meeting or records the refusal (as `action`) and answers 404. */
async function meetingOrRefuse(
  tx: Tx,
  actor: Actor,
  meetingId: string,
  at: AccessTime,
  action: 'meeting.read' | 'meeting.agenda_add' | 'meeting.invite_family' | 'meeting.attendance' | 'meeting.minutes_write' | 'meeting.cancel',
) {
  const context = await loadMeeting(tx, actor, meetingId, at);
  if (context) return context;
  const [row] = await queryRows<{ municipality_id: string; child_id: string | null }>(tx, sql`SELECT municipality_id, child_id FROM meetings WHERE id = ${meetingId}::uuid`);
  await recordAuditEvent(tx, {
    actor,
    action,
    outcome: 'denied',
    childId: row?.child_id ?? null,
    municipalityId: row?.municipality_id ?? null,
    resourceType: 'meeting',
    resourceId: meetingId,
  });
  return refuse(new AppError('not_found'));
}

type AgendaRow = {
  id: string;
  position: number;
  child_id: string | null;
  consent_id: string | null;
  consultation_id: string | null;
  family_invited_at: Date | string | null;
  family_invitation: string | null;
  added_at: Date | string;
  age_band: string | null;
  situation: string | null;
  question: string | null;
  advice: string | null;
  consultation_unit_name: string | null;
};

type MinutesRow = {
  id: string;
  meeting_id: string;
  agenda_item_id: string;
  child_id: string;
  minutes: string;
  decisions: string[] | string;
  plan_id: string | null;
  owning_unit_id: string;
  unit_name: string;
  author: string;
  created_at: Date | string;
  meeting_title: string;
  meeting_starts_at: Date | string;
};

const minutesSelect = sql`SELECT mm.id, mm.meeting_id, mm.agenda_item_id, mm.child_id, mm.minutes, mm.decisions, mm.plan_id, mm.owning_unit_id,
       u.name AS unit_name, s.given_name || ' ' || s.family_name AS author, mm.created_at, m.title AS meeting_title, m.starts_at AS meeting_starts_at
  FROM meeting_minutes mm JOIN units u ON u.id = mm.owning_unit_id JOIN staff s ON s.id = mm.author_id JOIN meetings m ON m.id = mm.meeting_id`;

function presentMinutes(r: MinutesRow) {
  return {
    id: r.id,
    meetingId: r.meeting_id,
    meetingTitle: r.meeting_title,
    meetingStartsAt: iso(r.meeting_starts_at),
    agendaItemId: r.agenda_item_id,
    minutes: r.minutes,
    decisions: typeof r.decisions === 'string' ? (JSON.parse(r.decisions) as string[]) : r.decisions,
    planId: r.plan_id,
    owningUnitId: r.owning_unit_id,
    owningUnitName: r.unit_name,
    author: r.author,
    createdAt: iso(r.created_at),
  };
}

export type MinutesView = ReturnType<typeof presentMinutes>;

type AttendanceRow = {
  id: string;
  agenda_item_id: string | null;
  kind: 'professional' | 'guardian' | 'child';
  staff_id: string | null;
  staff_name: string | null;
  unit_name: string | null;
  guardian_id: string | null;
  guardian_name: string | null;
  present: 'present' | 'absent' | 'excused';
  recorded_at: Date | string;
};

async function loadAttendance(tx: Queryable, meetingId: string): Promise<AttendanceRow[]> {
  return queryRows<AttendanceRow>(
    tx,
    sql`SELECT a.id, a.agenda_item_id, a.kind, a.staff_id, s.given_name || ' ' || s.family_name AS staff_name,
               (SELECT u.name FROM staff_roles r JOIN units u ON u.id = r.unit_id WHERE r.staff_id = a.staff_id ORDER BY r.valid_from LIMIT 1) AS unit_name,
               a.guardian_id, g.given_name || ' ' || g.family_name AS guardian_name, a.present, a.recorded_at
          FROM meeting_attendance a LEFT JOIN staff s ON s.id = a.staff_id LEFT JOIN guardians g ON g.id = a.guardian_id
         WHERE a.meeting_id = ${meetingId}::uuid ORDER BY a.kind, staff_name, guardian_name, a.id`,
  );
}

/**
 * One meeting: its agenda, attendance and, per child point, the minutes the
 * actor may read. A child's identity is shown only to those who may read the
 * child's basic record; others see "a child (identity not shown)". Every child
 * point is audited as `meeting.read` – allowed when anything about the child
 * was shown, denied otherwise.
 */
export async function getMeeting(options: { db: Db; actor: Actor; meetingId: string }) {
  const { db, actor, meetingId } = options;
  return runUseCase(db, async (tx) => {
    const at = accessTimeNow();
    const context = await meetingOrRefuse(tx, actor, meetingId, at, 'meeting.read');
    if ('error' in context) return context;
    const { meeting } = context;
    const items = await queryRows<AgendaRow>(
      tx,
      sql`SELECT i.id, i.position, i.child_id, i.consent_id, i.consultation_id, i.family_invited_at, i.family_invitation, i.added_at,
                 k.age_band, k.situation, k.question, k.advice, ku.name AS consultation_unit_name
            FROM meeting_agenda_items i LEFT JOIN consultations k ON k.id = i.consultation_id LEFT JOIN units ku ON ku.id = k.unit_id
           WHERE i.meeting_id = ${meetingId}::uuid ORDER BY i.position, i.id`,
    );
    const childIds = items.flatMap((i) => (i.child_id ? [i.child_id] : []));
    const children = await loadChildrenAccess(tx, childIds, at);
    const minutes = await queryRows<MinutesRow>(
      tx,
      sql`${minutesSelect} WHERE mm.meeting_id = ${meetingId}::uuid AND ${recordReadableSql(actor, 'mm', at)} ORDER BY mm.created_at, mm.id`,
    );
    const attendance = await loadAttendance(tx, meetingId);
    const canWriteSomewhere = childFacingUnitIds(actor).length > 0;

    const agenda = [];
    for (const item of items) {
      if (!item.child_id) {
        agenda.push({
          id: item.id,
          position: item.position,
          kind: 'consultation' as const,
          label: { sv: 'Avidentifierad konsultation', en: 'De-identified consultation' },
          identityShown: false,
          child: null,
          consultation: {
            id: item.consultation_id!,
            unitName: item.consultation_unit_name ?? '',
            ageBand: item.age_band ?? '',
            situation: item.situation ?? '',
            question: item.question ?? '',
            advice: item.advice,
          },
          familyInvitedAt: null,
          familyInvitation: null,
          family: [],
          minutes: [],
          allowed: { inviteFamily: false, writeMinutes: false },
        });
        continue;
      }
      const child = children.get(item.child_id);
      const read = child ? canReadBasicRecord(actor, child.facts) : ({ allowed: false } as const);
      const itemMinutes = minutes.filter((m) => m.agenda_item_id === item.id);
      const shown = read.allowed;
      const masked = shown && child ? !canSeeProtectedIdentity(actor, child.facts) : false;
      await recordAuditEvent(tx, {
        actor,
        action: 'meeting.read',
        outcome: shown || itemMinutes.length > 0 ? 'allowed' : 'denied',
        childId: item.child_id,
        municipalityId: child?.row.municipality_id ?? meeting.municipality_id,
        resourceType: 'meeting',
        resourceId: meetingId,
        details: { agendaItemId: item.id, identityShown: shown, basis: read.allowed ? read.basis : null, minutesIds: itemMinutes.map((m) => m.id) },
      });
      const name = child && shown && !masked ? `${child.row.given_name} ${child.row.family_name}` : null;
      agenda.push({
        id: item.id,
        position: item.position,
        kind: 'child' as const,
        label: name ? { sv: name, en: name } : shown ? PROTECTED_CHILD_LABEL : HIDDEN_CHILD_LABEL,
        identityShown: shown,
        child:
          shown && child
            ? {
                id: child.row.id,
                givenName: masked ? null : child.row.given_name,
                familyName: masked ? null : child.row.family_name,
                masked,
                age: ageInYears(child.row.birth_date, at.today),
              }
            : null,
        consultation: null,
        familyInvitedAt: shown && item.family_invited_at ? iso(item.family_invited_at) : null,
        familyInvitation: shown ? item.family_invitation : null,
        family: shown
          ? attendance
              .filter((a) => a.agenda_item_id === item.id)
              .map((a) => ({ kind: a.kind as 'guardian' | 'child', guardianId: a.guardian_id, name: masked ? null : a.guardian_name, present: a.present }))
          : [],
        minutes: itemMinutes.map(presentMinutes),
        allowed: { inviteFamily: shown, writeMinutes: shown && canWriteSomewhere },
      });
    }
    if (items.length === 0 || childIds.length === 0) {
      await recordAuditEvent(tx, { actor, action: 'meeting.read', outcome: 'allowed', municipalityId: meeting.municipality_id, resourceType: 'meeting', resourceId: meetingId });
    }
    return {
      ...presentMeetingSummary(meeting),
      participant: context.participant,
      agenda,
      attendance: attendance
        .filter((a) => a.kind === 'professional')
        .map((a) => ({ staffId: a.staff_id!, name: a.staff_name ?? '', unitName: a.unit_name, present: a.present })),
      allowed: {
        addAgendaItem: !meeting.child_id && !meeting.cancelled_at,
        recordAttendance: true,
        cancel: context.manages && !meeting.cancelled_at && new Date(meeting.ends_at) > new Date(),
      },
    };
  });
}

/**
 * A standing team whose type is for an age band (a child team 0–6, 7–12) takes
 * up children of those ages: the refusal names the team's ages and the child's.
 */
async function outsideTeamAges(tx: Queryable, meeting: MeetingRow, age: number): Promise<AppError | null> {
  if (!meeting.team_type) return null;
  const type = (await municipalityProfile(tx, meeting.municipality_id)).teamTypes.find((t) => t.key === meeting.team_type);
  if (!type || (type.ageFrom === undefined && type.ageTo === undefined)) return null;
  const from = type.ageFrom ?? 0;
  const to = type.ageTo ?? 25;
  if (age >= from && age <= to) return null;
  return new AppError('outside_team_ages', {
    message: {
      sv: `${type.name.sv} tar upp barn ${from}–${to} år, och barnet är ${age} år. Sätt upp barnet på ett team för barnets ålder, eller boka ett möte för barnets eget team.`,
      en: `${type.name.en} takes up children aged ${from}–${to}, and the child is ${age}. Put the child on a team for the child's age, or book a meeting of the child's own team.`,
    },
    details: { ageFrom: from, ageTo: to, childAge: age },
  });
}

/**
 * Cancels a meeting that has not yet ended, with a reason every participant
 * may read: those who manage the standing team, or – for a child's own team
 * meeting – the named person, social services or the lead professional. The
 * meeting stays in lists marked as cancelled, leaves the calendar feeds, and
 * takes no new points. Its agenda, attendance and minutes are kept.
 */
export async function cancelMeeting(options: { db: Db; actor: Actor; meetingId: string; reason: string }) {
  const { db, actor, meetingId } = options;
  const reason = options.reason.trim();
  if (!reason) throw invalid('reason', { sv: 'Skriv varför mötet ställs in.', en: 'Write why the meeting is cancelled.' });
  requireNoIdentity({ reason });
  return runUseCase(db, async (tx) => {
    const at = accessTimeNow();
    const context = await meetingOrRefuse(tx, actor, meetingId, at, 'meeting.cancel');
    if ('error' in context) return context;
    const { meeting } = context;
    const audit = { actor, action: 'meeting.cancel' as const, childId: meeting.child_id, municipalityId: meeting.municipality_id, resourceType: 'meeting' as const, resourceId: meetingId };
    if (!context.manages) {
      await recordAuditEvent(tx, { ...audit, outcome: 'denied', details: { reason: 'not_manager' } });
      return refuse(
        new AppError('forbidden', {
          message: meeting.child_id
            ? { sv: 'Barnets teammöte ställs in av barnkontakten, socialtjänsten eller stödsamordnaren.', en: "The child's team meeting is cancelled by the named person, social services or the lead professional." }
            : { sv: 'Mötet ställs in av den som leder teamet på enheten eller en chef.', en: 'The meeting is cancelled by those who run the team at its unit, or a manager.' },
        }),
      );
    }
    if (meeting.cancelled_at) return refuse(new AppError('conflict', { message: { sv: 'Mötet är redan inställt.', en: 'The meeting is already cancelled.' } }));
    if (new Date(meeting.ends_at) <= new Date()) {
      return refuse(new AppError('conflict', { message: { sv: 'Mötet har redan varit och kan inte ställas in.', en: 'The meeting has already taken place and cannot be cancelled.' } }));
    }
    await tx.execute(sql`UPDATE meetings SET cancelled_at = now(), cancelled_by = ${actor.staffId}::uuid, cancel_reason = ${reason} WHERE id = ${meetingId}::uuid`);
    await recordAuditEvent(tx, { ...audit, outcome: 'allowed' });
    const [row] = await queryRows<MeetingRow>(tx, sql`${meetingSelect} WHERE m.id = ${meetingId}::uuid`);
    return presentMeetingSummary(row!);
  });
}

// ── Agenda ───────────────────────────────────────────────────────────────────

/**
 * Puts a child or a de-identified consultation on a standing team's meeting.
 * A child point needs someone who may read the child's basic record and an
 * active consent for a team meeting that covers every current member of the
 * standing team; the members not yet in the child's team join it (so the
 * consent's categories reach them – ACCESS.md rule 4), each audited.
 */
export async function addAgendaItem(options: { db: Db; actor: Actor; meetingId: string; input: { childId: string } | { consultationId: string } }) {
  const { db, actor, meetingId, input } = options;
  return runUseCase(db, async (tx) => {
    const at = accessTimeNow();
    const context = await meetingOrRefuse(tx, actor, meetingId, at, 'meeting.agenda_add');
    if ('error' in context) return context;
    const { meeting } = context;
    if (meeting.child_id) {
      return refuse(new AppError('conflict', { message: { sv: 'Ett barns eget teammöte gäller bara det barnet.', en: "A child's own team meeting is about that child only." } }));
    }
    if (meeting.cancelled_at) return refuse(new AppError('conflict', { message: { sv: 'Mötet är inställt.', en: 'The meeting is cancelled.' } }));
    const [{ next }] = (await queryRows<{ next: number }>(
      tx,
      sql`SELECT coalesce(max(position), 0) + 1 AS next FROM meeting_agenda_items WHERE meeting_id = ${meetingId}::uuid`,
    )) as [{ next: number }];

    if ('consultationId' in input) {
      const units = [...new Set(actor.roles.map((r) => r.unitId))];
      const [consultation] = await queryRows<{ id: string }>(
        tx,
        sql`SELECT id FROM consultations WHERE id = ${input.consultationId}::uuid AND unit_id = ANY(${uuidArray(units)})`,
      );
      if (!consultation) return refuse(new AppError('not_found'));
      const [dup] = await queryRows<{ id: string }>(tx, sql`SELECT id FROM meeting_agenda_items WHERE meeting_id = ${meetingId}::uuid AND consultation_id = ${input.consultationId}::uuid`);
      if (dup) return refuse(new AppError('conflict', { message: { sv: 'Konsultationen finns redan på dagordningen.', en: 'The consultation is already on the agenda.' } }));
      const [created] = await tx
        .insert(meetingAgendaItems)
        .values({ municipalityId: meeting.municipality_id, meetingId, position: Number(next), consultationId: input.consultationId, addedBy: actor.staffId })
        .returning({ id: meetingAgendaItems.id });
      await recordAuditEvent(tx, {
        actor,
        action: 'meeting.agenda_add',
        outcome: 'allowed',
        municipalityId: meeting.municipality_id,
        resourceType: 'meeting',
        resourceId: meetingId,
        details: { agendaItemId: created!.id, consultationId: input.consultationId },
      });
      return { id: created!.id, position: Number(next), kind: 'consultation' as const, consentId: null, addedToChildTeam: [] };
    }

    const child = await readableChild(tx, actor, input.childId, 'meeting.agenda_add');
    if ('error' in child) return child;
    const denied = (details: Record<string, unknown>) =>
      recordAuditEvent(tx, { actor, action: 'meeting.agenda_add', outcome: 'denied', childId: input.childId, municipalityId: child.row.municipality_id, resourceType: 'meeting', resourceId: meetingId, details });
    const outside = await outsideTeamAges(tx, meeting, ageInYears(child.row.birth_date, at.today));
    if (outside) {
      await denied({ reason: 'outside_team_ages' });
      return refuse(outside);
    }
    const [dup] = await queryRows<{ id: string }>(tx, sql`SELECT id FROM meeting_agenda_items WHERE meeting_id = ${meetingId}::uuid AND child_id = ${input.childId}::uuid`);
    if (dup) return refuse(new AppError('conflict', { message: { sv: 'Barnet finns redan på dagordningen.', en: 'The child is already on the agenda.' } }));
    const members = await loadTeamMembers(tx, [meeting.standing_team_id!]);
    // Members who already see the child without a consent – at a unit where the child is enrolled, or the named
    // person – need no consent to discuss the child; every other member's unit or agency must be covered.
    const ownSide = (m: { staff_id: string; unit_id: string }) =>
      child.facts.currentEnrollmentUnitIds.includes(m.unit_id) || child.facts.namedPersonStaffId === m.staff_id;
    const recipients = members.map((m) => ({ staffId: m.staff_id, unitId: m.unit_id, unitName: m.unit_name, agencyType: m.agency_type }));
    const found = teamMeetingConsent(
      child.consents,
      at.today,
      recipients.filter((_, i) => !ownSide(members[i]!)),
    );
    if (!found.ok) {
      await denied({ reason: 'consent_missing', missingUnitIds: found.uncovered.map((r) => r.unitId) });
      return refuse(consentMissing(found, { sv: 'Barnet kan inte tas upp på mötet', en: 'The child cannot be put on the agenda' }));
    }
    const [created] = await tx
      .insert(meetingAgendaItems)
      .values({ municipalityId: meeting.municipality_id, meetingId, position: Number(next), childId: input.childId, consentId: found.consent.id, addedBy: actor.staffId })
      .returning({ id: meetingAgendaItems.id });
    const inTeam = new Set(child.facts.teamMembers.map((m) => `${m.staffId}|${m.unitId}`));
    const joined: { staffId: string; unitId: string; teamMemberId: string }[] = [];
    for (const m of recipients) {
      const key = `${m.staffId}|${m.unitId}`;
      if (inTeam.has(key)) continue;
      inTeam.add(key);
      const [member] = await tx
        .insert(teamMembers)
        .values({ municipalityId: child.row.municipality_id, childId: input.childId, staffId: m.staffId, unitId: m.unitId, addedBy: actor.staffId })
        .returning({ id: teamMembers.id });
      joined.push({ staffId: m.staffId, unitId: m.unitId, teamMemberId: member!.id });
      await recordAuditEvent(tx, {
        actor,
        action: 'team.add_member',
        outcome: 'allowed',
        childId: input.childId,
        municipalityId: child.row.municipality_id,
        resourceType: 'team_member',
        resourceId: member!.id,
        purpose: 'consent',
        details: { staffId: m.staffId, unitId: m.unitId, viaMeeting: meetingId, consentId: found.consent.id },
      });
    }
    await recordAuditEvent(tx, {
      actor,
      action: 'meeting.agenda_add',
      outcome: 'allowed',
      childId: input.childId,
      municipalityId: child.row.municipality_id,
      resourceType: 'meeting',
      resourceId: meetingId,
      purpose: 'consent',
      details: { agendaItemId: created!.id, consentId: found.consent.id, addedToChildTeam: joined.map((j) => j.staffId) },
    });
    return { id: created!.id, position: Number(next), kind: 'child' as const, consentId: found.consent.id, addedToChildTeam: joined };
  });
}

/** The agenda item of this meeting, for a child point whose child the actor may read – or a refusal. */
async function childPoint(tx: Tx, actor: Actor, meetingId: string, itemId: string, action: 'meeting.invite_family' | 'meeting.minutes_write' | 'meeting.attendance') {
  const at = accessTimeNow();
  const context = await meetingOrRefuse(tx, actor, meetingId, at, action);
  if ('error' in context) return context;
  const [item] = await queryRows<{ id: string; child_id: string | null }>(
    tx,
    sql`SELECT id, child_id FROM meeting_agenda_items WHERE id = ${itemId}::uuid AND meeting_id = ${meetingId}::uuid`,
  );
  if (!item) return refuse(new AppError('not_found'));
  if (!item.child_id) {
    return refuse(
      invalid('itemId', {
        sv: 'Punkten är en avidentifierad konsultation – det som gäller ett barn registreras på barnets punkt.',
        en: "The point is a de-identified consultation – what concerns a child is recorded on the child's point.",
      }),
    );
  }
  const child = await readableChild(tx, actor, item.child_id, action);
  if ('error' in child) return child;
  return { context, child, itemId: item.id };
}

const longDates = new Map<string, Intl.DateTimeFormat>();

/** "tisdag 15 oktober 2030 kl. 13:00–15:00" / "Tuesday 15 October 2030, 13:00–15:00", local time. */
export function describeMeetingTime(startsAt: Date, endsAt: Date, zone: string, lang: 'sv' | 'en'): string {
  const key = `${zone}|${lang}`;
  let format = longDates.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { timeZone: zone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
    longDates.set(key, format);
  }
  const span = `${localDateTime(startsAt, zone).time}–${localDateTime(endsAt, zone).time}`;
  return lang === 'sv' ? `${format.format(startsAt)} kl. ${span}` : `${format.format(startsAt)}, ${span}`;
}

/**
 * Records that the guardians with custody – and the child, from the age at
 * which the profile gives children their own portal – were invited to the
 * child's point. The stored invitation carries the meeting's time and place.
 * Nothing is sent: the invitation is recorded for the professional to deliver.
 */
export async function inviteFamily(options: { db: Db; actor: Actor; meetingId: string; itemId: string; message: string }) {
  const { db, actor, meetingId, itemId } = options;
  return runUseCase(db, async (tx) => {
    const point = await childPoint(tx, actor, meetingId, itemId, 'meeting.invite_family');
    if ('error' in point) return point;
    const { context, child } = point;
    const { meeting } = context;
    const profile = await municipalityProfile(tx, child.row.municipality_id);
    const lang = profile.defaultLanguage;
    const guardians = await queryRows<{ id: string; name: string }>(
      tx,
      sql`SELECT g.id, g.given_name || ' ' || g.family_name AS name FROM guardianships gs JOIN guardians g ON g.id = gs.guardian_id
           WHERE gs.child_id = ${child.row.id}::uuid AND gs.custody ORDER BY g.given_name, g.id`,
    );
    const childInvited = ageInYears(child.row.birth_date, child.at.today) >= profile.childPortalAge;
    const when = describeMeetingTime(new Date(meeting.starts_at), new Date(meeting.ends_at), timeZone(), lang);
    const place = meeting.location ?? (lang === 'sv' ? 'meddelas senare' : 'to be announced');
    const invitees = [...guardians.map((g) => g.name), ...(childInvited ? [lang === 'sv' ? 'barnet' : 'the child'] : [])];
    const text = [
      options.message.trim(),
      '',
      lang === 'sv' ? `Möte: ${meeting.title}` : `Meeting: ${meeting.title}`,
      lang === 'sv' ? `Tid: ${when}` : `When: ${when}`,
      lang === 'sv' ? `Plats: ${place}` : `Where: ${place}`,
      lang === 'sv' ? `Inbjudna: ${invitees.join(', ')}` : `Invited: ${invitees.join(', ')}`,
    ].join('\n');
    const [updated] = await queryRows<{ family_invited_at: Date | string }>(
      tx,
      sql`UPDATE meeting_agenda_items SET family_invited_at = now(), family_invitation = ${text}
           WHERE id = ${itemId}::uuid RETURNING family_invited_at`,
    );
    await recordAuditEvent(tx, {
      actor,
      action: 'meeting.invite_family',
      outcome: 'allowed',
      childId: child.row.id,
      municipalityId: child.row.municipality_id,
      resourceType: 'meeting',
      resourceId: meetingId,
      details: { agendaItemId: itemId, guardianIds: guardians.map((g) => g.id), childInvited },
    });
    return {
      agendaItemId: itemId,
      invitedAt: iso(updated!.family_invited_at),
      invitation: text,
      invitees: [
        ...guardians.map((g) => ({ kind: 'guardian' as const, guardianId: g.id as string | null, name: g.name })),
        ...(childInvited ? [{ kind: 'child' as const, guardianId: null, name: null }] : []),
      ],
      delivery: 'recorded_only' as const,
    };
  });
}

// ── Attendance ───────────────────────────────────────────────────────────────

export type Presence = 'present' | 'absent' | 'excused';

export type AttendanceInput = {
  professionals?: { staffId: string; present: Presence }[];
  family?: { agendaItemId: string; guardians?: { guardianId: string; present: Presence }[]; child?: Presence | null }[];
};

/**
 * Records who attended. `professionals` replaces the meeting's professional
 * rows (members of the standing team, or of an agenda child's team; for a
 * child's meeting its participants); each `family` entry replaces the family
 * rows of that child's point, for someone who may read the child.
 */
export async function recordAttendance(options: { db: Db; actor: Actor; meetingId: string; input: AttendanceInput }) {
  const { db, actor, meetingId, input } = options;
  return runUseCase(db, async (tx) => {
    const at = accessTimeNow();
    const context = await meetingOrRefuse(tx, actor, meetingId, at, 'meeting.attendance');
    if ('error' in context) return context;
    const { meeting } = context;
    if (input.professionals) {
      const ids = [...new Set(input.professionals.map((p) => p.staffId))];
      if (ids.length !== input.professionals.length) {
        return refuse(invalid('professionals', { sv: 'En person står med två gånger.', en: 'A person is listed twice.' }));
      }
      const allowed = await queryRows<{ staff_id: string }>(
        tx,
        sql`SELECT DISTINCT p.staff_id FROM (
              SELECT sm.staff_id FROM standing_team_members sm WHERE sm.team_id = ${meeting.standing_team_id}::uuid AND sm.removed_at IS NULL
              UNION SELECT tm.staff_id FROM team_members tm
                     WHERE tm.removed_at IS NULL AND tm.child_id IN (SELECT i.child_id FROM meeting_agenda_items i WHERE i.meeting_id = ${meetingId}::uuid)
              UNION SELECT np.staff_id FROM named_person_assignments np
                     WHERE ${meeting.child_id}::uuid IS NOT NULL AND np.child_id = ${meeting.child_id}::uuid AND np.valid_to IS NULL AND np.status = 'assigned'
              UNION SELECT lp.staff_id FROM lead_professionals lp
                     WHERE ${meeting.child_id}::uuid IS NOT NULL AND lp.child_id = ${meeting.child_id}::uuid AND lp.ended_at IS NULL
              UNION SELECT m.created_by FROM meetings m WHERE m.id = ${meetingId}::uuid AND m.child_id IS NOT NULL) p
             WHERE p.staff_id = ANY(${uuidArray(ids)})`,
      );
      const ok = new Set(allowed.map((a) => a.staff_id));
      const outside = ids.filter((id) => !ok.has(id));
      if (outside.length > 0) {
        return refuse(
          new AppError('validation_failed', {
            message: {
              sv: 'Närvaro kan bara registreras för mötets deltagare: medlemmar i det stående teamet eller i ett barns team på dagordningen.',
              en: "Attendance can be recorded only for the meeting's participants: members of the standing team or of the team of a child on the agenda.",
            },
            details: { field: 'professionals', staffIds: outside },
          }),
        );
      }
    }
    const familyChecked: { itemId: string; childId: string; municipalityId: string; entry: NonNullable<AttendanceInput['family']>[number] }[] = [];
    for (const entry of input.family ?? []) {
      const [item] = await queryRows<{ child_id: string | null }>(
        tx,
        sql`SELECT child_id FROM meeting_agenda_items WHERE id = ${entry.agendaItemId}::uuid AND meeting_id = ${meetingId}::uuid`,
      );
      if (!item) return refuse(new AppError('not_found'));
      if (!item.child_id) {
        return refuse(invalid('family', { sv: 'Familjens närvaro registreras på ett barns punkt.', en: "The family's attendance is recorded on a child's point." }));
      }
      const child = await readableChild(tx, actor, item.child_id, 'meeting.attendance');
      if ('error' in child) return child;
      const guardianIds = new Set(
        (await queryRows<{ guardian_id: string }>(tx, sql`SELECT guardian_id FROM guardianships WHERE child_id = ${item.child_id}::uuid`)).map((g) => g.guardian_id),
      );
      const foreign = (entry.guardians ?? []).filter((g) => !guardianIds.has(g.guardianId));
      const repeated = new Set((entry.guardians ?? []).map((g) => g.guardianId)).size !== (entry.guardians ?? []).length;
      if (foreign.length > 0 || repeated) {
        return refuse(
          new AppError('validation_failed', {
            message: { sv: 'Ange barnets vårdnadshavare, var och en en gång.', en: "Give the child's guardians, each once." },
            details: { field: 'family.guardians', agendaItemId: entry.agendaItemId },
          }),
        );
      }
      familyChecked.push({ itemId: entry.agendaItemId, childId: item.child_id, municipalityId: child.row.municipality_id, entry });
    }
    if (new Set(familyChecked.map((f) => f.itemId)).size !== familyChecked.length) {
      return refuse(invalid('family', { sv: 'En punkt står med två gånger.', en: 'A point is listed twice.' }));
    }

    if (input.professionals) {
      await tx.execute(sql`DELETE FROM meeting_attendance WHERE meeting_id = ${meetingId}::uuid AND kind = 'professional'`);
      for (const p of input.professionals) {
        await tx.execute(
          sql`INSERT INTO meeting_attendance (municipality_id, meeting_id, kind, staff_id, present, recorded_by)
              VALUES (${meeting.municipality_id}::uuid, ${meetingId}::uuid, 'professional', ${p.staffId}::uuid, ${p.present}, ${actor.staffId}::uuid)`,
        );
      }
      await recordAuditEvent(tx, {
        actor,
        action: 'meeting.attendance',
        outcome: 'allowed',
        municipalityId: meeting.municipality_id,
        resourceType: 'meeting',
        resourceId: meetingId,
        details: { professionals: input.professionals.length },
      });
    }
    for (const f of familyChecked) {
      await tx.execute(sql`DELETE FROM meeting_attendance WHERE agenda_item_id = ${f.itemId}::uuid AND kind IN ('guardian', 'child')`);
      for (const g of f.entry.guardians ?? []) {
        await tx.execute(
          sql`INSERT INTO meeting_attendance (municipality_id, meeting_id, agenda_item_id, kind, guardian_id, present, recorded_by)
              VALUES (${meeting.municipality_id}::uuid, ${meetingId}::uuid, ${f.itemId}::uuid, 'guardian', ${g.guardianId}::uuid, ${g.present}, ${actor.staffId}::uuid)`,
        );
      }
      if (f.entry.child) {
        await tx.execute(
          sql`INSERT INTO meeting_attendance (municipality_id, meeting_id, agenda_item_id, kind, present, recorded_by)
              VALUES (${meeting.municipality_id}::uuid, ${meetingId}::uuid, ${f.itemId}::uuid, 'child', ${f.entry.child}, ${actor.staffId}::uuid)`,
        );
      }
      await recordAuditEvent(tx, {
        actor,
        action: 'meeting.attendance',
        outcome: 'allowed',
        childId: f.childId,
        municipalityId: f.municipalityId,
        resourceType: 'meeting',
        resourceId: meetingId,
        details: { agendaItemId: f.itemId, guardianIds: (f.entry.guardians ?? []).map((g) => g.guardianId), child: f.entry.child ?? null },
      });
    }
    const rows = await loadAttendance(tx, meetingId);
    const visibleItems = new Set(familyChecked.map((f) => f.itemId));
    return {
      professionals: rows
        .filter((a) => a.kind === 'professional')
        .map((a) => ({ staffId: a.staff_id!, name: a.staff_name ?? '', unitName: a.unit_name, present: a.present })),
      family: rows
        .filter((a) => a.kind !== 'professional' && a.agenda_item_id && visibleItems.has(a.agenda_item_id))
        .map((a) => ({ agendaItemId: a.agenda_item_id!, kind: a.kind as 'guardian' | 'child', guardianId: a.guardian_id, name: a.guardian_name, present: a.present })),
    };
  });
}

// ── Minutes ──────────────────────────────────────────────────────────────────

/**
 * Writes the minutes and decisions for one child's point: a record of category
 * `meeting` owned by the writer's unit (default: where the child is enrolled,
 * else the unit they represent in the child's team or the standing team).
 */
export async function writeMinutes(options: {
  db: Db;
  actor: Actor;
  meetingId: string;
  itemId: string;
  input: { minutes: string; decisions: string[]; planId?: string | null; owningUnitId?: string };
}) {
  const { db, actor, meetingId, itemId, input } = options;
  return runUseCase(db, async (tx) => {
    const point = await childPoint(tx, actor, meetingId, itemId, 'meeting.minutes_write');
    if ('error' in point) return point;
    const { child, context } = point;
    const ownUnits = childFacingUnitIds(actor);
    const [standingUnit] = context.meeting.standing_team_id
      ? await queryRows<{ unit_id: string }>(
          tx,
          sql`SELECT unit_id FROM standing_team_members WHERE team_id = ${context.meeting.standing_team_id}::uuid AND staff_id = ${actor.staffId}::uuid AND removed_at IS NULL LIMIT 1`,
        )
      : [];
    const owningUnitId =
      input.owningUnitId ??
      ownUnits.find((u) => child.facts.currentEnrollmentUnitIds.includes(u)) ??
      child.facts.teamMembers.find((m) => m.staffId === actor.staffId && ownUnits.includes(m.unitId))?.unitId ??
      (standingUnit && ownUnits.includes(standingUnit.unit_id) ? standingUnit.unit_id : undefined) ??
      ownUnits[0];
    if (!owningUnitId || !canWriteRecord(actor, child.facts, owningUnitId).allowed) {
      await recordAuditEvent(tx, { actor, action: 'meeting.minutes_write', outcome: 'denied', childId: child.row.id, municipalityId: child.row.municipality_id, resourceType: 'meeting', resourceId: meetingId });
      return refuse(new AppError('forbidden'));
    }
    if (input.planId) {
      const [plan] = await queryRows<{ id: string }>(
        tx,
        sql`SELECT p.id FROM plans p WHERE p.id = ${input.planId}::uuid AND p.child_id = ${child.row.id}::uuid AND ${recordReadableSql(actor, 'p', child.at)}`,
      );
      if (!plan) return refuse(invalid('planId', { sv: 'Planen finns inte för det här barnet.', en: 'There is no such plan for this child.' }));
    }
    const [created] = await tx
      .insert(meetingMinutes)
      .values({
        municipalityId: child.row.municipality_id,
        meetingId,
        agendaItemId: itemId,
        childId: child.row.id,
        owningUnitId,
        category: 'meeting',
        minutes: input.minutes.trim(),
        decisions: input.decisions.map((d) => d.trim()).filter((d) => d.length > 0),
        planId: input.planId ?? null,
        authorId: actor.staffId,
      })
      .returning({ id: meetingMinutes.id });
    await recordAuditEvent(tx, {
      actor,
      action: 'meeting.minutes_write',
      outcome: 'allowed',
      childId: child.row.id,
      municipalityId: child.row.municipality_id,
      resourceType: 'meeting_minutes',
      resourceId: created!.id,
      details: { meetingId, agendaItemId: itemId, owningUnitId, decisions: input.decisions.length, planId: input.planId ?? null },
    });
    const [row] = await queryRows<MinutesRow>(tx, sql`${minutesSelect} WHERE mm.id = ${created!.id}::uuid`);
    return presentMinutes(row!);
  });
}

/** The child's meeting minutes that the actor may read, newest meeting first (scoped in SQL by the same rules). */
export async function listChildMinutes(options: { db: Db; actor: Actor; childId: string }) {
  const { db, actor, childId } = options;
  return runUseCase(db, async (tx) => {
    const at = accessTimeNow();
    const child = await loadChildAccess(tx, childId, at);
    if (!child) {
      await recordAuditEvent(tx, { actor, action: 'meeting.minutes_read', outcome: 'denied', resourceType: 'child', resourceId: childId });
      return refuse(new AppError('not_found'));
    }
    const rows = await queryRows<MinutesRow>(
      tx,
      sql`${minutesSelect} WHERE mm.child_id = ${childId}::uuid AND ${recordReadableSql(actor, 'mm', at)}
           ORDER BY m.starts_at DESC, mm.created_at DESC, mm.id`,
    );
    if (rows.length === 0 && !canReadBasicRecord(actor, child.facts).allowed) {
      await recordAuditEvent(tx, { actor, action: 'meeting.minutes_read', outcome: 'denied', childId, municipalityId: child.row.municipality_id });
      return refuse(new AppError('not_found'));
    }
    await recordAuditEvent(tx, {
      actor,
      action: 'meeting.minutes_read',
      outcome: 'allowed',
      childId,
      municipalityId: child.row.municipality_id,
      details: { minutesIds: rows.map((r) => r.id) },
    });
    return { items: rows.map(presentMinutes) };
  });
}

// ── The iCalendar feed ───────────────────────────────────────────────────────

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const FEED_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** Creates – or replaces, ending the old address – the actor's private feed. The token is returned once; only its hash is kept. */
export async function createCalendarFeed(options: { db: Db; actor: Actor }) {
  const { db, actor } = options;
  return runUseCase(db, async (tx) => {
    const token = randomBytes(32).toString('base64url');
    const [row] = await queryRows<{ created_at: Date | string; replaced: boolean }>(
      tx,
      sql`INSERT INTO calendar_feeds (staff_id, token_hash) VALUES (${actor.staffId}::uuid, ${hashToken(token)})
          ON CONFLICT (staff_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = now()
          RETURNING created_at, (xmax <> 0) AS replaced`,
    );
    await recordAuditEvent(tx, { actor, action: 'calendar.feed', outcome: 'allowed', resourceType: 'calendar_feed', resourceId: actor.staffId, details: { change: row!.replaced ? 'replaced' : 'created' } });
    return { path: `/api/calendar/${token}.ics`, createdAt: iso(row!.created_at), replaced: Boolean(row!.replaced) };
  });
}

/** Ends the actor's feed: its address stops working at once. */
export async function revokeCalendarFeed(options: { db: Db; actor: Actor }) {
  const { db, actor } = options;
  return runUseCase(db, async (tx) => {
    const removed = await queryRows<{ staff_id: string }>(tx, sql`DELETE FROM calendar_feeds WHERE staff_id = ${actor.staffId}::uuid RETURNING staff_id`);
    if (removed.length === 0) return refuse(new AppError('not_found'));
    await recordAuditEvent(tx, { actor, action: 'calendar.feed', outcome: 'allowed', resourceType: 'calendar_feed', resourceId: actor.staffId, details: { change: 'revoked' } });
    return { revoked: true as const };
  });
}

/**
 * The feed for a token: a VEVENT per meeting of the member from 30 days back
 * to 400 days ahead – title, times in UTC, place. No child data: no names, no
 * agenda. Null for an unknown token (answered 404).
 */
export async function renderCalendarFeed(options: { db: Db; token: string; now?: Date }): Promise<string | null> {
  const { db, token } = options;
  if (!FEED_TOKEN.test(token)) return null;
  return db.transaction(async (tx) => {
    const [feed] = await queryRows<{ staff_id: string }>(tx, sql`SELECT staff_id FROM calendar_feeds WHERE token_hash = ${hashToken(token)}`);
    const actor = feed ? await loadActor(tx, feed.staff_id) : null;
    if (!actor) return null;
    const now = options.now ?? new Date();
    const rows = await queryRows<MeetingRow>(
      tx,
      sql`${meetingSelect}
           WHERE m.cancelled_at IS NULL
             AND m.ends_at >= ${new Date(now.getTime() - FEED_PAST_DAYS * 86_400_000).toISOString()}::timestamptz
             AND m.starts_at < ${new Date(now.getTime() + FEED_AHEAD_DAYS * 86_400_000).toISOString()}::timestamptz
             AND ${meetingParticipantSql(actor.staffId)}
           ORDER BY m.starts_at, m.id LIMIT 2000`,
    );
    await recordAuditEvent(tx, {
      actor,
      action: 'calendar.feed',
      outcome: 'allowed',
      resourceType: 'calendar_feed',
      resourceId: actor.staffId,
      details: { change: 'read', events: rows.length },
    });
    return buildCalendar({
      productId: '-//Samsyn//Möten//SV',
      name: 'Samsyn – möten',
      generatedAt: now,
      events: rows.map((r) => ({
        uid: `${r.id}@samsyn`,
        start: new Date(r.starts_at),
        end: new Date(r.ends_at),
        summary: r.title,
        location: r.location,
        description: r.child_id ? 'Teammöte kring ett barn – se Samsyn.' : 'Stående team – dagordningen finns i Samsyn.',
      })),
    });
  });
}
