import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { afterEach, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { v7 as uuidv7 } from 'uuid';
import type { Annotation, GeometryOf } from '../../shared/contract/index.ts';
import { annotationBounds } from '../../shared/annotations/geometry.ts';
import type { Core } from '../../electron/core/index.ts';
import { exportFile as exportedFile } from '../../electron/core/files/exports.ts';
import { annotatedDocument, documentWithProfile, ORIGINAL_ANNOTATION, PAGE3_MEDIABOX, type AnnotatedDocument } from '../support/annotated-document.ts';
import { FIXTURE_PDFS, FONT_REGULAR } from '../support/pdf-fixtures.ts';
import { countColour, renderPage, type Raster } from '../support/poppler.ts';
import { tempDir } from '../support/temp-dir.ts';

/** pdf.js 6 no longer declares isEvalSupported, but the project's rule is to pass it everywhere. */
const PDFJS_OPTIONS = { isEvalSupported: false };

let core: Core | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

async function setup(): Promise<AnnotatedDocument> {
  const a = await annotatedDocument();
  core = a.core;
  return a;
}

const SUBTYPES: Record<Annotation['kind'], string> = {
  highlight: 'Highlight',
  underline: 'Underline',
  strikeout: 'StrikeOut',
  ink: 'Ink',
  note: 'Text',
  freetext: 'FreeText',
  rectangle: 'Square',
  ellipse: 'Circle',
  arrow: 'Line',
};

interface PdfJsAnnotation {
  subtype: string;
  rect: number[];
  color: Record<string, number> | null;
  contentsObj: { str: string };
  titleObj: { str: string };
  quadPoints?: Record<string, number>;
  inkLists?: Record<string, number>[];
  lineCoordinates?: number[];
  lineEndings?: string[];
  opacity?: number;
  hasAppearance: boolean;
  annotationFlags: number;
  creationDate: string | null;
}

async function annotationsByPage(file: string): Promise<PdfJsAnnotation[][]> {
  const task = getDocument({ data: new Uint8Array(readFileSync(file)), ...PDFJS_OPTIONS });
  const pdf = await task.promise;
  const pages: PdfJsAnnotation[][] = [];
  for (let i = 1; i <= pdf.numPages; i++) pages.push((await (await pdf.getPage(i)).getAnnotations()) as PdfJsAnnotation[]);
  await task.destroy();
  return pages;
}

const rgb = (hex: string): [number, number, number] => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];

/**
 * Where a rect of page user space lands in poppler's image of the page (72 dpi; pdftoppm draws the
 * media box): through the box's origin and the page's /Rotate, as the helper's pages are set up.
 */
function pixelBox(pageIndex: number, [x1, y1, x2, y2]: readonly number[]): [number, number, number, number] {
  if (pageIndex === 1) return [y1!, x1!, y2!, x2!]; // /Rotate 90: user up is screen right, user right is screen down
  const [cx1, , , cy2] = pageIndex === 2 ? PAGE3_MEDIABOX : [0, 0, 595.28, 841.89];
  return [x1! - cx1, cy2 - y2!, x2! - cx1, cy2 - y1!];
}

/** The colour poppler should draw for an annotation: a highlight is multiplied onto white paper at its opacity. */
function drawnColour(a: Annotation): [number, number, number] {
  const c = rgb(a.color);
  if (a.kind === 'highlight') return c.map((v) => Math.round(255 * (1 - a.opacity) + v * a.opacity)) as [number, number, number];
  if (a.kind === 'note') return rgb(a.color);
  return c.map((v) => Math.round(255 * (1 - a.opacity) + v * a.opacity)) as [number, number, number];
}

function expectDrawn(a: Annotation, before: Raster, after: Raster): void {
  const box = pixelBox(a.pageIndex, annotationBounds(a.kind, a.geometry, a.thickness));
  const colour = drawnColour(a);
  const was = countColour(before, box, colour, 30);
  const now = countColour(after, box, colour, 30);
  expect(was, `${a.kind}: the original already has its colour`).toBe(0);
  const thinLines = ['ink', 'arrow', 'underline', 'strikeout'].includes(a.kind);
  expect(now, `${a.kind}: poppler drew too few pixels in ${a.color} at ${box.map(Math.round).join(',')}`).toBeGreaterThan(thinLines ? 40 : 100);
}

