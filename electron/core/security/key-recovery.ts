import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defaultSettings, methods, type MethodInput, type SecurityStatus } from '../../../shared/contract/index.ts';
import type { DataPaths } from '../context.ts';
import type { Core, CoreBase } from '../core.ts';
import type { DatabaseKey } from '../db/database-cipher.ts';
import { latestSchemaVersion } from '../db/migrations/index.ts';
import { createDispatcher, type Handlers } from '../dispatch.ts';
import { CoreError } from '../errors.ts';
import { refuseWhileWaiting } from './app-lock.ts';
import { DATABASE_KEY_FILES, loadDatabaseKey } from './database-key.ts';

/** The key could not be opened by the keychain, and the passphrase slot can still open it. */
export function canRecoverWithPassphrase(error: unknown, paths: DataPaths): boolean {
  return error instanceof CoreError && error.code === 'DATA_KEY_UNAVAILABLE' && existsSync(join(paths.keys, DATABASE_KEY_FILES.passphrase));
}

const notOpenYet = () =>
  new CoreError('DATA_KEY_UNAVAILABLE', {
    vi: 'Dữ liệu chưa được mở: kho khóa của hệ điều hành không mở được khóa dữ liệu. Hãy nhập mật khẩu của ứng dụng.',
    en: 'The data is not open yet: the OS keychain cannot open the data key. Enter the app passphrase.',
  });

/**
 * A core started on a folder whose database key only the passphrase can open now (the OS was
 * reinstalled, the folder came from another laptop): instead of a start-up error and no way out, the
 * window gets the lock screen. Until the passphrase is given it answers only what that screen needs
 * (defaults for the settings, no profile) and refuses the rest; the passphrase opens the key (and
 * the keychain seals it again), the database opens, and the same passphrase opens the signing key,
 * so it is typed once. From then on every call goes to the opened core. Wrong passphrases count
 * towards the same wait as the app lock's.
 */
export function createKeyRecoveryCore(base: CoreBase, open: (key: DatabaseKey) => Promise<Core>): Core {
  let opened: Core | null = null;
  let closed = false;
  // One passphrase at a time: a second press of "Mở khóa" waits for the first to finish.
  let turn: Promise<unknown> = Promise.resolve();

  const waiting = (): SecurityStatus => ({
    passphraseSet: true,
    locked: true,
    idleMinutes: defaultSettings['security.idleMinutes'],
    keyRecovery: true,
  });

  async function unlock(passphrase: string): Promise<SecurityStatus> {
    const justOpened = !opened;
    if (!opened) {
      refuseWhileWaiting(base.appLock);
      let key: DatabaseKey;
      try {
        key = await loadDatabaseKey(base.paths, { vault: base.options.sync?.vault, passphrase: async () => passphrase, encryptedDatabase: true });
      } catch (e) {
        if (e instanceof CoreError && e.code === 'UNAUTHORIZED') {
          base.appLock.failed();
          base.log.warn('wrong passphrase for the data key');
        }
        throw e;
      }
      opened = await open(key);
      base.log.info('data key opened with the passphrase');
    }
    const response = await opened.dispatch({ type: 'request', id: 0, method: 'security.unlock', input: { passphrase } }, 'ui');
    // Everything the window read while waiting (settings, profile) was a stand-in: read it again,
    // once the signing key is open too, so the status it reads back is the unlocked one.
    if (justOpened) base.events.emit('data.restored', { schemaVersion: latestSchemaVersion });
    if (response.ok) return response.result as SecurityStatus;
    // The signing key was sealed by an older passphrase: the data is open, the lock screen stays for that one.
    return (await opened.call('security.status', {})) as SecurityStatus;
  }

  const refuse = () => {
    throw notOpenYet();
  };
  const handlers = Object.fromEntries(Object.keys(methods).map((name) => [name, refuse])) as unknown as Handlers;
  Object.assign(handlers, {
    'security.status': waiting,
    'security.unlock': ({ passphrase }: MethodInput<'security.unlock'>) => {
      const result = turn.then(() => unlock(passphrase));
      turn = result.catch(() => undefined);
      return result;
    },
    'settings.getAll': () => defaultSettings,
    'profile.get': () => null,
  } satisfies Partial<Handlers>);
  const dispatchWaiting = createDispatcher({ handlers, log: base.log, isClosed: () => closed, isLocked: () => true });
  const dispatch: Core['dispatch'] = (request, access) => (opened ? opened.dispatch(request, access) : dispatchWaiting(request, access));
  let nextId = 1;

  return {
    dataDir: base.dataDir,
    databaseFile: base.databaseFile,
    paths: base.paths,
    blobAccess: () => opened?.blobAccess() ?? null,
    dispatch,
    async call(method, input) {
      const response = await dispatch({ type: 'request', id: nextId++, method, input }, 'local');
      if (response.ok) return response.result as never;
      throw new CoreError(response.error.code, response.error.message, response.error.details);
    },
    // The opened core emits on the same bus, so listeners carry over.
    subscribe: (listener) => base.events.subscribe(listener),
    idle: () => opened?.idle() ?? Promise.resolve(),
    async close() {
      if (closed) return;
      closed = true;
      await turn;
      if (opened) await opened.close();
      else {
        base.events.clear();
        await base.closeLog();
      }
    },
  };
}
