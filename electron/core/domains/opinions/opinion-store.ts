import type { OpinionChoice, OpinionRecipient, OpinionRequestDetail, OpinionRequestSummary } from '../../../../shared/contract/index.ts';
import { dayKey } from '../../../../shared/vn-time.ts';
import type { ServiceContext } from '../../context.ts';
import { CoreError } from '../../errors.ts';

export interface RequestRow {
  id: string;
  origin: 'local' | 'received';
  committee_id: string;
  committee_name: string;
  title: string;
  body: string | null;
  deadline: string;
  signer_key: string | null;
  signer_fingerprint: string | null;
  signer_label: string | null;
  file_sha256: string | null;
  answers_sequence: number;
  created_at: string;
}

export interface RecipientRow {
  person_id: string;
  full_name: string;
  position_title: string | null;
}

export function requestNotFound(): CoreError {
  return new CoreError('NOT_FOUND', { vi: 'Không tìm thấy phiếu lấy ý kiến này trên máy.', en: 'This opinion request is not on this computer.' });
}

/** Answers signed after the deadline's day ended (Asia/Ho_Chi_Minh) are late: accepted, and marked. */
export const isLate = (signedAt: string, deadline: string) => dayKey(signedAt) > deadline;

/** Reading requests as the contract shows them; every other part of the domain goes through here. */
export function createOpinionStore(ctx: ServiceContext) {
  const { db } = ctx;
  const byId = db.prepare('SELECT * FROM opinion_requests WHERE id = ?');
  const counts = db.prepare(
    `SELECT (SELECT count(*) FROM opinion_questions WHERE request_id = @id) AS questions,
            (SELECT count(*) FROM opinion_recipients WHERE request_id = @id) AS recipients,
            (SELECT count(*) FROM opinion_replies WHERE request_id = @id) AS answered`,
  );
  const list = db.prepare('SELECT * FROM opinion_requests WHERE @committee IS NULL OR committee_id = @committee ORDER BY created_at DESC, id DESC');
  const questions = db.prepare(
    `SELECT q.id, q.position, q.text, a.choice, a.text AS answer_text, a.answered_at
       FROM opinion_questions q LEFT JOIN opinion_own_answers a ON a.question_id = q.id AND a.request_id = q.request_id
      WHERE q.request_id = ? ORDER BY q.position`,
  );
  const documents = db.prepare(
    `SELECT d.id, d.file_name AS fileName, d.blob_sha256 AS sha256 FROM opinion_documents od JOIN documents d ON d.id = od.document_id
      WHERE od.request_id = ? ORDER BY od.position`,
  );
  const recipients = db.prepare(
    `SELECT r.person_id, r.full_name, r.position_title, p.signed_at, p.late,
            (SELECT max(m.reminded_at) FROM opinion_reminders m, json_each(m.person_ids) j WHERE m.request_id = r.request_id AND j.value = r.person_id) AS reminded_at
       FROM opinion_recipients r LEFT JOIN opinion_replies p ON p.request_id = r.request_id AND p.person_id = r.person_id
      WHERE r.request_id = ? ORDER BY r.ordinal`,
  );

  function row(id: string): RequestRow {
    const found = byId.get(id) as RequestRow | undefined;
    if (!found) throw requestNotFound();
    return found;
  }

  function summary(r: RequestRow): OpinionRequestSummary {
    const c = counts.get({ id: r.id }) as { questions: number; recipients: number; answered: number };
    return {
      id: r.id,
      origin: r.origin,
      committee: { id: r.committee_id, name: r.committee_name },
      title: r.title,
      deadline: r.deadline,
      ...c,
      createdAt: r.created_at,
    };
  }

  function recipientList(id: string): OpinionRecipient[] {
    const rows = recipients.all(id) as (RecipientRow & { signed_at: string | null; late: number | null; reminded_at: string | null })[];
    return rows.map((r) => ({
      personId: r.person_id,
      name: r.full_name,
      position: r.position_title,
      answeredAt: r.signed_at,
      late: r.late === 1,
      remindedAt: r.reminded_at,
    }));
  }

  return {
    row,
    find: (id: string) => byId.get(id) as RequestRow | undefined,
    summary,
    recipientList,
    list: (committeeId: string | undefined) => (list.all({ committee: committeeId ?? null }) as RequestRow[]).map(summary),

    /** A request made here; a received one is the member's to answer, not to send or count. */
    local(id: string): RequestRow {
      const r = row(id);
      if (r.origin !== 'local') {
        throw new CoreError('INVALID_STATE', {
          vi: `Phiếu "${r.title}" được nhận từ bộ phận thư ký; chỉ máy đã lập phiếu mới gửi, đôn đốc và tổng hợp ý kiến.`,
          en: `"${r.title}" was received from the secretariat; only the computer that made it sends, reminds and summarises it.`,
        });
      }
      return r;
    },

    /** A request received here; one made here is answered by the members on their own laptops. */
    received(id: string): RequestRow {
      const r = row(id);
      if (r.origin !== 'received') {
        throw new CoreError('INVALID_STATE', {
          vi: `Phiếu "${r.title}" được lập trên máy này; thành viên trả lời trên máy của mình rồi gửi lại tệp trả lời.`,
          en: `"${r.title}" was made on this computer; members answer on their own laptops and send the answers file back.`,
        });
      }
      return r;
    },

    detail(id: string): OpinionRequestDetail {
      const r = row(id);
      const qs = questions.all(id) as { id: string; position: number; text: string; choice: OpinionChoice | null; answer_text: string | null; answered_at: string | null }[];
      return {
        ...summary(r),
        body: r.body,
        signer: r.signer_fingerprint ? { label: r.signer_label ?? '', fingerprint: r.signer_fingerprint } : null,
        questionList: qs.map((q) => ({
          id: q.id,
          position: q.position,
          text: q.text,
          myAnswer: q.choice ? { choice: q.choice, text: q.answer_text, answeredAt: q.answered_at! } : null,
        })),
        documents: documents.all(id) as OpinionRequestDetail['documents'],
        recipientList: recipientList(id),
        answersExported: r.answers_sequence,
      };
    },
  };
}

export type OpinionStore = ReturnType<typeof createOpinionStore>;
