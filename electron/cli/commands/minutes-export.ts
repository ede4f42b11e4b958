import { Option, type Command } from 'commander';
import type { MinutesFileExport } from '../../../shared/contract/index.ts';
import { printResult, type Output } from '../output.ts';
import { formatBytes, withCore, type CommandContext } from '../with-core.ts';

const DOCUMENTS = ['minutes', 'notice'] as const;
const FORMATS = ['docx', 'pdf'] as const;

interface ExportOptions {
  document: (typeof DOCUMENTS)[number];
  format?: (typeof FORMATS)[number];
  force: boolean;
  number?: string;
  signerTitle?: string[];
  signerName?: string;
  recipient?: string[];
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

function describe(out: Output, r: MinutesFileExport, document: ExportOptions['document']): string {
  const vi = out.lang === 'vi';
  const what = document === 'minutes' ? (vi ? 'Biên bản' : 'Minutes') : vi ? 'Thông báo kết luận' : 'Conclusion notice';
  const draft = r.final ? '' : vi ? ' (DỰ THẢO — biên bản chưa hoàn tất)' : ' (DRAFT — the minutes are not finalized)';
  return [`${what}${draft}: ${r.file} (${formatBytes(r.bytes)})`, `SHA-256: ${r.sha256}`].join('\n');
}

/** The format from --format, or from the file's extension. */
function formatOf(file: string, given: ExportOptions['format']): (typeof FORMATS)[number] {
  if (given) return given;
  const ext = file.toLowerCase().split('.').pop();
  return ext === 'pdf' ? 'pdf' : 'docx';
}

/** `export` under a group: the document is fixed (`notice export`) or chosen with --document (`minutes export`). */
function addExport(group: Command, { globals, setExit }: CommandContext, fixed: ExportOptions['document'] | null): void {
  const cmd = group
    .command('export')
    .description(
      fixed === 'notice'
        ? 'xuất Thông báo kết luận theo Nghị định 30/2020 ra DOCX hoặc PDF / export the conclusion notice as DOCX or PDF'
        : 'xuất Biên bản (hoặc Thông báo kết luận) theo Nghị định 30/2020 ra DOCX hoặc PDF / export the minutes (or the notice) as DOCX or PDF',
    )
    .argument('<meetingId>', 'mã cuộc họp / meeting id')
    .argument('<file>', 'tệp ra (.docx hoặc .pdf) / output file (.docx or .pdf)');
  if (!fixed) cmd.addOption(new Option('--document <document>', 'biên bản (minutes) hay thông báo kết luận (notice) / which document').choices(DOCUMENTS).default('minutes'));
  cmd
    .addOption(new Option('--format <format>', 'định dạng; mặc định theo đuôi tệp / format; by default from the extension').choices(FORMATS))
    .option('--force', 'ghi đè nếu tệp đã có / overwrite an existing file', false)
    .option('--number <n>', 'số văn bản của thông báo, vd. 15 / the notice’s number, e.g. 15')
    .option('--signer-title <line>', 'dòng thẩm quyền, chức vụ người ký (lặp lại được) / authority and title line (repeatable)', collect)
    .option('--signer-name <name>', 'họ tên người ký / the signer’s name')
    .option('--recipient <line>', 'một dòng "Nơi nhận" (lặp lại được) / one "Nơi nhận" line (repeatable)', collect)
    .action(async (meetingId: string, file: string, o: ExportOptions) => {
      const document = fixed ?? o.document;
      setExit(
        await withCore(globals(), async (core, out) => {
          const notice =
            document === 'notice' && (o.number || o.signerTitle || o.signerName || o.recipient)
              ? { number: o.number, signerTitles: o.signerTitle, signerName: o.signerName, recipients: o.recipient }
              : undefined;
          const r = await core.call('minutes.exportFile', { meetingId, document, format: formatOf(file, o.format), file, overwrite: o.force, notice });
          printResult(out, r, () => describe(out, r, document));
        }),
      );
    });
}

/** `nghisu minutes export` and `nghisu notice export`: the Biên bản and the Thông báo kết luận as files. */
export function registerMinutesExportCommands(program: Command, minutes: Command, ctx: CommandContext): void {
  addExport(minutes, ctx, null);
  addExport(program.command('notice').description('thông báo kết luận của cuộc họp / the conclusion notice of a meeting'), ctx, 'notice');
}
