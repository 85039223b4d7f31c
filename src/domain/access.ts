/**
 * Who may see what. Small named rules, combined into decisions; pure functions
 * with no I/O. The SQL twin for lists is `db/queries/access.ts` and must agree
 * with these rules (tests prove it). See ../../docs/access.md for the rules in
 * plain words.
 */
import { type ConsentScope, consentCovers, consentCoversRecipient, type InformationCategory } from './consent.ts';
import { AppError } from './errors.ts';
import { type AgencyType, CHILD_FACING_ROLES, type StaffRole } from './types.ts';

export type ActorRole = {
  role: StaffRole;
  unitId: string;
  unitName: string;
  agencyType: AgencyType;
  /** The organisation (municipality, region, police authority) that runs the unit. */
  organisationId: string;
  municipalityId: string;
  /** Explicit grant to see protected identities. */
  canSeeProtected: boolean;
};

/** A signed-in professional and every role they currently hold. */
export type Actor = {
  staffId: string;
  username: string;
  givenName: string;
  familyName: string;
  title: string | null;
  roles: ActorRole[];
  /** The unit recorded in the audit trail for this actor's actions. */
  primaryUnitId: string | null;
};

/** A current member of the team around the child, and the unit they represent. */
export type TeamMembership = { staffId: string; unitId: string; agencyType: AgencyType };

/** What the rules need to know about a child, as of the request. */
export type ChildAccessFacts = {
  childId: string;
  municipalityId: string;
  protectedIdentity: boolean;
  /** Units where the child has an enrollment current today. */
  currentEnrollmentUnitIds: readonly string[];
  /** Staff id of the current named person, if one is assigned. */
  namedPersonStaffId: string | null;
  /** Current members of the child's team. */
  teamMembers: readonly TeamMembership[];
  /** The scopes of the child's consents that are active now. */
  activeConsents: readonly ConsentScope[];
  /** Staff holding unexpired emergency access to the child. */
  emergencyAccessStaffIds: readonly string[];
};

/** Kinds of record; a report of concern follows its own rule (duty to report), a concern adds its recipient. */
export type RecordKind = 'note' | 'report_of_concern' | 'concern' | 'assessment' | 'plan' | 'meeting_minutes';

/** What the rules need to know about one record of child information. */
export type RecordFacts = {
  kind: RecordKind;
  childId: string;
  owningUnitId: string;
  owningAgencyType: AgencyType;
  owningOrganisationId: string;
  category: InformationCategory;
  /** Concerns: the professional the concern was sent to (the named person when it was raised). */
  recipientStaffId?: string | null;
  /** Concerns: the professional who raised it. */
  raisedByStaffId?: string | null;
};

/** Roles that can hold the named-person function (any profile's chain uses these). */
export const NAMED_PERSON_ROLES: readonly StaffRole[] = [
  'midwife',
  'child_health_nurse',
  'health_visitor',
  'preschool_principal',
  'school_principal',
];

export type ReadBasis = 'named_person' | 'enrolled_at_unit' | 'team_consent' | 'emergency';
export type RecordReadBasis =
  | 'owning_unit'
  | 'named_person_own_agency'
  | 'concern_recipient'
  | 'unrouted_concern_intake'
  | 'team_consent'
  | 'mandatory_report'
  | 'emergency';
export type Decision<B extends string> = { allowed: true; basis: B } | { allowed: false };

// ── Rules ────────────────────────────────────────────────────────────────────

/** The actor is the child's current named person. */
export function isNamedPerson(actor: Actor, child: ChildAccessFacts): boolean {
  return child.namedPersonStaffId !== null && child.namedPersonStaffId === actor.staffId;
}

/** Units where the actor holds a role that works with children. */
export function childFacingUnitIds(actor: Actor): string[] {
  return [...new Set(actor.roles.filter((r) => CHILD_FACING_ROLES.includes(r.role)).map((r) => r.unitId))];
}

/** The child is currently enrolled or listed at a unit where the actor works with children. */
export function isEnrolledAtActorUnit(actor: Actor, child: ChildAccessFacts): boolean {
  const units = new Set(childFacingUnitIds(actor));
  return child.currentEnrollmentUnitIds.some((u) => units.has(u));
}

/** The actor holds an explicit grant to see protected identities. */
export function hasProtectedIdentityGrant(actor: Actor): boolean {
  return actor.roles.some((r) => r.canSeeProtected);
}

/** Rule 1: the actor works with children at the unit that owns the record. */
export function isOwningUnit(actor: Actor, record: RecordFacts): boolean {
  return childFacingUnitIds(actor).includes(record.owningUnitId);
}

