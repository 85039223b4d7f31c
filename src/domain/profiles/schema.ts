/**
 * A model profile: how one variant of the model (TSI, Kronobarnsmodellen,
 * Backa barnet, GIRFEC, …) names its roles, hands the named person over as the
 * child grows, runs its teams and scores wellbeing. Profiles are versioned
 * JSON; this schema is the contract for that JSON.
 */
import { z } from 'zod';
import { INSTRUMENT_KEYS } from '../instruments.ts';
import { CHILD_FACING_ROLES, ENROLLMENT_KINDS, STAFF_ROLES } from '../types.ts';

const quoted = (value: unknown): string => JSON.stringify(value) ?? String(value);

export const LocalizedTextSchema = z.strictObject({
  sv: z.string().trim().min(1, 'Swedish text is missing.'),
  en: z.string().trim().min(1, 'English text is missing.'),
});

/** Lower-case letters and digits, words joined by `-` or `_`. */
export const KeySchema = z
  .string()
  .regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/, 'Use lower-case letters and digits, words joined by "-" or "_".');

export const StaffRoleSchema = z.enum(STAFF_ROLES, {
  error: (issue) => `Unknown role ${quoted(issue.input)} – use one of: ${STAFF_ROLES.join(', ')}.`,
});

export const EnrollmentKindSchema = z.enum(ENROLLMENT_KINDS, {
  error: (issue) => `Unknown enrollment kind ${quoted(issue.input)} – use one of: ${ENROLLMENT_KINDS.join(', ')}.`,
});

const wholeNumber = (min: number, max: number) =>
  z
    .number()
    .int(`Use a whole number.`)
    .min(min, `Use a number from ${min} to ${max}.`)
    .max(max, `Use a number from ${min} to ${max}.`);

/**
 * One step of the named-person chain. The stage applies while the child has a
 * current enrollment of one of `enrollmentKinds` and its age is within the
 * window; among applicable stages the last one in the chain wins.
 */
export const NamedPersonStageSchema = z
  .strictObject({
    key: KeySchema,
    /** The role that holds the named person at the enrolling unit. */
    role: StaffRoleSchema.refine((role) => CHILD_FACING_ROLES.includes(role), {
      error: (issue) => `The role ${quoted(issue.input)} does not work with children and cannot be a named person.`,
    }),
    /** What the named person is called at this stage, e.g. "BVC-sjuksköterska". */
    title: LocalizedTextSchema,
    enrollmentKinds: z.array(EnrollmentKindSchema).min(1, 'Name at least one enrollment kind for the stage.'),
    /** The stage applies from this many days after birth (the day of birth is day 0). */
    fromAgeDays: wholeNumber(0, 366 * 25).optional(),
    /** The stage applies while the child is younger than this many years. */
    untilAgeYears: wholeNumber(1, 25).optional(),
  })
  .refine(
    (stage) =>
      stage.fromAgeDays === undefined || stage.untilAgeYears === undefined || stage.fromAgeDays < stage.untilAgeYears * 365,
    { error: 'The stage ends before it begins: fromAgeDays must be less than untilAgeYears.', path: ['fromAgeDays'] },
  );

const ClockTimeSchema = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'Write the time as HH:MM (24-hour clock).');

export const MeetingCadenceSchema = z
  .strictObject({
    everyWeeks: wholeNumber(1, 52),
    /** ISO weekday: 1 = Monday … 7 = Sunday. */
    weekday: wholeNumber(1, 7),
    start: ClockTimeSchema,
    end: ClockTimeSchema,
  })
  .refine((cadence) => cadence.start < cadence.end, {
    error: 'The meeting must end after it starts.',
    path: ['end'],
  });

export const TeamTypeSchema = z
  .strictObject({
    key: KeySchema,
    name: LocalizedTextSchema,
    /** Youngest age in years the team is for (inclusive). */
    ageFrom: wholeNumber(0, 25).optional(),
    /** Oldest age in years the team is for (inclusive): 0–6 means up to the 7th birthday. */
    ageTo: wholeNumber(0, 25).optional(),
    /** Standing ("holy") meeting times; absent for teams that meet as needed. */
    meetingCadence: MeetingCadenceSchema.optional(),
  })
  .refine((team) => team.ageFrom === undefined || team.ageTo === undefined || team.ageFrom <= team.ageTo, {
    error: 'ageFrom must not be greater than ageTo.',
    path: ['ageTo'],
  });

export const WellbeingIndicatorSchema = z.strictObject({
  key: KeySchema,
  name: LocalizedTextSchema,
  description: LocalizedTextSchema,
  /** The indicator in the child's own words ("jag känner mig trygg"). */
  childStatement: LocalizedTextSchema.optional(),
});

