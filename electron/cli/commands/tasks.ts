import { Option, type Command } from 'commander';
import {
  classification as classificationSchema,
  taskBucketFilter,
  taskStatus,
  urgency as urgencySchema,
  type BucketCounts,
  type TaskBucket,
  type TaskDeadlineInput,
  type TaskDetail,
  type TaskRow,
  type TaskStats,
} from '../../../shared/contract/index.ts';
import { timeDateVi } from '../../../shared/vn-time.ts';
import { CoreError } from '../../core/index.ts';
import { collect, dayArg, intArg, unitResolver } from '../args.ts';
import { printResult, type Output } from '../output.ts';
import { withCore, type CommandContext } from '../with-core.ts';

const tr = (out: Output, vi: string, en: string) => (out.lang === 'vi' ? vi : en);
const dmy = (d: string | null) => (d ? d.split('-').reverse().join('/') : '—');

export const bucketLabels: Record<TaskBucket | 'due_soon', { vi: string; en: string }> = {
  done_on_time: { vi: 'Hoàn thành đúng hạn', en: 'Done on time' },
  done_late: { vi: 'Hoàn thành quá hạn', en: 'Done late' },
  open_on_time: { vi: 'Đang thực hiện trong hạn', en: 'In progress, on time' },
  open_late: { vi: 'Đang thực hiện quá hạn', en: 'In progress, overdue' },
  due_soon: { vi: 'Sắp đến hạn', en: 'Due soon' },
};

const statusLabels: Record<TaskRow['status'], { vi: string; en: string }> = {
  assigned: { vi: 'Mới giao', en: 'Assigned' },
  in_progress: { vi: 'Đang thực hiện', en: 'In progress' },
  done_requested: { vi: 'Đề nghị hoàn thành', en: 'Reported done' },
  done: { vi: 'Hoàn thành', en: 'Done' },
  returned: { vi: 'Trả lại', en: 'Returned' },
  paused: { vi: 'Tạm dừng', en: 'Paused' },
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
};

function rowLine(out: Output, t: TaskRow): string {
  const bucket = t.bucket ? bucketLabels[t.dueSoon ? 'due_soon' : t.bucket][out.lang] : '—';
  return `${t.id}  ${dmy(t.dueDate).padEnd(10)}  ${String(t.percent).padStart(3)}%  ${bucket.padEnd(26)}  ${t.leadUnit.name}\n    ${t.content}`;
}

function detailText(out: Output, t: TaskDetail): string {
  const lines = [
    t.content,
    `${tr(out, 'Mã', 'Id')}:               ${t.id}`,
    `${tr(out, 'Đơn vị chủ trì', 'Lead unit')}:   ${t.leadUnit.name}${t.leadUnit.code ? ` (${t.leadUnit.code})` : ''}`,
  ];
  if (t.coordinatingUnits.length) lines.push(`${tr(out, 'Phối hợp', 'Coordinating')}:         ${t.coordinatingUnits.map((u) => u.name).join(', ')}`);
  lines.push(
    `${tr(out, 'Ngày giao', 'Assigned')}:        ${dmy(t.assignedOn)}`,
    `${tr(out, 'Hạn', 'Due')}:              ${t.deadlineKind === 'ongoing' ? tr(out, 'Thường xuyên', 'Ongoing') : dmy(t.dueDate)}${t.workingDays ? ` (${t.workingDays} ${tr(out, 'ngày làm việc', 'working days')})` : ''}`,
  );
  if (t.originalDeadline && t.originalDeadline !== t.dueDate) lines.push(`${tr(out, 'Hạn ban đầu', 'First deadline')}:      ${dmy(t.originalDeadline)}`);
  lines.push(
    `${tr(out, 'Trạng thái', 'Status')}:       ${statusLabels[t.status][out.lang]} · ${t.percent}%`,
    `${tr(out, 'Tình hình', 'Timeliness')}:        ${t.bucket ? bucketLabels[t.bucket][out.lang] : '—'}${t.dueSoon ? ` · ${bucketLabels.due_soon[out.lang]}` : ''}`,
  );
  if (t.source.meetingTitle) lines.push(`${tr(out, 'Nguồn', 'Source')}:            ${t.source.meetingTitle}${t.source.noticeNumber ? ` · ${t.source.noticeNumber}` : ''}`);
  if (t.events.length) {
    lines.push('', tr(out, 'Diễn biến:', 'History:'));
    for (const e of t.events) lines.push(`  ${timeDateVi(e.at)}  ${e.kind}${e.percent !== null ? ` ${e.percent}%` : ''}${e.text ? ` — ${e.text}` : ''}`);
  }
  return lines.join('\n');
}

