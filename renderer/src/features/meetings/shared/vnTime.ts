import { TZDate } from '@date-fns/tz';
import { addDays, format, startOfDay } from 'date-fns';
import { enGB, vi } from 'date-fns/locale';
import dayjs, { type Dayjs } from 'dayjs';
import type { Language } from '../../../bridge/BridgeError.ts';

/**
 * Meetings happen in Việt Nam whatever the laptop's clock zone says: every time shown or typed is
 * Asia/Ho_Chi_Minh wall time, and the core only ever sees UTC instants.
 */
export const VN_TZ = 'Asia/Ho_Chi_Minh';

const locales = { vi, en: enGB } as const;

export function vnDate(value: string | number | Date): TZDate {
  return new TZDate(typeof value === 'string' ? Date.parse(value) : typeof value === 'number' ? value : value.getTime(), VN_TZ);
}

/** "Thứ Hai, 05/01/2026 08:00". */
export function formatDateTime(instant: string, lang: Language): string {
  return format(vnDate(instant), 'EEEE, dd/MM/yyyy HH:mm', { locale: locales[lang] });
}

/** "05/01/2026". */
export function formatDate(instant: string): string {
  return format(vnDate(instant), 'dd/MM/yyyy');
}

/** "08:00". */
export function formatTime(instant: string): string {
  return format(vnDate(instant), 'HH:mm');
}

/** "Thứ Hai, 05/01/2026" */
export function formatDay(instant: string, lang: Language): string {
  return format(vnDate(instant), 'EEEE, dd/MM/yyyy', { locale: locales[lang] });
}

/** "Thứ Hai, 05/01/2026 08:00 – 11:30", with the end date repeated only when it differs. */
export function formatRange(startsAt: string, endsAt: string, lang: Language): string {
  const sameDay = dayKey(startsAt) === dayKey(endsAt);
  return `${formatDateTime(startsAt, lang)} – ${sameDay ? formatTime(endsAt) : format(vnDate(endsAt), 'dd/MM/yyyy HH:mm')}`;
}

/** The Vietnamese calendar day of an instant, YYYY-MM-DD. */
export function dayKey(instant: string | Date): string {
  return format(vnDate(instant instanceof Date ? instant.getTime() : instant), 'yyyy-MM-dd');
}

/** Short weekday names, Monday first ("Th 2" … "CN"). */
export function weekdayName(date: Date, lang: Language, width: 'wide' | 'short' = 'wide'): string {
  return format(date, width === 'wide' ? 'EEEE' : 'EEEEEE', { locale: locales[lang] });
}

/**
 * antd's pickers hold dayjs values in the browser's zone; we read their wall-clock fields as
 * Vietnamese time, so 08:00 typed is 08:00 in Hà Nội even on a laptop set to another zone.
 */
export function dayjsToInstant(value: Dayjs): string {
  // TZDate prints its own zone's offset; the core takes UTC ("…Z") only.
  return new Date(new TZDate(value.year(), value.month(), value.date(), value.hour(), value.minute(), 0, VN_TZ).getTime()).toISOString();
}

export function instantToDayjs(instant: string): Dayjs {
  const v = vnDate(instant);
  return dayjs(new Date(v.getFullYear(), v.getMonth(), v.getDate(), v.getHours(), v.getMinutes()));
}

/** The instant a Vietnamese calendar day (YYYY-MM-DD) begins. */
export function dayStart(key: string): TZDate {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  return new TZDate(y, m - 1, d, VN_TZ);
}

/** The UTC instant (ISO, "…Z") a Vietnamese calendar day begins. */
export function dayStartInstant(key: string): string {
  return new Date(dayStart(key).getTime()).toISOString();
}

/** The Monday of the week holding `key`, as YYYY-MM-DD. */
export function weekStartKey(key: string): string {
  const day = dayStart(key);
  const back = (day.getDay() + 6) % 7;
  return format(addDays(day, -back), 'yyyy-MM-dd');
}

export function addDaysKey(key: string, days: number): string {
  return format(addDays(dayStart(key), days), 'yyyy-MM-dd');
}

export function todayKey(): string {
  return format(startOfDay(vnDate(Date.now())), 'yyyy-MM-dd');
}

/** Minutes since local midnight of an instant, in Việt Nam. */
export function minuteOfDay(instant: string): number {
  const v = vnDate(instant);
  return v.getHours() * 60 + v.getMinutes();
}

/** "Tháng 1 năm 2026" / "January 2026". */
export function monthTitle(key: string, lang: Language): string {
  const day = dayStart(key);
  return lang === 'vi' ? `Tháng ${day.getMonth() + 1} năm ${day.getFullYear()}` : format(day, 'MMMM yyyy', { locale: enGB });
}
