/**
 * Concerns: any professional raises one – for a child they can see, or by
 * personal identity number for one they cannot – answering the five questions;
 * a child or guardian asking for support is recorded the same way with its
 * source. It goes to the child's named person (or, when there is none, to the
 * named-person role at the unit where the child is enrolled), who acknowledges
 * it and records what happens. Reads are decided by `domain/access`
 * (`concernView`, lists by `concernReadableSql`); every read and write is
 * audited in the same transaction – never the answers' content.
 */
import { type SQL, sql } from 'drizzle-orm';
import { type Db, type Queryable, type Tx, queryRows } from '../db/client.ts';
import { concernReadableSql } from '../db/queries/access.ts';
import { concernActions, concerns } from '../db/schema/index.ts';
import {
  type Actor,
  NAMED_PERSON_ROLES,
  type RecordFacts,
  canActOnConcern,
  canReadBasicRecord,
  canSeeProtectedIdentity,
  childFacingUnitIds,
  concernView,
} from '../domain/access.ts';
import {
  CONCERN_URGENCIES,
  type ConcernActionKind,
  type ConcernHistoryKind,
  type ConcernSource,
  type ConcernStatus,
  type ConcernUrgency,
  FIRST_RESPONSE_DEADLINES,
  FIVE_QUESTIONS,
  FIVE_QUESTION_KEYS,
  type FiveAnswers,
  type SharingBasis,
  applyConcernAction,
  firstResponseDueAt,
  forwardingBasis,
  isConcernOverdue,
  possibleConcernActions,
} from '../domain/concerns.ts';
import { type ConsentFacts, consentCovers, consentState } from '../domain/consent.ts';
import { AppError } from '../domain/errors.ts';
import { formatPersonnummer, parsePersonnummer, personnummerErrorMessage } from '../domain/personnummer.ts';
import { BUILT_IN_PROFILES } from '../domain/profiles/index.ts';
import type { ModelProfile } from '../domain/profiles/schema.ts';
import type { AgencyType, LocalizedText } from '../domain/types.ts';
import { type ChildAccess, accessTimeNow, loadChildAccess, loadChildrenAccess } from './access-facts.ts';
import { recordAuditEvent } from './audit.ts';
import { MAX_PAGE_SIZE } from './children.ts';
import { loadProfile } from './profiles.ts';
import { fileReportInTransaction } from './reports.ts';
import { type Refusal, refuse, runUseCase } from './use-case.ts';

// ── Views ───────────────────────────────────────────────────────────────────

export type ConcernRecipientView = {
  staffId: string;
  name: string;
  title: string | null;
  unitName: string | null;
  phone: string | null;
  kind: 'named_person' | 'enrolling_unit';
};

type ConcernTimeline = {
  id: string;
  status: ConcernStatus;
  urgency: ConcernUrgency;
  source: ConcernSource;
  sourceNote: string | null;
  answers: FiveAnswers;
  needsOthers: boolean;
  indicators: { key: string; name: LocalizedText }[];
  raisedAt: string;
  acknowledgedAt: string | null;
  firstResponseAt: string | null;
  closedAt: string | null;
  firstResponseDueAt: string;
  overdue: boolean;
  recipient: ConcernRecipientView | null;
  recipientWithheld: boolean;
  sharingBasis: SharingBasis | null;
};

export type ConcernActionView = {
  id: string;
  kind: ConcernHistoryKind;
  note: string | null;
  reportOfConcernId: string | null;
  /** `forwarded`: the recipient before and after the named person changed. */
  forwarded: { fromStaffId: string | null; toStaffId: string | null } | null;
  /** null: the system (the daily handover job). */
  actor: { staffId: string; name: string } | null;
  at: string;
};

export type ConcernFullView = ConcernTimeline & {
  view: 'full';
  child: { id: string; personnummer: string; givenName: string | null; familyName: string | null; masked: boolean };
  municipalityId: string;
  raisedBy: { staffId: string; name: string; title: string | null; unitId: string; unitName: string };
  actions: ConcernActionView[];
  allowedActions: ConcernActionKind[];
};

export type ConcernStatusView = ConcernTimeline & { view: 'status'; personnummer: string };

export type ConcernViewJson = ConcernFullView | ConcernStatusView;

type ConcernRow = {
  id: string;
  municipality_id: string;
  child_id: string;
  owning_unit_id: string;
  owning_agency_type: AgencyType;
  owning_organisation_id: string;
  owning_unit_name: string;
  raised_by: string;
  raiser_name: string;
  raiser_title: string | null;
  source: ConcernSource;
  source_note: string | null;
  urgency: ConcernUrgency;
  what_is_getting_in_the_way: string;
  have_all_information: string;
  what_can_i_do_now: string;
  what_can_my_agency_do: string;
  what_help_from_others: string;
  needs_others: boolean;
  indicators: string[];
  recipient_staff_id: string | null;
  recipient_kind: 'named_person' | 'enrolling_unit' | null;
  recipient_name: string | null;
  recipient_title: string | null;
  recipient_phone: string | null;
  recipient_unit_name: string | null;
  sharing_basis: SharingBasis | null;
  status: ConcernStatus;
  raised_at: Date | string;
  acknowledged_at: Date | string | null;
  first_response_at: Date | string | null;
  closed_at: Date | string | null;
  personnummer: string;
  given_name: string;
  family_name: string;
  protected_identity: boolean;
  model_profile_key: string | null;
};

const concernSelect = sql`SELECT cn.id, cn.municipality_id, cn.child_id, cn.owning_unit_id,
       ou.agency_type AS owning_agency_type, ou.organisation_id AS owning_organisation_id, ou.name AS owning_unit_name,
       cn.raised_by, rs.given_name || ' ' || rs.family_name AS raiser_name, rs.title AS raiser_title,
       cn.source, cn.source_note, cn.urgency, cn.what_is_getting_in_the_way, cn.have_all_information, cn.what_can_i_do_now,
       cn.what_can_my_agency_do, cn.what_help_from_others, cn.needs_others, cn.indicators,
       cn.recipient_staff_id, cn.recipient_kind, ps.given_name || ' ' || ps.family_name AS recipient_name,
       ps.title AS recipient_title, coalesce(ps.phone, pu.phone) AS recipient_phone, pu.name AS recipient_unit_name,
       cn.sharing_basis, cn.status, cn.raised_at, cn.acknowledged_at, cn.first_response_at, cn.closed_at,
       c.personnummer, c.given_name, c.family_name, c.protected_identity, m.model_profile_key
  FROM concerns cn
  JOIN children c ON c.id = cn.child_id
  JOIN units ou ON ou.id = cn.owning_unit_id
  JOIN staff rs ON rs.id = cn.raised_by
  JOIN organisations m ON m.id = cn.municipality_id
  LEFT JOIN staff ps ON ps.id = cn.recipient_staff_id
  LEFT JOIN units pu ON pu.id = cn.recipient_unit_id`;

