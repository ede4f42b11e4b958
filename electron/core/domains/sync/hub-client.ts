import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import type { z } from 'zod';
import { HEADER, problem as problemSchema, tokenResponse, type Problem } from '../../../../shared/sync/wire.ts';
import { HubError, retryAfterSeconds, statusError } from './hub-error.ts';

/** Largest JSON answer read (a feed page of 1000 assignments is a few MB): a hostile hub cannot fill memory. */
const MAX_JSON_BYTES = 32 * 1024 * 1024;
/** Largest file downloaded (the hub's own upload limit). */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;
const TIMEOUT_MS = 60_000;

export interface HubConnection {
  url: string;
  tokenUrl: string;
  clientId: string;
  installationId: string;
  /** Read when a token is needed, never kept beyond the request. */
  secret(): Promise<string>;
}

export interface HubAnswer<T> {
  status: number;
  body: T;
  problem?: Problem;
}

function networkError(e: unknown): HubError {
  const cause = (e as Error)?.name === 'TimeoutError' ? 'quá thời gian chờ' : ((e as { cause?: { code?: string } })?.cause?.code ?? (e as Error)?.message ?? String(e));
  return new HubError('network', `Không kết nối được Hệ thống điều hành (${cause}). Các thay đổi vẫn được giữ và sẽ gửi khi có mạng.`, `Cannot reach the operations system (${cause}). Changes are kept and will be sent when the network is back.`);
}

/** The body, read to at most `limit` bytes: a hub that sends more is refused, not believed. */
async function readCapped(res: Response, limit: number): Promise<Buffer> {
  const declared = Number(res.headers.get('content-length') ?? '0');
  if (declared > limit) {
    await res.body?.cancel();
    throw new HubError('protocol', 'Hệ thống điều hành gửi dữ liệu quá lớn: không nhận.', 'The operations system sent too much data: refused.');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  const reader = res.body?.getReader();
  if (!reader) return Buffer.alloc(0);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new HubError('protocol', 'Hệ thống điều hành gửi dữ liệu quá lớn: không nhận.', 'The operations system sent too much data: refused.');
    }
    chunks.push(Buffer.from(value));
  }
  return Buffer.concat(chunks);
}

function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new HubError('protocol', 'Hệ thống điều hành trả lời không phải JSON hợp lệ: không áp dụng gì.', 'The operations system answered with malformed JSON: nothing applied.');
  }
}

/**
 * HTTP to the hub as an LGSP gateway expects it: a bearer token from the token endpoint (client
 * credentials), refreshed once on 401, and the installation's id on every request. Every answer is
 * bounded in size and time, and validated against the contract before anyone looks at it.
 */
