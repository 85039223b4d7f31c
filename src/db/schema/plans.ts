/**
 * The team around the child's lead professional, the intervention catalogue,
 * the child's plan with its versions and reviews (issue: one meeting, one plan).
 * A plan is a record of information category `plan` owned by the unit of the
 * professional who started it; its content is JSON validated by
 * `domain/plan.ts` (`PlanContentSchema`), and every save is a new row in
 * `plan_versions` so nothing is ever overwritten.
 *
 * Tables referenced from `./index.ts` are only touched inside the lazy
 * `references` callbacks, so the cycle index ↔ plans is harmless.
 */
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { PlanChange, PlanContent } from '../../domain/plan.ts';
import { PLAN_STATUSES } from '../../domain/plan.ts';
import { informationCategoryColumn } from './assessments.ts';
import { childIdColumn, municipalityIdColumn } from './columns.ts';
import { staff, units } from './index.ts';

/** The lead professional (stödsamordnare) of a child's coordinated support; history kept, one current. */
export const leadProfessionals = pgTable(
  'lead_professionals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityIdColumn(),
    childId: childIdColumn(),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    reason: text('reason'),
    appointedBy: uuid('appointed_by')
      .notNull()
      .references(() => staff.id),
    appointedAt: timestamp('appointed_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [
    index('lead_professionals_municipality').on(t.municipalityId),
    index('lead_professionals_child').on(t.childId, t.appointedAt),
    index('lead_professionals_current').on(t.staffId).where(sql`ended_at IS NULL`),
  ],
);

/** What a unit offers (extra home visits, being taken to school, …); searchable when writing a plan. Not child data. */
export const interventions = pgTable(
  'interventions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    title: text('title').notNull(),
    description: text('description').notNull(),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by').references(() => staff.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('interventions_unit').on(t.unitId)],
);

export const plans = pgTable(
  'plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityIdColumn(),
    childId: childIdColumn(),
    /** The unit of the professional who started the plan: the record's owner. */
    owningUnitId: uuid('owning_unit_id')
      .notNull()
      .references(() => units.id),
    category: informationCategoryColumn('category').notNull().default('plan'),
    status: text('status', { enum: PLAN_STATUSES }).notNull().default('draft'),
    /** The newest version's number; a save names the version it was based on. */
    version: integer('version').notNull(),
    content: jsonb('content').$type<PlanContent>().notNull(),
    reviewDate: date('review_date', { mode: 'string' }).notNull(),
    /** The concern the plan grew from (no foreign key: concerns live in their own module). */
    concernId: uuid('concern_id'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => staff.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    activatedAt: timestamp('activated_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedReason: text('closed_reason'),
  },
  (t) => [
    index('plans_municipality').on(t.municipalityId, t.status),
    index('plans_child').on(t.childId, t.createdAt),
    index('plans_review_due').on(t.reviewDate).where(sql`status IN ('active', 'under_review')`),
  ],
);

/** Every save of a plan, whole; the diff to the previous version is kept for reading. */
export const planVersions = pgTable(
  'plan_versions',
  {
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    version: integer('version').notNull(),
    municipalityId: municipalityIdColumn(),
    status: text('status', { enum: PLAN_STATUSES }).notNull(),
    content: jsonb('content').$type<PlanContent>().notNull(),
    changes: jsonb('changes').$type<PlanChange[]>().notNull(),
    /** What the save was: created, saved, activated, review started, reviewed, closed. */
    event: text('event').notNull(),
    savedBy: uuid('saved_by')
      .notNull()
      .references(() => staff.id),
    savedAt: timestamp('saved_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.planId, t.version] }), index('plan_versions_municipality').on(t.municipalityId)],
);

export type PlanReviewActionJson = { actionId: string; status: 'done' | 'ongoing' | 'not_done'; comment: string | null };

/** A review of a plan: the wheel scored again (the assessment), each action marked, the outcome. */
export const planReviews = pgTable(
  'plan_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityIdColumn(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    childId: childIdColumn(),
    /** The plan version the review produced. */
    planVersion: integer('plan_version').notNull(),
    /** The assessment made at the review (the wheel scored again). */
    assessmentId: uuid('assessment_id').notNull(),
    actions: jsonb('actions').$type<PlanReviewActionJson[]>().notNull(),
    outcome: text('outcome', { enum: ['continue', 'revise', 'close'] }).notNull(),
    comment: text('comment'),
    nextReviewDate: date('next_review_date', { mode: 'string' }),
    reviewedBy: uuid('reviewed_by')
      .notNull()
      .references(() => staff.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('plan_reviews_plan').on(t.planId, t.reviewedAt), index('plan_reviews_municipality').on(t.municipalityId)],
);
