import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { Writable } from 'node:stream';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { CONTRACT_VERSION } from '../../shared/sync/openapi.ts';
import { health, problem } from '../../shared/sync/wire.ts';
import { assignmentOp, clusterPerFile, fields, hubWorld, tokenFor } from './hub-world.ts';

const cluster = clusterPerFile();

async function until(check: () => Promise<boolean>, what: string) {
  for (let i = 0; i < 200; i += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const refusesConnections = (url: string) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(Number(new URL(url).port), '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });

describe('the hub server', () => {
  it('reports its health, and 503 when the database is gone', async () => {
    const w = await hubWorld(cluster());
    const ok = await fetch(`${w.url}/health`);
    expect(ok.status).toBe(200);
    expect(health.parse(await ok.json())).toEqual({ status: 'ok', database: 'ok', version: CONTRACT_VERSION });

    const office = await w.as('office');
    const admin = new pg.Client({ connectionString: cluster().url });
    await admin.connect();
    await admin.query(`DROP DATABASE ${new URL(w.databaseUrl).pathname.slice(1)} WITH (FORCE)`);
    await admin.end();
    const down = await fetch(`${w.url}/health`);
    expect(down.status).toBe(503);
    expect(health.parse(await down.json())).toEqual({ status: 'degraded', database: 'unreachable', version: CONTRACT_VERSION });
    const refused = await office.call('GET', '/v1/me');
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(problem.parse(refused.body)).toMatchObject({ code: 'unavailable' });
    await w.close();
  });

  it('answers every error as problem+json: unknown routes, bad JSON, bodies too large or of the wrong type', async () => {
    const w = await hubWorld(cluster());
    const office = await w.as('office');
    const expectProblem = async (r: Promise<{ status: number; headers: Headers; body: unknown }>, status: number, code: string) => {
      const reply = await r;
      expect(reply.status).toBe(status);
      expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(problem.parse(reply.body)).toMatchObject({ status, code });
    };
    await expectProblem(office.call('GET', '/v1/nothing-here'), 404, 'not_found');
    await expectProblem(office.call('DELETE', '/v1/changes'), 404, 'not_found');
    await expectProblem(office.call('GET', '/'), 404, 'not_found');
    await expectProblem(office.call('POST', '/v1/operations', { headers: { 'content-type': 'application/json' }, bytes: Buffer.from('{"operations": [') }), 400, 'bad_request');
    const huge = { operations: [{ ...assignmentOp(randomUUID(), null, fields()), padding: 'x'.repeat(9 * 1024 * 1024) }] };
    await expectProblem(office.call('POST', '/v1/operations', { json: huge }), 413, 'too_large');
    await expectProblem(office.call('POST', '/v1/operations', { headers: { 'content-type': 'application/xml' }, bytes: Buffer.from('<operations/>') }), 415, 'unsupported_media_type');
    await w.close();
  });

  it('closes gracefully: no new connections, requests in flight finish', async () => {
    const w = await hubWorld(cluster());
    const office = await w.as('office');
    const locker = new pg.Client({ connectionString: w.databaseUrl });
    await locker.connect();
    // Hold the feed lock so the write below is still running when the hub is asked to close.
    await locker.query('SELECT pg_advisory_lock(4815002)');
    const inFlight = office.batch([assignmentOp(randomUUID(), null, fields())]);
    await until(async () => Number((await locker.query("SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")).rows[0].n) > 0, 'the write to wait');
    let closed = false;
    const closing = w.close().then(() => {
      closed = true;
    });
    await until(() => refusesConnections(w.url), 'the listener to close');
    expect(closed).toBe(false);
    await locker.query('SELECT pg_advisory_unlock(4815002)');
    const r = await inFlight;
    expect(r.status).toBe(200);
    expect(r.body.results[0].status).toBe(201);
    await closing;
    expect(Number((await locker.query('SELECT count(*) AS n FROM assignments')).rows[0].n)).toBe(1);
    await locker.end();
  });

  it('logs requests without credentials', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    const w = await hubWorld(cluster(), { logger: { stream } });
    const { clientId, secret } = w.clients.finance;
    const token = await tokenFor(w.url, clientId, secret);
    const finance = await w.as('finance');
    expect((await finance.call('GET', '/v1/me')).status).toBe(200);
    expect((await fetch(`${w.url}/v1/me`, { headers: { authorization: 'Bearer forged-token-value-1234567890' } })).status).toBe(401);
    await w.close();

    const entries = lines.map((l) => JSON.parse(l) as { req?: { url: string }; res?: { statusCode: number }; unit?: string });
    expect(entries.some((e) => e.req?.url === '/oauth/token')).toBe(true);
    expect(entries.some((e) => e.res?.statusCode === 200 && e.unit === '000.00.31.H41')).toBe(true);
    const all = lines.join('\n');
    for (const secretText of [secret, token, finance.token!, 'forged-token-value', 'Bearer', 'authorization', 'client_secret']) expect(all).not.toContain(secretText);
  });
});
