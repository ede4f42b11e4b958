import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import {
  foldText,
  type AnnotationGeometry,
  type AnnotationImportResult,
  type AnnotationsInput,
  type AnnotationsOutputs,
  type SharedAnnotationsInspection,
} from '../../../../shared/contract/index.ts';
import type { ServiceContext } from '../../context.ts';
import { CoreError } from '../../errors.ts';
import { writeExport } from '../../files/exports.ts';
import { releaseUpload, stagedFile } from '../../files/staging.ts';
import { holderText } from '../directory/index.ts';
import { documentNotFound } from '../documents/document-rows.ts';
import type { StoredAnnotation } from './annotation-store.ts';
import type { AnnotationDeps } from './deps.ts';
import { SHARED_EXTENSION, SHARED_MIME, type SharedAnnotation } from './shared/format.ts';
import { readSharedNotes, type OpenedSharedNotes } from './shared/read-shared.ts';
import { writeSharedNotes } from './shared/write-shared.ts';

interface DocumentRef {
  id: string;
  blob_sha256: string;
  file_name: string;
}

/** "Báo cáo tiến độ.pdf" → "Báo cáo tiến độ-ghi-chu-chia-se.nsghichu". */
function sharedFileName(documentFileName: string): string {
  const base = documentFileName.replace(/\.[^./\\]{1,8}$/, '').trim() || 'tai-lieu';
  return `${base}-ghi-chu-chia-se${SHARED_EXTENSION}`;
}

/**
 * A member's shared notes as one file signed with their profile key, and its import by the
 * secretariat: the notes appear on the same document attributed to the member, read-only, and a
 * newer file from the same member replaces the earlier one (notes since un-shared or deleted go).
 */
