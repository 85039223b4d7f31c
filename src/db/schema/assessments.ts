/**
 * Wellbeing assessments: a record of information category `wellbeing` under
 * the access module (owning unit = the assessor's unit). The wheel ratings,
 * triangle entries, matrix and instrument results are JSON validated by the
 * service against the profile version named on the row; reports read them with
 * `jsonb_array_elements`.
 *
 * Tables referenced from `./index.ts` are only touched inside the lazy
 * `references` callbacks, so the cycle index ↔ assessments is harmless.
 */
import { boolean, customType, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { InformationCategory } from '../../domain/consent.ts';
import { childIdColumn, municipalityIdColumn } from './columns.ts';
import { staff, units } from './index.ts';

/** The existing `information_category` enum, without importing the pgEnum object (import cycle). */
export const informationCategoryColumn = customType<{ data: InformationCategory; driverData: string }>({
  dataType: () => 'information_category',
});

export type AssessmentParticipantsJson = {
  child: boolean;
  guardianIds: string[];
  professionals: { name: string; role: string | null }[];
};
export type AssessmentRatingJson = {
  indicator: string;
  professional: number | null;
  child: number | null;
  guardians: number | null;
  note: string | null;
};
export type AssessmentTriangleJson = { heading: string; kind: 'strength' | 'challenge'; text: string }[];
export type AssessmentMatrixJson = {
  facts: { quadrant: string; text: string }[];
  position: { x: number; y: number } | null;
};
export type AssessmentInstrumentJson = {
  instrument: string;
  respondent: 'child' | 'guardian';
  /** The respondent's age on the day, for the cut-off (a guardian counts as an adult). */
  respondentAge: number;
  scores: Record<string, number>;
}[];

export const assessments = pgTable(
  'assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityIdColumn(),
    childId: childIdColumn(),
    owningUnitId: uuid('owning_unit_id')
      .notNull()
      .references(() => units.id),
    category: informationCategoryColumn('category').notNull().default('wellbeing'),
    assessedOn: date('assessed_on', { mode: 'string' }).notNull(),
    profileKey: text('profile_key').notNull(),
    profileVersion: integer('profile_version').notNull(),
    /** `shanarri` or `behovskompassen`, from the profile. */
    tool: text('tool').notNull(),
    childTookPart: boolean('child_took_part').notNull(),
    participants: jsonb('participants').$type<AssessmentParticipantsJson>().notNull(),
    ratings: jsonb('ratings').$type<AssessmentRatingJson[]>().notNull(),
    childView: text('child_view'),
    summary: text('summary'),
    triangle: jsonb('triangle').$type<AssessmentTriangleJson>().notNull(),
    matrix: jsonb('matrix').$type<AssessmentMatrixJson | null>(),
    instruments: jsonb('instruments').$type<AssessmentInstrumentJson>().notNull(),
    /** The concern this assessment follows up (no foreign key: concerns live in their own module). */
    concernId: uuid('concern_id'),
    authorId: uuid('author_id')
      .notNull()
      .references(() => staff.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('assessments_child').on(t.childId, t.assessedOn),
    index('assessments_municipality').on(t.municipalityId),
    index('assessments_concern').on(t.concernId),
  ],
);
