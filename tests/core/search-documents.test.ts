import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentSummary, SearchHit } from '../../shared/contract/index.ts';
import { createCore, type Core } from '../../electron/core/index.ts';
import { writeOfficialPdf, writeTextPdf } from '../support/pdf-fixtures.ts';
import { tempDir } from '../support/temp-dir.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

let core: Core;
let folder: string;
const docs: Record<string, DocumentSummary> = {};

const text = (hit: SearchHit) => hit.pages.map((p) => `${p.pageNo}:${p.snippet.map((s) => (s.hit ? `«${s.text}»` : s.text)).join('')}`);

beforeAll(async () => {
  // One library for the whole file (imports are the slow part); each test only reads or restores.
  folder = mkdtempSync(join(tmpdir(), 'nghisu-search-'));
  core = await createCore({ dataDir: join(folder, 'data'), logToFile: false });
  const files: Record<string, string> = {
    resolution: join(folder, 'nghi-quyet.pdf'),
    report: join(folder, 'bao-cao.pdf'),
    railway: join(folder, 'duong-sat.pdf'),
    minutes: join(folder, 'bien-ban.pdf'),
  };
  await writeOfficialPdf(files.resolution!, {
    agency: ['TỈNH ỦY LÀO CAI', 'BAN CHỈ ĐẠO'],
    number: '12-NQ/BCĐ',
    placeDate: 'Lào Cai, ngày 10 tháng 02 năm 2026',
    typeTitle: 'NGHỊ QUYẾT',
    summary: 'Về phát triển hạ tầng giao thông đến năm 2030',
    bodies: ['Các cấp ủy tổ chức quán triệt, xây dựng chương trình hành động.'],
  });
  await writeTextPdf(files.report!, [
    'Báo cáo tình hình kinh tế xã hội tháng 01.',
    'Công tác giải phóng mặt bằng đạt 80%.',
    'Các sở đã triển khai Nghị quyết số 12 của Ban Chỉ đạo theo đúng tiến độ; nghị quyết được phổ biến tới cơ sở.',
  ]);
  await writeTextPdf(files.railway!, ['Dự án ĐƯỜNG SẮT Lào Cai - Hà Nội - Hải Phòng: khảo sát tuyến Đường sắt khổ tiêu chuẩn.']);
  await writeTextPdf(files.minutes!, ['Biên bản phiên họp thường kỳ của BAN CHỈ ĐẠO các công trình trọng điểm.']);
  const { results } = await core.call('documents.importFiles', { paths: Object.values(files) });
  Object.keys(files).forEach((key, i) => {
    const r = results[i]!;
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    docs[key] = r.document;
  });
});

