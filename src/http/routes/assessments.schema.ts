/**
 * The wellbeing assessment API contract: the wheel of the child's model
 * profile (SHANARRI or Behovskompassen), My World Triangle, the resilience
 * matrix and optional ORS/SRS/CORS/CSRS. Range checks that depend on the
 * profile (the wheel's scale, instrument scales) are made by the service and
 * answered 422 naming the indicator; the rest is checked here (400).
 */
import { z } from 'zod';
import { INSTRUMENT_KEYS } from '../../domain/instruments.ts';
import {
  MATRIX_AREAS,
  MATRIX_AXIS_MAX,
  MATRIX_AXIS_MIN,
  MATRIX_QUADRANTS,
  TRIANGLE_ENTRY_KINDS,
  TRIANGLE_HEADING_KEYS,
  TRIANGLE_SIDES,
} from '../../domain/wellbeing.ts';
import { LocalizedTextSchema } from './common.schema.ts';

const IsoDate = z.iso.date();
const ShortText = z.string().trim().min(1).max(2000);

// ── Request ─────────────────────────────────────────────────────────────────

export const IndicatorRatingInput = z.object({
  /** An indicator key of the child's profile (`safe`, … or `respect`, …); unknown → 422 `unknown_indicator`. */
  indicator: z.string().min(1).max(60),
  /** Whole numbers on the profile's scale (e.g. 1–5); outside → 422 `rating_out_of_scale`. Null/absent = not rated. */
  professional: z.number().nullable().optional(),
  /** The child's own rating; requires `participants.child`. */
  child: z.number().nullable().optional(),
  /** The guardians' rating; requires at least one guardian in `participants.guardianIds`. */
  guardians: z.number().nullable().optional(),
  note: z.string().trim().max(2000).nullable().optional(),
});

export const ParticipantsInput = z.object({
  /** The child took part (then the child's own ratings may be recorded). */
  child: z.boolean(),
  /** Which of the child's guardians took part. */
  guardianIds: z.array(z.uuid()).max(6).default([]),
  /** Other professionals who took part (the assessor is recorded anyway). */
  professionals: z
    .array(z.object({ name: z.string().trim().min(1).max(200), role: z.string().trim().max(200).nullable().optional() }))
    .max(30)
    .default([]),
});

export const TriangleEntryInput = z.object({
  heading: z.enum(TRIANGLE_HEADING_KEYS),
  kind: z.enum(TRIANGLE_ENTRY_KINDS),
  text: ShortText,
});

export const MatrixPositionSchema = z.object({
  /** Vulnerability (−5) ↔ resilience (+5). */
  x: z.number().min(MATRIX_AXIS_MIN).max(MATRIX_AXIS_MAX),
  /** Adversity (−5) ↔ protective environment (+5). */
  y: z.number().min(MATRIX_AXIS_MIN).max(MATRIX_AXIS_MAX),
});

export const MatrixInput = z.object({
  facts: z.array(z.object({ quadrant: z.enum(MATRIX_QUADRANTS), text: ShortText })).max(100).default([]),
  position: MatrixPositionSchema.nullable().default(null),
});

export const InstrumentResultInput = z.object({
  instrument: z.enum(INSTRUMENT_KEYS),
  respondent: z.enum(['child', 'guardian']),
  /** Exactly the instrument's four scale keys, each 0–10 (one decimal); outside → 422 `instrument_score_out_of_range`. */
  scores: z.record(z.string(), z.number()),
});

export const CreateAssessmentBody = z.object({
  assessedOn: IsoDate.optional().describe('Default: today'),
  /** Default: a unit of yours where the child is enrolled. */
  owningUnitId: z.uuid().optional(),
  participants: ParticipantsInput,
  ratings: z.array(IndicatorRatingInput).max(40).default([]),
  /** The child's own words about how things are, if given. */
  childView: z.string().trim().max(4000).nullable().optional(),
  summary: z.string().trim().max(8000).nullable().optional(),
  triangle: z.array(TriangleEntryInput).max(200).default([]),
  matrix: MatrixInput.nullable().default(null),
  instruments: z.array(InstrumentResultInput).max(8).default([]),
  /** The concern this assessment follows up, if any. */
  concernId: z.uuid().nullable().optional(),
});
export type CreateAssessmentBody = z.infer<typeof CreateAssessmentBody>;

// ── Tool definition (how to draw the wheel and the forms) ───────────────────

