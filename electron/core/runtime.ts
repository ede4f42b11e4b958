import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';
import { CoreError } from './errors.ts';

export type SqliteDatabase = BetterSqlite3.Database;
type DatabaseConstructor = typeof BetterSqlite3;

const MIN_NAPI = 10;
const MIN_NODE_MAJOR = 22;

/**
 * better-sqlite3-multiple-ciphers (better-sqlite3 with SQLite3 Multiple Ciphers: the same API, and
 * encrypted files) 13 ships a Node-API 10 binary that crashes older runtimes outright (a segfault, not
 * an exception), so the runtime is checked before the module is ever loaded.
 */
export function assertSupportedRuntime(versions: NodeJS.ProcessVersions = process.versions): void {
  const napi = Number(versions.napi ?? 0);
  const nodeMajor = Number((versions.node ?? '0').split('.')[0]);
  if (napi < MIN_NAPI || nodeMajor < MIN_NODE_MAJOR) {
    throw new CoreError('RUNTIME_UNSUPPORTED', {
      vi: `Nghị Sự cần Node.js ${MIN_NODE_MAJOR} trở lên (Node-API ${MIN_NAPI}); máy đang chạy Node.js ${versions.node} (Node-API ${versions.napi ?? 'không rõ'}). Hãy chạy qua "npm run …" để dùng Node.js của dự án.`,
      en: `Nghị Sự needs Node.js ${MIN_NODE_MAJOR}+ (Node-API ${MIN_NAPI}); this is Node.js ${versions.node} (Node-API ${versions.napi ?? 'unknown'}). Run it through "npm run …" to use the project's Node.js.`,
    });
  }
}

let cached: DatabaseConstructor | undefined;

export function loadSqlite(): DatabaseConstructor {
  if (!cached) {
    assertSupportedRuntime();
    cached = createRequire(import.meta.url)('better-sqlite3-multiple-ciphers') as DatabaseConstructor;
  }
  return cached;
}
