import { v7 as uuidv7 } from 'uuid';
import { isClassified, type Classification, type OpinionRequestDetail, type OpinionsInput } from '../../../../shared/contract/index.ts';
import { dayKey } from '../../../../shared/vn-time.ts';
import type { ServiceContext } from '../../context.ts';
import { CoreError } from '../../errors.ts';
import { documentNotFound } from '../documents/document-rows.ts';
import type { OpinionStore, RecipientRow } from './opinion-store.ts';

/**
 * A new request on the secretariat's laptop. Recipients and their names are copied in as they are
 * today, like the request file carries them: a later rename in the directory does not rewrite whom
 * the committee asked. Documents must be in the store; classified ones (Mật and above) are refused,
 * since a request file is not sealed to its readers as a meeting pack is.
 */
export function createRequestCreator(ctx: ServiceContext, store: OpinionStore) {
  const { db } = ctx;
  const committee = db.prepare('SELECT id, name FROM committees WHERE id = ?');
  const defaultRecipients = db.prepare(
    `SELECT p.id AS person_id, p.full_name, p.position AS position_title FROM committee_members cm JOIN people p ON p.id = cm.person_id
      WHERE cm.committee_id = ? AND cm.role IN ('head', 'deputy', 'member') ORDER BY cm.position`,
  );
  const person = db.prepare('SELECT id AS person_id, full_name, position AS position_title FROM people WHERE id = ?');
  const document = db.prepare('SELECT id, file_name, classification FROM documents WHERE id = ?');
  const insertRequest = db.prepare(
    `INSERT INTO opinion_requests (id, origin, committee_id, committee_name, title, body, deadline, created_by, created_at, updated_at)
     VALUES (@id, 'local', @committeeId, @committeeName, @title, @body, @deadline, @by, @now, @now)`,
  );
  const insertQuestion = db.prepare('INSERT INTO opinion_questions (id, request_id, position, text) VALUES (?, ?, ?, ?)');
  const insertRecipient = db.prepare('INSERT INTO opinion_recipients (request_id, person_id, full_name, position_title, ordinal) VALUES (?, ?, ?, ?, ?)');
  const insertDocument = db.prepare('INSERT INTO opinion_documents (request_id, document_id, position) VALUES (?, ?, ?)');

  function recipientsOf(committeeId: string, ids: string[] | undefined): RecipientRow[] {
    if (!ids) {
      const all = defaultRecipients.all(committeeId) as RecipientRow[];
      if (all.length === 0) {
        throw new CoreError('INVALID_STATE', {
          vi: 'Ban Chỉ đạo chưa có thành viên là cá nhân (Trưởng ban, Phó Trưởng ban, thành viên) để xin ý kiến. Hãy cập nhật thành viên hoặc chọn người nhận.',
          en: 'The committee has no individual members (head, deputies, members) to ask. Update its members or choose the recipients.',
        });
      }
      return all;
    }
    return ids.map((id) => {
      const found = person.get(id) as RecipientRow | undefined;
      if (!found) throw new CoreError('NOT_FOUND', { vi: 'Không tìm thấy người nhận trong danh mục cán bộ.', en: 'A recipient is not in the directory.' }, { personId: id });
      return found;
    });
  }

  return (input: OpinionsInput<'opinions.create'>): OpinionRequestDetail => {
    const found = committee.get(input.committeeId) as { id: string; name: string } | undefined;
    if (!found) throw new CoreError('NOT_FOUND', { vi: 'Không tìm thấy Ban Chỉ đạo này.', en: 'Committee not found.' });
    if (input.deadline < dayKey(ctx.now())) {
      throw new CoreError('INVALID_INPUT', { vi: 'Hạn trả lời đã qua; hãy chọn từ hôm nay trở đi.', en: 'The deadline has passed; choose today or later.' }, [
        { path: 'deadline', message: 'Hạn trả lời đã qua', messageEn: 'The deadline has passed' },
      ]);
    }
    const recipients = recipientsOf(found.id, input.recipientIds);
    const documentIds = input.documentIds ?? [];
    for (const id of documentIds) {
      const d = document.get(id) as { id: string; file_name: string; classification: Classification } | undefined;
      if (!d) throw documentNotFound();
      if (isClassified(d.classification)) {
        throw new CoreError('CLASSIFIED', {
          vi: `Tài liệu "${d.file_name}" là tài liệu mật, không gửi kèm phiếu lấy ý kiến bằng tệp. Hãy gửi tài liệu mật theo quy định về bảo vệ bí mật nhà nước.`,
          en: `"${d.file_name}" is classified and cannot travel with an opinion request file. Send classified documents as the state-secret rules require.`,
        });
      }
    }
    const id = uuidv7();
    const now = ctx.now().toISOString();
    db.transaction(() => {
      insertRequest.run({ id, committeeId: found.id, committeeName: found.name, title: input.title, body: input.body ?? null, deadline: input.deadline, by: ctx.actorId(), now });
      input.questions.forEach((text, i) => insertQuestion.run(uuidv7(), id, i, text));
      recipients.forEach((r, i) => insertRecipient.run(id, r.person_id, r.full_name, r.position_title, i));
      documentIds.forEach((documentId, i) => insertDocument.run(id, documentId, i));
      ctx.audit.record({
        action: 'opinions.create',
        entity: 'opinion_request',
        entityId: id,
        detail: { committeeId: found.id, questions: input.questions.length, recipients: recipients.length, documents: documentIds.length, deadline: input.deadline },
      });
    })();
    return store.detail(id);
  };
}
