import { Menu, type MenuItemConstructorOptions } from 'electron';
import { APP_NAME } from '../../shared/app.ts';

export interface MenuOptions {
  isDev: boolean;
  isMac: boolean;
  onAbout: () => void;
}

/**
 * Electron's default menu is English and offers DevTools and reload to everyone; this one is
 * Vietnamese and keeps the developer items to unpackaged runs. Zoom stays: members read long PDFs.
 */
export function buildMenu({ isDev, isMac, onAbout }: MenuOptions): Menu {
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  const macApp: MenuItemConstructorOptions[] = isMac
    ? [
        {
          label: APP_NAME,
          submenu: [
            { label: `Giới thiệu ${APP_NAME}`, click: onAbout },
            separator,
            { role: 'hide', label: `Ẩn ${APP_NAME}` },
            { role: 'hideOthers', label: 'Ẩn các ứng dụng khác' },
            { role: 'unhide', label: 'Hiện tất cả' },
            separator,
            { role: 'quit', label: `Thoát ${APP_NAME}` },
          ],
        },
      ]
    : [];
  const template: MenuItemConstructorOptions[] = [
    ...macApp,
    {
      label: 'Tệp',
      submenu: [isMac ? { role: 'close', label: 'Đóng cửa sổ' } : { role: 'quit', label: 'Thoát', accelerator: 'Ctrl+Q' }],
    },
    {
      label: 'Chỉnh sửa',
      submenu: [
        { role: 'undo', label: 'Hoàn tác' },
        { role: 'redo', label: 'Làm lại' },
        separator,
        { role: 'cut', label: 'Cắt' },
        { role: 'copy', label: 'Sao chép' },
        { role: 'paste', label: 'Dán' },
        { role: 'selectAll', label: 'Chọn tất cả' },
      ],
    },
    {
      label: 'Xem',
      submenu: [
        ...(isDev
          ? ([
              { role: 'reload', label: 'Tải lại' },
              { role: 'forceReload', label: 'Tải lại (bỏ bộ nhớ đệm)' },
              { role: 'toggleDevTools', label: 'Công cụ phát triển' },
              separator,
            ] satisfies MenuItemConstructorOptions[])
          : []),
        { role: 'resetZoom', label: 'Cỡ hiển thị mặc định' },
        { role: 'zoomIn', label: 'Phóng to' },
        { role: 'zoomOut', label: 'Thu nhỏ' },
        separator,
        { role: 'togglefullscreen', label: 'Toàn màn hình' },
      ],
    },
    {
      label: 'Trợ giúp',
      submenu: [{ label: 'Giới thiệu', click: onAbout }],
    },
  ];
  return Menu.buildFromTemplate(template);
}
