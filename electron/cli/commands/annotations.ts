import type { Command } from 'commander';
import { Option } from 'commander';
import type { AnnotationFileExportResult, AnnotationImportResult } from '../../../shared/contract/index.ts';
import { printResult, type Output } from '../output.ts';
import { formatBytes, withCore, type CommandContext } from '../with-core.ts';

const FORMATS = ['pdf', 'pdf-flattened', 'xfdf'] as const;

function describeExport(out: Output, r: AnnotationFileExportResult): string {
  const what = { pdf: 'PDF', 'pdf-flattened': out.lang === 'vi' ? 'PDF bản in' : 'flattened PDF', xfdf: 'XFDF' }[r.format];
  return out.lang === 'vi'
    ? `Đã xuất ${r.annotations} ghi chú (${what}) vào ${r.file} (${formatBytes(r.bytes)}).`
    : `Exported ${r.annotations} annotations (${what}) to ${r.file} (${formatBytes(r.bytes)}).`;
}

function describeImport(out: Output, r: AnnotationImportResult): string {
  const vi = out.lang === 'vi';
  const lines = [
    vi
      ? `Đã nhập ghi chú vào tài liệu ${r.documentId}: ${r.imported} mới, ${r.updated} cập nhật (người ghi: ${r.authorName}).`
      : `Imported annotations onto document ${r.documentId}: ${r.imported} new, ${r.updated} updated (author: ${r.authorName}).`,
  ];
  for (const s of r.skipped ?? []) {
    lines.push(vi ? `  Bỏ qua ${s.count} ghi chú loại <${s.element}> (ứng dụng chưa hỗ trợ).` : `  Skipped ${s.count} <${s.element}> annotations (not supported).`);
  }
  return lines.join('\n');
}

export function registerAnnotationCommands(program: Command, { globals, setExit }: CommandContext): void {
  const annotations = program.command('annotations').description('ghi chú trên tài liệu: xuất, nhập / annotations: export, import');

  annotations
    .command('export')
    .description('xuất ghi chú của một tài liệu ra PDF, PDF bản in hoặc XFDF / export a document’s annotations as PDF, flattened PDF or XFDF')
    .argument('<documentId>', 'mã tài liệu / document id')
    .argument('<file>', 'tệp ra / output file')
    .addOption(new Option('--format <format>', 'định dạng / format').choices(FORMATS).makeOptionMandatory())
    .option('--force', 'ghi đè nếu tệp đã có / overwrite an existing file', false)
    .option(
      '--release-classified <reason>',
      'cho phép xuất tài liệu Mật trở lên, với lý do (được ghi vào nhật ký) / allow exporting a classified document, with the reason (recorded in the audit log)',
    )
    .action(async (documentId: string, file: string, cmd: { format: (typeof FORMATS)[number]; force: boolean; releaseClassified?: string }) => {
      setExit(
        await withCore(globals(), async (core, out) => {
          const releaseClassified = cmd.releaseClassified === undefined ? undefined : { reason: cmd.releaseClassified };
          const r = await core.call('annotations.exportFile', { documentId, format: cmd.format, file, overwrite: cmd.force, releaseClassified });
          printResult(out, r, () => describeExport(out, r));
        }),
      );
    });

  annotations
    .command('import')
    .description('nhập ghi chú từ tệp XFDF hoặc tệp ghi chú chia sẻ có chữ ký / import XFDF or a signed shared-notes file')
    .argument('<file>', 'tệp XFDF hoặc tệp ghi chú chia sẻ / XFDF or shared-notes file')
    .option('--document <id>', 'tài liệu nhận ghi chú (XFDF) / target document (XFDF)')
    .option(
      '--trust-signer',
      'tin cậy khóa đã ký tệp để ký ghi chú của người --person (đã đối chiếu dấu vân tay) / trust the signing key for the notes of --person (fingerprint checked)',
      false,
    )
    .option('--person <id>', 'người trong danh mục giữ khóa ký tệp ghi chú / the directory person who holds the notes file’s key')
    .action(async (file: string, cmd: { document?: string; trustSigner: boolean; person?: string }) => {
      setExit(
        await withCore(globals(), async (core, out) => {
          const r = await core.call('annotations.importFile', { file, documentId: cmd.document, trustSigner: cmd.trustSigner, personId: cmd.person });
          printResult(out, r, () => describeImport(out, r));
        }),
      );
    });
}
