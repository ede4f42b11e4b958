/**
 * How far a target is reached. For "higher is better" (tỷ lệ che phủ rừng, thu ngân sách) it is
 * actual / goal; for "lower is better" (tỷ lệ hộ nghèo, số vụ tai nạn) it is goal / actual, so 100 %
 * means "at or under the ceiling" in both. A goal of zero has no ratio: for "lower" an actual of zero
 * (or less) meets it, for "higher" any actual at or above zero does.
 */
export type TargetDirection = 'higher' | 'lower';
/** đạt / gần đạt / không đạt, or no value reported (chưa có số liệu). */
export type AttainmentStatus = 'met' | 'near' | 'missed' | 'none';

export interface Thresholds {
  /** Attainment (%) from which a target is gần đạt. */
  nearPercent: number;
  /** Attainment (%) from which it is đạt. */
  metPercent: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { nearPercent: 80, metPercent: 100 };

export interface Attainment {
  /** Percent, rounded to one decimal; null when there is no goal or no value, or the goal is zero. */
  percent: number | null;
  status: AttainmentStatus;
}

export function attainment(goal: number | null, actual: number | null, direction: TargetDirection, thresholds: Thresholds): Attainment {
  if (goal === null || actual === null) return { percent: null, status: 'none' };
  let percent: number | null;
  if (goal === 0) {
    const met = direction === 'lower' ? actual <= 0 : actual >= 0;
    return { percent: null, status: met ? 'met' : 'missed' };
  }
  if (direction === 'higher') percent = (actual / goal) * 100;
  else percent = actual <= 0 ? Number.POSITIVE_INFINITY : (goal / actual) * 100;
  if (goal < 0) percent = null;
  if (percent === null) {
    const met = direction === 'higher' ? actual >= goal : actual <= goal;
    return { percent: null, status: met ? 'met' : 'missed' };
  }
  const status: AttainmentStatus = percent >= thresholds.metPercent ? 'met' : percent >= thresholds.nearPercent ? 'near' : 'missed';
  return { percent: Number.isFinite(percent) ? Math.round(percent * 10) / 10 : null, status };
}

export const attainmentLabels: Record<AttainmentStatus, { vi: string; en: string }> = {
  met: { vi: 'Đạt', en: 'Met' },
  near: { vi: 'Gần đạt', en: 'Nearly met' },
  missed: { vi: 'Không đạt', en: 'Not met' },
  none: { vi: 'Chưa có số liệu', en: 'No data' },
};
