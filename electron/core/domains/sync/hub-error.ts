import type { Problem } from '../../../../shared/sync/wire.ts';

export type HubFailure =
  /** No answer: the network, a reset, a timeout. Retry later. */
  | 'network'
  /** The hub said to wait (429, 503) or failed (5xx). Retry later, after Retry-After when given. */
  | 'busy'
  /** The credentials are wrong or this laptop is not allowed: retrying does not help, an administrator must act. */
  | 'denied'
  /** The hub answered something the contract does not allow: nothing of it is applied. */
  | 'protocol';

/** A failed exchange with the hub, with what to tell the user in both languages. */
export class HubError extends Error {
  readonly failure: HubFailure;
  readonly vi: string;
  readonly en: string;
  readonly status: number | undefined;
  /** Seconds, from Retry-After. */
  readonly retryAfter: number | undefined;
  readonly problem: Problem | undefined;

  constructor(failure: HubFailure, vi: string, en: string, status?: number, retryAfter?: number, problem?: Problem) {
    super(en);
    this.failure = failure;
    this.vi = vi;
    this.en = en;
    this.status = status;
    this.retryAfter = retryAfter;
    this.problem = problem;
  }
}

/** Retry-After as seconds (a number or an HTTP date); undefined when absent or unreadable. */
export function retryAfterSeconds(value: string | null, now: Date): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Math.min(Number(value.trim()), 86_400);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.min(Math.ceil((at - now.getTime()) / 1000), 86_400));
}

/** What an HTTP status means for the whole request, in the user's words. */
export function statusError(status: number, problem: Problem | undefined, retryAfter: number | undefined): HubError {
  const said = problem?.titleVi ?? problem?.title;
  if (status === 401) {
    return new HubError('denied', 'Hệ thống điều hành không chấp nhận mã ứng dụng hoặc khóa bí mật: hãy kiểm tra cài đặt liên thông.', 'The operations system refused the client id or secret: check the sync settings.', status, undefined, problem);
  }
  if (status === 403) {
    return new HubError('denied', `Hệ thống điều hành từ chối máy này${said ? ` (${said})` : ''}: hãy báo quản trị viên.`, `The operations system refused this laptop${problem?.title ? ` (${problem.title})` : ''}: tell the administrator.`, status, undefined, problem);
  }
  if (status === 429 || status >= 500) {
    const wait = retryAfter !== undefined ? ` Thử lại sau ${retryAfter} giây.` : '';
    return new HubError(
      'busy',
      `Hệ thống điều hành đang bận hoặc gặp lỗi (mã ${status}).${wait}`,
      `The operations system is busy or failing (status ${status}).${retryAfter !== undefined ? ` Retrying in ${retryAfter} s.` : ''}`,
      status,
      retryAfter,
      problem,
    );
  }
  return new HubError('protocol', `Hệ thống điều hành trả lời không như thỏa thuận (mã ${status})${said ? `: ${said}` : ''}.`, `The operations system answered outside the contract (status ${status})${problem?.title ? `: ${problem.title}` : ''}.`, status, undefined, problem);
}