const iso = (value: Date | string) => new Date(value).toISOString();
const isoOrNull = (value: Date | string | null) => (value === null ? null : iso(value));

function recordFacts(r: ConcernRow): RecordFacts {
  return {
    kind: 'concern',
    childId: r.child_id,
    owningUnitId: r.owning_unit_id,
    owningAgencyType: r.owning_agency_type,
    owningOrganisationId: r.owning_organisation_id,
    category: 'concern',
    recipientStaffId: r.recipient_staff_id,
    raisedByStaffId: r.raised_by,
  };
}

function indicatorNames(profile: ModelProfile, keys: readonly string[]) {
  // A raiser who could not see the child may have used their own profile's keys (see `concernForm`).
  const named = (key: string) =>
    profile.wellbeing.indicators.find((i) => i.key === key)?.name ??
    BUILT_IN_PROFILES.flatMap((p) => p.wellbeing.indicators).find((i) => i.key === key)?.name ?? { sv: key, en: key };
  return keys.map((key) => ({ key, name: named(key) }));
}

function presentTimeline(r: ConcernRow, profile: ModelProfile, identityVisible: boolean, now: Date): ConcernTimeline {
  const raisedAt = new Date(r.raised_at);
  const firstResponseAt = r.first_response_at ? new Date(r.first_response_at) : null;
  // Under protected identity the recipient (and so the child's unit) is shown only to those who may see it.
  const recipientWithheld = r.protected_identity && !identityVisible && r.recipient_staff_id !== null;
  return {
    id: r.id,
    status: r.status,
    urgency: r.urgency,
    source: r.source,
    sourceNote: r.source_note,
    answers: {
      whatIsGettingInTheWay: r.what_is_getting_in_the_way,
      haveAllInformation: r.have_all_information,
      whatCanIDoNow: r.what_can_i_do_now,
      whatCanMyAgencyDo: r.what_can_my_agency_do,
      whatHelpFromOthers: r.what_help_from_others,
    },
    needsOthers: r.needs_others,
    indicators: indicatorNames(profile, r.indicators),
    raisedAt: raisedAt.toISOString(),
    acknowledgedAt: isoOrNull(r.acknowledged_at),
    firstResponseAt: firstResponseAt?.toISOString() ?? null,
    closedAt: isoOrNull(r.closed_at),
    firstResponseDueAt: firstResponseDueAt(raisedAt, r.urgency).toISOString(),
    overdue: isConcernOverdue({ raisedAt, urgency: r.urgency, firstResponseAt }, now),
    recipient:
      r.recipient_staff_id && r.recipient_kind && !recipientWithheld
        ? {
            staffId: r.recipient_staff_id,
            name: r.recipient_name ?? '',
            title: r.recipient_title,
            unitName: r.recipient_unit_name,
            phone: r.recipient_phone,
            kind: r.recipient_kind,
          }
        : null,
    recipientWithheld,
    sharingBasis: r.sharing_basis,
  };
}

type Presentable = { row: ConcernRow; view: 'full' | 'status'; identityVisible: boolean; canAct: boolean };

async function loadActions(tx: Queryable, concernIds: readonly string[]): Promise<Map<string, ConcernActionView[]>> {
  const result = new Map<string, ConcernActionView[]>();
  if (concernIds.length === 0) return result;
  const rows = await queryRows<{
    id: string;
    concern_id: string;
    kind: ConcernHistoryKind;
    note: string | null;
    report_of_concern_id: string | null;
    from_staff_id: string | null;
    to_staff_id: string | null;
    actor_id: string | null;
    actor_name: string | null;
    at: Date | string;
  }>(
    tx,
    sql`SELECT a.id, a.concern_id, a.kind, a.note, a.report_of_concern_id, a.from_staff_id, a.to_staff_id, a.actor_id,
               s.given_name || ' ' || s.family_name AS actor_name, a.at
          FROM concern_actions a LEFT JOIN staff s ON s.id = a.actor_id
         WHERE a.concern_id = ANY(${`{${concernIds.join(',')}}`}::uuid[])
         ORDER BY a.at, a.id`,
  );
  for (const a of rows) {
    const list = result.get(a.concern_id) ?? [];
    list.push({
      id: a.id,
      kind: a.kind,
      note: a.note,
      reportOfConcernId: a.report_of_concern_id,
      forwarded: a.kind === 'forwarded' ? { fromStaffId: a.from_staff_id, toStaffId: a.to_staff_id } : null,
      actor: a.actor_id ? { staffId: a.actor_id, name: a.actor_name ?? '' } : null,
      at: iso(a.at),
    });
    result.set(a.concern_id, list);
  }
  return result;
}

async function present(tx: Queryable, items: readonly Presentable[], now: Date): Promise<ConcernViewJson[]> {
  const actions = await loadActions(
    tx,
    items.filter((i) => i.view === 'full').map((i) => i.row.id),
  );
  // One profile per distinct key on the page, not one load per row.
  const profiles = new Map<string | null, ModelProfile>();
  for (const key of new Set(items.map((i) => i.row.model_profile_key))) profiles.set(key, await loadProfile(tx, key));
  const out: ConcernViewJson[] = [];
  for (const { row: r, view, identityVisible, canAct } of items) {
    const profile = profiles.get(r.model_profile_key)!;
    const timeline = presentTimeline(r, profile, identityVisible, now);
    if (view === 'status') {
      out.push({ view: 'status', ...timeline, personnummer: formatPersonnummer(r.personnummer) });
      continue;
    }
    out.push({
      view: 'full',
      ...timeline,
      child: {
        id: r.child_id,
        personnummer: formatPersonnummer(r.personnummer),
        givenName: identityVisible ? r.given_name : null,
        familyName: identityVisible ? r.family_name : null,
        masked: !identityVisible,
      },
      municipalityId: r.municipality_id,
      raisedBy: { staffId: r.raised_by, name: r.raiser_name, title: r.raiser_title, unitId: r.owning_unit_id, unitName: r.owning_unit_name },
      actions: actions.get(r.id) ?? [],
      allowedActions: canAct ? possibleConcernActions(r.status) : [],
    });
  }
  return out;
}

