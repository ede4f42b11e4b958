import { createPrivateKey, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MethodInput, SecurityStatus, securityMethods } from '../../../shared/contract/index.ts';
import type { ServiceContext } from '../context.ts';
import type { DomainHandlers } from '../dispatch.ts';
import {
  keyFilePath,
  keyMatches,
  readPlainKey,
  removePlainKey,
  sealedKeyFilePath,
  writeKeyFile,
} from '../domains/directory/signing.ts';
import type { Domain } from '../domains/domain.ts';
import { CoreError } from '../errors.ts';
import { refuseWhileWaiting } from './app-lock.ts';
import { DATABASE_KEY_FILES, sealDatabaseKeyWithPassphrase } from './database-key.ts';
import { openSealedKey, SealedKeyDamaged, sealKey } from './sealed-key.ts';

interface ProfileKey {
  id: string;
  public_key: string;
}

function damaged(file: string, cause?: unknown): CoreError {
  return new CoreError(
    'IO_ERROR',
    {
      vi: `Tệp khóa ký đã khóa bằng mật khẩu (${file}) bị hỏng hoặc không khớp với hồ sơ. Hãy khôi phục thư mục "keys" từ bản sao lưu.`,
      en: `The passphrase-sealed signing key (${file}) is damaged or does not match the profile. Restore the "keys" folder from a backup.`,
    },
    undefined,
    cause === undefined ? undefined : { cause },
  );
}

const wrongPassphrase = (vi: string, en: string) => new CoreError('UNAUTHORIZED', { vi, en });

/**
 * The app lock and the passphrase (contract: shared/contract/security.ts). Setting a passphrase seals
 * the profile's signing key and removes the unsealed file; from then on the app starts locked, and
 * unlocking opens the key into memory for signing. Every unlock, failed try, lock and passphrase
 * change goes into the audit log's hash chain.
 */
export function createSecurityDomain(ctx: ServiceContext) {
  const profileRow = ctx.db.prepare('SELECT id, public_key FROM profile LIMIT 1');
  const profile = () => profileRow.get() as ProfileKey | undefined;
  const sealedFile = (p: ProfileKey) => sealedKeyFilePath(ctx.paths, p.id);
  const isSealed = (p = profile()) => p !== undefined && existsSync(sealedFile(p));

  function status(): SecurityStatus {
    const sealed = isSealed();
    return { passphraseSet: sealed, locked: ctx.lock.isLocked(sealed), idleMinutes: ctx.setting('security.idleMinutes') };
  }

  function announce(): SecurityStatus {
    const now = status();
    ctx.events.emit('security.changed', now);
    return now;
  }

  function record(p: ProfileKey, action: string): void {
    ctx.db.transaction(() => ctx.audit.record({ action, entity: 'profile', entityId: p.id }))();
  }

  /** The sealed key opened with `passphrase`; null when the passphrase is wrong. */
  async function openKey(p: ProfileKey, passphrase: string): Promise<KeyObject | null> {
    const file = sealedFile(p);
    let pem: string | null;
    try {
      pem = await openSealedKey(readFileSync(file, 'utf8'), passphrase);
    } catch (e) {
      if (e instanceof SealedKeyDamaged) throw damaged(file);
      throw damaged(file, e);
    }
    if (pem === null) return null;
    let key: KeyObject;
    try {
      key = createPrivateKey(pem);
    } catch (e) {
      throw damaged(file, e);
    }
    if (!keyMatches(key, p.public_key)) throw damaged(file);
    return key;
  }

  /** A wrong passphrase counts towards the wait, is recorded, and is refused. */
  function refuseWrong(p: ProfileKey, vi: string, en: string): never {
    ctx.lock.failed();
    record(p, 'security.unlockFailed');
    throw wrongPassphrase(vi, en);
  }

  const handlers: DomainHandlers<typeof securityMethods> = {
    'security.status': () => status(),

    'security.unlock': async ({ passphrase }: MethodInput<'security.unlock'>) => {
      const p = profile();
      if (!p || !isSealed(p) || ctx.lock.key(p.id)) return status();
      refuseWhileWaiting(ctx.lock);
      const key = await openKey(p, passphrase);
      if (!key) refuseWrong(p, 'Mật khẩu không đúng.', 'Wrong passphrase.');
      ctx.lock.open(p.id, key);
      // A folder whose passphrase predates encryption gets its recovery slot at the first unlock.
      if (!existsSync(join(ctx.paths.keys, DATABASE_KEY_FILES.passphrase))) await sealDatabaseKeyWithPassphrase(ctx.paths, ctx.databaseKey, passphrase);
      record(p, 'security.unlock');
      return announce();
    },

    'security.lock': () => {
      const p = profile();
      ctx.lock.lock();
      if (p && isSealed(p)) record(p, 'security.lock');
      return announce();
    },

    'security.setPassphrase': async ({ current, passphrase }: MethodInput<'security.setPassphrase'>) => {
      const p = profile();
      if (!p) {
        throw new CoreError('PROFILE_REQUIRED', {
          vi: 'Hãy tạo hồ sơ người dùng trước khi đặt mật khẩu: mật khẩu bảo vệ khóa ký của hồ sơ.',
          en: 'Create the user profile before setting a passphrase: the passphrase protects the profile’s signing key.',
        });
      }
      const wasSealed = isSealed(p);
      let key: KeyObject;
      if (wasSealed) {
        if (!current) {
          throw new CoreError('INVALID_INPUT', {
            vi: 'Cần nhập mật khẩu hiện tại để đổi mật khẩu.',
            en: 'The current passphrase is needed to change it.',
          }, [{ path: 'current', message: 'Cần mật khẩu hiện tại', messageEn: 'The current passphrase is required' }]);
        }
        refuseWhileWaiting(ctx.lock);
        const opened = await openKey(p, current);
        if (!opened) refuseWrong(p, 'Mật khẩu hiện tại không đúng; mật khẩu không đổi.', 'The current passphrase is wrong; nothing changed.');
        key = opened;
      } else {
        key = readPlainKey(keyFilePath(ctx.paths, p.id), p.public_key);
      }
      const sealed = await sealKey(key.export({ format: 'pem', type: 'pkcs8' }) as string, passphrase);
      // The sealed file is durable before the unsealed one goes: a crash leaves one key or both, never none.
      writeKeyFile(ctx.paths, p.id, sealed, sealedFile(p));
      removePlainKey(ctx.paths, p.id);
      // The database key opens with the same passphrase: the way back in when the OS keychain is lost.
      await sealDatabaseKeyWithPassphrase(ctx.paths, ctx.databaseKey, passphrase);
      ctx.lock.open(p.id, key);
      record(p, wasSealed ? 'security.changePassphrase' : 'security.setPassphrase');
      return announce();
    },
  };

  return {
    handlers,
    /** Whether the window is to be refused now. */
    locked: () => status().locked,
    status,
    // A crash between sealing and removing the unsealed file left both: the sealed one is complete.
    start() {
      const p = profile();
      if (p && isSealed(p)) removePlainKey(ctx.paths, p.id);
    },
  } satisfies Domain & Record<string, unknown>;
}

export type SecurityDomain = ReturnType<typeof createSecurityDomain>;
