/**
 * Typed errors crossing every host boundary. The code is stable (scripts and tests match on it);
 * the message is for people, in Vietnamese first and English second.
 */
export const errorCodes = [
  'INVALID_INPUT',
  'UNKNOWN_METHOD',
  'FORBIDDEN',
  'UNAUTHORIZED',
  'NOT_FOUND',
  'RUNTIME_UNSUPPORTED',
  'DB_TOO_NEW',
  'DB_CORRUPT',
  'DB_BUSY',
  'BACKUP_INVALID',
  'IO_ERROR',
  'CORE_CLOSED',
  'TRANSPORT',
  'INTERNAL',
  /** The row changed or is in use (e.g. a unit that still has people, a duplicate organ code). */
  'CONFLICT',
  /** Not allowed in the record's current state (e.g. editing an archived meeting). */
  'INVALID_STATE',
  /** The first-run profile does not exist yet. */
  'PROFILE_REQUIRED',
  /** A file the user gave is unusable (empty, wrong type, unreadable spreadsheet). */
  'FILE_INVALID',
  /** A damaged PDF, or a file that is not a PDF at all. */
  'PDF_INVALID',
  /** A password-protected PDF. */
  'PDF_ENCRYPTED',
  /** A meeting pack that is truncated, tampered with, unsigned or malformed. */
  'PACK_INVALID',
  /** A well-formed pack signed by a key this member has not accepted. */
  'PACK_UNTRUSTED',
  /** A pack older than the one imported for its meeting (importing would roll the meeting back). */
  'PACK_DOWNGRADE',
  /** The user cancelled a long operation. */
  'CANCELLED',
  /** Classified (Mật and above) content asked to leave the laptop without an explicit, audited release. */
  'CLASSIFIED',
  /** The app is locked (or the signing key is sealed with the passphrase and not yet opened): unlock first. */
  'LOCKED',
  /** The database key cannot be opened here (the OS keychain lost it, or the command line needs the passphrase). */
  'DATA_KEY_UNAVAILABLE',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface LocalizedText {
  vi: string;
  en: string;
}

export interface ErrorPayload {
  code: ErrorCode;
  message: LocalizedText;
  /** Machine-readable detail, e.g. which input fields failed. Never secrets or document contents. */
  details?: unknown;
}

export interface FieldIssue {
  /** Dotted path of the offending field, '' for the whole input. */
  path: string;
  /** Vietnamese. */
  message: string;
  messageEn: string;
}

export function isErrorPayload(value: unknown): value is ErrorPayload {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const m = v['message'] as Record<string, unknown> | undefined;
  return (
    typeof v['code'] === 'string' &&
    (errorCodes as readonly string[]).includes(v['code']) &&
    typeof m === 'object' &&
    m !== null &&
    typeof m['vi'] === 'string' &&
    typeof m['en'] === 'string'
  );
}