/** One concern as the actor may see it, or null (not found / not theirs to see). */
async function decide(tx: Queryable, actor: Actor, row: ConcernRow) {
  return decideWith(actor, row, await loadChildAccess(tx, row.child_id, accessTimeNow()));
}

/** The decision for one concern on facts already loaded: always `concernView` and `canActOnConcern`. */
function decideWith(actor: Actor, row: ConcernRow, child: ChildAccess | null | undefined) {
  if (!child) return null;
  const record = recordFacts(row);
  const decision = concernView(actor, child.facts, record);
  if (!decision.allowed) return null;
  return {
    decision,
    child,
    item: {
      row,
      view: decision.view,
      identityVisible: canSeeProtectedIdentity(actor, child.facts),
      canAct: canActOnConcern(actor, child.facts, record).allowed,
    } satisfies Presentable,
  };
}

// ── Raising ─────────────────────────────────────────────────────────────────

export type RaiseConcernInput = {
  childId?: string;
  personnummer?: string;
  source: ConcernSource;
  sourceNote?: string;
  urgency: ConcernUrgency;
  indicators: string[];
  answers: FiveAnswers;
  needsOthers: boolean;
  sharingBasis?: { kind: 'emergency' | 'crime_prevention' | 'other_statute'; reference: string };
};

export type ConcernReceipt = {
  id: string;
  raisedAt: string;
  firstResponseDueAt: string;
  recipient: ConcernRecipientView | null;
  recipientWithheld: boolean;
  message: LocalizedText;
};

type RecipientCandidate = {
  staff_id: string;
  unit_id: string;
  agency_type: AgencyType;
  organisation_id: string;
  kind: 'named_person' | 'enrolling_unit';
};

/**
 * Who receives a concern: the child's current named person; when there is none
 * (the family declined, or no one holds it) the holder of a named-person role
 * at a unit where the child is currently enrolled – the head of the child's
 * preschool or school, or the child-health nurse – in the order of
 * `NAMED_PERSON_ROLES`, then by staff id. Declining the named person does not
 * stop a concern from reaching the child's own unit. Null when no one is found.
 */
async function findRecipient(tx: Queryable, childId: string, enrolledUnitIds: readonly string[], today: string): Promise<RecipientCandidate | null> {
  const [named] = await queryRows<RecipientCandidate>(
    tx,
    sql`SELECT n.staff_id, u.id AS unit_id, u.agency_type, u.organisation_id, 'named_person' AS kind
          FROM named_person_assignments n JOIN units u ON u.id = n.unit_id
         WHERE n.child_id = ${childId}::uuid AND n.valid_to IS NULL AND n.status = 'assigned' AND n.staff_id IS NOT NULL`,
  );
  if (named) return named;
  if (enrolledUnitIds.length === 0) return null;
  const roleOrder = sql.raw(`array_position('{${NAMED_PERSON_ROLES.join(',')}}'::text[], r.role::text)`);
  const [holder] = await queryRows<RecipientCandidate>(
    tx,
    sql`SELECT r.staff_id, u.id AS unit_id, u.agency_type, u.organisation_id, 'enrolling_unit' AS kind
          FROM staff_roles r JOIN staff s ON s.id = r.staff_id JOIN units u ON u.id = r.unit_id
         WHERE r.unit_id = ANY(${`{${enrolledUnitIds.join(',')}}`}::uuid[]) AND s.active
           AND r.role = ANY(${`{${NAMED_PERSON_ROLES.join(',')}}`}::staff_role[])
           AND r.valid_from <= ${today}::date AND (r.valid_to IS NULL OR r.valid_to >= ${today}::date)
         ORDER BY ${roleOrder}, r.staff_id LIMIT 1`,
  );
  return holder ?? null;
}

/**
 * The social-services intake of the child's municipality – the unit of a
 * current `intake_social_worker` – for a concern that reaches no one. Null when
 * the municipality has none (the concern is then still the intake role's).
 */
async function intakeOf(
  tx: Queryable,
  municipalityId: string,
  today: string,
): Promise<Pick<RecipientCandidate, 'unit_id' | 'agency_type' | 'organisation_id'> | null> {
  const [unit] = await queryRows<Pick<RecipientCandidate, 'unit_id' | 'agency_type' | 'organisation_id'>>(
    tx,
    sql`SELECT u.id AS unit_id, u.agency_type, u.organisation_id
          FROM staff_roles r JOIN staff s ON s.id = r.staff_id JOIN units u ON u.id = r.unit_id
         WHERE u.municipality_id = ${municipalityId}::uuid AND u.agency_type = 'social_services'
           AND r.role = 'intake_social_worker' AND s.active
           AND r.valid_from <= ${today}::date AND (r.valid_to IS NULL OR r.valid_to >= ${today}::date)
         ORDER BY u.id LIMIT 1`,
  );
  return unit ?? null;
}

/** The actor's unit that owns a new concern: where the child is enrolled, else their primary unit, else any unit where they work with children. */
function owningUnitFor(actor: Actor, enrolledUnitIds: readonly string[]): string | null {
  const units = childFacingUnitIds(actor);
  return (
    units.find((u) => enrolledUnitIds.includes(u)) ??
    (actor.primaryUnitId && units.includes(actor.primaryUnitId) ? actor.primaryUnitId : undefined) ??
    units[0] ??
    null
  );
}

async function profileOf(tx: Queryable, municipalityId: string): Promise<ModelProfile> {
  const [m] = await queryRows<{ model_profile_key: string | null }>(
    tx,
    sql`SELECT model_profile_key FROM organisations WHERE id = ${municipalityId}::uuid`,
  );
  return loadProfile(tx, m?.model_profile_key);
}

