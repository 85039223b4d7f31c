/**
 * Wellbeing assessments: the wheel of the child's model profile, My World
 * Triangle, the resilience matrix and optional ORS/SRS instruments. An
 * assessment is a record of category `wellbeing` owned by the assessor's unit:
 * written under `canWriteRecord`, read under `canReadRecord` (lists scoped by
 * `recordReadableSql`), every read and write audited in the same transaction.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import { type Db, type Queryable, queryRows, type Tx } from '../db/client.ts';
import { recordReadableSql } from '../db/queries/access.ts';
import { assessments, modelProfiles } from '../db/schema/index.ts';
import {
  type Actor,
  canReadBasicRecord,
  canReadRecord,
  canSeeProtectedIdentity,
  canWriteRecord,
  childFacingUnitIds,
  type RecordFacts,
} from '../domain/access.ts';
import { ageInYears } from '../domain/age.ts';
import { AppError } from '../domain/errors.ts';
import {
  ADULT_AGE,
  INSTRUMENT_ITEM_MAX,
  INSTRUMENT_ITEM_MIN,
  INSTRUMENTS,
  type InstrumentKey,
  scoreInstrument,
} from '../domain/instruments.ts';
import { parseModelProfile } from '../domain/profiles/index.ts';
import type { ModelProfile } from '../domain/profiles/schema.ts';
import type { AgencyType } from '../domain/types.ts';
import {
  MATRIX_AXIS_MAX,
  MATRIX_AXIS_MIN,
  MATRIX_QUADRANT_NAMES,
  MATRIX_QUADRANTS,
  matrixAreaOf,
  type MatrixArea,
  meanRating,
  TRIANGLE_HEADINGS,
  TRIANGLE_SIDE_NAMES,
  TRIANGLE_SIDES,
  type TriangleHeadingKey,
  validateInstrumentResults,
  validateRatings,
} from '../domain/wellbeing.ts';
import type { CreateAssessmentBody } from '../http/routes/assessments.schema.ts';
import { accessTimeNow, type ChildRow, loadChildAccess } from './access-facts.ts';
import { recordAuditEvent } from './audit.ts';
import { loadProfile } from './profiles.ts';
import { refuse, runUseCase } from './use-case.ts';

// ── Views ───────────────────────────────────────────────────────────────────

const HEADING_SIDE = new Map(TRIANGLE_HEADINGS.map((h) => [h.key as string, h.side]));

/** How to draw the wheel and the forms for a profile (the contract is `ToolDefinition`). */
export function presentToolDefinition(profile: ModelProfile) {
  const { wellbeing } = profile;
  return {
    profileKey: profile.key,
    profileVersion: profile.version,
    tool: wellbeing.tool,
    scale: { min: wellbeing.scale.min, max: wellbeing.scale.max, labels: wellbeing.scale.labels ?? [] },
    indicators: wellbeing.indicators.map((i) => ({
      key: i.key,
      name: i.name,
      description: i.description,
      childStatement: i.childStatement ?? null,
    })),
    instruments: profile.instruments.map((key) => {
      const d = INSTRUMENTS[key];
      return {
        key: d.key,
        name: d.name,
        kind: d.kind,
        ages: d.ages,
        items: d.items.map((i) => ({ key: i.key, label: i.label })),
        itemMin: INSTRUMENT_ITEM_MIN,
        itemMax: INSTRUMENT_ITEM_MAX,
        cutoffs: d.cutoffs.map((c) => ({ ...c })),
      };
    }),
    triangle: {
      sides: TRIANGLE_SIDES.map((key) => ({ key, name: TRIANGLE_SIDE_NAMES[key] })),
      headings: TRIANGLE_HEADINGS.map((h) => ({ key: h.key, side: h.side, name: h.name })),
    },
    matrix: {
      axisMin: MATRIX_AXIS_MIN,
      axisMax: MATRIX_AXIS_MAX,
      quadrants: MATRIX_QUADRANTS.map((key) => ({ key, name: MATRIX_QUADRANT_NAMES[key] })),
    },
  };
}

