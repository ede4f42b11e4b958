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
 * `log.info({ input })` cannot leak a token, a password or a document's text into the log.
 */
const REDACT = [
  'token', 'password', 'secret', 'authorization', 'accessKey', 'clientSecret', 'input', 'text', 'content',
  '*.token', '*.password', '*.secret', '*.authorization', '*.accessKey', '*.clientSecret', '*.input', '*.text', '*.content',
];

/** Structured JSON lines in a size-rotated file: 5 MB a file, 5 files kept. */
export function createLogger({ dir, name, level = 'info' }: LoggerOptions): { log: Logger; close: () => Promise<void> } {
  makePrivateDir(dir);
  const stream = createStream(`${name}.log`, { path: dir, size: '5M', maxFiles: 5, mode: PRIVATE_FILE_MODE });
  const log = pino({ name, level, redact: { paths: REDACT, censor: '[redacted]' }, base: { pid: process.pid } }, stream);
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
