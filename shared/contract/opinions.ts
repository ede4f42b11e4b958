import { z } from 'zod';
import { ballotChoices, type BallotChoice } from '../room/tally.ts';
import { calendarDate, filePath, id, optionalText, requiredText, uploadRef, type ExportedFile } from './common.ts';
import type { MethodSpecs } from './method-spec.ts';

/**
 * Lấy ý kiến bằng văn bản (written opinions, issue 15). The secretariat asks the committee's members
 * a few questions with documents and a deadline, in a file signed with its profile key; each member
 * answers on their own laptop (đồng ý / không đồng ý / ý kiến khác), and the answers come back as a
 * file signed with the member's key. The secretariat imports them (verified against the key it
 * trusts as that member's), reminds who has not answered and issues the summary (Tổng hợp ý kiến).
 */

export type OpinionChoice = BallotChoice;
export const opinionChoices = ballotChoices;

export const opinionChoiceLabels: Record<OpinionChoice, { vi: string; en: string }> = {
  agree: { vi: 'Đồng ý', en: 'Agree' },
  disagree: { vi: 'Không đồng ý', en: 'Disagree' },
  other: { vi: 'Ý kiến khác', en: 'Other opinion' },
};

/** At most this many questions in one request, documents attached and members asked. */
export const OPINION_LIMITS = { questions: 50, documents: 50, recipients: 300, questionChars: 2000, answerChars: 5000 } as const;

const question = requiredText(OPINION_LIMITS.questionChars);
const request = { requestId: id };
const overwrite = z.boolean().optional();

const createInput = z
  .object({
    committeeId: id,
    title: requiredText(500),
    /** What the request is about, printed above the questions. */
    body: optionalText(10_000),
    questions: z
      .array(question)
      .min(1, 'Cần ít nhất một câu hỏi / at least one question is required')
      .max(OPINION_LIMITS.questions, `Nhiều nhất ${OPINION_LIMITS.questions} câu hỏi / at most ${OPINION_LIMITS.questions} questions`),
    /** The last day to answer (Asia/Ho_Chi_Minh), inclusive. */
    deadline: calendarDate,
    documentIds: z.array(id).max(OPINION_LIMITS.documents, `Nhiều nhất ${OPINION_LIMITS.documents} tài liệu / at most ${OPINION_LIMITS.documents} documents`).optional(),
    /** Who is asked; left out, every person who is a head, deputy or member of the committee. */
    recipientIds: z
      .array(id)
      .min(1, 'Cần ít nhất một người được xin ý kiến / at least one person must be asked')
      .max(OPINION_LIMITS.recipients, `Nhiều nhất ${OPINION_LIMITS.recipients} người / at most ${OPINION_LIMITS.recipients} people`)
      .optional(),
  })
  .strict()
  .refine((i) => !i.documentIds || new Set(i.documentIds).size === i.documentIds.length, { error: 'Tài liệu bị lặp / a document is repeated', path: ['documentIds'] })
  .refine((i) => !i.recipientIds || new Set(i.recipientIds).size === i.recipientIds.length, { error: 'Người nhận bị lặp / a recipient is repeated', path: ['recipientIds'] });

const answerInput = z
  .object({
    ...request,
    questionId: id,
    choice: z.enum(opinionChoices, { error: 'Chọn đồng ý, không đồng ý hoặc ý kiến khác / choose agree, disagree or other' }),
    text: optionalText(OPINION_LIMITS.answerChars),
  })
  .strict()
  .refine((a) => a.choice !== 'other' || a.text !== null, { error: 'Ý kiến khác cần ghi rõ nội dung / an other opinion needs its text', path: ['text'] });

export const opinionsMethods = {
  /** Secretariat: a new request (phiếu lấy ý kiến) to the committee's members. */
  'opinions.create': { access: 'ui', input: createInput },
  /** Requests on this laptop, made here or received, newest first. */
  'opinions.list': { access: 'ui', input: z.object({ committeeId: id.optional() }).strict() },
  /** A request with its questions, documents and who has answered (secretariat) or this member's answers. */
  'opinions.get': { access: 'ui', input: z.object(request).strict() },
  /** Secretariat: the signed request file (with its documents) the members import. */
  'opinions.export': { access: 'ui', input: z.object(request).strict() },
  'opinions.exportFile': { access: 'local', input: z.object({ ...request, file: filePath, overwrite }).strict() },
  /** Member: the answer to one question of a received request (replaces an earlier one). */
  'opinions.answer': { access: 'ui', input: answerInput },
  /** Member: the answers as a file signed with the profile key, for the secretariat. */
  'opinions.exportAnswers': { access: 'ui', input: z.object(request).strict() },
  'opinions.exportAnswersFile': { access: 'local', input: z.object({ ...request, file: filePath, overwrite }).strict() },
  /**
   * A request file (on a member's laptop) or an answers file (on the secretariat's), told apart by its
   * manifest; verified and refused whole when anything is wrong.
   */
  'opinions.import': { access: 'ui', input: z.object({ upload: uploadRef }).strict() },
  /**
   * CLI: the same from a path. `trustSigner` first trusts the file's key: a request's for its
   * committee's packs; an answers file's as the key of `personId` (the admin checked the fingerprint).
   */
  'opinions.importFile': {
    access: 'local',
    input: z.object({ file: filePath, trustSigner: z.boolean().optional(), personId: id.optional() }).strict(),
  },
  /** Secretariat: records a reminder (đôn đốc) to everyone who has not answered yet, and names them. */
  'opinions.remind': { access: 'ui', input: z.object(request).strict() },
  /** Secretariat: the counts and texts per question, who answered and who did not. */
  'opinions.summary': { access: 'ui', input: z.object(request).strict() },
  /** Secretariat: the summary as DOCX (Tổng hợp ý kiến, Nghị định 30/2020 layout). */
  'opinions.exportSummary': { access: 'ui', input: z.object(request).strict() },
  'opinions.exportSummaryFile': { access: 'local', input: z.object({ ...request, file: filePath, overwrite }).strict() },
} as const satisfies MethodSpecs;

