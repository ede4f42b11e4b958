/**
 * Electron main: wires the pieces together and owns the app's lifecycle. Everything that touches data
 * runs in the core's utility process; this process only hosts the window and checks what crosses IPC.
 */
import { join } from 'node:path';
import { app, Menu, safeStorage, session, utilityProcess, type BrowserWindow } from 'electron';
import { APP_ID } from '../../shared/app.ts';
import { RENDERER_JS_FLAGS } from '../../shared/renderer-flags.ts';
import type { Settings } from '../../shared/contract/index.ts';
import { createLogger, silentLogger, type Logger } from '../core/logger.ts';
import { HOST_OPTION_APP_VERSION, HOST_OPTION_DATA_DIR } from '../utility/protocol.ts';
import { registerAppScheme, serveAppProtocol } from './app-protocol.ts';
import { CoreProcess, CoreStartError, type ChildProcessLike } from './core-process.ts';
import { resolveDataDir } from './data-dir.ts';
import { showAbout, showFatal, showStartupFailure } from './dialogs.ts';
import { dataPaths } from '../core/context.ts';
import { registerFileHandover } from './file-handover.ts';
import { forwardEvent, registerInvokeHandler } from './ipc.ts';
import { buildMenu } from './menu.ts';
import { guardAllWebContents, hardenSession } from './security.ts';
import { createOriginPolicy } from './trust.ts';
import { createUpdater } from './updater.ts';
import { registerProjectorWindow } from './projector-window.ts';
import { createMainWindow } from './window.ts';

// This file is the entry chunk, so its own folder is out/main whatever the bundler does with the rest.
const here = import.meta.dirname;
const isDev = !app.isPackaged;
const isMac = process.platform === 'darwin';
// A packaged build ignores the variable: an environment must not be able to point the window elsewhere.
const devServerUrl = isDev ? process.env['ELECTRON_RENDERER_URL'] : undefined;
const UPDATE_CHECK_DELAY_MS = 10_000;

// --- Before `ready`: these calls are refused afterwards. ---
registerAppScheme();
app.enableSandbox();
app.commandLine.appendSwitch('js-flags', RENDERER_JS_FLAGS.join(' '));
const dataDirChoice = resolveDataDir({ argv: process.argv, env: process.env, fallback: () => app.getPath('userData') });
const dataDir = dataDirChoice.dir;
// The single-instance lock lives in userData, so each data folder is its own instance (tests run in
// parallel, an administrator can open a second profile); Chromium's caches go to a subfolder.
if (dataDirChoice.source !== 'default') app.setPath('userData', dataDir);
app.setPath('sessionData', join(dataDir, 'chromium'));
if (process.platform === 'win32') app.setAppUserModelId(APP_ID);

if (!app.requestSingleInstanceLock()) {
  // The first instance receives 'second-instance' and comes to the front.
  app.quit();
} else {
  void main();
}

function openLog(): { log: Logger; close: () => Promise<void> } {
  try {
    return createLogger({ dir: join(dataDir, 'logs'), name: 'main' });
  } catch {
    // An unwritable data folder is reported by the core's own start-up error; do not fail twice.
    return { log: silentLogger(), close: async () => {} };
  }
}

