import type { ErrorCode, ErrorPayload, FieldIssue, LocalizedText } from '../../shared/contract/index.ts';

/** The one error type the core throws; hosts turn it into an ErrorPayload unchanged. */
export class CoreError extends Error {
  readonly code: ErrorCode;
  readonly text: LocalizedText;
  readonly details: unknown;

  constructor(code: ErrorCode, text: LocalizedText, details?: unknown, options?: { cause?: unknown }) {
    super(`${code}: ${text.en}`, options);
    this.name = 'CoreError';
    this.code = code;
    this.text = text;
    this.details = details;
  }

  get payload(): ErrorPayload {
    return this.details === undefined
      ? { code: this.code, message: this.text }
      : { code: this.code, message: this.text, details: this.details };
  }
}

export function invalidInput(issues: FieldIssue[]): CoreError {
  const first = issues[0];
  const where = first && first.path ? ` (${first.path})` : '';
  return new CoreError(
    'INVALID_INPUT',
    {
      vi: `Dữ liệu không hợp lệ${where}: ${first?.message ?? 'không đúng định dạng'}`,
      en: `Invalid input${where}: ${first?.messageEn ?? 'malformed'}`,
    },
    issues,
  );
}

type Issue = { path: ReadonlyArray<PropertyKey>; message: string };

/** Zod issues in both languages → stable, serialisable field issues (no input values echoed back). */
export function toFieldIssues(vi: ReadonlyArray<Issue>, en: ReadonlyArray<Issue>): FieldIssue[] {
  return vi.map((issue, i) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
    messageEn: en[i]?.message ?? issue.message,
  }));
}
