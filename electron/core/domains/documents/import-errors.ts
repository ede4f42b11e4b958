import type { ErrorPayload } from '../../../../shared/contract/index.ts';
import { CoreError } from '../../errors.ts';
import type { ExtractFailure } from './extract/extract-pool.ts';

/** The user-facing error for a PDF whose text could not be read, naming the file. */
export function extractError(fileName: string, failure: ExtractFailure): CoreError {
  switch (failure.kind) {
    case 'encrypted':
      return new CoreError('PDF_ENCRYPTED', {
        vi: `Tệp "${fileName}" được bảo vệ bằng mật khẩu. Hãy gỡ mật khẩu (in ra PDF không mật khẩu) rồi nhập lại.`,
        en: `"${fileName}" is password-protected. Remove the password (print to a PDF without one) and import it again.`,
      });
    case 'cancelled':
      return cancelled(fileName);
    case 'io':
      return new CoreError('IO_ERROR', { vi: `Không đọc được tệp "${fileName}".`, en: `Cannot read "${fileName}".` });
    case 'stalled':
      return new CoreError('PDF_INVALID', {
        vi: `Tệp "${fileName}" đọc quá lâu không xong; có thể tệp bị hỏng.`,
        en: `Reading "${fileName}" took too long; the file may be damaged.`,
      });
    case 'crashed':
      return new CoreError('PDF_INVALID', {
        vi: `Tệp "${fileName}" làm trình đọc PDF dừng bất thường (tệp hỏng hoặc quá phức tạp).`,
        en: `"${fileName}" made the PDF reader stop (the file is damaged or too complex).`,
      });
    case 'empty':
      return new CoreError('PDF_INVALID', { vi: `Tệp PDF "${fileName}" không có trang nào.`, en: `The PDF "${fileName}" has no pages.` });
    case 'invalid':
      return new CoreError('PDF_INVALID', {
        vi: `Tệp "${fileName}" bị hỏng hoặc không phải PDF hợp lệ, không đọc được.`,
        en: `"${fileName}" is damaged or not a valid PDF and cannot be read.`,
      });
  }
}

export function cancelled(fileName: string): CoreError {
  return new CoreError('CANCELLED', { vi: `Đã hủy nhập tệp "${fileName}".`, en: `Import of "${fileName}" was cancelled.` });
}

/** Any failure of one file as the payload its result carries. */
export function toFilePayload(fileName: string, err: unknown): ErrorPayload {
  if (err instanceof CoreError) return err.payload;
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') {
    return { code: 'NOT_FOUND', message: { vi: `Không tìm thấy tệp "${fileName}".`, en: `File "${fileName}" not found.` } };
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return { code: 'IO_ERROR', message: { vi: `Không có quyền đọc tệp "${fileName}".`, en: `No permission to read "${fileName}".` } };
  }
  if (code === 'ENOSPC') {
    return { code: 'IO_ERROR', message: { vi: 'Ổ đĩa đã đầy, không lưu được tài liệu.', en: 'The disk is full; the document could not be stored.' } };
  }
  return { code: 'IO_ERROR', message: { vi: `Không lưu được tệp "${fileName}".`, en: `Could not store "${fileName}".` } };
}
