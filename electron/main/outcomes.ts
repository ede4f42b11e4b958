import type { ErrorCode, ErrorPayload, RawOutcome } from '../../shared/contract/index.ts';

export function errorPayload(code: ErrorCode, vi: string, en: string): ErrorPayload {
  return { code, message: { vi, en } };
}

export function failed(code: ErrorCode, vi: string, en: string): RawOutcome {
  return { ok: false, error: errorPayload(code, vi, en) };
}

export const coreStopped = (): RawOutcome =>
  failed(
    'TRANSPORT',
    'Phần xử lý dữ liệu của ứng dụng đã dừng. Thao tác chưa chắc đã được lưu; vui lòng thử lại.',
    'The data engine stopped. The operation may not have been saved; please try again.',
  );

export const coreTimedOut = (): RawOutcome =>
  failed(
    'TRANSPORT',
    'Phần xử lý dữ liệu không phản hồi kịp. Vui lòng thử lại.',
    'The data engine did not answer in time. Please try again.',
  );

export const coreUnavailable = (): RawOutcome =>
  failed(
    'TRANSPORT',
    'Phần xử lý dữ liệu của ứng dụng chưa sẵn sàng hoặc đã đóng.',
    'The data engine is not running.',
  );
