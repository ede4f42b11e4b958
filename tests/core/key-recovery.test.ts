import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../shared/contract/index.ts';
import type { SecretVault } from '../../electron/core/domains/sync/credentials.ts';
import { createCore, type Core } from '../../electron/core/index.ts';
import { failure } from '../support/core-failure.ts';
import { tempDir } from '../support/temp-dir.ts';

const PASSPHRASE = 'Sa Pa mùa lúa chín tháng chín';
const PROFILE = { fullName: 'Lê Văn Khánh', position: 'Chánh Văn phòng', unitName: 'Văn phòng UBND tỉnh', workRole: 'secretariat' } as const;

/** An OS keychain: what it seals only the same keychain opens (a reinstalled OS is a new one). */
function keychain(): SecretVault {
  const key = randomBytes(32);
  return {
    async seal(text) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    async open(sealed) {
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

let open: Core[] = [];
afterEach(async () => {
  for (const core of open) await core.close();
  open = [];
});

async function appOn(dir: string, vault: SecretVault): Promise<Core> {
  const core = await createCore({ dataDir: dir, logToFile: false, sync: { vault }, awaitPassphrase: true });
  open.push(core);
  return core;
}

/** A laptop's folder with a passphrase and a meeting, its key sealed by `vault`; closed. */
async function folderSealedBy(vault: SecretVault): Promise<{ dir: string; meetingId: string }> {
  const dir = tempDir();
  const core = await appOn(dir, vault);
  await core.call('profile.create', PROFILE);
  await core.call('settings.set', { key: 'ui.theme', value: 'dark' });
  const committee = await core.call('committees.create', { name: 'Ban Chỉ đạo chuyển đổi số tỉnh' });
  const { meeting } = await core.call('meetings.create', {
    committeeId: committee.id,
    kindCode: 'regular',
    title: 'Phiên họp Ban Chỉ đạo tháng 12',
    startsAt: '2026-12-15T01:00:00.000Z',
    endsAt: '2026-12-15T04:00:00.000Z',
  });
  await core.call('security.setPassphrase', { passphrase: PASSPHRASE });
  for (const c of open) await c.close();
  open = [];
  expect(existsSync(join(dir, 'keys', 'database.key.sealed'))).toBe(true);
  expect(existsSync(join(dir, 'keys', 'database.key'))).toBe(false);
  return { dir, meetingId: meeting.id };
}

const request = (method: string, input: unknown = {}) => ({ type: 'request' as const, id: 1, method, input });

describe('opening the data with the passphrase when the keychain lost its key (issue 11)', () => {
  it('the window gets the lock screen, not a start-up error; the passphrase opens the data, the signing key and the new keychain together', async () => {
    const { dir, meetingId } = await folderSealedBy(keychain());
    const sealedBefore = readFileSync(join(dir, 'keys', 'database.key.sealed'));

    // The OS reinstalled: a new keychain that cannot open what the old one sealed.
    const reinstalled = keychain();
    const core = await appOn(dir, reinstalled);
    const events: CoreEvent[] = [];
    core.subscribe((e) => events.push(e));

    expect(await core.call('security.status', {})).toMatchObject({ locked: true, passphraseSet: true, keyRecovery: true });
    // What the lock screen reads answers with stand-ins; everything else is refused, to the window and to scripts.
    expect(await core.call('profile.get', {})).toBeNull();
    expect((await core.call('settings.getAll', {}))['ui.theme']).toBe('light');
    const refusedUi = await core.dispatch(request('meetings.list'), 'ui');
    expect(refusedUi.ok ? null : refusedUi.error.code).toBe('LOCKED');
    expect((await failure(core.call('meetings.list', {}))).code).toBe('DATA_KEY_UNAVAILABLE');
    expect((await failure(core.call('app.info', {}))).code).toBe('DATA_KEY_UNAVAILABLE');

    const wrong = await core.dispatch(request('security.unlock', { passphrase: 'Sa Pa mùa đông' }), 'ui');
    expect(wrong.ok ? null : wrong.error.code).toBe('UNAUTHORIZED');
    expect(await core.call('security.status', {})).toMatchObject({ keyRecovery: true, locked: true });
    expect(readFileSync(join(dir, 'keys', 'database.key.sealed')).equals(sealedBefore)).toBe(true);

    const unlocked = await core.dispatch(request('security.unlock', { passphrase: PASSPHRASE }), 'ui');
    expect(unlocked.ok ? unlocked.result : unlocked.error).toEqual({ passphraseSet: true, locked: false, idleMinutes: 15 });
    // The window reads everything again: the settings and profile it had were stand-ins.
    expect(events.map((e) => e.event)).toContain('data.restored');
    expect((await core.call('profile.get', {}))?.fullName).toBe(PROFILE.fullName);
    expect((await core.call('settings.getAll', {}))['ui.theme']).toBe('dark');
    expect((await core.call('meetings.get', { id: meetingId })).title).toBe('Phiên họp Ban Chỉ đạo tháng 12');
    const listed = await core.dispatch(request('meetings.list'), 'ui');
    expect(listed.ok).toBe(true);
    const trail = await core.call('audit.list', { limit: 5 });
    expect(trail.items.map((e) => e.action)).toContain('security.unlock');

    // The new keychain took the key back: the next start needs no passphrase.
    await core.close();
    open = [];
    expect(readFileSync(join(dir, 'keys', 'database.key.sealed')).equals(sealedBefore)).toBe(false);
    const next = await appOn(dir, reinstalled);
    expect(await next.call('security.status', {})).toEqual({ passphraseSet: true, locked: true, idleMinutes: 15 });
    expect((await next.call('meetings.get', { id: meetingId })).title).toBe('Phiên họp Ban Chỉ đạo tháng 12');
  });

  it('two presses of "Mở khóa" at once open the data once', async () => {
    const { dir } = await folderSealedBy(keychain());
    const core = await appOn(dir, keychain());
    const [a, b] = await Promise.all([
      core.dispatch(request('security.unlock', { passphrase: PASSPHRASE }), 'ui'),
      core.dispatch(request('security.unlock', { passphrase: PASSPHRASE }), 'ui'),
    ]);
    expect(a.ok && b.ok).toBe(true);
    expect((await core.call('meetings.list', {})).items).toHaveLength(1);
  });

  it('wrong passphrases make the next try wait, as the app lock does', async () => {
    const { dir } = await folderSealedBy(keychain());
    const core = await appOn(dir, keychain());
    for (let i = 0; i < 5; i++) await core.dispatch(request('security.unlock', { passphrase: `sai mật khẩu ${i}` }), 'ui');
    const waiting = await core.dispatch(request('security.unlock', { passphrase: PASSPHRASE }), 'ui');
    expect(waiting.ok ? null : waiting.error.message.vi).toMatch(/Hãy đợi \d+ giây/);
    expect(await core.call('security.status', {})).toMatchObject({ keyRecovery: true });
  });

  it('closes cleanly while still waiting, and a folder with no passphrase slot is still refused at start', async () => {
    const { dir } = await folderSealedBy(keychain());
    const waiting = await appOn(dir, keychain());
    await waiting.close();
    open = [];
    expect((await failure(createCore({ dataDir: dir, logToFile: false, sync: { vault: keychain() } }))).code).toBe('DATA_KEY_UNAVAILABLE');

    // No passphrase was ever set: nothing but the lost keychain held the key.
    const bare = tempDir();
    const first = await appOn(bare, keychain());
    await first.call('profile.create', PROFILE);
    await first.close();
    open = [];
    expect((await failure(createCore({ dataDir: bare, logToFile: false, sync: { vault: keychain() }, awaitPassphrase: true }))).code).toBe('DATA_KEY_UNAVAILABLE');
  });
});
