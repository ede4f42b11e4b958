import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { DocumentSummary } from '../../../../../shared/contract/index.ts';

const VN_TZ = 'Asia/Ho_Chi_Minh';

/** A calendar date as officials write it: "2026-01-05" → "05/01/2026". */
export function formatCalendarDate(date: string | null): string {
  if (!date) return '';
  const [y, m, d] = date.split('-');
  return y && m && d ? `${d}/${m}/${y}` : date;
}

/** An instant as Vietnamese wall time, whatever zone the laptop is set to: "05/01/2026 08:30". */
export function formatInstant(instant: string, withTime = true): string {
  return format(new TZDate(Date.parse(instant), VN_TZ), withTime ? 'dd/MM/yyyy HH:mm' : 'dd/MM/yyyy');
}

/** File sizes with a decimal comma in Vietnamese ("1,2 MB"). */
export function formatBytes(bytes: number, language: 'vi' | 'en'): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}

/** "125/TB-BCĐ" as printed after "Số:", or whichever half is known; null when neither is. */
export function numberNotation(doc: Pick<DocumentSummary, 'number' | 'notation'>): string | null {
  if (doc.number && doc.notation) return `${doc.number}/${doc.notation}`;
  return doc.number ?? doc.notation ?? null;
}

/** The line a document is recognised by: its number and summary, or its file name when neither is known. */
export function documentLabel(doc: Pick<DocumentSummary, 'number' | 'notation' | 'summary' | 'fileName'>): string {
  const number = numberNotation(doc);
  if (number && doc.summary) return `${number} — ${doc.summary}`;
  return number ?? doc.summary ?? doc.fileName;
}

/** First 12 hex digits: enough to tell two files apart by eye. */
export function shortHash(sha256: string): string {
  return sha256.slice(0, 12);
}
