/**
 * Consent for one child: recorded with every guardian with custody and the
 * child's own view, scoped to recipients, categories, purposes and a period,
 * withdrawable by any party with effect on the very next request. History is
 * never deleted.
 */
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../db/client.ts';
import { uuidArray } from '../db/queries/access.ts';
import { consentParties, consents } from '../db/schema/index.ts';
import { type Actor, canManageConsent, canReadBasicRecord } from '../domain/access.ts';
import { ageInYears } from '../domain/age.ts';
import {
  CATEGORY_NAMES,
  type ConsentPurpose,
  type ConsentState,
  childConsentRequired,
  consentState,
  DEFAULT_CONSENT_MONTHS,
  type InformationCategory,
} from '../domain/consent.ts';
import { addDays } from '../domain/dates.ts';
import { AppError } from '../domain/errors.ts';
import { AGENCY_NAMES, type AgencyType, type LocalizedText } from '../domain/types.ts';
import { accessTimeNow, loadChildAccess } from './access-facts.ts';
import { recordAuditEvent } from './audit.ts';
import { loadProfile } from './profiles.ts';
import { refuse, runUseCase } from './use-case.ts';

export type RecordConsentInput = {
  guardians: { guardianId: string; decision: 'given' | 'unreachable'; reason?: string | null }[];
  recipientUnitIds: string[];
  recipientAgencyTypes: AgencyType[];
  categories: InformationCategory[];
  purposes: ConsentPurpose[];
  validFrom?: string;
  validTo?: string;
  form: 'written' | 'oral';
  childView: string;
  childDecision: 'given' | 'declined' | 'not_asked';
  maturityAssessed?: boolean;
  unreachableResolution?: string | null;
};

function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return addDays(target.toISOString().slice(0, 10), -1);
}

const invalid = (sv: string, en: string, field: string) =>
  new AppError('validation_failed', { message: { sv, en }, details: { field } });

