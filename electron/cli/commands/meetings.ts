import { InvalidArgumentError, Option, type Command } from 'commander';
import {
  attendanceStatusLabels,
  meetingStatus,
  meetingStatusLabels,
  participantRoleLabels,
  rsvpStatusLabels,
  type AgendaItem,
  type MeetingDetail,
  type MeetingStatus,
  type MeetingSummary,
  type Page,
} from '../../../shared/contract/index.ts';
import { meetingPlace } from '../../core/domains/meetings/meeting-place.ts';
import { dateVi, timeDateVi, timeVi } from '../../../shared/vn-time.ts';
import { edition } from '../../../shared/edition.ts';
import { printResult } from '../output.ts';
import { withCore, type CommandContext } from '../with-core.ts';

/** A YYYY-MM-DD day in Vietnam's time, or a full ISO instant; `endOfDay` makes a day inclusive. */
function instantArg(endOfDay: boolean) {
  return (value: string): string => {
    const day = /^\d{4}-\d{2}-\d{2}$/.test(value);
    const ms = day ? Date.parse(`${value}T00:00:00+07:00`) + (endOfDay ? 24 * 3600_000 : 0) : Date.parse(value);
    if (Number.isNaN(ms)) throw new InvalidArgumentError('cần ngày dạng YYYY-MM-DD / expected a date like 2026-01-05');
    return new Date(ms).toISOString();
  };
}

function intArg(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('cần một số nguyên / expected a whole number');
  return Number(value);
}

/** "08:00–11:00 05/01/2026", or both ends in full when the meeting spans days. */
function when(m: Pick<MeetingSummary, 'startsAt' | 'endsAt'>): string {
  return dateVi(m.startsAt) === dateVi(m.endsAt)
    ? `${timeVi(m.startsAt)}–${timeVi(m.endsAt)} ${dateVi(m.startsAt)}`
    : `${timeDateVi(m.startsAt)} – ${timeDateVi(m.endsAt)}`;
}

function listText(page: Page<MeetingSummary>, offset: number): string {
  if (page.items.length === 0) return page.total === 0 ? 'Không có cuộc họp nào.' : `Không có cuộc họp nào ở trang này (tổng ${page.total}).`;
  const lines = page.items.map((m) =>
    [
      `${when(m)}  [${meetingStatusLabels[m.status].vi}]  ${m.title}`,
      `    ${m.committee.shortName ?? m.committee.name} · ${m.kind.label}${m.room ? ` · ${m.room.name}` : m.online ? ' · trực tuyến' : ''}`,
      `    Mã: ${m.id}`,
    ].join('\n'),
  );
  return [...lines, '', `Cuộc họp ${offset + 1}–${offset + page.items.length} trên tổng số ${page.total}.`].join('\n');
}

function agendaLines(items: readonly AgendaItem[], depth = 0): string[] {
  return items.flatMap((item) => [
    `${'  '.repeat(depth + 1)}${item.number}. ${timeVi(item.plannedStartsAt)} (${item.slotMinutes} phút) ${item.title}` +
      (item.presenter ? ` — trình bày: ${item.presenter.name}` : '') +
      (item.documents.length ? ` — ${item.documents.length} tài liệu` : ''),
    ...agendaLines(item.children, depth + 1),
  ]);
}

