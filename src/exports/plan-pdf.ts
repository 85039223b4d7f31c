/**
 * The child's plan as a PDF for the family, in plain language. The order
 * follows the schedule of the Child's Plan (Scotland) Order 2016: when it was
 * made, the child, the parents, the named person and the lead professional,
 * why there is a plan, the assessment, each need with its actions, the views
 * of the child and the parents, disagreements and the review.
 *
 * Pure: formats a `PlanDocument` that the service has already built and
 * masked. Under protected identity (`child.name` null) it prints "Skyddade
 * personuppgifter" and never an address or personal identity number.
 */
import type { PlanDocument, PlanDocumentAction, PlanDocumentPerson } from '../domain/plan-document.ts';
import { COLORS, PdfWriter } from './pdf-writer.ts';
import { ACTION_STATUS_LABELS, formatDate, type Lang, PLAN_STATUS_LABELS, PLAN_TEXT } from './text.ts';

/** Renders the family's PDF of the plan. */
export async function renderPlanPdf(doc: PlanDocument, lang: Lang): Promise<Uint8Array> {
  const t = PLAN_TEXT[lang];
  const date = (value: string) => formatDate(value, lang);
  const identityHidden = doc.child.name === null;
  const w = await PdfWriter.create({
    title: identityHidden ? t.title : `${t.title} – ${doc.child.name}`,
    language: lang === 'sv' ? 'sv-SE' : 'en-GB',
    subject: t.title,
    date: doc.preparedOn,
  });

  // Title, date prepared, version and status.
  w.text(t.title, { size: 24, weight: 'bold', color: COLORS.heading, leading: 1.2, after: 4 });
  w.text([t.prepared(date(doc.preparedOn)), t.version(doc.version), PLAN_STATUS_LABELS[doc.status][lang]].join(' · '), {
    color: COLORS.muted,
    after: doc.isSip ? 2 : 8,
  });
  if (doc.isSip) w.text(t.sipTitleSuffix, { color: COLORS.muted, after: 8 });
  w.text(t.intro(identityHidden ? null : doc.child.givenName ?? doc.child.name), { size: 11.5, after: 6 });
  if (doc.child.protectedIdentity) w.text(t.protectedNotice, { weight: 'bold', color: COLORS.testData, after: 6 });

  // The child.
  w.heading(t.aboutChild, { rule: true });
  if (identityHidden) {
    w.row(t.name, t.protectedIdentity);
    w.row(t.dateOfBirth, date(doc.child.dateOfBirth));
  } else {
    w.row(t.name, doc.child.name ?? '');
    w.row(t.dateOfBirth, date(doc.child.dateOfBirth));
    if (doc.child.address) w.row(t.address, doc.child.address);
    if (doc.child.personnummer) w.row(t.personnummer, doc.child.personnummer);
  }

  // Parents and carers.
  w.heading(t.guardians, { rule: true });
  if (doc.guardians.length === 0) w.text(t.noGuardians);
  for (const guardian of doc.guardians) {
    if (guardian.name) w.row(guardian.name, guardian.phone ? `${t.phone} ${guardian.phone}` : '–');
  }
  const hiddenGuardians = doc.guardians.filter((g) => !g.name).length;
  if (hiddenGuardians > 0) w.text(t.guardiansHidden(hiddenGuardians));

  // Named person and lead professional.
  w.heading(t.whoToContact, { rule: true });
  personBlock(w, t.namedPerson, t.namedPersonExplained, doc.namedPerson, t.noNamedPerson, lang);
  personBlock(w, t.leadProfessional, t.leadProfessionalExplained, doc.leadProfessional, t.noLeadProfessional, lang);
  const others = doc.team.filter((p) => p.staffId !== doc.namedPerson?.staffId && p.staffId !== doc.leadProfessional?.staffId);
  if (others.length > 0) {
    w.text(t.team, { weight: 'bold', after: 2 });
    for (const person of others) w.row(person.name, personDetails(person, lang));
  }

  // Why the plan exists, and the assessment.
  w.heading(t.why, { rule: true });
  w.text(doc.content.reason);
  w.heading(t.assessment, { rule: true });
  w.text(doc.content.assessmentSummary ?? t.noAssessment);
  if (doc.assessment && doc.assessment.ratings.length > 0) {
    w.text(t.assessmentOn(date(doc.assessment.assessedOn), doc.profile.scaleMin, doc.profile.scaleMax), { color: COLORS.muted, after: 2 });
    for (const rating of doc.assessment.ratings) {
      const parts: string[] = [];
      if (rating.child !== null) parts.push(`${t.ratingChild} ${rating.child}`);
      if (rating.guardians !== null) parts.push(`${t.ratingGuardians} ${rating.guardians}`);
      if (rating.professional !== null) parts.push(`${t.ratingProfessional} ${rating.professional}`);
      const line = parts.length > 0 ? t.ratingLine(parts) : '–';
      w.row(rating.indicatorName[lang], rating.note ? `${line}. ${rating.note}` : line);
    }
  }

  // Each need with its actions.
  w.heading(t.needs, { rule: true });
  if (doc.content.needs.length === 0) w.text(t.noNeeds);
  doc.content.needs.forEach((need, index) => {
    w.heading(t.needHeading(index + 1, need.indicatorName[lang]), { size: 12, before: 6 });
    w.row(t.need, need.need);
    w.row(t.desiredOutcome, need.desiredOutcome);
    w.row(t.evidence, need.evidence);
    // Keep the "what we will do" label with the first action.
    w.ensure(w.measure(t.actions, { weight: 'bold' }) + 80);
    w.text(t.actions, { weight: 'bold', after: 3 });
    if (need.actions.length === 0) w.text(t.noActions, { indent: 12 });
    for (const action of need.actions) actionBlock(w, action, lang);
  });

  // Views, disagreements, review.
  w.heading(t.childView, { rule: true });
  viewText(w, doc.content.childView, lang);
  w.heading(t.guardiansView, { rule: true });
  viewText(w, doc.content.guardiansView, lang);
  w.heading(t.disagreements, { rule: true });
  w.text(doc.content.disagreements ?? t.noDisagreements);
  w.heading(t.review, { rule: true });
  w.text(t.reviewOn(date(doc.content.reviewDate)), { weight: 'bold' });
  if (doc.reviews.length > 0) {
    w.text(t.earlierReviews, { weight: 'bold', after: 2 });
    for (const review of doc.reviews) {
      const outcome = t.reviewOutcome[review.outcome];
      w.row(date(review.reviewedOn), review.comment ? `${outcome}. ${review.comment}` : outcome);
    }
  }

  w.footers({ left: t.footer(doc.version), page: t.page, testData: doc.generatedTestData ? t.testData : null });
  return w.save();
}