/** Records a consent. Every guardian with custody must be accounted for; the child's own view always. */
export async function recordConsent(options: { db: Db; actor: Actor; childId: string; input: RecordConsentInput }) {
  const { db, actor, childId, input } = options;
  return runUseCase(db, async (tx) => {
    const at = accessTimeNow();
    const child = await loadChildAccess(tx, childId, at);
    const visible = child ? canReadBasicRecord(actor, child.facts) : ({ allowed: false } as const);
    if (!child || !visible.allowed) {
      await recordAuditEvent(tx, { actor, action: 'consent.record', outcome: 'denied', childId: child ? childId : null, resourceType: 'consent' });
      return refuse(new AppError('not_found'));
    }
    if (!canManageConsent(actor, child.facts).allowed) {
      await recordAuditEvent(tx, { actor, action: 'consent.record', outcome: 'denied', childId, municipalityId: child.row.municipality_id, resourceType: 'consent' });
      return refuse(new AppError('forbidden'));
    }

    const validFrom = input.validFrom ?? at.today;
    const validTo = input.validTo ?? addMonths(validFrom, DEFAULT_CONSENT_MONTHS);
    if (validTo < validFrom) {
      return refuse(invalid('Slutdatum ligger före startdatum.', 'The end date is before the start date.', 'validTo'));
    }
    if (input.recipientUnitIds.length === 0 && input.recipientAgencyTypes.length === 0) {
      return refuse(invalid('Ange minst en mottagare.', 'Name at least one recipient.', 'recipients'));
    }

    // Every guardian with custody: consented, or unreachable with a reason. Nobody else.
    const custody = await queryRows<{ guardian_id: string; given_name: string; family_name: string }>(
      tx,
      sql`SELECT gs.guardian_id, g.given_name, g.family_name FROM guardianships gs JOIN guardians g ON g.id = gs.guardian_id
           WHERE gs.child_id = ${childId}::uuid AND gs.custody`,
    );
    const listed = new Map(input.guardians.map((g) => [g.guardianId, g]));
    const strangers = input.guardians.filter((g) => !custody.some((c) => c.guardian_id === g.guardianId));
    if (strangers.length > 0) {
      return refuse(
        invalid(
          'En angiven vårdnadshavare har inte vårdnad om barnet.',
          'A listed guardian does not have custody of the child.',
          'guardians',
        ),
      );
    }
    const missing = custody.filter((c) => !listed.has(c.guardian_id));
    if (missing.length > 0) {
      const names = child.facts.protectedIdentity ? '' : ` (${missing.map((m) => `${m.given_name} ${m.family_name}`).join(', ')})`;
      const base = new AppError('consent_incomplete').userMessage;
      return refuse(
        new AppError('consent_incomplete', {
          message: { sv: `${base.sv}${names}`, en: `${base.en}${names}` },
          details: { missingGuardianIds: missing.map((m) => m.guardian_id) },
        }),
      );
    }
    if (input.guardians.some((g) => g.decision === 'unreachable' && !g.reason?.trim())) {
      return refuse(
        invalid('Ange skälet till att vårdnadshavaren inte kan nås.', 'Give the reason the guardian cannot be reached.', 'guardians.reason'),
      );
    }

    const [municipality] = await queryRows<{ model_profile_key: string | null }>(
      tx,
      sql`SELECT model_profile_key FROM organisations WHERE id = ${child.row.municipality_id}::uuid`,
    );
    const profile = await loadProfile(tx, municipality?.model_profile_key);
    const childAge = ageInYears(child.row.birth_date, at.today);
    const required = childConsentRequired(childAge, profile.childConsentAge, input.maturityAssessed ?? false);
    if (required && input.childDecision === 'not_asked') return refuse(new AppError('child_consent_required'));

    if (input.recipientUnitIds.length > 0) {
      const [{ known } = { known: 0 }] = await queryRows<{ known: number }>(
        tx,
        sql`SELECT count(*)::int AS known FROM units WHERE id = ANY(${uuidArray(input.recipientUnitIds)})`,
      );
      if (known !== new Set(input.recipientUnitIds).size) {
        return refuse(invalid('En mottagande enhet finns inte.', 'A receiving unit does not exist.', 'recipientUnitIds'));
      }
    }

    const [created] = await tx
      .insert(consents)
      .values({
        municipalityId: child.row.municipality_id,
        childId,
        recipientUnitIds: [...new Set(input.recipientUnitIds)],
        recipientAgencyTypes: [...new Set(input.recipientAgencyTypes)],
        categories: [...new Set(input.categories)],
        purposes: [...new Set(input.purposes)],
        validFrom,
        validTo,
        form: input.form,
        childView: input.childView.trim(),
        childAge,
        childConsentRequired: required,
        childDecision: input.childDecision,
        unreachableResolution: input.unreachableResolution?.trim() || null,
        recordedBy: actor.staffId,
      })
      .returning({ id: consents.id });
    await tx.insert(consentParties).values(
      input.guardians.map((g) => ({
        consentId: created!.id,
        guardianId: g.guardianId,
        municipalityId: child.row.municipality_id,
        decision: g.decision,
        reason: g.reason?.trim() || null,
      })),
    );
    await recordAuditEvent(tx, {
      actor,
      action: 'consent.record',
      outcome: 'allowed',
      childId,
      municipalityId: child.row.municipality_id,
      resourceType: 'consent',
      resourceId: created!.id,
      details: { categories: input.categories, agencies: input.recipientAgencyTypes, units: input.recipientUnitIds.length },
    });
    return { id: created!.id };
  });
}

export type ConsentView = {
  id: string;
  state: ConsentState;
  recipients: { unitId: string | null; unitName: string | null; agencyType: AgencyType | null }[];
  categories: InformationCategory[];
  purposes: ConsentPurpose[];
  validFrom: string;
  validTo: string;
  form: 'written' | 'oral';
  childView: string;
  childAge: number;
  childConsentRequired: boolean;
  childDecision: 'given' | 'declined' | 'not_asked';
  parties: { guardianId: string; name: string | null; decision: 'given' | 'unreachable'; reason: string | null; withdrawnAt: string | null }[];
  unreachableResolution: string | null;
  recordedBy: string;
  recordedAt: string;
  withdrawnAt: string | null;
  withdrawnBy: string | null;
  withdrawalNote: string | null;
  summary: LocalizedText;
};

