import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { PDFDocument } from 'pdf-lib';
import { v5 as uuidv5, v7 as uuidv7, validate as isUuid } from 'uuid';
import { isClassified, type Annotation, type AnnotationsInput, type AnnotationsOutputs, type DocumentSummary } from '../../../../shared/contract/index.ts';
import { watermarkLines } from '../../../../shared/watermark.ts';
import type { ServiceContext } from '../../context.ts';
import { CoreError } from '../../errors.ts';
import { writeExport } from '../../files/exports.ts';
import { refuseOverwrite, writeUserFile } from '../../files/user-file.ts';
import { releaseUpload, stagedFile } from '../../files/staging.ts';
import type { StoredAnnotation } from './annotation-store.ts';
import type { AnnotationDeps } from './deps.ts';
import { createAppearanceForms } from './exchange/appearance-forms.ts';
import { notesDocx } from './exchange/notes-docx.ts';
import { notesOutline } from './exchange/notes-outline.ts';
import { notesPdf } from './exchange/notes-pdf.ts';
import { addAnnotationObject } from './exchange/pdf-annotations.ts';
import { readPdfFileId } from './exchange/pdf-file-id.ts';
import { flattenInto } from './exchange/pdf-flatten.ts';
import { openStoredPdf } from './exchange/pdf-source.ts';
import { drawWatermark } from './exchange/pdf-watermark.ts';
import { MAX_XFDF_BYTES, parseXfdf, xfdfInvalid, type ParsedXfdf } from './exchange/xfdf-read.ts';
import { writeXfdf } from './exchange/xfdf-write.ts';

