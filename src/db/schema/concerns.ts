/**
 * Concerns (oro / signal / förfrågan) and what the named person records on
 * them. A concern is a record of information category `concern` (fixed, so no
 * column) owned by the raiser's unit; see `domain/concerns.ts` for the
 * lifecycle and `domain/access.ts` for who reads it.
 *
 * Tables referenced from `./index.ts` are only touched inside the lazy
 * `references` callbacks, so the cycle index ↔ concerns is harmless.
 */
import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { CONCERN_HISTORY_KINDS, CONCERN_SOURCES, CONCERN_STATUSES, CONCERN_URGENCIES, SHARING_BASES } from '../../domain/concerns.ts';
import { childIdColumn, municipalityIdColumn } from './columns.ts';
import { reportsOfConcern, staff, units } from './index.ts';

export const concerns = pgTable(
  'concerns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The child's municipality (ARCHITECTURE decision 8). */
    municipalityId: municipalityIdColumn(),
    childId: childIdColumn(),
    /** The raiser's unit: the record's owner. */
    owningUnitId: uuid('owning_unit_id')
      .notNull()
      .references(() => units.id),
    raisedBy: uuid('raised_by')
      .notNull()
      .references(() => staff.id),
    source: text('source', { enum: CONCERN_SOURCES }).notNull(),
    /** Who asked and how, when a child or guardian asked for support. */
    sourceNote: text('source_note'),
    urgency: text('urgency', { enum: CONCERN_URGENCIES }).notNull(),
    /** The five questions (GIRFEC), in order. */
    whatIsGettingInTheWay: text('what_is_getting_in_the_way').notNull(),
    haveAllInformation: text('have_all_information').notNull().default(''),
    whatCanIDoNow: text('what_can_i_do_now').notNull().default(''),
    whatCanMyAgencyDo: text('what_can_my_agency_do').notNull().default(''),
    whatHelpFromOthers: text('what_help_from_others').notNull().default(''),
    /** Question 5's answer: help from others is needed. */
    needsOthers: boolean('needs_others').notNull(),
    /** Wellbeing indicator keys of the child's model profile. */
    indicators: text('indicators').array().notNull().default(sql`'{}'::text[]`),
    /** Who it was sent to when raised (the named person; or the named-person role at the enrolling unit). */
    recipientStaffId: uuid('recipient_staff_id').references(() => staff.id),
    recipientUnitId: uuid('recipient_unit_id').references(() => units.id),
    recipientKind: text('recipient_kind', { enum: ['named_person', 'enrolling_unit'] }),
    /** Why the concern may cross to the recipient's agency (ACCESS.md, Writes); see `domain/concerns.ts`. */
    sharingBasis: text('sharing_basis', { enum: SHARING_BASES }),
    /** The consent id, or the statute / reason stated for an emergency, crime-prevention or other-statute basis. */
    sharingReference: text('sharing_reference'),
    /** Derived from the actions (domain/concerns.ts), stored for lists. */
    status: text('status', { enum: CONCERN_STATUSES }).notNull().default('new'),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull().defaultNow(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    /** The first action of any kind: time to first response is `first_response_at - raised_at`. */
    firstResponseAt: timestamp('first_response_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** Generated demo data, never a real person. */
    isTestData: boolean('is_test_data').notNull().default(false),
  },
  (t) => [
    index('concerns_municipality').on(t.municipalityId, t.raisedAt),
    index('concerns_recipient').on(t.recipientStaffId, t.status, t.raisedAt),
    index('concerns_raised_by').on(t.raisedBy, t.raisedAt),
    index('concerns_child').on(t.childId, t.raisedAt),
    index('concerns_owning_unit').on(t.owningUnitId, t.raisedAt),
  ],
);

/** One step on a concern – recorded by the one it was sent to, or `forwarded` when the named person changed; never changed afterwards. */
export const concernActions = pgTable(
  'concern_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityIdColumn(),
    concernId: uuid('concern_id')
      .notNull()
      .references(() => concerns.id),
    kind: text('kind', { enum: CONCERN_HISTORY_KINDS }).notNull(),
    /** What was done; the reason for closing. */
    note: text('note'),
    /** For `mandatory_report`: the report of concern to social services. */
    reportOfConcernId: uuid('report_of_concern_id').references(() => reportsOfConcern.id),
    /** For `forwarded`: the recipient before and after the named person changed. */
    fromStaffId: uuid('from_staff_id').references(() => staff.id),
    toStaffId: uuid('to_staff_id').references(() => staff.id),
    /** Who recorded it; null for the system (the daily handover job forwarding a concern). */
    actorId: uuid('actor_id').references(() => staff.id),
    actorUnitId: uuid('actor_unit_id').references(() => units.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('concern_actions_concern').on(t.concernId, t.at), index('concern_actions_municipality').on(t.municipalityId)],
);
