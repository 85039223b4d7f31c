/**
 * The plan as a SIP – samordnad individuell plan (2 kap. 7 § SoL, 16 kap. 4 §
 * HSL). The law asks the plan to say: 1. which interventions are needed,
 * 2. which interventions each responsible body (kommun, region) provides,
 * 3. which measures others take, and 4. which body has overall responsibility
 * for the plan. Around those four: the child, the participation and views of
 * the child and the guardians, the consent the plan rests on, and the review.
 *
 * `sipSummary` gathers that content as data (for the API and the web page);
 * `renderSipPdf` prints it. Swedish is the language of the SIP; English is
 * there for reference. Pure.
 */
import { CATEGORY_NAMES } from '../domain/consent.ts';
import type { PlanDocument, PlanDocumentAction } from '../domain/plan-document.ts';
import type { LocalizedText } from '../domain/types.ts';
import { COLORS, PdfWriter } from './pdf-writer.ts';
import {
  ACTION_STATUS_LABELS,
  AGENCY_LABELS,
  CONSENT_PURPOSE_LABELS,
  formatDate,
  labelOf,
  type Lang,
  ORGANISATION_KIND_LABELS,
  PLAN_STATUS_LABELS,
  PLAN_TEXT,
  SIP_TEXT,
} from './text.ts';

export type BodyKind = PlanDocumentAction['responsibleOrganisationKind'];

export type SipIntervention = {
  actionId: string;
  description: string;
  interventionTitle: string | null;
  unitName: string;
  staffName: string | null;
  startDate: string;
  dueDate: string;
  status: PlanDocumentAction['status'];
};

export type SipSummary = {
  /** 1. Which interventions are needed: each need with its goal and interventions. */
  interventionsNeeded: {
    needId: string;
    indicator: string;
    indicatorName: LocalizedText;
    need: string;
    desiredOutcome: string;
    interventions: SipIntervention[];
  }[];
  /** 2. What each responsible body provides: municipality, region, police, then private providers. */
  byResponsibleBody: { organisationName: string; kind: BodyKind; interventions: SipIntervention[] }[];
  /** 3. Measures taken by others than the responsible bodies. */
  otherMeasures: string | null;
  /** 4. The body with overall responsibility; null when not yet decided. */
  overallResponsibility: { kind: 'municipality' | 'region'; name: string | null } | null;
  participation: {
    childView: PlanDocument['content']['childView'];
    guardiansView: PlanDocument['content']['guardiansView'];
    childTookPartInAssessment: boolean | null;
    disagreements: string | null;
  };
  consents: PlanDocument['consents'];
  reviewDate: string;
  leadProfessional: PlanDocument['leadProfessional'];
  isSip: boolean;
};

const KIND_ORDER: Record<BodyKind, number> = { municipality: 0, region: 1, police_authority: 2, private_provider: 3 };

function intervention(action: PlanDocumentAction): SipIntervention {
  return {
    actionId: action.id,
    description: action.description,
    interventionTitle: action.interventionTitle,
    unitName: action.responsibleUnitName,
    staffName: action.responsibleStaffName,
    startDate: action.startDate,
    dueDate: action.dueDate,
    status: action.status,
  };
}