/** Raises a concern and sends it to the named person. 201 with the raiser's view of it and a receipt. */
export async function raiseConcern(options: {
  db: Db;
  actor: Actor;
  input: RaiseConcernInput;
}): Promise<{ concern: ConcernViewJson; receipt: ConcernReceipt }> {
  const { db, actor, input } = options;
  if ((input.childId === undefined) === (input.personnummer === undefined)) {
    throw new AppError('validation_failed', {
      message: { sv: 'Ange antingen barnets id eller personnummer.', en: 'Give either the child id or the personal identity number.' },
      details: { field: 'childId' },
    });
  }
  let normalized: string | null = null;
  if (input.personnummer !== undefined) {
    const parsed = parsePersonnummer(input.personnummer);
    if (!parsed.ok) throw new AppError('invalid_personnummer', { message: personnummerErrorMessage(parsed.reason) });
    normalized = parsed.value.normalized;
  }
  return runUseCase(db, async (tx) => {
    const at = accessTimeNow();
    // Find the child: by id only if the actor may see it; by personal identity number always (no access granted).
    let childId = input.childId ?? null;
    if (normalized !== null) {
      const [found] = await queryRows<{ id: string }>(tx, sql`SELECT id FROM children WHERE personnummer = ${normalized}`);
      if (!found) {
        await recordAuditEvent(tx, { actor, action: 'concern.create', outcome: 'denied', details: { reason: 'child_not_registered' } });
        return refuse(new AppError('child_not_registered', { details: { field: 'personnummer' } }));
      }
      childId = found.id;
    }
    const child = await loadChildAccess(tx, childId!, at);
    if (!child || (input.childId !== undefined && !canReadBasicRecord(actor, child.facts).allowed)) {
      await recordAuditEvent(tx, { actor, action: 'concern.create', outcome: 'denied', childId: child ? childId : null, municipalityId: child?.row.municipality_id ?? null });
      return refuse(new AppError('not_found'));
    }
    const municipalityId = child.row.municipality_id;
    const owningUnitId = owningUnitFor(actor, child.facts.currentEnrollmentUnitIds);
    if (!owningUnitId) {
      await recordAuditEvent(tx, { actor, action: 'concern.create', outcome: 'denied', childId: child.row.id, municipalityId, details: { reason: 'no_child_facing_role' } });
      return refuse(
        new AppError('forbidden', {
          message: { sv: 'Bara den som arbetar med barn kan lämna en oro.', en: 'Only professionals who work with children can raise a concern.' },
        }),
      );
    }

    // The indicators must be the child's profile's own – or, for a child the raiser cannot see, those the form
    // offered them (their own municipality's profile); the error then names only those, so it never tells the
    // raiser which profile (and so which municipality) a child they cannot see belongs to.
    const childKeys = (await profileOf(tx, municipalityId)).wellbeing.indicators.map((i) => i.key);
    const offered = canReadBasicRecord(actor, child.facts).allowed
      ? childKeys
      : (await actorProfile(tx, actor)).wellbeing.indicators.map((i) => i.key);
    const known = new Set([...childKeys, ...offered]);
    const unknown = input.indicators.find((k) => !known.has(k));
    if (unknown !== undefined) {
      const list = offered.join(', ');
      throw new AppError('unknown_indicator', {
        message: {
          sv: `Indikatorn "${unknown}" finns inte bland de välbefinnandeindikatorer som formuläret erbjuder. Använd någon av: ${list}.`,
          en: `The indicator "${unknown}" is not one of the wellbeing indicators the form offers. Use one of: ${list}.`,
        },
        details: { field: 'indicators', key: unknown },
      });
    }

    const recipient = await findRecipient(tx, child.row.id, child.facts.currentEnrollmentUnitIds, at.today);
    // No one to send it to: the social-services intake of the child's municipality reads and acts on it
    // (domain/access `isUnroutedConcernIntake`) – on a sharing basis like any other agency.
    const intake = recipient ? null : await intakeOf(tx, municipalityId, at.today);
    const sharing = recipient
      ? await sharingBasisFor(tx, owningUnitId, recipient, input, child.consents, at.today)
      : intake
        ? await sharingBasisFor(tx, owningUnitId, intake, input, child.consents, at.today)
        : null;
    if (sharing && 'error' in sharing) {
      await recordAuditEvent(tx, { actor, action: 'concern.create', outcome: 'denied', childId: child.row.id, municipalityId, details: { reason: 'consent_missing' } });
      return sharing;
    }

    const [created] = await tx
      .insert(concerns)
      .values({
        municipalityId,
        childId: child.row.id,
        owningUnitId,
        raisedBy: actor.staffId,
        source: input.source,
        sourceNote: input.sourceNote?.trim() || null,
        urgency: input.urgency,
        whatIsGettingInTheWay: input.answers.whatIsGettingInTheWay.trim(),
        haveAllInformation: input.answers.haveAllInformation.trim(),
        whatCanIDoNow: input.answers.whatCanIDoNow.trim(),
        whatCanMyAgencyDo: input.answers.whatCanMyAgencyDo.trim(),
        whatHelpFromOthers: input.answers.whatHelpFromOthers.trim(),
        needsOthers: input.needsOthers,
        indicators: input.indicators,
        recipientStaffId: recipient?.staff_id ?? null,
        recipientUnitId: recipient?.unit_id ?? null,
        recipientKind: recipient?.kind ?? null,
        sharingBasis: sharing?.basis ?? null,
        sharingReference: sharing?.reference ?? null,
      })
      .returning({ id: concerns.id });
    const id = created!.id;
    const [row] = await queryRows<ConcernRow>(tx, sql`${concernSelect} WHERE cn.id = ${id}::uuid`);
    const decided = await decide(tx, actor, row!);
    await recordAuditEvent(tx, {
      actor,
      action: 'concern.create',
      outcome: 'allowed',
      childId: child.row.id,
      municipalityId,
      resourceType: 'concern',
      resourceId: id,
      purpose: sharing?.basis ?? null,
      // Never the answers: the trail says that a concern was raised and where it went.
      details: {
        byPersonnummer: normalized !== null,
        source: input.source,
        urgency: input.urgency,
        indicators: input.indicators,
        needsOthers: input.needsOthers,
        recipientStaffId: recipient?.staff_id ?? null,
        recipientKind: recipient?.kind ?? null,
        unroutedTo: recipient ? null : 'municipality_intake',
        sharingBasis: sharing?.basis ?? null,
      },
    });
    const [view] = await present(tx, [decided!.item], at.now);
    return { concern: view!, receipt: receiptFor(view!) };
  });
}

