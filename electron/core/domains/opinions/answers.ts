import { v7 as uuidv7 } from 'uuid';
import type { OpinionImportResult, OpinionRequestDetail, OpinionsInput } from '../../../../shared/contract/index.ts';
import type { ServiceContext } from '../../context.ts';
import { CoreError } from '../../errors.ts';
import type { BlobAccess } from '../../files/blob-file.ts';
import { fileSlug } from '../../files/file-slug.ts';
import { holderText } from '../directory/index.ts';
import { ANSWERS, OPINION_EXTENSION, type AnswersContent, type AnswersManifest } from './format.ts';
import type { OpinionDeps } from './deps.ts';
import { isLate, type OpinionStore } from './opinion-store.ts';
import type { OpenedOpinionFile } from './read-opinion-file.ts';
import { writeOpinionFile } from './write-opinion-file.ts';

/** "tra-loi-y-kien-du-thao-ke-hoach-….nsykien". */
export const answersFileName = (title: string) => `tra-loi-y-kien-${fileSlug(title)}${OPINION_EXTENSION}`;

/** The answers' key is not trusted here as any directory person's. */
function answersUntrusted(manifest: AnswersManifest): CoreError {
  const label = holderText(manifest.signer);
  return new CoreError(
    'PACK_UNTRUSTED',
    {
      vi: `Tệp trả lời được ký bởi "${label}" (dấu vân tay ${manifest.signer.fingerprint}), khóa này chưa được tin cậy là khóa của một người trong danh mục. Hãy đối chiếu dấu vân tay với người gửi rồi chấp nhận khóa cho đúng người đó trước khi nhập.`,
      en: `The answers file is signed by "${label}" (fingerprint ${manifest.signer.fingerprint}), a key not trusted as anyone's in the directory. Check the fingerprint with the sender, then trust the key for that person before importing.`,
    },
    { label, fingerprint: manifest.signer.fingerprint, publicKey: manifest.signer.publicKey },
  );
}

/**
 * Answers, both ways: the member's own on a received request and the signed file that carries them
 * back; on the secretariat's laptop, that file taken in. It is accepted only when its key is trusted
 * as a directory person's (the same grant as shared notes), that person was asked, and the request
 * is one made here. Each file carries a sequence the member's laptop counts up: a newer file
 * replaces the member's earlier answers, an older one is refused, the same one changes nothing.
 */