export const ToolDefinition = z.object({
  profileKey: z.string(),
  profileVersion: z.number().int(),
  tool: z.enum(['shanarri', 'behovskompassen']),
  scale: z.object({
    min: z.number().int(),
    max: z.number().int(),
    labels: z.array(z.object({ value: z.number().int(), label: LocalizedTextSchema })),
  }),
  indicators: z.array(
    z.object({
      key: z.string(),
      name: LocalizedTextSchema,
      description: LocalizedTextSchema,
      childStatement: LocalizedTextSchema.nullable(),
    }),
  ),
  instruments: z.array(
    z.object({
      key: z.enum(INSTRUMENT_KEYS),
      name: LocalizedTextSchema,
      kind: z.enum(['outcome', 'session']),
      ages: z.object({ from: z.number().int(), to: z.number().int().nullable() }),
      items: z.array(z.object({ key: z.string(), label: LocalizedTextSchema })),
      itemMin: z.number(),
      itemMax: z.number(),
      cutoffs: z.array(z.object({ fromAge: z.number().int(), toAge: z.number().int().nullable(), value: z.number() })),
    }),
  ),
  triangle: z.object({
    sides: z.array(z.object({ key: z.enum(TRIANGLE_SIDES), name: LocalizedTextSchema })),
    headings: z.array(z.object({ key: z.enum(TRIANGLE_HEADING_KEYS), side: z.enum(TRIANGLE_SIDES), name: LocalizedTextSchema })),
  }),
  matrix: z.object({
    axisMin: z.number(),
    axisMax: z.number(),
    quadrants: z.array(z.object({ key: z.enum(MATRIX_QUADRANTS), name: LocalizedTextSchema })),
  }),
});

// ── Response ────────────────────────────────────────────────────────────────

export const InstrumentResultView = z.object({
  instrument: z.enum(INSTRUMENT_KEYS),
  respondent: z.enum(['child', 'guardian']),
  scores: z.record(z.string(), z.number()),
  total: z.number(),
  cutoff: z.number().nullable(),
  belowClinicalCutoff: z.boolean().nullable(),
  allianceFlag: z.boolean().nullable(),
  /** Against the previous readable assessment with the same instrument and respondent (lists only; null otherwise). */
  change: z.number().nullable(),
  reliableChange: z.enum(['improved', 'deteriorated', 'none']).nullable(),
});

export const AssessmentView = z.object({
  id: z.uuid(),
  childId: z.uuid(),
  assessedOn: z.string(),
  profileKey: z.string(),
  profileVersion: z.number().int(),
  tool: z.enum(['shanarri', 'behovskompassen']),
  category: z.literal('wellbeing'),
  participants: z.object({
    child: z.boolean(),
    guardians: z.array(z.object({ guardianId: z.uuid(), name: z.string().nullable() })),
    professionals: z.array(z.object({ name: z.string(), role: z.string().nullable() })),
  }),
  ratings: z.array(
    z.object({
      indicator: z.string(),
      professional: z.number().int().nullable(),
      child: z.number().int().nullable(),
      guardians: z.number().int().nullable(),
      note: z.string().nullable(),
    }),
  ),
  /** Mean of the professional's ratings, null when none. */
  professionalMean: z.number().nullable(),
  childView: z.string().nullable(),
  summary: z.string().nullable(),
  triangle: z.array(z.object({ heading: z.enum(TRIANGLE_HEADING_KEYS), side: z.enum(TRIANGLE_SIDES), kind: z.enum(TRIANGLE_ENTRY_KINDS), text: z.string() })),
  matrix: z.object({
    facts: z.array(z.object({ quadrant: z.enum(MATRIX_QUADRANTS), text: z.string() })),
    position: MatrixPositionSchema.nullable(),
    /** The plot area the position lies in; null without a position or on an axis. */
    area: z.enum(MATRIX_AREAS).nullable(),
  }),
  instruments: z.array(InstrumentResultView),
  concernId: z.uuid().nullable(),
  owningUnitId: z.uuid(),
  owningUnitName: z.string(),
  author: z.string(),
  createdAt: z.string(),
});

/** One point per readable assessment, oldest first, for the trend of one indicator. */
export const TrendPoint = z.object({
  assessmentId: z.uuid(),
  assessedOn: z.string(),
  professional: z.number().int().nullable(),
  child: z.number().int().nullable(),
  guardians: z.number().int().nullable(),
});

export const AssessmentListResponse = z.object({
  /** The wheel of the child's current profile: draw new assessments with this. */
  tool: ToolDefinition,
  /** Readable assessments, newest first (assessedOn, then createdAt). */
  items: z.array(AssessmentView),
  /** Indicator key → points oldest first (only assessments that rated it). */
  trend: z.record(z.string(), z.array(TrendPoint)),
});

/** One assessment with the tool of the profile version it was made with. */
export const AssessmentResponse = AssessmentView.extend({ toolDefinition: ToolDefinition });

export const CreatedAssessment = AssessmentResponse;
