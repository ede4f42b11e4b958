import { InvalidArgumentError, Option, type Command } from 'commander';
import { organCode } from '../../../shared/contract/directory.ts';
import type { ErrorPayload } from '../../../shared/contract/index.ts';
import { intArg } from '../args.ts';
import { printError, printResult, type Output } from '../output.ts';
import { EXIT_FAILED, EXIT_OK, type CommandContext } from '../with-core.ts';

// The hub (Fastify, pg) loads only when a hub command runs, so every other command starts as fast as before.
const loadHub = () => import('../../../hub/index.ts');

const databaseUrl = () =>
  new Option('--database-url <url>', 'chuỗi kết nối PostgreSQL (mặc định lấy biến DATABASE_URL) / PostgreSQL connection string (default: env DATABASE_URL)')
    .env('DATABASE_URL')
    .makeOptionMandatory();

function unitArg(value: string): string {
  const code = organCode.safeParse(value);
  if (!code.success) throw new InvalidArgumentError(code.error.issues[0]?.message ?? 'mã định danh không hợp lệ / invalid organ code');
  return code.data;
}

function hubError(e: unknown): ErrorPayload {
  const message = e instanceof Error ? e.message : String(e);
  return { code: 'IO_ERROR', message: { vi: `Máy chủ liên thông: ${message}`, en: `Sync hub: ${message}` } };
}

/** `nghisu hub …`: run and administer the reference liên thông hub. These commands never open the app's data folder. */
export function registerHubCommands(program: Command, { globals, setExit }: CommandContext): void {
  const hub = program.command('hub').description('máy chủ liên thông tham chiếu / reference sync hub');
  const run = async (body: (out: Output) => Promise<void>) => {
    const out: Output = { json: globals().json, lang: globals().lang };
    try {
      await body(out);
      setExit(EXIT_OK);
    } catch (e) {
      printError(out, hubError(e));
      setExit(EXIT_FAILED);
    }
  };

  hub
    .command('serve')
    .description('chạy máy chủ liên thông đến khi nhận SIGTERM/SIGINT / run the hub until SIGTERM or SIGINT')
    .addOption(databaseUrl())
    .option('--host <host>', 'địa chỉ lắng nghe / address to listen on', '127.0.0.1')
    .option('--port <port>', 'cổng (0 = cổng trống bất kỳ) / port (0 = any free port)', intArg(0, 65_535), 8080)
    .option('--token-ttl <seconds>', 'thời hạn mã truy cập, giây / access token lifetime in seconds', intArg(60, 86_400), 3600)
    .action(async (o: { databaseUrl: string; host: string; port: number; tokenTtl: number }) => {
      await run(async (out) => {
        const { startHub } = await loadHub();
        const hubServer = await startHub({ databaseUrl: o.databaseUrl, host: o.host, port: o.port, tokenTtlSeconds: o.tokenTtl, logger: true });
        printResult(out, { url: hubServer.url }, () => `Máy chủ liên thông đang chạy / hub listening: ${hubServer.url}`);
        const signal = await new Promise<NodeJS.Signals>((resolve) => {
          process.once('SIGTERM', resolve);
          process.once('SIGINT', resolve);
        });
        process.stderr.write(`${signal}: đang dừng, chờ các yêu cầu dở dang / stopping after requests in flight\n`);
        await hubServer.close();
      });
    });

  hub
    .command('migrate')
    .description('tạo hoặc nâng cấp lược đồ cơ sở dữ liệu của máy chủ / create or upgrade the hub’s database schema')
    .addOption(databaseUrl())
    .action(async (o: { databaseUrl: string }) => {
      await run(async (out) => {
        const { migrateHub } = await loadHub();
        const result = await migrateHub(o.databaseUrl);
        printResult(out, result, () =>
          result.applied.length
            ? `Đã áp dụng / applied: ${result.applied.map((v) => String(v).padStart(4, '0')).join(', ')}`
            : 'Lược đồ đã mới nhất / the schema is up to date',
        );
      });
    });

  hub
    .command('create-client')
    .description('cấp máy khách cho một đơn vị; khóa bí mật chỉ hiện một lần / create a client for a unit; the secret is shown once')
    .addOption(databaseUrl())
    .requiredOption('--unit <code>', 'mã định danh của đơn vị, vd. 000.00.31.H41 / the unit’s organ code', unitArg)
    .option('--name <name>', 'tên đơn vị / unit name')
    .action(async (o: { databaseUrl: string; unit: string; name?: string }) => {
      await run(async (out) => {
        const { createHubClient } = await loadHub();
        const client = await createHubClient({ databaseUrl: o.databaseUrl, unitCode: o.unit, unitName: o.name ?? null });
        printResult(out, { ...client, unitCode: o.unit }, () =>
          [
            `Đơn vị / unit:          ${o.unit}${o.name ? ` (${o.name})` : ''}`,
            `client_id:              ${client.clientId}`,
            `client_secret:          ${client.secret}`,
            'Khóa bí mật chỉ hiện một lần này: chuyển cho đơn vị qua kênh an toàn. / The secret is shown only now: hand it over securely.',
          ].join('\n'),
        );
      });
    });
}
