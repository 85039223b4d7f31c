import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planDocumentFixture } from './fixture.ts';
import { checkEmbeddedFonts, layoutProblems, readPdf } from './pdf-test-support.ts';
import { renderPlanPdf } from './plan-pdf.ts';
import { PLAN_TEXT } from './text.ts';

const ARTEFACTS = new URL('../../test-results/', import.meta.url);

function saveArtefact(name: string, bytes: Uint8Array): void {
  mkdirSync(ARTEFACTS, { recursive: true });
  writeFileSync(new URL(name, ARTEFACTS), bytes);
}

describe('the family PDF of the child’s plan', () => {
  it('prints the whole plan in plain Swedish, in the order of the Child’s Plan schedule, with a test-data footer on every page', async () => {
    const doc = planDocumentFixture();
    const bytes = await renderPlanPdf(doc, 'sv');
    saveArtefact('plan-family-sv.pdf', bytes);

    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const pdf = await readPdf(bytes);
    expect(pdf.title).toBe('Barnets plan – Łucja Ödman Nguyễn');
    expect(pdf.language).toBe('sv-SE');

    // The child, with letters outside Windows-1252, the guardians and the two roles.
    for (const expected of [
      'Łucja Ödman Nguyễn',
      doc.child.personnummer!,
      'Testgatan 12 B, 123 45 Exempelstad',
      '21 september 2014',
      'Karolina Ödman',
      'Văn Minh Nguyễn',
      'Barnkontakt Åsa Lindqvist',
      'Stödsamordnare Jörgen Håkansson',
      'Skriven 12 mars 2025 · Version 3 · Planen gäller',
    ]) {
      expect(pdf.text).toContain(expected);
    }
    // Every need and every action, both views, the review.
    for (const need of doc.content.needs) {
      expect(pdf.text).toContain(need.need);
      expect(pdf.text).toContain(need.desiredOutcome);
      expect(pdf.text).toContain(need.evidence);
      for (const action of need.actions) expect(pdf.text).toContain(action.description);
    }
    expect(pdf.text).toContain(`”${doc.content.childView.text}”`);
    expect(pdf.text).toContain(`”${doc.content.guardiansView.text}”`);
    // Whether they accept the plan (voluntary): the child yes, the guardians yes with reservations.
    expect(pdf.text).toContain(`”${doc.content.childView.text}” Har sagt ja till planen.`);
    expect(pdf.text).toContain(`”${doc.content.guardiansView.text}” Har sagt ja till planen, men inte till allt (se där vi inte är överens).`);
    expect(pdf.text).toContain(doc.content.disagreements!);
    expect(pdf.text).toContain('Vi träffas och går igenom planen igen 10 juni 2025.');
    expect(pdf.text).toContain('Ansvarig BUP Exempelstad, Thị Hương Nguyễn');
    expect(pdf.text).toContain('När 1 april 2025 – klart senast 29 augusti 2025');

    // Schedule order.
    const t = PLAN_TEXT.sv;
    const order = [t.aboutChild, t.guardians, t.whoToContact, t.why, t.assessment, t.needs, t.childView, t.guardiansView, t.disagreements, t.review];
    const positions = order.map((heading) => pdf.text.indexOf(heading));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);

    // No database words.
    for (const word of ['named_person', 'under_review', 'not_done', 'dueDate', 'responsibleUnit', 'null', 'undefined', 'NaN']) {
      expect(pdf.text).not.toContain(word);
    }

    expect(pdf.pageCount).toBeGreaterThanOrEqual(2);
    pdf.footers.forEach((footer, i) => {
      expect(footer).toContain('Testdata – inga verkliga personer');
      expect(footer).toContain(`Sida ${i + 1} av ${pdf.pageCount}`);
    });
    expect(layoutProblems(pdf, 56)).toEqual([]);
    expect(await checkEmbeddedFonts(bytes)).toBe(2);
  });

  it('under protected identity says "Skyddade personuppgifter" and never prints name, address or personal identity number', async () => {
    const doc = planDocumentFixture({ protectedIdentity: true });
    // Even if the service left these in by mistake, the renderer does not print them once the name is masked.
    const full = planDocumentFixture();
    doc.child.address = full.child.address;
    doc.child.personnummer = full.child.personnummer;
    const bytes = await renderPlanPdf(doc, 'sv');
    saveArtefact('plan-family-protected-sv.pdf', bytes);
    const pdf = await readPdf(bytes);

    expect(pdf.text).toContain('Namn Skyddade personuppgifter');
    expect(pdf.text).toContain('Barnet har skyddade personuppgifter.');
    expect(pdf.text).toContain('2 vårdnadshavare. Namnen visas inte här.');
    for (const secret of [full.child.name!, 'Łucja', 'Ödman', full.child.address!, 'Testgatan', full.child.personnummer!, full.child.personnummer!.replace('-', ''), 'Karolina', '070-000 11 11']) {
      expect(pdf.text).not.toContain(secret);
    }
    expect(pdf.title).toBe('Barnets plan');
  });

  it('uses English labels in English', async () => {
    const bytes = await renderPlanPdf(planDocumentFixture(), 'en');
    saveArtefact('plan-family-en.pdf', bytes);
    const pdf = await readPdf(bytes);
    for (const label of ["Child's plan", 'Named person Åsa Lindqvist', 'Lead professional Jörgen Håkansson', 'Parents and carers', 'What we will do', 'How we will see progress', "The child's own view", 'Made on 12 March 2025']) {
      expect(pdf.text).toContain(label);
    }
    for (const swedishLabel of ['Barnets plan', 'Barnkontakt', 'Stödsamordnare', 'Vårdnadshavare', 'Det här gör vi', 'Sida ']) {
      expect(pdf.text + pdf.footers.join(' ')).not.toContain(swedishLabel);
    }
    expect(pdf.footers[0]).toContain('Test data – no real people');
    expect(pdf.footers[0]).toContain(`Page 1 of ${pdf.pageCount}`);
    expect(pdf.language).toBe('en-GB');
  });

  it('wraps long text over several pages without cutting or overlapping anything', async () => {
    const doc = planDocumentFixture({ long: true });
    const bytes = await renderPlanPdf(doc, 'sv');
    saveArtefact('plan-family-long-sv.pdf', bytes);
    const pdf = await readPdf(bytes);
    expect(pdf.pageCount).toBeGreaterThanOrEqual(3);
    // The long reason is whole, across the page breaks.
    expect(pdf.text).toContain(doc.content.reason.replace(/\s+/g, ' '));
    expect(pdf.footers).toHaveLength(pdf.pageCount);
    expect(pdf.footers.at(-1)).toContain(`Sida ${pdf.pageCount} av ${pdf.pageCount}`);
    expect(layoutProblems(pdf, 56)).toEqual([]);
  });

  it('survives what people type: a word longer than a line, line breaks, an emoji the font lacks', async () => {
    const doc = planDocumentFixture();
    doc.content.reason = `Se https://exempel.example/${'mycket-lång-adress-'.repeat(12)}slut\nNy rad.\tTabb.`;
    doc.content.childView = { text: 'Jag är glad 🙂 nu', reasonMissing: null, agreement: null };
    doc.content.guardiansView = { text: null, reasonMissing: 'Vårdnadshavarna kunde inte komma till mötet.', agreement: null };
    // A version saved before the answer to the plan was recorded has no `agreement` at all.
    delete (doc.content.childView as Partial<typeof doc.content.childView>).agreement;
    doc.generatedTestData = false;
    const pdf = await readPdf(await renderPlanPdf(doc, 'sv'));
    expect(pdf.text).toContain('Jag är glad ? nu');
    expect(pdf.text).toContain('Kunde inte tas med: Vårdnadshavarna kunde inte komma till mötet. Har inte svarat på planen ännu.');
    expect(pdf.text).toContain('Jag är glad ? nu” Har inte svarat på planen ännu.');
    expect(pdf.text).toContain('Ny rad. Tabb.');
    expect(layoutProblems(pdf, 56)).toEqual([]);
    expect(pdf.footers.join(' ')).not.toContain('Testdata');
  });
});