function receiptFor(view: ConcernViewJson): ConcernReceipt {
  const due = new Date(view.firstResponseDueAt);
  const when = { sv: due.toLocaleString('sv-SE', { timeZone: 'Europe/Stockholm' }), en: due.toLocaleString('en-GB', { timeZone: 'Europe/Stockholm' }) };
  const r = view.recipient;
  const message: LocalizedText = view.recipientWithheld
    ? {
        sv: `Oron är skickad till barnets barnkontakt. Svar väntas senast ${when.sv}.`,
        en: `The concern has been sent to the child's named person. A response is due by ${when.en}.`,
      }
    : r
      ? {
          sv: `Oron är skickad till ${r.name}${r.unitName ? `, ${r.unitName}` : ''}. Svar väntas senast ${when.sv}.`,
          en: `The concern has been sent to ${r.name}${r.unitName ? `, ${r.unitName}` : ''}. A response is due by ${when.en}.`,
        }
      : {
          sv: 'Barnet har ingen barnkontakt och ingen enhet där någon kan ta emot oron, så den går till socialtjänstens mottagning i barnets kommun. Gör en orosanmälan om barnet kan fara illa.',
          en: 'The child has no named person and no unit where someone can receive the concern, so it goes to the social-services intake of the child’s municipality. File a report of concern if the child may be at risk.',
        };
  return {
    id: view.id,
    raisedAt: view.raisedAt,
    firstResponseDueAt: view.firstResponseDueAt,
    recipient: view.recipient,
    recipientWithheld: view.recipientWithheld,
    message,
  };
}

/**
 * The basis on which the concern may reach the recipient's agency (ACCESS.md,
 * Writes): nothing crosses within one agency; the family asked themselves; an
 * active consent lets the recipient's unit or agency receive `concern`; or a
 * basis the raiser states. Otherwise refused, saying which consent is missing.
 */
async function sharingBasisFor(
  tx: Queryable,
  owningUnitId: string,
  recipient: Pick<RecipientCandidate, 'unit_id' | 'agency_type' | 'organisation_id'>,
  input: RaiseConcernInput,
  consents: readonly ConsentFacts[],
  today: string,
): Promise<{ basis: SharingBasis; reference: string | null } | Refusal> {
  const [own] = await queryRows<{ agency_type: AgencyType; organisation_id: string }>(
    tx,
    sql`SELECT agency_type, organisation_id FROM units WHERE id = ${owningUnitId}::uuid`,
  );
  if (own && own.agency_type === recipient.agency_type && own.organisation_id === recipient.organisation_id) {
    return { basis: 'own_agency', reference: null };
  }
  if (input.source !== 'professional') return { basis: 'family_request', reference: null };
  const covering = consents.find(
    (k) => consentState(k, today) === 'active' && consentCovers(k, { unitId: recipient.unit_id, agencyType: recipient.agency_type }, 'concern'),
  );
  if (covering) return { basis: 'consent', reference: covering.id };
  if (input.sharingBasis) return { basis: input.sharingBasis.kind, reference: input.sharingBasis.reference };
  if (!('staff_id' in recipient)) {
    return refuse(
      new AppError('consent_missing', {
        message: {
          sv: 'Barnet har ingen barnkontakt och ingen enhet där någon kan ta emot oron, så den går till socialtjänstens mottagning i barnets kommun – och inget aktivt samtycke låter socialtjänsten ta emot en oro (kategori "concern"). Be vårdnadshavarna om samtycke, registrera oron som barnets eller vårdnadshavarens egen begäran, ange en annan grund – eller gör en orosanmälan om barnet kan fara illa.',
          en: 'The child has no named person and no unit where someone can receive the concern, so it goes to the social-services intake of the child’s municipality – and no active consent lets social services receive a concern (category "concern"). Ask the guardians for consent, record the concern as the child’s or guardian’s own request, state another basis – or file a report of concern if the child may be at risk.',
        },
        details: { field: 'sharingBasis', recipientAgencyType: recipient.agency_type, category: 'concern' },
      }),
    );
  }
  return refuse(
    new AppError('consent_missing', {
      message: {
        sv: `Barnkontakten arbetar i en annan verksamhet (${recipient.agency_type}), och inget aktivt samtycke låter den ta emot en oro (kategori "concern"). Be vårdnadshavarna om samtycke, registrera oron som barnets eller vårdnadshavarens egen begäran, ange en annan grund – eller gör en orosanmälan till socialtjänsten om barnet kan fara illa.`,
        en: `The named person works in another agency (${recipient.agency_type}), and no active consent lets it receive a concern (category "concern"). Ask the guardians for consent, record the concern as the child's or guardian's own request, state another basis – or file a report of concern to social services if the child may be at risk.`,
      },
      details: { field: 'sharingBasis', recipientAgencyType: recipient.agency_type, category: 'concern' },
    }),
  );
}

// ── Reading ─────────────────────────────────────────────────────────────────

/** One concern: the whole of it under the access rules, the status view for its raiser, 404 for anyone else. */
export async function getConcern(options: { db: Db; actor: Actor; concernId: string }): Promise<ConcernViewJson> {
  const { db, actor, concernId } = options;
  return runUseCase(db, async (tx) => {
    const [row] = await queryRows<ConcernRow>(tx, sql`${concernSelect} WHERE cn.id = ${concernId}::uuid`);
    const decided = row ? await decide(tx, actor, row) : null;
    if (!row || !decided) {
      await recordAuditEvent(tx, {
        actor,
        action: 'concern.read',
        outcome: 'denied',
        childId: row?.child_id ?? null,
        municipalityId: row?.municipality_id ?? null,
        resourceType: 'concern',
        resourceId: concernId,
      });
      return refuse(new AppError('not_found'));
    }
    await recordAuditEvent(tx, {
      actor,
      action: 'concern.read',
      outcome: 'allowed',
      childId: row.child_id,
      municipalityId: row.municipality_id,
      resourceType: 'concern',
      resourceId: concernId,
      details: { basis: decided.decision.basis, view: decided.item.view },
    });
    const [view] = await present(tx, [decided.item], new Date());
    return view!;
  });
}

