import { app, dialog, type BrowserWindow } from 'electron';
import { APP_NAME } from '../../shared/app.ts';
import type { ErrorPayload } from '../../shared/contract/index.ts';

/**
 * The core's own Vietnamese message, plus what IT support will ask for. The app never offers to
 * "repair" a database it refused: that decision belongs to a person with a backup.
 */
export function showStartupFailure(error: ErrorPayload, dataDir: string): void {
  dialog.showErrorBox(
    `${APP_NAME} không khởi động được`,
    `${error.message.vi}\n\nThư mục dữ liệu: ${dataDir}\nMã lỗi: ${error.code}`,
  );
}

export function showFatal(error: ErrorPayload): void {
  dialog.showErrorBox(`${APP_NAME} gặp sự cố`, `${error.message.vi}\n\nMã lỗi: ${error.code}`);
}

export function showAbout(win: BrowserWindow | null, dataDir: string): void {
  const v = process.versions;
  const options = {
    type: 'info' as const,
    title: `Giới thiệu ${APP_NAME}`,
    message: `${APP_NAME} ${app.getVersion()}`,
    detail:
      'Họp không giấy và điều hành Ban Chỉ đạo, chạy ngoại tuyến trên máy của cán bộ.\n\n' +
      `Electron ${v.electron} · Chromium ${v.chrome} · Node.js ${v.node}\n` +
      `Thư mục dữ liệu: ${dataDir}`,
    buttons: ['Đóng'],
    noLink: true,
  };
  void (win && !win.isDestroyed() ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
}
