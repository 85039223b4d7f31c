/**
 * A small flowing-text writer on top of pdf-lib, shared by the plan PDFs:
 * A4 pages, an embedded DejaVu Sans (so Swedish letters and names such as
 * "Łucja" or "Nguyễn" print as they are – the 14 standard PDF fonts only know
 * Windows-1252), word wrapping, page breaks, labelled rows, and a footer with
 * "page x of y" drawn on every page once the content is done.
 *
 * The font files come from the `dejavu-fonts-ttf` package in node_modules;
 * they are read once per process and cached. Nothing is fetched at run time.
 * Only the glyphs used are embedded (subset). Noto Sans was tried first and
 * dropped: fontkit's subsetter corrupts its glyph outlines (the text extracts
 * fine but does not show); `exports.test.ts` checks that every embedded glyph
 * decodes, so a font swap that breaks this is caught.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, type PDFPage, rgb, type RGB } from 'pdf-lib';

const require = createRequire(import.meta.url);

const FONT_FILES = {
  regular: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  bold: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
} as const;

type FontBytes = { regular: Uint8Array; bold: Uint8Array };
let fontBytesCache: FontBytes | null = null;

/** The TrueType files, read from node_modules on first use. */
function fontBytes(): FontBytes {
  if (!fontBytesCache) {
    fontBytesCache = {
      regular: readFileSync(require.resolve(FONT_FILES.regular)),
      bold: readFileSync(require.resolve(FONT_FILES.bold)),
    };
  }
  return fontBytesCache;
}

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
type FontkitFont = ReturnType<Fontkit['create']>;
const parsedFonts = new Map<Uint8Array, FontkitFont>();

/**
 * fontkit behind a cache: every document gets the same parsed font (pdf-lib
 * only reads it and makes a fresh subset per document), so the large font
 * tables are decoded once per process instead of once per PDF.
 */
const sharedFontkit: Fontkit = {
  create(buffer, postscriptName) {
    let font = parsedFonts.get(buffer);
    if (!font) {
      font = fontkit.create(buffer, postscriptName);
      parsedFonts.set(buffer, font);
    }
    return font;
  },
};

export const A4 = { width: 595.28, height: 841.89 } as const;

export const COLORS = {
  text: rgb(0.11, 0.11, 0.13),
  muted: rgb(0.35, 0.36, 0.4),
  heading: rgb(0.05, 0.27, 0.45),
  rule: rgb(0.78, 0.8, 0.84),
  testData: rgb(0.62, 0.1, 0.1),
  panel: rgb(0.94, 0.96, 0.98),
} as const;

export type FontWeight = 'regular' | 'bold';

export type PdfMeta = {
  title: string;
  /** BCP 47, e.g. "sv-SE". */
  language: string;
  subject: string;
  /** Used as creation and modification date so that the same document renders the same file. */
  date: string;
};

export type TextOptions = {
  size?: number;
  weight?: FontWeight;
  color?: RGB;
  /** Extra left offset from the margin. */
  indent?: number;
  /** Width available for the text; defaults to the rest of the line. */
  width?: number;
  /** Space after the paragraph. */
  after?: number;
  /** Line height as a multiple of the size. */
  leading?: number;
  /** Starts with a bullet and hangs the following lines under the text. */
  bullet?: boolean;
};

export type WriterLayout = {
  margin: number;
  /** Space kept free at the bottom of every page for the footer. */
  footerSpace: number;
  bodySize: number;
};

const DEFAULT_LAYOUT: WriterLayout = { margin: 56, footerSpace: 56, bodySize: 10 };

/** Characters a font can draw; anything else is replaced, so a stray emoji cannot break a plan. */
const charSets = new WeakMap<PDFFont, Set<number>>();
/** Advance width of each character at size 1000, per embedded font. */
const advanceCache = new WeakMap<PDFFont, Map<string, number>>();

export class PdfWriter {
  readonly pdf: PDFDocument;
  readonly fonts: Record<FontWeight, PDFFont>;
  readonly layout: WriterLayout;
  page: PDFPage;
  /** Top of the next line, in PDF points from the bottom of the page. */
  y: number;

  private constructor(pdf: PDFDocument, fonts: Record<FontWeight, PDFFont>, layout: WriterLayout) {
    this.pdf = pdf;
    this.fonts = fonts;
    this.layout = layout;
    this.page = pdf.addPage([A4.width, A4.height]);
    this.y = A4.height - layout.margin;
  }