/** "Rektor, Solbackens skola, telefon 0470-123 45". */
function personDetails(person: PlanDocumentPerson, lang: Lang): string {
  const t = PLAN_TEXT[lang];
  const parts = [person.title, person.unitName].filter((p): p is string => Boolean(p));
  if (person.phone) parts.push(`${t.phone.toLowerCase()} ${person.phone}`);
  if (person.email) parts.push(person.email);
  return parts.join(', ');
}

function personBlock(w: PdfWriter, role: string, explained: string, person: PlanDocumentPerson | null, none: string, lang: Lang): void {
  w.ensure(60);
  w.text(role, { weight: 'bold', after: 1 });
  if (!person) {
    w.text(none, { indent: 12, after: 6 });
    return;
  }
  w.text(person.name, { indent: 12, after: 1 });
  w.text(personDetails(person, lang), { indent: 12, after: 1 });
  w.text(explained, { indent: 12, color: COLORS.muted, size: 9.5, after: 8 });
}

function actionBlock(w: PdfWriter, action: PlanDocumentAction, lang: Lang): void {
  const t = PLAN_TEXT[lang];
  const responsible = [action.responsibleUnitName, action.responsibleStaffName].filter((p): p is string => Boolean(p)).join(', ');
  // Rows under the bullet text; their values stay in line with the other rows.
  const rowOptions = { indent: 23, labelWidth: 127 };
  const title = action.interventionTitle && action.interventionTitle !== action.description ? `${action.interventionTitle}: ${action.description}` : action.description;
  w.ensure(w.measure(title, { weight: 'bold', indent: 12, bullet: true }) + 50);
  w.text(title, { weight: 'bold', indent: 12, bullet: true, after: 2 });
  w.row(t.responsible, responsible, rowOptions);
  w.row(t.period, t.periodValue(formatDate(action.startDate, lang), formatDate(action.dueDate, lang)), rowOptions);
  w.row(t.status, ACTION_STATUS_LABELS[action.status][lang], rowOptions);
  if (action.comment) w.row(t.comment, action.comment, rowOptions);
  w.space(4);
}

function viewText(w: PdfWriter, view: PlanDocument['content']['childView'], lang: Lang): void {
  const t = PLAN_TEXT[lang];
  if (view.text) w.text(lang === 'sv' ? `”${view.text}”` : `“${view.text}”`, { size: 11.5 });
  else if (view.reasonMissing) w.text(`${t.viewMissing}: ${view.reasonMissing}`);
  else w.text(t.viewNotRecorded, { color: COLORS.muted });
  // Versions saved before the answer to the plan was recorded have none.
  w.text(t.agreement[view.agreement ?? 'none'], { weight: 'bold' });
}
