import pino, { type Logger } from 'pino';
import { createStream } from 'rotating-file-stream';
import { makePrivateDir, PRIVATE_FILE_MODE } from './fs/private-modes.ts';

export type { Logger };

export interface LoggerOptions {
  /** Folder for the log files, normally `<dataDir>/logs`. */
  dir: string;
  /** File name stem and `name` field: `core`, `main`, `cli`, … */
  name: string;
  level?: pino.Level;
}

/**
 * Anything that may carry a secret or a user's content is censored by path, so a careless
 * `log.info({ input })` cannot leak a token, a password or a document's text into the log. File names
 * and paths are user content too: "Danh sách cán bộ diện quy hoạch.pdf" says what the file holds.
 */
const REDACT = [
  'token', 'password', 'secret', 'authorization', 'accessKey', 'clientSecret', 'input', 'text', 'content',
  '*.token', '*.password', '*.secret', '*.authorization', '*.accessKey', '*.clientSecret', '*.input', '*.text', '*.content',
  'fileName', 'fileNames', 'file', 'files', 'path', 'paths', '*.fileName', '*.fileNames', '*.file', '*.path',
];

/**
 * Node's file-system errors repeat the path in the message and the stack ("ENOENT: … open
 * '/home/…/Tờ trình mật.pdf'"); the code and the call site are what a diagnosis needs.
 */
function errWithoutPaths(err: unknown): unknown {
  const serialized = pino.stdSerializers.err(err as Error) as unknown as Record<string, unknown>;
  if (!serialized || typeof serialized !== 'object') return serialized;
  const e = err as { path?: unknown; dest?: unknown };
  const paths = [e.path, e.dest].filter((p): p is string => typeof p === 'string' && p !== '');
  const scrub = (value: unknown) => {
    if (typeof value !== 'string') return value;
    let out = value;
    for (const p of paths) out = out.split(p).join('[redacted]');
    // Any other quoted absolute path in a system error message.
    return out.replace(/'(\/|[A-Za-z]:\\)[^']*'/g, "'[redacted]'");
  };
  const clean: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(serialized)) {
    if (key === 'path' || key === 'dest') clean[key] = '[redacted]';
    else clean[key] = key === 'message' || key === 'stack' ? scrub(value) : value;
  }
  return clean;
}

/** Structured JSON lines in a size-rotated file: 5 MB a file, 5 files kept. */
export function createLogger({ dir, name, level = 'info' }: LoggerOptions): { log: Logger; close: () => Promise<void> } {
  makePrivateDir(dir);
  const stream = createStream(`${name}.log`, { path: dir, size: '5M', maxFiles: 5, mode: PRIVATE_FILE_MODE });
  const log = pino(
    { name, level, redact: { paths: REDACT, censor: '[redacted]' }, serializers: { err: errWithoutPaths }, base: { pid: process.pid } },
    stream,
  );
  const close = () =>
    new Promise<void>((resolve) => {
      stream.end(() => resolve());
    });
  return { log, close };
}

/** A logger that writes nowhere, for hosts that run without a data folder of their own. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