export function createSharedNotes(ctx: ServiceContext, deps: AnnotationDeps) {
  const { db } = ctx;
  const documentById = db.prepare('SELECT id, blob_sha256, file_name FROM documents WHERE id = ?');
  const documentBySha = db.prepare("SELECT id, blob_sha256, file_name FROM documents WHERE blob_sha256 = ? AND kind = 'pdf' ORDER BY created_at, rid LIMIT 1");
  const profileId = db.prepare('SELECT id FROM profile LIMIT 1').pluck();
  const insertImport = db.prepare(
    `INSERT INTO annotation_imports (id, kind, document_id, author_id, author_name, signer_fingerprint, file_sha256,
       annotation_count, imported_by, imported_at)
     VALUES (?, 'shared', ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // The member's notes already here: an earlier import (by the person, or signed by this very key
  // before keys were bound to people), and copies of it carried from an older version.
  const previousOfAuthor = db
    .prepare(
      `SELECT id FROM annotations WHERE document_id = @document AND origin IN ('shared-import', 'carried')
         AND (author_id = @person OR import_id IN (SELECT id FROM annotation_imports WHERE signer_fingerprint = @fingerprint))`,
    )
    .pluck();
  const remove = db.prepare('DELETE FROM annotations WHERE id = ?');

  /** The document the file names: the same id with the same content, else a document with that content. */
  function resolveDocument(named: { id: string; sha256: string }): DocumentRef | undefined {
    const byId = documentById.get(named.id) as DocumentRef | undefined;
    if (byId && byId.blob_sha256 === named.sha256) return byId;
    return documentBySha.get(named.sha256) as DocumentRef | undefined;
  }

  function describe(opened: OpenedSharedNotes): SharedAnnotationsInspection {
    const { manifest } = opened;
    const { author } = manifest;
    const person = deps.directory.trustedKeys.notesPerson(author.publicKey);
    return {
      signer: {
        label: holderText({ fullName: author.fullName, position: author.position, unitName: author.unitName }),
        publicKey: author.publicKey,
        fingerprint: author.fingerprint,
        trusted: person !== null,
      },
      person,
      document: { ...manifest.document, known: resolveDocument(manifest.document) !== undefined },
      authorName: author.fullName,
      count: manifest.count,
      createdAt: manifest.createdAt,
    };
  }

  /** Only a trusted author's notes are read: an unknown key's file costs no more than its manifest. */
  const readNotes = (file: string, fileName: string) => readSharedNotes(file, fileName, (author) => deps.directory.trustedKeys.notesPerson(author.publicKey) !== null);

  function importOpened(opened: OpenedSharedNotes, fileName: string): AnnotationImportResult {
    const { manifest } = opened;
    const { author } = manifest;
    if (profileId.get() === author.profileId) {
      throw new CoreError('INVALID_STATE', {
        vi: `"${fileName}" là ghi chú của chính bạn; chúng đã có trên máy này.`,
        en: `"${fileName}" holds your own notes; they are on this computer already.`,
      });
    }
    const inspection = describe(opened);
    if (!inspection.signer.trusted) {
      throw new CoreError(
        'PACK_UNTRUSTED',
        {
          vi: `Tệp ghi chú được ký bởi "${inspection.signer.label}" (dấu vân tay ${author.fingerprint}), khóa này chưa được tin cậy để ký ghi chú của một người trong danh mục. Hãy đối chiếu dấu vân tay với người gửi rồi chấp nhận khóa cho đúng người đó trước khi nhập.`,
          en: `The notes file is signed by "${inspection.signer.label}" (fingerprint ${author.fingerprint}), a key not trusted to sign notes of anyone in the directory. Check the fingerprint with the sender, then trust the key for that person before importing.`,
        },
        { label: inspection.signer.label, fingerprint: author.fingerprint, publicKey: author.publicKey },
      );
    }
    const person = inspection.person!;
    // The file states its author; only the person its key is bound to may be that author.
    if (foldText(person.fullName) !== foldText(author.fullName)) {
      throw new CoreError(
        'PACK_INVALID',
        {
          vi: `Tệp ghi chú ghi người viết là "${author.fullName}", nhưng khóa ký tệp chỉ được tin cậy để ký ghi chú của "${person.fullName}". Không nhập tệp này.`,
          en: `The notes file names "${author.fullName}" as its author, but the key that signed it is trusted only for notes of "${person.fullName}". It was not imported.`,
        },
        { fingerprint: author.fingerprint, statedAuthor: author.fullName, boundPerson: person.id },
      );
    }
    const annotations = opened.annotations;
    if (!annotations) throw new Error('notes of a trusted author are always read');
    const target = resolveDocument(manifest.document);
    if (!target) {
      throw new CoreError('NOT_FOUND', {
        vi: `Tài liệu "${manifest.document.fileName}" của các ghi chú này chưa có trên máy. Hãy nhập tài liệu (hoặc gói tài liệu cuộc họp có tài liệu đó) trước, rồi nhập lại "${fileName}".`,
        en: `The document "${manifest.document.fileName}" these notes are on is not on this computer. Import the document (or the meeting pack holding it) first, then import "${fileName}" again.`,
      });
    }

    const importId = uuidv7();
    const now = ctx.now().toISOString();
    const incoming = new Set(annotations.map((a) => a.id));
    const items: StoredAnnotation[] = annotations.map((a) => ({
      id: a.id,
      documentId: target.id,
      pageIndex: a.pageIndex,
      kind: a.kind,
      geometry: a.geometry as AnnotationGeometry,
      color: a.color,
      thickness: a.thickness,
      opacity: a.opacity,
      contents: a.contents,
      quotedText: a.quotedText,
      fontSize: a.fontSize,
      shared: true,
      authorId: person.id,
      authorName: person.fullName,
      origin: 'shared-import',
      importId,
      placement: 'placed',
      carriedFrom: null,
      createdAt: a.createdAt,
      updatedAt: a.updatedAt,
    }));
    const result = db.transaction(() => {
      insertImport.run(importId, target.id, person.id, person.fullName, author.fingerprint, opened.manifestSha, items.length, ctx.actorId(), now);
      let removed = 0;
      const previous = previousOfAuthor.all({ document: target.id, person: person.id, fingerprint: author.fingerprint }) as string[];
      for (const id of previous) {
        if (incoming.has(id)) continue;
        remove.run(id);
        removed += 1;
      }
      const counts = deps.store.putMany(items);
      ctx.audit.record({
        action: 'annotations.importShared',
        entity: 'annotation_import',
        entityId: importId,
        detail: { documentId: target.id, authorId: person.id, fingerprint: author.fingerprint, ...counts, removed },
      });
      return counts;
    })();
    deps.store.changed(target.id);
    return { documentId: target.id, ...result, authorName: person.fullName };
  }

  return {
    async exportShared({ documentId }: AnnotationsInput<'annotations.exportShared'>): Promise<AnnotationsOutputs['annotations.exportShared']> {
      const doc = documentById.get(documentId) as DocumentRef | undefined;
      if (!doc) throw documentNotFound();
      const signer = deps.directory.signer.current();
      // Own notes marked shared; a carried note the member has not placed yet is not sent until they do.
      const rows = deps.store
        .rows(documentId)
        .filter((r) => r.shared === 1 && r.author_id === signer.profileId && r.origin !== 'shared-import' && r.placement === 'placed');
      if (rows.length === 0) {
        throw new CoreError('INVALID_STATE', {
          vi: `Chưa có ghi chú nào của bạn trên "${doc.file_name}" được chia sẻ. Hãy bật "Chia sẻ với cuộc họp" ở những ghi chú muốn gửi, rồi xuất lại.`,
          en: `None of your notes on "${doc.file_name}" is shared. Switch "Share with the meeting" on for the notes you want to send, then export again.`,
        });
      }
      const annotations: SharedAnnotation[] = rows.map((r) => {
        const a = deps.store.toAnnotation(r);
        return {
          id: a.id,
          documentId: a.documentId,
          kind: a.kind,
          pageIndex: a.pageIndex,
          geometry: a.geometry as Record<string, unknown>,
          color: a.color,
          thickness: a.thickness,
          opacity: a.opacity,
          contents: a.contents,
          quotedText: a.quotedText,
          fontSize: a.fontSize,
          shared: true,
          createdAt: a.createdAt,
          updatedAt: a.updatedAt,
        };
      });
      const bytes = await writeSharedNotes({ id: doc.id, sha256: doc.blob_sha256, fileName: doc.file_name }, annotations, signer, ctx.now());
      const exported = await writeExport(ctx.paths, sharedFileName(doc.file_name), SHARED_MIME, bytes);
      db.transaction(() =>
        ctx.audit.record({
          action: 'annotations.exportShared',
          entity: 'document',
          entityId: doc.id,
          detail: { count: annotations.length, fingerprint: signer.fingerprint },
        }),
      )();
      return exported;
    },

    async inspectShared({ upload }: AnnotationsInput<'annotations.inspectShared'>): Promise<AnnotationsOutputs['annotations.inspectShared']> {
      return describe(await readNotes(stagedFile(ctx.paths, upload), upload.fileName));
    },

    async importShared({ upload }: AnnotationsInput<'annotations.importShared'>): Promise<AnnotationsOutputs['annotations.importShared']> {
      const opened = await readNotes(stagedFile(ctx.paths, upload), upload.fileName);
      const result = importOpened(opened, upload.fileName);
      releaseUpload(ctx.paths, upload);
      return result;
    },

    /** A shared-notes file on disk (CLI); `trustSigner` first trusts its key for the notes of `personId`. */
    async importSharedFile(file: string, trustSigner: boolean, personId: string | undefined): Promise<AnnotationsOutputs['annotations.importFile']> {
      if (!existsSync(file)) {
        throw new CoreError('NOT_FOUND', { vi: `Không tìm thấy tệp "${file}".`, en: `File not found: "${file}".` });
      }
      const fileName = basename(file);
      let opened = await readNotes(file, fileName);
      if (trustSigner) {
        const seen = describe(opened);
        if (!seen.signer.trusted) {
          if (!personId) {
            throw new CoreError('INVALID_INPUT', {
              vi: 'Cần chọn người trong danh mục mà khóa này ký ghi chú thay (--person MÃ_NGƯỜI).',
              en: 'Name the directory person this key signs notes for (--person PERSON_ID).',
            });
          }
          deps.directory.trustedKeys.trust({ publicKey: seen.signer.publicKey, label: seen.signer.label, scope: { purpose: 'notes', personId } });
          opened = await readNotes(file, fileName);
        }
      }
      return importOpened(opened, fileName);
    },
  };
}