  static async create(meta: PdfMeta, layout: Partial<WriterLayout> = {}): Promise<PdfWriter> {
    const pdf = await PDFDocument.create();
    pdf.registerFontkit(sharedFontkit);
    const bytes = fontBytes();
    const fonts = {
      regular: await pdf.embedFont(bytes.regular, { subset: true }),
      bold: await pdf.embedFont(bytes.bold, { subset: true }),
    };
    const date = new Date(`${meta.date.slice(0, 10)}T12:00:00Z`);
    pdf.setTitle(meta.title, { showInWindowTitleBar: true });
    pdf.setLanguage(meta.language);
    pdf.setSubject(meta.subject);
    pdf.setAuthor('Samsyn');
    pdf.setCreator('Samsyn');
    pdf.setProducer('Samsyn (pdf-lib)');
    if (!Number.isNaN(date.getTime())) {
      pdf.setCreationDate(date);
      pdf.setModificationDate(date);
    }
    return new PdfWriter(pdf, fonts, { ...DEFAULT_LAYOUT, ...layout });
  }

  get left(): number {
    return this.layout.margin;
  }

  get contentWidth(): number {
    return A4.width - 2 * this.layout.margin;
  }

  private get bottom(): number {
    return this.layout.footerSpace + 8;
  }

  newPage(): void {
    this.page = this.pdf.addPage([A4.width, A4.height]);
    this.y = A4.height - this.layout.margin;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensure(height: number): void {
    if (this.y - height < this.bottom && this.y < A4.height - this.layout.margin) this.newPage();
  }

  space(height: number): void {
    this.y -= height;
  }

  /** The text as the font can draw it: one normal form, no control characters, unknown glyphs as "?". */
  clean(text: string, weight: FontWeight = 'regular'): string {
    const font = this.fonts[weight];
    let set = charSets.get(font);
    if (!set) {
      set = new Set(font.getCharacterSet());
      charSets.set(font, set);
    }
    const known = set;
    const normalised = text.normalize('NFC').replace(/\r\n?/g, '\n').replace(/\t/g, ' ');
    let out = '';
    for (const ch of normalised) {
      const cp = ch.codePointAt(0) ?? 0;
      if (ch === '\n') out += ch;
      else if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) continue;
      else out += known.has(cp) ? ch : '?';
    }
    return out;
  }

  /**
   * Width of a line of text. Sums cached per-character advances: pdf-lib's own
   * measure shapes the whole string every time, which made wrapping slow; the
   * PDF is drawn without kerning, so the sum is what the page shows.
   */
  width(text: string, size: number, weight: FontWeight = 'regular'): number {
    const font = this.fonts[weight];
    let advances = advanceCache.get(font);
    if (!advances) {
      advances = new Map();
      advanceCache.set(font, advances);
    }
    let total = 0;
    for (const ch of text) {
      let advance = advances.get(ch);
      if (advance === undefined) {
        advance = font.widthOfTextAtSize(ch, 1000);
        advances.set(ch, advance);
      }
      total += advance;
    }
    return (total * size) / 1000;
  }

  /** Splits text into lines no wider than `maxWidth`; words longer than a line are broken. */
  wrap(text: string, size: number, maxWidth: number, weight: FontWeight = 'regular'): string[] {
    const lines: string[] = [];
    for (const paragraph of this.clean(text, weight).split('\n')) {
      const words = paragraph.split(/ +/).filter((w) => w.length > 0);
      if (words.length === 0) {
        lines.push('');
        continue;
      }
      let line = '';
      for (const word of words) {
        const candidate = line ? `${line} ${word}` : word;
        if (this.width(candidate, size, weight) <= maxWidth) {
          line = candidate;
          continue;
        }
        if (line) lines.push(line);
        let rest = word;
        while (this.width(rest, size, weight) > maxWidth) {
          const chars = [...rest];
          let take = chars.length - 1;
          while (take > 1 && this.width(chars.slice(0, take).join(''), size, weight) > maxWidth) take -= 1;
          lines.push(chars.slice(0, take).join(''));
          rest = chars.slice(take).join('');
        }
        line = rest;
      }
      lines.push(line);
    }
    return lines;
  }

  /** Height of a wrapped paragraph, for keeping blocks together. */
  measure(text: string, options: TextOptions = {}): number {
    const size = options.size ?? this.layout.bodySize;
    const hang = options.bullet ? size * 1.1 : 0;
    const width = (options.width ?? this.contentWidth - (options.indent ?? 0)) - hang;
    return this.wrap(text, size, width, options.weight).length * size * (options.leading ?? 1.4);
  }

  /** A wrapped paragraph that flows over pages. */
  text(text: string, options: TextOptions = {}): void {
    const size = options.size ?? this.layout.bodySize;
    const weight = options.weight ?? 'regular';
    const hang = options.bullet ? size * 1.1 : 0;
    const indent = (options.indent ?? 0) + hang;
    const width = (options.width ?? this.contentWidth - (options.indent ?? 0)) - hang;
    const lineHeight = size * (options.leading ?? 1.4);
    this.wrap(text, size, width, weight).forEach((line, index) => {
      this.ensure(lineHeight);
      if (index === 0 && options.bullet) {
        this.page.drawText('•', {
          x: this.left + indent - hang,
          y: this.y - size,
          size,
          font: this.fonts[weight],
          color: options.color ?? COLORS.text,
        });
      }
      if (line) {
        this.page.drawText(line, {
          x: this.left + indent,
          y: this.y - size,
          size,
          font: this.fonts[weight],
          color: options.color ?? COLORS.text,
        });
      }
      this.y -= lineHeight;
    });
    this.y -= options.after ?? size * 0.5;
  }