/** Rule 3: the named person reads records that their own agency (same agency type, same organisation) owns. */
export function isNamedPersonOfOwningAgency(actor: Actor, child: ChildAccessFacts, record: RecordFacts): boolean {
  return (
    isNamedPerson(actor, child) &&
    actor.roles.some(
      (r) =>
        CHILD_FACING_ROLES.includes(r.role) &&
        r.agencyType === record.owningAgencyType &&
        r.organisationId === record.owningOrganisationId,
    )
  );
}

/** The actor's memberships of the child's team. */
function membershipsOf(actor: Actor, child: ChildAccessFacts): TeamMembership[] {
  return child.teamMembers.filter((m) => m.staffId === actor.staffId);
}

/** Rule 3: the concern was sent to the actor (as the child's named person when it was raised). */
export function isConcernRecipient(actor: Actor, record: RecordFacts): boolean {
  return record.kind === 'concern' && record.recipientStaffId != null && record.recipientStaffId === actor.staffId;
}

/**
 * A concern that reached no one – the child had no named person and no one
 * held a named-person role at a unit where the child was enrolled – is the
 * social-services intake's of the child's municipality to read and act on (the
 * municipality's ultimate responsibility for the child), so that no concern is
 * left with no one to act on it. Raising one still needs a sharing basis
 * towards social services (services/concerns.ts).
 */
export function isUnroutedConcernIntake(actor: Actor, child: ChildAccessFacts, record: RecordFacts): boolean {
  return record.kind === 'concern' && record.recipientStaffId == null && isMandatoryReportRecipient(actor, child.municipalityId);
}

/** The actor raised the concern (sees its status even without seeing the child – ACCESS.md, Writes). */
export function isConcernRaiser(actor: Actor, record: RecordFacts): boolean {
  return record.kind === 'concern' && record.raisedByStaffId != null && record.raisedByStaffId === actor.staffId;
}

/** Rule 4: a team member whose unit or agency an active consent lets receive the category. */
export function coveredByConsent(actor: Actor, child: ChildAccessFacts, category: InformationCategory): boolean {
  return membershipsOf(actor, child).some((m) => child.activeConsents.some((c) => consentCovers(c, m, category)));
}

/** A team member whom some active consent lets receive anything at all (for the basic record). */
export function isConsentedTeamMember(actor: Actor, child: ChildAccessFacts): boolean {
  return membershipsOf(actor, child).some((m) => child.activeConsents.some((c) => consentCoversRecipient(c, m)));
}

/** Rule 5: social-services intake of the child's municipality receives reports of concern, without consent. */
export function isMandatoryReportRecipient(actor: Actor, municipalityId: string): boolean {
  return actor.roles.some(
    (r) => r.role === 'intake_social_worker' && r.agencyType === 'social_services' && r.municipalityId === municipalityId,
  );
}

/** Rule 6: the actor holds unexpired emergency access to the child. */
export function hasEmergencyAccess(actor: Actor, child: ChildAccessFacts): boolean {
  return child.emergencyAccessStaffIds.includes(actor.staffId);
}

/** Rule 8: log reviewers read audit events (who, what, when, which child) – never record content. */
export function isLogReviewer(actor: Actor): boolean {
  return actor.roles.some((r) => r.role === 'log_reviewer');
}

/** Log reviewers and administrators may check that the audit chain is intact (a yes/no answer, no events). */
export function canVerifyAuditTrail(actor: Actor): boolean {
  return isLogReviewer(actor) || actor.roles.some((r) => r.role === 'administrator');
}

/** Managers review emergency accesses of their municipality. */
export function isManagerIn(actor: Actor, municipalityId: string): boolean {
  return actor.roles.some((r) => r.role === 'manager' && r.municipalityId === municipalityId);
}

// ── Decisions ────────────────────────────────────────────────────────────────

/** May the actor read the child's basic record (identity, guardians, enrollments, named person)? */
export function canReadBasicRecord(actor: Actor, child: ChildAccessFacts): Decision<ReadBasis> {
  if (isNamedPerson(actor, child)) return { allowed: true, basis: 'named_person' };
  if (isEnrolledAtActorUnit(actor, child)) return { allowed: true, basis: 'enrolled_at_unit' };
  if (isConsentedTeamMember(actor, child)) return { allowed: true, basis: 'team_consent' };
  if (hasEmergencyAccess(actor, child)) return { allowed: true, basis: 'emergency' };
  return { allowed: false };
}

