import type { Command } from 'commander';
import type { SyncStatus } from '../../../shared/contract/index.ts';
import { printResult, type Output } from '../output.ts';
import { EXIT_FAILED, EXIT_OK, withCore, type CommandContext } from '../with-core.ts';

const tr = (out: Output, vi: string, en: string) => (out.lang === 'vi' ? vi : en);

function statusText(out: Output, s: SyncStatus): string {
  if (!s.configured) return tr(out, 'Chưa kết nối Hệ thống điều hành (nghisu sync configure …).', 'Not connected to the operations system (nghisu sync configure …).');
  return [
    `${tr(out, 'Hệ thống điều hành', 'Operations system')}: ${s.url}${s.unitCode ? ` (${tr(out, 'đơn vị', 'unit')} ${s.unitCode})` : ''}`,
    `${tr(out, 'Chờ gửi', 'Waiting to send')}: ${s.pending}   ${tr(out, 'Xung đột', 'Conflicts')}: ${s.conflicts}   ${tr(out, 'Bị từ chối', 'Refused')}: ${s.rejected}`,
    `${tr(out, 'Lần thành công gần nhất', 'Last success')}: ${s.lastSuccessAt ?? tr(out, 'chưa có', 'never')}`,
    ...(s.lastError ? [`${tr(out, 'Lỗi gần nhất', 'Last error')}: ${s.lastError[out.lang]}`] : []),
    ...(s.nextAttemptAt ? [`${tr(out, 'Thử lại lúc', 'Next attempt')}: ${s.nextAttemptAt}`] : []),
  ].join('\n');
}

