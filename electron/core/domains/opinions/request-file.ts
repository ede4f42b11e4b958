import type { OpinionImportResult } from '../../../../shared/contract/index.ts';
import type { ServiceContext } from '../../context.ts';
import { CoreError } from '../../errors.ts';
import { blobPlainSize, type BlobAccess } from '../../files/blob-file.ts';
import { fileSlug } from '../../files/file-slug.ts';
import { holderText } from '../directory/index.ts';
import { placeTempBlob } from '../documents/blob-store.ts';
import { OPINION_EXTENSION, REQUEST, type RequestContent, type RequestManifest } from './format.ts';
import type { OpinionDeps } from './deps.ts';
import type { OpinionStore } from './opinion-store.ts';
import type { OpenedOpinionFile } from './read-opinion-file.ts';
import { writeOpinionFile } from './write-opinion-file.ts';

/** "lay-y-kien-du-thao-ke-hoach-….nsykien". */
export const requestFileName = (title: string) => `lay-y-kien-${fileSlug(title)}${OPINION_EXTENSION}`;

/** The request's signer is not trusted for its committee's packs on this laptop. */
export function requestUntrusted(manifest: RequestManifest): CoreError {
  const label = holderText(manifest.signer);
  return new CoreError(
    'PACK_UNTRUSTED',
    {
      vi: `Phiếu lấy ý kiến được ký bởi "${label}" (dấu vân tay ${manifest.signer.fingerprint}), khóa này chưa được tin cậy để gửi tài liệu của "${manifest.committee.name}". Hãy đối chiếu dấu vân tay với bộ phận thư ký của Ban Chỉ đạo đó rồi chấp nhận khóa cho Ban Chỉ đạo này trước khi nhập.`,
      en: `The opinion request is signed by "${label}" (fingerprint ${manifest.signer.fingerprint}), a key not trusted to send documents of "${manifest.committee.name}". Check the fingerprint with that committee's secretariat, then trust the key for this committee before importing.`,
    },
    { label, fingerprint: manifest.signer.fingerprint, publicKey: manifest.signer.publicKey, committeeId: manifest.committee.id, committeeName: manifest.committee.name },
  );
}

/**
 * The request file, both ways: written from a request made here (with its documents and their page
 * texts, so the member's search finds them), and taken in on a member's laptop, where it becomes a
 * received request the member answers. The committee's secretariat signs it; a member accepts it
 * only from a key trusted for that committee's packs (the same trust as meeting packs).
 */
