import { createHash, randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { problem, publicationsPage, type Publication } from '../../shared/sync/wire.ts';
import { clusterPerFile, hubWorld, UNITS, type HubWorld } from './hub-world.ts';

const cluster = clusterPerFile();
let w: HubWorld;
beforeEach(async () => {
  w = await hubWorld(cluster());
});
afterEach(async () => {
  await w.close();
});

describe('publications (meeting packs, notices)', () => {
  it('are published once per id by the office for the recipient units, who alone see them and their file', async () => {
    const office = await w.as('office');
    const finance = await w.as('finance');
    const planning = await w.as('planning');
    const bytes = Buffer.from('NGHISU-PACK gói tài liệu đã ký');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const body: Publication = {
      kind: 'meeting_pack',
      meetingId: randomUUID(),
      title: 'Phiên họp thường kỳ quý IV',
      file: { sha256, fileName: 'Gói họp.nghisu', size: bytes.length },
      publishedAt: '2026-12-06T02:00:00.000Z',
      recipients: [UNITS.finance],
    };
    const id = randomUUID();
    // The file first: a publication naming a file the hub lacks is refused.
    const early = await office.call('PUT', `/v1/publications/${id}`, { json: body });
    expect(early.status).toBe(422);
    expect(problem.parse(early.body)).toMatchObject({ code: 'file_missing' });
    expect((await office.call('PUT', `/v1/files/${sha256}`, { bytes })).status).toBe(201);
    expect((await office.call('PUT', `/v1/publications/${id}`, { json: body })).status).toBe(201);
    expect((await office.call('PUT', `/v1/publications/${id}`, { json: body })).status).toBe(200);
    expect((await office.call('PUT', `/v1/publications/${id}`, { json: { ...body, title: 'Khác' } })).status).toBe(409);
    expect((await finance.call('PUT', `/v1/publications/${id}`, { json: body })).status).toBe(409);
    expect((await office.call('PUT', `/v1/publications/${id}`, { json: { ...body, recipients: ['not a code'] } })).status).toBe(422);

    const seen = publicationsPage.parse((await finance.call('GET', '/v1/publications')).body);
    expect(seen.publications).toEqual([{ ...body, id, position: expect.any(Number), publisherUnit: UNITS.office }]);
    expect(publicationsPage.parse((await finance.call('GET', `/v1/publications?cursor=${seen.cursor}`)).body).publications).toEqual([]);
    expect((await finance.call('GET', `/v1/files/${sha256}`)).body).toEqual(bytes);

    expect(publicationsPage.parse((await planning.call('GET', '/v1/publications')).body).publications).toEqual([]);
    expect((await planning.call('GET', `/v1/files/${sha256}`)).status).toBe(404);
    expect((await planning.call('GET', '/v1/publications?cursor=zz')).status).toBe(422);
  });
});
