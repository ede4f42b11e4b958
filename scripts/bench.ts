/**
 * `npm run bench`: builds the ten-year dataset of one province in a temp folder (30 committees,
 * 3,000 meetings, 25,000 agenda items, 40,000 documents, 100,000 pages, 30,000 tasks) and measures
 * (with a reference hub on a throwaway PostgreSQL cluster for liên thông) the budgets of
 * DESIGN.md §6, each beside its anchor from the same run. Writes bench/results.json as
 * [{ name, value, unit, budget }]. A benchmark, not a test: it reports, it does not fail the build.
 *
 *   npm run bench [-- --years N] [--keep DIR] [--only reports]
 *
 * `--only reports` seeds and measures the report figures alone (tasks and targets reports).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createCore, type Core } from '../electron/core/index.ts';
import { createRandom } from '../electron/core/seed/random.ts';
import { writeSamplePdf } from '../electron/core/seed/sample-pdf.ts';
import { p95, type Figure } from './bench/stats.ts';
import { measureAnnotations } from './bench/annotations.ts';
import { measureMinutes } from './bench/minutes.ts';
import { measureMinutesOpen } from './bench/minutes-open.ts';
import { measureSync } from './bench/sync.ts';
import { measureReports, measureTargetsReport } from './bench/reports.ts';
import { measureRoom } from './bench/room.ts';
import { measureTasks } from './bench/tasks.ts';
import { measureViewer } from './bench/viewer.ts';

const { values } = parseArgs({ options: { years: { type: 'string', default: '10' }, keep: { type: 'string' }, only: { type: 'string' } } });
if (values.only !== undefined && values.only !== 'reports') throw new Error(`--only: only "reports" can be chosen, not ${values.only}`);
const onlyReports = values.only === 'reports';
const years = Number(values.years);
const root = join(import.meta.dirname, '..');
const work = values.keep ?? mkdtempSync(join(tmpdir(), 'nghisu-bench-'));
const figures: Figure[] = [];
const log = (text: string) => process.stdout.write(`${text}\n`);

function add(name: string, value: number, unit: string, budget: number | null, kind: Figure['kind']): void {
  figures.push({ name, value: Math.round(value * 100) / 100, unit, budget, kind });
}

const DAY = 86_400_000;
const r = createRandom(7);

async function measureQueries(core: Core, until: Date): Promise<void> {
  const start = until.getTime() - years * 365 * DAY;
  const month = (k: number) => {
    const d = new Date(start + k * 30 * DAY);
    const from = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) - 7 * 3_600_000);
    return { from: from.toISOString(), to: new Date(from.getTime() + 42 * DAY).toISOString() };
  };
  const months = Array.from({ length: 200 }, () => month(r.int(0, years * 12 - 1)));
  const keywords = ['hop ban chi dao', 'chuyen doi so', 'phien hop thuong ky', 'giai phong mat bang', 'du lich', 'nong thon moi'];
  const statuses = [['published'], ['ended', 'archived'], ['draft', 'published', 'in_progress']] as const;
  const listInputs = Array.from({ length: 200 }, (_, i) => {
    const base = i % 4 === 0 ? {} : months[i]!;
    if (i % 4 === 1) return { ...base, query: r.pick(keywords), limit: 50 };
    if (i % 4 === 2) return { ...base, statuses: [...r.pick(statuses)], limit: 50 };
    return { ...base, limit: 50 };
  });
  add('meetings.list.p95_ms', await p95(listInputs, (input) => core.call('meetings.list', input)), 'ms', 20, 'max');
  add('meetings.calendar_month.p95_ms', await p95(months, (input) => core.call('meetings.calendar', input)), 'ms', 20, 'max');

  const page = await core.call('meetings.list', { limit: 200 });
  const ids = page.items.map((m) => m.id);
  add('meetings.get.p95_ms', await p95(ids.slice(0, 100).map((id) => ({ id })), (input) => core.call('meetings.get', input)), 'ms', 20, 'max');
  const docInputs = Array.from({ length: 100 }, (_, i) => (i % 2 ? { limit: 50, offset: r.int(0, 5000) } : { query: r.pick(['bao cao', 'ke hoach', 'UBND', 'BCĐ']), limit: 50 }));
  add('documents.list.p95_ms', await p95(docInputs, (input) => core.call('documents.list', input)), 'ms', 20, 'max');

  const searchTerms = [
    'duong sat', 'nghi quyet', 'ban chi dao', 'giai phong mat bang', 'chuyen doi so', 'cua khau kim thanh',
    'giai ngan von dau tu cong', 'du lich sa pa', 'nong thon moi', 'thien tai', 'tai dinh cu', 'nuoc sach',
    'Bát Xát', 'Mường Khương', 'quy hoạch tỉnh', 'an toan giao thong', 'y te co so', 'kinh te tap the', 'thu ngan sach',
  ];
  const searches = Array.from({ length: 200 }, () => ({ query: r.pick(searchTerms) }));
  add('search.fts.p95_ms', await p95(searches, (input) => core.call('documents.search', input)), 'ms', 30, 'max');

  // The anchor: what a naive implementation does — scan every page's text with LIKE.
  const { Database } = await import('../tests/support/sqlite.ts');
  const db = new Database(core.databaseFile, { readonly: true });
  const like = db.prepare('SELECT document_id, page_no FROM document_pages WHERE text LIKE ? LIMIT 20');
  const likeTerms = ['%Đường sắt%', '%Nghị quyết%', '%giải phóng mặt bằng%', '%chuyển đổi số%', '%Mường Khương%', '%tái định cư%'];
  add('search.like_scan.p95_ms', await p95(Array.from({ length: 20 }, (_, i) => likeTerms[i % likeTerms.length]), (t) => like.all(t)), 'ms', null, 'info');
  db.close();
}

/** Once per laptop, when a release with encryption first opens an older folder: the whole database encrypted in place. */
async function measureEncryptInPlace(encrypted: string): Promise<void> {
  const { plainCopy } = await import('../tests/support/sqlite.ts');
  const older = join(work, 'plain-data');
  mkdirSync(older, { recursive: true });
  plainCopy(encrypted, join(older, 'nghisu.db'));
  const t = performance.now();
  const core = await createCore({ dataDir: older, logToFile: false });
  add('core.encrypt_existing_ms', performance.now() - t, 'ms', null, 'info');
  await core.close();
  rmSync(older, { recursive: true, force: true });
}