export function createAnswers(ctx: ServiceContext, deps: OpinionDeps, store: OpinionStore) {
  const { db } = ctx;
  const questionOf = db.prepare('SELECT id FROM opinion_questions WHERE id = ? AND request_id = ?').pluck();
  const upsertOwn = db.prepare(
    `INSERT INTO opinion_own_answers (request_id, question_id, choice, text, answered_at) VALUES (@requestId, @questionId, @choice, @text, @now)
     ON CONFLICT (request_id, question_id) DO UPDATE SET choice = excluded.choice, text = excluded.text, answered_at = excluded.answered_at`,
  );
  const ownAnswers = db.prepare(
    `SELECT a.question_id AS questionId, a.choice, a.text FROM opinion_own_answers a JOIN opinion_questions q ON q.id = a.question_id
      WHERE a.request_id = ? ORDER BY q.position`,
  );
  const bumpSequence = db.prepare('UPDATE opinion_requests SET answers_sequence = answers_sequence + 1 WHERE id = ? RETURNING answers_sequence').pluck();
  const ownKey = db.prepare('SELECT public_key FROM profile LIMIT 1').pluck();
  const recipient = db.prepare('SELECT full_name FROM opinion_recipients WHERE request_id = ? AND person_id = ?').pluck();
  const replyOf = db.prepare('SELECT id, sequence, file_sha256 FROM opinion_replies WHERE request_id = ? AND person_id = ?');
  const removeReply = db.prepare('DELETE FROM opinion_replies WHERE id = ?');
  const insertReply = db.prepare(
    `INSERT INTO opinion_replies (id, request_id, person_id, person_name, signer_fingerprint, sequence, signed_at, file_sha256, late, imported_by, imported_at)
     VALUES (@id, @requestId, @personId, @personName, @fingerprint, @sequence, @signedAt, @sha, @late, @by, @now)`,
  );
  const insertAnswer = db.prepare('INSERT INTO opinion_reply_answers (reply_id, question_id, choice, text) VALUES (?, ?, ?, ?)');

  return {
    answer(input: OpinionsInput<'opinions.answer'>): OpinionRequestDetail {
      const r = store.received(input.requestId);
      if (questionOf.get(input.questionId, r.id) === undefined) {
        throw new CoreError('NOT_FOUND', { vi: 'Phiếu lấy ý kiến này không có câu hỏi đó.', en: 'This opinion request has no such question.' });
      }
      db.transaction(() => {
        upsertOwn.run({ requestId: r.id, questionId: input.questionId, choice: input.choice, text: input.text ?? null, now: ctx.now().toISOString() });
        ctx.audit.record({ action: 'opinions.answer', entity: 'opinion_request', entityId: r.id, detail: { questionId: input.questionId, choice: input.choice } });
      })();
      return store.detail(r.id);
    },

    /**
     * Writes the member's answers, signed, to `file`. The sequence is counted up and committed before
     * the file is written: a crash in between skips a number, it never reuses one for other answers.
     */
    async write(requestId: string, file: string, access: BlobAccess): Promise<string> {
      const r = store.received(requestId);
      const answers = ownAnswers.all(r.id) as AnswersContent;
      if (answers.length === 0) {
        throw new CoreError('INVALID_STATE', {
          vi: `Chưa trả lời câu hỏi nào của phiếu "${r.title}". Hãy chọn đồng ý, không đồng ý hoặc ý kiến khác cho từng câu hỏi rồi xuất lại.`,
          en: `No question of "${r.title}" is answered yet. Choose agree, disagree or other for each question, then export again.`,
        });
      }
      const identity = deps.directory.signer.current();
      const sequence = db.transaction(() => {
        const next = bumpSequence.get(r.id) as number;
        ctx.audit.record({ action: 'opinions.exportAnswers', entity: 'opinion_request', entityId: r.id, detail: { sequence: next, answers: answers.length, fingerprint: identity.fingerprint } });
        return next;
      })();
      const head = { format: 'nghisu.opinion-answers' as const, requestId: r.id, sequence };
      await writeOpinionFile(file, head, { json: new Map([[ANSWERS, answers]]), documents: [] }, access, identity, ctx.now());
      return identity.fingerprint;
    },

    /** Whether to read an answers file: refused when it cannot belong here, 'stop' when its key is not trusted as a person's. */
    check(manifest: AnswersManifest, fileName: string): 'read' | 'stop' {
      if (ownKey.get() === manifest.signer.publicKey) {
        throw new CoreError('INVALID_STATE', { vi: `"${fileName}" là tệp trả lời của chính bạn.`, en: `"${fileName}" holds your own answers.` });
      }
      const r = store.find(manifest.requestId);
      if (!r) {
        throw new CoreError('NOT_FOUND', {
          vi: `"${fileName}" trả lời một phiếu lấy ý kiến không lập trên máy này (phiếu của cơ quan khác, hoặc dữ liệu đã bị xóa). Không có gì được nhập.`,
          en: `"${fileName}" answers an opinion request not made on this computer (another office's, or deleted). Nothing was imported.`,
        });
      }
      if (r.origin !== 'local') store.local(r.id);
      const person = deps.directory.trustedKeys.notesPerson(manifest.signer.publicKey);
      if (!person) return 'stop';
      if (recipient.get(r.id, person.id) === undefined) {
        throw new CoreError(
          'PACK_UNTRUSTED',
          {
            vi: `Tệp "${fileName}" được ký bằng khóa của ${person.fullName}, người không có trong danh sách được xin ý kiến của phiếu "${r.title}". Không có gì được nhập.`,
            en: `"${fileName}" is signed with the key of ${person.fullName}, who is not among those asked in "${r.title}". Nothing was imported.`,
          },
          { personId: person.id, fingerprint: manifest.signer.fingerprint },
        );
      }
      return 'read';
    },

    untrusted: answersUntrusted,

    /** Records a verified answers file as the member's answers in force, in one transaction. */
    apply(opened: OpenedOpinionFile & { manifest: AnswersManifest }, fileName: string): OpinionImportResult {
      const { manifest } = opened;
      const r = store.local(manifest.requestId);
      const person = deps.directory.trustedKeys.notesPerson(manifest.signer.publicKey)!;
      const answers = opened.answers!;
      for (const a of answers) {
        if (questionOf.get(a.questionId, r.id) === undefined) {
          throw new CoreError('PACK_INVALID', {
            vi: `Tệp "${fileName}" trả lời câu hỏi không có trong phiếu "${r.title}". Không có gì được nhập.`,
            en: `"${fileName}" answers a question that "${r.title}" does not have. Nothing was imported.`,
          });
        }
      }
      const base = { kind: 'answers' as const, requestId: r.id, person: { id: person.id, name: person.fullName }, answers: answers.length, signedAt: manifest.createdAt };
      const late = isLate(manifest.createdAt, r.deadline);
      const previous = replyOf.get(r.id, person.id) as { id: string; sequence: number; file_sha256: string } | undefined;
      if (previous?.file_sha256 === opened.manifestSha) return { ...base, late, replaced: false, unchanged: true };
      if (previous && manifest.sequence <= previous.sequence) {
        throw new CoreError(
          'CONFLICT',
          {
            vi: `"${fileName}" là bản trả lời cũ hơn (lần ${manifest.sequence}) bản của ${person.fullName} đã nhập (lần ${previous.sequence}). Giữ nguyên bản đã nhập.`,
            en: `"${fileName}" is older answers (number ${manifest.sequence}) than those of ${person.fullName} already imported (number ${previous.sequence}). The imported ones stay.`,
          },
          { sequence: manifest.sequence, imported: previous.sequence },
        );
      }
      const replyId = uuidv7();
      db.transaction(() => {
        if (previous) removeReply.run(previous.id);
        insertReply.run({
          id: replyId,
          requestId: r.id,
          personId: person.id,
          personName: person.fullName,
          fingerprint: manifest.signer.fingerprint,
          sequence: manifest.sequence,
          signedAt: manifest.createdAt,
          sha: opened.manifestSha,
          late: late ? 1 : 0,
          by: ctx.actorId(),
          now: ctx.now().toISOString(),
        });
        for (const a of answers) insertAnswer.run(replyId, a.questionId, a.choice, a.text);
        ctx.audit.record({
          action: 'opinions.importAnswers',
          entity: 'opinion_request',
          entityId: r.id,
          detail: { personId: person.id, fingerprint: manifest.signer.fingerprint, sequence: manifest.sequence, answers: answers.length, late, replaced: previous !== undefined },
        });
      }).immediate();
      return { ...base, late, replaced: previous !== undefined, unchanged: false };
    },
  };
}
