/// <reference types="electron" />
/**
 * Entry of the Electron utilityProcess that owns the database. It never imports 'electron': its only
 * link to main is process.parentPort. One core, opened once; main restarts the whole process if needed.
 */
import { parseArgs } from 'node:util';
import type { ErrorPayload, ResponseEnvelope } from '../../shared/contract/index.ts';
import { CoreError, createCore, type Core } from '../core/index.ts';
import type { SecretVault } from '../core/domains/sync/credentials.ts';
import {
  HOST_OPTION_APP_VERSION,
  HOST_OPTION_DATA_DIR,
  isMainToHost,
  type HostToMain,
  type MainToHost,
} from './protocol.ts';

const port = process.parentPort;
if (!port) {
  throw new Error('core-host must run inside an Electron utilityProcess (process.parentPort is missing)');
}

function send(message: HostToMain): void {
  port.postMessage(message);
}

/** The OS keychain, through main: each request waits for its answer by id. */
const vaultWaiting = new Map<number, { resolve: (data: string) => void; reject: (err: Error) => void }>();
let vaultIds = 0;
function askVault(op: 'seal' | 'open', data: string): Promise<string> {
  const id = (vaultIds += 1);
  return new Promise((resolve, reject) => {
    vaultWaiting.set(id, { resolve, reject });
    send({ type: 'vault', id, op, data });
  });
}
const vault: SecretVault = {
  seal: async (text) => Buffer.from(await askVault('seal', text), 'base64'),
  open: (sealed) => askVault('open', sealed.toString('base64')),
};

function toPayload(err: unknown): ErrorPayload {
  if (err instanceof CoreError) return err.payload;
  return {
    code: 'INTERNAL',
    message: {
      vi: `Không khởi động được phần xử lý dữ liệu: ${(err as Error)?.message ?? String(err)}`,
      en: `The data engine could not start: ${(err as Error)?.message ?? String(err)}`,
    },
  };
}

// Electron may put its own switches in argv, so unknown options and positionals are tolerated.
const { values } = parseArgs({
  args: process.argv.slice(1),
  options: {
    [HOST_OPTION_DATA_DIR]: { type: 'string' },
    [HOST_OPTION_APP_VERSION]: { type: 'string' },
  },
  strict: false,
  allowPositionals: true,
});
const dataDir = values[HOST_OPTION_DATA_DIR];
const appVersion = values[HOST_OPTION_APP_VERSION];

async function open(): Promise<Core | undefined> {
  try {
    if (typeof dataDir !== 'string' || dataDir === '') throw new Error(`--${HOST_OPTION_DATA_DIR} is required`);
    const core = await createCore({ dataDir, appVersion: typeof appVersion === 'string' ? appVersion : undefined, sync: { auto: true, vault }, awaitPassphrase: true });
    core.subscribe((event) => send({ type: 'event', ...event }));
    send({ type: 'ready' });
    return core;
  } catch (err) {
    // Stay alive without a core: main shows the message, then asks this process to shut down.
    send({ type: 'startup-failed', error: toPayload(err) });
    return undefined;
  }
}

const opened = open();

async function handle(message: MainToHost): Promise<void> {
  if (message.type === 'vault-result') {
    const waiting = vaultWaiting.get(message.id);
    vaultWaiting.delete(message.id);
    if (message.ok) waiting?.resolve(message.data);
    else waiting?.reject(new Error(message.data));
    return;
  }
  const core = await opened;
  if (message.type === 'shutdown') {
    await core?.close();
    return process.exit(0);
  }
  if (message.type === 'blob-access') {
    send({ type: 'response', id: message.id, ok: true, result: core?.blobAccess()?.key.toString('base64') ?? null });
    return;
  }
  const { request, access } = message;
  if (!core) {
    send({
      type: 'response',
      id: request.id,
      ok: false,
      error: { code: 'CORE_CLOSED', message: { vi: 'Lõi ứng dụng chưa mở.', en: 'The core is not open.' } },
    });
    return;
  }
  const response: ResponseEnvelope = await core.dispatch(request, access);
  try {
    send(response);
  } catch {
    // A handler returned something structured clone cannot copy: report it instead of going silent.
    send({
      type: 'response',
      id: response.id,
      ok: false,
      error: {
        code: 'INTERNAL',
        message: { vi: 'Kết quả không gửi về giao diện được.', en: 'The result could not be sent to the window.' },
      },
    });
  }
}

port.on('message', ({ data }) => {
  if (isMainToHost(data)) void handle(data);
});
