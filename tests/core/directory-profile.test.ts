import { chmodSync, existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CoreEvent, PublicKeyFile } from '../../shared/contract/index.ts';
import { DATABASE_FILE } from '../../electron/core/db/identity.ts';
import { dataPaths } from '../../electron/core/context.ts';
import { createDirectoryDomain, fingerprintOf, verifySignature } from '../../electron/core/domains/directory/index.ts';
import { exportFile } from '../../electron/core/files/exports.ts';
import { openDatabase } from '../../electron/core/db/open-database.ts';
import { migrations } from '../../electron/core/db/migrations/index.ts';
import { defaultSettings } from '../../shared/contract/index.ts';
import { createAuditLog } from '../../electron/core/services/audit.ts';
import { EventBus } from '../../electron/core/events.ts';
import { silentLogger } from '../../electron/core/logger.ts';
import { createAppLock } from '../../electron/core/security/app-lock.ts';
import { Database, folderKey } from '../support/sqlite.ts';
import { tempDir } from '../support/temp-dir.ts';
import { auditActions, count, openCore, refused, secretary, stage } from './directory-support.ts';

/** The domain as the packs module gets it, over the same data folder the core uses. */
function directoryOver(dir: string) {
  const databaseKey = folderKey(dir);
  const { db } = openDatabase(join(dir, DATABASE_FILE), migrations, databaseKey);
  const actor = db.prepare('SELECT id FROM profile LIMIT 1').pluck();
  const domain = createDirectoryDomain({
    db,
    audit: createAuditLog(db),
    events: new EventBus(() => undefined),
    log: silentLogger(),
    paths: dataPaths(dir),
    actorId: () => (actor.get() as string | undefined) ?? null,
    now: () => new Date(),
    setting: (key) => defaultSettings[key],
    lock: createAppLock(),
    databaseKey,
  });
  return { domain, close: () => db.close() };
}

function readExport(dir: string, exportId: string): string {
  const found = exportFile(dataPaths(dir), exportId);
  if (!found) throw new Error('export missing');
  return readFileSync(found.file, 'utf8');
}

