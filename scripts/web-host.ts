/**
 * `npm run dev:web`: serve the built renderer and the core on 127.0.0.1 and print the URL to open.
 *   npm run dev:web -- --data-dir DIR [--port N]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../electron/core/index.ts';
import { startWebHost } from '../electron/web/server.ts';

const root = join(import.meta.dirname, '..');
const { values } = parseArgs({
  options: { 'data-dir': { type: 'string' }, port: { type: 'string', default: '0' } },
});
const dataDir = values['data-dir'] ?? defaultDataDir();
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };

try {
  const host = await startWebHost({ dataDir, staticDir: join(root, 'out/renderer'), port: Number(values.port), appVersion: version });
  console.log(`Nghị Sự (trình duyệt) đang chạy với dữ liệu ở ${dataDir}`);
  console.log(`Mở địa chỉ này trong trình duyệt / Open this URL: ${host.url}`);
  const stop = () => {
    void host.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (e) {
  const err = e as { text?: { vi: string }; message: string };
  console.error(`Lỗi: ${err.text?.vi ?? err.message}`);
  process.exit(1);
}
