/**
 * The database schema: one file tree, used by both drivers (PGlite and node-postgres).
 * Every table that holds child data carries `municipality_id` (ARCHITECTURE decision 8).
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { childIdColumn, municipalityIdColumn } from './columns.ts';
import { INFORMATION_CATEGORIES } from '../../domain/consent.ts';
import { AGENCY_TYPES, ENROLLMENT_KINDS, NAMED_PERSON_REASONS, ORGANISATION_KINDS, STAFF_ROLES } from '../../domain/types.ts';

export const organisationKind = pgEnum('organisation_kind', ORGANISATION_KINDS);
export const agencyType = pgEnum('agency_type', AGENCY_TYPES);
export const staffRole = pgEnum('staff_role', STAFF_ROLES);
export const enrollmentKind = pgEnum('enrollment_kind', ENROLLMENT_KINDS);
export const namedPersonReason = pgEnum('named_person_reason', NAMED_PERSON_REASONS);

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();


/** Versioned model profiles (JSON validated by zod in domain/profiles). */
export const modelProfiles = pgTable(
  'model_profiles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    key: text('key').notNull(),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    definition: jsonb('definition').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('model_profiles_key_version').on(t.key, t.version)],
);

export const collaborationAreas = pgTable('collaboration_areas', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  createdAt: createdAt(),
});

/** Municipality, region, police authority or private provider. */
export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    areaId: uuid('area_id')
      .notNull()
      .references(() => collaborationAreas.id),
    kind: organisationKind('kind').notNull(),
    name: text('name').notNull(),
    /** Official code (kommunkod, regionkod) where one exists. */
    code: text('code'),
    /** For municipalities: the model profile key its children follow. */
    modelProfileKey: text('model_profile_key'),
    createdAt: createdAt(),
  },
  (t) => [index('organisations_area').on(t.areaId)],
);

export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** The municipality the unit serves (its location). */
    municipalityId: municipalityIdColumn(),
    agencyType: agencyType('agency_type').notNull(),
    name: text('name').notNull(),
    phone: text('phone'),
    address: text('address'),
    createdAt: createdAt(),
  },
  (t) => [index('units_municipality').on(t.municipalityId, t.agencyType)],
);

export const staff = pgTable('staff', {
  id: uuid('id').primaryKey().defaultRandom(),
  username: text('username').notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  givenName: text('given_name').notNull(),
  familyName: text('family_name').notNull(),
  title: text('title'),
  email: text('email'),
  phone: text('phone'),
  active: boolean('active').notNull().default(true),
  isTestData: boolean('is_test_data').notNull().default(true),
  createdAt: createdAt(),
});

/** A professional's role at a unit. A person may hold several. */
export const staffRoles = pgTable(
  'staff_roles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    role: staffRole('role').notNull(),
    /** Explicit grant to see protected identities (skyddad folkbokföring). */
    canSeeProtected: boolean('can_see_protected').notNull().default(false),
    validFrom: date('valid_from', { mode: 'string' }).notNull().default(sql`CURRENT_DATE`),
    validTo: date('valid_to', { mode: 'string' }),
  },
  (t) => [index('staff_roles_staff').on(t.staffId), index('staff_roles_unit_role').on(t.unitId, t.role)],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the session token; the token itself is only in the cookie. */
    tokenHash: text('token_hash').primaryKey(),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_staff').on(t.staffId)],
);

export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    username: text('username').notNull(),
    ip: text('ip'),
    success: boolean('success').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('login_attempts_username_at').on(t.username, t.at)],
);

export const children = pgTable(
  'children',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityIdColumn(),
    /** Normalised 12 digits, YYYYMMDDNNNC. Samordningsnummer keep their day + 60. */
    personnummer: text('personnummer').notNull(),
    isCoordinationNumber: boolean('is_coordination_number').notNull().default(false),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    address: text('address'),
    postalCode: text('postal_code'),
    city: text('city'),
    /** Skyddad folkbokföring: name, address and enrolled units are masked. */
    protectedIdentity: boolean('protected_identity').notNull().default(false),
    /** Generated data, never a real person. */
    isTestData: boolean('is_test_data').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('children_personnummer').on(t.personnummer),
    index('children_municipality').on(t.municipalityId, t.id),
    index('children_name').on(t.municipalityId, t.familyName, t.givenName),
  ],
);

export const guardians = pgTable(
  'guardians',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityIdColumn(),
    personnummer: text('personnummer'),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    phone: text('phone'),
    email: text('email'),
    address: text('address'),
    isTestData: boolean('is_test_data').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index('guardians_municipality').on(t.municipalityId, t.id)],
);