/** The SIP's statutory content, gathered from the plan. */
export function sipSummary(doc: PlanDocument): SipSummary {
  const bodies = new Map<string, { organisationName: string; kind: BodyKind; interventions: SipIntervention[] }>();
  for (const need of doc.content.needs) {
    for (const action of need.actions) {
      const key = `${action.responsibleOrganisationKind}\u0000${action.responsibleOrganisationName}`;
      let body = bodies.get(key);
      if (!body) {
        body = { organisationName: action.responsibleOrganisationName, kind: action.responsibleOrganisationKind, interventions: [] };
        bodies.set(key, body);
      }
      body.interventions.push(intervention(action));
    }
  }
  const overall = doc.content.overallResponsibility;
  return {
    interventionsNeeded: doc.content.needs.map((need) => ({
      needId: need.id,
      indicator: need.indicator,
      indicatorName: need.indicatorName,
      need: need.need,
      desiredOutcome: need.desiredOutcome,
      interventions: need.actions.map(intervention),
    })),
    byResponsibleBody: [...bodies.values()].sort(
      (a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.organisationName.localeCompare(b.organisationName, 'sv'),
    ),
    otherMeasures: doc.content.otherMeasures,
    overallResponsibility: overall ? { kind: overall, name: doc.overallResponsibilityName } : null,
    participation: {
      childView: doc.content.childView,
      guardiansView: doc.content.guardiansView,
      childTookPartInAssessment: doc.assessment ? doc.assessment.childTookPart : null,
      disagreements: doc.content.disagreements,
    },
    consents: doc.consents,
    reviewDate: doc.content.reviewDate,
    leadProfessional: doc.leadProfessional,
    isSip: doc.isSip,
  };
}

/** Renders the SIP as a PDF; Swedish by default. */
export async function renderSipPdf(doc: PlanDocument, lang: Lang = 'sv'): Promise<Uint8Array> {
  const t = SIP_TEXT[lang];
  const p = PLAN_TEXT[lang];
  const date = (value: string) => formatDate(value, lang);
  const summary = sipSummary(doc);
  const w = await PdfWriter.create({
    title: t.title,
    language: lang === 'sv' ? 'sv-SE' : 'en-GB',
    subject: t.title,
    date: doc.preparedOn,
  });

  w.text(t.title, { size: 20, weight: 'bold', color: COLORS.heading, leading: 1.2, after: 2 });
  w.text(t.subtitle, { size: 9, color: COLORS.muted, after: 4 });
  w.text([t.prepared(date(doc.preparedOn)), t.version(doc.version), PLAN_STATUS_LABELS[doc.status][lang]].join(' · '), {
    color: COLORS.muted,
    after: 6,
  });
  if (!doc.isSip) w.text(t.notSipNotice, { color: COLORS.muted, size: 9.5 });

  // The child and the contacts.
  w.heading(t.person, { rule: true });
  if (doc.child.name === null) {
    w.row(p.name, p.protectedIdentity);
    w.row(p.dateOfBirth, date(doc.child.dateOfBirth));
  } else {
    w.row(p.name, doc.child.name);
    if (doc.child.personnummer) w.row(p.personnummer, doc.child.personnummer);
    else w.row(p.dateOfBirth, date(doc.child.dateOfBirth));
    if (doc.child.address) w.row(p.address, doc.child.address);
  }
  for (const guardian of doc.guardians) {
    w.row(p.guardians, [guardian.name ?? p.guardianHidden, guardian.phone].filter(Boolean).join(', '));
  }
  w.heading(t.contacts, { rule: true });
  for (const [label, person] of [
    [p.leadProfessional, doc.leadProfessional],
    [p.namedPerson, doc.namedPerson],
  ] as const) {
    if (person) w.row(label, [person.name, person.title, person.unitName, person.phone].filter(Boolean).join(', '));
  }

  // 1. Interventions needed.
  w.heading(t.interventionsNeeded, { rule: true });
  if (summary.interventionsNeeded.length === 0) w.text(t.noInterventions);
  for (const need of summary.interventionsNeeded) {
    w.text(need.indicatorName[lang], { weight: 'bold', size: 11.5, after: 2 });
    w.row(t.need, need.need);
    w.row(t.goal, need.desiredOutcome);
    for (const item of need.interventions) w.text(describe(item), { indent: 12, bullet: true, after: 2 });
    w.space(6);
  }

  // 2. What each responsible body provides.
  w.heading(t.byBody, { rule: true });
  if (summary.byResponsibleBody.length === 0) w.text(t.noInterventions);
  for (const body of summary.byResponsibleBody) {
    w.text(`${body.organisationName} (${ORGANISATION_KIND_LABELS[body.kind][lang].toLowerCase()})`, { weight: 'bold', size: 11.5, after: 3 });
    for (const item of body.interventions) {
      w.text(describe(item), { indent: 12, bullet: true, after: 1 });
      const who = [item.unitName, item.staffName].filter(Boolean).join(', ');
      w.text(
        `${t.responsiblePerson}: ${who}. ${t.period}: ${date(item.startDate)} – ${date(item.dueDate)}. ${t.status}: ${ACTION_STATUS_LABELS[item.status][lang]}.`,
        { indent: 23, size: 9, color: COLORS.muted, after: 4 },
      );
    }
    w.space(4);
  }

  // 3. Measures by others.
  w.heading(t.otherMeasures, { rule: true });
  w.text(summary.otherMeasures ?? t.noOtherMeasures);

  // 4. Overall responsibility.
  w.heading(t.overall, { rule: true });
  if (summary.overallResponsibility) {
    const kind = ORGANISATION_KIND_LABELS[summary.overallResponsibility.kind][lang];
    w.text(summary.overallResponsibility.name ? `${summary.overallResponsibility.name} (${kind.toLowerCase()})` : kind, { weight: 'bold' });
  } else {
    w.text(t.overallMissing, { weight: 'bold' });
  }

  // Participation and views.
  w.heading(t.participation, { rule: true });
  if (summary.participation.childTookPartInAssessment !== null) {
    w.text(summary.participation.childTookPartInAssessment ? t.childTookPart : t.childDidNotTakePart);
  }
  w.row(p.childView, viewLine(summary.participation.childView, lang));
  w.row(p.guardiansView, viewLine(summary.participation.guardiansView, lang));
  if (summary.participation.disagreements) w.row(p.disagreements, summary.participation.disagreements);

  // Consent.
  w.heading(t.consent, { rule: true, keepWith: 110 });
  if (summary.consents.length === 0) w.text(t.noConsent);
  for (const consent of summary.consents) {
    w.ensure(100); // keep one consent together
    w.text(t.consentLine(consent.form === 'written' ? t.written : t.oral, date(consent.validFrom), date(consent.validTo)), { weight: 'bold', after: 2 });
    w.row(t.consentPurposes, consent.purposes.map((c) => labelOf(CONSENT_PURPOSE_LABELS, c, lang)).join(', '));
    w.row(t.consentCategories, consent.categories.map((c) => labelOf(CATEGORY_NAMES, c, lang)).join(', '));
    const recipients = [...consent.recipientAgencyTypes.map((a) => AGENCY_LABELS[a][lang]), ...consent.recipientUnitNames];
    w.row(t.consentRecipients, recipients.join(', '));
    w.row(t.consentRecorded, date(consent.recordedAt));
    w.space(4);
  }

  // Review.
  w.heading(t.review, { rule: true });
  w.text(t.reviewOn(date(summary.reviewDate)), { weight: 'bold' });

  w.footers({ left: t.footer(doc.version), page: p.page, testData: doc.generatedTestData ? p.testData : null });
  return w.save();
}

function describe(item: SipIntervention): string {
  return item.interventionTitle && item.interventionTitle !== item.description ? `${item.interventionTitle}: ${item.description}` : item.description;
}

function viewLine(view: PlanDocument['content']['childView'], lang: Lang): string {
  const p = PLAN_TEXT[lang];
  const said = view.text ? (lang === 'sv' ? `”${view.text}”` : `“${view.text}”`) : view.reasonMissing ? `${p.viewMissing}: ${view.reasonMissing}` : p.viewNotRecorded;
  return `${said} ${p.agreement[view.agreement ?? 'none']}`;
}
