import { z } from 'zod';
import { minutesContent, type MinutesContent } from '../minutes/document.ts';
import type { PlacedConclusion } from '../minutes/blocks.ts';
import { calendarDate, filePath, id, requiredText, type ExportedFile } from './common.ts';
import type { MethodSpecs } from './method-spec.ts';

const version = z.number().int().min(0);

/** What a Thông báo kết luận may say differently from what the app derives from the meeting. */
const noticeOptions = z
  .object({
    /** The number the Văn thư gave it ("15" for "Số: 15/TB-BCĐ"); left blank to be written by hand. */
    number: z
      .string()
      .trim()
      .regex(/^\d{1,6}[a-zA-Z]?$/, 'Số văn bản chỉ gồm chữ số (vd. 15) / a document number is digits, e.g. 15')
      .optional(),
    /** The authority and title lines over the signature ("TL. TRƯỞNG BAN", "CHÁNH VĂN PHÒNG"). */
    signerTitles: z.array(requiredText(120)).min(1).max(3).optional(),
    signerName: requiredText(200).optional(),
    /** "Nơi nhận" lines; "- Lưu: VT." is added when missing. */
    recipients: z.array(requiredText(300)).min(1).max(60).optional(),
  })
  .strict();

const exportFields = {
  meetingId: id,
  /** 'minutes': the Biên bản; 'notice': the Thông báo kết luận made from its conclusions. */
  document: z.enum(['minutes', 'notice']),
  format: z.enum(['docx', 'pdf']),
  notice: noticeOptions.optional(),
};
/**
 * The minutes (biên bản) of a meeting: one per meeting, prefilled from what the app knows, edited in
 * the Lexical editor and autosaved, kept as revisions, finalized with a hash.
 */
export const minutesMethods = {
  /** The minutes of a meeting, or null when none was started. */
  'minutes.get': { access: 'ui', input: z.object({ meetingId: id }).strict() },
  /** Starts the prefilled draft; when it exists already, returns it unchanged. */
  'minutes.draft': { access: 'ui', input: z.object({ meetingId: id }).strict() },
  /**
   * What a refresh from the meeting would change (apply false), or the refresh itself (apply true).
   * Text the secretary changed is never replaced.
   */
  'minutes.refresh': { access: 'ui', input: z.object({ meetingId: id, apply: z.boolean() }).strict() },
  /**
   * Autosave: the whole content, based on the version the editor last had. Its size (4 MB at most) is
   * checked by the core on the canonical JSON it makes anyway: a refine here would serialize every
   * keystroke's save once more.
   */
  'minutes.save': { access: 'ui', input: z.object({ meetingId: id, baseVersion: version, content: minutesContent }).strict() },
  'minutes.revisions': { access: 'ui', input: z.object({ meetingId: id }).strict() },
  'minutes.revision': { access: 'ui', input: z.object({ meetingId: id, revision: z.number().int().min(1) }).strict() },
  /** What changed between two revisions, block by block. */
  'minutes.diff': {
    access: 'ui',
    input: z.object({ meetingId: id, from: z.number().int().min(1), to: z.number().int().min(1) }).strict(),
  },
  /** Makes an old revision the current content again (as a new revision; nothing is lost). */
  'minutes.restoreRevision': {
    access: 'ui',
    input: z.object({ meetingId: id, revision: z.number().int().min(1), baseVersion: version }).strict(),
  },
  /** A conclusion at the end of an agenda item's section (for the CLI and scripts; the editor inserts its own). */
  'minutes.addConclusion': {
    access: 'ui',
    input: z
      .object({
        meetingId: id,
        agendaItemId: id,
        text: requiredText(5000),
        leadUnitId: id.nullish(),
        coordinatingUnitIds: z.array(id).max(100).optional(),
        deadline: calendarDate.nullish(),
      })
      .strict(),
  },
  /** Locks the minutes and records the hash of their canonical content. */
  'minutes.finalize': { access: 'ui', input: z.object({ meetingId: id, baseVersion: version.optional() }).strict() },
  /** Unlocks finalized minutes; the reason is kept in the revision history and the audit log. */
  'minutes.reopen': { access: 'ui', input: z.object({ meetingId: id, reason: requiredText(1000) }).strict() },
  /** The Biên bản or the Thông báo kết luận as DOCX or PDF in the layout of Nghị định 30/2020. */
  'minutes.export': { access: 'ui', input: z.object(exportFields).strict() },
  /**
   * The finalized Biên bản (or its Thông báo kết luận) as a PDF among the meeting's documents: members
   * get it in the next meeting pack, read and annotate it like any document, and the reader is its
   * print preview.
   */
  'minutes.attachToMeeting': {
    access: 'ui',
    input: z.object({ meetingId: id, document: z.enum(['minutes', 'notice']), notice: noticeOptions.optional() }).strict(),
  },
  /** The same, written to a path the user chose (command line). */
  'minutes.exportFile': { access: 'local', input: z.object({ ...exportFields, file: filePath, overwrite: z.boolean().optional() }).strict() },
} as const satisfies MethodSpecs;

