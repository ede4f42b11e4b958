import { extname } from 'node:path';
import { CoreError } from '../../errors.ts';

export type FileType = { kind: 'pdf'; mime: 'application/pdf' } | { kind: 'attachment'; mime: string };

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(head: Uint8Array, magic: number[], at = 0): boolean {
  return magic.every((b, i) => head[at + i] === b);
}

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** Attachments the store accepts: the extension names the type, the first bytes must agree. */
const ATTACHMENTS: Record<string, { mime: string; check(head: Uint8Array): boolean }> = {
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', check: (h) => startsWith(h, ZIP) },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', check: (h) => startsWith(h, ZIP) },
  pptx: { mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', check: (h) => startsWith(h, ZIP) },
  odt: { mime: 'application/vnd.oasis.opendocument.text', check: (h) => startsWith(h, ZIP) },
  ods: { mime: 'application/vnd.oasis.opendocument.spreadsheet', check: (h) => startsWith(h, ZIP) },
  odp: { mime: 'application/vnd.oasis.opendocument.presentation', check: (h) => startsWith(h, ZIP) },
  doc: { mime: 'application/msword', check: (h) => startsWith(h, OLE) },
  xls: { mime: 'application/vnd.ms-excel', check: (h) => startsWith(h, OLE) },
  ppt: { mime: 'application/vnd.ms-powerpoint', check: (h) => startsWith(h, OLE) },
  png: { mime: 'image/png', check: (h) => startsWith(h, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  jpg: { mime: 'image/jpeg', check: (h) => startsWith(h, [0xff, 0xd8, 0xff]) },
  jpeg: { mime: 'image/jpeg', check: (h) => startsWith(h, [0xff, 0xd8, 0xff]) },
  gif: { mime: 'image/gif', check: (h) => startsWith(h, ascii('GIF87a')) || startsWith(h, ascii('GIF89a')) },
  webp: { mime: 'image/webp', check: (h) => startsWith(h, ascii('RIFF')) && startsWith(h, ascii('WEBP'), 8) },
  tif: { mime: 'image/tiff', check: (h) => startsWith(h, [0x49, 0x49, 0x2a, 0x00]) || startsWith(h, [0x4d, 0x4d, 0x00, 0x2a]) },
  tiff: { mime: 'image/tiff', check: (h) => startsWith(h, [0x49, 0x49, 0x2a, 0x00]) || startsWith(h, [0x4d, 0x4d, 0x00, 0x2a]) },
};

export const ACCEPTED_EXTENSIONS = ['pdf', ...Object.keys(ATTACHMENTS)];

/** pdf.js, like Acrobat, accepts a header anywhere in the first kilobyte. */
function hasPdfHeader(head: Uint8Array): boolean {
  const text = Buffer.from(head.buffer, head.byteOffset, Math.min(head.length, 1024)).toString('latin1');
  return text.includes('%PDF-');
}

/** What a file is, from its first bytes and its name; a clear error naming the file otherwise. */
export function detectFileType(head: Uint8Array, fileName: string): FileType {
  const ext = extname(fileName).slice(1).toLowerCase();
  if (hasPdfHeader(head)) return { kind: 'pdf', mime: 'application/pdf' };
  if (ext === 'pdf') {
    throw new CoreError('PDF_INVALID', {
      vi: `Tệp "${fileName}" không phải là PDF (thiếu phần đầu %PDF-); có thể tệp bị hỏng hoặc bị đổi đuôi.`,
      en: `"${fileName}" is not a PDF (no %PDF- header); it may be damaged or renamed.`,
    });
  }
  const type = ATTACHMENTS[ext];
  if (!type) {
    throw new CoreError('FILE_INVALID', {
      vi: `Không nhận loại tệp của "${fileName}". Chỉ nhận PDF, Word, Excel, PowerPoint, OpenDocument và ảnh (PNG, JPEG, GIF, WebP, TIFF).`,
      en: `"${fileName}" is not a supported file type. Accepted: PDF, Word, Excel, PowerPoint, OpenDocument and images (PNG, JPEG, GIF, WebP, TIFF).`,
    });
  }
  if (!type.check(head)) {
    throw new CoreError('FILE_INVALID', {
      vi: `Nội dung tệp "${fileName}" không đúng định dạng .${ext}; có thể tệp bị hỏng hoặc bị đổi đuôi.`,
      en: `The content of "${fileName}" is not a valid .${ext} file; it may be damaged or renamed.`,
    });
  }
  return { kind: 'attachment', mime: type.mime };
}
