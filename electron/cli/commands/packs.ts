import type { Command } from 'commander';
import type { PackImportResult, PackInspection } from '../../../shared/contract/index.ts';
import { edition } from '../../../shared/edition.ts';
import { printResult, type Output } from '../output.ts';
import { formatBytes, withCore, type CommandContext } from '../with-core.ts';

function describe(out: Output, r: PackInspection | PackImportResult, imported: boolean): string {
  const vi = out.lang === 'vi';
  const lines = [
    imported ? (vi ? 'Đã nhập gói tài liệu cuộc họp.' : 'Meeting pack imported.') : vi ? 'Gói tài liệu hợp lệ (chưa nhập).' : 'The pack is valid (not imported).',
    `${vi ? 'Cuộc họp' : 'Meeting'}:   ${r.meeting.title} (${r.meeting.committeeName})`,
    `${vi ? 'Phiên bản' : 'Revision'}:  ${edition(r.revision)}`,
    `${vi ? 'Người ký' : 'Signed by'}:   ${r.signer.label}`,
    `${vi ? 'Dấu vân tay' : 'Fingerprint'}: ${r.signer.fingerprint} ${r.signer.trusted ? (vi ? '(tin cậy)' : '(trusted)') : vi ? '(CHƯA tin cậy)' : '(NOT trusted)'}`,
    `${vi ? 'Tài liệu' : 'Documents'}:   ${r.documents} (${formatBytes(r.totalBytes)})`,
  ];
  if (r.withheld.length > 0) {
    lines.push(
      vi
        ? `${r.withheld.length} tài liệu mật trong gói được mã hóa cho thành viên khác, không cho khóa của máy này: không được nhập. Muốn đọc, hãy gửi tệp khóa công khai của mình (trong ứng dụng: Danh mục → Hồ sơ của tôi → Xuất khóa công khai) cho bộ phận thư ký rồi xin gói mới.`
        : `${r.withheld.length} classified document(s) in the pack are encrypted to other members, not to this computer's key: not imported. To read them, send your public-key file (in the app: Directory → My profile → Export public key) to the secretariat and ask for a new pack.`,
    );
  }
  if (r.downgrade && r.previous) {
    lines.push(
      vi
        ? `CẢNH BÁO: gói này là bản ${edition(r.revision)}, CŨ HƠN bản ${edition(r.previous.revision)} đã nhập; nhập sẽ đưa cuộc họp về nội dung cũ (cần --allow-downgrade).`
        : `WARNING: this pack is revision ${edition(r.revision)}, OLDER than revision ${edition(r.previous.revision)} already imported; importing rolls the meeting back (needs --allow-downgrade).`,
    );
  }
  if (r.previous) {
    lines.push(vi ? `Thay đổi so với bản ${edition(r.previous.revision)} đã nhập:` : `Changes since revision ${edition(r.previous.revision)}:`);
    if (r.changes.length === 0) lines.push(vi ? '  (không có)' : '  (none)');
    for (const c of r.changes) lines.push(`  - ${c.text[out.lang]}`);
  }
  return lines.join('\n');
}

export function registerPackCommands(program: Command, { globals, setExit }: CommandContext): void {
  const pack = program.command('pack').description('gói tài liệu cuộc họp có chữ ký / signed meeting packs');

  pack
    .command('export')
    .description('xuất gói tài liệu của một cuộc họp đã phát hành / export a published meeting as a signed pack')
    .argument('<meetingId>', 'mã cuộc họp / meeting id')
    .argument('<file>', 'tệp gói (.nghisu) / pack file')
    .option('--force', 'ghi đè nếu tệp đã có / overwrite an existing file', false)
    .option(
      '--release-classified <reason>',
      'cho phép gửi tài liệu Mật trở lên trong gói, với lý do (được ghi vào nhật ký) / allow the pack to carry classified documents, with the reason (recorded in the audit log)',
    )
    .action(async (meetingId: string, file: string, cmd: { force: boolean; releaseClassified?: string }) => {
      setExit(
        await withCore(globals(), async (core, out) => {
          const releaseClassified = cmd.releaseClassified === undefined ? undefined : { reason: cmd.releaseClassified };
          const r = await core.call('packs.exportFile', { meetingId, file, overwrite: cmd.force, releaseClassified });
          printResult(out, r, () => {
            const vi = out.lang === 'vi';
            const lines = [
              vi
                ? `Đã xuất gói ${r.file} (bản ${edition(r.revision)}, ${r.documents} tài liệu, ${formatBytes(r.bytes)}).\nKhóa ký: ${r.fingerprint}`
                : `Exported ${r.file} (revision ${edition(r.revision)}, ${r.documents} documents, ${formatBytes(r.bytes)}).\nSigning key: ${r.fingerprint}`,
            ];
            if (r.sealed) {
              lines.push(vi ? `Tài liệu mật (${r.sealed.documents}) mã hóa cho: ${r.sealed.recipients.join(', ')}` : `Classified documents (${r.sealed.documents}) encrypted to: ${r.sealed.recipients.join(', ')}`);
              if (r.sealed.withoutKey.length > 0) {
                lines.push(vi ? `Chưa có khóa tin cậy (không mở được): ${r.sealed.withoutKey.join(', ')}` : `No trusted key (cannot open them): ${r.sealed.withoutKey.join(', ')}`);
              }
            }
            return lines.join('\n');
          });
        }),
      );
    });

  pack
    .command('import')
    .description('kiểm tra chữ ký, mã băm rồi nhập gói / verify signature and hashes, then import')
    .argument('<file>', 'tệp gói (.nghisu) / pack file')
    .option('--dry-run', 'chỉ kiểm tra, không nhập / verify only', false)
    .option(
      '--trust-signer',
      'tin cậy khóa đã ký gói cho gói của Ban Chỉ đạo trong gói (đã đối chiếu dấu vân tay) / trust the signing key for packs of the pack’s committee (fingerprint checked)',
      false,
    )
    .option('--allow-downgrade', 'chấp nhận nhập gói cũ hơn bản đã nhập / accept a pack older than the one imported', false)
    .action(async (file: string, cmd: { dryRun: boolean; trustSigner: boolean; allowDowngrade: boolean }) => {
      setExit(
        await withCore(globals(), async (core, out) => {
          const r = await core.call('packs.importFile', { file, dryRun: cmd.dryRun, trustSigner: cmd.trustSigner, allowDowngrade: cmd.allowDowngrade });
          printResult(out, r, () => describe(out, r, !cmd.dryRun));
        }),
      );
    });
}
