import { createAppLock, type AppLock } from './security/app-lock.ts';
import { createSecurityDomain } from './security/security-domain.ts';
import { existsSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type {
  Access,
  CoreEvent,
  foundationMethods,
  MethodInput,
  seedMethods,
  MethodName,
  MethodOutput,
  ResponseEnvelope,
} from '../../shared/contract/index.ts';
import { DATABASE_FILE } from './db/identity.ts';
import { latestSchemaVersion, migrations } from './db/migrations/index.ts';
import { isPlainDatabase, type DatabaseKey } from './db/database-cipher.ts';
import { openDatabase } from './db/open-database.ts';
import { loadDatabaseKey } from './security/database-key.ts';
import { canRecoverWithPassphrase, createKeyRecoveryCore } from './security/key-recovery.ts';
import { preparePrivateDataFolder } from './fs/private-modes.ts';
import { dataPaths, type DataPaths, type ServiceContext } from './context.ts';
import { createDispatcher, type Handlers } from './dispatch.ts';
import { createAnnotationsDomain } from './domains/annotations/index.ts';
import { createAuditDomain } from './domains/audit/index.ts';
import { createDirectoryDomain } from './domains/directory/index.ts';
import { createDocumentsDomain } from './domains/documents/index.ts';
import type { Domain } from './domains/domain.ts';
import { createMeetingsDomain } from './domains/meetings/index.ts';
import { createMinutesDomain } from './domains/minutes/index.ts';
import { createOpinionsDomain } from './domains/opinions/index.ts';
import { createPacksDomain } from './domains/packs/index.ts';
import { createPlansDomain } from './domains/plans/index.ts';
import { createLiveRoomDomain } from './domains/live-room/index.ts';
import { createReportsDomain } from './domains/reports/index.ts';
import { createTasksDomain } from './domains/tasks/index.ts';
import { createSyncDomain, type SyncHostOptions } from './domains/sync/index.ts';
import { createOutbox } from './domains/sync/outbox.ts';
import { createSeedService } from './seed/index.ts';
import { CoreError } from './errors.ts';
import { EventBus } from './events.ts';
import { createLogger, silentLogger, type Logger } from './logger.ts';
import { assertSupportedRuntime, type SqliteDatabase } from './runtime.ts';
import { createAppInfoService } from './services/app-info.ts';
import { createAuditLog, sealUnchainedEntries } from './services/audit.ts';
import { createBackupService } from './services/backup.ts';
import { createSettingsService } from './services/settings.ts';
import { blobKeyOf, type BlobAccess } from './files/blob-file.ts';

export interface CoreOptions {
  dataDir: string;
  appVersion?: string;
  /** Write logs to `<dataDir>/logs/core.log` (default true). */
  logToFile?: boolean;
  /** Liên thông: background passes and the OS keychain, from hosts that have them. */
  sync?: SyncHostOptions;
  /**
   * The app passphrase, asked only when the database key is sealed by a keychain this host cannot
   * use (the command line on the app's folder, a folder moved to another laptop).
   */
  passphrase?: () => Promise<string>;
  /**
   * A host with a window: when only the passphrase opens the data (the keychain lost it), start
   * anyway and wait for it on the lock screen (security.unlock) instead of refusing to start.
   */
  awaitPassphrase?: boolean;
}

export interface Core {
  readonly dataDir: string;
  readonly databaseFile: string;
  /** Folders hosts use to hand files over (staging for uploads, exports, blobs). */
  readonly paths: DataPaths;
  /**
   * Reads stored document files (encrypted at rest) for a host handing them to the user or the
   * reader; null while the data is locked or not open yet, so a locked app serves no document.
   */
  blobAccess(): BlobAccess | null;
  /** The one entry point for hosts: validates the envelope, access and input; never throws. */
  dispatch(request: unknown, access: Access): Promise<ResponseEnvelope>;
  /** Typed convenience for in-process clients (CLI, tests); throws CoreError. Calls with 'local' access. */
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  subscribe(listener: (event: CoreEvent) => void): () => void;
  /** Resolves once background work (notes being carried to a document's newer version) is done: for tests and scripts. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** Services bound to one open database; rebuilt when a restore swaps the file. */
function bindServices(db: SqliteDatabase, events: EventBus, log: Logger, paths: DataPaths, lock: AppLock, syncHost: SyncHostOptions, databaseKey: DatabaseKey) {
  sealUnchainedEntries(db);
  const audit = createAuditLog(db);
  const actor = db.prepare('SELECT id FROM profile LIMIT 1').pluck();
  const settings = createSettingsService({ db, audit, events, log });
  const ctx: ServiceContext = {
    db,
    audit,
    events,
    log,
    paths,
    actorId: () => (actor.get() as string | undefined) ?? null,
    now: () => new Date(),
    setting: (key) => settings.getAll()[key],
    lock,
    databaseKey,
  };
  const directory = createDirectoryDomain(ctx);
  const meetings = createMeetingsDomain(ctx);
  const documents = createDocumentsDomain(ctx);
  const packs = createPacksDomain(ctx, { directory, meetings, documents });
  const annotations = createAnnotationsDomain(ctx, { documents, directory });
  const auditTrail = createAuditDomain(ctx);
  const minutes = createMinutesDomain(ctx, { meetings, importIntoMeeting: documents.importPaths });
  const security = createSecurityDomain(ctx);
  const outbox = createOutbox(ctx);
  const tasks = createTasksDomain(ctx, { meetings, outbox });
  const opinions = createOpinionsDomain(ctx, { directory, documents });
  const sync = createSyncDomain(ctx, { outbox, documents, packs, opinions, host: syncHost });
  const plans = createPlansDomain(ctx);
  const reports = createReportsDomain(ctx, { tasks, plans, meetings, importIntoMeeting: documents.importPaths });
  const liveRoom = createLiveRoomDomain(ctx, { meetings, directory });
  const domains: Domain[] = [directory, meetings, documents, packs, annotations, auditTrail, minutes, security, tasks, sync, plans, reports, liveRoom, opinions];
  return {
    audit,
    settings,
    seed: createSeedService(ctx, documents),
    documents,
    domains,
    handlers: {
      ...directory.handlers,
      ...meetings.handlers,
      ...documents.handlers,
      ...packs.handlers,
      ...annotations.handlers,
      ...auditTrail.handlers,
      ...minutes.handlers,
      ...security.handlers,
      ...tasks.handlers,
      ...sync.handlers,
      ...reports.handlers,
      ...plans.handlers,
      ...liveRoom.handlers,
      ...opinions.handlers,
      // Checked here, not by the cast below: a domain left out of this list fails to compile.
    } satisfies Omit<Handlers, CoreMethod>,
    annotations,
    security,
  };
}

type Services = ReturnType<typeof bindServices>;

/** Methods the core itself handles (not a domain's). */
type CoreMethod = keyof typeof foundationMethods | keyof typeof seedMethods;

async function startDomains(services: Services): Promise<void> {
  for (const domain of services.domains) await domain.start?.();
}

async function closeDomains(services: Services, log: Logger): Promise<void> {
  for (const domain of services.domains) {
    try {
      await domain.close?.();
    } catch (err) {
      log.error({ err }, 'a domain failed to close');
    }
  }
}

export async function createCore(options: CoreOptions): Promise<Core> {
  assertSupportedRuntime();
  const dataDir = resolve(options.dataDir);
  const databaseFile = join(dataDir, DATABASE_FILE);
  const paths = dataPaths(dataDir);
  const appVersion = options.appVersion ?? '0.0.0';
  try {
    preparePrivateDataFolder(paths);
  } catch (e) {
    throw new CoreError(
      'IO_ERROR',
      { vi: `Không tạo được thư mục dữ liệu "${dataDir}".`, en: `Cannot create the data folder "${dataDir}".` },
      undefined,
      { cause: e },
    );
  }
  const logging = options.logToFile === false ? undefined : createLogger({ dir: join(dataDir, 'logs'), name: 'core' });
  const log = logging?.log ?? silentLogger();
  const events = new EventBus((err) => log.error({ err }, 'event listener failed'));
  const appLock = createAppLock();

  const base: CoreBase = { options, dataDir, databaseFile, paths, appVersion, log, closeLog: async () => logging?.close(), events, appLock };
  let databaseKey: DatabaseKey;
  try {
    const encryptedDatabase = existsSync(databaseFile) && statSync(databaseFile).size > 0 && !isPlainDatabase(databaseFile);
    databaseKey = await loadDatabaseKey(paths, { vault: options.sync?.vault, passphrase: options.passphrase, encryptedDatabase });
  } catch (e) {
    if (options.awaitPassphrase && canRecoverWithPassphrase(e, paths)) {
      log.warn('database key needs the passphrase; waiting for it on the lock screen');
      return createKeyRecoveryCore(base, (key) => openCore(base, key));
    }
    log.error({ code: (e as CoreError).code }, 'database refused');
    await logging?.close();
    throw e;
  }
  return openCore(base, databaseKey);
}

/** What a core has before its database is open: the folder, the log, the events, the lock. */
export interface CoreBase {
  options: CoreOptions;
  dataDir: string;
  databaseFile: string;
  paths: DataPaths;
  appVersion: string;
  log: Logger;
  closeLog: () => Promise<void>;
  events: EventBus;
  appLock: AppLock;
}

/** The core on its open database, from the key on. */
async function openCore(base: CoreBase, databaseKey: DatabaseKey): Promise<Core> {
  const { options, dataDir, databaseFile, paths, appVersion, log, events, appLock } = base;
  let db: SqliteDatabase;
  try {
    db = openDatabase(databaseFile, migrations, databaseKey).db;
  } catch (e) {
    log.error({ code: (e as CoreError).code }, 'database refused');
    await base.closeLog();
    throw e;
  }
  let services = bindServices(db, events, log, paths, appLock, options.sync ?? {}, databaseKey);
  try {
    await startDomains(services);
  } catch (e) {
    await closeDomains(services, log);
    db.close();
    await base.closeLog();
    throw e;
  }
  let closed = false;
  const getDb = () => db;

  const backup = createBackupService({
    databaseFile,
    paths,
    appVersion,
    latestSchemaVersion,
    getDb,
    databaseKey,
    async reopenAround(swap) {
      await closeDomains(services, log);
      // Fold the WAL into the file first, so the file alone holds every committed change.
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
      try {
        await swap();
      } finally {
        db = openDatabase(databaseFile, migrations, databaseKey).db;
        services = bindServices(db, events, log, paths, appLock, options.sync ?? {}, databaseKey);
        await startDomains(services);
      }
      return latestSchemaVersion;
    },
  });
  const appInfo = createAppInfoService({ getDb, appVersion, dataDir, databaseFile, latestSchemaVersion });

  /** Domain handlers are looked up per call, so a restore's rebuilt services take over at once. */
  const domainHandlers = Object.fromEntries(
    Object.keys(services.handlers).map((name) => [
      name,
      (input: never) => (services.handlers as Record<string, (input: never) => unknown>)[name]!(input),
    ]),
  ) as Omit<Handlers, CoreMethod>;
  const foundationHandlers: Pick<Handlers, CoreMethod> = {
    'seed.generate': (input: MethodInput<'seed.generate'>) => services.seed.generate(input),
    'app.info': () => appInfo.info(),
    'settings.getAll': () => services.settings.getAll(),
    'settings.set': (input: MethodInput<'settings.set'>) => services.settings.set(input),
    'settings.setAdmin': (input: MethodInput<'settings.setAdmin'>) => services.settings.set(input, { admin: true }),
    'backup.create': async (input: MethodInput<'backup.create'>) => {
      const result = await backup.create(input);
      services.audit.record({ action: 'backup.create', entity: 'backup', detail: { file: basename(result.file), bytes: result.bytes, sha256: result.sha256 } });
      return result;
    },
    'backup.restore': async (input: MethodInput<'backup.restore'>) => {
      const result = await backup.restore(input);
      // Recorded in the restored database: it is the log that goes on from here.
      services.audit.record({ action: 'backup.restore', entity: 'backup', detail: { file: basename(result.file), previousCopy: basename(result.previousCopy) } });
      log.info({ schemaVersion: result.schemaVersion }, 'database restored from backup');
      // The restored folder may hold another key or passphrase: what was opened no longer applies.
      appLock.lock();
      events.emit('security.changed', services.security.status());
      events.emit('data.restored', { schemaVersion: result.schemaVersion });
      return result;
    },
  };
  const handlers: Handlers = { ...domainHandlers, ...foundationHandlers };
  const dispatch = createDispatcher({ handlers, log, isClosed: () => closed, isLocked: () => services.security.locked() });
  let nextId = 1;
  log.info({ dataDir, appVersion }, 'core started');

  return {
    dataDir,
    databaseFile,
    paths,
    blobAccess: () => (closed || services.security.locked() ? null : { paths, key: blobKeyOf(databaseKey) }),
    dispatch,
    async call(method, input) {
      const response = await dispatch({ type: 'request', id: nextId++, method, input }, 'local');
      if (response.ok) return response.result as never;
      throw new CoreError(response.error.code, response.error.message, response.error.details);
    },
    subscribe: (listener) => events.subscribe(listener),
    idle: async () => {
      await services.documents.encryptionPass();
      await services.annotations.carry.idle();
    },
    async close() {
      if (closed) return;
      closed = true;
      events.clear();
      await closeDomains(services, log);
      db.close();
      log.info('core closed');
      await base.closeLog();
    },
  };
}