export function createHubClient(conn: HubConnection, now: () => Date = () => new Date()) {
  let token: { value: string; expiresAt: number } | null = null;

  async function fetchToken(): Promise<string> {
    const secret = await conn.secret();
    let res: Response;
    try {
      res = await fetch(conn.tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: conn.clientId, client_secret: secret }).toString(),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (e) {
      throw networkError(e);
    }
    const bytes = await readCapped(res, 64 * 1024).catch((e: unknown) => {
      throw e instanceof HubError ? e : networkError(e);
    });
    if (res.status !== 200) {
      const problem = problemSchema.safeParse(safeJson(bytes)).data;
      throw statusError(res.status, problem, retryAfterSeconds(res.headers.get('retry-after'), now()));
    }
    const parsed = tokenResponse.safeParse(parseJson(bytes));
    if (!parsed.success) throw new HubError('protocol', 'Máy chủ cấp mã truy cập trả lời không đúng chuẩn OAuth2.', 'The token endpoint answered outside OAuth2.');
    // Renewed a little early, so a token never expires between the check and the request.
    token = { value: parsed.data.access_token, expiresAt: now().getTime() + Math.max(1, parsed.data.expires_in - 30) * 1000 };
    return token.value;
  }

  async function bearer(): Promise<string> {
    if (token && token.expiresAt > now().getTime()) return token.value;
    return fetchToken();
  }

  async function send(method: string, path: string, init: { body?: string | Buffer; contentType?: string; headers?: Record<string, string> }): Promise<Response> {
    const attempt = async () =>
      fetch(`${conn.url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${await bearer()}`,
          [HEADER.installation]: conn.installationId,
          accept: 'application/json, application/problem+json',
          ...(init.contentType ? { 'content-type': init.contentType } : {}),
          ...init.headers,
        },
        body: init.body,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    let res: Response;
    try {
      res = await attempt();
      if (res.status === 401) {
        // An expired or revoked token: one fresh token, one more try.
        await res.body?.cancel();
        token = null;
        res = await attempt();
      }
    } catch (e) {
      throw e instanceof HubError ? e : networkError(e);
    }
    return res;
  }

  async function failure(res: Response): Promise<HubError> {
    const bytes = await readCapped(res, 1024 * 1024).catch(() => Buffer.alloc(0));
    const problem = problemSchema.safeParse(safeJson(bytes)).data;
    return statusError(res.status, problem, retryAfterSeconds(res.headers.get('retry-after'), now()));
  }

  return {
    /** JSON in and out; `accept` lists the statuses whose body is the schema (others throw HubError). */
    async json<S extends z.ZodType>(method: string, path: string, schema: S, body?: unknown, headers?: Record<string, string>): Promise<z.output<S>> {
      const res = await send(method, path, { body: body === undefined ? undefined : JSON.stringify(body), contentType: body === undefined ? undefined : 'application/json', headers });
      if (res.status < 200 || res.status > 299) throw await failure(res);
      const bytes = await readCapped(res, MAX_JSON_BYTES).catch((e: unknown) => {
        throw e instanceof HubError ? e : networkError(e);
      });
      const parsed = schema.safeParse(parseJson(bytes));
      if (!parsed.success) {
        const where = parsed.error.issues[0]?.path.join('.') ?? '';
        throw new HubError('protocol', `Hệ thống điều hành trả lời sai thỏa thuận liên thông (${where}): không áp dụng gì.`, `The operations system broke the sync contract (${where}): nothing applied.`);
      }
      return parsed.data;
    },

    /** A JSON `PUT` whose answer has no body the caller needs (200/201). */
    async put(path: string, body: unknown): Promise<number> {
      const res = await send('PUT', path, { body: JSON.stringify(body), contentType: 'application/json' });
      if (res.status !== 200 && res.status !== 201) throw await failure(res);
      await res.body?.cancel();
      return res.status;
    },

    /** Upload a file by its hash (the hub keeps one copy whoever sends it). */
    async putFile(sha256: string, bytes: Buffer): Promise<void> {
      const res = await send('PUT', `/v1/files/${sha256}`, { body: bytes, contentType: 'application/octet-stream' });
      if (res.status !== 200 && res.status !== 201) throw await failure(res);
      await res.body?.cancel();
    },

    /** Download a file to `target`, checking its size and hash on the way; removes the file on failure. */
    async getFile(sha256: string, target: string): Promise<void> {
      const res = await send('GET', `/v1/files/${sha256}`, {});
      if (res.status !== 200) throw await failure(res);
      const hash = createHash('sha256');
      const out = createWriteStream(target, { flags: 'wx', mode: 0o600 });
      let size = 0;
      try {
        const reader = res.body!.getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          size += value.byteLength;
          if (size > MAX_FILE_BYTES) {
            await reader.cancel();
            throw new HubError('protocol', 'Tệp từ Hệ thống điều hành quá lớn: không nhận.', 'A file from the operations system is too large: refused.');
          }
          hash.update(value);
          if (!out.write(value)) await new Promise<void>((r) => out.once('drain', () => r()));
        }
        await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
        if (hash.digest('hex') !== sha256) {
          throw new HubError('protocol', 'Tệp nhận từ Hệ thống điều hành không khớp mã băm: không nhận.', 'A file from the operations system does not match its hash: refused.');
        }
        const fh = await open(target, 'r');
        await fh.sync();
        await fh.close();
      } catch (e) {
        out.destroy();
        await rm(target, { force: true });
        throw e instanceof HubError ? e : networkError(e);
      }
    },

    /** Forget the token (after the credentials change). */
    reset(): void {
      token = null;
    },
  };
}

function safeJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
}

export type HubClient = ReturnType<typeof createHubClient>;
