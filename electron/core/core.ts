import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type {
  Access,
  CoreEvent,
  MethodInput,
  MethodName,
  MethodOutput,
  ResponseEnvelope,
} from '../../shared/contract/index.ts';
import { DATABASE_FILE } from './db/identity.ts';
import { latestSchemaVersion, migrations } from './db/migrations/index.ts';
import { openDatabase } from './db/open-database.ts';
import { createDispatcher, type Handlers } from './dispatch.ts';
import { CoreError } from './errors.ts';
import { EventBus } from './events.ts';
import { createLogger, silentLogger, type Logger } from './logger.ts';
import { assertSupportedRuntime, type SqliteDatabase } from './runtime.ts';
import { createAppInfoService } from './services/app-info.ts';
import { createAuditLog } from './services/audit.ts';
import { createBackupService } from './services/backup.ts';
import { createSettingsService } from './services/settings.ts';

export interface CoreOptions {
  dataDir: string;
  appVersion?: string;
  /** Write logs to `<dataDir>/logs/core.log` (default true). */
  logToFile?: boolean;
}

export interface Core {
  readonly dataDir: string;
  readonly databaseFile: string;
  /** The one entry point for hosts: validates the envelope, access and input; never throws. */
  dispatch(request: unknown, access: Access): Promise<ResponseEnvelope>;
  /** Typed convenience for in-process clients (CLI, tests); throws CoreError. Calls with 'local' access. */
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  subscribe(listener: (event: CoreEvent) => void): () => void;
  close(): Promise<void>;
}

/** Services bound to one open database; rebuilt when a restore swaps the file. */
function bindServices(db: SqliteDatabase, events: EventBus, log: Logger) {
  const audit = createAuditLog(db);
  return { settings: createSettingsService({ db, audit, events, log }) };
}

export async function createCore(options: CoreOptions): Promise<Core> {
  assertSupportedRuntime();
  const dataDir = resolve(options.dataDir);
  const databaseFile = join(dataDir, DATABASE_FILE);
  const appVersion = options.appVersion ?? '0.0.0';
  try {
    mkdirSync(dataDir, { recursive: true });
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

  let db: SqliteDatabase;
  try {
    db = openDatabase(databaseFile, migrations).db;
  } catch (e) {
    log.error({ code: (e as CoreError).code }, 'database refused');
    await logging?.close();
    throw e;
  }
  let services = bindServices(db, events, log);
  let closed = false;
  const getDb = () => db;

  const backup = createBackupService({
    databaseFile,
    dataDir,
    latestSchemaVersion,
    getDb,
    reopenAround(swap) {
      // Fold the WAL into the file first, so the file alone holds every committed change.
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
      try {
        swap();
      } finally {
        db = openDatabase(databaseFile, migrations).db;
        services = bindServices(db, events, log);
      }
      return latestSchemaVersion;
    },
  });
  const appInfo = createAppInfoService({ getDb, appVersion, dataDir, databaseFile, latestSchemaVersion });

  const handlers: Handlers = {
    'app.info': () => appInfo.info(),
    'settings.getAll': () => services.settings.getAll(),
    'settings.set': (input: MethodInput<'settings.set'>) => services.settings.set(input),
    'backup.create': (input: MethodInput<'backup.create'>) => backup.create(input),
    'backup.restore': async (input: MethodInput<'backup.restore'>) => {
      const result = await backup.restore(input);
      log.info({ schemaVersion: result.schemaVersion }, 'database restored from backup');
      events.emit('data.restored', { schemaVersion: result.schemaVersion });
      return result;
    },
  };
  const dispatch = createDispatcher({ handlers, log, isClosed: () => closed });
  let nextId = 1;
  log.info({ dataDir, appVersion }, 'core started');

  return {
    dataDir,
    databaseFile,
    dispatch,
    async call(method, input) {
      const response = await dispatch({ type: 'request', id: nextId++, method, input }, 'local');
      if (response.ok) return response.result as never;
      throw new CoreError(response.error.code, response.error.message, response.error.details);
    },
    subscribe: (listener) => events.subscribe(listener),
    async close() {
      if (closed) return;
      closed = true;
      events.clear();
      db.close();
      log.info('core closed');
      await logging?.close();
    },
  };
}