/** The child's consents, newest first, with their state now. Readable by anyone who may read the child's basic record. */
export async function listConsents(options: { db: Db; actor: Actor; childId: string }): Promise<{ items: ConsentView[] }> {
  const { db, actor, childId } = options;
  return runUseCase(db, async (tx) => {
    const at = accessTimeNow();
    const child = await loadChildAccess(tx, childId, at);
    if (!child || !canReadBasicRecord(actor, child.facts).allowed) {
      await recordAuditEvent(tx, { actor, action: 'consent.list', outcome: 'denied', childId: child ? childId : null, resourceType: 'consent' });
      return refuse(new AppError('not_found'));
    }
    const masked = child.facts.protectedIdentity && !(child.facts.namedPersonStaffId === actor.staffId || actor.roles.some((r) => r.canSeeProtected));
    const rows = await queryRows<{
      id: string;
      recipient_unit_ids: string[];
      recipient_agency_types: AgencyType[];
      categories: InformationCategory[];
      purposes: ConsentPurpose[];
      valid_from: string;
      valid_to: string;
      form: 'written' | 'oral';
      child_view: string;
      child_age: number;
      child_consent_required: boolean;
      child_decision: 'given' | 'declined' | 'not_asked';
      unreachable_resolution: string | null;
      recorded_at: Date;
      withdrawn_at: Date | null;
      withdrawn_by: string | null;
      withdrawal_note: string | null;
      recorder: string;
      units: { id: string; name: string }[] | null;
      parties: { guardianId: string; givenName: string; familyName: string; decision: 'given' | 'unreachable'; reason: string | null; withdrawnAt: string | null }[];
    }>(
      tx,
      sql`SELECT k.id, k.recipient_unit_ids, k.recipient_agency_types::text[] AS recipient_agency_types, k.categories::text[] AS categories, k.purposes,
                 k.valid_from::text AS valid_from, k.valid_to::text AS valid_to, k.form, k.child_view, k.child_age,
                 k.child_consent_required, k.child_decision, k.unreachable_resolution, k.recorded_at,
                 k.withdrawn_at, k.withdrawn_by, k.withdrawal_note,
                 s.given_name || ' ' || s.family_name AS recorder,
                 (SELECT json_agg(json_build_object('id', u.id, 'name', u.name)) FROM units u WHERE u.id = ANY(k.recipient_unit_ids)) AS units,
                 (SELECT json_agg(json_build_object('guardianId', p.guardian_id, 'givenName', g.given_name, 'familyName', g.family_name,
                          'decision', p.decision, 'reason', p.reason, 'withdrawnAt', p.withdrawn_at))
                    FROM consent_parties p JOIN guardians g ON g.id = p.guardian_id WHERE p.consent_id = k.id) AS parties
            FROM consents k JOIN staff s ON s.id = k.recorded_by
           WHERE k.child_id = ${childId}::uuid
           ORDER BY k.recorded_at DESC`,
    );
    const byId = new Map(child.consents.map((c) => [c.id, c]));
    const items = rows.map((r): ConsentView => {
      const state = consentState(byId.get(r.id)!, at.today);
      const unitNames = new Map((r.units ?? []).map((u) => [u.id, u.name]));
      const recipients = [
        ...r.recipient_unit_ids.map((id) => ({ unitId: id, unitName: unitNames.get(id) ?? null, agencyType: null })),
        ...r.recipient_agency_types.map((a) => ({ unitId: null, unitName: null, agencyType: a })),
      ];
      return {
        id: r.id,
        state,
        recipients,
        categories: r.categories,
        purposes: r.purposes,
        validFrom: r.valid_from,
        validTo: r.valid_to,
        form: r.form,
        childView: r.child_view,
        childAge: r.child_age,
        childConsentRequired: r.child_consent_required,
        childDecision: r.child_decision,
        parties: (r.parties ?? []).map((p) => ({
          guardianId: p.guardianId,
          name: masked ? null : `${p.givenName} ${p.familyName}`,
          decision: p.decision,
          reason: p.reason,
          withdrawnAt: p.withdrawnAt ? new Date(p.withdrawnAt).toISOString() : null,
        })),
        unreachableResolution: r.unreachable_resolution,
        recordedBy: r.recorder,
        recordedAt: new Date(r.recorded_at).toISOString(),
        withdrawnAt: r.withdrawn_at ? new Date(r.withdrawn_at).toISOString() : null,
        withdrawnBy: r.withdrawn_by,
        withdrawalNote: r.withdrawal_note,
        summary: summarize(recipients, r.categories, r.valid_to, r.parties?.length ?? 0),
      };
    });
    await recordAuditEvent(tx, { actor, action: 'consent.list', outcome: 'allowed', childId, municipalityId: child.row.municipality_id, resourceType: 'consent' });
    return { items };
  });
}

