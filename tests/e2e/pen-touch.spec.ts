import type { CDPSession, Page } from '@playwright/test';
import type { Annotation, GeometryOf } from '../../shared/contract/annotations.ts';
import { expect, screenshot, test } from './fixtures.ts';
import { boxOf, hostPage, MEMBER_PROFILE, pageElement, readerReady, seedMeetingDocument } from './support/annotated-reader.ts';
import { isolatedHost, type IsolatedHost } from './support/isolated-host.ts';

/**
 * A member on a tablet or a convertible: a stylus whose pressure thickens the line, and a finger
 * that draws while the pen tool is on. The input comes through Chromium's own input pipeline
 * (DevTools Input domain), as the hardware's would, not as synthetic DOM events.
 */
test.describe.configure({ mode: 'serial' });
test.use({ hasTouch: true });

let host: IsolatedHost;
let meetingId = '';
let documentId = '';

test.beforeAll(async () => {
  host = await isolatedHost('pen-touch', MEMBER_PROFILE);
  ({ meetingId, documentId } = await seedMeetingDocument(host.host.core));
});

test.afterAll(async () => {
  await host?.close();
});

async function inks(): Promise<Annotation[]> {
  return (await host.host.core.call('annotations.list', { documentId })).annotations.filter((a) => a.kind === 'ink');
}

async function open(page: Page): Promise<{ cdp: CDPSession; x: number; y: number; width: number }> {
  await page.goto(hostPage(host.host.url, `/meetings/${meetingId}/documents/${documentId}/read`));
  await readerReady(page);
  await page.keyboard.press('p');
  const box = await boxOf(pageElement(page, 0));
  return { cdp: await page.context().newCDPSession(page), x: box.x + box.width * 0.2, y: box.y + box.height * 0.5, width: box.width };
}

test('a stylus draws with its pressure: light at the start, heavy at the end', async ({ page }) => {
  const { cdp, x, y } = await open(page);
  const pen = { pointerType: 'pen' as const, button: 'left' as const };
  await cdp.send('Input.dispatchMouseEvent', { type: 'mousePressed', x, y, clickCount: 1, buttons: 1, force: 0.1, ...pen });
  for (let i = 1; i <= 20; i++) {
    await cdp.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x: x + i * 12, y: y + Math.sin(i / 4) * 20, buttons: 1, force: 0.1 + (0.8 * i) / 20, ...pen });
  }
  await cdp.send('Input.dispatchMouseEvent', { type: 'mouseReleased', x: x + 240, y, clickCount: 1, buttons: 0, force: 0, ...pen });

  await expect.poll(async () => (await inks()).length).toBe(1);
  const [stroke] = (await inks()).map((a) => (a.geometry as GeometryOf<'ink'>).strokes[0]!);
  const pressures = stroke!.map((p) => p[2]!);
  expect(pressures.length).toBeGreaterThan(10);
  expect(pressures[0]).toBeLessThan(0.25);
  expect(pressures[pressures.length - 1]).toBeGreaterThan(0.75);
  // Rising along the stroke, as the hand pressed harder.
  expect(pressures.slice(1).every((p, i) => p >= pressures[i]! - 1e-6)).toBe(true);
  await screenshot(page, 'pen-touch-01-pressure');
});

test('a finger draws while the pen tool is on, and the page does not scroll under it', async ({ page }) => {
  const { cdp, x, y } = await open(page);
  const scroller = page.locator('.ns-reader-scroll');
  await expect(scroller).toHaveCSS('touch-action', 'none');
  const scrollBefore = await scroller.evaluate((el) => el.scrollTop);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: y + 80 }] });
  for (let i = 1; i <= 15; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: x + i * 10, y: y + 80 - i * 6 }] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });

  await expect.poll(async () => (await inks()).length).toBe(2);
  const finger = (await inks()).at(-1)!;
  const points = (finger.geometry as GeometryOf<'ink'>).strokes[0]!;
  expect(points.length).toBeGreaterThan(8);
  // A finger has no meaningful pressure: an even line.
  expect(new Set(points.map((p) => p[2]))).toEqual(new Set([0.5]));
  expect(await scroller.evaluate((el) => el.scrollTop)).toBe(scrollBefore);

  // With the selection tool back, touch is the browser's again (scrolling, selecting text).
  await page.keyboard.press('Escape');
  await expect(scroller).not.toHaveCSS('touch-action', 'none');
  await screenshot(page, 'pen-touch-02-finger');
});
