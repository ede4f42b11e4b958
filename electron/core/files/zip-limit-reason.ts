import type { LimitError, ZipLimit } from './bounded-zip.ts';

const MB = 1024 * 1024;

/**
 * Why a small signed file (shared notes, written opinions) was refused by a zip limit, in words for
 * the user ("một thành phần (…) lớn hơn 32 MB"), Vietnamese then English; the caller says which file.
 */
export function zipLimitReason(limit: ZipLimit, { max, entry }: Parameters<LimitError>[1]): [string, string] {
  const where = entry ? ` ("${entry}")` : '';
  const texts: Record<ZipLimit, [string, string]> = {
    entries: [`tệp có hơn ${max} thành phần`, `it holds more than ${max} entries`],
    entryBytes: [`một thành phần${where} lớn hơn ${Math.max(1, Math.round(max / MB))} MB`, `an entry${where} is larger than ${Math.max(1, Math.round(max / MB))} MB`],
    totalBytes: [`nội dung giải nén lớn hơn ${Math.round(max / MB)} MB`, `its content unpacks to more than ${Math.round(max / MB)} MB`],
    ratio: [`một thành phần${where} bị nén bất thường (hơn ${max} lần, dấu hiệu "bom zip")`, `an entry${where} is compressed abnormally (over ${max} times, the mark of a zip bomb)`],
    name: [`tệp chứa thành phần lạ${where}`, `it holds an unexpected entry${where}`],
  };
  return texts[limit];
}
