/**
 * A data folder with a profile, a real PDF imported as a document and one annotation of every kind
 * saved on it — the starting point of export, import, sharing and version tests. The PDF is awkward
 * on purpose: page 2 has /Rotate 90, page 3 a MediaBox and CropBox that do not start at 0,0, and
 * page 1 already carries an annotation of its own (as a file marked up in Acrobat would).
 */
import { once } from 'node:events';
import { createWriteStream, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { degrees, PDFDocument as PdfLibDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { v7 as uuidv7 } from 'uuid';
import type { Annotation, DocumentSummary, NewAnnotation } from '../../shared/contract/index.ts';
import { createCore, type Core } from '../../electron/core/index.ts';
import { FONT_BOLD, FONT_REGULAR } from './pdf-fixtures.ts';
import { tempDir } from './temp-dir.ts';

export const MEMBER_PROFILE = {
  fullName: 'Trần Văn Bình',
  position: 'Phó Trưởng ban',
  unitName: 'Sở Xây dựng tỉnh Lào Cai',
  workRole: 'member',
} as const;

/** Page 3's boxes: the visible area is offset from the origin, as in a cropped scan. */
export const PAGE3_MEDIABOX = [20, 30, 615, 872] as const;
export const PAGE3_CROPBOX = [60, 80, 575, 800] as const;

/** The annotation the PDF already has on page 1 (it must survive every export). */
export const ORIGINAL_ANNOTATION = { id: 'ghi-chu-goc-acrobat', contents: 'Ghi chú có sẵn trong tệp', rect: [500, 780, 520, 800] };

/** The sentence each page starts with, set in Noto Serif so the text layer has proper Unicode. */
export const PAGE_TEXTS = [
  'Ban Chỉ đạo đánh giá tiến độ các công trình trọng điểm của tỉnh.',
  'Giao Sở Xây dựng chủ trì, phối hợp với các đơn vị liên quan.',
  'Thành phần mời họp: các thành viên Ban Chỉ đạo và khách mời.',
];

/**
 * Writes a three-page Vietnamese PDF (A4, text from the top-left margin) with the awkward pages
 * described above and a /Text annotation on page 1.
 */
export async function writeAnnotatablePdf(file: string): Promise<void> {
  const draft = `${file}.draft.pdf`;
  const doc = new PDFDocument({ size: 'A4', margins: { top: 72, bottom: 72, left: 72, right: 72 } });
  doc.registerFont('regular', FONT_REGULAR);
  doc.registerFont('bold', FONT_BOLD);
  PAGE_TEXTS.forEach((text, i) => {
    if (i > 0) doc.addPage();
    doc.font('bold').fontSize(14).text(`Trang ${i + 1}`, 72, 72);
    doc.font('regular').fontSize(13).text(text, 72, 100, { width: 450 });
  });
  const out = createWriteStream(draft);
  doc.pipe(out);
  doc.end();
  await once(out, 'finish');

  const pdf = await PdfLibDocument.load(readFileSync(draft));
  const [first, second, third] = pdf.getPages();
  second!.setRotation(degrees(90));
  third!.setMediaBox(PAGE3_MEDIABOX[0], PAGE3_MEDIABOX[1], PAGE3_MEDIABOX[2] - PAGE3_MEDIABOX[0], PAGE3_MEDIABOX[3] - PAGE3_MEDIABOX[1]);
  third!.setCropBox(PAGE3_CROPBOX[0], PAGE3_CROPBOX[1], PAGE3_CROPBOX[2] - PAGE3_CROPBOX[0], PAGE3_CROPBOX[3] - PAGE3_CROPBOX[1]);
  const original = pdf.context.register(
    pdf.context.obj({
      Type: 'Annot',
      Subtype: 'Text',
      Rect: ORIGINAL_ANNOTATION.rect,
      NM: PDFString.of(ORIGINAL_ANNOTATION.id),
      T: PDFHexString.fromText('Người soạn'),
      Contents: PDFHexString.fromText(ORIGINAL_ANNOTATION.contents),
      F: 4,
    }),
  );
  first!.node.set(PDFName.of('Annots'), pdf.context.obj([original]));
  writeFileSync(file, await pdf.save());
  rmSync(draft);
}

/** One annotation of every kind; page 1 is plain, page 2 rotated, page 3 cropped. */
export function everyKind(documentId: string): NewAnnotation[] {
  const a = (fields: Omit<NewAnnotation, 'id' | 'documentId'>): NewAnnotation => ({ id: uuidv7(), documentId, ...fields });
  return [
    a({
      kind: 'highlight',
      pageIndex: 0,
      color: '#FFD400',
      opacity: 0.5,
      geometry: { quads: [[72, 740, 300, 740, 72, 722, 300, 722], [72, 720, 200, 720, 72, 702, 200, 702]] },
      quotedText: 'Ban Chỉ đạo đánh giá tiến độ',
      contents: 'Cần số liệu cụ thể',
    }),
    a({ kind: 'underline', pageIndex: 0, color: '#0055FF', thickness: 1.5, geometry: { quads: [[72, 680, 320, 680, 72, 664, 320, 664]] }, quotedText: 'các công trình trọng điểm' }),
    a({ kind: 'strikeout', pageIndex: 0, color: '#E02020', thickness: 1.5, geometry: { quads: [[72, 640, 320, 640, 72, 624, 320, 624]] }, quotedText: 'của tỉnh' }),
    a({
      kind: 'ink',
      pageIndex: 0,
      color: '#1A7F37',
      thickness: 3,
      geometry: {
        strokes: [
          [[100, 500, 0.4], [150, 540, 0.6], [200, 500, 0.8], [250, 540, 0.5]],
          [[100, 470, 0.5], [260, 470, 0.5]],
        ],
      },
    }),
    a({ kind: 'note', pageIndex: 0, color: '#FFB000', geometry: { at: [400, 450] }, contents: 'Hỏi Sở Tài chính về nguồn vốn đối ứng' }),
    a({
      kind: 'freetext',
      pageIndex: 1,
      color: '#C00000',
      thickness: 1,
      fontSize: 12,
      geometry: { rect: [300, 400, 480, 460] },
      contents: 'Đề nghị bổ sung ý kiến của Phó Trưởng ban',
    }),
    a({ kind: 'rectangle', pageIndex: 1, color: '#7030A0', thickness: 2, geometry: { rect: [100, 200, 250, 300] } }),
    a({ kind: 'ellipse', pageIndex: 2, color: '#0070C0', thickness: 2, opacity: 0.8, geometry: { rect: [150, 300, 350, 420] } }),
    a({ kind: 'arrow', pageIndex: 2, color: '#E02020', thickness: 2, geometry: { from: [120, 200], to: [300, 260] } }),
  ];
}

export interface AnnotatedDocument {
  core: Core;
  dir: string;
  /** The PDF as imported. */
  pdfFile: string;
  document: DocumentSummary;
  /** As saved, in the order of everyKind(). */
  annotations: Annotation[];
}

/** A data folder (fresh unless given) with the member's profile and the annotatable PDF imported. */
export async function documentWithProfile(dir = tempDir(), pdfFile?: string): Promise<Omit<AnnotatedDocument, 'annotations'>> {
  const file = pdfFile ?? join(tempDir(), 'Báo cáo tiến độ.pdf');
  if (!pdfFile) await writeAnnotatablePdf(file);
  const core = await createCore({ dataDir: dir, logToFile: false });
  try {
    if (!(await core.call('profile.get', {}))) await core.call('profile.create', MEMBER_PROFILE);
    const { results } = await core.call('documents.importFiles', { paths: [file] });
    const r = results[0]!;
    if (!r.ok) throw new Error(`import failed: ${JSON.stringify(r.error)}`);
    return { core, dir, pdfFile: file, document: r.document };
  } catch (e) {
    await core.close();
    throw e;
  }
}

/** documentWithProfile plus one annotation of every kind, saved as the reader saves them. */
export async function annotatedDocument(dir?: string): Promise<AnnotatedDocument> {
  const base = await documentWithProfile(dir);
  const annotations: Annotation[] = [];
  for (const input of everyKind(base.document.id)) annotations.push(await base.core.call('annotations.create', input));
  return { ...base, annotations };
}