/** "Delas med: socialtjänsten, BUP (skola, välbefinnande) till 2027-03-01 – samtycke från båda vårdnadshavarna". */
function summarize(
  recipients: { unitName: string | null; agencyType: AgencyType | null }[],
  categories: InformationCategory[],
  validTo: string,
  guardians: number,
): LocalizedText {
  const who = (lang: 'sv' | 'en') =>
    recipients.map((r) => (r.agencyType ? AGENCY_NAMES[r.agencyType][lang] : (r.unitName ?? '–'))).join(', ');
  const what = (lang: 'sv' | 'en') => categories.map((c) => CATEGORY_NAMES[c][lang]).join(', ');
  const from = { sv: guardians === 2 ? 'båda vårdnadshavarna' : guardians === 1 ? 'vårdnadshavaren' : `${guardians} vårdnadshavare`, en: guardians === 2 ? 'both guardians' : guardians === 1 ? 'the guardian' : `${guardians} guardians` };
  return {
    sv: `Delas med: ${who('sv')} (${what('sv')}) till ${validTo} – samtycke från ${from.sv}`,
    en: `Shared with: ${who('en')} (${what('en')}) until ${validTo} – consent from ${from.en}`,
  };
}

export type WithdrawConsentInput = { party: { guardianId: string } | { child: true } | { recordedDecision: true }; note: string };

/**
 * Withdraws a consent: by one guardian, by the child, or as a recorded decision.
 * Any professional who may read the child may record a withdrawal (a family may
 * call anyone); it ends the consent for everyone at once.
 */
export async function withdrawConsent(options: { db: Db; actor: Actor; consentId: string; input: WithdrawConsentInput }) {
  const { db, actor, consentId, input } = options;
  return runUseCase(db, async (tx) => {
    const [consent] = await queryRows<{ id: string; child_id: string; withdrawn_at: Date | null }>(
      tx,
      sql`SELECT id, child_id, withdrawn_at FROM consents WHERE id = ${consentId}::uuid FOR UPDATE`,
    );
    const child = consent ? await loadChildAccess(tx, consent.child_id) : null;
    if (!consent || !child || !canReadBasicRecord(actor, child.facts).allowed) {
      await recordAuditEvent(tx, { actor, action: 'consent.withdraw', outcome: 'denied', childId: child?.row.id ?? null, resourceType: 'consent', resourceId: consentId });
      return refuse(new AppError('not_found'));
    }
    if (consent.withdrawn_at) return refuse(new AppError('already_withdrawn'));
    let by: string;
    if ('guardianId' in input.party) {
      const [party] = await queryRows<{ guardian_id: string }>(
        tx,
        sql`UPDATE consent_parties SET withdrawn_at = now()
             WHERE consent_id = ${consentId}::uuid AND guardian_id = ${input.party.guardianId}::uuid RETURNING guardian_id`,
      );
      if (!party) {
        return refuse(invalid('Vårdnadshavaren är inte part i samtycket.', 'The guardian is not a party to this consent.', 'party.guardianId'));
      }
      by = `guardian:${input.party.guardianId}`;
    } else if ('child' in input.party) {
      by = 'child';
    } else {
      by = 'decision';
    }
    await tx.execute(sql`UPDATE consents SET withdrawn_at = now(), withdrawn_by = ${by}, withdrawal_note = ${input.note.trim()},
                                             withdrawal_recorded_by = ${actor.staffId}::uuid
                          WHERE id = ${consentId}::uuid`);
    await recordAuditEvent(tx, {
      actor,
      action: 'consent.withdraw',
      outcome: 'allowed',
      childId: consent.child_id,
      municipalityId: child.row.municipality_id,
      resourceType: 'consent',
      resourceId: consentId,
      details: { by: by.startsWith('guardian') ? 'guardian' : by },
    });
    return { id: consentId, withdrawn: true as const };
  });
}