/** Links a child to a guardian; `custody` marks legal custody (vårdnad). */
export const guardianships = pgTable(
  'guardianships',
  {
    municipalityId: municipalityIdColumn(),
    childId: childIdColumn(),
    guardianId: uuid('guardian_id')
      .notNull()
      .references(() => guardians.id),
    custody: boolean('custody').notNull().default(true),
    relationship: text('relationship').notNull().default('parent'),
  },
  (t) => [primaryKey({ columns: [t.childId, t.guardianId] }), index('guardianships_municipality').on(t.municipalityId)],
);

/** Child-health listing, preschool place, school class… with dates. */
export const enrollments = pgTable(
  'enrollments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityIdColumn(),
    childId: childIdColumn(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    kind: enrollmentKind('kind').notNull(),
    /** Class or group, e.g. "4B". */
    groupName: text('group_name'),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    /** Last day of the enrollment (inclusive); null while current. */
    endDate: date('end_date', { mode: 'string' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('enrollments_child').on(t.childId),
    index('enrollments_unit_child').on(t.unitId, t.childId),
    index('enrollments_municipality').on(t.municipalityId),
  ],
);

/**
 * Named-person history. The current assignment has `valid_to` null. `status` is
 * `assigned` (a person holds it) or `declined` (the family declined; respected).
 */
export const namedPersonAssignments = pgTable(
  'named_person_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityIdColumn(),
    childId: childIdColumn(),
    status: text('status', { enum: ['assigned', 'declined'] }).notNull(),
    staffId: uuid('staff_id').references(() => staff.id),
    unitId: uuid('unit_id').references(() => units.id),
    /** The profile chain stage in force when assigned (null when declined). */
    stageKey: text('stage_key'),
    /**
     * The unit whose enrollment anchored that stage. Usually the named person's
     * own unit; differs for a manual assignment of someone from elsewhere, which
     * the daily job then keeps until the child's stage or unit changes.
     */
    stageUnitId: uuid('stage_unit_id').references(() => units.id),
    reason: namedPersonReason('reason').notNull(),
    note: text('note'),
    validFrom: timestamp('valid_from', { withTimezone: true }).notNull().defaultNow(),
    validTo: timestamp('valid_to', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => staff.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('named_person_child').on(t.childId, t.validFrom),
    uniqueIndex('named_person_current_child').on(t.childId).where(sql`valid_to IS NULL`),
    index('named_person_current_staff').on(t.staffId).where(sql`valid_to IS NULL`),
    index('named_person_municipality').on(t.municipalityId),
  ],
);

/**
 * Audit trail: every read and write of child data, allowed or denied, written in
 * the same transaction as the work and hash-chained (`hash` covers `prev_hash`).
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, precision: 3 }).notNull(),
    actorId: uuid('actor_id'),
    actorUnitId: uuid('actor_unit_id'),
    action: text('action').notNull(),
    outcome: text('outcome', { enum: ['allowed', 'denied'] }).notNull(),
    municipalityId: uuid('municipality_id'),
    childId: uuid('child_id'),
    /** For list and search reads: every child the answer contained. */
    childIds: uuid('child_ids').array(),
    resourceType: text('resource_type'),
    resourceId: text('resource_id'),
    purpose: text('purpose'),
    details: jsonb('details'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    // Newest-first searches by child or actor walk these backwards and stop early.
    index('audit_child').on(t.childId, t.seq),
    index('audit_actor').on(t.actorId, t.seq),
    index('audit_occurred').on(t.occurredAt),
    // A family's access extract and a search by child also match list events that returned the child.
    index('audit_child_ids').using('gin', t.childIds),
  ],
);

// ── Consent, sharing and records (issue: consent, confidentiality and audit) ──

export const informationCategory = pgEnum('information_category', INFORMATION_CATEGORIES);

/**
 * A consent for one child: scope (who may receive, which categories, which
 * purposes), validity, the child's view and decision, and who recorded it.
 * Parties (guardians) are in `consent_parties`. Never deleted: withdrawal sets
 * `withdrawn_at` and the history stays.
 */
export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityIdColumn(),
    childId: childIdColumn(),
    recipientUnitIds: uuid('recipient_unit_ids').array().notNull().default(sql`'{}'::uuid[]`),
    recipientAgencyTypes: agencyType('recipient_agency_types').array().notNull().default(sql`'{}'`),
    categories: informationCategory('categories').array().notNull(),
    purposes: text('purposes').array().notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }).notNull(),
    form: text('form', { enum: ['written', 'oral'] }).notNull(),
    /** The child's own view, always recorded. */
    childView: text('child_view').notNull(),
    childAge: integer('child_age').notNull(),
    childConsentRequired: boolean('child_consent_required').notNull(),
    childDecision: text('child_decision', { enum: ['given', 'declined', 'not_asked'] }).notNull(),
    /** A recorded decision that lets the consent apply although a guardian could not be reached. */
    unreachableResolution: text('unreachable_resolution'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => staff.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnBy: text('withdrawn_by'),
    withdrawalNote: text('withdrawal_note'),
    withdrawalRecordedBy: uuid('withdrawal_recorded_by').references(() => staff.id),
  },
  (t) => [index('consents_child').on(t.childId), index('consents_municipality').on(t.municipalityId)],
);

