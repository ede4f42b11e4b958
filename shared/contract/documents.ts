import { z } from 'zod';
import { calendarDate, classification, id, paging, uploadRef, urgency, type Classification, type Page, type Urgency } from './common.ts';
import { releaseClassified } from './classified.ts';
import type { ErrorPayload } from './errors.ts';
import type { MethodSpecs } from './method-spec.ts';

/**
 * The document store: PDFs and other files (attachments) kept once each by SHA-256, their official
 * metadata (Nghị định 30/2020, Phụ lục VI), the per-page text index, and their place in meetings.
 */

/** 'pdf' has pages and indexed text; 'attachment' (DOCX, XLSX, images…) is opened with the system's program. */
export const documentKind = z.enum(['pdf', 'attachment']);
export type DocumentKind = z.infer<typeof documentKind>;

/** Whether the text layer of a PDF is in the search index; attachments are always 'none'. */
export type TextStatus = 'none' | 'indexed' | 'failed';

/** Most files one import may carry (a whole meeting's documents fit easily). */
export const IMPORT_MAX_FILES = 200;

/** A document type code from the `document_type` catalog (NQ, QĐ, TB, …); the core checks it exists. */
export const documentTypeCode = z.string().trim().min(1).max(20);

/** Optional text in a partial update: absent = unchanged, null or blank = cleared. */
const patchText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((v) => (v === undefined ? undefined : v ? v : null));

const importTarget = {
  /** Attach every imported (or already stored) document to this meeting… */
  meetingId: id.optional(),
  /** …under this agenda item of that meeting. */
  agendaItemId: id.optional(),
  /** A client-made id for the batch, so the client can cancel it and match progress events. */
  batchId: id.optional(),
};

function agendaNeedsMeeting(v: { meetingId?: string; agendaItemId?: string }, ctx: z.RefinementCtx) {
  if (v.agendaItemId !== undefined && v.meetingId === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['meetingId'],
      message: 'Cần chọn cuộc họp khi chọn mục chương trình / an agenda item needs its meeting',
    });
  }
}

const listFilters = {
  typeCode: documentTypeCode.optional(),
  classification: classification.optional(),
  urgency: urgency.optional(),
  kind: documentKind.optional(),
  /** Issue date range, inclusive. */
  issuedFrom: calendarDate.optional(),
  issuedTo: calendarDate.optional(),
  /** Only documents attached to this meeting. */
  meetingId: id.optional(),
};

/** Free text the user typed; the core turns it into a safe index query (never raw FTS syntax). */
const queryText = z.string().trim().min(1, 'Nhập từ khóa cần tìm / type something to search for').max(200);

export const documentsMethods = {
  /**
   * Import files the UI host staged (drag and drop or picker). Each file succeeds or fails on its
   * own; nothing of a failed or cancelled file is stored. Emits `documents.importProgress`.
   */
  'documents.import': {
    access: 'ui',
    input: z
      .object({ files: z.array(uploadRef).min(1).max(IMPORT_MAX_FILES), ...importTarget })
      .strict()
      .superRefine(agendaNeedsMeeting),
  },
  /** The same for files on disk by path (CLI, scripts, tests). */
  'documents.importFiles': {
    access: 'local',
    input: z
      .object({
        paths: z.array(z.string().trim().min(1).max(4096)).min(1).max(IMPORT_MAX_FILES),
        ...importTarget,
      })
      .strict()
      .superRefine(agendaNeedsMeeting),
  },
  /** Stop a running import: the file in progress is abandoned, the rest come back CANCELLED. */
  'documents.cancelImport': { access: 'ui', input: z.object({ batchId: id }).strict() },
  /** The library: newest first (or by issue date), filtered; `query` matches metadata only. */
  'documents.list': {
    access: 'ui',
    input: z
      .object({
        query: z.string().trim().max(200).optional(),
        ...listFilters,
        sort: z.enum(['createdAt', 'issueDate']).default('createdAt'),
        ...paging,
      })
      .strict(),
  },
  'documents.get': { access: 'ui', input: z.object({ id }).strict() },
  /**
   * Asked by the host before it saves a stored file where the user chooses or opens it with the
   * system's program: classified content (Mật and above) is refused with CLASSIFIED unless
   * `releaseClassified` gives the reason, which the audit log keeps. `check` only asks (the browser
   * host asks before it starts a download it cannot take back); nothing is recorded.
   */
  'documents.handOver': {
    access: 'ui',
    input: z
      .object({
        sha256: z.string().regex(/^[0-9a-f]{64}$/, { error: 'Mã SHA-256 không hợp lệ / invalid SHA-256' }),
        channel: z.enum(['open', 'save']),
        releaseClassified: releaseClassified.optional(),
        check: z.boolean().default(false),
      })
      .strict(),
  },
  /** Edit metadata; absent fields stay, null or blank clears. */
  'documents.update': {
    access: 'ui',
    input: z
      .object({
        id,
        fileName: z.string().trim().min(1).max(255).optional(),
        number: patchText(50),
        notation: patchText(100),
        issueDate: calendarDate.nullable().optional(),
        issuer: patchText(300),
        summary: patchText(2000),
        typeCode: documentTypeCode.nullable().optional(),
        classification: classification.optional(),
        urgency: urgency.optional(),
      })
      .strict(),
  },
  /** Remove from the library (CONFLICT while attached to a meeting). */
  'documents.delete': { access: 'ui', input: z.object({ id }).strict() },
  /**
   * Keyword search over metadata and page text, accents and đ ignored ("duong sat" finds
   * "Đường sắt"). Words are matched as a phrase, the last one as a prefix; a comma separates
   * phrases that must all occur. Documents whose metadata match come first.
   */
  'documents.search': {
    access: 'ui',
    input: z
      .object({
        query: queryText,
        ...listFilters,
        /** Documents to return. */
        limit: z.number().int().min(1).max(100).default(20),
        /** Pages with a snippet per document. */
        pagesPerDocument: z.number().int().min(1).max(20).default(3),
      })
      .strict(),
  },
  /** Place a document in a meeting, optionally under an agenda item (recorded once published). */
  'documents.attach': {
    access: 'ui',
    input: z.object({ documentId: id, meetingId: id, agendaItemId: id.nullish().transform((v) => v ?? null) }).strict(),
  },
  'documents.detach': { access: 'ui', input: z.object({ attachmentId: id }).strict() },
  /** A newer version replaces the attached document; the old one stays in the library. */
  'documents.replaceVersion': { access: 'ui', input: z.object({ attachmentId: id, documentId: id }).strict() },
  /** New order of the documents of one meeting (and agenda item, null = the meeting itself). */
  'documents.reorderAttachments': {
    access: 'ui',
    input: z
      .object({
        meetingId: id,
        agendaItemId: id.nullable(),
        attachmentIds: z.array(id).min(1).max(1000),
      })
      .strict()
      .refine((v) => new Set(v.attachmentIds).size === v.attachmentIds.length, {
        path: ['attachmentIds'],
        message: 'Danh sách có tài liệu trùng / the list repeats an attachment',
      }),
  },
  /** Every document of a meeting, ordered by agenda item then position. */
  'documents.listForMeeting': { access: 'ui', input: z.object({ meetingId: id }).strict() },
} as const satisfies MethodSpecs;