async function measureImport(): Promise<void> {
  const dir = join(work, 'import-pdfs');
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  let pages = 0;
  for (let i = 0; i < 24; i++) {
    const file = join(dir, `tai-lieu-${i}.pdf`);
    const n = 20 + (i % 3) * 20;
    await writeSamplePdf(file, r, n, 100 + i);
    files.push(file);
    pages += n;
  }
  const core = await createCore({ dataDir: join(work, 'import-data'), logToFile: false });
  try {
    // The extraction workers start with the first import and then stay; measure the steady state.
    const warmUp = join(dir, 'khoi-dong.pdf');
    await writeSamplePdf(warmUp, createRandom(99), 1, 1);
    await core.call('documents.importFiles', { paths: [warmUp] });
    const t = performance.now();
    const result = await core.call('documents.importFiles', { paths: files });
    const seconds = (performance.now() - t) / 1000;
    const failed = result.results.filter((x) => !x.ok).length;
    if (failed > 0) log(`  ! ${failed} tệp nhập lỗi`);
    const ours = pages / seconds;
    add('import.pdf_pages_per_s', ours, 'pages/s', null, 'info');
    const t2 = performance.now();
    for (const file of files) execFileSync('pdftotext', ['-enc', 'UTF-8', file, join(dir, 'out.txt')]);
    const anchor = pages / ((performance.now() - t2) / 1000);
    add('import.pdftotext_pages_per_s', anchor, 'pages/s', null, 'info');
    add('import.vs_pdftotext.ratio', ours / anchor, 'ratio', 0.5, 'min');
  } finally {
    await core.close();
  }
}

async function main(): Promise<void> {
  const until = new Date('2026-11-22T00:00:00Z');
  log(`Nghị Sự bench — ${years} năm dữ liệu, thư mục ${work}`);
  const dataDir = join(work, 'data');
  let core = await createCore({ dataDir, logToFile: false });
  const t = performance.now();
  const seeded = await core.call('seed.generate', { years });
  log(`  dữ liệu: ${seeded.meetings} cuộc họp, ${seeded.agendaItems} nội dung, ${seeded.documents} tài liệu, ${seeded.pages} trang (${((performance.now() - t) / 1000).toFixed(1)} s)`);
  await core.close();
  const t0 = performance.now();
  core = await createCore({ dataDir, logToFile: false });
  // With the database encrypted (ADR 0011): the key opened and every page read through the cipher.
  add('core.start_ms', performance.now() - t0, 'ms', 150, 'max');
  await measureEncryptInPlace(dataDir);
  try {
    if (!onlyReports) {
      await measureQueries(core, until);
      await measureTasks(core, r, add, log);
    }
    await measureReports(core, add, log);
    await measureTargetsReport(core, add, log);
  } finally {
    await core.close();
  }
  if (!onlyReports) {
    await measureImport();
    await measureAnnotations(dataDir, add, log);
    const minutesMeeting = await measureMinutes(dataDir, add, log);
    await measureMinutesOpen({ root, dataDir, meetingId: minutesMeeting, add, log });
    await measureViewer({ root, work, add, log });
    await measureSync(root, add, log);
    await measureRoom(add, log);
  }

  log('');
  log(`${'chỉ số / figure'.padEnd(34)} ${'giá trị'.padStart(10)} ${'ngân sách'.padStart(10)}  tỉ lệ`);
  for (const f of figures) {
    const ratio = f.budget ? (f.value / f.budget).toFixed(2) : '—';
    const ok = f.kind === 'max' ? f.value <= f.budget! : f.kind === 'min' ? f.value >= f.budget! : true;
    const mark = f.kind === 'info' ? ' ' : ok ? '✓' : '✗';
    log(`${mark} ${f.name.padEnd(32)} ${`${f.value} ${f.unit}`.padStart(10)} ${(f.budget === null ? '—' : `${f.kind === 'min' ? '≥' : '≤'} ${f.budget}`).padStart(10)}  ${ratio}`);
  }
  const like = figures.find((f) => f.name === 'search.like_scan.p95_ms');
  const fts = figures.find((f) => f.name === 'search.fts.p95_ms');
  if (like && fts) log(`  FTS nhanh gấp ${(like.value / Math.max(fts.value, 0.01)).toFixed(0)} lần quét LIKE / FTS is ${(like.value / Math.max(fts.value, 0.01)).toFixed(0)}× the LIKE scan`);
  mkdirSync(join(root, 'bench'), { recursive: true });
  // A partial run does not overwrite the full run's results.
  const resultsFile = onlyReports ? 'results-reports.json' : 'results.json';
  writeFileSync(join(root, 'bench', resultsFile), `${JSON.stringify(figures.map(({ name, value, unit, budget }) => ({ name, value, unit, budget })), null, 2)}\n`);
  log(`Kết quả ghi vào bench/${resultsFile}`);
  if (!values.keep) rmSync(work, { recursive: true, force: true });
}

await main();