type AssessmentRow = {
  id: string;
  child_id: string;
  municipality_id: string;
  owning_unit_id: string;
  assessed_on: string;
  profile_key: string;
  profile_version: number;
  tool: 'shanarri' | 'behovskompassen';
  participants: typeof assessments.$inferSelect.participants;
  ratings: typeof assessments.$inferSelect.ratings;
  child_view: string | null;
  summary: string | null;
  triangle: typeof assessments.$inferSelect.triangle;
  matrix: typeof assessments.$inferSelect.matrix;
  instruments: typeof assessments.$inferSelect.instruments;
  concern_id: string | null;
  unit_name: string;
  agency_type: AgencyType;
  organisation_id: string;
  author: string;
  created_at: Date | string;
};

const assessmentSelect = sql`SELECT a.id, a.child_id, a.municipality_id, a.owning_unit_id, a.assessed_on::text AS assessed_on,
       a.profile_key, a.profile_version, a.tool, a.participants, a.ratings, a.child_view, a.summary, a.triangle, a.matrix,
       a.instruments, a.concern_id, u.name AS unit_name, u.agency_type, u.organisation_id,
       s.given_name || ' ' || s.family_name AS author, a.created_at
  FROM assessments a JOIN units u ON u.id = a.owning_unit_id JOIN staff s ON s.id = a.author_id`;

const recordFactsOf = (r: AssessmentRow): RecordFacts => ({
  kind: 'assessment',
  childId: r.child_id,
  owningUnitId: r.owning_unit_id,
  owningAgencyType: r.agency_type,
  owningOrganisationId: r.organisation_id,
  category: 'wellbeing',
});

/** Guardian names for the participant lists; null where the child's identity is protected from the reader. */
async function guardianNames(db: Queryable, ids: readonly string[], visible: boolean): Promise<Map<string, string | null>> {
  const unique = [...new Set(ids)];
  const names = new Map<string, string | null>(unique.map((id) => [id, null]));
  if (unique.length === 0 || !visible) return names;
  const rows = await queryRows<{ id: string; name: string }>(
    db,
    sql`SELECT id, given_name || ' ' || family_name AS name FROM guardians WHERE id = ANY(${`{${unique.join(',')}}`}::uuid[])`,
  );
  for (const r of rows) names.set(r.id, r.name);
  return names;
}

/** Previous totals by `instrument|respondent`, for the change between scorings. */
type PreviousTotals = Map<string, number>;

