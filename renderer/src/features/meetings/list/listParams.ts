import { meetingStatus, type MeetingStatus } from '../../../../../shared/contract/index.ts';
import { todayKey } from '../../../../../shared/vn-time.ts';

export type MeetingsView = 'list' | 'month' | 'week';

/** What the meetings screen shows, kept in the address so Back and a reload return to the same place. */
export interface MeetingsParams {
  view: MeetingsView;
  /** The day the calendars are anchored on (YYYY-MM-DD, Việt Nam). */
  date: string;
  statuses: MeetingStatus[];
  orgId: string | null;
  query: string;
  /** List view's time range, calendar days inclusive. */
  from: string | null;
  to: string | null;
  page: number;
}

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

export function readParams(search: URLSearchParams): MeetingsParams {
  const view = search.get('view');
  const date = search.get('date');
  const from = search.get('from');
  const to = search.get('to');
  return {
    view: view === 'month' || view === 'week' ? view : 'list',
    date: date && dayPattern.test(date) ? date : todayKey(),
    statuses: (search.get('status') ?? '')
      .split(',')
      .filter((s): s is MeetingStatus => meetingStatus.safeParse(s).success),
    orgId: search.get('org'),
    query: search.get('q') ?? '',
    from: from && dayPattern.test(from) ? from : null,
    to: to && dayPattern.test(to) ? to : null,
    page: Math.max(1, Number(search.get('page')) || 1),
  };
}

export function writeParams(p: MeetingsParams): URLSearchParams {
  const out = new URLSearchParams();
  if (p.view !== 'list') out.set('view', p.view);
  if (p.view !== 'list' && p.date !== todayKey()) out.set('date', p.date);
  if (p.statuses.length > 0) out.set('status', p.statuses.join(','));
  if (p.orgId) out.set('org', p.orgId);
  if (p.query) out.set('q', p.query);
  if (p.from) out.set('from', p.from);
  if (p.to) out.set('to', p.to);
  if (p.page > 1) out.set('page', String(p.page));
  return out;
}

export function hasFilters(p: MeetingsParams): boolean {
  return p.statuses.length > 0 || p.orgId !== null || p.query !== '' || p.from !== null || p.to !== null;
}