/** `nghisu sync …`: the laptop's side of liên thông with the provincial operations system. */
export function registerSyncCommands(program: Command, { globals, setExit }: CommandContext): void {
  const sync = program.command('sync').description('liên thông nhiệm vụ với Hệ thống điều hành / sync tasks with the operations system');

  sync
    .command('configure')
    .description('kết nối máy này với Hệ thống điều hành / connect this laptop to the operations system')
    .requiredOption('--url <url>', 'địa chỉ Hệ thống điều hành (https://) / the hub’s address')
    .option('--token-url <url>', 'địa chỉ cấp mã truy cập (mặc định <url>/oauth/token) / token endpoint')
    .requiredOption('--client-id <id>', 'mã ứng dụng / client id')
    .requiredOption('--secret-file <file>', 'tệp chứa khóa bí mật, chỉ chủ sở hữu đọc được (chmod 600) / file holding the secret, mode 600')
    .action(async (o: { url: string; tokenUrl?: string; clientId: string; secretFile: string }) => {
      setExit(
        await withCore(globals(), async (core, out) => {
          const status = await core.call('sync.configureWithSecretFile', { url: o.url, tokenUrl: o.tokenUrl, clientId: o.clientId, secretFile: o.secretFile });
          printResult(out, status, () => `${tr(out, 'Đã lưu kết nối.', 'Connection saved.')}\n${statusText(out, status)}`);
        }),
      );
    });

  sync
    .command('run')
    .description('gửi và nhận thay đổi một lượt; thoát 0 khi không còn gì chờ gửi / one push and pull pass; exit 0 when nothing waits')
    .action(async () => {
      setExit(
        await withCore(globals(), async (core, out) => {
          const r = await core.call('sync.run', {});
          printResult(out, r, () =>
            [
              `${tr(out, 'Đã gửi', 'Sent')}: ${r.pushed}   ${tr(out, 'Đã nhận', 'Received')}: ${r.pulled}   ${tr(out, 'Còn chờ', 'Waiting')}: ${r.pending}`,
              ...(r.conflicts ? [`${tr(out, 'Xung đột mới', 'New conflicts')}: ${r.conflicts}`] : []),
              ...(r.rejected ? [`${tr(out, 'Bị từ chối', 'Refused')}: ${r.rejected}`] : []),
              ...(r.error ? [`${tr(out, 'Lỗi', 'Error')}: ${r.error[out.lang]}`] : []),
            ].join('\n'),
          );
          return r.error === null && r.pending === 0 ? EXIT_OK : EXIT_FAILED;
        }),
      );
    });

  sync
    .command('status')
    .description('tình trạng liên thông / sync status')
    .action(async () => {
      setExit(
        await withCore(globals(), async (core, out) => {
          const s = await core.call('sync.status', {});
          printResult(out, { pending: s.pending, lastSuccessAt: s.lastSuccessAt, lastError: s.lastError, cursor: s.cursor, conflicts: s.conflicts, rejected: s.rejected, unitCode: s.unitCode, url: s.url }, () => statusText(out, s));
        }),
      );
    });

  sync
    .command('test')
    .description('hỏi Hệ thống điều hành máy này là đơn vị nào / ask the hub who this laptop is')
    .action(async () => {
      setExit(
        await withCore(globals(), async (core, out) => {
          const me = await core.call('sync.test', {});
          printResult(out, me, () => `${tr(out, 'Kết nối được. Đơn vị', 'Connected. Unit')}: ${me.unitCode}${me.localUnitName ? ` — ${me.localUnitName}` : ''}`);
        }),
      );
    });

  sync
    .command('conflicts')
    .description('xung đột và thay đổi bị từ chối / conflicts and refused changes')
    .action(async () => {
      setExit(
        await withCore(globals(), async (core, out) => {
          const c = await core.call('sync.conflicts', {});
          printResult(out, c, () =>
            [
              ...c.conflicts.map((x) => `${x.id}  ${x.message} — ${x.taskContent.slice(0, 60)}\n    ${x.diffs.map((d) => `${d.field}: ${JSON.stringify(d.mine)} ≠ ${JSON.stringify(d.theirs)}`).join('; ')}`),
              ...c.rejected.map((r) => `#${r.seq}  ${r.error} — ${(r.taskContent ?? '').slice(0, 60)}`),
            ].join('\n') || tr(out, 'Không có xung đột.', 'No conflicts.'),
          );
        }),
      );
    });

  sync
    .command('publish-pack')
    .description('gửi gói tài liệu đã ký của một cuộc họp đã phát hành cho các đơn vị của Ban Chỉ đạo qua Hệ thống điều hành / publish a meeting’s signed pack through the hub')
    .argument('<meetingId>', 'mã cuộc họp / meeting id')
    .action(async (meetingId: string) => {
      setExit(
        await withCore(globals(), async (core, out) => {
          const p = await core.call('sync.publishPack', { meetingId });
          printResult(out, p, () => tr(out, `Đã xếp hàng gửi “${p.fileName}”; chạy nghisu sync run để gửi ngay.`, `Queued “${p.fileName}”; run nghisu sync run to send it now.`));
        }),
      );
    });

  sync
    .command('publish-opinions')
    .description('gửi phiếu lấy ý kiến lập trên máy này cho đơn vị của những người được xin ý kiến qua Hệ thống điều hành / send a written-opinions request through the hub')
    .argument('<requestId>', 'mã phiếu lấy ý kiến / request id')
    .action(async (requestId: string) => {
      setExit(
        await withCore(globals(), async (core, out) => {
          const p = await core.call('sync.publishOpinionRequest', { requestId });
          printResult(out, p, () => tr(out, `Đã xếp hàng gửi phiếu “${p.title}”; chạy nghisu sync run để gửi ngay.`, `Queued the request “${p.title}”; run nghisu sync run to send it now.`));
        }),
      );
    });

  sync
    .command('publish-answers')
    .description('gửi bản trả lời đã ký của máy này về đơn vị đã gửi phiếu qua Hệ thống điều hành / send this laptop’s signed answers back through the hub')
    .argument('<requestId>', 'mã phiếu lấy ý kiến / request id')
    .action(async (requestId: string) => {
      setExit(
        await withCore(globals(), async (core, out) => {
          const p = await core.call('sync.publishOpinionAnswers', { requestId });
          printResult(out, p, () => tr(out, `Đã xếp hàng gửi bản trả lời cho phiếu “${p.title}”; chạy nghisu sync run để gửi ngay.`, `Queued the answers to “${p.title}”; run nghisu sync run to send them now.`));
        }),
      );
    });

  sync
    .command('publications')
    .description('gói tài liệu, phiếu và bản trả lời lấy ý kiến đã gửi và đã nhận qua Hệ thống điều hành / packs and written opinions published and received through the hub')
    .action(async () => {
      setExit(
        await withCore(globals(), async (core, out) => {
          const list = await core.call('sync.publications', {});
          printResult(out, list, () =>
            list.map((p) => `${p.id}  ${p.direction === 'out' ? tr(out, 'gửi', 'out') : tr(out, 'nhận', 'in ')}  ${p.kind.padEnd(17)}  ${p.state.padEnd(8)}  ${p.title}${p.message ? `\n    ${p.message}` : ''}`).join('\n') ||
            tr(out, 'Chưa gửi hoặc nhận gì qua Hệ thống điều hành.', 'Nothing sent or received through the hub yet.'),
          );
        }),
      );
    });

  sync
    .command('import-publication')
    .description('nhập một tệp nhận về đang chờ; --trust-signer sau khi đã đối chiếu dấu vân tay / import a received file that waits')
    .argument('<id>', 'mã tệp nhận về / publication id')
    .option('--trust-signer', 'tin cậy khóa ký: của gói, phiếu cho Ban Chỉ đạo của nó; của bản trả lời là khóa của --person / trust the signer', false)
    .option('--person <personId>', 'bản trả lời: người được xin ý kiến mà khóa là của họ / answers: the person the key belongs to')
    .action(async (id: string, o: { trustSigner: boolean; person?: string }) => {
      setExit(
        await withCore(globals(), async (core, out) => {
          const p = await core.call('sync.importPublication', { id, trustSigner: o.trustSigner, ...(o.person ? { personId: o.person } : {}) });
          printResult(out, p, () => (p.state === 'imported' ? tr(out, 'Đã nhập.', 'Imported.') : `${p.state}: ${p.message ?? ''}`));
          return p.state === 'imported' ? EXIT_OK : EXIT_FAILED;
        }),
      );
    });

  sync
    .command('resolve')
    .description('xử lý một xung đột: giữ bản của mình hoặc nhận bản của Hệ thống / resolve a conflict')
    .argument('<id>', 'mã xung đột / conflict id')
    .requiredOption('--keep <side>', 'mine | theirs')
    .action(async (id: string, o: { keep: string }) => {
      setExit(
        await withCore(globals(), async (core, out) => {
          const s = await core.call('sync.resolveConflict', { id, keep: o.keep as 'mine' | 'theirs' });
          printResult(out, s, () => tr(out, 'Đã xử lý xung đột.', 'Conflict resolved.'));
        }),
      );
    });
}