  /** A heading kept on the same page as the first lines after it. */
  heading(text: string, options: { size?: number; color?: RGB; keepWith?: number; before?: number; rule?: boolean } = {}): void {
    const size = options.size ?? 14;
    this.y -= options.before ?? size * 0.6;
    this.ensure(this.measure(text, { size, weight: 'bold', leading: 1.25 }) + (options.keepWith ?? this.layout.bodySize * 4));
    this.text(text, { size, weight: 'bold', color: options.color ?? COLORS.heading, leading: 1.25, after: options.rule ? 2 : size * 0.35 });
    if (options.rule) {
      this.page.drawLine({
        start: { x: this.left, y: this.y },
        end: { x: this.left + this.contentWidth, y: this.y },
        thickness: 0.75,
        color: COLORS.rule,
      });
      this.y -= size * 0.6;
    }
  }

  /**
   * A labelled row: the label in a narrow bold column, the value wrapped
   * beside it. Rows are kept whole on a page when they fit on one.
   */
  row(label: string, value: string, options: { labelWidth?: number; indent?: number; size?: number } = {}): void {
    const size = options.size ?? this.layout.bodySize;
    const indent = options.indent ?? 0;
    const labelWidth = options.labelWidth ?? 150;
    const gap = 10;
    const valueWidth = this.contentWidth - indent - labelWidth - gap;
    const lineHeight = size * 1.4;
    const labelLines = this.wrap(label, size, labelWidth, 'bold');
    const valueLines = this.wrap(value, size, valueWidth, 'regular');
    const height = Math.max(labelLines.length, valueLines.length) * lineHeight;
    this.ensure(Math.min(height, A4.height / 2));
    // Lay the lines out first, then draw all label lines before the value
    // lines, so that text extraction (and screen readers) read each column whole.
    const slots: { page: PDFPage; baseline: number }[] = [];
    for (let i = 0; i < Math.max(labelLines.length, valueLines.length); i += 1) {
      this.ensure(lineHeight);
      slots.push({ page: this.page, baseline: this.y - size });
      this.y -= lineHeight;
    }
    labelLines.forEach((line, i) => {
      const slot = slots[i];
      if (slot && line) slot.page.drawText(line, { x: this.left + indent, y: slot.baseline, size, font: this.fonts.bold, color: COLORS.muted });
    });
    valueLines.forEach((line, i) => {
      const slot = slots[i];
      if (slot && line) {
        slot.page.drawText(line, { x: this.left + indent + labelWidth + gap, y: slot.baseline, size, font: this.fonts.regular, color: COLORS.text });
      }
    });
    this.y -= size * 0.25;
  }

  /** A horizontal line across the content width. */
  rule(): void {
    this.ensure(12);
    this.y -= 4;
    this.page.drawLine({
      start: { x: this.left, y: this.y },
      end: { x: this.left + this.contentWidth, y: this.y },
      thickness: 0.5,
      color: COLORS.rule,
    });
    this.y -= 8;
  }

  /**
   * Draws the footer on every page: `left` text, "page x of y" on the right
   * and, for generated test data, a red line above them.
   */
  footers(footer: { left: string; page: (n: number, total: number) => string; testData: string | null; size?: number }): void {
    const pages = this.pdf.getPages();
    const size = footer.size ?? 8.5;
    pages.forEach((page, index) => {
      const baseline = this.layout.footerSpace / 2 - size / 2;
      page.drawLine({
        start: { x: this.left, y: this.layout.footerSpace - 6 },
        end: { x: this.left + this.contentWidth, y: this.layout.footerSpace - 6 },
        thickness: 0.5,
        color: COLORS.rule,
      });
      const left = this.clean(footer.left);
      page.drawText(left, { x: this.left, y: baseline, size, font: this.fonts.regular, color: COLORS.muted });
      const pageText = this.clean(footer.page(index + 1, pages.length));
      const pageWidth = this.width(pageText, size);
      page.drawText(pageText, { x: this.left + this.contentWidth - pageWidth, y: baseline, size, font: this.fonts.regular, color: COLORS.muted });
      if (footer.testData) {
        const text = this.clean(footer.testData, 'bold');
        const width = this.width(text, size, 'bold');
        page.drawText(text, {
          x: this.left + (this.contentWidth - width) / 2,
          y: baseline,
          size,
          font: this.fonts.bold,
          color: COLORS.testData,
        });
      }
    });
  }

  async save(): Promise<Uint8Array> {
    return this.pdf.save({ useObjectStreams: true });
  }
}
