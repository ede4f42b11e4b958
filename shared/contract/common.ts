import { z } from 'zod';

/** A client-made UUID (v7 for new rows; any version accepted from packs). */
export const id = z.uuid({ error: 'Mã định danh không hợp lệ / invalid id' });

/** A UTC ISO-8601 instant, e.g. 2026-01-05T01:30:00.000Z. */
export const instant = z.iso.datetime({ offset: false, error: 'Thời điểm không hợp lệ / invalid date-time' });

/** A calendar date in Asia/Ho_Chi_Minh, `YYYY-MM-DD`. */
export const calendarDate = z.iso.date({ error: 'Ngày không hợp lệ (YYYY-MM-DD) / invalid date (YYYY-MM-DD)' });

/** A required one-line text: trimmed, not empty, bounded. */
export const requiredText = (max = 500) => z.string().trim().min(1, 'Không được để trống / required').max(max);

/** A path on this machine, for methods only the command line reaches. */
export const filePath = z.string().trim().min(1, 'Cần đường dẫn tệp / a file path is required').max(4096);

/** An optional text: blank becomes null, so "cleared" and "never set" read the same. */
export const optionalText = (max = 2000) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

/** Mật, Tối mật, Tuyệt mật (Luật Bảo vệ bí mật nhà nước); anything classified never leaves the machine by sync. */
export const classification = z.enum(['normal', 'confidential', 'secret', 'top_secret']);
export type Classification = z.infer<typeof classification>;

export const classificationLabels: Record<Classification, { vi: string; en: string }> = {
  normal: { vi: 'Thường', en: 'Normal' },
  confidential: { vi: 'Mật', en: 'Confidential' },
  secret: { vi: 'Tối mật', en: 'Secret' },
  top_secret: { vi: 'Tuyệt mật', en: 'Top secret' },
};

/** Mức độ khẩn: Thường, Khẩn, Thượng khẩn, Hỏa tốc. */
export const urgency = z.enum(['normal', 'urgent', 'very_urgent', 'flash']);
export type Urgency = z.infer<typeof urgency>;

/** A file the user handed to a UI host (drag and drop, picker); the host staged its bytes. */
export const uploadRef = z
  .object({
    uploadId: id,
    fileName: z.string().trim().min(1).max(255),
  })
  .strict();
export type UploadRef = z.infer<typeof uploadRef>;

/**
 * A file the core produced for the user (pack, .ics, giấy mời, attendance list). Hosts hand it over:
 * the browser host serves it at /exports/<exportId>, Electron offers a save dialog.
 */
export interface ExportedFile {
  exportId: string;
  fileName: string;
  mime: string;
  bytes: number;
}

/** One page of a list. */
export interface Page<T> {
  items: T[];
  total: number;
}

export const paging = {
  limit: z.number().int().min(1).max(500).default(100),
  offset: z.number().int().min(0).default(0),
};