afterAll(async () => {
  await core.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('full-text search', () => {
  it('"nghi quyet" finds "Nghị quyết": the metadata hit first, then the page hit with its page number', async () => {
    const { hits } = await core.call('documents.search', { query: 'nghi quyet' });
    expect(hits.map((h) => [h.document.id, h.metadataHit])).toEqual([
      [docs.resolution!.id, true],
      [docs.report!.id, false],
    ]);
    expect(text(hits[1]!)).toEqual([
      '3:Các sở đã triển khai «Nghị quyết» số 12 của Ban Chỉ đạo theo đúng tiến độ; «nghị quyết» được phổ biến tới cơ sở.',
    ]);
  });

  it('"duong sat" finds "Đường sắt" (đ folded in both the index and the query), keeping the diacritics in the snippet', async () => {
    const { hits } = await core.call('documents.search', { query: 'duong sat' });
    expect(hits.map((h) => h.document.fileName)).toEqual(['duong-sat.pdf']);
    expect(hits[0]!.pages[0]!.snippet.filter((s) => s.hit).map((s) => s.text)).toEqual(['ĐƯỜNG SẮT', 'Đường sắt']);
  });

  it('"BAN CHI DAO" finds "Ban Chỉ đạo" in metadata and in text, metadata first', async () => {
    const { hits } = await core.call('documents.search', { query: 'BAN CHI DAO' });
    expect(hits[0]).toMatchObject({ document: { id: docs.resolution!.id }, metadataHit: true });
    expect(hits.slice(1).map((h) => h.document.id).sort()).toEqual([docs.report!.id, docs.minutes!.id].sort());
    expect(hits.slice(1).every((h) => !h.metadataHit && h.pages.length === 1)).toBe(true);
    const minutes = hits.find((h) => h.document.id === docs.minutes!.id)!;
    expect(text(minutes)).toEqual(['1:Biên bản phiên họp thường kỳ của «BAN CHỈ ĐẠO» các công trình trọng điểm.']);
  });

  it('searches words as a phrase (last word as a prefix) and a comma separates phrases that must all occur', async () => {
    expect((await core.call('documents.search', { query: 'nghị quy' })).hits).toHaveLength(2);
    expect((await core.call('documents.search', { query: 'chi ban' })).hits).toHaveLength(0);
    const both = await core.call('documents.search', { query: 'nghị quyết, ban chỉ đạo' });
    expect(both.hits.map((h) => h.document.id)).toEqual([docs.resolution!.id, docs.report!.id]);
    expect((await core.call('documents.search', { query: '12-NQ/BCĐ' })).hits[0]?.document.id).toBe(docs.resolution!.id);
  });

  it('ranks documents by how much their pages say the words, not by how new they are', async () => {
    const dir = tempDir();
    const often = join(dir, 'thuong-xuyen.pdf');
    const seldom = join(dir, 'it-khi.pdf');
    await writeTextPdf(often, ['Khu tái định cư Bắc Lệnh: tái định cư cho 120 hộ; quỹ đất tái định cư đã đủ.']);
    await writeTextPdf(seldom, ['Báo cáo chung về giao thông, thủy lợi, y tế, giáo dục và một khu tái định cư.']);
    // The one that says it once is imported last, so it is the newest in the index.
    const imported = (await core.call('documents.importFiles', { paths: [often, seldom] })).results;
    const ids = imported.map((r) => (r.ok ? r.document.id : ''));
    try {
      const { hits } = await core.call('documents.search', { query: 'tai dinh cu' });
      expect(hits.map((h) => h.document.id)).toEqual(ids);
    } finally {
      for (const id of ids) await core.call('documents.delete', { id });
    }
  });

  it('FTS syntax in a query never errors', async () => {
    for (const query of ['"nghị quyết', 'nghi* OR quyet', 'NEAR(ban dao)', 'title:ban', '-duong', "'); DROP TABLE documents; --", 'AND', '((( ban']) {
      const r = await core.call('documents.search', { query });
      expect(Array.isArray(r.hits), query).toBe(true);
    }
    await expect(core.call('documents.search', { query: '*** ""' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('applies filters and limits, and says when there is more', async () => {
    const typed = await core.call('documents.search', { query: 'ban chi dao', typeCode: 'NQ' });
    expect(typed.hits.map((h) => h.document.id)).toEqual([docs.resolution!.id]);
    const dated = await core.call('documents.search', { query: 'ban chi dao', issuedFrom: '2026-02-01', issuedTo: '2026-02-28' });
    expect(dated.hits.map((h) => h.document.id)).toEqual([docs.resolution!.id]);
    const one = await core.call('documents.search', { query: 'ban chi dao', limit: 1 });
    expect(one.hits).toHaveLength(1);
    expect(one.more).toBe(true);
  });

  it('follows metadata edits, and forgets a deleted document', async () => {
    await core.call('documents.update', { id: docs.railway!.id, summary: 'Tuyến cao tốc Nội Bài' });
    expect((await core.call('documents.search', { query: 'noi bai' })).hits.map((h) => [h.document.id, h.metadataHit])).toEqual([[docs.railway!.id, true]]);
    await core.call('documents.update', { id: docs.railway!.id, summary: null });
    expect((await core.call('documents.search', { query: 'noi bai' })).hits).toEqual([]);

    const extra = join(tempDir(), 'tam.pdf');
    await writeTextPdf(extra, ['Tài liệu tạm về Sa Pa']);
    const r = (await core.call('documents.importFiles', { paths: [extra] })).results[0]!;
    expect((await core.call('documents.search', { query: 'sa pa' })).hits).toHaveLength(1);
    if (r.ok) await core.call('documents.delete', { id: r.document.id });
    expect((await core.call('documents.search', { query: 'sa pa' })).hits).toEqual([]);
  });
});
