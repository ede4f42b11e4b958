import type { Command } from 'commander';
import type { MinutesConclusion, MinutesRevisionKind, MinutesRevisionSummary, MinutesView } from '../../../shared/contract/index.ts';
import { timeDateVi } from '../../../shared/vn-time.ts';
import { CoreError, type Core } from '../../core/index.ts';
import { dayArg, listArg, unitResolver } from '../args.ts';
import { printResult, type Output } from '../output.ts';
import { withCore, type CommandContext } from '../with-core.ts';

const tr = (out: Output, vi: string, en: string) => (out.lang === 'vi' ? vi : en);

/** "2026-01-15" → "15/01/2026". */
const day = (d: string) => d.split('-').reverse().join('/');

const kindLabels: Record<MinutesRevisionKind, { vi: string; en: string }> = {
  prefill: { vi: 'Lập bản nháp', en: 'Draft started' },
  edit: { vi: 'Sửa', en: 'Edited' },
  refresh: { vi: 'Cập nhật từ cuộc họp', en: 'Refreshed from the meeting' },
  restore: { vi: 'Khôi phục', en: 'Restored' },
  finalize: { vi: 'Hoàn tất, khóa', en: 'Finalized' },
  reopen: { vi: 'Mở lại', en: 'Reopened' },
};

function conclusionLine(out: Output, c: MinutesConclusion): string {
  const parts = [`${String(c.ordinal).padStart(3)}. ${c.agendaItemNumber ? `[${tr(out, 'Mục', 'Item')} ${c.agendaItemNumber}] ` : ''}${c.text}`];
  if (c.leadUnitName) parts.push(`${tr(out, 'chủ trì', 'lead')}: ${c.leadUnitName}`);
  if (c.coordinatingUnitNames.length) parts.push(`${tr(out, 'phối hợp', 'coordinating')}: ${c.coordinatingUnitNames.join(', ')}`);
  if (c.deadline) parts.push(`${tr(out, 'hạn', 'due')}: ${day(c.deadline)}`);
  return `${parts.join(' — ')}\n       ${tr(out, 'Mã', 'Id')}: ${c.id}`;
}

function viewText(out: Output, v: MinutesView, title: string | null): string {
  const status =
    v.status === 'final' ? tr(out, 'Đã hoàn tất (đã khóa)', 'Finalized (locked)') : v.editable ? tr(out, 'Bản nháp', 'Draft') : tr(out, 'Bản nháp (chỉ xem)', 'Draft (read-only)');
  const lines = [
    `${tr(out, 'Biên bản', 'Minutes')}${title ? `: ${title}` : ''}`,
    `${tr(out, 'Mã cuộc họp', 'Meeting id')}:   ${v.meetingId}`,
    `${tr(out, 'Trạng thái', 'Status')}:    ${status}`,
    `${tr(out, 'Phiên bản lưu', 'Version')}: ${v.version} · ${tr(out, 'lần sửa', 'revision')} ${v.revision}`,
    `${tr(out, 'Cập nhật', 'Updated')}:      ${timeDateVi(v.updatedAt)}${v.updatedBy.name ? ` · ${v.updatedBy.name}` : ''}`,
  ];
  if (v.finalized) {
    lines.push(`${tr(out, 'Hoàn tất', 'Finalized')}:     ${timeDateVi(v.finalized.at)}${v.finalized.by.name ? ` · ${v.finalized.by.name}` : ''}`, `SHA-256:       ${v.finalized.sha256}`);
  }
  lines.push('', `${tr(out, 'Kết luận', 'Conclusions')} (${v.conclusions.length}):`);
  lines.push(...(v.conclusions.length ? v.conclusions.map((c) => conclusionLine(out, c)) : [tr(out, '  (chưa có)', '  (none)')]));
  return lines.join('\n');
}

function revisionsText(out: Output, revisions: MinutesRevisionSummary[]): string {
  return revisions
    .map(
      (r) =>
        `${String(r.revision).padStart(4)}  ${timeDateVi(r.savedAt)}  ${kindLabels[r.kind][out.lang].padEnd(22)}  ${r.author.name ?? '—'}` +
        (r.note ? `\n      ${r.kind === 'reopen' ? tr(out, 'Lý do', 'Reason') : tr(out, 'Ghi chú', 'Note')}: ${r.note}` : ''),
    )
    .join('\n');
}

/**
 * `nghisu minutes …`: the minutes (biên bản) of a meeting. Returns the group so other modules can
 * add their own subcommands to it (e.g. `minutes export`).
 */
