import { TZDate } from '@date-fns/tz';
// One module per function and locale: the package index loads every function and every locale
// (about 1,000 files), which costs the command line seconds at each start.
import { addDays } from 'date-fns/addDays';
import { addWeeks } from 'date-fns/addWeeks';
import { format } from 'date-fns/format';
import { enGB } from 'date-fns/locale/en-GB';
import { vi } from 'date-fns/locale/vi';
import { startOfDay } from 'date-fns/startOfDay';
import type { LocalizedText } from './contract/errors.ts';

/**
 * Meetings happen in Việt Nam whatever the laptop's clock zone says: every time shown, printed or
 * typed is Asia/Ho_Chi_Minh wall time, and the core only ever sees UTC instants. Core and renderer
 * share these helpers.
 */
export const VN_TIME_ZONE = 'Asia/Ho_Chi_Minh';

type Language = keyof LocalizedText;

const locales = { vi, en: enGB } as const;

export function vnDate(value: string | number | Date): TZDate {
  return new TZDate(typeof value === 'string' ? Date.parse(value) : typeof value === 'number' ? value : value.getTime(), VN_TIME_ZONE);
}

/** "Thứ Hai, 05/01/2026 08:00". */
export function formatDateTime(instant: string, lang: Language): string {
  return format(vnDate(instant), 'EEEE, dd/MM/yyyy HH:mm', { locale: locales[lang] });
}

/** "Thứ Hai, 05/01/2026" */
export function formatDay(instant: string, lang: Language): string {
  return format(vnDate(instant), 'EEEE, dd/MM/yyyy', { locale: locales[lang] });
}

/** "Thứ Hai, 05/01/2026 08:00 – 11:30", with the end date repeated only when it differs. */
export function formatRange(startsAt: string, endsAt: string, lang: Language): string {
  const sameDay = dayKey(startsAt) === dayKey(endsAt);
  return `${formatDateTime(startsAt, lang)} – ${sameDay ? timeVi(endsAt) : format(vnDate(endsAt), 'dd/MM/yyyy HH:mm')}`;
}

/** The Vietnamese calendar day of an instant, YYYY-MM-DD. */
export function dayKey(instant: string | Date): string {
  return format(vnDate(instant instanceof Date ? instant.getTime() : instant), 'yyyy-MM-dd');
}

/** Short weekday names, Monday first ("Th 2" … "CN"). */
export function weekdayName(date: Date, lang: Language, width: 'wide' | 'short' = 'wide'): string {
  return format(date, width === 'wide' ? 'EEEE' : 'EEEEEE', { locale: locales[lang] });
}

/** The instant a Vietnamese calendar day (YYYY-MM-DD) begins. */
export function dayStart(key: string): TZDate {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  return new TZDate(y, m - 1, d, VN_TIME_ZONE);
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

const WEEKDAYS = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'];
const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const two = (n: number) => String(n).padStart(2, '0');

/** "08:00". */
export function timeVi(instant: string | Date): string {
  const d = vnDate(instant);
  return `${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** "05/01/2026". */
export function dateVi(instant: string | Date): string {
  const d = vnDate(instant);
  return `${two(d.getDate())}/${two(d.getMonth() + 1)}/${d.getFullYear()}`;
}

/** "08:00 05/01/2026", the form change records and warnings use. */
export function timeDateVi(instant: string | Date): string {
  return `${timeVi(instant)} ${dateVi(instant)}`;
}

/** "thứ Hai" … "Chủ nhật". */
export function weekdayVi(instant: string | Date): string {
  return WEEKDAYS[vnDate(instant).getDay()]!;
}

export function weekdayEn(instant: string | Date): string {
  return WEEKDAYS_EN[vnDate(instant).getDay()]!;
}

/** "08 giờ 00, ngày 05/01/2026 (thứ Hai)", as a giấy mời states the time. */
export function invitationTimeVi(instant: string | Date): string {
  const d = vnDate(instant);
  return `${two(d.getHours())} giờ ${two(d.getMinutes())}, ngày ${dateVi(instant)} (${weekdayVi(instant)})`;
}

/** The same local weekday and time a week later (Vietnam has no daylight saving, but say what we mean). */
export function sameTimeNextWeek(instant: string): string {
  return new Date(addWeeks(vnDate(instant), 1).getTime()).toISOString();
}