function encodeCursor(id: string): string {
  return Buffer.from(`c1:${id}`).toString('base64url');
}

function decodeCursor(raw: string): string {
  const text = Buffer.from(raw, 'base64url').toString('utf8');
  const match = /^c1:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(text);
  if (!match) throw new AppError('invalid_cursor');
  return match[1]!;
}

/** Most urgent first, then oldest first: the inbox order (a keyset; a column list, not a row). */
function sortKeySql(alias: string): SQL {
  const a = sql.raw(alias);
  const ranks = CONCERN_URGENCIES.map((u, i) => `WHEN '${u}' THEN ${i}`).join(' ');
  return sql`CASE ${a}.urgency ${sql.raw(ranks)} END, ${a}.raised_at, ${a}.id`;
}

/**
 * The actor's inbox – concerns sent to them and any other they may read
 * (scoped in SQL by `concernReadableSql`) – or with `mine`, the concerns they
 * raised (the status view where they may not read the whole). Most urgent
 * first, then oldest first.
 */
export async function listConcerns(options: {
  db: Db;
  actor: Actor;
  status?: ConcernStatus | 'open';
  mine?: boolean;
  limit?: number;
  cursor?: string;
}): Promise<{ items: ConcernViewJson[]; nextCursor: string | null }> {
  const { db, actor } = options;
  const limit = Math.min(Math.max(options.limit ?? 50, 1), MAX_PAGE_SIZE);
  const cursorId = options.cursor ? decodeCursor(options.cursor) : null;
  const mine = options.mine ?? false;
  return runUseCase(db, async (tx) => {
    const at = accessTimeNow();
    const readable = concernReadableSql(actor, 'cn', at);
    const scope = mine ? sql`cn.raised_by = ${actor.staffId}::uuid` : readable;
    const status =
      options.status === undefined
        ? sql`TRUE`
        : options.status === 'open'
          ? sql`cn.status <> 'closed'`
          : sql`cn.status = ${options.status}`;
    const after = cursorId
      ? sql`(${sortKeySql('cn')}) > (SELECT ${sortKeySql('cc')} FROM concerns cc WHERE cc.id = ${cursorId}::uuid)`
      : sql`TRUE`;
    const rows = await queryRows<ConcernRow & { readable: boolean }>(
      tx,
      sql`SELECT q.* FROM (${concernSelect}) q WHERE q.id IN (
            SELECT cn.id FROM concerns cn WHERE ${scope} AND ${status} AND ${after}
             ORDER BY ${sortKeySql('cn')} LIMIT ${limit + 1})`,
    );
    // Re-decide each row with the pure rules (the SQL only scoped the page) on the facts of every child on
    // the page, loaded in one query; keep the SQL order.
    const facts = await loadChildrenAccess(tx, rows.map((r) => r.child_id), at);
    const decidedRows: (Presentable & { childId: string })[] = [];
    for (const row of rows) {
      const decided = decideWith(actor, row, facts.get(row.child_id));
      if (decided) decidedRows.push({ ...decided.item, childId: row.child_id });
    }
    const rank = (r: ConcernRow) => CONCERN_URGENCIES.indexOf(r.urgency);
    decidedRows.sort(
      (a, b) =>
        rank(a.row) - rank(b.row) ||
        new Date(a.row.raised_at).getTime() - new Date(b.row.raised_at).getTime() ||
        (a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0),
    );
    const page = decidedRows.slice(0, limit);
    await recordAuditEvent(tx, {
      actor,
      action: 'concern.list',
      outcome: 'allowed',
      // Only children whose concern the actor read in full; the raiser's status view shows no child data.
      childIds: page.filter((p) => p.view === 'full').map((p) => p.childId),
      resourceType: 'concern',
      details: { mine, status: options.status ?? null, concernIds: page.map((p) => p.row.id), page: cursorId ? 'next' : 'first' },
    });
    const last = page[page.length - 1];
    return {
      items: await present(tx, page, at.now),
      nextCursor: rows.length > limit && last ? encodeCursor(last.row.id) : null,
    };
  });
}

// ── Acting ──────────────────────────────────────────────────────────────────

export type ConcernActionInput = {
  kind: ConcernActionKind;
  note?: string;
  reportOfConcernId?: string;
  report?: { description: string; immediateDanger?: boolean };
};

const TRANSITION_MESSAGES: Record<'closed' | 'already_acknowledged', LocalizedText> = {
  closed: { sv: 'Oron är redan avslutad – inget mer kan registreras på den.', en: 'The concern is already closed – nothing more can be recorded on it.' },
  already_acknowledged: { sv: 'Oron är redan kvitterad.', en: 'The concern has already been acknowledged.' },
};

/**
 * The named person the concern was sent to records a step. Others who may
 * read the concern get 403; anyone else 404. A `mandatory_report` files a new
 * report of concern to social services in the same transaction, or links one
 * the actor already filed for this child.
 */
