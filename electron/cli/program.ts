import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { defaultDataDir } from '../core/index.ts';
import { registerAnnotationCommands } from './commands/annotations.ts';
import { registerAuditCommands } from './commands/audit.ts';
import { registerBackupCommands } from './commands/backup.ts';
import { registerCalendarCommands } from './commands/calendar.ts';
import { registerDocumentCommands } from './commands/documents.ts';
import { registerHubCommands } from './commands/hub.ts';
import { registerMeetingCommands } from './commands/meetings.ts';
import { registerMinutesCommands } from './commands/minutes.ts';
import { registerMinutesExportCommands } from './commands/minutes-export.ts';
import { registerOpinionCommands } from './commands/opinions.ts';
import { registerPackCommands } from './commands/packs.ts';
import { registerPlanCommands } from './commands/plans.ts';
import { registerReportCommands } from './commands/reports.ts';
import { registerRoomCommands } from './commands/room.ts';
import { registerSeedCommand } from './commands/seed.ts';
import { registerSettingsCommands } from './commands/settings.ts';
import { registerSyncCommands } from './commands/sync.ts';
import { registerTaskCommands } from './commands/tasks.ts';
import { printResult } from './output.ts';
import {
  appVersion,
  EXIT_OK,
  EXIT_USAGE,
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
    .addOption(
      new Option('--passphrase-fd <n>', 'đọc mật khẩu ứng dụng (mở khóa ký và, khi kho khóa không mở được, khóa dữ liệu) từ file descriptor n (0 = stdin) / read the app passphrase (signing key, and the data key when no keychain opens it) from fd n').argParser(
        (value) => {
          const fd = Number(value);
          if (!Number.isInteger(fd) || fd < 0) throw new InvalidArgumentError('cần số nguyên ≥ 0 / a whole number ≥ 0');
          return fd;
        },
      ),
    )
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

  const context: CommandContext = { globals, setExit };
  registerBackupCommands(program, context);
  registerDocumentCommands(program, context);
  registerMeetingCommands(program, context);
  registerMinutesExportCommands(program, registerMinutesCommands(program, context), context);
  registerPackCommands(program, context);
  registerAnnotationCommands(program, context);
  registerSeedCommand(program, context);
  registerAuditCommands(program, context);
  registerSettingsCommands(program, context);
  registerTaskCommands(program, context);
  registerHubCommands(program, context);
  registerSyncCommands(program, context);
  registerCalendarCommands(program, context);
  registerReportCommands(program, context);
  registerPlanCommands(program, context);
  registerRoomCommands(program, context);
  registerOpinionCommands(program, context);

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
