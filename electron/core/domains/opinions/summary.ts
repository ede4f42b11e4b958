import { v7 as uuidv7 } from 'uuid';
import type { OpinionChoice, OpinionQuestionSummary, OpinionReminder, OpinionSummary } from '../../../../shared/contract/index.ts';
import type { ServiceContext } from '../../context.ts';
import type { OpinionStore } from './opinion-store.ts';

/**
 * The secretariat's view of a request: per question, how many agreed, disagreed, gave another
 * opinion or have none yet (not answered, or left that question blank), the texts with who wrote
 * them; who answered and who did not. And the đôn đốc of those who did not.
 */
export function createSummary(ctx: ServiceContext, store: OpinionStore) {
  const { db } = ctx;
  const questions = db.prepare('SELECT id, position, text FROM opinion_questions WHERE request_id = ? ORDER BY position');
  const answers = db.prepare(
    `SELECT a.question_id, a.choice, a.text, p.person_id FROM opinion_reply_answers a
       JOIN opinion_replies p ON p.id = a.reply_id JOIN opinion_recipients r ON r.request_id = p.request_id AND r.person_id = p.person_id
      WHERE p.request_id = ? ORDER BY r.ordinal`,
  );
  const insertReminder = db.prepare('INSERT INTO opinion_reminders (id, request_id, person_ids, reminded_by, reminded_at) VALUES (?, ?, ?, ?, ?)');

  return {
    summary(requestId: string): OpinionSummary {
      const r = store.local(requestId);
      const recipients = store.recipientList(r.id);
      const names = new Map(recipients.map((p) => [p.personId, p.name]));
      const given = answers.all(r.id) as { question_id: string; choice: OpinionChoice; text: string | null; person_id: string }[];
      const perQuestion = (questions.all(r.id) as { id: string; position: number; text: string }[]).map((q): OpinionQuestionSummary => {
        const mine = given.filter((a) => a.question_id === q.id);
        const count = (c: OpinionChoice) => mine.filter((a) => a.choice === c).length;
        return {
          questionId: q.id,
          position: q.position,
          text: q.text,
          counts: { agree: count('agree'), disagree: count('disagree'), other: count('other'), none: recipients.length - mine.length },
          texts: mine.filter((a) => a.text !== null).map((a) => ({ personId: a.person_id, name: names.get(a.person_id) ?? '', choice: a.choice, text: a.text! })),
        };
      });
      return {
        request: store.summary(r),
        questions: perQuestion,
        answered: recipients.filter((p) => p.answeredAt !== null),
        notAnswered: recipients.filter((p) => p.answeredAt === null),
      };
    },

    /** Records one reminder to everyone still without an answer; with none left, nothing is recorded. */
    remind(requestId: string): OpinionReminder {
      const r = store.local(requestId);
      const waiting = store.recipientList(r.id).filter((p) => p.answeredAt === null);
      const remindedAt = ctx.now().toISOString();
      const people = waiting.map((p) => ({ personId: p.personId, name: p.name, position: p.position }));
      if (people.length === 0) return { requestId: r.id, remindedAt, people };
      const id = uuidv7();
      db.transaction(() => {
        insertReminder.run(id, r.id, JSON.stringify(people.map((p) => p.personId)), ctx.actorId(), remindedAt);
        ctx.audit.record({ action: 'opinions.remind', entity: 'opinion_request', entityId: r.id, detail: { reminderId: id, people: people.map((p) => p.personId) } });
      })();
      return { requestId: r.id, remindedAt, people };
    },
  };
}
