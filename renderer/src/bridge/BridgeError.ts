import type { ErrorCode, ErrorPayload, FieldIssue, LocalizedText } from '../../../shared/contract/index.ts';

export type Language = keyof LocalizedText;

/**
 * The one error type every bridge call rejects with, whichever host answered. It keeps the core's
 * stable code and both languages, so a screen can show the message in the language the user chose
 * now rather than the one that was active when the call failed.
 */
export class BridgeError extends Error {
  override readonly name = 'BridgeError';
  readonly code: ErrorCode;
  readonly localized: LocalizedText;
  readonly details: unknown;

  constructor(payload: ErrorPayload) {
    super(payload.message.vi);
    this.code = payload.code;
    this.localized = payload.message;
    this.details = payload.details;
  }

  messageIn(language: Language): string {
    return this.localized[language];
  }

  /** For INVALID_INPUT shown beside a field: the first field issue alone, without the "invalid input" preamble. */
  fieldMessage(language: Language): string {
    const issue = Array.isArray(this.details) ? (this.details[0] as Partial<FieldIssue> | undefined) : undefined;
    const text = language === 'vi' ? issue?.message : issue?.messageEn;
    return typeof text === 'string' && text.length > 0 ? text : this.messageIn(language);
  }

  static transport(message: LocalizedText, details?: unknown): BridgeError {
    return new BridgeError({ code: 'TRANSPORT', message, details });
  }
}
