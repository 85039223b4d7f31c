/**
 * Standing multi-professional teams (child teams 0–6 and 7–12, an HLT group)
 * with fixed ("holy") meeting slots, their meetings, agendas of children (with
 * consent) and de-identified consultations, attendance, and minutes per child.
 * Minutes are records of information category `meeting` owned by the writer's
 * unit; `domain/access` decides who reads them.
 *
 * Tables referenced from `./index.ts` are only touched inside the lazy
 * `references` callbacks, so the cycle index ↔ meetings is harmless.
 */
import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { informationCategoryColumn } from './assessments.ts';
import { childIdColumn, municipalityIdColumn } from './columns.ts';
import { children, consents, consultations, guardians, staff, units } from './index.ts';
import { plans } from './plans.ts';

export const standingTeams = pgTable(
  'standing_teams',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The municipality the team serves. */
    municipalityId: municipalityIdColumn(),
    /** The unit that hosts the team (its chair's unit). */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** The profile's team type key (`hlt_group`, `child_team_0_6`, …). */
    teamType: text('team_type').notNull(),
    name: text('name').notNull(),
    /** Fixed meeting slot: every N weeks on an ISO weekday, HH:MM–HH:MM local time, from the first date. */
    everyWeeks: integer('every_weeks'),
    weekday: integer('weekday'),
    startTime: text('start_time'),
    endTime: text('end_time'),
    firstDate: date('first_date', { mode: 'string' }),
    location: text('location'),
    createdBy: uuid('created_by').references(() => staff.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('standing_teams_municipality').on(t.municipalityId)],
);

export const standingTeamMembers = pgTable(
  'standing_team_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => standingTeams.id),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
    removedAt: timestamp('removed_at', { withTimezone: true }),
  },
  (t) => [index('standing_team_members_team').on(t.teamId), index('standing_team_members_staff').on(t.staffId).where(sql`removed_at IS NULL`)],
);

/** A meeting of a standing team, or a child's own team meeting (no standing team). */
export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityIdColumn(),
    standingTeamId: uuid('standing_team_id').references(() => standingTeams.id),
    /** A child's own meeting (the team around the child); null for a standing team's meeting. */
    childId: uuid('child_id').references(() => children.id),
    title: text('title').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    location: text('location'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => staff.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelledBy: uuid('cancelled_by').references(() => staff.id),
    /** Why, in words every participant may read (no child identity: it shows in lists). */
    cancelReason: text('cancel_reason'),
  },
  (t) => [
    index('meetings_municipality').on(t.municipalityId, t.startsAt),
    index('meetings_team').on(t.standingTeamId, t.startsAt),
    index('meetings_child').on(t.childId, t.startsAt),
  ],
);

/** One point on a meeting's agenda: an identified child (with consent) or a de-identified consultation. */
export const meetingAgendaItems = pgTable(
  'meeting_agenda_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityIdColumn(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    position: integer('position').notNull(),
    childId: uuid('child_id').references(() => children.id),
    /** The consent (purpose team meeting) that let the child onto the agenda. */
    consentId: uuid('consent_id').references(() => consents.id),
    consultationId: uuid('consultation_id').references(() => consultations.id),
    /** The family's invitation to the child's point: when, and what it said. */
    familyInvitedAt: timestamp('family_invited_at', { withTimezone: true }),
    familyInvitation: text('family_invitation'),
    addedBy: uuid('added_by')
      .notNull()
      .references(() => staff.id),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('agenda_meeting').on(t.meetingId, t.position), index('agenda_child').on(t.childId)],
);

/** Who attended: professionals for the meeting; guardians and the child for their child's point. */
export const meetingAttendance = pgTable(
  'meeting_attendance',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityIdColumn(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    agendaItemId: uuid('agenda_item_id').references(() => meetingAgendaItems.id),
    kind: text('kind', { enum: ['professional', 'guardian', 'child'] }).notNull(),
    staffId: uuid('staff_id').references(() => staff.id),
    guardianId: uuid('guardian_id').references(() => guardians.id),
    present: text('present', { enum: ['present', 'absent', 'excused'] }).notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => staff.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('attendance_meeting').on(t.meetingId)],
);

/** Minutes and decisions for one child's point: a record of category `meeting` owned by the writer's unit. */
export const meetingMinutes = pgTable(
  'meeting_minutes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityIdColumn(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    agendaItemId: uuid('agenda_item_id')
      .notNull()
      .references(() => meetingAgendaItems.id),
    childId: childIdColumn(),
    owningUnitId: uuid('owning_unit_id')
      .notNull()
      .references(() => units.id),
    category: informationCategoryColumn('category').notNull().default('meeting'),
    minutes: text('minutes').notNull(),
    decisions: jsonb('decisions').$type<string[]>().notNull(),
    /** The plan the decisions flow into. */
    planId: uuid('plan_id').references(() => plans.id),
    authorId: uuid('author_id')
      .notNull()
      .references(() => staff.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('minutes_child').on(t.childId, t.createdAt), index('minutes_meeting').on(t.meetingId), index('minutes_municipality').on(t.municipalityId)],
);

/** A professional's private iCalendar feed: the token's sha-256 (the token itself is shown once). */
export const calendarFeeds = pgTable('calendar_feeds', {
  staffId: uuid('staff_id')
    .primaryKey()
    .references(() => staff.id),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
