import { mkdirSync, writeFileSync } from 'node:fs';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { BACKA_BARNET_PROFILE } from '../domain/profiles/backa-barnet.ts';
import { SHANARRI_INDICATORS } from '../domain/profiles/shanarri.ts';
import { childSentence, renderChildPdf } from './child-pdf.ts';
import { planDocumentFixture } from './fixture.ts';
import { checkEmbeddedFonts, layoutProblems, readPdf } from './pdf-test-support.ts';
import { pictureFor } from './pictures.ts';

const ARTEFACTS = new URL('../../test-results/', import.meta.url);

/** Filled shapes on a page: the pictures (text is not a fill operation). */
async function filledShapes(bytes: Uint8Array, pageNumber: number): Promise<number> {
  const pdf = await getDocument({ data: bytes.slice(), verbosity: 0 }).promise;
  try {
    const ops = await (await pdf.getPage(pageNumber)).getOperatorList();
    return ops.fnArray.filter((fn) => fn === OPS.fill || fn === OPS.eoFill || fn === OPS.fillStroke || fn === OPS.eoFillStroke).length;
  } finally {
    await pdf.destroy();
  }
}

describe('the child-friendly PDF', () => {
  it('gives each need one short sentence in the child’s own "I"-words, a picture, who helps, who to talk to and the child’s own view', async () => {
    const doc = planDocumentFixture({ tool: 'behovskompassen' });
    const bytes = await renderChildPdf(doc, 'sv');
    mkdirSync(ARTEFACTS, { recursive: true });
    writeFileSync(new URL('plan-child-sv.pdf', ARTEFACTS), bytes);
    const pdf = await readPdf(bytes);

    expect(pdf.text).toContain('Min plan Hej Łucja!');
    expect(pdf.text).toContain('Vi vill att du ska kunna säga: ”Jag känner mig trygg.”');
    expect(pdf.text).toContain('Vi vill att du ska kunna säga: ”Jag gör mitt bästa.”');
    for (const need of doc.content.needs) {
      expect(pdf.text).toContain(childSentence(need, 'sv'));
      for (const action of need.actions) expect(pdf.text).toContain(action.description);
    }
    expect(pdf.text).toContain('Åsa Lindqvist hjälper dig: En vuxen Łucja känner är med henne på rasterna.');
    expect(pdf.text).toContain('Vårdcentralen Ängsbacken hjälper dig:');
    expect(pdf.text).toContain('Vem kan du prata med? Din barnkontakt Åsa Lindqvist Rektor, Solbackens skola Telefon 0470-55 01 01');
    expect(pdf.text).toContain('Din stödsamordnare Jörgen Håkansson');
    expect(pdf.text).toContain(`Det här har du sagt ”${doc.content.childView.text}” Du har sagt ja till planen.`);
    expect(pdf.text).toContain('Vi träffas igen 10 juni 2025');
    // Nothing the child does not need.
    expect(pdf.text).not.toContain(doc.child.personnummer!);
    expect(pdf.text).not.toContain('Testgatan');
    pdf.footers.forEach((footer, i) => {
      expect(footer).toContain('Testdata – inga verkliga personer');
      expect(footer).toContain(`Sida ${i + 1} av ${pdf.pageCount}`);
    });

    expect(await filledShapes(bytes, 1)).toBeGreaterThanOrEqual(6);
    expect(layoutProblems(pdf, 56)).toEqual([]);
    expect(await checkEmbeddedFonts(bytes)).toBe(2);
  });

  it('uses our sentence for SHANARRI indicators, which have no "I"-statement, and English when asked', async () => {
    const doc = planDocumentFixture({ tool: 'shanarri' });
    const sv = await readPdf(await renderChildPdf(doc, 'sv'));
    expect(sv.text).toContain('Vi vill att du ska känna dig trygg.');
    expect(sv.text).toContain('Vi vill att du ska få leka, röra på dig och göra roliga saker.');

    const en = await readPdf(await renderChildPdf(doc, 'en'));
    expect(en.text).toContain('My plan Hello Łucja!');
    expect(en.text).toContain('We want you to feel safe.');
    expect(en.text).toContain('Who can you talk to? Your named person Åsa Lindqvist');
    expect(en.footers[0]).toContain('Test data – no real people');
    expect(en.footers[0]).toContain(`Page 1 of ${en.pageCount}`);
  });

  it('greets a child with protected identity without a name', async () => {
    const pdf = await readPdf(await renderChildPdf(planDocumentFixture({ protectedIdentity: true }), 'sv'));
    expect(pdf.text).toContain('Min plan Hej! Det här är din plan.');
    expect(pdf.text).not.toContain('Łucja');
  });

  it('has a picture for every SHANARRI and Behovskompassen indicator, and a sun for any other', () => {
    const keys = [...SHANARRI_INDICATORS.map((i) => i.key), ...BACKA_BARNET_PROFILE.wellbeing.indicators.map((i) => i.key)];
    expect(keys).toHaveLength(16);
    for (const key of keys) expect(pictureFor(key), key).not.toBe('sun');
    expect(new Set(SHANARRI_INDICATORS.map((i) => pictureFor(i.key))).size).toBe(8);
    expect(pictureFor('language')).toBe('sun');
  });

  it('falls back to a sentence naming an indicator it does not know', () => {
    expect(childSentence({ indicator: 'language', indicatorName: { sv: 'Språk', en: 'Language' }, indicatorChildStatement: null }, 'sv')).toBe(
      'Vi vill att det ska bli bra för dig med språk.',
    );
  });
});
