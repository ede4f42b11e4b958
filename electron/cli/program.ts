import { Command, CommanderError, Option } from 'commander';
import { defaultDataDir } from '../core/index.ts';
import { registerAnnotationCommands } from './commands/annotations.ts';
import { registerDocumentCommands } from './commands/documents.ts';
import { registerMeetingCommands } from './commands/meetings.ts';
import { registerPackCommands } from './commands/packs.ts';
import { registerSeedCommand } from './commands/seed.ts';
import { registerSettingsCommands } from './commands/settings.ts';
import { printResult } from './output.ts';
import {
  appVersion,
  EXIT_OK,
  EXIT_USAGE,
  formatBytes,
  withCore,
  type CommandContext,
  type GlobalOptions,
} from './with-core.ts';

export { EXIT_FAILED, EXIT_OK, EXIT_USAGE } from './with-core.ts';

export function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command('nghisu')
    .description('Nghị Sự — công cụ dòng lệnh cho quản trị viên / command line for administrators')
    .version(appVersion(), '-v, --version')
    .addOption(new Option('--data-dir <dir>', 'thư mục dữ liệu / data folder').default(defaultDataDir()))
    .option('--json', 'in kết quả dạng JSON / machine-readable output', false)
    .addOption(new Option('--lang <lang>', 'ngôn ngữ thông báo / message language').choices(['vi', 'en']).default('vi'))
    .showHelpAfterError()
    .exitOverride();

  const globals = () => program.opts<GlobalOptions>();

  program
    .command('info')
    .description('phiên bản, thư mục dữ liệu, phiên bản lược đồ, số bản ghi / version, data folder, schema, row counts')
    .action(async () => {
      setExit(
        await withCore(globals(), async (core, out) => {
          const info = await core.call('app.info', {});
          printResult(out, info, () =>
            [
              `${info.appName} ${info.version}`,
              `Thư mục dữ liệu:   ${info.dataDir}`,
              `Cơ sở dữ liệu:     ${info.databaseFile}`,
              `Lược đồ:           ${info.schemaVersion} (mới nhất ${info.latestSchemaVersion})`,
              `Node.js / SQLite:  ${info.node} / ${info.sqlite}`,
              'Số bản ghi:',
              ...Object.entries(info.counts).map(([t, n]) => `  ${t.padEnd(20)} ${n}`),
            ].join('\n'),
          );
        }),
      );
    });

  program
    .command('backup')
    .description('sao lưu trực tuyến rồi kiểm tra bản sao / online backup, then verified')
    .argument('<file>', 'tệp sao lưu / backup file')
    .option('--force', 'ghi đè nếu tệp đã có / overwrite an existing file', false)
    .action(async (file: string, cmd: { force: boolean }) => {
      setExit(
        await withCore(globals(), async (core, out) => {
          const r = await core.call('backup.create', { file, overwrite: cmd.force });
          printResult(out, r, () => `Đã sao lưu vào ${r.file} (${formatBytes(r.bytes)}, lược đồ ${r.schemaVersion}, SHA-256 ${r.sha256})`);
        }),
      );
    });

  program
    .command('restore')
    .description('khôi phục từ bản sao lưu (đóng ứng dụng trước) / restore a backup (close the app first)')
    .argument('<file>', 'tệp sao lưu / backup file')
    .action(async (file: string) => {
      setExit(
        await withCore(globals(), async (core, out) => {
          const r = await core.call('backup.restore', { file });
          printResult(out, r, () => `Đã khôi phục từ ${r.file} (lược đồ ${r.schemaVersion}). Dữ liệu cũ được giữ ở ${r.previousCopy}`);
        }),
      );
    });

  const context: CommandContext = { globals, setExit };
  registerDocumentCommands(program, context);
  registerMeetingCommands(program, context);
  registerPackCommands(program, context);
  registerAnnotationCommands(program, context);
  registerSeedCommand(program, context);
  registerSettingsCommands(program, context);

  return program;
}

/** Parse and run; returns the process exit code instead of exiting, so tests can call it. */
export async function runCli(argv: string[]): Promise<number> {
  let code = EXIT_OK;
  const program = buildProgram((c) => {
    code = c;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      return e.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    throw e;
  }
}