/** A method's input after validation (defaults applied), as the core's handlers receive it. */
export type DocumentsInput<M extends keyof typeof documentsMethods> = z.output<(typeof documentsMethods)[M]['input']>;

/** One row of the library; `sha256` and `fileName` open it (FileTarget kind 'blob'). */
export interface DocumentSummary {
  id: string;
  fileName: string;
  kind: DocumentKind;
  mime: string;
  sha256: string;
  /** Bytes. */
  size: number;
  /** PDFs only. */
  pageCount: number | null;
  /** Số, e.g. "125". */
  number: string | null;
  /** Ký hiệu, e.g. "TB-BCĐ" (for "Số: 125/TB-BCĐ"). */
  notation: string | null;
  /** YYYY-MM-DD. */
  issueDate: string | null;
  /** Cơ quan ban hành. */
  issuer: string | null;
  /** Trích yếu. */
  summary: string | null;
  typeCode: string | null;
  /** The catalog label of typeCode ("Thông báo"). */
  typeLabel: string | null;
  classification: Classification;
  urgency: Urgency;
  textStatus: TextStatus;
  /** The document this one is a newer version of. */
  previousVersionId: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A document in a version chain, oldest first. */
export interface DocumentVersion {
  id: string;
  fileName: string;
  number: string | null;
  notation: string | null;
  issueDate: string | null;
  createdAt: string;
  /** This is the document asked for. */
  current: boolean;
}

/** Where a document is used. */
export interface DocumentUse {
  attachmentId: string;
  meetingId: string;
  meetingTitle: string;
  meetingStartsAt: string;
  meetingStatus: string;
  agendaItemId: string | null;
  agendaItemTitle: string | null;
}

export interface DocumentDetail extends DocumentSummary {
  createdBy: string | null;
  /** The whole chain this document belongs to, oldest first (length 1 when never replaced). */
  versions: DocumentVersion[];
  /** Meetings and agenda items it is attached to. */
  uses: DocumentUse[];
}

/** A document placed in a meeting; detach, replaceVersion and reorder take its `attachmentId`. */
export interface MeetingDocument {
  attachmentId: string;
  meetingId: string;
  agendaItemId: string | null;
  position: number;
  attachedAt: string;
  document: DocumentSummary;
}

/** One file's outcome in an import; `fileName` is the name the user knows it by. */
export type ImportFileResult =
  | { fileName: string; ok: true; document: DocumentSummary; duplicate: boolean }
  | { fileName: string; ok: false; error: ErrorPayload };

export interface ImportResult {
  batchId: string;
  /** In the order the files were given. */
  results: ImportFileResult[];
}

/** Part of a snippet; `hit` parts matched the query (the UI highlights them). */
export interface SnippetSegment {
  text: string;
  hit: boolean;
}

export interface SearchPageHit {
  pageNo: number;
  snippet: SnippetSegment[];
}

export interface SearchHit {
  document: DocumentSummary;
  /** The query matched the number, notation, file name, issuer, type or summary. */
  metadataHit: boolean;
  /**
   * Up to `pagesPerDocument` matching pages, in page order. May be empty for a metadata hit whose
   * pages were not among the best-scoring matches.
   */
  pages: SearchPageHit[];
}

export interface SearchResult {
  hits: SearchHit[];
  /** More documents match than were returned. */
  more: boolean;
}

export interface DocumentsOutputs {
  'documents.import': ImportResult;
  'documents.importFiles': ImportResult;
  'documents.cancelImport': { cancelled: boolean };
  'documents.list': Page<DocumentSummary>;
  'documents.get': DocumentDetail;
  'documents.handOver': { classification: Classification; released: boolean };
  'documents.update': DocumentDetail;
  'documents.delete': { id: string };
  'documents.search': SearchResult;
  'documents.attach': MeetingDocument;
  'documents.detach': { attachmentId: string };
  'documents.replaceVersion': MeetingDocument;
  'documents.reorderAttachments': MeetingDocument[];
  'documents.listForMeeting': MeetingDocument[];
}