const MIME = {
  pdf: 'application/pdf',
  xfdf: 'application/vnd.adobe.xfdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

const baseName = (fileName: string) => fileName.replace(/\.pdf$/i, '');

/** "C:\Tài liệu\Báo cáo.pdf" or "file:///…/B%C3%A1o.pdf" → "Báo cáo.pdf". */
function hrefFileName(href: string): string {
  let name = href.split(/[\\/]/).pop() ?? href;
  try {
    name = decodeURIComponent(name);
  } catch {
    // not URI-encoded: keep as written
  }
  return name.normalize('NFC').trim();
}

function documentNotPdf(doc: DocumentSummary): CoreError {
  return new CoreError('INVALID_INPUT', {
    vi: `"${doc.fileName}" không phải tệp PDF nên không có ghi chú để xuất.`,
    en: `"${doc.fileName}" is not a PDF, so it has no annotations to export.`,
  });
}

/**
 * Annotations leaving and entering the app as files: the annotated PDF (real annotation objects,
 * or drawn into the pages for printing), XFDF both ways, and "my notes" as DOCX or PDF.
 */
export function createFileExchange(ctx: ServiceContext, deps: AnnotationDeps) {
  const { db } = ctx;
  const { store, documents } = deps;
  const byFileName = db.prepare("SELECT id, blob_sha256 FROM documents WHERE kind = 'pdf' AND file_name = ? COLLATE NOCASE ORDER BY rid");
  const existingOwner = db.prepare('SELECT document_id, kind, origin FROM annotations WHERE id = ?');
  const exporter = db.prepare('SELECT full_name, unit_name FROM profile LIMIT 1');
  const insertImport = db.prepare(
    `INSERT INTO annotation_imports (id, kind, document_id, author_id, author_name, signer_fingerprint, file_sha256,
       annotation_count, imported_by, imported_at)
     VALUES (?, 'xfdf', ?, ?, ?, NULL, ?, ?, ?, ?)`,
  );

  function pdfDocument(documentId: string): DocumentSummary {
    const doc = documents.detail(documentId);
    if (doc.kind !== 'pdf') throw documentNotPdf(doc);
    return doc;
  }

  /** What goes into a PDF: every note placed on this document, members' shared ones included. */
  const placed = (documentId: string): Annotation[] =>
    store.rows(documentId).map(store.toAnnotation).filter((a) => a.placement === 'placed');

  /** This user's own notes (not members' imported ones), for XFDF and "my notes". */
  const own = (documentId: string): Annotation[] => store.rows(documentId).map(store.toAnnotation).filter((a) => a.origin !== 'shared-import');

  /** A classified document's pages, and the notes quoting it, leave marked with who exported them and when. */
  async function watermarkIfClassified(doc: DocumentSummary, pdf: PDFDocument): Promise<void> {
    if (!isClassified(doc.classification)) return;
    const who = (exporter.get() as { full_name: string; unit_name: string } | undefined) ?? { full_name: '—', unit_name: '—' };
    await drawWatermark(pdf, watermarkLines({ classification: doc.classification, fullName: who.full_name, unitName: who.unit_name, at: ctx.now(), purpose: 'export' }));
  }

  async function notesPdfOf(doc: DocumentSummary, outline: Parameters<typeof notesPdf>[0]): Promise<Uint8Array> {
    const bytes = await notesPdf(outline);
    if (!isClassified(doc.classification)) return bytes;
    const pdf = await PDFDocument.load(bytes);
    await watermarkIfClassified(doc, pdf);
    return pdf.save();
  }

  async function annotatedPdf(documentId: string, flatten: boolean) {
    const doc = pdfDocument(documentId);
    const annotations = placed(documentId);
    const pdf = await openStoredPdf(documents.blobPath(doc.sha256), documents.blobKey, doc.fileName);
    try {
      return await writeAnnotations(pdf, doc, annotations, flatten);
    } catch (e) {
      if (e instanceof CoreError) throw e;
      // pdf-lib loads leniently; a file readers show can still have page objects it cannot write into
      // (an /Annots that is not an array, broken resources). That is the file's fault, not ours.
      throw new CoreError(
        'PDF_INVALID',
        {
          vi: `Tệp "${doc.fileName}" có cấu trúc hỏng nên không ghi ghi chú vào được. Hãy xuất XFDF hoặc danh sách ghi chú.`,
          en: `"${doc.fileName}" has a damaged structure, so annotations cannot be written into it. Export XFDF or the notes list instead.`,
        },
        undefined,
        { cause: e },
      );
    }
  }

  async function writeAnnotations(pdf: PDFDocument, doc: DocumentSummary, annotations: Annotation[], flatten: boolean) {
    const forms = createAppearanceForms(pdf);
    await forms.prepare(annotations);
    const pages = pdf.getPages();
    const byPage = new Map<number, Annotation[]>();
    for (const a of annotations) byPage.set(a.pageIndex, [...(byPage.get(a.pageIndex) ?? []), a]);
    for (const [pageIndex, onPage] of byPage) {
      const page = pages[pageIndex];
      if (!page) {
        throw new CoreError('INVALID_STATE', {
          vi: `Tệp PDF của "${doc.fileName}" không có trang ${pageIndex + 1} mà ghi chú nằm trên.`,
          en: `The PDF of "${doc.fileName}" has no page ${pageIndex + 1}, where annotations are.`,
        });
      }
      if (flatten) flattenInto(page, onPage, forms);
      else for (const a of onPage) addAnnotationObject(pdf, page, a, forms);
    }
    await watermarkIfClassified(doc, pdf);
    // Form fields keep their own appearances: regenerating them could lose the filler's look.
    const bytes = await pdf.save({ updateFieldAppearances: false });
    const fileName = `${baseName(doc.fileName)} - ${flatten ? 'bản in có ghi chú' : 'có ghi chú'}.pdf`;
    return { bytes, fileName, count: annotations.length };
  }

  async function xfdfOf(documentId: string) {
    const doc = pdfDocument(documentId);
    const annotations = own(documentId).filter((a) => a.placement === 'placed');
    const ids = await readPdfFileId(documents.blobPath(doc.sha256), documents.blobKey);
    return { text: writeXfdf(annotations, { fileName: doc.fileName, ids }), fileName: `${baseName(doc.fileName)}.xfdf`, count: annotations.length };
  }

  /** The document an XFDF file belongs to: the one asked for, else the one its <f href> (and /ID) name. */
  async function targetOf(parsed: ParsedXfdf, documentId: string | undefined): Promise<DocumentSummary> {
    if (documentId) return pdfDocument(documentId);
    const askForDocument = {
      vi: 'Hãy mở tài liệu cần nhập ghi chú rồi nhập lại (dòng lệnh: thêm --document MÃ_TÀI_LIỆU).',
      en: 'Open the document the notes belong to and import again (command line: add --document DOCUMENT_ID).',
    };
    const name = parsed.href ? hrefFileName(parsed.href) : null;
    if (!name) {
      throw new CoreError('INVALID_INPUT', { vi: `Tệp XFDF không ghi tên tệp PDF. ${askForDocument.vi}`, en: `The XFDF file does not name its PDF. ${askForDocument.en}` });
    }
    let candidates = byFileName.all(name) as { id: string; blob_sha256: string }[];
    if (candidates.length > 1 && parsed.ids) {
      const matching: typeof candidates = [];
      for (const c of candidates) {
        const ids = await readPdfFileId(documents.blobPath(c.blob_sha256), documents.blobKey).catch(() => null);
        if (ids?.original === parsed.ids.original) matching.push(c);
      }
      if (matching.length > 0) candidates = matching;
    }
    if (candidates.length > 1) {
      throw new CoreError('CONFLICT', {
        vi: `Có ${candidates.length} tài liệu tên "${name}". ${askForDocument.vi}`,
        en: `${candidates.length} documents are named "${name}". ${askForDocument.en}`,
      });
    }
    if (candidates.length === 0) {
      throw new CoreError('NOT_FOUND', {
        vi: `Không có tài liệu nào tên "${name}". ${askForDocument.vi}`,
        en: `No document is named "${name}". ${askForDocument.en}`,
      });
    }
    return pdfDocument(candidates[0]!.id);
  }

  /**
   * An id for the note: the file's own when it is a UUID free for this document, else one derived
   * from it (stable across re-imports). A member's signed note is never the target of an unsigned
   * file: its id gets a derived one, so the XFDF note lands beside it.
   */
  function idFor(name: string | null, documentId: string, kind: string): string {
    if (name === null) return uuidv7();
    if (isUuid(name)) {
      const id = name.toLowerCase();
      const owner = existingOwner.get(id) as { document_id: string; kind: string; origin: string } | undefined;
      if (!owner || (owner.document_id === documentId && owner.kind === kind && owner.origin !== 'shared-import')) return id;
    }
    return uuidv5(name, documentId);
  }

  async function importXfdfBytes(bytes: Buffer, documentId: string | undefined): Promise<AnnotationsOutputs['annotations.importXfdf']> {
    const me = store.me();
    const parsed = parseXfdf(bytes.toString('utf8'));
    const doc = await targetOf(parsed, documentId);
    parsed.annotations.forEach((a, i) => {
      if (doc.pageCount !== null && a.pageIndex >= doc.pageCount) {
        throw xfdfInvalid(
          `ghi chú thứ ${i + 1} nằm ở trang ${a.pageIndex + 1} nhưng tài liệu "${doc.fileName}" chỉ có ${doc.pageCount} trang.`,
          `annotation ${i + 1} is on page ${a.pageIndex + 1} but "${doc.fileName}" has only ${doc.pageCount} pages.`,
        );
      }
    });
    const now = ctx.now().toISOString();
    const importId = uuidv7();
    const items: StoredAnnotation[] = parsed.annotations.map((a) => {
      const authorName = a.title ?? me.full_name;
      return {
        id: idFor(a.name, doc.id, a.kind),
        documentId: doc.id,
        pageIndex: a.pageIndex,
        kind: a.kind,
        geometry: a.geometry,
        color: a.color,
        thickness: a.thickness,
        opacity: a.opacity,
        contents: a.contents,
        quotedText: a.quotedText,
        fontSize: a.fontSize,
        shared: false,
        authorId: authorName === me.full_name ? me.id : null,
        authorName,
        origin: 'xfdf',
        importId,
        createdAt: a.createdAt ?? now,
        updatedAt: a.updatedAt ?? a.createdAt ?? now,
      };
    });
    const authors = [...new Set(items.map((i) => i.authorName))];
    const authorName = authors.length ? authors.join(', ') : me.full_name;
    const fileSha = createHash('sha256').update(bytes).digest('hex');
    const counts = db.transaction(() => {
      insertImport.run(importId, doc.id, authors.length === 1 && items[0]!.authorId ? me.id : null, authorName, fileSha, items.length, me.id, now);
      const result = store.putMany(items);
      ctx.audit.record({
        action: 'annotations.importXfdf',
        entity: 'document',
        entityId: doc.id,
        detail: { importId, fileSha256: fileSha, ...result, skipped: parsed.skipped },
      });
      return result;
    })();
    store.changed(doc.id);
    return { documentId: doc.id, ...counts, authorName, skipped: parsed.skipped };
  }

  async function readXfdfFile(file: string, displayName: string): Promise<Buffer> {
    let size: number;
    try {
      size = (await stat(file)).size;
    } catch {
      throw new CoreError('NOT_FOUND', { vi: `Không tìm thấy tệp "${displayName}".`, en: `File not found: "${displayName}".` });
    }
    if (size > MAX_XFDF_BYTES) throw xfdfInvalid('tệp quá lớn (tối đa 20 MB).', 'the file is too large (20 MB at most).');
    return readFile(file);
  }

  return {
    async exportPdf({ documentId, flatten }: AnnotationsInput<'annotations.exportPdf'>): Promise<AnnotationsOutputs['annotations.exportPdf']> {
      const { bytes, fileName } = await annotatedPdf(documentId, flatten);
      return writeExport(ctx.paths, fileName, MIME.pdf, bytes);
    },

    async exportXfdf({ documentId }: AnnotationsInput<'annotations.exportXfdf'>): Promise<AnnotationsOutputs['annotations.exportXfdf']> {
      const { text, fileName } = await xfdfOf(documentId);
      return writeExport(ctx.paths, fileName, MIME.xfdf, text);
    },

    async importXfdf({ upload, documentId }: AnnotationsInput<'annotations.importXfdf'>): Promise<AnnotationsOutputs['annotations.importXfdf']> {
      const bytes = await readXfdfFile(stagedFile(ctx.paths, upload), upload.fileName);
      const result = await importXfdfBytes(bytes, documentId);
      releaseUpload(ctx.paths, upload);
      return result;
    },

    async exportNotes({ documentId, format }: AnnotationsInput<'annotations.exportNotes'>): Promise<AnnotationsOutputs['annotations.exportNotes']> {
      const doc = pdfDocument(documentId);
      const me = store.me();
      const outline = notesOutline(doc, own(documentId), me.full_name, ctx.now());
      const fileName = `Ghi chú - ${baseName(doc.fileName)}.${format}`;
      return format === 'docx'
        ? writeExport(ctx.paths, fileName, MIME.docx, await notesDocx(outline))
        : writeExport(ctx.paths, fileName, MIME.pdf, await notesPdfOf(doc, outline));
    },

    async exportFile({ documentId, format, file, overwrite }: AnnotationsInput<'annotations.exportFile'>): Promise<AnnotationsOutputs['annotations.exportFile']> {
      // Checked before the work too, so a refused export costs nothing.
      refuseOverwrite(file, overwrite);
      const made = format === 'xfdf' ? await xfdfOf(documentId) : await annotatedPdf(documentId, format === 'pdf-flattened');
      const bytes = writeUserFile(file, overwrite, 'text' in made ? made.text : made.bytes);
      return { documentId, format, annotations: made.count, file, bytes };
    },

    /** An XFDF file on disk (CLI). */
    async importXfdfFile(file: string, documentId: string | undefined): Promise<AnnotationsOutputs['annotations.importFile']> {
      return importXfdfBytes(await readXfdfFile(file, file), documentId);
    },
  };
}