export function createRequestFile(ctx: ServiceContext, deps: OpinionDeps, store: OpinionStore) {
  const { db } = ctx;
  const questions = db.prepare('SELECT id, position, text FROM opinion_questions WHERE request_id = ? ORDER BY position');
  const recipients = db.prepare('SELECT person_id AS personId, full_name AS fullName, position_title AS position FROM opinion_recipients WHERE request_id = ? ORDER BY ordinal');
  // The version asked about travels, not its history: the member's store may not hold its predecessors.
  const documents = db.prepare(
    `SELECT d.id, d.blob_sha256, d.file_name, d.kind, d.mime, d.page_count, d.number, d.notation, d.issue_date, d.issuer, d.summary,
            d.type_code, d.classification, d.urgency, NULL AS previous_version_id, d.created_at, d.updated_at
       FROM opinion_documents od JOIN documents d ON d.id = od.document_id WHERE od.request_id = ? ORDER BY od.position`,
  );
  const pages = db.prepare('SELECT text FROM document_pages WHERE document_id = ? ORDER BY page_no').pluck();
  const ownKey = db.prepare('SELECT public_key FROM profile LIMIT 1').pluck();
  const documentExists = db.prepare('SELECT 1 FROM documents WHERE id = ?').pluck();
  const insertBlob = db.prepare('INSERT OR IGNORE INTO blobs (sha256, size, stored_at) VALUES (?, ?, ?)');
  const upsertRequest = db.prepare(
    `INSERT INTO opinion_requests (id, origin, committee_id, committee_name, title, body, deadline, signer_key, signer_fingerprint, signer_label,
       file_sha256, created_by, created_at, updated_at)
     VALUES (@id, 'received', @committeeId, @committeeName, @title, @body, @deadline, @signerKey, @fingerprint, @label, @sha, NULL, @createdAt, @now)
     ON CONFLICT (id) DO UPDATE SET committee_name = excluded.committee_name, title = excluded.title, body = excluded.body,
       deadline = excluded.deadline, signer_key = excluded.signer_key, signer_fingerprint = excluded.signer_fingerprint,
       signer_label = excluded.signer_label, file_sha256 = excluded.file_sha256, updated_at = excluded.updated_at`,
  );
  const upsertQuestion = db.prepare(
    'INSERT INTO opinion_questions (id, request_id, position, text) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET text = excluded.text',
  );
  const clearRecipients = db.prepare('DELETE FROM opinion_recipients WHERE request_id = ?');
  const insertRecipient = db.prepare('INSERT INTO opinion_recipients (request_id, person_id, full_name, position_title, ordinal) VALUES (?, ?, ?, ?, ?)');
  const clearDocuments = db.prepare('DELETE FROM opinion_documents WHERE request_id = ?');
  const insertDocument = db.prepare('INSERT INTO opinion_documents (request_id, document_id, position) VALUES (?, ?, ?)');
  const questionOwner = db.prepare('SELECT request_id FROM opinion_questions WHERE id = ?').pluck();

  return {
    /** Writes the signed request file to `file`; returns the signing key's fingerprint. */
    async write(requestId: string, file: string, access: BlobAccess): Promise<string> {
      const r = store.local(requestId);
      const identity = deps.directory.signer.current();
      const rows = documents.all(requestId) as RequestContent['documents'];
      const content: RequestContent = {
        id: r.id,
        committee: { id: r.committee_id, name: r.committee_name },
        title: r.title,
        body: r.body,
        deadline: r.deadline,
        createdAt: r.created_at,
        questions: questions.all(requestId) as RequestContent['questions'],
        recipients: recipients.all(requestId) as RequestContent['recipients'],
        documents: rows,
      };
      const json = new Map<string, unknown>([[REQUEST, content]]);
      for (const d of rows) if (d.kind === 'pdf') json.set(`text/${d.id}.json`, pages.all(d.id));
      const blobs = new Map<string, number>();
      for (const d of rows) {
        const size = await blobPlainSize(access, d.blob_sha256);
        if (size === null) {
          throw new CoreError('IO_ERROR', {
            vi: `Thiếu tệp của tài liệu "${d.file_name}" trong kho lưu trữ. Hãy nhập lại tài liệu này.`,
            en: `The stored file of "${d.file_name}" is missing. Import the document again.`,
          });
        }
        blobs.set(d.blob_sha256, size);
      }
      const head = { format: 'nghisu.opinion-request' as const, requestId, committee: content.committee };
      await writeOpinionFile(file, head, { json, documents: [...blobs].map(([sha256, size]) => ({ sha256, size })) }, access, identity, ctx.now());
      db.transaction(() =>
        ctx.audit.record({ action: 'opinions.export', entity: 'opinion_request', entityId: requestId, detail: { documents: rows.length, fingerprint: identity.fingerprint } }),
      )();
      return identity.fingerprint;
    },

    /** Whether to read a request file's content: refused when made here, 'stop' when its signer is not trusted yet. */
    check(manifest: RequestManifest, fileName: string): 'read' | 'stop' {
      const here = store.find(manifest.requestId);
      if (ownKey.get() === manifest.signer.publicKey || here?.origin === 'local') {
        throw new CoreError('INVALID_STATE', {
          vi: `"${fileName}" là phiếu lấy ý kiến lập trên chính máy này; không cần nhập.`,
          en: `"${fileName}" is an opinion request made on this computer; there is nothing to import.`,
        });
      }
      return deps.directory.trustedKeys.trustsPack(manifest.signer.publicKey, manifest.committee.id) ? 'read' : 'stop';
    },

    /** Stores a verified request on the member's laptop, in one transaction; the member's answers so far stay. */
    apply(opened: OpenedOpinionFile & { manifest: RequestManifest }, fileName: string): OpinionImportResult {
      const { manifest } = opened;
      const request = opened.request!;
      const before = store.find(request.id);
      for (const q of request.questions) {
        const owner = questionOwner.get(q.id) as string | undefined;
        if (owner !== undefined && owner !== request.id) {
          throw new CoreError('PACK_INVALID', { vi: `Nội dung tệp "${fileName}" không nhất quán (câu hỏi ${q.id}).`, en: `The content of "${fileName}" is inconsistent (question ${q.id}).` });
        }
      }
      const now = ctx.now().toISOString();
      const label = holderText(manifest.signer);
      db.transaction(() => {
        upsertRequest.run({
          id: request.id,
          committeeId: request.committee.id,
          committeeName: request.committee.name,
          title: request.title,
          body: request.body,
          deadline: request.deadline,
          signerKey: manifest.signer.publicKey,
          fingerprint: manifest.signer.fingerprint,
          label,
          sha: opened.manifestSha,
          createdAt: request.createdAt,
          now,
        });
        for (const q of request.questions) upsertQuestion.run(q.id, request.id, q.position, q.text);
        clearRecipients.run(request.id);
        request.recipients.forEach((p, i) => insertRecipient.run(request.id, p.personId, p.fullName, p.position, i));
        for (const [sha256, blob] of opened.documents) insertBlob.run(sha256, blob.size, now);
        // A document already here (from a meeting pack, say) keeps its row; a new one is indexed like a pack's.
        for (const d of request.documents) if (!documentExists.get(d.id)) deps.documents.insertPackDocument(d, opened.pageTexts.get(d.id));
        clearDocuments.run(request.id);
        request.documents.forEach((d, i) => insertDocument.run(request.id, d.id, i));
        ctx.audit.record({
          action: 'opinions.import',
          entity: 'opinion_request',
          entityId: request.id,
          detail: { signer: manifest.signer.fingerprint, questions: request.questions.length, documents: request.documents.length, updated: before !== undefined },
        });
        // Inside the write transaction, as a pack import places its files: the start-up sweep of
        // another process never sees a placed file before its row.
        for (const blob of opened.documents.values()) placeTempBlob(ctx, blob);
      }).immediate();
      return {
        kind: 'request',
        requestId: request.id,
        title: request.title,
        committee: request.committee,
        signer: { label, fingerprint: manifest.signer.fingerprint },
        questions: request.questions.length,
        documents: request.documents.length,
        updated: before !== undefined,
      };
    },
  };
}
