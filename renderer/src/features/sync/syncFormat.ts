import { dateVi, dayKey, timeDateVi, timeVi, todayKey } from '../../../../shared/vn-time.ts';
import type { Language } from '../../bridge/BridgeError.ts';

/** "14:05" for today, "14:05 03/12/2026" for another day: the indicator's short clock. */
export function clock(instant: string): string {
  return dayKey(instant) === todayKey() ? timeVi(instant) : timeDateVi(instant);
}

/** "03/12/2026 14:05", Việt Nam wall time whatever zone the laptop is set to. */
export function dateTime(instant: string): string {
  return `${dateVi(instant)} ${timeVi(instant)}`;
}

/**
 * The contract writes its own field messages as "tiếng Việt / English" in one string (zod carries
 * one message per rule): keep the half in the user's language.
 */
export function languageHalf(text: string, language: Language): string {
  const halves = text.split(' / ');
  if (halves.length !== 2) return text;
  return language === 'vi' ? halves[0]! : halves[1]!;
}
