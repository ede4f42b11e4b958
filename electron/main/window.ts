import { BrowserWindow, dialog, type Rectangle } from 'electron';
import { APP_NAME, APP_ORIGIN } from '../../shared/app.ts';
import type { Logger } from '../core/logger.ts';

export interface MainWindowOptions {
  preloadPath: string;
  /** electron-vite's dev server; undefined in a built app, which loads app://nghisu instead. */
  devServerUrl: string | undefined;
  isDev: boolean;
  log: Logger;
  /** A hash route to open at (the projector's), instead of the app's start. */
  route?: string;
  /** Where the window goes (the projector's display) and whether it fills it. */
  bounds?: Rectangle;
  fullscreen?: boolean;
}

export function createMainWindow({ preloadPath, devServerUrl, isDev, log, route, bounds, fullscreen }: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    title: APP_NAME,
    width: 1366,
    height: 860,
    ...(bounds ?? {}),
    fullscreen: fullscreen === true,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      plugins: false,
      experimentalFeatures: false,
      enableWebSQL: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      // Packaged builds have no DevTools at all; the smoke test and development run unpackaged.
      devTools: isDev,
    },
  });

  win.once('ready-to-show', () => win.show());

  win.webContents.on('did-fail-load', (_event, code, description, _url, isMainFrame) => {
    if (isMainFrame) log.error({ code, description }, 'window failed to load');
  });

  win.webContents.on('render-process-gone', (_event, details) => {
    log.error({ reason: details.reason, exitCode: details.exitCode }, 'renderer process gone');
    if (details.reason === 'clean-exit' || win.isDestroyed()) return;
    const choice = dialog.showMessageBoxSync(win, {
      type: 'error',
      title: APP_NAME,
      message: 'Cửa sổ Nghị Sự gặp sự cố và đã dừng.',
      detail: 'Dữ liệu đã lưu không bị ảnh hưởng. Bấm "Tải lại" để mở lại cửa sổ.',
      buttons: ['Tải lại', 'Đóng ứng dụng'],
      defaultId: 0,
      cancelId: 1,
      noLink: true,
    });
    if (choice === 0) win.webContents.reload();
    else win.close();
  });

  win.on('unresponsive', () => log.warn('window unresponsive'));

  const url = `${devServerUrl ?? `${APP_ORIGIN}/index.html`}${route ? `#${route}` : ''}`;
  win.loadURL(url).catch((err: unknown) => log.error({ err }, 'loadURL failed'));
  return win;
}
