/**
 * Loads what the access rules decide on for one child – enrollments, named
 * person, team, consents, emergency grants – in one query. The decision itself
 * is always made by `domain/access.ts`.
 */
import { type SQL, sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../db/client.ts';
import { type AccessTime, enrollmentCurrentSql, uuidArray } from '../db/queries/access.ts';
import type { ChildAccessFacts, TeamMembership } from '../domain/access.ts';
import { type ConsentFacts, consentState } from '../domain/consent.ts';
import { today } from './clock.ts';

export type ChildRow = {
  id: string;
  municipality_id: string;
  personnummer: string;
  given_name: string;
  family_name: string;
  birth_date: string;
  address: string | null;
  postal_code: string | null;
  city: string | null;
  protected_identity: boolean;
  is_test_data: boolean;
};

type RawConsent = Omit<ConsentFacts, 'withdrawnAt'> & { withdrawnAt: string | null };

type FactsRow = ChildRow & {
  enrolled_unit_ids: string[] | null;
  np_staff_id: string | null;
  team: TeamMembership[] | null;
  consents: RawConsent[] | null;
  emergency_staff_ids: string[] | null;
};

/** The current time for access decisions. */
export function accessTimeNow(now = new Date()): AccessTime {
  return { now, today: today(now) };
}

export function consentFromJson(raw: RawConsent): ConsentFacts {
  return { ...raw, withdrawnAt: raw.withdrawnAt ? new Date(raw.withdrawnAt) : null };
}

export type ChildAccess = { row: ChildRow; facts: ChildAccessFacts; consents: ConsentFacts[] };

/** The child row and the access facts, or null when no such child exists. */
export async function loadChildAccess(db: Queryable, childId: string, at: AccessTime = accessTimeNow()): Promise<ChildAccess | null> {
  const [row] = await queryRows<FactsRow>(db, factsQuery(sql`c.id = ${childId}::uuid`, at));
  return row ? childAccessOf(row, at) : null;
}

/**
 * The same for many children in one query (a page of a list), keyed by child
 * id; children that do not exist are absent.
 */
export async function loadChildrenAccess(
  db: Queryable,
  childIds: readonly string[],
  at: AccessTime = accessTimeNow(),
): Promise<Map<string, ChildAccess>> {
  const result = new Map<string, ChildAccess>();
  const ids = [...new Set(childIds)];
  if (ids.length === 0) return result;
  const rows = await queryRows<FactsRow>(db, factsQuery(sql`c.id = ANY(${uuidArray(ids)})`, at));
  for (const row of rows) result.set(row.id, childAccessOf(row, at));
  return result;
}

function factsQuery(where: SQL, at: AccessTime): SQL {
  return sql`SELECT c.id, c.municipality_id, c.personnummer, c.given_name, c.family_name, c.birth_date::text AS birth_date,
               c.address, c.postal_code, c.city, c.protected_identity, c.is_test_data,
               (SELECT array_agg(DISTINCT e.unit_id) FROM enrollments e
                 WHERE e.child_id = c.id AND ${enrollmentCurrentSql('e', at.today)}) AS enrolled_unit_ids,
               (SELECT n.staff_id FROM named_person_assignments n
                 WHERE n.child_id = c.id AND n.valid_to IS NULL AND n.status = 'assigned') AS np_staff_id,
               (SELECT json_agg(json_build_object('staffId', tm.staff_id, 'unitId', tm.unit_id, 'agencyType', tu.agency_type))
                  FROM team_members tm JOIN units tu ON tu.id = tm.unit_id
                 WHERE tm.child_id = c.id AND tm.removed_at IS NULL) AS team,
               (SELECT json_agg(json_build_object(
                         'id', k.id, 'childId', k.child_id,
                         'recipientUnitIds', k.recipient_unit_ids, 'recipientAgencyTypes', k.recipient_agency_types,
                         'categories', k.categories, 'purposes', k.purposes,
                         'validFrom', k.valid_from::text, 'validTo', k.valid_to::text, 'withdrawnAt', k.withdrawn_at,
                         'childConsentRequired', k.child_consent_required, 'childDecision', k.child_decision,
                         'unreachableGuardians', (SELECT count(*) FROM consent_parties p WHERE p.consent_id = k.id AND p.decision = 'unreachable'),
                         'unreachableResolved', k.unreachable_resolution IS NOT NULL))
                  FROM consents k WHERE k.child_id = c.id) AS consents,
               (SELECT array_agg(DISTINCT ea.staff_id) FROM emergency_accesses ea
                 WHERE ea.child_id = c.id AND ea.expires_at > ${at.now.toISOString()}::timestamptz) AS emergency_staff_ids
          FROM children c WHERE ${where}`;
}

function childAccessOf(row: FactsRow, at: AccessTime): ChildAccess {
  const consents = (row.consents ?? []).map(consentFromJson);
  return {
    row,
    consents,
    facts: {
      childId: row.id,
      municipalityId: row.municipality_id,
      protectedIdentity: row.protected_identity,
      currentEnrollmentUnitIds: row.enrolled_unit_ids ?? [],
      namedPersonStaffId: row.np_staff_id,
      teamMembers: row.team ?? [],
      activeConsents: consents.filter((k) => consentState(k, at.today) === 'active'),
      emergencyAccessStaffIds: row.emergency_staff_ids ?? [],
    },
  };
}