function statsText(out: Output, s: TaskStats): string {
  const cols: Array<keyof BucketCounts> = ['done_on_time', 'done_late', 'open_on_time', 'open_late', 'due_soon', 'total'];
  const head = ['ĐÚNG HẠN', 'HT QUÁ HẠN', 'TRONG HẠN', 'QUÁ HẠN', 'SẮP HẠN', 'TỔNG'];
  const line = (name: string, c: BucketCounts) => `${name.slice(0, 40).padEnd(40)} ${cols.map((k) => String(c[k]).padStart(10)).join(' ')}`;
  return [
    `${tr(out, 'Tình hình thực hiện nhiệm vụ tính đến ngày', 'Tasks as of')} ${dmy(s.asOf)}`,
    `${''.padEnd(40)} ${head.map((h) => h.padStart(10)).join(' ')}`,
    ...s.units.map((u) => line(u.unit.name, u)),
    line(tr(out, 'Tổng cộng', 'Total'), s.totals),
  ].join('\n');
}

function deadlineOf(o: { deadline?: string; workingDays?: number; ongoing?: boolean }): TaskDeadlineInput {
  const given = [o.deadline !== undefined, o.workingDays !== undefined, o.ongoing === true].filter(Boolean).length;
  if (given !== 1) {
    throw new CoreError('INVALID_INPUT', {
      vi: 'Cần đúng một trong --deadline, --working-days, --ongoing.',
      en: 'Give exactly one of --deadline, --working-days, --ongoing.',
    });
  }
  if (o.deadline) return { kind: 'date', date: o.deadline };
  if (o.workingDays !== undefined) return { kind: 'working_days', days: o.workingDays };
  return { kind: 'ongoing' };
}

