import { InvalidArgumentError, type Command } from 'commander';
import { auditActionLabel, type AuditFilter, type AuditVerification } from '../../../shared/contract/index.ts';
import { timeDateVi } from '../../../shared/vn-time.ts';
import { dayArg } from '../args.ts';
import { printResult, type Output } from '../output.ts';
import { EXIT_FAILED, formatBytes, withCore, type CommandContext } from '../with-core.ts';

function intArg(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('cần một số nguyên / expected a whole number');
  return Number(value);
}

interface FilterOptions {
  from?: string;
  to?: string;
  actor?: string;
  action?: string;
}

function filterOf(o: FilterOptions): AuditFilter {
  return { from: o.from, to: o.to, actorId: o.actor, action: o.action };
}

function withFilterOptions(cmd: Command): Command {
  return cmd
    .option('--from <day>', 'từ ngày (YYYY-MM-DD, giờ Việt Nam) / first day', dayArg)
    .option('--to <day>', 'đến hết ngày / last day, inclusive', dayArg)
    .option('--actor <profileId>', 'chỉ thao tác của người này / only this person')
    .option('--action <name>', 'thao tác hoặc nhóm, vd. meetings / an action or its area, e.g. meetings');
}

function verificationText(out: Output, v: AuditVerification): string {
  const vi = out.lang === 'vi';
  const head = v.head ? `${vi ? 'Mục cuối' : 'Last entry'}: ${v.head.seq} · ${v.head.hash}` : vi ? 'Nhật ký trống.' : 'The log is empty.';
  if (v.ok) return [vi ? `Nhật ký nguyên vẹn: ${v.entries} mục, chuỗi băm khớp.` : `The log is intact: ${v.entries} entries, the hash chain holds.`, head].join('\n');
  return [
    vi ? `NHẬT KÝ CÓ DẤU HIỆU BỊ SỬA (${v.entries} mục):` : `THE LOG HAS BEEN TAMPERED WITH (${v.entries} entries):`,
    ...v.problems.map((p) => `  - ${p.message[out.lang]}`),
    head,
  ].join('\n');
}

export function registerAuditCommands(program: Command, { globals, setExit }: CommandContext): void {
  const audit = program.command('audit').description('nhật ký hoạt động có chuỗi băm / the hash-chained audit log');

  audit
    .command('verify')
    .description('kiểm tra chuỗi băm: phát hiện mục bị sửa hoặc bị xóa (mã thoát 1 nếu có) / check the chain (exit 1 when broken)')
    .action(async () => {
      setExit(
        await withCore(globals(), async (core, out) => {
          const v = await core.call('audit.verify', {});
          printResult(out, v, () => verificationText(out, v));
          return v.ok ? undefined : EXIT_FAILED;
        }),
      );
    });

  withFilterOptions(audit.command('list').description('các mục mới nhất trước / newest entries first'))
    .option('--limit <n>', 'số mục tối đa / how many', intArg, 50)
    .action(async (o: FilterOptions & { limit: number }) => {
      setExit(
        await withCore(globals(), async (core, out) => {
          const page = await core.call('audit.list', { filter: filterOf(o), limit: o.limit });
          printResult(out, page, () =>
            page.items.length === 0
              ? out.lang === 'vi'
                ? 'Không có mục nào.'
                : 'No entries.'
              : [
                  ...page.items.map(
                    (e) =>
                      `${String(e.seq).padStart(6)}  ${timeDateVi(e.at)}  ${(e.actor?.name ?? (out.lang === 'vi' ? 'Ứng dụng' : 'The app')).padEnd(28)}  ${auditActionLabel(e.action, out.lang)}${e.entityId ? ` (${e.entityId})` : ''}`,
                  ),
                  '',
                  out.lang === 'vi' ? `${page.items.length} trên tổng số ${page.total} mục.` : `${page.items.length} of ${page.total} entries.`,
                ].join('\n'),
          );
        }),
      );
    });

  withFilterOptions(audit.command('export').description('xuất nhật ký ra tệp Excel kèm kết quả kiểm tra / export as XLSX with the verification'))
    .argument('<file>', 'tệp .xlsx / file')
    .option('--force', 'ghi đè nếu tệp đã có / overwrite an existing file', false)
    .action(async (file: string, o: FilterOptions & { force: boolean }) => {
      setExit(
        await withCore(globals(), async (core, out) => {
          const r = await core.call('audit.exportFile', { file, filter: filterOf(o), overwrite: o.force });
          printResult(out, r, () =>
            [
              out.lang === 'vi' ? `Đã xuất ${r.entries} mục vào ${r.file} (${formatBytes(r.bytes)}).` : `Exported ${r.entries} entries to ${r.file} (${formatBytes(r.bytes)}).`,
              verificationText(out, r.verification),
            ].join('\n'),
          );
        }),
      );
    });
}