/** May the actor read one record of child information? Any rule that holds allows. */
export function canReadRecord(actor: Actor, child: ChildAccessFacts, record: RecordFacts): Decision<RecordReadBasis> {
  if (record.kind === 'report_of_concern') {
    // Reports of concern are for the intake (and the emergency rule); not shared by consent or agency.
    if (isMandatoryReportRecipient(actor, child.municipalityId)) return { allowed: true, basis: 'mandatory_report' };
    if (hasEmergencyAccess(actor, child)) return { allowed: true, basis: 'emergency' };
    return { allowed: false };
  }
  if (record.kind === 'concern') {
    if (isConcernRecipient(actor, record)) return { allowed: true, basis: 'concern_recipient' };
    if (isUnroutedConcernIntake(actor, child, record)) return { allowed: true, basis: 'unrouted_concern_intake' };
    // Rule 1 for a concern: the owning (raiser's) unit reads it only where it may also see the child – a concern
    // raised by personal identity number for a child elsewhere gives that unit no window on the child.
    if (isOwningUnit(actor, record) && canReadBasicRecord(actor, child).allowed) return { allowed: true, basis: 'owning_unit' };
  } else if (isOwningUnit(actor, record)) {
    return { allowed: true, basis: 'owning_unit' };
  }
  if (isNamedPersonOfOwningAgency(actor, child, record)) return { allowed: true, basis: 'named_person_own_agency' };
  if (coveredByConsent(actor, child, record.category)) return { allowed: true, basis: 'team_consent' };
  if (hasEmergencyAccess(actor, child)) return { allowed: true, basis: 'emergency' };
  return { allowed: false };
}

/** May the actor write a record owned by `owningUnitId` for this child? Own unit, and a child they can see. */
export function canWriteRecord(actor: Actor, child: ChildAccessFacts, owningUnitId: string): Decision<'own_unit'> {
  const worksThere = childFacingUnitIds(actor).includes(owningUnitId);
  return worksThere && canReadBasicRecord(actor, child).allowed ? { allowed: true, basis: 'own_unit' } : { allowed: false };
}

/**
 * May the actor see a concern at all, and how? `full` under `canReadRecord`;
 * `status` for the one who raised it but may not read it (what they wrote and
 * where it stands, not what others recorded).
 */
export type ConcernViewDecision =
  | { allowed: true; view: 'full'; basis: RecordReadBasis }
  | { allowed: true; view: 'status'; basis: 'raiser' }
  | { allowed: false };

export function concernView(actor: Actor, child: ChildAccessFacts, record: RecordFacts): ConcernViewDecision {
  const decision = canReadRecord(actor, child, record);
  if (decision.allowed) return { allowed: true, view: 'full', basis: decision.basis };
  if (isConcernRaiser(actor, record)) return { allowed: true, view: 'status', basis: 'raiser' };
  return { allowed: false };
}

/**
 * May the actor record what happens on a concern? The one it was sent to; for
 * a concern that reached no one, the social-services intake of the child's
 * municipality.
 */
export function canActOnConcern(
  actor: Actor,
  child: ChildAccessFacts,
  record: RecordFacts,
): Decision<'concern_recipient' | 'unrouted_concern_intake'> {
  if (isConcernRecipient(actor, record)) return { allowed: true, basis: 'concern_recipient' };
  if (isUnroutedConcernIntake(actor, child, record)) return { allowed: true, basis: 'unrouted_concern_intake' };
  return { allowed: false };
}

/** May the actor record or withdraw consent for the child? The named person, or staff of a unit where the child is enrolled. */
export function canManageConsent(actor: Actor, child: ChildAccessFacts): Decision<'named_person' | 'enrolled_at_unit'> {
  if (isNamedPerson(actor, child)) return { allowed: true, basis: 'named_person' };
  if (isEnrolledAtActorUnit(actor, child)) return { allowed: true, basis: 'enrolled_at_unit' };
  return { allowed: false };
}

/** May the actor add a professional to the child's team? The named person, or staff of a unit where the child is enrolled. */
export function canManageTeam(actor: Actor, child: ChildAccessFacts): Decision<'named_person' | 'enrolled_at_unit'> {
  return canManageConsent(actor, child);
}

/** The actor is the child's current lead professional (stödsamordnare). */
export function isLeadProfessional(actor: Actor, leadProfessionalStaffId: string | null): boolean {
  return leadProfessionalStaffId !== null && leadProfessionalStaffId === actor.staffId;
}

/**
 * May the actor start a child's plan? The named person, the lead professional,
 * or social services (who mostly lead coordinated support) – each only for a
 * child whose basic record they may read.
 */