export const WellbeingScaleSchema = z
  .strictObject({
    min: z.number().int('Use a whole number.'),
    max: z.number().int('Use a whole number.'),
    /** Anchors for some or all scale points. */
    labels: z.array(z.strictObject({ value: z.number().int(), label: LocalizedTextSchema })).optional(),
  })
  .superRefine((scale, ctx) => {
    if (scale.min >= scale.max) {
      ctx.addIssue({ code: 'custom', message: `The scale minimum (${scale.min}) must be below its maximum (${scale.max}).`, path: ['max'] });
    }
    const seen = new Set<number>();
    scale.labels?.forEach((label, index) => {
      if (label.value < scale.min || label.value > scale.max) {
        ctx.addIssue({
          code: 'custom',
          message: `The label value ${label.value} is outside the scale ${scale.min}–${scale.max}.`,
          path: ['labels', index, 'value'],
        });
      }
      if (seen.has(label.value)) {
        ctx.addIssue({ code: 'custom', message: `The value ${label.value} has more than one label.`, path: ['labels', index, 'value'] });
      }
      seen.add(label.value);
    });
  });

export const WellbeingToolSchema = z.strictObject({
  tool: z.enum(['shanarri', 'behovskompassen']),
  scale: WellbeingScaleSchema,
  indicators: z.array(WellbeingIndicatorSchema).min(1, 'Name at least one wellbeing indicator.'),
});

/** Adds an issue for every item whose key repeats an earlier one. */
function requireUniqueKeys(
  items: readonly { key: string }[],
  ctx: z.RefinementCtx,
  path: readonly (string | number)[],
  what: string,
): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.key)) {
      ctx.addIssue({ code: 'custom', message: `The ${what} key "${item.key}" is used more than once.`, path: [...path, index, 'key'] });
    }
    seen.add(item.key);
  });
}

export const ModelProfileSchema = z
  .strictObject({
    key: KeySchema,
    version: z.number().int('Use a whole number.').min(1, 'The version starts at 1.'),
    name: LocalizedTextSchema,
    description: LocalizedTextSchema.optional(),
    /** The language the variant is written in; the other one is a translation. */
    defaultLanguage: z.enum(['sv', 'en']),
    /** "Barnkontakt", "Barnets bästa-ansvarig", "Named Person", … */
    namedPersonTitle: LocalizedTextSchema,
    /** "Stödsamordnare", "Lead Professional", … */
    leadProfessionalTitle: LocalizedTextSchema,
    /** Titles shown instead of the generic ones for these roles. */
    roleTitles: z.partialRecord(StaffRoleSchema, LocalizedTextSchema),
    /** Ordered from birth onwards; see `NamedPersonStageSchema`. */
    namedPersonChain: z.array(NamedPersonStageSchema).min(1, 'The named-person chain needs at least one stage.'),
    /** From this birthday on no child has a named person. */
    endsAtAgeYears: wholeNumber(1, 25).default(18),
    teamTypes: z.array(TeamTypeSchema),
    wellbeing: WellbeingToolSchema,
    /** Optional licensed instruments the organisation turns on (ORS, SRS, CORS, CSRS); none by default. */
    instruments: z
      .array(
        z.enum(INSTRUMENT_KEYS, {
          error: (issue) => `Unknown instrument ${quoted(issue.input)} – use one of: ${INSTRUMENT_KEYS.join(', ')}.`,
        }),
      )
      .default([])
      .refine((keys) => new Set(keys).size === keys.length, { error: 'An instrument is listed more than once.' }),
    /** Age from which the child's own consent is asked for alongside the guardians'. */
    childConsentAge: wholeNumber(0, 25).default(15),
    /** Age from which the child may use the child portal. */
    childPortalAge: wholeNumber(0, 25).default(12),
  })
  .superRefine((profile, ctx) => {
    requireUniqueKeys(profile.namedPersonChain, ctx, ['namedPersonChain'], 'stage');
    requireUniqueKeys(profile.teamTypes, ctx, ['teamTypes'], 'team type');
    requireUniqueKeys(profile.wellbeing.indicators, ctx, ['wellbeing', 'indicators'], 'indicator');
  });

/** A profile as stored and authored (defaults not yet filled in). */
export type ModelProfileInput = z.input<typeof ModelProfileSchema>;
/** A validated profile with defaults filled in. */
export type ModelProfile = z.infer<typeof ModelProfileSchema>;
export type NamedPersonStage = ModelProfile['namedPersonChain'][number];
export type TeamType = ModelProfile['teamTypes'][number];
export type WellbeingIndicator = ModelProfile['wellbeing']['indicators'][number];
