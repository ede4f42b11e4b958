import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CoreEvent, ResponseEnvelope } from '../../shared/contract/index.ts';
import { createCore, type Core } from '../../electron/core/index.ts';
import { createAppLock } from '../../electron/core/security/app-lock.ts';
import { annotatedDocument } from '../support/annotated-document.ts';
import { failure } from '../support/core-failure.ts';
import { Database } from '../support/sqlite.ts';
import { tempDir } from '../support/temp-dir.ts';

const PASSPHRASE = 'Sa Pa mùa đông năm 2026';
let open: Core[] = [];
afterEach(async () => {
  for (const core of open) await core.close();
  open = [];
});

async function coreOn(dir: string): Promise<Core> {
  const core = await createCore({ dataDir: dir, logToFile: false });
  open.push(core);
  return core;
}

/** What the window gets: the same dispatch with `ui` access. */
async function asWindow(core: Core, method: string, input: unknown = {}): Promise<ResponseEnvelope> {
  return core.dispatch({ type: 'request', id: 1, method, input }, 'ui');
}

function keyFiles(dir: string): string[] {
  // The signing key's files; the database key's (database.key*) are checked by database-encryption.test.ts.
  return readdirSync(join(dir, 'keys')).filter((n) => !n.startsWith('.') && !n.startsWith('database.key')).map((n) => n.replace(/^[0-9a-f-]+\./, '')).sort();
}

function auditActions(dir: string): string[] {
  const db = new Database(join(dir, 'nghisu.db'), { readonly: true });
  try {
    return db.prepare("SELECT action FROM audit_log WHERE action LIKE 'security.%' ORDER BY rowid").pluck().all() as string[];
  } finally {
    db.close();
  }
}

/** A member with a shared note: exporting the shared notes signs with the profile's key. */
async function member() {
  const doc = await annotatedDocument();
  open.push(doc.core);
  const first = doc.annotations[0]!;
  await doc.core.call('annotations.update', { id: first.id, revision: first.revision, shared: true });
  return doc;
}