export function canStartPlan(
  actor: Actor,
  child: ChildAccessFacts,
  leadProfessionalStaffId: string | null,
): Decision<'named_person' | 'lead_professional' | 'social_services'> {
  if (!canReadBasicRecord(actor, child).allowed) return { allowed: false };
  if (isNamedPerson(actor, child)) return { allowed: true, basis: 'named_person' };
  if (isLeadProfessional(actor, leadProfessionalStaffId)) return { allowed: true, basis: 'lead_professional' };
  const socialServices = actor.roles.some((r) => CHILD_FACING_ROLES.includes(r.role) && r.agencyType === 'social_services');
  return socialServices ? { allowed: true, basis: 'social_services' } : { allowed: false };
}

/**
 * May the actor edit the whole plan? ACCESS.md, Writes: the lead professional
 * and the named person – and only while they may read it (a withdrawn consent
 * ends editing with reading).
 */
export function canEditPlan(
  actor: Actor,
  child: ChildAccessFacts,
  plan: RecordFacts,
  leadProfessionalStaffId: string | null,
): Decision<'named_person' | 'lead_professional'> {
  if (!canReadRecord(actor, child, plan).allowed) return { allowed: false };
  if (isLeadProfessional(actor, leadProfessionalStaffId)) return { allowed: true, basis: 'lead_professional' };
  if (isNamedPerson(actor, child)) return { allowed: true, basis: 'named_person' };
  return { allowed: false };
}

/** The units whose actions in a plan the actor may update (status, comment): their own child-facing units, while they may read the plan. */
export function planActionUnits(actor: Actor, child: ChildAccessFacts, plan: RecordFacts): string[] {
  return canReadRecord(actor, child, plan).allowed ? childFacingUnitIds(actor) : [];
}

/**
 * May the actor appoint or change the lead professional? Whoever manages the
 * team (the named person, staff of a unit where the child is enrolled) or the
 * current lead professional handing over.
 */
export function canAppointLeadProfessional(
  actor: Actor,
  child: ChildAccessFacts,
  leadProfessionalStaffId: string | null,
): Decision<'named_person' | 'enrolled_at_unit' | 'lead_professional'> {
  const team = canManageTeam(actor, child);
  if (team.allowed) return team;
  if (isLeadProfessional(actor, leadProfessionalStaffId) && canReadBasicRecord(actor, child).allowed) {
    return { allowed: true, basis: 'lead_professional' };
  }
  return { allowed: false };
}

export type TeamScope = { municipalityId: string; unitId: string };

/** Managers of the team's municipality, and professionals who work with children at the hosting unit, run a standing team. */
export function canManageStandingTeam(actor: Actor, team: TeamScope): boolean {
  return actor.roles.some(
    (r) =>
      (r.role === 'manager' && r.municipalityId === team.municipalityId) ||
      (r.unitId === team.unitId && CHILD_FACING_ROLES.includes(r.role)),
  );
}

/** May the actor see the name, address and enrolled units of a child with protected identity? */
export function canSeeProtectedIdentity(actor: Actor, child: ChildAccessFacts): boolean {
  if (!child.protectedIdentity) return true;
  return isNamedPerson(actor, child) || hasProtectedIdentityGrant(actor);
}

/** May the actor assign the named person by hand, or record the family's decline? */
export function canAssignNamedPerson(actor: Actor, child: ChildAccessFacts): Decision<'named_person' | 'named_person_role_at_unit'> {
  if (isNamedPerson(actor, child)) return { allowed: true, basis: 'named_person' };
  const enrolledUnits = new Set(child.currentEnrollmentUnitIds);
  const holdsRoleThere = actor.roles.some((r) => NAMED_PERSON_ROLES.includes(r.role) && enrolledUnits.has(r.unitId));
  return holdsRoleThere ? { allowed: true, basis: 'named_person_role_at_unit' } : { allowed: false };
}

/** Any signed-in professional may ask who a child's named person is (contact only). */
export function canLookUpNamedPerson(actor: Actor): boolean {
  return actor.roles.length > 0;
}

/** May the actor register children in the population? */
export function canRegisterChild(actor: Actor): boolean {
  return actor.roles.some((r) => r.role === 'administrator');
}

/**
 * Asserts a decision. A denied read is answered "not found" so that it never
 * reveals that a record exists.
 */
export function authorize<B extends string>(
  decision: Decision<B>,
  deniedAs: 'not_found' | 'forbidden' = 'not_found',
): asserts decision is { allowed: true; basis: B } {
  if (!decision.allowed) throw new AppError(deniedAs);
}
