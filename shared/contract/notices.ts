import { z } from 'zod';
import { minutesContent, type MinutesContent } from '../minutes/document.ts';
import { id, optionalText, requiredText } from './common.ts';
import type { MethodSpecs } from './method-spec.ts';
import type { MinutesActor } from './minutes.ts';

const version = z.number().int().min(0);

/** The Văn thư's number: "15" for "Số: 15/TB-BCĐ". */
export const noticeNumber = z
  .string()
  .trim()
  .regex(/^\d{1,6}[a-zA-Z]?$/, 'Số văn bản chỉ gồm chữ số (vd. 15) / a document number is digits, e.g. 15');

/** One line of "Nơi nhận": a unit of the directory (its name, kept as it was when picked) or a line typed. */
const recipient = z.object({ unitId: id.nullable(), text: requiredText(300) }).strict();

/** What the secretariat edits in a notice, sent whole by the autosave. */
const noticeFields = {
  /** Its size is checked by the core on the canonical JSON (as the minutes'). */
  content: minutesContent,
  /** Blank until the Văn thư gives one; required to issue. */
  number: noticeNumber.nullable(),
  recipients: z.array(recipient).max(60),
  /** The authority and title lines over the signature ("KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"). */
  signerTitles: z.array(requiredText(120)).min(1, 'Cần ít nhất một dòng chức vụ người ký / at least one title line').max(3),
  signerName: optionalText(200),
};

/**
 * The Thông báo kết luận as its own document: generated from the minutes' conclusions, then edited
 * (text, number, Nơi nhận, signer) before it is issued; once issued it is locked with a hash.
 */
export const noticeMethods = {
  /** The notice of a meeting, or null when none was generated. */
  'notice.get': { access: 'ui', input: z.object({ meetingId: id }).strict() },
  /** Generates the notice from the minutes' conclusions; when it exists already, returns it unchanged. */
  'notice.create': { access: 'ui', input: z.object({ meetingId: id }).strict() },
  /** Writes the text again from the conclusions as they are now; number, Nơi nhận and signer stay. */
  'notice.regenerate': { access: 'ui', input: z.object({ meetingId: id, baseVersion: version }).strict() },
  /** Autosave: everything the editor and the form hold, based on the version they last had. */
  'notice.save': { access: 'ui', input: z.object({ meetingId: id, baseVersion: version, ...noticeFields }).strict() },
  /** Issues (ban hành) the notice: needs a number and finalized minutes; locks it with the hash of its content. */
  'notice.issue': { access: 'ui', input: z.object({ meetingId: id, baseVersion: version.optional() }).strict() },
  /** Takes an issued notice back to draft; the reason goes to the audit log. */
  'notice.reopen': { access: 'ui', input: z.object({ meetingId: id, reason: requiredText(1000) }).strict() },
} as const satisfies MethodSpecs;

export type NoticeRecipient = z.infer<typeof recipient>;
export type NoticeStatus = 'draft' | 'issued';
export type NoticeSaveInput = z.input<(typeof noticeMethods)['notice.save']['input']>;

export interface NoticeView {
  id: string;
  meetingId: string;
  status: NoticeStatus;
  /** +1 on every save; a save based on an older version is refused (another window saved first). */
  version: number;
  content: MinutesContent;
  number: string | null;
  recipients: NoticeRecipient[];
  signerTitles: string[];
  signerName: string | null;
  createdAt: string;
  updatedAt: string;
  updatedBy: MinutesActor;
  issued: { at: string; by: MinutesActor; sha256: string } | null;
  /** False once issued, for a meeting received in a pack, or for an archived meeting. */
  editable: boolean;
  /** Whether the minutes it comes from are finalized (a notice is issued only from final minutes). */
  minutesFinal: boolean;
}

export interface NoticeSaveResult {
  version: number;
  savedAt: string;
}

export interface NoticeOutputs {
  'notice.get': NoticeView | null;
  'notice.create': NoticeView;
  'notice.regenerate': NoticeView;
  'notice.save': NoticeSaveResult;
  'notice.issue': NoticeView;
  'notice.reopen': NoticeView;
}