describe('the local profile', () => {
  it('does not exist on a fresh install, and is created once with its signing key', async () => {
    const { core, dir } = await openCore(tempDir(), true);
    const events: CoreEvent[] = [];
    core.subscribe((e) => events.push(e));
    expect(await core.call('profile.get', {})).toBeNull();

    const profile = await core.call('profile.create', secretary);
    expect(profile).toMatchObject({ ...secretary, organizationId: null });
    expect(profile.publicKey).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(profile.fingerprint).toMatch(/^[0-9a-f]{4}( [0-9a-f]{4}){7}$/);
    expect(profile.fingerprint).toBe(fingerprintOf(profile.publicKey));
    expect(await core.call('profile.get', {})).toEqual(profile);
    expect(events).toContainEqual({ event: 'data.changed', payload: { area: 'profile', id: profile.id } });

    // The private key is a 0600 file in keys/, named after the profile, and nowhere else.
    const keyFile = join(dir, 'keys', `${profile.id}.ed25519.pem`);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const pem = readFileSync(keyFile, 'utf8');
    expect(pem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    const secret = pem.split('\n').slice(1, -2).join('');
    expect(readdirSync(join(dir, 'keys')).filter((n) => !n.startsWith('database.key'))).toEqual([`${profile.id}.ed25519.pem`]);

    const again = await refused(core.call('profile.create', { ...secretary, fullName: 'Người khác' }), 'CONFLICT');
    expect(again.text.vi).toContain('Nguyễn Thị Hương');
    expect(readdirSync(join(dir, 'keys')).filter((n) => !n.startsWith('database.key'))).toHaveLength(1);
    await core.close();

    const dbBytes = readFileSync(join(dir, DATABASE_FILE));
    const walBytes = existsSync(join(dir, `${DATABASE_FILE}-wal`)) ? readFileSync(join(dir, `${DATABASE_FILE}-wal`)) : Buffer.alloc(0);
    const log = readFileSync(join(dir, 'logs', 'core.log'), 'utf8');
    const der = Buffer.from(secret, 'base64');
    const seed = der.subarray(der.length - 32);
    for (const haystack of [dbBytes, walBytes, Buffer.from(log)]) {
      expect(haystack.includes(secret)).toBe(false);
      expect(haystack.includes(seed)).toBe(false);
      expect(haystack.includes(seed.toString('base64'))).toBe(false);
      expect(haystack.includes('PRIVATE KEY')).toBe(false);
    }
    expect(auditActions(dir)).toEqual(['profile.create']);
  });

  it('keeps its key when the name, position, unit or role changes', async () => {
    const { core } = await openCore();
    await refused(core.call('profile.update', secretary), 'PROFILE_REQUIRED');
    const created = await core.call('profile.create', secretary);
    const unit = await core.call('organizations.create', { name: 'Văn phòng UBND tỉnh', organCode: '000.00.31.H41' });
    const updated = await core.call('profile.update', {
      fullName: 'Nguyễn Thị Hương',
      position: 'Phó Chánh Văn phòng',
      unitName: 'Văn phòng UBND tỉnh',
      organizationId: unit.id,
      workRole: 'member',
    });
    expect(updated).toMatchObject({ id: created.id, position: 'Phó Chánh Văn phòng', workRole: 'member', organizationId: unit.id });
    expect(updated.publicKey).toBe(created.publicKey);
    expect(updated.fingerprint).toBe(created.fingerprint);
    await refused(
      core.call('profile.update', { ...secretary, organizationId: '0190a6f0-7b8c-7def-8123-456789abcdef' }),
      'NOT_FOUND',
    );
    await core.close();
  });

  it('attributes what the user creates to the profile', async () => {
    const { core, dir } = await openCore();
    const before = await core.call('organizations.create', { name: 'Sở Nội vụ' });
    const profile = await core.call('profile.create', secretary);
    const after = await core.call('people.create', { fullName: 'Lê Văn Cường' });
    const db = new Database(join(dir, DATABASE_FILE), { readonly: true });
    expect(db.prepare('SELECT created_by FROM organizations WHERE id = ?').pluck().get(before.id)).toBeNull();
    expect(db.prepare('SELECT created_by FROM people WHERE id = ?').pluck().get(after.id)).toBe(profile.id);
    db.close();
    await core.close();
  });

  it('exports its public key as a small JSON file another laptop can trust', async () => {
    const { core, dir } = await openCore();
    await refused(core.call('profile.exportPublicKey', {}), 'PROFILE_REQUIRED');
    const profile = await core.call('profile.create', secretary);
    const exported = await core.call('profile.exportPublicKey', {});
    expect(exported).toMatchObject({ fileName: 'khoa-cong-khai-nguyen-thi-huong.json', mime: 'application/json' });
    const file = JSON.parse(readExport(dir, exported.exportId)) as PublicKeyFile;
    expect(file).toEqual({
      format: 'nghisu-public-key',
      version: 1,
      label: { fullName: secretary.fullName, position: secretary.position, unitName: secretary.unitName },
      publicKey: profile.publicKey,
      fingerprint: profile.fingerprint,
    });
    expect(JSON.stringify(file)).not.toContain('PRIVATE');
    await core.close();
  });
});

describe('signing for meeting packs', () => {
  it('signs with the profile key; the signature verifies, and fails for tampered data or another key', async () => {
    const { core, dir } = await openCore();
    const { domain, close } = directoryOver(dir);
    try {
      const err = (() => {
        try {
          domain.signer.current();
        } catch (e) {
          return e as { code: string };
        }
        return null;
      })();
      expect(err?.code).toBe('PROFILE_REQUIRED');

      const profile = await core.call('profile.create', secretary);
      const identity = domain.signer.current();
      expect(identity).toMatchObject({ profileId: profile.id, publicKey: profile.publicKey, fingerprint: profile.fingerprint });
      expect(identity.label).toEqual({ fullName: secretary.fullName, position: secretary.position, unitName: secretary.unitName });

      const manifest = Buffer.from(JSON.stringify({ meeting: 'Phiên họp thứ nhất', files: ['giay-moi.pdf'] }), 'utf8');
      const signature = identity.sign(manifest);
      expect(signature).toHaveLength(64);
      const b64 = signature.toString('base64');
      expect(verifySignature(profile.publicKey, manifest, b64)).toBe(true);

      const tampered = Buffer.from(manifest);
      tampered[10] = tampered[10]! ^ 1;
      expect(verifySignature(profile.publicKey, tampered, b64)).toBe(false);
      const badSignature = Buffer.from(signature);
      badSignature[0] = badSignature[0]! ^ 1;
      expect(verifySignature(profile.publicKey, manifest, badSignature.toString('base64'))).toBe(false);
      expect(verifySignature(profile.publicKey, manifest, 'not a signature')).toBe(false);
      expect(verifySignature('AAAA', manifest, b64)).toBe(false);

      const other = await openCore();
      const stranger = await other.core.call('profile.create', { ...secretary, fullName: 'Người lạ' });
      expect(verifySignature(stranger.publicKey, manifest, b64)).toBe(false);
      await other.core.close();
    } finally {
      close();
      await core.close();
    }
  });

  it('says clearly when the key file is missing, damaged or belongs to another key', async () => {
    const { core, dir } = await openCore();
    const profile = await core.call('profile.create', secretary);
    const keyFile = join(dir, 'keys', `${profile.id}.ed25519.pem`);
    const original = readFileSync(keyFile);
    const { domain, close } = directoryOver(dir);
    const attempt = () => {
      try {
        domain.signer.current().sign(Buffer.from('x'));
        return null;
      } catch (e) {
        return e as { code: string; text: { vi: string } };
      }
    };
    try {
      chmodSync(keyFile, 0o600);
      writeFileSync(keyFile, 'hỏng');
      expect(attempt()).toMatchObject({ code: 'IO_ERROR', text: { vi: expect.stringContaining('bị hỏng') } });

      const other = await openCore();
      const stranger = await other.core.call('profile.create', secretary);
      writeFileSync(keyFile, readFileSync(join(other.dir, 'keys', `${stranger.id}.ed25519.pem`)));
      await other.core.close();
      expect(attempt()).toMatchObject({ code: 'IO_ERROR', text: { vi: expect.stringContaining('không khớp') } });

      rmSync(keyFile);
      expect(attempt()).toMatchObject({ code: 'IO_ERROR', text: { vi: expect.stringContaining('Không đọc được khóa ký') } });

      writeFileSync(keyFile, original);
      expect(attempt()).toBeNull();
    } finally {
      close();
      await core.close();
    }
  });
});

describe('trusted keys', () => {
  it('a member trusts the secretariat key from its exported file, lists it, and removes it', async () => {
    const secretariat = await openCore();
    const signerProfile = await secretariat.core.call('profile.create', secretary);
    const exported = await secretariat.core.call('profile.exportPublicKey', {});
    const keyJson = readExport(secretariat.dir, exported.exportId);
    await secretariat.core.close();

    const { core, dir } = await openCore();
    await core.call('profile.create', { fullName: 'Phạm Văn Dũng', position: 'Giám đốc Sở', unitName: 'Sở Tài chính', workRole: 'member' });
    expect(await core.call('keys.listTrusted', {})).toEqual([]);

    // First the member looks at the key: the fingerprint is computed here, not read from the file.
    const inspected = await core.call('keys.inspect', { upload: stage(dir, exported.fileName, keyJson) });
    expect(inspected).toEqual({
      publicKey: signerProfile.publicKey,
      fingerprint: signerProfile.fingerprint,
      label: 'Nguyễn Thị Hương, Chuyên viên Văn phòng, Văn phòng UBND tỉnh Lào Cai',
      trusted: null,
    });
    expect(count(dir, 'trusted_keys')).toBe(0);

    const upload = stage(dir, exported.fileName, keyJson);
    // Trusted for one purpose: the packs of one committee, which need not be on this laptop yet.
    const committeeId = '0190a6f0-7b8c-7def-8123-456789abcde0';
    const packs = { purpose: 'pack', committeeId, committeeName: 'Ban Chỉ đạo các dự án trọng điểm' } as const;
    const trusted = await core.call('keys.trust', { upload, scope: packs });
    expect(trusted).toMatchObject({
      fingerprint: signerProfile.fingerprint,
      publicKey: signerProfile.publicKey,
      label: 'Nguyễn Thị Hương, Chuyên viên Văn phòng, Văn phòng UBND tỉnh Lào Cai',
      grants: [{ purpose: 'pack', committeeId, committeeName: 'Ban Chỉ đạo các dự án trọng điểm' }],
    });
    expect(existsSync(join(dir, 'staging', upload.uploadId))).toBe(false);
    expect(await core.call('keys.listTrusted', {})).toEqual([trusted]);

    expect((await core.call('keys.inspect', { upload: stage(dir, exported.fileName, keyJson) })).trusted).toEqual(trusted);
    const twice = await refused(core.call('keys.trust', { publicKey: signerProfile.publicKey, label: 'Lần hai', scope: packs }), 'CONFLICT');
    expect(twice.text.vi).toContain('đã được tin cậy');
    // A committee unknown here needs its name, so the grant can be shown.
    const nameless = { purpose: 'pack', committeeId: '0190a6f0-7b8c-7def-8123-456789abcde1' } as const;
    await refused(core.call('keys.trust', { publicKey: signerProfile.publicKey, label: 'Lần hai', scope: nameless }), 'INVALID_INPUT');
    // Notes trust binds the key to a person of the directory.
    const person = await core.call('people.create', { fullName: 'Nguyễn Thị Hương', position: 'Chuyên viên' });
    await refused(
      core.call('keys.trust', { publicKey: signerProfile.publicKey, label: 'x', scope: { purpose: 'notes', personId: '0190a6f0-7b8c-7def-8123-456789abcde2' } }),
      'NOT_FOUND',
    );
    const both = await core.call('keys.trust', { publicKey: signerProfile.publicKey, label: 'x', scope: { purpose: 'notes', personId: person.id } });
    expect(both.grants.map((g) => g.purpose)).toEqual(['notes', 'pack']);
    expect(both.grants[0]).toMatchObject({ personId: person.id, personName: 'Nguyễn Thị Hương' });
    // One grant can be withdrawn alone.
    await core.call('keys.untrust', { fingerprint: signerProfile.fingerprint, scope: { purpose: 'notes', personId: person.id } });
    expect((await core.call('keys.listTrusted', {}))[0]!.grants).toEqual(trusted.grants);

    // Fingerprints are accepted as people read them aloud: any case, any spacing.
    const spoken = signerProfile.fingerprint.replace(/ /g, '').toUpperCase();
    expect(await core.call('keys.untrust', { fingerprint: spoken })).toEqual({ fingerprint: signerProfile.fingerprint });
    expect(await core.call('keys.listTrusted', {})).toEqual([]);
    await refused(core.call('keys.untrust', { fingerprint: spoken }), 'NOT_FOUND');

    const pasted = await core.call('keys.trust', { publicKey: signerProfile.publicKey, label: 'Văn phòng UBND tỉnh', scope: packs });
    expect(pasted.label).toBe('Văn phòng UBND tỉnh');
    expect(count(dir, 'trusted_keys')).toBe(1);
    expect(auditActions(dir)).toEqual(['profile.create', 'keys.trust', 'people.create', 'keys.trust', 'keys.untrust', 'keys.untrust', 'keys.trust']);
    await core.close();
  });

  it('refuses a key file that was altered or is not a key file', async () => {
    const secretariat = await openCore();
    await secretariat.core.call('profile.create', secretary);
    const exported = await secretariat.core.call('profile.exportPublicKey', {});
    const file = JSON.parse(readExport(secretariat.dir, exported.exportId)) as PublicKeyFile;
    await secretariat.core.close();

    const { core, dir } = await openCore();
    const other = (await openCore()).core;
    const attacker = await other.call('profile.create', secretary);
    await other.close();

    const swapped = { ...file, publicKey: attacker.publicKey };
    const scope = { purpose: 'pack', committeeId: '0190a6f0-7b8c-7def-8123-456789abcde0', committeeName: 'Ban Chỉ đạo' } as const;
    const e1 = await refused(core.call('keys.trust', { upload: stage(dir, 'khoa.json', JSON.stringify(swapped)), scope }), 'FILE_INVALID');
    expect(e1.text.vi).toContain('đã bị sửa');
    const e2 = await refused(core.call('keys.inspect', { upload: stage(dir, 'khoa.json', JSON.stringify(swapped)) }), 'FILE_INVALID');
    expect(e2.text.vi).toContain('đã bị sửa');
    for (const content of ['', 'không phải JSON', JSON.stringify({ format: 'other' }), '%PDF-1.7']) {
      await refused(core.call('keys.trust', { upload: stage(dir, 'khoa.json', content), scope }), 'FILE_INVALID');
    }
    await refused(core.call('keys.trust', { upload: { uploadId: '0190a6f0-7b8c-7def-8123-456789abcdef', fileName: 'mat.json' }, scope }), 'NOT_FOUND');
    expect(count(dir, 'trusted_keys')).toBe(0);
    await core.close();
  });
});
