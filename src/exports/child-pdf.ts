/**
 * The child-friendly version of the plan ("Min plan"): large text, a picture
 * and one short sentence per need, who helps in a few words, who the child can
 * talk to, and the child's own words quoted back.
 *
 * The sentence for a need is the indicator's "I"-statement when the profile
 * has one (Behovskompassen: "Vi vill att du ska kunna säga: ”Jag känner mig
 * trygg.”"), else our sentence for the SHANARRI key ("Vi vill att du ska
 * känna dig trygg."), else a generic one naming the indicator.
 *
 * Pure: formats a `PlanDocument`; never prints address or personal identity
 * number.
 */
import type { PlanDocument, PlanDocumentNeed, PlanDocumentPerson } from '../domain/plan-document.ts';
import { COLORS, PdfWriter } from './pdf-writer.ts';
import { drawPicture, pictureFor } from './pictures.ts';
import { CHILD_INDICATOR_SENTENCES, CHILD_TEXT, formatDate, type Lang } from './text.ts';

const PICTURE = 76;
const TEXT_INDENT = PICTURE + 18;
const BODY = 15;

/** The sentence the child reads for a need. */
export function childSentence(need: Pick<PlanDocumentNeed, 'indicator' | 'indicatorName' | 'indicatorChildStatement'>, lang: Lang): string {
  const t = CHILD_TEXT[lang];
  if (need.indicatorChildStatement) return `${t.wantLead} ${t.quoted(need.indicatorChildStatement[lang])}`;
  const sentence = CHILD_INDICATOR_SENTENCES[need.indicator];
  if (sentence) return sentence[lang];
  return t.generic(need.indicatorName[lang]);
}

/** Renders the child's own PDF of the plan. */
export async function renderChildPdf(doc: PlanDocument, lang: Lang): Promise<Uint8Array> {
  const t = CHILD_TEXT[lang];
  const w = await PdfWriter.create(
    { title: t.title, language: lang === 'sv' ? 'sv-SE' : 'en-GB', subject: t.title, date: doc.preparedOn },
    { bodySize: BODY, footerSpace: 56 },
  );
  const givenName = doc.child.name === null ? null : doc.child.givenName;

  w.text(t.title, { size: 34, weight: 'bold', color: COLORS.heading, leading: 1.15, after: 4 });
  w.text(t.hello(givenName), { size: 22, weight: 'bold', leading: 1.3, after: 6 });
  w.text(t.intro, { size: 16, after: 16 });

  for (const need of doc.content.needs) needBlock(w, need, lang);

  // Who you can talk to.
  w.heading(t.whoToTalkTo, { size: 22, keepWith: 90, before: 12 });
  talkTo(w, t.namedPerson, doc.namedPerson, lang);
  if (doc.leadProfessional && doc.leadProfessional.staffId !== doc.namedPerson?.staffId) {
    talkTo(w, t.leadProfessional, doc.leadProfessional, lang);
  }

  // The child's own words.
  w.heading(t.yourWords, { size: 22, keepWith: 70, before: 12 });
  const view = doc.content.childView.text;
  if (view) quote(w, lang === 'sv' ? `”${view}”` : `“${view}”`);
  else w.text(t.noWords, { size: 16 });
  const answer = doc.content.childView.agreement;
  if (answer) w.text(t.yourAnswer[answer], { size: 16 });

  w.space(10);
  w.text(t.next(formatDate(doc.content.reviewDate, lang)), { size: 16, weight: 'bold' });

  w.footers({ left: t.footer, page: t.page, testData: doc.generatedTestData ? t.testData : null, size: 10 });
  return w.save();
}

function needBlock(w: PdfWriter, need: PlanDocumentNeed, lang: Lang): void {
  const t = CHILD_TEXT[lang];
  const width = w.contentWidth - TEXT_INDENT;
  const sentence = childSentence(need, lang);
  const helpers = need.actions.map((action) => {
    const who = action.responsibleStaffName ?? action.responsibleUnitName;
    return `${t.helps(who)}: ${action.description}`;
  });
  // An "I"-statement is shown on a line of its own, in the child's words.
  const lead = need.indicatorChildStatement ? t.wantLead : null;
  const main = need.indicatorChildStatement ? t.quoted(need.indicatorChildStatement[lang]) : sentence;
  const firstHeight =
    (lead ? w.measure(lead, { size: BODY, width }) : 0) + w.measure(main, { size: 19, weight: 'bold', width, leading: 1.3 }) + 30;
  w.ensure(Math.max(PICTURE, firstHeight) + 12);

  const top = w.y;
  const page = w.page;
  drawPicture(w.page, pictureFor(need.indicator), w.left, top, PICTURE);
  const pictureBottom = top - PICTURE;

  if (lead) w.text(lead, { size: BODY, indent: TEXT_INDENT, width, after: 0 });
  w.text(main, { size: 19, weight: 'bold', indent: TEXT_INDENT, width, leading: 1.3, after: 6 });
  if (helpers.length > 0) {
    w.text(t.whoHelps, { size: 13, weight: 'bold', color: COLORS.muted, indent: TEXT_INDENT, width, after: 2 });
    for (const helper of helpers) {
      w.text(helper, { size: BODY, indent: TEXT_INDENT, width, bullet: true, after: 4 });
    }
  }
  // Continue below the picture when the text was shorter than it (and still on its page).
  if (w.page === page && w.y > pictureBottom) w.y = pictureBottom;
  w.space(18);
}

function talkTo(w: PdfWriter, role: string, person: PlanDocumentPerson | null, lang: Lang): void {
  if (!person) return;
  const t = CHILD_TEXT[lang];
  w.ensure(80);
  w.text(role, { size: 13, weight: 'bold', color: COLORS.muted, after: 0 });
  w.text(person.name, { size: 18, weight: 'bold', after: 0 });
  const details = [person.title, person.unitName].filter((p): p is string => Boolean(p)).join(', ');
  if (details) w.text(details, { size: BODY, after: 0 });
  if (person.phone) w.text(`${t.phone} ${person.phone}`, { size: BODY, after: 0 });
  w.space(12);
}

/** The child's words on a soft panel. */
function quote(w: PdfWriter, text: string): void {
  const size = 17;
  const padding = 12;
  const width = w.contentWidth - 2 * padding;
  const height = w.measure(text, { size, width, leading: 1.35 });
  if (height + 2 * padding < 600) {
    w.ensure(height + 2 * padding);
    w.page.drawRectangle({
      x: w.left,
      y: w.y - height - 2 * padding,
      width: w.contentWidth,
      height: height + 2 * padding,
      color: COLORS.panel,
      borderColor: COLORS.rule,
      borderWidth: 0.75,
    });
  }
  w.space(padding);
  w.text(text, { size, indent: padding, width, leading: 1.35, after: padding + 4 });
}