export function registerMinutesCommands(program: Command, { globals, setExit }: CommandContext): Command {
  const minutes = program.command('minutes').description('biên bản cuộc họp / meeting minutes');

  /** The meeting's title for the header; the minutes view itself is what --json prints. */
  async function showView(out: Output, core: Core, v: MinutesView, lead?: string) {
    const title = out.json ? null : (await core.call('meetings.get', { id: v.meetingId })).title;
    printResult(out, v, () => (lead ? `${lead}\n\n` : '') + viewText(out, v, title));
  }

  minutes
    .command('show')
    .description('trạng thái, phiên bản và các kết luận của biên bản (--json: toàn bộ) / status, version and conclusions (--json: the whole view)')
    .argument('<meetingId>', 'mã cuộc họp / meeting id')
    .action(async (meetingId: string) => {
      setExit(
        await withCore(globals(), async (core, out) => {
          const v = await core.call('minutes.get', { meetingId });
          if (!v) {
            throw new CoreError('NOT_FOUND', {
              vi: 'Cuộc họp này chưa có biên bản. Lập bản nháp: nghisu minutes draft <mã cuộc họp>.',
              en: 'This meeting has no minutes yet. Start the draft: nghisu minutes draft <meeting id>.',
            });
          }
          await showView(out, core, v);
        }),
      );
    });

  minutes
    .command('draft')
    .description('lập bản nháp điền sẵn từ cuộc họp (đã có thì giữ nguyên) / start the prefilled draft (an existing one is left as it is)')
    .argument('<meetingId>', 'mã cuộc họp / meeting id')
    .action(async (meetingId: string) => {
      setExit(
        await withCore(globals(), async (core, out) => {
          const existed = (await core.call('minutes.get', { meetingId })) !== null;
          const v = await core.call('minutes.draft', { meetingId });
          await showView(out, core, v, existed ? tr(out, 'Biên bản đã có; không thay đổi gì.', 'The minutes exist already; nothing changed.') : tr(out, 'Đã lập bản nháp biên bản.', 'Draft started.'));
        }),
      );
    });

  const conclusion = minutes.command('conclusion').description('kết luận trong biên bản / conclusions in the minutes');
  conclusion
    .command('add')
    .description('thêm kết luận vào cuối phần của một mục chương trình / add a conclusion at the end of an agenda item’s section')
    .argument('<meetingId>', 'mã cuộc họp / meeting id')
    .requiredOption('--item <agendaItemId>', 'mã mục chương trình / agenda item id')
    .requiredOption('--text <text>', 'nội dung kết luận / the conclusion')
    .option('--lead-unit <unit>', 'đơn vị chủ trì: mã định danh (vd. 000.00.31.H41) hoặc mã trong ứng dụng / lead unit: organ code or id')
    .option('--coordinate <units>', 'các đơn vị phối hợp (mã định danh hoặc mã), cách nhau bởi dấu phẩy / coordinating units (organ codes or ids), comma-separated', listArg)
    .option('--deadline <day>', 'hạn hoàn thành (YYYY-MM-DD) / due date', dayArg)
    .action(async (meetingId: string, o: { item: string; text: string; leadUnit?: string; coordinate?: string[]; deadline?: string }) => {
      setExit(
        await withCore(globals(), async (core, out) => {
          const units = await unitResolver(core);
          const v = await core.call('minutes.addConclusion', {
            meetingId,
            agendaItemId: o.item,
            text: o.text,
            leadUnitId: o.leadUnit === undefined ? undefined : units(o.leadUnit),
            coordinatingUnitIds: o.coordinate?.map(units),
            deadline: o.deadline,
          });
          await showView(out, core, v, tr(out, 'Đã thêm kết luận.', 'Conclusion added.'));
        }),
      );
    });

  minutes
    .command('finalize')
    .description('hoàn tất và khóa biên bản, ghi mã băm SHA-256 của nội dung / finalize and lock, recording the content’s SHA-256')
    .argument('<meetingId>', 'mã cuộc họp / meeting id')
    .action(async (meetingId: string) => {
      setExit(
        await withCore(globals(), async (core, out) => {
          const v = await core.call('minutes.finalize', { meetingId });
          await showView(out, core, v, tr(out, 'Đã hoàn tất và khóa biên bản.', 'The minutes are finalized and locked.'));
        }),
      );
    });

  minutes
    .command('reopen')
    .description('mở lại biên bản đã hoàn tất để sửa; lý do được ghi vào lịch sử và nhật ký / reopen finalized minutes; the reason goes to the history and the audit log')
    .argument('<meetingId>', 'mã cuộc họp / meeting id')
    .requiredOption('--reason <text>', 'lý do mở lại / why')
    .action(async (meetingId: string, o: { reason: string }) => {
      setExit(
        await withCore(globals(), async (core, out) => {
          const v = await core.call('minutes.reopen', { meetingId, reason: o.reason });
          await showView(out, core, v, tr(out, 'Đã mở lại biên bản để sửa.', 'The minutes are open for editing again.'));
        }),
      );
    });

  minutes
    .command('revisions')
    .description('lịch sử các lần sửa, mới nhất trước / revision history, newest first')
    .argument('<meetingId>', 'mã cuộc họp / meeting id')
    .action(async (meetingId: string) => {
      setExit(
        await withCore(globals(), async (core, out) => {
          const revisions = await core.call('minutes.revisions', { meetingId });
          printResult(out, revisions, () => revisionsText(out, revisions));
        }),
      );
    });

  return minutes;
}
