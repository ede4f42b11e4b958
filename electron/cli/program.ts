import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import type { ErrorPayload } from '../../shared/contract/index.ts';
import { createCore, CoreError, defaultDataDir, type Core } from '../core/index.ts';
import { printError, printResult, type Lang, type Output } from './output.ts';

/** Exit codes: 0 success, 1 the command failed, 2 the command line itself was wrong. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

function appVersion(): string {
  const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

interface GlobalOptions {
  dataDir: string;
  json: boolean;
  lang: Lang;
}

function toPayload(e: unknown): ErrorPayload {
  if (e instanceof CoreError) return e.payload;
  const message = (e as Error)?.message ?? String(e);
  return { code: 'INTERNAL', message: { vi: `Lỗi không mong muốn: ${message}`, en: `Unexpected error: ${message}` } };
}

/** Run `fn` on a core opened for the command, always closing it; returns the exit code. */
async function withCore(opts: GlobalOptions, fn: (core: Core, out: Output) => Promise<void>): Promise<number> {
  const out: Output = { json: opts.json, lang: opts.lang };
  let core: Core | undefined;
  try {
    core = await createCore({ dataDir: opts.dataDir, appVersion: appVersion() });
    await fn(core, out);
    return EXIT_OK;
  } catch (e) {
    printError(out, toPayload(e));
    return EXIT_FAILED;
  } finally {
    await core?.close();
  }
}

function formatBytes(n: number): string {
  return n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
}

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
