import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHub } from '../../hub/index.ts';
import { problem, tokenResponse, whoAmI } from '../../shared/sync/wire.ts';
import { Api, clusterPerFile, hubWorld, tokenFor, UNITS, type HubWorld } from './hub-world.ts';

const cluster = clusterPerFile();
let w: HubWorld;
beforeEach(async () => {
  w = await hubWorld(cluster());
});
afterEach(async () => {
  await w.close();
});

function post(body: string, type: string) {
  return fetch(`${w.url}/oauth/token`, { method: 'POST', headers: { 'content-type': type }, body });
}

async function problemOf(res: Response) {
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  return problem.parse(await res.json());
}

describe('the token endpoint', () => {
  it('gives a bearer token for the right secret, as a form or as JSON', async () => {
    const { clientId, secret } = w.clients.finance;
    const form = await post(new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret }).toString(), 'application/x-www-form-urlencoded');
    expect(form.status).toBe(200);
    expect(form.headers.get('cache-control')).toBe('no-store');
    expect(tokenResponse.parse(await form.json())).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    const json = await post(JSON.stringify({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret }), 'application/json');
    expect(json.status).toBe(200);
  });

  it('refuses a wrong secret, an unknown client, a disabled client, and other grants', async () => {
    const { clientId, secret } = w.clients.finance;
    const form = (o: Record<string, string>) => post(new URLSearchParams(o).toString(), 'application/x-www-form-urlencoded');
    const wrong = await form({ grant_type: 'client_credentials', client_id: clientId, client_secret: `${secret}x` });
    expect(wrong.status).toBe(401);
    expect(await problemOf(wrong)).toMatchObject({ status: 401, code: 'invalid_client', error: 'invalid_client', titleVi: 'Chưa xác thực hoặc phiên làm việc đã hết hạn' });
    expect((await form({ grant_type: 'client_credentials', client_id: randomUUID(), client_secret: secret })).status).toBe(401);
    const grant = await form({ grant_type: 'password', client_id: clientId, client_secret: secret });
    expect(grant.status).toBe(400);
    expect(await problemOf(grant)).toMatchObject({ code: 'unsupported_grant_type' });
    expect((await form({ grant_type: 'client_credentials' })).status).toBe(400);

    const api = await w.as('finance');
    expect((await api.call('GET', '/v1/me')).status).toBe(200);
    const db = new pg.Client({ connectionString: w.databaseUrl });
    await db.connect();
    await db.query('UPDATE clients SET disabled = true WHERE id = $1', [clientId]);
    await db.end();
    expect((await api.call('GET', '/v1/me')).status).toBe(401);
    expect((await form({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret })).status).toBe(401);
  });
});

describe('every /v1 route', () => {
  it('needs a live bearer token', async () => {
    const none = await new Api(w.url, null, randomUUID()).call('GET', '/v1/changes');
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    expect(problem.parse(none.body)).toMatchObject({ code: 'unauthorized' });

    const forged = await new Api(w.url, 'x'.repeat(43), randomUUID()).call('GET', '/v1/me');
    expect(forged.status).toBe(401);
    expect(forged.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');

    // A second hub on the same database, whose tokens last one second.
    const brief = await startHub({ databaseUrl: w.databaseUrl, tokenTtlSeconds: 1, migrate: false });
    const token = await tokenFor(brief.url, w.clients.police.clientId, w.clients.police.secret);
    const api = new Api(brief.url, token, randomUUID());
    expect((await api.call('GET', '/v1/me')).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    const expired = await api.call('GET', '/v1/me');
    await brief.close();
    expect(expired.status).toBe(401);
    expect(expired.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(expired.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    expect(problem.parse(expired.body)).toMatchObject({ status: 401, code: 'invalid_token' });
  });

  it('needs an installation id, bound to the client that used it first', async () => {
    const finance = await w.as('finance');
    const me = await finance.call('GET', '/v1/me');
    expect(whoAmI.parse(me.body)).toEqual({ clientId: w.clients.finance.clientId, unitCode: UNITS.finance, unitName: 'finance', installationId: finance.installationId });

    const missing = await finance.call('GET', '/v1/me', { headers: { 'x-installation-id': '' } });
    expect(missing.status).toBe(422);
    expect(problem.parse(missing.body).errors?.[0]?.path).toBe('X-Installation-Id');
    expect((await finance.call('GET', '/v1/me', { headers: { 'x-installation-id': 'laptop-1' } })).status).toBe(422);

    const office = await w.as('office', finance.installationId);
    const taken = await office.call('GET', '/v1/changes');
    expect(taken.status).toBe(403);
    expect(problem.parse(taken.body)).toMatchObject({ code: 'installation_taken' });
    expect((await finance.call('GET', '/v1/changes')).status).toBe(200);
  });
});