export async function recordConcernAction(options: {
  db: Db;
  actor: Actor;
  concernId: string;
  input: ConcernActionInput;
}): Promise<ConcernFullView> {
  const { db, actor, concernId, input } = options;
  return runUseCase(db, async (tx: Tx) => {
    const [locked] = await queryRows<{ id: string }>(tx, sql`SELECT id FROM concerns WHERE id = ${concernId}::uuid FOR UPDATE`);
    const [row] = locked ? await queryRows<ConcernRow>(tx, sql`${concernSelect} WHERE cn.id = ${concernId}::uuid`) : [];
    const decided = row ? await decide(tx, actor, row) : null;
    const audit = (outcome: 'allowed' | 'denied', details: Record<string, unknown>) =>
      recordAuditEvent(tx, {
        actor,
        action: 'concern.action',
        outcome,
        childId: row?.child_id ?? null,
        municipalityId: row?.municipality_id ?? null,
        resourceType: 'concern',
        resourceId: concernId,
        details: { kind: input.kind, ...details },
      });
    if (!row || !decided) {
      await audit('denied', {});
      return refuse(new AppError('not_found'));
    }
    if (!decided.item.canAct) {
      await audit('denied', { reason: 'not_recipient' });
      return refuse(
        new AppError('forbidden', {
          message: {
            sv: 'Bara den barnkontakt som oron skickades till registrerar vad som görs.',
            en: 'Only the named person the concern was sent to records what is done.',
          },
        }),
      );
    }
    const transition = applyConcernAction(row.status, input.kind);
    if (!transition.ok) {
      return refuse(new AppError('concern_action_not_possible', { message: TRANSITION_MESSAGES[transition.reason], details: { status: row.status, kind: input.kind } }));
    }

    let reportOfConcernId: string | null = null;
    if (input.kind === 'mandatory_report') {
      if (input.reportOfConcernId) {
        const [report] = await queryRows<{ id: string }>(
          tx,
          sql`SELECT id FROM reports_of_concern WHERE id = ${input.reportOfConcernId}::uuid
                 AND reporter_id = ${actor.staffId}::uuid AND (child_id = ${row.child_id}::uuid OR personnummer = ${row.personnummer})`,
        );
        if (!report) {
          throw new AppError('validation_failed', {
            message: {
              sv: 'Orosanmälan hittades inte bland dina anmälningar om det här barnet.',
              en: 'The report of concern is not among the reports you filed about this child.',
            },
            details: { field: 'reportOfConcernId' },
          });
        }
        reportOfConcernId = report.id;
      } else if (input.report) {
        const filed = await fileReportInTransaction(tx, actor, {
          personnummer: row.personnummer,
          description: input.report.description,
          immediateDanger: input.report.immediateDanger,
        });
        if ('error' in filed) return filed;
        reportOfConcernId = filed.id;
      }
    }

    const now = new Date();
    const [created] = await tx
      .insert(concernActions)
      .values({
        municipalityId: row.municipality_id,
        concernId,
        kind: input.kind,
        note: input.note?.trim() || null,
        reportOfConcernId,
        actorId: actor.staffId,
        actorUnitId: actor.primaryUnitId,
        at: now,
      })
      .returning({ id: concernActions.id });
    await tx.execute(sql`UPDATE concerns SET status = ${transition.status},
             acknowledged_at = coalesce(acknowledged_at, ${now.toISOString()}::timestamptz),
             first_response_at = coalesce(first_response_at, ${now.toISOString()}::timestamptz),
             closed_at = ${transition.status === 'closed' ? sql`${now.toISOString()}::timestamptz` : sql`closed_at`}
           WHERE id = ${concernId}::uuid`);
    await audit('allowed', {
      actionId: created!.id,
      from: row.status,
      to: transition.status,
      firstResponse: transition.firstResponse,
      reportOfConcernId,
    });
    const [updated] = await queryRows<ConcernRow>(tx, sql`${concernSelect} WHERE cn.id = ${concernId}::uuid`);
    const [view] = await present(tx, [{ ...decided.item, row: updated! }], now);
    return view as ConcernFullView;
  });
}

// ── Following the named person ─────────────────────────────────────────────

/** A change of the child's named person, from one professional to another. */
export type NamedPersonChange = { childId: string; fromStaffId: string; toStaffId: string; toUnitId: string };

/**
 * When the named person changes, open concerns sent to the old one move to
 * the new one, inside the caller's transaction: the recipient is updated, a
 * `forwarded` entry (actor: `actor`, null for the daily job) goes into each
 * concern's history, and one `concern.forward` audit event names the concerns.
 * A concern whose sharing basis would not hold for the new named person's
 * agency (`forwardingBasis`) stays with the old recipient and is named in the
 * audit event as kept. A change to no one (declined, aged out) is not passed
 * here: the old recipient keeps the concern. Returns the forwarded ids.
 */
export async function forwardOpenConcerns(
  tx: Queryable,
  changes: readonly NamedPersonChange[],
  actor: Actor | null,
): Promise<string[]> {
  const moves = changes.filter((c) => c.fromStaffId !== c.toStaffId);
  if (moves.length === 0) return [];
  const open = await queryRows<{
    id: string;
    child_id: string;
    municipality_id: string;
    recipient_staff_id: string;
    sharing_basis: SharingBasis | null;
    agency_type: AgencyType;
    organisation_id: string;
  }>(
    tx,
    sql`SELECT cn.id, cn.child_id, cn.municipality_id, cn.recipient_staff_id, cn.sharing_basis, ou.agency_type, ou.organisation_id
          FROM concerns cn JOIN units ou ON ou.id = cn.owning_unit_id
          JOIN json_to_recordset(${JSON.stringify(moves.map((m) => ({ child_id: m.childId, from_staff_id: m.fromStaffId })))}::json)
            AS m(child_id uuid, from_staff_id uuid) ON m.child_id = cn.child_id AND m.from_staff_id = cn.recipient_staff_id
         WHERE cn.status <> 'closed'
         ORDER BY cn.id
         FOR UPDATE OF cn`,
  );
  if (open.length === 0) return [];
  const moveOf = new Map(moves.map((m) => [`${m.childId}|${m.fromStaffId}`, m]));
  const targetUnits = new Map(
    (
      await queryRows<{ id: string; agency_type: AgencyType; organisation_id: string }>(
        tx,
        sql`SELECT id, agency_type, organisation_id FROM units WHERE id = ANY(${`{${[...new Set(moves.map((m) => m.toUnitId))].join(',')}}`}::uuid[])`,
      )
    ).map((u) => [u.id, u]),
  );
  const at = accessTimeNow();
  const facts = await loadChildrenAccess(tx, open.map((c) => c.child_id), at);
  const forwarded: { id: string; municipality_id: string; from: string; to: string; to_unit: string; basis: SharingBasis | null; reference: string | null; keep: boolean }[] = [];
  const kept: string[] = [];
  for (const c of open) {
    const move = moveOf.get(`${c.child_id}|${c.recipient_staff_id}`)!;
    const unit = targetUnits.get(move.toUnitId);
    if (!unit) {
      kept.push(c.id);
      continue;
    }
    const to = { unitId: unit.id, agencyType: unit.agency_type };
    const covering = (facts.get(c.child_id)?.consents ?? []).find((k) => consentState(k, at.today) === 'active' && consentCovers(k, to, 'concern'));
    const basis = forwardingBasis(
      { sharingBasis: c.sharing_basis, owning: { agencyType: c.agency_type, organisationId: c.organisation_id } },
      { agencyType: unit.agency_type, organisationId: unit.organisation_id },
      covering?.id ?? null,
    );
    if (basis === null) {
      kept.push(c.id);
      continue;
    }
    forwarded.push({
      id: c.id,
      municipality_id: c.municipality_id,
      from: move.fromStaffId,
      to: move.toStaffId,
      to_unit: move.toUnitId,
      basis: basis === 'keep_reference' ? null : basis.basis,
      reference: basis === 'keep_reference' ? null : basis.reference,
      keep: basis === 'keep_reference',
    });
  }
  if (forwarded.length > 0) {
    const data = sql`json_to_recordset(${JSON.stringify(forwarded)}::json)
      AS f(id uuid, municipality_id uuid, "from" uuid, "to" uuid, to_unit uuid, basis text, reference text, keep boolean)`;
    await tx.execute(sql`UPDATE concerns cn
         SET recipient_staff_id = f."to", recipient_unit_id = f.to_unit, recipient_kind = 'named_person',
             sharing_basis = CASE WHEN f.keep THEN cn.sharing_basis ELSE f.basis END,
             sharing_reference = CASE WHEN f.keep THEN cn.sharing_reference ELSE f.reference END
        FROM ${data} WHERE cn.id = f.id`);
    await tx.execute(sql`INSERT INTO concern_actions (municipality_id, concern_id, kind, from_staff_id, to_staff_id, actor_id, actor_unit_id, at)
      SELECT f.municipality_id, f.id, 'forwarded', f."from", f."to", ${actor?.staffId ?? null}::uuid, ${actor?.primaryUnitId ?? null}::uuid, now()
        FROM ${data}`);
  }
  await recordAuditEvent(tx, {
    actor,
    action: 'concern.forward',
    outcome: 'allowed',
    childIds: [...new Set(open.map((c) => c.child_id))],
    resourceType: 'concern',
    details: {
      concernIds: forwarded.map((f) => f.id),
      moves: forwarded.map((f) => ({ concernId: f.id, fromStaffId: f.from, toStaffId: f.to })),
      // Stayed with the old recipient: the sharing basis does not reach the new named person's agency.
      keptConcernIds: kept,
    },
  });
  return forwarded.map((f) => f.id);
}

