/**
 * Test support for the PDF exports (used only by `*.test.ts`): opens a PDF
 * with pdf-lib and with pdfjs-dist (the way a viewer would), extracts the text
 * with positions, and checks that every embedded font's glyphs decode – a
 * PDF whose text extracts fine can still show nothing if the font subset is
 * broken.
 */
import fontkit from '@pdf-lib/fontkit';
import { decodePDFRawStream, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFString } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export type TextItem = { str: string; x: number; y: number; width: number; height: number };

export type ReadPdf = {
  pageCount: number;
  /** Body text of all pages (footers left out), whitespace normalised. */
  text: string;
  /** Footer text of each page, whitespace normalised. */
  footers: string[];
  /** Text items per page, positions in PDF points. */
  items: TextItem[][];
  pageSize: { width: number; height: number };
  title: string | undefined;
  language: string | undefined;
};

/** Everything below this line (points from the bottom) is the footer. */
const FOOTER_TOP = 50;

const normalise = (s: string) => s.replace(/\s+/g, ' ').trim();

export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  const lib = await PDFDocument.load(bytes, { updateMetadata: false });
  const lang = lib.catalog.lookup(PDFName.of('Lang'));
  const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  try {
    const items: TextItem[][] = [];
    const bodies: string[] = [];
    const footers: string[] = [];
    let pageSize = { width: 0, height: 0 };
    for (let n = 1; n <= pdf.numPages; n += 1) {
      const page = await pdf.getPage(n);
      const [, , width = 0, height = 0] = page.view;
      pageSize = { width, height };
      const content = await page.getTextContent();
      const pageItems: TextItem[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        pageItems.push({ str: item.str, x: item.transform[4] ?? 0, y: item.transform[5] ?? 0, width: item.width, height: item.height });
      }
      items.push(pageItems);
      bodies.push(pageItems.filter((i) => i.y >= FOOTER_TOP).map((i) => i.str).join(' '));
      footers.push(normalise(pageItems.filter((i) => i.y < FOOTER_TOP).map((i) => i.str).join(' ')));
    }
    return {
      pageCount: lib.getPageCount(),
      text: normalise(bodies.join(' ')),
      footers,
      items,
      pageSize,
      title: lib.getTitle(),
      language: lang instanceof PDFString || lang instanceof PDFHexString ? lang.decodeText() : undefined,
    };
  } finally {
    await pdf.destroy();
  }
}

/**
 * Decodes every glyph of every embedded TrueType font; returns the number of
 * fonts checked. Throws when a glyph cannot be read.
 */
export async function checkEmbeddedFonts(bytes: Uint8Array): Promise<number> {
  const lib = await PDFDocument.load(bytes, { updateMetadata: false });
  let fonts = 0;
  for (const [, object] of lib.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict)) continue;
    const fileRef = object.get(PDFName.of('FontFile2'));
    if (!fileRef) continue;
    const stream = lib.context.lookup(fileRef);
    if (!(stream instanceof PDFRawStream)) throw new Error('FontFile2 is not a stream');
    const font = fontkit.create(decodePDFRawStream(stream).decode());
    let drawn = 0;
    for (let id = 0; id < font.numGlyphs; id += 1) {
      if (font.getGlyph(id).path.toSVG().length > 0) drawn += 1;
    }
    // Every glyph but the space has an outline.
    if (drawn < font.numGlyphs - 1) throw new Error(`Only ${drawn} of ${font.numGlyphs} glyphs have outlines`);
    fonts += 1;
  }
  return fonts;
}

/**
 * Text items that overlap another item or reach outside the page margins:
 * what a reader would see as text on top of text or cut off.
 */
export function layoutProblems(pdf: ReadPdf, margin: number): string[] {
  const problems: string[] = [];
  pdf.items.forEach((page, p) => {
    const boxes = page.map((item) => ({
      item,
      left: item.x,
      right: item.x + item.width,
      // From just below the baseline to the top of capitals.
      bottom: item.y - item.height * 0.2,
      top: item.y + item.height * 0.75,
    }));
    for (const box of boxes) {
      if (box.left < margin - 0.5 || box.right > pdf.pageSize.width - margin + 0.5 || box.bottom < 0 || box.top > pdf.pageSize.height - margin + 1) {
        problems.push(`page ${p + 1}: "${box.item.str}" outside the margins`);
      }
    }
    for (let i = 0; i < boxes.length; i += 1) {
      for (let j = i + 1; j < boxes.length; j += 1) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        const overlapX = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const overlapY = Math.min(a.top, b.top) - Math.max(a.bottom, b.bottom);
        if (overlapX > 0.5 && overlapY > 0.5) problems.push(`page ${p + 1}: "${a.item.str}" overlaps "${b.item.str}"`);
      }
    }
  });
  return problems;
}
