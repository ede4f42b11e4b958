import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCore, type Core } from '../../electron/core/index.ts';
import type * as Fonts from '../../electron/core/official-docs/fonts.ts';
import { publishedMeeting } from '../support/published-meeting.ts';

// A damaged installation: the PDF fonts' files are not where the app's packages should have them.
vi.mock('../../electron/core/official-docs/fonts.ts', async (importOriginal) => {
  const real = await importOriginal<typeof Fonts>();
  return { ...real, fontFile: (name: string) => real.resolveFont(`@expo-google-fonts/tinos/missing/${name}.ttf`) };
});

let core: Core;
let meetingId: string;
const root = mkdtempSync(join(tmpdir(), 'nghisu-missing-font-'));

beforeAll(async () => {
  core = await createCore({ dataDir: join(root, 'data'), logToFile: false });
  const s = await publishedMeeting(core);
  meetingId = s.meetingId;
  await core.call('meetings.setStatus', { id: meetingId, status: 'in_progress' });
  await core.call('minutes.draft', { meetingId });
});
afterAll(async () => {
  await core.close();
  rmSync(root, { recursive: true, force: true });
});

describe('exports when a font is missing', () => {
  it('refuse with a clear Vietnamese error and leave no file behind; DOCX, which names the font, still works', async () => {
    const pdf = join(root, 'bien-ban.pdf');
    await expect(core.call('minutes.exportFile', { meetingId, document: 'minutes', format: 'pdf', file: pdf })).rejects.toMatchObject({
      code: 'IO_ERROR',
      text: { vi: expect.stringContaining('Thiếu phông chữ để xuất PDF') },
    });
    expect(existsSync(pdf)).toBe(false);
    await expect(core.call('minutes.export', { meetingId, document: 'minutes', format: 'pdf' })).rejects.toMatchObject({ code: 'IO_ERROR' });
    const docx = join(root, 'bien-ban.docx');
    expect((await core.call('minutes.exportFile', { meetingId, document: 'minutes', format: 'docx', file: docx })).bytes).toBeGreaterThan(1000);
  });
});
