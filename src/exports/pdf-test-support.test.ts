import { PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, decodePDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { planDocumentFixture } from './fixture.ts';
import { checkEmbeddedFonts, layoutProblems, type ReadPdf } from './pdf-test-support.ts';
import { renderPlanPdf } from './plan-pdf.ts';

/** The checks the PDF tests rely on must be able to fail. */
describe('the PDF checks', () => {
  const page = (items: ReadPdf['items'][number]): ReadPdf => ({
    pageCount: 1,
    text: '',
    footers: [''],
    items: [items],
    pageSize: { width: 595, height: 842 },
    title: undefined,
    language: undefined,
  });

  it('finds text on top of text and text outside the margins', () => {
    expect(layoutProblems(page([{ str: 'A', x: 60, y: 700, width: 100, height: 10 }, { str: 'B', x: 200, y: 700, width: 50, height: 10 }]), 56)).toEqual([]);
    expect(layoutProblems(page([{ str: 'A', x: 60, y: 700, width: 100, height: 10 }, { str: 'B', x: 150, y: 703, width: 50, height: 10 }]), 56)).toEqual([
      'page 1: "A" overlaps "B"',
    ]);
    expect(layoutProblems(page([{ str: 'long', x: 500, y: 700, width: 80, height: 10 }]), 56)).toEqual(['page 1: "long" outside the margins']);
  });

  it('finds an embedded font whose glyphs cannot be read', async () => {
    const good = await renderPlanPdf(planDocumentFixture(), 'sv');
    expect(await checkEmbeddedFonts(good)).toBe(2);

    // Cut the font file in half, as a broken subsetter would leave it.
    const pdf = await PDFDocument.load(good);
    for (const [, object] of pdf.context.enumerateIndirectObjects()) {
      if (!(object instanceof PDFDict)) continue;
      const ref = object.get(PDFName.of('FontFile2'));
      const stream = ref ? pdf.context.lookup(ref) : undefined;
      if (!(stream instanceof PDFRawStream)) continue;
      const font = decodePDFRawStream(stream).decode();
      const half = font.slice(0, Math.floor(font.length / 2));
      const broken = pdf.context.flateStream(half, { Length1: PDFNumber.of(half.length) });
      object.set(PDFName.of('FontFile2'), pdf.context.register(broken));
    }
    await expect(checkEmbeddedFonts(await pdf.save())).rejects.toThrow();
  });
});
