import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { problem } from '../../shared/sync/wire.ts';
import { clusterPerFile, event, fields, hubWorld, type HubWorld } from './hub-world.ts';

const cluster = clusterPerFile();
let w: HubWorld;
beforeEach(async () => {
  w = await hubWorld(cluster());
});
afterEach(async () => {
  await w.close();
});

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('result files', () => {
  it('are stored once, by a name that must be their SHA-256', async () => {
    const finance = await w.as('finance');
    const bytes = Buffer.from('%PDF-1.7 Báo cáo kết quả thực hiện nhiệm vụ');
    const name = sha256(bytes);

    const mismatch = await finance.call('PUT', `/v1/files/${sha256(Buffer.from('khác'))}`, { bytes });
    expect(mismatch.status).toBe(422);
    expect(problem.parse(mismatch.body)).toMatchObject({ code: 'hash_mismatch' });
    expect((await finance.call('PUT', `/v1/files/${name.toUpperCase()}`, { bytes })).status).toBe(422);
    expect((await finance.call('PUT', `/v1/files/${name}`, { json: { not: 'bytes' } })).status).toBe(415);

    expect((await finance.call('PUT', `/v1/files/${name}`, { bytes })).status).toBe(201);
    expect((await finance.call('PUT', `/v1/files/${name}`, { bytes })).status).toBe(200);
    const back = await finance.call('GET', `/v1/files/${name}`);
    expect(back.status).toBe(200);
    expect(back.headers.get('content-type')).toBe('application/octet-stream');
    expect(Buffer.compare(back.body, bytes)).toBe(0);
  });

  it('take more than the JSON limit (8 MB) on their own route', async () => {
    const finance = await w.as('finance');
    const bytes = randomBytes(12 * 1024 * 1024);
    expect((await finance.call('PUT', `/v1/files/${sha256(bytes)}`, { bytes })).status).toBe(201);
    expect((await finance.call('GET', `/v1/files/${sha256(bytes)}`)).body.length).toBe(bytes.length);
  });

  it('are read only by units that can see an event referring to them', async () => {
    const [office, finance, police, planning] = await Promise.all([w.as('office'), w.as('finance'), w.as('police'), w.as('planning')]);
    const bytes = Buffer.from('Biên bản nghiệm thu');
    const name = sha256(bytes);
    expect((await finance.call('PUT', `/v1/files/${name}`, { bytes })).status).toBe(201);
    for (const api of [office, police, planning]) expect((await api.call('GET', `/v1/files/${name}`)).status).toBe(404);

    const id = randomUUID();
    expect((await office.putAssignment(id, fields(), null)).status).toBe(201);
    const documents = [{ sha256: name, fileName: 'bien-ban-nghiem-thu.pdf', size: bytes.length }];
    expect((await finance.putEvent(id, randomUUID(), event('completed', 'done_requested', { documents }))).status).toBe(200);
    for (const api of [office, police]) {
      const r = await api.call('GET', `/v1/files/${name}`);
      expect(r.status).toBe(200);
      expect(Buffer.compare(r.body, bytes)).toBe(0);
    }
    const hidden = await planning.call('GET', `/v1/files/${name}`);
    expect(hidden.status).toBe(404);
    expect(problem.parse(hidden.body)).toMatchObject({ status: 404, code: 'not_found' });
    expect((await office.call('GET', `/v1/files/${'0'.repeat(64)}`)).status).toBe(404);
    expect((await office.call('GET', '/v1/files/not-a-hash')).status).toBe(404);
  });
});
