/**
 * minutes.open_ms: the 30-page minutes of bench/minutes.ts opened in the real app (the built
 * renderer over the browser host, in Debian's Chromium), from inside the running app as a click on
 * "Biên bản" does, timed until the editor is interactive: editable, holding the last block of the
 * minutes. Median of 7 opens after a first one (shown apart: it also loads the editor's code).
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { startWebHost, type WebHost } from '../../electron/web/server.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../tests/support/chromium.ts';
import { percentile, type Figure } from './stats.ts';
import { ensureRenderer } from './viewer.ts';

const RUNS = 7;

interface Context {
  root: string;
  dataDir: string;
  meetingId: string;
  add(name: string, value: number, unit: string, budget: number | null, kind: Figure['kind']): void;
  log(text: string): void;
}

/** From the hash change to the frame where the editor is editable and shows the minutes' last block. */
async function openMinutes(page: Page, meetingId: string, lastText: string): Promise<number> {
  // A string, as the viewer's bench: this file is type-checked for Node, without the DOM's types.
  return page.evaluate<number>(`new Promise((resolve, reject) => {
    const t0 = performance.now();
    location.hash = ${JSON.stringify(`#/meetings/${meetingId}/minutes`)};
    const tick = () => {
      const editor = document.querySelector('.ns-minutes-content[contenteditable="true"]');
      if (editor && editor.lastElementChild && (editor.lastElementChild.textContent || '').includes(${JSON.stringify(lastText)})) resolve(performance.now() - t0);
      else if (performance.now() - t0 > 30000) reject(new Error('the minutes editor did not open in 30 s'));
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })`);
}

export async function measureMinutesOpen(ctx: Context): Promise<void> {
  const { root, dataDir, meetingId, add, log } = ctx;
  const staticDir = ensureRenderer(root, log);
  let host: WebHost | null = null;
  let browser: Browser | null = null;
  try {
    host = await startWebHost({ dataDir, staticDir });
    // The shell opens only once the laptop has a profile.
    if (!(await host.core.call('profile.get', {}))) {
      await host.core.call('profile.create', { fullName: 'Nguyễn Thị Thư', position: 'Chuyên viên', unitName: 'Văn phòng UBND tỉnh', workRole: 'secretariat' });
    }
    const minutes = (await host.core.call('minutes.get', { meetingId }))!;
    const blocks = minutes.content.root.children;
    const lastBlock = blocks[blocks.length - 1]!;
    const lastText = 'children' in lastBlock && Array.isArray(lastBlock.children) ? String((lastBlock.children[0] as { text?: string } | undefined)?.text ?? '') : '';
    if (!lastText) throw new Error('the bench minutes should end with a paragraph of text');

    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
    await page.goto(`${host.url}#/meetings/${meetingId}`);
    await page.locator('.ns-shell').waitFor();
    const first = await openMinutes(page, meetingId, lastText);
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await page.evaluate(`location.hash = ${JSON.stringify(`#/meetings/${meetingId}`)}`);
      await page.locator('.ns-minutes-content').waitFor({ state: 'detached' });
      await page.waitForTimeout(300);
      samples.push(await openMinutes(page, meetingId, lastText));
    }
    log(`  biên bản trong trình duyệt: lần đầu ${first.toFixed(0)} ms, các lần sau ${samples.map((ms) => ms.toFixed(0)).join(', ')} ms (${blocks.length} khối)`);
    add('minutes.open_ms', percentile(samples, 50), 'ms', 500, 'max');
    add('minutes.first_open_ms', first, 'ms', null, 'info');
  } finally {
    await browser?.close();
    await host?.close();
  }
}
