import { foldText } from '../../../../../shared/contract/index.ts';

/** antd Select's filter: diacritics and đ ignored, as in the core's own search. */
export function foldedIncludes(haystack: unknown, needle: string): boolean {
  return foldText(String(haystack ?? '')).includes(foldText(needle));
}

const dateFormat = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' });

/** A stored UTC instant as the calendar date in Việt Nam, dd/mm/yyyy. */
export function formatDate(instant: string): string {
  return dateFormat.format(new Date(instant));
}
