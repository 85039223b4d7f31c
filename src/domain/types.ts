/**
 * Core vocabulary of the model. Pure: imports nothing outside `domain/`.
 */

export const ORGANISATION_KINDS = ['municipality', 'region', 'police_authority', 'private_provider'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** Agency types (verksamheter) a unit belongs to. */
export const AGENCY_TYPES = [
  'maternity_care',
  'child_health_care',
  'preschool',
  'school',
  'upper_secondary',
  'pupil_health',
  'social_services',
  'primary_care',
  'child_psychiatry',
  'dental_care',
  'police',
  'leisure',
  'civil_society',
] as const;
export type AgencyType = (typeof AGENCY_TYPES)[number];

/**
 * Roles a professional holds at a unit. Role *titles* shown to users come from
 * the model profile; these are the stable codes.
 */
export const STAFF_ROLES = [
  'midwife',
  'child_health_nurse',
  'health_visitor',
  'preschool_principal',
  'preschool_teacher',
  'school_principal',
  'teacher',
  'school_nurse',
  'counsellor',
  'psychologist',
  'social_worker',
  'intake_social_worker',
  'clinician',
  'police_officer',
  'dental_staff',
  'primary_care_staff',
  'leisure_staff',
  'manager',
  'administrator',
  'log_reviewer',
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Kinds of enrollment that tie a child to a unit. */
export const ENROLLMENT_KINDS = [
  'maternity_care',
  'child_health_listing',
  'preschool',
  'preschool_class',
  'school_class',
  'upper_secondary',
] as const;
export type EnrollmentKind = (typeof ENROLLMENT_KINDS)[number];

/** Why a named-person assignment started. */
export const NAMED_PERSON_REASONS = [
  'birth',
  'registration',
  'age_transition',
  'enrollment_change',
  'manual',
  'declined',
  'no_longer_needed',
] as const;
export type NamedPersonReason = (typeof NAMED_PERSON_REASONS)[number];

/** Roles that mark a staff member as working with children at their unit. */
export const CHILD_FACING_ROLES: readonly StaffRole[] = STAFF_ROLES.filter(
  (r) => r !== 'manager' && r !== 'administrator' && r !== 'log_reviewer',
);

/** A bilingual text: Swedish first, English complete. */
export type LocalizedText = { sv: string; en: string };

/** Agencies named in a sentence ("… lets the police receive …"), Swedish and English. */
export const AGENCY_NAMES: Record<AgencyType, LocalizedText> = {
  maternity_care: { sv: 'mödrahälsovården', en: 'maternity care' },
  child_health_care: { sv: 'barnhälsovården', en: 'child health care' },
  preschool: { sv: 'förskolan', en: 'preschool' },
  school: { sv: 'skolan', en: 'school' },
  upper_secondary: { sv: 'gymnasiet', en: 'upper secondary school' },
  pupil_health: { sv: 'elevhälsan', en: 'pupil health' },
  social_services: { sv: 'socialtjänsten', en: 'social services' },
  primary_care: { sv: 'vårdcentralen', en: 'primary care' },
  child_psychiatry: { sv: 'BUP', en: 'child & adolescent psychiatry' },
  dental_care: { sv: 'tandvården', en: 'dental care' },
  police: { sv: 'polisen', en: 'the police' },
  leisure: { sv: 'fritid', en: 'leisure services' },
  civil_society: { sv: 'civilsamhället', en: 'civil society' },
};
