import { foldText, type MeetingSummary } from '../../../../../shared/contract/index.ts';
import { addDaysKey, dayKey, dayStartInstant, weekStartKey } from '../../../../../shared/vn-time.ts';
import type { MeetingsParams } from './listParams.ts';

/** The days a calendar view shows: six whole weeks around the month, or one week, Monday first. */
export function calendarDays(view: 'month' | 'week', date: string): string[] {
  const first = view === 'month' ? weekStartKey(`${date.slice(0, 7)}-01`) : weekStartKey(date);
  const count = view === 'month' ? 42 : 7;
  return Array.from({ length: count }, (_, i) => addDaysKey(first, i));
}

/** [from, to) as UTC instants for `meetings.calendar`. */
export function rangeOf(days: readonly string[]): { from: string; to: string } {
  return { from: dayStartInstant(days[0]!), to: dayStartInstant(addDaysKey(days[days.length - 1]!, 1)) };
}

/** The calendar method filters by time and status; the unit and keyword filters apply here. */
export function matchesFilters(m: MeetingSummary, p: MeetingsParams): boolean {
  if (p.orgId && m.chairingOrg?.id !== p.orgId) return false;
  if (p.query) {
    const words = foldText(p.query).split(' ');
    const title = foldText(m.title);
    if (!words.every((w) => title.includes(w))) return false;
  }
  return true;
}

/** Meetings by the Vietnamese days they touch (a two-day conference appears on both). */
export function byDay(meetings: readonly MeetingSummary[], days: readonly string[]): Map<string, MeetingSummary[]> {
  const out = new Map<string, MeetingSummary[]>(days.map((d) => [d, []]));
  for (const m of meetings) {
    const last = dayKey(new Date(Date.parse(m.endsAt) - 1));
    for (let d = dayKey(m.startsAt); d <= last; d = addDaysKey(d, 1)) out.get(d)?.push(m);
  }
  return out;
}