async function main(): Promise<void> {
  const { log, close: closeLog } = openLog();
  log.info(
    { version: app.getVersion(), electron: process.versions.electron, packaged: app.isPackaged, dataDirSource: dataDirChoice.source },
    'starting',
  );
  process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled rejection'));
  process.on('uncaughtException', (err) => log.fatal({ err }, 'uncaught exception'));

  const policy = createOriginPolicy(devServerUrl);
  let win: BrowserWindow | null = null;
  const getWindow = () => win;
  // The projector's window, when open: a second window of ours, trusted like the main one.
  const others = new Set<BrowserWindow>();
  const getWindows = () => [...(win ? [win] : []), ...others];
  let stopped = false;
  // Set once the file hand-over is registered; until then there is nothing to sweep.
  let sweepOpenCopiesAtQuit: () => Promise<void> = async () => {};
  const updater = createUpdater({ log, getWindow, enabled: app.isPackaged });
  const core = new CoreProcess({
    spawn: () => forkCoreHost(log),
    log,
    onEvent(event) {
      forwardEvent(getWindows(), policy, event);
      if (event.event === 'settings.changed' && event.payload.key === 'updates.url') {
        updater.setFeedUrl(event.payload.settings['updates.url']);
      }
    },
    onFatal(error) {
      showFatal(error);
      app.quit();
    },
    // The sync client secret is sealed by the OS keychain; only main may use safeStorage.
    vault: {
      seal(text) {
        if (!safeStorage.isEncryptionAvailable()) throw new Error('the OS keychain is not available');
        return safeStorage.encryptString(text).toString('base64');
      },
      open(sealed) {
        return safeStorage.decryptString(Buffer.from(sealed, 'base64'));
      },
    },
  });

  app.on('second-instance', () => {
    if (!win || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });
  app.on('window-all-closed', () => {
    if (!isMac) app.quit();
  });
  // Closes the database cleanly before the process goes, whoever asked to quit (menu, updater, OS).
  app.on('will-quit', (event) => {
    if (stopped) return;
    event.preventDefault();
    void (async () => {
      await core.stop();
      await sweepOpenCopiesAtQuit().catch(() => undefined);
      log.info('stopped');
      log.level = 'silent';
      await closeLog();
      stopped = true;
      app.quit();
    })();
  });
  guardAllWebContents(policy, log);

  await app.whenReady();
  hardenSession(session.defaultSession, policy, log);
  serveAppProtocol(join(here, '../renderer'));
  Menu.setApplicationMenu(buildMenu({ isDev, isMac, onAbout: () => showAbout(win, dataDir) }));

  // Everything the window calls is registered before it opens; calls made while the core starts
  // wait for it (CoreProcess queues them), so the window can open at once.
  registerInvokeHandler({ getWindow, getWindows, policy, log, callUi: (method, input) => core.call(method, input, 'ui') });
  registerProjectorWindow({
    getWindow,
    getWindows,
    policy,
    log,
    create: (options) => createMainWindow({ preloadPath: join(here, '../preload/index.cjs'), devServerUrl, isDev, log, ...options }),
    onOpened(created) {
      others.add(created);
      created.on('closed', () => others.delete(created));
    },
  });
  const fileHandover = registerFileHandover({
    getWindow,
    getWindows,
    policy,
    log,
    paths: dataPaths(dataDir),
    gate: (request) => core.call('documents.handOver', request, 'ui'),
    blobKey: () => core.blobKey(),
  });
  sweepOpenCopiesAtQuit = fileHandover.sweep;
  // Copies left by the last run (a crash, a program that held one open) go before anything new opens.
  await fileHandover.sweep().catch((err: unknown) => log.warn({ err }, 'could not sweep open copies'));
  const openWindow = () => {
    const created = createMainWindow({ preloadPath: join(here, '../preload/index.cjs'), devServerUrl, isDev, log });
    created.on('closed', () => {
      if (win === created) win = null;
    });
    win = created;
  };
  // The window first: the first start after an update can take minutes (the database encrypted and
  // migrated), and the window says so (renderer CoreGate) instead of nothing appearing at all.
  // Started before the window exists, so the window's first call finds it starting, not idle.
  const started = core.start();
  openWindow();

  try {
    await started;
  } catch (err) {
    const payload =
      err instanceof CoreStartError
        ? err.payload
        : { code: 'INTERNAL' as const, message: { vi: 'Không khởi động được phần xử lý dữ liệu.', en: 'The data engine did not start.' } };
    showStartupFailure(payload, dataDir);
    app.quit();
    return;
  }

  app.on('activate', () => {
    if (!win) openWindow();
  });

  if (app.isPackaged) {
    setTimeout(() => {
      void core.call('settings.getAll', {}, 'ui').then((outcome) => {
        if (outcome.ok) updater.setFeedUrl((outcome.result as Settings)['updates.url'] ?? '');
      });
    }, UPDATE_CHECK_DELAY_MS);
  }
}

function forkCoreHost(log: Logger): ChildProcessLike {
  const child = utilityProcess.fork(
    join(here, 'core-host.js'),
    [`--${HOST_OPTION_DATA_DIR}`, dataDir, `--${HOST_OPTION_APP_VERSION}`, app.getVersion()],
    // Development shows the core's output in the terminal; an installed app keeps stderr for the log.
    { serviceName: 'Nghị Sự core', stdio: isDev ? 'inherit' : ['ignore', 'ignore', 'pipe'] },
  );
  child.stderr?.on('data', (chunk: Buffer) => log.warn({ stderr: chunk.toString('utf8').slice(0, 2000) }, 'core stderr'));
  return child;
}