export type MinutesExportInput = z.input<(typeof minutesMethods)['minutes.export']['input']>;
export type NoticeOptions = z.infer<typeof noticeOptions>;

/** An exported minutes or notice: the file, the hash of its bytes, and whether the minutes were final. */
export interface MinutesExport extends ExportedFile {
  sha256: string;
  /** False for a draft: the document says "DỰ THẢO" on its first page. */
  final: boolean;
}

export interface MinutesFileExport {
  file: string;
  bytes: number;
  sha256: string;
  final: boolean;
}

export interface MinutesAttachResult {
  documentId: string;
  fileName: string;
  /** True when this very file was already in the library (attached again, not stored twice). */
  duplicate: boolean;
}

export type MinutesStatus = 'draft' | 'final';

export interface MinutesActor {
  id: string | null;
  name: string | null;
}

export interface MinutesConclusion extends PlacedConclusion {
  agendaItemNumber: string | null;
  agendaItemTitle: string | null;
  leadUnitName: string | null;
  coordinatingUnitNames: string[];
}

export interface MinutesView {
  id: string;
  meetingId: string;
  status: MinutesStatus;
  /** +1 on every save; a save based on an older version is refused (another window saved first). */
  version: number;
  /** The newest revision's number. */
  revision: number;
  content: MinutesContent;
  conclusions: MinutesConclusion[];
  createdAt: string;
  updatedAt: string;
  updatedBy: MinutesActor;
  finalized: { at: string; by: MinutesActor; sha256: string } | null;
  /** False once finalized, for a meeting received in a pack, or for an archived meeting. */
  editable: boolean;
}

export type MinutesRevisionKind = 'prefill' | 'edit' | 'refresh' | 'restore' | 'finalize' | 'reopen';

export interface MinutesRevisionSummary {
  revision: number;
  kind: MinutesRevisionKind;
  author: MinutesActor;
  startedAt: string;
  savedAt: string;
  /** For a reopen: why. For a restore: which revision came back. */
  note: string | null;
  sha256: string;
}

export interface MinutesRevisionView extends MinutesRevisionSummary {
  content: MinutesContent;
}

/** One block of a revision diff: kept, only in the older revision, or only in the newer. */
export interface MinutesDiffLine {
  change: 'same' | 'removed' | 'added';
  text: string;
}

export interface MinutesDiff {
  from: MinutesRevisionSummary;
  to: MinutesRevisionSummary;
  lines: MinutesDiffLine[];
  added: number;
  removed: number;
}

/** One fact of the meeting a refresh would write, keep or add. */
export interface MinutesRefreshChange {
  key: string;
  /** 'update': the text was the app's own and the meeting changed; 'kept': the secretary changed it, so it stays; 'add': a new item or fact. */
  kind: 'update' | 'kept' | 'add';
  before: string | null;
  after: string;
}

export interface MinutesRefreshResult {
  changes: MinutesRefreshChange[];
  /** Present when applied. */
  minutes: MinutesView | null;
}

export interface MinutesSaveResult {
  version: number;
  revision: number;
  savedAt: string;
  conclusions: MinutesConclusion[];
}

export interface MinutesOutputs {
  'minutes.get': MinutesView | null;
  'minutes.draft': MinutesView;
  'minutes.refresh': MinutesRefreshResult;
  'minutes.save': MinutesSaveResult;
  'minutes.revisions': MinutesRevisionSummary[];
  'minutes.revision': MinutesRevisionView;
  'minutes.diff': MinutesDiff;
  'minutes.restoreRevision': MinutesView;
  'minutes.addConclusion': MinutesView;
  'minutes.finalize': MinutesView;
  'minutes.reopen': MinutesView;
  'minutes.export': MinutesExport;
  'minutes.exportFile': MinutesFileExport;
  'minutes.attachToMeeting': MinutesAttachResult;
}