function detailText(m: MeetingDetail): string {
  const person = (p: { name: string; position: string | null } | null) => (p ? [p.name, p.position].filter(Boolean).join(', ') : '—');
  const a = m.attendance;
  const lines = [
    m.title,
    `Mã:              ${m.id}`,
    `Ban Chỉ đạo:     ${m.committee.name}`,
    `Loại:            ${m.kind.label}`,
    `Thời gian:       ${when(m)}`,
    `Trạng thái:      ${meetingStatusLabels[m.status].vi} (phiên bản ${edition(m.revision)})`,
    `Địa điểm:        ${meetingPlace(m) || '—'}`,
    `Chủ trì:         ${person(m.chair)}`,
    `Đơn vị chủ trì:  ${m.chairingOrg?.name ?? '—'}`,
    `Thư ký:          ${person(m.secretary)}`,
    '',
    `Chương trình (${m.agenda.totalMinutes} phút, dự kiến kết thúc ${timeVi(m.agenda.plannedEndsAt)}):`,
    ...(m.agenda.items.length ? agendaLines(m.agenda.items) : ['  (chưa có nội dung)']),
    '',
    `Thành phần tham dự (${m.participants.length}):`,
    ...(m.participants.length
      ? m.participants.map(
          (p, i) =>
            `  ${i + 1}. ${[p.name, p.position].filter(Boolean).join(', ')} — ${participantRoleLabels[p.role].vi}; ` +
            `${rsvpStatusLabels[p.rsvp].vi}${p.attendance ? `; ${attendanceStatusLabels[p.attendance].vi}` : ''}`,
        )
      : ['  (chưa có thành phần)']),
    '',
    `Điểm danh: có mặt ${a.present}, đến muộn ${a.late}, vắng ${a.absent}, ủy quyền ${a.delegated}, chưa điểm danh ${a.unmarked}. ` +
      `Thành viên tham dự ${a.membersAttending}/${a.members}, cần ${a.quorumRequired} (${a.quorumPercent}%): ${a.quorumMet ? 'đủ' : 'chưa đủ'} số lượng.`,
  ];
  if (m.warnings.length) lines.push('', 'Cảnh báo trùng lịch:', ...m.warnings.map((w) => `  ! ${w.text.vi}`));
  if (m.changes.length) {
    lines.push('', 'Thay đổi sau khi phát hành (mới nhất trước):');
    for (const r of m.changes) lines.push(...r.changes.map((c) => `  [${r.revision}] ${timeDateVi(r.at)}  ${c.text.vi}`));
  }
  return lines.join('\n');
}

export function registerMeetingCommands(program: Command, context: CommandContext): void {
  const { globals, setExit } = context;
  const meetings = program.command('meetings').description('cuộc họp / meetings');

  meetings
    .command('list')
    .description('danh sách cuộc họp, mới nhất trước / list meetings, newest first')
    .option('--from <date>', 'từ ngày (YYYY-MM-DD) / from this day', instantArg(false))
    .option('--to <date>', 'đến hết ngày (YYYY-MM-DD) / through this day', instantArg(true))
    .addOption(new Option('--status <status...>', 'trạng thái / statuses').choices(meetingStatus.options))
    .option('--committee <id>', 'mã Ban Chỉ đạo / committee id')
    .option('--chairing-org <id>', 'mã đơn vị chủ trì / chairing unit id')
    .option('-q, --query <words>', 'từ khóa trong tên cuộc họp (không cần dấu) / words of the title')
    .option('--limit <n>', 'số dòng / rows', intArg, 50)
    .option('--offset <n>', 'bỏ qua / skip', intArg, 0)
    .option('--asc', 'cũ nhất trước / oldest first', false)
    .action(
      async (opts: {
        from?: string;
        to?: string;
        status?: MeetingStatus[];
        committee?: string;
        chairingOrg?: string;
        query?: string;
        limit: number;
        offset: number;
        asc: boolean;
      }) => {
        setExit(
          await withCore(globals(), async (core, out) => {
            const page = await core.call('meetings.list', {
              from: opts.from,
              to: opts.to,
              statuses: opts.status,
              committeeId: opts.committee,
              chairingOrgId: opts.chairingOrg,
              query: opts.query,
              limit: opts.limit,
              offset: opts.offset,
              order: opts.asc ? 'asc' : 'desc',
            });
            printResult(out, page, () => listText(page, opts.offset));
          }),
        );
      },
    );

  meetings
    .command('show')
    .description('chi tiết một cuộc họp / one meeting in full')
    .argument('<id>', 'mã cuộc họp / meeting id')
    .action(async (id: string) => {
      setExit(
        await withCore(globals(), async (core, out) => {
          const meeting = await core.call('meetings.get', { id });
          printResult(out, meeting, () => detailText(meeting));
        }),
      );
    });
}