describe('annotated PDF export', () => {
  it('writes a real PDF annotation object for every annotation, on the right page, keeping the file’s own', async () => {
    const a = await setup();
    const out = join(tempDir(), 'Báo cáo có ghi chú.pdf');
    const r = await a.core.call('annotations.exportFile', { documentId: a.document.id, format: 'pdf', file: out });
    expect(r).toMatchObject({ documentId: a.document.id, format: 'pdf', annotations: 9, file: out, bytes: readFileSync(out).length });

    const pages = await annotationsByPage(out);
    expect(pages.map((p) => p.map((x) => x.subtype))).toEqual([
      ['Text', 'Highlight', 'Underline', 'StrikeOut', 'Ink', 'Text'],
      ['FreeText', 'Square'],
      ['Circle', 'Line'],
    ]);
    // The annotation the file came with is still there, untouched.
    expect(pages[0]![0]!.contentsObj.str).toBe(ORIGINAL_ANNOTATION.contents);

    for (const saved of a.annotations) {
      const found = pages[saved.pageIndex]!.filter((x) => x.subtype === SUBTYPES[saved.kind] && x.titleObj.str === 'Trần Văn Bình');
      expect(found, saved.kind).toHaveLength(1);
      const x = found[0]!;
      const bounds = annotationBounds(saved.kind, saved.geometry, saved.thickness);
      x.rect.forEach((v, i) => expect(v, `${saved.kind} rect`).toBeCloseTo(bounds[i]!, 2));
      expect(Object.values(x.color!)).toEqual(rgb(saved.color));
      expect(x.contentsObj.str).toBe(saved.contents ?? saved.quotedText ?? '');
      expect(x.hasAppearance, `${saved.kind} has an appearance stream`).toBe(true);
      expect(x.annotationFlags & 4, 'printable').toBe(4);
      expect(x.creationDate).toMatch(/^D:\d{14}\+07'00'$/);
      if (saved.kind === 'highlight' || saved.kind === 'underline' || saved.kind === 'strikeout') {
        expect(Object.values(x.quadPoints!)).toEqual((saved.geometry as GeometryOf<'highlight'>).quads.flat());
      }
      if (saved.kind === 'highlight') expect(x.opacity).toBeCloseTo(0.5, 5);
      if (saved.kind === 'ink') {
        const strokes = (saved.geometry as GeometryOf<'ink'>).strokes.map((s) => s.flatMap(([px, py]) => [px, py]));
        expect(x.inkLists!.map((l) => Object.values(l))).toEqual(strokes);
      }
      if (saved.kind === 'arrow') {
        const { from, to } = saved.geometry as GeometryOf<'arrow'>;
        expect(x.lineCoordinates).toEqual([...from, ...to]);
        expect(x.lineEndings).toEqual(['None', 'OpenArrow']);
      }
    }
  });

  it('draws every appearance so poppler shows it — on a rotated page and a cropped one too', async () => {
    const a = await setup();
    const out = join(tempDir(), 'co-ghi-chu.pdf');
    await a.core.call('annotations.exportFile', { documentId: a.document.id, format: 'pdf', file: out });
    for (const pageNo of [1, 2, 3]) {
      const before = renderPage(a.pdfFile, pageNo);
      const after = renderPage(out, pageNo);
      expect([after.width, after.height]).toEqual([before.width, before.height]);
      for (const saved of a.annotations.filter((x) => x.pageIndex === pageNo - 1)) expectDrawn(saved, before, after);
    }
  });

  it('writes the Vietnamese of a text box with an embedded font, wrapped as the rotated page is read', async () => {
    const a = await setup();
    const out = join(tempDir(), 'co-ghi-chu.pdf');
    await a.core.call('annotations.exportFile', { documentId: a.document.id, format: 'pdf', file: out });
    // pdftotext reads the page content and appearance streams; the text box's words come out whole.
    const text = execFileSync('pdftotext', ['-f', '2', '-l', '2', '-layout', out, '-'], { encoding: 'utf8' });
    for (const word of ['Đề nghị', 'bổ sung', 'Trưởng']) expect(text).toContain(word);
    // On screen the box is 60 pt wide (the page is turned 90°), so the words wrap onto separate lines.
    expect(text).not.toContain('Đề nghị bổ sung');
  });

  it('flattens the same appearances into the pages for printing, adding no annotation objects', async () => {
    const a = await setup();
    const out = join(tempDir(), 'ban-in.pdf');
    const r = await a.core.call('annotations.exportFile', { documentId: a.document.id, format: 'pdf-flattened', file: out });
    expect(r.annotations).toBe(9);
    const pages = await annotationsByPage(out);
    expect(pages.map((p) => p.map((x) => x.subtype))).toEqual([['Text'], [], []]);
    for (const pageNo of [1, 2, 3]) {
      const before = renderPage(a.pdfFile, pageNo);
      const after = renderPage(out, pageNo);
      for (const saved of a.annotations.filter((x) => x.pageIndex === pageNo - 1)) expectDrawn(saved, before, after);
    }
  });

  it('hands the UI an export file, and never overwrites a file on the command line without --force', async () => {
    const a = await setup();
    const exported = await a.core.call('annotations.exportPdf', { documentId: a.document.id });
    expect(exported).toMatchObject({ fileName: 'Báo cáo tiến độ - có ghi chú.pdf', mime: 'application/pdf' });
    const file = exportedFile({ exports: join(a.dir, 'exports') } as never, exported.exportId)!.file;
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    const flat = await a.core.call('annotations.exportPdf', { documentId: a.document.id, flatten: true });
    expect(flat.fileName).toBe('Báo cáo tiến độ - bản in có ghi chú.pdf');

    const target = join(tempDir(), 'da-co.pdf');
    writeFileSync(target, 'của người khác');
    await expect(a.core.call('annotations.exportFile', { documentId: a.document.id, format: 'pdf', file: target })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(readFileSync(target, 'utf8')).toBe('của người khác');
    await a.core.call('annotations.exportFile', { documentId: a.document.id, format: 'pdf', file: target, overwrite: true });
    expect(readFileSync(target).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('refuses an encrypted PDF with PDF_ENCRYPTED instead of writing an unprotected copy', async () => {
    const file = join(tempDir(), 'Có mật khẩu chủ.pdf');
    // An owner password only: any reader opens it, but it is encrypted.
    const doc = new PDFDocument({ size: 'A4', ownerPassword: 'chu-so-huu', pdfVersion: '1.7', permissions: { printing: 'highResolution' } });
    doc.registerFont('regular', FONT_REGULAR);
    doc.font('regular').fontSize(13).text('Tài liệu mật của Ban Chỉ đạo');
    const out = createWriteStream(file);
    doc.pipe(out);
    doc.end();
    await once(out, 'finish');
    const base = await documentWithProfile(tempDir(), file);
    core = base.core;
    await base.core.call('annotations.create', {
      id: uuidv7(),
      documentId: base.document.id,
      kind: 'note',
      pageIndex: 0,
      color: '#FFB000',
      geometry: { at: [100, 700] },
      contents: 'Ghi chú',
    });
    const target = join(tempDir(), 'khong-duoc.pdf');
    await expect(base.core.call('annotations.exportFile', { documentId: base.document.id, format: 'pdf', file: target })).rejects.toMatchObject({ code: 'PDF_ENCRYPTED' });
    expect(existsSync(target)).toBe(false);
    // XFDF needs nothing from inside the file, so the notes can still leave.
    const x = await base.core.call('annotations.exportFile', { documentId: base.document.id, format: 'xfdf', file: join(tempDir(), 'ghi-chu.xfdf') });
    expect(x.annotations).toBe(1);
  });

  it('keeps the annotations a real PDF already has and adds ours beside them', async () => {
    const base = await documentWithProfile(tempDir(), join(FIXTURE_PDFS, 'annotation-link-text-popup.pdf'));
    core = base.core;
    const before = await annotationsByPage(base.pdfFile);
    await base.core.call('annotations.create', {
      id: uuidv7(),
      documentId: base.document.id,
      kind: 'rectangle',
      pageIndex: 0,
      color: '#E02020',
      thickness: 3,
      geometry: { rect: [100, 100, 300, 200] },
    });
    const out = join(tempDir(), 'co-ghi-chu.pdf');
    await base.core.call('annotations.exportFile', { documentId: base.document.id, format: 'pdf', file: out });
    const after = await annotationsByPage(out);
    expect(after[0]!.map((x) => x.subtype).sort()).toEqual([...before[0]!.map((x) => x.subtype), 'Square'].sort());
    expect(after.slice(1).map((p) => p.length)).toEqual(before.slice(1).map((p) => p.length));
    const drawn = renderPage(out, 1);
    const page = renderPage(base.pdfFile, 1);
    const pageHeight = page.height;
    const box: [number, number, number, number] = [98, pageHeight - 202, 302, pageHeight - 98];
    expect(countColour(drawn, box, [224, 32, 32], 30)).toBeGreaterThan(300);
  });
});
