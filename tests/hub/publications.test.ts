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

describe('publications (meeting packs, notices, written opinions)', () => {
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

  it('carry written opinions: a request to the units asked, answers only from them and only to the unit that asked', async () => {
    const office = await w.as('office');
    const finance = await w.as('finance');
    const planning = await w.as('planning');
    const file = async (caller: typeof office, text: string) => {
      const bytes = Buffer.from(text);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      expect((await caller.call('PUT', `/v1/files/${sha256}`, { bytes })).status).toBe(201);
      return { sha256, fileName: 'y-kien.nsykien', size: bytes.length };
    };
    const requestId = randomUUID();
    const request: Publication = {
      kind: 'opinion_request',
      requestId,
      title: 'Lấy ý kiến dự thảo Kế hoạch',
      file: await file(office, 'NGHISU-OPINION phiếu lấy ý kiến'),
      publishedAt: '2026-12-07T02:00:00.000Z',
      recipients: [UNITS.finance],
    };
    const requestPubId = randomUUID();
    // A request naming a meeting instead of the request breaks the contract.
    expect((await office.call('PUT', `/v1/publications/${requestPubId}`, { json: { ...request, meetingId: randomUUID() } })).status).toBe(422);
    expect((await office.call('PUT', `/v1/publications/${requestPubId}`, { json: request })).status).toBe(201);

    // A laptop of the first release (no `kinds`) never meets a kind it cannot read.
    expect(publicationsPage.parse((await finance.call('GET', '/v1/publications')).body).publications).toEqual([]);
    const seen = publicationsPage.parse((await finance.call('GET', '/v1/publications?kinds=meeting_pack,opinion_request')).body);
    expect(seen.publications).toEqual([{ ...request, id: requestPubId, position: expect.any(Number), publisherUnit: UNITS.office }]);
    expect((await finance.call('GET', '/v1/publications?kinds=minutes')).status).toBe(422);

    const answers: Publication = { ...request, kind: 'opinion_answers', file: await file(finance, 'NGHISU-OPINION trả lời'), recipients: [UNITS.office] };
    // Not to another unit, not from a unit that was not asked, not for a request the hub never carried.
    const wrongRecipient = await finance.call('PUT', `/v1/publications/${randomUUID()}`, { json: { ...answers, recipients: [UNITS.planning] } });
    expect(problem.parse(wrongRecipient.body)).toMatchObject({ status: 422, code: 'wrong_recipient' });
    const notAsked = await planning.call('PUT', `/v1/publications/${randomUUID()}`, { json: answers });
    expect(problem.parse(notAsked.body)).toMatchObject({ status: 422, code: 'request_unknown' });
    const unknown = await finance.call('PUT', `/v1/publications/${randomUUID()}`, { json: { ...answers, requestId: randomUUID() } });
    expect(problem.parse(unknown.body)).toMatchObject({ status: 422, code: 'request_unknown' });
    const answersId = randomUUID();
    expect((await finance.call('PUT', `/v1/publications/${answersId}`, { json: answers })).status).toBe(201);

    const all = 'kinds=meeting_pack,conclusion_notice,opinion_request,opinion_answers';
    const inbox = publicationsPage.parse((await office.call('GET', `/v1/publications?${all}`)).body).publications;
    expect(inbox.map((p) => [p.kind, p.publisherUnit])).toEqual([
      ['opinion_request', UNITS.office],
      ['opinion_answers', UNITS.finance],
    ]);
    expect((await office.call('GET', `/v1/files/${answers.file.sha256}`)).status).toBe(200);
    expect(publicationsPage.parse((await planning.call('GET', `/v1/publications?${all}`)).body).publications).toEqual([]);
    expect((await planning.call('GET', `/v1/files/${answers.file.sha256}`)).status).toBe(404);
  });
});
