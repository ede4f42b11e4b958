import { formatDateTime, timeVi } from '../../../../shared/vn-time.ts';
import type { Language } from '../../bridge/BridgeError.ts';

/** "2026-12-31" → "31/12/2026". */
export function formatDeadline(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

/** "14:05" in Vietnamese time, for "Đã lưu lúc 14:05". */
export function clockTime(instant: string | number): string {
  return timeVi(new Date(instant));
}

/** "Thứ Hai, 05/01/2026 08:00". */
export function when(instant: string, lang: Language): string {
  return formatDateTime(instant, lang);
}
