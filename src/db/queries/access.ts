/**
 * The SQL twin of `domain/access.ts` and `domain/consent.ts`: filters that scope
 * every list to exactly what the actor may see. Property tests generate random
 * worlds and check that these agree with the pure rules, on PGlite and PostgreSQL.
 */
import { type SQL, sql } from 'drizzle-orm';
import { type Actor, childFacingUnitIds, hasProtectedIdentityGrant } from '../../domain/access.ts';
import { CHILD_FACING_ROLES } from '../../domain/types.ts';

/** A point in time for access decisions: the instant (emergency access) and the local date (enrollments, consents). */
export type AccessTime = { now: Date; today: string };

export function uuidArray(ids: readonly string[]): SQL {
  // A text parameter cast in SQL works the same on node-postgres and PGlite.
  return sql`${`{${ids.join(',')}}`}::uuid[]`;
}

function textArray(values: readonly string[]): SQL {
  return sql`${`{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`}::text[]`;
}

/** An enrollment row `e` is current on `today`. */
export function enrollmentCurrentSql(alias: string, today: string): SQL {
  const a = sql.raw(alias);
  return sql`${a}.start_date <= ${today}::date AND (${a}.end_date IS NULL OR ${a}.end_date >= ${today}::date)`;
}

/** A consent row `k` is active on `today` (twin of `consentState(...) === 'active'`). */
export function activeConsentSql(alias: string, today: string): SQL {
  const k = sql.raw(alias);
  return sql`(${k}.withdrawn_at IS NULL
    AND ${k}.valid_from <= ${today}::date AND ${k}.valid_to >= ${today}::date
    AND (NOT ${k}.child_consent_required OR ${k}.child_decision = 'given')
    AND (${k}.unreachable_resolution IS NOT NULL OR NOT EXISTS (
          SELECT 1 FROM consent_parties p WHERE p.consent_id = ${k}.id AND p.decision = 'unreachable')))`;
}

/** The actor is a current team member of child `childIdExpr` whose unit or agency an active consent covers (optionally for a category). */
function consentedMembershipSql(actor: Actor, childIdExpr: SQL, today: string, categoryExpr: SQL | null): SQL {
  return sql`EXISTS (
    SELECT 1 FROM team_members tm
      JOIN units tu ON tu.id = tm.unit_id
      JOIN consents k ON k.child_id = tm.child_id
     WHERE tm.child_id = ${childIdExpr} AND tm.staff_id = ${actor.staffId}::uuid AND tm.removed_at IS NULL
       AND ${activeConsentSql('k', today)}
       AND (tm.unit_id = ANY(k.recipient_unit_ids) OR tu.agency_type = ANY(k.recipient_agency_types))
       ${categoryExpr ? sql`AND ${categoryExpr} = ANY(k.categories)` : sql``})`;
}

function emergencySql(actor: Actor, childIdExpr: SQL, now: Date): SQL {
  return sql`EXISTS (SELECT 1 FROM emergency_accesses ea
     WHERE ea.child_id = ${childIdExpr} AND ea.staff_id = ${actor.staffId}::uuid AND ea.expires_at > ${now.toISOString()}::timestamptz)`;
}

function namedPersonSql(actor: Actor, childIdExpr: SQL): SQL {
  return sql`EXISTS (SELECT 1 FROM named_person_assignments np
     WHERE np.child_id = ${childIdExpr} AND np.valid_to IS NULL AND np.status = 'assigned' AND np.staff_id = ${actor.staffId}::uuid)`;
}

/**
 * Ids of the children whose basic record the actor may read (named person;
 * enrolled at one of the actor's units; consented team member; emergency
 * access). Use as `c.id IN (…)`.
 */
export function visibleChildIdsSql(actor: Actor, at: AccessTime): SQL {
  const units = childFacingUnitIds(actor);
  return sql`(
    SELECT e.child_id FROM enrollments e
     WHERE e.unit_id = ANY(${uuidArray(units)}) AND ${enrollmentCurrentSql('e', at.today)}
    UNION
    SELECT n.child_id FROM named_person_assignments n
     WHERE n.staff_id = ${actor.staffId}::uuid AND n.valid_to IS NULL AND n.status = 'assigned'
    UNION
    SELECT t.child_id FROM team_members t
     WHERE t.staff_id = ${actor.staffId}::uuid AND t.removed_at IS NULL
       AND ${consentedMembershipSql(actor, sql`t.child_id`, at.today, null)}
    UNION
    SELECT ea.child_id FROM emergency_accesses ea
     WHERE ea.staff_id = ${actor.staffId}::uuid AND ea.expires_at > ${at.now.toISOString()}::timestamptz
  )`;
}

/** Boolean expression over child alias `c`: the actor may see the child's protected identity. */
export function protectedIdentityVisibleSql(actor: Actor, childAlias = 'c'): SQL {
  const c = sql.raw(childAlias);
  if (hasProtectedIdentityGrant(actor)) return sql`TRUE`;
  return sql`(NOT ${c}.protected_identity OR ${namedPersonSql(actor, sql`${c}.id`)})`;
}

/**
 * Boolean expression over a record alias with columns `child_id`,
 * `owning_unit_id` and `category` (notes, and later concerns, assessments,
 * plans): the actor may read it. Twin of `canReadRecord` for kind `note`.
 */
export function recordReadableSql(actor: Actor, alias: string, at: AccessTime): SQL {
  const r = sql.raw(alias);
  const units = childFacingUnitIds(actor);
  const ownAgencies = [
    ...new Set(
      actor.roles.filter((x) => CHILD_FACING_ROLES.includes(x.role)).map((x) => `${x.agencyType}|${x.organisationId}`),
    ),
  ];
  return sql`(
    ${r}.owning_unit_id = ANY(${uuidArray(units)})
    OR (${namedPersonSql(actor, sql`${r}.child_id`)} AND EXISTS (
          SELECT 1 FROM units ou WHERE ou.id = ${r}.owning_unit_id
             AND (ou.agency_type::text || '|' || ou.organisation_id::text) = ANY(${textArray(ownAgencies)})))
    OR ${consentedMembershipSql(actor, sql`${r}.child_id`, at.today, sql`${r}.category`)}
    OR ${emergencySql(actor, sql`${r}.child_id`, at.now)}
  )`;
}

/** Boolean expression over a report-of-concern alias: the actor may read it (intake of its municipality; emergency). */
export function reportReadableSql(actor: Actor, alias: string, at: AccessTime): SQL {
  const r = sql.raw(alias);
  const intakeMunicipalities = [
    ...new Set(actor.roles.filter((x) => x.role === 'intake_social_worker' && x.agencyType === 'social_services').map((x) => x.municipalityId)),
  ];
  return sql`(
    ${r}.municipality_id = ANY(${uuidArray(intakeMunicipalities)})
    OR (${r}.child_id IS NOT NULL AND ${emergencySql(actor, sql`${r}.child_id`, at.now)})
  )`;
}

/**
 * Boolean expression over a concern alias (columns `child_id`,
 * `owning_unit_id`, `recipient_staff_id`): the actor may read the whole
 * concern. Twin of `canReadRecord` for kind `concern`: the recipient; for a
 * concern that reached no one, the intake of the child's municipality; the
 * owning unit where it may also see the child; the named person of the owning
 * agency; a team member whose consent covers `concern`; emergency access.
 * (The raiser's own status view is not a read of the record: `raised_by`.)
 */
export function concernReadableSql(actor: Actor, alias: string, at: AccessTime): SQL {
  const r = sql.raw(alias);
  const units = childFacingUnitIds(actor);
  const ownAgencies = [
    ...new Set(
      actor.roles.filter((x) => CHILD_FACING_ROLES.includes(x.role)).map((x) => `${x.agencyType}|${x.organisationId}`),
    ),
  ];
  const intakeMunicipalities = [
    ...new Set(actor.roles.filter((x) => x.role === 'intake_social_worker' && x.agencyType === 'social_services').map((x) => x.municipalityId)),
  ];
  return sql`(
    ${r}.recipient_staff_id = ${actor.staffId}::uuid
    OR (${r}.recipient_staff_id IS NULL AND EXISTS (
          SELECT 1 FROM children uc WHERE uc.id = ${r}.child_id AND uc.municipality_id = ANY(${uuidArray(intakeMunicipalities)})))
    OR (${r}.owning_unit_id = ANY(${uuidArray(units)}) AND ${r}.child_id IN ${visibleChildIdsSql(actor, at)})
    OR (${namedPersonSql(actor, sql`${r}.child_id`)} AND EXISTS (
          SELECT 1 FROM units ou WHERE ou.id = ${r}.owning_unit_id
             AND (ou.agency_type::text || '|' || ou.organisation_id::text) = ANY(${textArray(ownAgencies)})))
    OR ${consentedMembershipSql(actor, sql`${r}.child_id`, at.today, sql`'concern'::information_category`)}
    OR ${emergencySql(actor, sql`${r}.child_id`, at.now)}
  )`;
}

/**
 * SQL over a meeting alias: the professional takes part – a current member of
 * the meeting's standing team; for a child's own meeting, a current member of
 * the child's team, the named person, the lead professional, or whoever called
 * the meeting.
 */
export function meetingParticipantSql(staffId: string, alias = 'm'): SQL {
  const m = sql.raw(alias);
  return sql`(
    EXISTS (SELECT 1 FROM standing_team_members sm
             WHERE sm.team_id = ${m}.standing_team_id AND sm.staff_id = ${staffId}::uuid AND sm.removed_at IS NULL)
    OR (${m}.child_id IS NOT NULL AND (
          ${m}.created_by = ${staffId}::uuid
       OR EXISTS (SELECT 1 FROM team_members tm WHERE tm.child_id = ${m}.child_id AND tm.staff_id = ${staffId}::uuid AND tm.removed_at IS NULL)
       OR EXISTS (SELECT 1 FROM named_person_assignments np
                   WHERE np.child_id = ${m}.child_id AND np.valid_to IS NULL AND np.status = 'assigned' AND np.staff_id = ${staffId}::uuid)
       OR EXISTS (SELECT 1 FROM lead_professionals lp WHERE lp.child_id = ${m}.child_id AND lp.ended_at IS NULL AND lp.staff_id = ${staffId}::uuid)))
  )`;
}
