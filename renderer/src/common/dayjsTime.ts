import { TZDate } from '@date-fns/tz';
import dayjs, { type Dayjs } from 'dayjs';
import { VN_TIME_ZONE, vnDate } from '../../../shared/vn-time.ts';

/**
 * antd's pickers hold dayjs values in the browser's zone; we read their wall-clock fields as
 * Vietnamese time, so 08:00 typed is 08:00 in Hà Nội even on a laptop set to another zone.
 */
export function dayjsToInstant(value: Dayjs): string {
  // TZDate prints its own zone's offset; the core takes UTC ("…Z") only.
  return new Date(new TZDate(value.year(), value.month(), value.date(), value.hour(), value.minute(), 0, VN_TIME_ZONE).getTime()).toISOString();
}

export function instantToDayjs(instant: string): Dayjs {
  const v = vnDate(instant);
  return dayjs(new Date(v.getFullYear(), v.getMonth(), v.getDate(), v.getHours(), v.getMinutes()));
}