function presentAssessment(r: AssessmentRow, names: Map<string, string | null>, previous: PreviousTotals | null) {
  const position = r.matrix?.position ?? null;
  let area: MatrixArea | null = null;
  if (position) {
    try {
      area = matrixAreaOf(position);
    } catch {
      area = null;
    }
  }
  return {
    id: r.id,
    childId: r.child_id,
    assessedOn: r.assessed_on,
    profileKey: r.profile_key,
    profileVersion: r.profile_version,
    tool: r.tool,
    category: 'wellbeing' as const,
    participants: {
      child: r.participants.child,
      guardians: r.participants.guardianIds.map((guardianId) => ({ guardianId, name: names.get(guardianId) ?? null })),
      professionals: r.participants.professionals.map((p) => ({ name: p.name, role: p.role ?? null })),
    },
    ratings: r.ratings.map((x) => ({
      indicator: x.indicator,
      professional: x.professional,
      child: x.child,
      guardians: x.guardians,
      note: x.note,
    })),
    professionalMean: meanRating(r.ratings),
    childView: r.child_view,
    summary: r.summary,
    triangle: r.triangle.map((e) => ({
      heading: e.heading as TriangleHeadingKey,
      side: HEADING_SIDE.get(e.heading) ?? 'grow_and_develop',
      kind: e.kind,
      text: e.text,
    })),
    matrix: {
      facts: (r.matrix?.facts ?? []).map((f) => ({ quadrant: f.quadrant as (typeof MATRIX_QUADRANTS)[number], text: f.text })),
      position,
      area,
    },
    instruments: r.instruments.map((result) => {
      const key = result.instrument as InstrumentKey;
      const slot = `${key}|${result.respondent}`;
      const scoring = scoreInstrument(key, result.scores, result.respondentAge, previous?.get(slot) ?? null);
      previous?.set(slot, scoring.total);
      return { instrument: key, respondent: result.respondent, scores: result.scores, ...scoring };
    }),
    concernId: r.concern_id,
    owningUnitId: r.owning_unit_id,
    owningUnitName: r.unit_name,
    author: r.author,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

export type AssessmentView = ReturnType<typeof presentAssessment>;

// ── Profiles ────────────────────────────────────────────────────────────────

export async function profileOfMunicipality(db: Queryable, municipalityId: string): Promise<ModelProfile> {
  const [m] = await queryRows<{ model_profile_key: string | null }>(
    db,
    sql`SELECT model_profile_key FROM organisations WHERE id = ${municipalityId}::uuid`,
  );
  return loadProfile(db, m?.model_profile_key);
}

const versionCache = new Map<string, ModelProfile>();

/** The exact profile version an assessment was made with (falls back to the newest of its key). */
async function loadProfileVersion(db: Queryable, key: string, version: number): Promise<ModelProfile> {
  const cacheKey = `${key}@${version}`;
  const cached = versionCache.get(cacheKey);
  if (cached) return cached;
  const [row] = await db
    .select({ definition: modelProfiles.definition })
    .from(modelProfiles)
    .where(and(eq(modelProfiles.key, key), eq(modelProfiles.version, version)))
    .orderBy(desc(modelProfiles.version))
    .limit(1);
  const parsed = row ? parseModelProfile(row.definition) : null;
  if (!parsed?.ok) return loadProfile(db, key);
  versionCache.set(cacheKey, parsed.profile);
  return parsed.profile;
}

// ── Use cases ───────────────────────────────────────────────────────────────

async function readAssessmentRow(tx: Tx, id: string): Promise<AssessmentRow | undefined> {
  const [row] = await queryRows<AssessmentRow>(tx, sql`${assessmentSelect} WHERE a.id = ${id}::uuid`);
  return row;
}

function invalid(field: string, message: { sv: string; en: string }) {
  return new AppError('validation_failed', { message, details: { field } });
}

/** Checks the date, guardians and concern link that need the database; throws 400 naming the field. */
async function checkReferences(tx: Tx, child: ChildRow, input: CreateAssessmentBody, assessedOn: string, today: string) {
  if (assessedOn > today || assessedOn < child.birth_date) {
    throw invalid('assessedOn', {
      sv: 'Datumet för bedömningen kan inte ligga i framtiden eller före barnets födelse.',
      en: "The assessment date cannot be in the future or before the child's birth.",
    });
  }
  const guardianIds = input.participants.guardianIds;
  if (guardianIds.length > 0) {
    const rows = await queryRows<{ guardian_id: string }>(
      tx,
      sql`SELECT guardian_id FROM guardianships WHERE child_id = ${child.id}::uuid AND guardian_id = ANY(${`{${guardianIds.join(',')}}`}::uuid[])`,
    );
    const known = new Set(rows.map((r) => r.guardian_id));
    if (guardianIds.some((id) => !known.has(id)) || new Set(guardianIds).size !== guardianIds.length) {
      throw invalid('participants.guardianIds', {
        sv: 'En angiven vårdnadshavare är inte vårdnadshavare för barnet.',
        en: 'A listed guardian is not a guardian of the child.',
      });
    }
  }
  if (input.concernId) {
    const rows = await queryRows<{ id: string }>(
      tx,
      sql`SELECT id FROM concerns WHERE id = ${input.concernId}::uuid AND child_id = ${child.id}::uuid`,
    );
    if (rows.length === 0) {
      throw invalid('concernId', { sv: 'Oron finns inte för det här barnet.', en: 'No such concern for this child.' });
    }
  }
}

/**
 * Records an assessment with the wheel of the child's profile, owned by one of
 * the actor's units (default: a unit where the child is enrolled). Ratings
 * outside the profile's scale are refused with 422 naming the indicator, and
 * nothing is written.
 */
export async function recordAssessment(options: { db: Db; actor: Actor; childId: string; input: CreateAssessmentBody }) {
  const { db, actor, childId, input } = options;
  return runUseCase(db, async (tx) => {
    const at = accessTimeNow();
    const child = await loadChildAccess(tx, childId, at);
    if (!child || !canReadBasicRecord(actor, child.facts).allowed) {
      await recordAuditEvent(tx, {
        actor,
        action: 'assessment.create',
        outcome: 'denied',
        childId: child ? childId : null,
        municipalityId: child?.row.municipality_id ?? null,
        resourceType: child ? null : 'child',
        resourceId: child ? null : childId,
      });
      return refuse(new AppError('not_found'));
    }
    const ownUnits = childFacingUnitIds(actor);
    const owningUnitId =
      input.owningUnitId ??
      ownUnits.find((u) => child.facts.currentEnrollmentUnitIds.includes(u)) ??
      child.facts.teamMembers.find((m) => m.staffId === actor.staffId)?.unitId ??
      ownUnits[0];
    if (!owningUnitId || !canWriteRecord(actor, child.facts, owningUnitId).allowed) {
      await recordAuditEvent(tx, { actor, action: 'assessment.create', outcome: 'denied', childId, municipalityId: child.row.municipality_id });
      return refuse(new AppError('forbidden'));
    }

    const profile = await profileOfMunicipality(tx, child.row.municipality_id);
    const assessedOn = input.assessedOn ?? at.today;
    const participants = {
      child: input.participants.child,
      guardianIds: input.participants.guardianIds,
      professionals: input.participants.professionals.map((p) => ({ name: p.name, role: p.role ?? null })),
    };
    validateRatings(profile.wellbeing, input.ratings, participants);
    validateInstrumentResults(profile.instruments, input.instruments);
    await checkReferences(tx, child.row, input, assessedOn, at.today);
    const childAge = ageInYears(child.row.birth_date, assessedOn);

    const [created] = await tx
      .insert(assessments)
      .values({
        municipalityId: child.row.municipality_id,
        childId,
        owningUnitId,
        category: 'wellbeing',
        assessedOn,
        profileKey: profile.key,
        profileVersion: profile.version,
        tool: profile.wellbeing.tool,
        childTookPart: participants.child,
        participants,
        ratings: input.ratings.map((r) => ({
          indicator: r.indicator,
          professional: r.professional ?? null,
          child: r.child ?? null,
          guardians: r.guardians ?? null,
          note: r.note?.trim() || null,
        })),
        childView: input.childView?.trim() || null,
        summary: input.summary?.trim() || null,
        triangle: input.triangle,
        matrix: input.matrix,
        instruments: input.instruments.map((r) => ({
          instrument: r.instrument,
          respondent: r.respondent,
          respondentAge: r.respondent === 'child' ? childAge : ADULT_AGE,
          scores: r.scores,
        })),
        concernId: input.concernId ?? null,
        authorId: actor.staffId,
      })
      .returning({ id: assessments.id });
    const row = (await readAssessmentRow(tx, created!.id))!;
    await recordAuditEvent(tx, {
      actor,
      action: 'assessment.create',
      outcome: 'allowed',
      childId,
      municipalityId: child.row.municipality_id,
      resourceType: 'assessment',
      resourceId: row.id,
      details: {
        category: 'wellbeing',
        profileKey: profile.key,
        profileVersion: profile.version,
        tool: profile.wellbeing.tool,
        childTookPart: participants.child,
        instruments: input.instruments.map((r) => r.instrument),
      },
    });
    const names = await guardianNames(tx, participants.guardianIds, canSeeProtectedIdentity(actor, child.facts));
    return { ...presentAssessment(row, names, null), toolDefinition: presentToolDefinition(profile) };
  });
}

/**
 * The assessments of a child that the actor may read, newest first, with the
 * wheel of the child's current profile and per-indicator trends (oldest first).
 */
export async function listAssessments(options: { db: Db; actor: Actor; childId: string }) {
  const { db, actor, childId } = options;
  return runUseCase(db, async (tx) => {
    const at = accessTimeNow();
    const child = await loadChildAccess(tx, childId, at);
    if (!child) {
      await recordAuditEvent(tx, { actor, action: 'assessment.list', outcome: 'denied', resourceType: 'child', resourceId: childId });
      return refuse(new AppError('not_found'));
    }
    // Oldest first, so each instrument result can be compared with the one before.
    const rows = await queryRows<AssessmentRow>(
      tx,
      sql`${assessmentSelect} WHERE a.child_id = ${childId}::uuid AND ${recordReadableSql(actor, 'a', at)}
          ORDER BY a.assessed_on, a.created_at, a.id`,
    );
    if (rows.length === 0 && !canReadBasicRecord(actor, child.facts).allowed) {
      await recordAuditEvent(tx, { actor, action: 'assessment.list', outcome: 'denied', childId, municipalityId: child.row.municipality_id });
      return refuse(new AppError('not_found'));
    }
    const profile = await profileOfMunicipality(tx, child.row.municipality_id);
    const names = await guardianNames(
      tx,
      rows.flatMap((r) => r.participants.guardianIds),
      canSeeProtectedIdentity(actor, child.facts),
    );
    const previous: PreviousTotals = new Map();
    const chronological = rows.map((r) => presentAssessment(r, names, previous));
    const trend: Record<string, { assessmentId: string; assessedOn: string; professional: number | null; child: number | null; guardians: number | null }[]> = {};
    for (const indicator of profile.wellbeing.indicators) trend[indicator.key] = [];
    for (const a of chronological) {
      for (const r of a.ratings) {
        if (r.professional === null && r.child === null && r.guardians === null) continue;
        (trend[r.indicator] ??= []).push({
          assessmentId: a.id,
          assessedOn: a.assessedOn,
          professional: r.professional,
          child: r.child,
          guardians: r.guardians,
        });
      }
    }
    await recordAuditEvent(tx, {
      actor,
      action: 'assessment.list',
      outcome: 'allowed',
      childId,
      municipalityId: child.row.municipality_id,
      details: { category: 'wellbeing', assessmentIds: rows.map((r) => r.id) },
    });
    return { tool: presentToolDefinition(profile), items: chronological.reverse(), trend };
  });
}

/** One assessment with the tool of its profile version, if the actor may read it; otherwise 404, audited. */
export async function getAssessment(options: { db: Db; actor: Actor; assessmentId: string }) {
  const { db, actor, assessmentId } = options;
  return runUseCase(db, async (tx) => {
    const at = accessTimeNow();
    const row = await readAssessmentRow(tx, assessmentId);
    const child = row ? await loadChildAccess(tx, row.child_id, at) : null;
    const decision = row && child ? canReadRecord(actor, child.facts, recordFactsOf(row)) : ({ allowed: false } as const);
    if (!row || !child || !decision.allowed) {
      await recordAuditEvent(tx, {
        actor,
        action: 'assessment.read',
        outcome: 'denied',
        childId: row?.child_id ?? null,
        municipalityId: row?.municipality_id ?? null,
        resourceType: 'assessment',
        resourceId: assessmentId,
        details: { category: 'wellbeing' },
      });
      return refuse(new AppError('not_found'));
    }
    const profile = await loadProfileVersion(tx, row.profile_key, row.profile_version);
    const names = await guardianNames(tx, row.participants.guardianIds, canSeeProtectedIdentity(actor, child.facts));
    await recordAuditEvent(tx, {
      actor,
      action: 'assessment.read',
      outcome: 'allowed',
      childId: row.child_id,
      municipalityId: row.municipality_id,
      resourceType: 'assessment',
      resourceId: assessmentId,
      details: { basis: decision.basis, category: 'wellbeing' },
    });
    return { ...presentAssessment(row, names, null), toolDefinition: presentToolDefinition(profile) };
  });
}