/** `nghisu tasks …`: the chỉ đạo điều hành tasks, for administrators and checks. */
export function registerTaskCommands(program: Command, { globals, setExit }: CommandContext): void {
  const tasks = program.command('tasks').description('nhiệm vụ (chỉ đạo điều hành) / tasks');
  const run = (body: Parameters<typeof withCore>[1]) => withCore(globals(), body).then(setExit);
  const show = (out: Output, t: TaskDetail, lead: string) => printResult(out, t, () => `${lead}\n\n${detailText(out, t)}`);

  tasks
    .command('create')
    .description('giao một nhiệm vụ / assign a task')
    .requiredOption('--content <text>', 'nội dung nhiệm vụ / what is to be done')
    .requiredOption('--lead-unit <code>', 'đơn vị chủ trì: mã định danh hoặc mã / lead unit: organ code or id')
    .option('--coord-unit <code>', 'đơn vị phối hợp (lặp lại được) / coordinating unit (repeatable)', collect, [])
    .option('--deadline <day>', 'hạn xử lý YYYY-MM-DD / due date', dayArg)
    .option('--working-days <n>', 'hạn là N ngày làm việc kể từ ngày giao / due N working days after assignment', intArg(1, 3650))
    .option('--ongoing', 'nhiệm vụ thường xuyên / ongoing task')
    .option('--assigned-on <day>', 'ngày giao (mặc định hôm nay) / date assigned (default today)', dayArg)
    .option('--from-conclusion <id>', 'mã kết luận trong biên bản / conclusion id in the minutes')
    .option('--expected-result <text>', 'sản phẩm / expected result')
    .addOption(new Option('--urgency <u>', 'độ khẩn / urgency').choices(urgencySchema.options).default('normal'))
    .addOption(new Option('--classification <c>', 'độ mật / classification').choices(classificationSchema.options).default('normal'))
    .option('--tag <tag>', 'nhãn, vd. "Nghị quyết 57" (lặp lại được) / tag (repeatable)', collect, [])
    .action(async (o: { content: string; leadUnit: string; coordUnit: string[]; deadline?: string; workingDays?: number; ongoing?: boolean; assignedOn?: string; fromConclusion?: string; expectedResult?: string; urgency: TaskRow['urgency']; classification: TaskRow['classification']; tag: string[] }) => {
      await run(async (core, out) => {
        const t = await core.call('tasks.create', {
          source: o.fromConclusion ? { kind: 'conclusion', conclusionId: o.fromConclusion } : { kind: 'direct' },
          task: {
            content: o.content,
            leadUnit: o.leadUnit,
            coordinatingUnits: o.coordUnit,
            deadline: deadlineOf(o),
            assignedOn: o.assignedOn,
            expectedResult: o.expectedResult,
            urgency: o.urgency,
            classification: o.classification,
            tags: o.tag,
          },
        });
        show(out, t, tr(out, 'Đã giao nhiệm vụ.', 'Task assigned.'));
      });
    });

  tasks
    .command('update')
    .description('sửa nội dung, đơn vị, thời hạn, độ khẩn, độ mật, nhãn của một nhiệm vụ / correct a task')
    .argument('<id>', 'mã nhiệm vụ / task id')
    .option('--content <text>', 'nội dung nhiệm vụ / what is to be done')
    .option('--lead-unit <code>', 'đơn vị chủ trì / lead unit')
    .option('--coord-unit <code>', 'đơn vị phối hợp, thay cả danh sách (lặp lại được) / coordinating units, replacing the list (repeatable)', collect)
    .option('--deadline <day>', 'hạn xử lý YYYY-MM-DD / due date', dayArg)
    .option('--working-days <n>', 'hạn là N ngày làm việc kể từ ngày giao / due N working days after assignment', intArg(1, 3650))
    .option('--expected-result <text>', 'sản phẩm / expected result')
    .addOption(new Option('--urgency <u>', 'độ khẩn / urgency').choices(urgencySchema.options))
    .addOption(new Option('--classification <c>', 'độ mật / classification').choices(classificationSchema.options))
    .option('--tag <tag>', 'nhãn, thay cả danh sách (lặp lại được) / tags, replacing the list (repeatable)', collect)
    .action(async (id: string, o: { content?: string; leadUnit?: string; coordUnit?: string[]; deadline?: string; workingDays?: number; expectedResult?: string; urgency?: TaskRow['urgency']; classification?: TaskRow['classification']; tag?: string[] }) => {
      await run(async (core, out) => {
        const current = await core.call('tasks.get', { id });
        const t = await core.call('tasks.update', {
          id,
          baseVersion: current.version,
          changes: {
            content: o.content,
            leadUnit: o.leadUnit,
            coordinatingUnits: o.coordUnit,
            deadline: o.deadline ? { kind: 'date', date: o.deadline } : o.workingDays !== undefined ? { kind: 'working_days', days: o.workingDays } : undefined,
            expectedResult: o.expectedResult,
            urgency: o.urgency,
            classification: o.classification,
            tags: o.tag,
          },
        });
        show(out, t, tr(out, 'Đã sửa nhiệm vụ.', 'Task corrected.'));
      });
    });

  tasks
    .command('list')
    .description('danh sách nhiệm vụ, quá hạn trước / tasks, overdue first')
    .option('--unit <code>', 'đơn vị chủ trì / lead unit')
    .addOption(new Option('--bucket <b>', 'tình hình / timeliness bucket').choices(taskBucketFilter.options))
    .addOption(new Option('--status <s>', 'trạng thái / status').choices(taskStatus.options))
    .option('--meeting <id>', 'cuộc họp nguồn / source meeting')
    .option('--as-of <day>', 'tính đến ngày / as of', dayArg)
    .option('--limit <n>', 'số dòng tối đa / at most this many', intArg(1, 500), 100)
    .action(async (o: { unit?: string; bucket?: TaskRow['bucket'] | 'due_soon'; status?: TaskRow['status']; meeting?: string; asOf?: string; limit: number }) => {
      await run(async (core, out) => {
        const unitId = o.unit ? (await unitResolver(core))(o.unit) : undefined;
        const page = await core.call('tasks.list', { unitId, bucket: o.bucket ?? undefined, status: o.status, meetingId: o.meeting, asOf: o.asOf, limit: o.limit });
        printResult(out, page, () =>
          page.items.length
            ? [`${tr(out, 'Tính đến ngày', 'As of')} ${dmy(page.asOf)}: ${page.total} ${tr(out, 'nhiệm vụ', 'tasks')}`, ...page.items.map((t) => rowLine(out, t))].join('\n')
            : tr(out, 'Không có nhiệm vụ nào.', 'No tasks.'),
        );
      });
    });

  tasks
    .command('show')
    .description('chi tiết một nhiệm vụ và diễn biến / a task with its history')
    .argument('<id>', 'mã nhiệm vụ / task id')
    .option('--as-of <day>', 'tính đến ngày / as of', dayArg)
    .action(async (id: string, o: { asOf?: string }) => {
      await run(async (core, out) => {
        const t = await core.call('tasks.get', { id, asOf: o.asOf });
        printResult(out, t, () => detailText(out, t));
      });
    });

  tasks
    .command('report')
    .description('báo cáo tiến độ (đơn vị chủ trì) / report progress (lead unit)')
    .argument('<id>', 'mã nhiệm vụ / task id')
    .requiredOption('--percent <p>', 'phần trăm hoàn thành 0–100 / percent done', intArg(0, 100))
    .requiredOption('--text <text>', 'nội dung báo cáo / what was done')
    .action(async (id: string, o: { percent: number; text: string }) => {
      await run(async (core, out) => show(out, await core.call('tasks.report', { id, percent: o.percent, text: o.text }), tr(out, 'Đã ghi tiến độ.', 'Progress recorded.')));
    });

  tasks
    .command('complete')
    .description('báo hoàn thành (chờ cơ quan thường trực xác nhận) / report done (awaits acceptance)')
    .argument('<id>', 'mã nhiệm vụ / task id')
    .option('--date <day>', 'ngày hoàn thành (mặc định hôm nay) / completion date (default today)', dayArg)
    .option('--text <text>', 'kết quả / result')
    .action(async (id: string, o: { date?: string; text?: string }) => {
      await run(async (core, out) => show(out, await core.call('tasks.complete', { id, date: o.date, text: o.text }), tr(out, 'Đã báo hoàn thành.', 'Reported done.')));
    });

  tasks
    .command('accept')
    .description('xác nhận hoàn thành / accept a reported completion')
    .argument('<id>', 'mã nhiệm vụ / task id')
    .action(async (id: string) => {
      await run(async (core, out) => show(out, await core.call('tasks.accept', { id }), tr(out, 'Đã xác nhận hoàn thành.', 'Accepted as done.')));
    });

  for (const [name, method, vi, en, done] of [
    ['return', 'tasks.return', 'trả lại báo cáo hoàn thành', 'return a reported completion', 'Đã trả lại.'],
    ['cancel', 'tasks.cancel', 'hủy nhiệm vụ', 'cancel the task', 'Đã hủy nhiệm vụ.'],
    ['pause', 'tasks.pause', 'tạm dừng nhiệm vụ', 'pause the task', 'Đã tạm dừng.'],
  ] as const) {
    tasks
      .command(name)
      .description(`${vi} / ${en}`)
      .argument('<id>', 'mã nhiệm vụ / task id')
      .requiredOption('--reason <text>', 'lý do / why')
      .action(async (id: string, o: { reason: string }) => {
        await run(async (core, out) => show(out, await core.call(method, { id, reason: o.reason }), tr(out, done, 'Done.')));
      });
  }

  tasks
    .command('extend')
    .description('gia hạn: ghi đề nghị và duyệt luôn (--request-only: chỉ ghi đề nghị) / extend: record the request and approve it')
    .argument('<id>', 'mã nhiệm vụ / task id')
    .requiredOption('--to <day>', 'hạn mới / new date', dayArg)
    .requiredOption('--reason <text>', 'lý do / why')
    .option('--request-only', 'chỉ ghi đề nghị, chờ duyệt / only record the request')
    .action(async (id: string, o: { to: string; reason: string; requestOnly?: boolean }) => {
      await run(async (core, out) => {
        let t = await core.call('tasks.requestExtension', { id, to: o.to, reason: o.reason });
        if (!o.requestOnly) t = await core.call('tasks.decideExtension', { extensionId: t.extensions.at(-1)!.id, approve: true });
        show(out, t, o.requestOnly ? tr(out, 'Đã ghi đề nghị gia hạn.', 'Extension requested.') : tr(out, `Đã gia hạn đến ${dmy(o.to)}.`, `Extended to ${o.to}.`));
      });
    });

  tasks
    .command('stats')
    .description('số nhiệm vụ theo đơn vị và tình hình / counts per unit and bucket')
    .option('--as-of <day>', 'tính đến ngày / as of', dayArg)
    .option('--weeks <n>', 'số tuần xu hướng / weeks of trend', intArg(0, 52), 0)
    .action(async (o: { asOf?: string; weeks: number }) => {
      await run(async (core, out) => {
        const s = await core.call('tasks.stats', { asOf: o.asOf, weeks: o.weeks });
        printResult(out, s, () => statsText(out, s));
      });
    });

  tasks
    .command('follow-up')
    .description('thêm mục "Kiểm điểm việc thực hiện kết luận kỳ trước" vào chương trình họp / add the follow-up agenda item')
    .argument('<meetingId>', 'mã cuộc họp / meeting id')
    .action(async (meetingId: string) => {
      await run(async (core, out) => {
        const r = await core.call('tasks.addFollowUpItem', { meetingId });
        printResult(out, r, () => tr(out, `Đã thêm mục kiểm điểm với ${r.tasks} nhiệm vụ chưa hoàn thành.`, `Follow-up item added with ${r.tasks} open tasks.`));
      });
    });
}
