import { TZDate } from '@date-fns/tz';
import { addWeeks } from 'date-fns';

/** Meetings are shown, printed and scheduled in Vietnam's time, whatever the laptop's zone. */
export const VN_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const WEEKDAYS = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'];
const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function local(instant: string | Date): TZDate {
  return new TZDate(typeof instant === 'string' ? Date.parse(instant) : instant.getTime(), VN_TIME_ZONE);
}

const two = (n: number) => String(n).padStart(2, '0');

/** "08:00". */
export function timeVi(instant: string | Date): string {
  const d = local(instant);
  return `${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** "05/01/2026". */
export function dateVi(instant: string | Date): string {
  const d = local(instant);
  return `${two(d.getDate())}/${two(d.getMonth() + 1)}/${d.getFullYear()}`;
}

/** "08:00 05/01/2026", the form change records and warnings use. */
export function timeDateVi(instant: string | Date): string {
  return `${timeVi(instant)} ${dateVi(instant)}`;
}

/** "thứ Hai" … "Chủ nhật". */
export function weekdayVi(instant: string | Date): string {
  return WEEKDAYS[local(instant).getDay()]!;
}

export function weekdayEn(instant: string | Date): string {
  return WEEKDAYS_EN[local(instant).getDay()]!;
}

/** "08 giờ 00, ngày 05/01/2026 (thứ Hai)", as a giấy mời states the time. */
export function invitationTimeVi(instant: string | Date): string {
  const d = local(instant);
  return `${two(d.getHours())} giờ ${two(d.getMinutes())}, ngày ${dateVi(instant)} (${weekdayVi(instant)})`;
}

/**
 * "Lào Cai, ngày 05 tháng 01 năm 2026": Nghị định 30/2020 puts a leading zero on days below 10
 * and on months 1 and 2 only ("ngày 15 tháng 3 năm 2026").
 */
export function placeDateVi(place: string, instant: string | Date): string {
  const d = local(instant);
  const month = d.getMonth() + 1;
  return `${place}, ngày ${two(d.getDate())} tháng ${month <= 2 ? two(month) : month} năm ${d.getFullYear()}`;
}

/** The same local weekday and time a week later (Vietnam has no daylight saving, but say what we mean). */
export function sameTimeNextWeek(instant: string): string {
  return new Date(addWeeks(local(instant), 1).getTime()).toISOString();
}