export type OpinionsInput<K extends keyof typeof opinionsMethods> = z.input<(typeof opinionsMethods)[K]['input']>;

export interface OpinionRequestSummary {
  id: string;
  /** 'local': made on this laptop (the secretariat); 'received': imported from a request file (a member). */
  origin: 'local' | 'received';
  committee: { id: string; name: string };
  title: string;
  deadline: string;
  questions: number;
  recipients: number;
  /** Recipients whose answers were imported (secretariat); 0 on a member's laptop. */
  answered: number;
  createdAt: string;
}

export interface OpinionAnswer {
  choice: OpinionChoice;
  text: string | null;
}

export interface OpinionQuestion {
  id: string;
  position: number;
  text: string;
  /** On a member's laptop: this member's answer so far, null when none. */
  myAnswer: (OpinionAnswer & { answeredAt: string }) | null;
}

export interface OpinionRecipient {
  personId: string;
  name: string;
  position: string | null;
  /** When the answers in force were signed, null when none came back. */
  answeredAt: string | null;
  /** Signed after the deadline's day ended: accepted, marked late. */
  late: boolean;
  /** The last reminder sent to this person, null when none. */
  remindedAt: string | null;
}

export interface OpinionRequestDetail extends OpinionRequestSummary {
  body: string | null;
  /** Who signed the request file (a received request), null for one made here. */
  signer: { label: string; fingerprint: string } | null;
  questionList: OpinionQuestion[];
  documents: { id: string; fileName: string; sha256: string }[];
  recipientList: OpinionRecipient[];
  /** Answers files this laptop signed for this request (a member's laptop). */
  answersExported: number;
}

export interface OpinionQuestionSummary {
  questionId: string;
  position: number;
  text: string;
  counts: Record<OpinionChoice | 'none', number>;
  /** Every answer with a text (ý kiến khác, and remarks on a yes or no), with who gave it. */
  texts: { personId: string; name: string; choice: OpinionChoice; text: string }[];
}

export interface OpinionSummary {
  request: OpinionRequestSummary;
  questions: OpinionQuestionSummary[];
  answered: OpinionRecipient[];
  notAnswered: OpinionRecipient[];
}

export interface OpinionFileResult {
  requestId: string;
  fingerprint: string;
  file: ExportedFile;
}

export interface OpinionPathResult {
  requestId: string;
  fingerprint: string;
  file: string;
  bytes: number;
}

export type OpinionImportResult =
  | {
      kind: 'request';
      requestId: string;
      title: string;
      committee: { id: string; name: string };
      signer: { label: string; fingerprint: string };
      questions: number;
      documents: number;
      /** A request already here was refreshed from the file (the member's answers stay). */
      updated: boolean;
    }
  | {
      kind: 'answers';
      requestId: string;
      person: { id: string; name: string };
      answers: number;
      signedAt: string;
      late: boolean;
      /** An earlier answers file of the same member was replaced. */
      replaced: boolean;
      /** This very file was imported before: nothing changed. */
      unchanged: boolean;
    };

export interface OpinionReminder {
  requestId: string;
  remindedAt: string;
  /** Those who had not answered, now reminded; empty when everyone has answered (nothing recorded). */
  people: { personId: string; name: string; position: string | null }[];
}

export interface OpinionsOutputs {
  'opinions.create': OpinionRequestDetail;
  'opinions.list': OpinionRequestSummary[];
  'opinions.get': OpinionRequestDetail;
  'opinions.export': OpinionFileResult;
  'opinions.exportFile': OpinionPathResult;
  'opinions.answer': OpinionRequestDetail;
  'opinions.exportAnswers': OpinionFileResult;
  'opinions.exportAnswersFile': OpinionPathResult;
  'opinions.import': OpinionImportResult;
  'opinions.importFile': OpinionImportResult;
  'opinions.remind': OpinionReminder;
  'opinions.summary': OpinionSummary;
  'opinions.exportSummary': ExportedFile;
  'opinions.exportSummaryFile': { requestId: string; file: string; bytes: number };
}