/** Each guardian's part in a consent: given, or unreachable with the reason. */
export const consentParties = pgTable(
  'consent_parties',
  {
    consentId: uuid('consent_id')
      .notNull()
      .references(() => consents.id),
    guardianId: uuid('guardian_id')
      .notNull()
      .references(() => guardians.id),
    municipalityId: municipalityIdColumn(),
    decision: text('decision', { enum: ['given', 'unreachable'] }).notNull(),
    reason: text('reason'),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.consentId, t.guardianId] })],
);

/** Professionals in the team around a child (the team issue extends this). */
export const teamMembers = pgTable(
  'team_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityIdColumn(),
    childId: childIdColumn(),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
    /** The unit the member represents in the team. */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    addedBy: uuid('added_by').references(() => staff.id),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
    removedAt: timestamp('removed_at', { withTimezone: true }),
  },
  (t) => [
    index('team_members_child').on(t.childId),
    index('team_members_staff').on(t.staffId).where(sql`removed_at IS NULL`),
  ],
);

/** A generic record of child information: owned by a unit, of one category. */
export const notes = pgTable(
  'notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityIdColumn(),
    childId: childIdColumn(),
    owningUnitId: uuid('owning_unit_id')
      .notNull()
      .references(() => units.id),
    category: informationCategory('category').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => staff.id),
    createdAt: createdAt(),
  },
  (t) => [index('notes_child').on(t.childId, t.createdAt), index('notes_municipality').on(t.municipalityId)],
);

/** Report of concern (orosanmälan) to the social-services intake of the child's municipality. */
export const reportsOfConcern = pgTable(
  'reports_of_concern',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityIdColumn(),
    /** Null when the personal identity number is not in the population register here. */
    childId: uuid('child_id').references(() => children.id),
    personnummer: text('personnummer').notNull(),
    reporterId: uuid('reporter_id')
      .notNull()
      .references(() => staff.id),
    reporterUnitId: uuid('reporter_unit_id').references(() => units.id),
    description: text('description').notNull(),
    immediateDanger: boolean('immediate_danger').notNull().default(false),
    createdAt: createdAt(),
    receivedAt: timestamp('received_at', { withTimezone: true }),
    receivedBy: uuid('received_by').references(() => staff.id),
  },
  (t) => [index('reports_municipality').on(t.municipalityId, t.createdAt), index('reports_reporter').on(t.reporterId)],
);

/** "Break the glass": time-limited read access to one child, flagged for review. */
export const emergencyAccesses = pgTable(
  'emergency_accesses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityIdColumn(),
    childId: childIdColumn(),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
    unitId: uuid('unit_id').references(() => units.id),
    reason: text('reason').notNull(),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    reviewOutcome: text('review_outcome', { enum: ['justified', 'not_justified'] }),
    reviewComment: text('review_comment'),
    reviewedBy: uuid('reviewed_by').references(() => staff.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
  },
  (t) => [index('emergency_child_staff').on(t.childId, t.staffId, t.expiresAt), index('emergency_unreviewed').on(t.municipalityId).where(sql`reviewed_at IS NULL`)],
);

/** A de-identified case discussion; linked to a child only once consent exists. */
export const consultations = pgTable(
  'consultations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityIdColumn(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    ageBand: text('age_band', { enum: ['0-2', '3-5', '6-9', '10-12', '13-15', '16-17'] }).notNull(),
    situation: text('situation').notNull(),
    question: text('question').notNull(),
    advice: text('advice'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => staff.id),
    createdAt: createdAt(),
    childId: uuid('child_id').references(() => children.id),
    consentId: uuid('consent_id').references(() => consents.id),
    linkedAt: timestamp('linked_at', { withTimezone: true }),
    linkedBy: uuid('linked_by').references(() => staff.id),
  },
  (t) => [index('consultations_municipality').on(t.municipalityId, t.createdAt)],
);

/** A log reviewer's mark on an audit event (systematic review). */
export const auditReviews = pgTable('audit_reviews', {
  eventSeq: bigint('event_seq', { mode: 'number' }).primaryKey(),
  reviewerId: uuid('reviewer_id')
    .notNull()
    .references(() => staff.id),
  selectedAs: text('selected_as', { enum: ['sample', 'flagged'] }).notNull(),
  comment: text('comment').notNull(),
  reviewedAt: timestamp('reviewed_at', { withTimezone: true }).notNull().defaultNow(),
});
export * from './assessments.ts';
export * from './concerns.ts';
export * from './meetings.ts';
export * from './plans.ts';