describe('the app lock and the passphrase-sealed signing key (issue 11)', () => {
  it('without a passphrase the app never locks and the key stays as it was', async () => {
    const { core, dir } = await member();
    expect(await core.call('security.status', {})).toEqual({ passphraseSet: false, locked: false, idleMinutes: 15 });
    await core.call('security.lock', {});
    expect((await asWindow(core, 'documents.list', {})).ok).toBe(true);
    expect(keyFiles(dir)).toEqual(['ed25519.pem']);
  });

  it('setting the passphrase seals the key: no private key left readable on disk, and signing still works', async () => {
    const { core, dir, document } = await member();
    const plain = readFileSync(join(dir, 'keys', readdirSync(join(dir, 'keys')).find((n) => n.endsWith('.pem'))!), 'utf8');
    const events: CoreEvent[] = [];
    core.subscribe((e) => events.push(e));
    expect((await failure(core.call('security.setPassphrase', { passphrase: 'ngắn' }))).code).toBe('INVALID_INPUT');
    expect(await core.call('security.setPassphrase', { passphrase: PASSPHRASE })).toEqual({ passphraseSet: true, locked: false, idleMinutes: 15 });
    expect(keyFiles(dir)).toEqual(['ed25519.sealed']);
    const sealedFile = join(dir, 'keys', readdirSync(join(dir, 'keys')).find((n) => n.endsWith('.sealed'))!);
    const sealed = readFileSync(sealedFile, 'utf8');
    expect(statSync(sealedFile).mode & 0o777).toBe(0o600);
    expect(sealed).not.toContain('PRIVATE KEY');
    const body = plain.replace(/-----[^-]+-----/g, '').replace(/\s/g, '');
    expect(sealed).not.toContain(body.slice(10, 40));
    expect(JSON.parse(sealed)).toMatchObject({ format: 'nghisu-sealed-key', kdf: { name: 'scrypt', N: 131072, r: 8, p: 1 }, cipher: { name: 'aes-256-gcm' } });
    expect(events.filter((e) => e.event === 'security.changed').map((e) => e.payload)).toEqual([{ passphraseSet: true, locked: false, idleMinutes: 15 }]);
    // Unlocked by setting it: the key the passphrase sealed signs at once.
    await core.call('annotations.exportShared', { documentId: document.id });
    expect(auditActions(dir)).toEqual(['security.setPassphrase']);
  });

  it('a restart starts locked: the window gets only the lock screen’s methods until the right passphrase, the key signs only after it', async () => {
    const first = await member();
    await first.core.call('security.setPassphrase', { passphrase: PASSPHRASE });
    await first.core.close();
    open = open.filter((c) => c !== first.core);
    const core = await coreOn(first.dir);
    const events: CoreEvent[] = [];
    core.subscribe((e) => events.push(e));

    expect(await core.call('security.status', {})).toMatchObject({ passphraseSet: true, locked: true });
    for (const method of ['documents.list', 'meetings.list', 'audit.list', 'annotations.list', 'security.lock', 'security.setPassphrase']) {
      const r = await asWindow(core, method, method === 'annotations.list' ? { documentId: first.document.id } : {});
      expect({ method, code: r.ok ? 'ok' : r.error.code }).toEqual({ method, code: 'LOCKED' });
    }
    for (const method of ['security.status', 'profile.get', 'app.info', 'settings.getAll']) {
      expect((await asWindow(core, method)).ok, method).toBe(true);
    }
    // The command line is not the window: it reads, but signing needs the key opened.
    expect((await core.call('documents.list', {})).items).toHaveLength(1);
    expect((await failure(core.call('annotations.exportShared', { documentId: first.document.id }))).code).toBe('LOCKED');

    const wrong = await asWindow(core, 'security.unlock', { passphrase: 'Sa Pa mùa hè năm 2026' });
    expect(wrong.ok ? 'ok' : wrong.error.code).toBe('UNAUTHORIZED');
    expect(wrong.ok ? '' : wrong.error.message.vi).toBe('Mật khẩu không đúng.');
    expect((await asWindow(core, 'documents.list', {})).ok).toBe(false);

    // The same passphrase typed as decomposed Unicode (another input method) is the same passphrase.
    const right = await asWindow(core, 'security.unlock', { passphrase: PASSPHRASE.normalize('NFD') });
    expect(right).toMatchObject({ ok: true, result: { passphraseSet: true, locked: false } });
    expect((await asWindow(core, 'documents.list', {})).ok).toBe(true);
    await core.call('annotations.exportShared', { documentId: first.document.id });

    expect((await asWindow(core, 'security.lock')).ok).toBe(true);
    expect((await asWindow(core, 'documents.list', {})).ok).toBe(false);
    expect((await failure(core.call('annotations.exportShared', { documentId: first.document.id }))).code).toBe('LOCKED');
    expect(events.filter((e) => e.event === 'security.changed').map((e) => (e.payload as { locked: boolean }).locked)).toEqual([false, true]);
    expect(auditActions(first.dir)).toEqual(['security.setPassphrase', 'security.unlockFailed', 'security.unlock', 'security.lock']);
  });

  it('changing the passphrase needs the current one; a wrong one changes nothing', async () => {
    const { core, dir, document } = await member();
    await core.call('security.setPassphrase', { passphrase: PASSPHRASE });
    const sealedFile = join(dir, 'keys', readdirSync(join(dir, 'keys')).find((n) => n.endsWith('.sealed'))!);
    const hash = () => createHash('sha256').update(readFileSync(sealedFile)).digest('hex');
    const before = hash();
    expect((await failure(core.call('security.setPassphrase', { passphrase: 'mật khẩu mới dài' }))).code).toBe('INVALID_INPUT');
    expect((await failure(core.call('security.setPassphrase', { current: 'không phải', passphrase: 'mật khẩu mới dài' }))).code).toBe('UNAUTHORIZED');
    expect(hash()).toBe(before);
    await core.call('security.setPassphrase', { current: PASSPHRASE, passphrase: 'mật khẩu mới dài' });
    expect(hash()).not.toBe(before);
    await core.call('security.lock', {});
    expect((await failure(core.call('security.unlock', { passphrase: PASSPHRASE }))).code).toBe('UNAUTHORIZED');
    await core.call('security.unlock', { passphrase: 'mật khẩu mới dài' });
    await core.call('annotations.exportShared', { documentId: document.id });
    expect(auditActions(dir)).toEqual(['security.setPassphrase', 'security.unlockFailed', 'security.changePassphrase', 'security.lock', 'security.unlockFailed', 'security.unlock']);
  });

  it('a crash between sealing and removing the unsealed key leaves both; the next start removes the unsealed one', async () => {
    const { core, dir } = await member();
    const pemName = readdirSync(join(dir, 'keys')).find((n) => n.endsWith('.pem'))!;
    const pem = readFileSync(join(dir, 'keys', pemName));
    await core.call('security.setPassphrase', { passphrase: PASSPHRASE });
    await core.close();
    open = open.filter((c) => c !== core);
    writeFileSync(join(dir, 'keys', pemName), pem, { mode: 0o600 });
    await coreOn(dir);
    expect(existsSync(join(dir, 'keys', pemName))).toBe(false);
    expect(keyFiles(dir)).toEqual(['ed25519.sealed']);
  });

  it('a backup carries the sealed key, never an unsealed copy; restored elsewhere it opens with the same passphrase', async () => {
    const { core, dir, document } = await member();
    await core.call('security.setPassphrase', { passphrase: PASSPHRASE });
    const made = await core.call('backup.create', { file: join(tempDir(), 'sao-luu.nghisu-backup') });
    expect(made.contents.signingKey).toBe(true);

    const elsewhere = await coreOn(tempDir());
    const restored = await elsewhere.call('backup.restore', { file: made.file });
    expect(restored.signingKey).toBe('written');
    expect(keyFiles(elsewhere.dataDir)).toEqual(['ed25519.sealed']);
    expect(await elsewhere.call('security.status', {})).toMatchObject({ passphraseSet: true, locked: true });
    expect((await failure(elsewhere.call('annotations.exportShared', { documentId: document.id }))).code).toBe('LOCKED');
    await elsewhere.call('security.unlock', { passphrase: PASSPHRASE });
    await elsewhere.call('annotations.exportShared', { documentId: document.id });
    expect(keyFiles(dir)).toEqual(['ed25519.sealed']);
  });

  it('five wrong passphrases in a row make the next try wait', () => {
    let t = 1_000_000;
    const lock = createAppLock(() => t);
    for (let i = 0; i < 4; i++) lock.failed();
    expect(lock.wait()).toBe(0);
    lock.failed();
    expect(lock.wait()).toBe(30_000);
    t += 29_000;
    expect(lock.wait()).toBe(1_000);
    t += 1_000;
    expect(lock.wait()).toBe(0);
  });
});