// ── The form ────────────────────────────────────────────────────────────────

function deadlineText(urgency: ConcernUrgency): LocalizedText {
  const rule = FIRST_RESPONSE_DEADLINES[urgency];
  if ('hours' in rule) return { sv: `inom ${rule.hours} timmar`, en: `within ${rule.hours} hours` };
  return rule.workingDays === 1
    ? { sv: 'inom 1 arbetsdag', en: 'within 1 working day' }
    : { sv: `inom ${rule.workingDays} arbetsdagar`, en: `within ${rule.workingDays} working days` };
}

/** The profile of the actor's own municipality (their primary unit's), or the national default. */
async function actorProfile(db: Queryable, actor: Actor): Promise<ModelProfile> {
  const municipalityId = actor.roles.find((r) => r.unitId === actor.primaryUnitId)?.municipalityId ?? actor.roles[0]?.municipalityId;
  return municipalityId ? profileOf(db, municipalityId) : loadProfile(db, null);
}

/**
 * What the "raise a concern" form needs: the five questions, urgencies with
 * deadlines, sources, and the wellbeing indicators – of the child's profile
 * when a child is given (by id, or by personal identity number in a POST body)
 * that the actor can see; otherwise of the actor's own municipality's profile.
 * A child the actor cannot see – or one that does not exist – is answered
 * exactly as no child at all, so the form never reveals whether it exists or
 * where it lives; `raiseConcern` then accepts the offered keys as well.
 */
export async function concernForm(options: { db: Db; actor: Actor; childId?: string; personnummer?: string }) {
  const { db, actor } = options;
  let normalized: string | null = null;
  if (options.personnummer !== undefined) {
    const parsed = parsePersonnummer(options.personnummer);
    if (!parsed.ok) throw new AppError('invalid_personnummer', { message: personnummerErrorMessage(parsed.reason) });
    normalized = parsed.value.normalized;
  }
  const { profile, indicatorsFrom } = await runUseCase(db, async (tx) => {
    let childId = options.childId ?? null;
    if (normalized !== null) {
      const [found] = await queryRows<{ id: string }>(tx, sql`SELECT id FROM children WHERE personnummer = ${normalized}`);
      childId = found?.id ?? null;
    }
    const child = childId ? await loadChildAccess(tx, childId) : null;
    // Only where the actor may also see where the child lives: a profile is the municipality's.
    if (child && canReadBasicRecord(actor, child.facts).allowed && canSeeProtectedIdentity(actor, child.facts)) {
      await recordAuditEvent(tx, {
        actor,
        action: 'concern.form',
        outcome: 'allowed',
        childId: child.row.id,
        municipalityId: child.row.municipality_id,
        resourceType: 'child',
        resourceId: child.row.id,
      });
      return { profile: await profileOf(tx, child.row.municipality_id), indicatorsFrom: 'child' as const };
    }
    if (childId !== null || normalized !== null) {
      // Asked about a child the actor may not see (or none): audited as denied, answered as if no child was given.
      await recordAuditEvent(tx, {
        actor,
        action: 'concern.form',
        outcome: 'denied',
        childId: child?.row.id ?? null,
        municipalityId: child?.row.municipality_id ?? null,
        details: { byPersonnummer: normalized !== null },
      });
    }
    return { profile: await actorProfile(tx, actor), indicatorsFrom: 'your_municipality' as const };
  });
  return {
    indicatorsFrom,
    questions: FIVE_QUESTION_KEYS.map((key) => ({ key, text: FIVE_QUESTIONS[key] })),
    urgencies: CONCERN_URGENCIES.map((key) => ({ key, firstResponse: deadlineText(key) })),
    sources: ['professional', 'child', 'guardian'] as ConcernSource[],
    indicators: profile.wellbeing.indicators.map((i) => ({ key: i.key, name: i.name, description: i.description })),
  };
}
