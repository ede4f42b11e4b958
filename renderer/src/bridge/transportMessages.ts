import type { LocalizedText } from '../../../shared/contract/index.ts';

/**
 * Messages for failures that happen before the core can answer. They live beside the transport,
 * not in the i18n files, because they travel inside BridgeError with both languages like the
 * core's own errors do.
 */
export const transportMessages = {
  noToken: {
    vi: 'Thiếu mã truy cập của phiên làm việc. Hãy mở lại ứng dụng bằng đúng địa chỉ mà máy chủ in ra khi khởi động (có phần ?token=…).',
    en: 'The session access token is missing. Reopen the app with the exact address the server printed at start-up (including ?token=…).',
  },
  unreachable: {
    vi: 'Lõi ứng dụng không trả lời — có thể lõi chưa chạy, đã dừng hoặc từ chối kết nối. Ứng dụng vẫn đang tự thử kết nối lại.',
    en: 'The application core does not answer — it may not be running, may have stopped or refused the connection. The app keeps trying to reconnect.',
  },
  droppedBeforeReply: {
    vi: 'Mất kết nối với lõi ứng dụng trước khi nhận được trả lời. Thao tác có thể chưa được thực hiện — hãy kiểm tra lại rồi thử lại.',
    en: 'The connection to the application core dropped before it answered. The action may not have been carried out — check and try again.',
  },
  timedOut: {
    vi: 'Lõi ứng dụng không trả lời kịp thời. Hãy thử lại.',
    en: 'The application core did not answer in time. Please try again.',
  },
  malformedReply: {
    vi: 'Lõi ứng dụng trả về dữ liệu không đọc được.',
    en: 'The application core sent a reply that could not be read.',
  },
  uploadFailed: {
    vi: 'Không gửi được tệp tới ứng dụng. Hãy thử lại.',
    en: 'The file could not be sent to the application. Please try again.',
  },
  uploadCancelled: {
    vi: 'Đã hủy gửi tệp.',
    en: 'The upload was cancelled.',
  },
} as const satisfies Record<string, LocalizedText>;
