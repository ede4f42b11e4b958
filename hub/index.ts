import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { createClient } from './auth.ts';
import { createPool, type Pool } from './db/pool.ts';
import { migrate } from './db/migrate.ts';
import { buildHubApp } from './server.ts';

/**
 * The reference liên thông hub: what a province runs (or what its operations system imitates) so
 * laptops can sync assignments. PostgreSQL holds everything; see DEPLOY.md.
 */

async function withPool<T>(databaseUrl: string, fn: (pool: Pool) => Promise<T>): Promise<T> {
  const pool = createPool(databaseUrl);
  try {
    return await fn(pool);
  } finally {
    await pool.end();
  }
}

export async function migrateHub(databaseUrl: string): Promise<{ applied: number[] }> {
  return withPool(databaseUrl, migrate);
}

/** A client for one unit; the secret is returned once and only its scrypt hash is kept. */
export async function createHubClient(opts: { databaseUrl: string; unitCode: string; unitName?: string | null }): Promise<{ clientId: string; secret: string }> {
  return withPool(opts.databaseUrl, async (pool) => {
    try {
      const { clientId, secret } = await createClient(pool, opts);
      return { clientId, secret };
    } catch (e) {
      if ((e as { code?: string }).code === '42P01') {
        throw new Error('Cơ sở dữ liệu chưa có bảng của máy chủ liên thông: chạy "nghisu hub migrate" trước / the database is not migrated: run "nghisu hub migrate" first', { cause: e });
      }
      throw e;
    }
  });
}

export interface StartHubOptions {
  databaseUrl: string;
  host?: string;
  /** 0 picks any free port. */
  port?: number;
  tokenTtlSeconds?: number;
  /** false (the default): silent; true: request logs on stdout; an object: pino options. */
  logger?: boolean | object;
  migrate?: boolean;
}

function urlOf(app: FastifyInstance, host: string): string {
  const { port } = app.server.address() as AddressInfo;
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${port}`;
}

export async function startHub(opts: StartHubOptions): Promise<{ url: string; close(): Promise<void> }> {
  const host = opts.host ?? '127.0.0.1';
  let app: FastifyInstance | undefined;
  const pool = createPool(opts.databaseUrl, (e) => app?.log.warn({ err: e }, 'idle database connection lost'));
  try {
    if (opts.migrate ?? true) await migrate(pool);
    app = buildHubApp({ pool, tokenTtlSeconds: opts.tokenTtlSeconds ?? 3600, logger: (opts.logger ?? false) as boolean | Record<string, unknown> });
    await app.listen({ host, port: opts.port ?? 0 });
  } catch (e) {
    await app?.close();
    await pool.end();
    throw e;
  }
  const running = app;
  let closing: Promise<void> | undefined;
  return {
    url: urlOf(running, host),
    // Stops accepting, lets requests in flight finish, then ends the pool they used.
    close: () =>
      (closing ??= (async () => {
        await running.close();
        await pool.end();
      })()),
  };
}
