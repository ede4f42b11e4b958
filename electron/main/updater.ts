import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { app, dialog, net, type BrowserWindow, type MessageBoxOptions } from 'electron';
import type { AppUpdater, UpdateInfo } from 'electron-updater';
import { APP_NAME } from '../../shared/app.ts';
import { isAllowedUpdateUrl } from '../../shared/contract/settings.ts';
import type { Logger } from '../core/logger.ts';
import {
  fetchVerifiedMetadata,
  isCoveredBySignature,
  metadataFileName,
  UpdateRefused,
  type VerifiedMetadata,
} from '../core/updates/metadata-signature.ts';

export interface UpdaterDeps {
  log: Logger;
  getWindow: () => BrowserWindow | null;
  /** Updates only make sense for an installed build; electron-updater refuses otherwise anyway. */
  enabled: boolean;
}

export interface Updater {
  /** Feed URL from the `updates.url` setting; '' turns updates off. A new URL triggers one check. */
  setFeedUrl(url: string): void;
}

function describe(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}`.slice(0, 500) : String(err).slice(0, 500);
}

/**
 * Updates are the IT administrator's decision (they set the URL) and the user's (they consent to each
 * one). Every failure — no network, a bad URL, a bad signature, a broken file — is logged and dropped:
 * an updater must never take the app down or nag.
 */
export function createUpdater({ log, getWindow, enabled }: UpdaterDeps): Updater {
  let feedUrl = '';
  let updater: AppUpdater | undefined;
  let busy = false;
  let downloaded = false;
  const askedVersions = new Set<string>();
  /** The signed metadata of the last check; electron-updater may act only on what it covers. */
  let verified: VerifiedMetadata | null = null;

  async function ask(options: MessageBoxOptions): Promise<number> {
    const win = getWindow();
    const box = { noLink: true, title: `Cập nhật ${APP_NAME}`, ...options };
    const result = win && !win.isDestroyed() ? await dialog.showMessageBox(win, box) : await dialog.showMessageBox(box);
    return result.response;
  }

  async function load(): Promise<AppUpdater> {
    if (updater) return updater;
    // Loaded on first use so development runs and update-less installs never touch it.
    const { default: electronUpdater } = await import('electron-updater');
    const u = electronUpdater.autoUpdater;
    u.autoDownload = false;
    u.autoInstallOnAppQuit = false;
    u.allowDowngrade = false;
    u.logger = {
      info: (m?: unknown) => log.info({ src: 'updater' }, String(m)),
      warn: (m?: unknown) => log.warn({ src: 'updater' }, String(m)),
      error: (m?: unknown) => log.error({ src: 'updater' }, String(m)),
    };
    u.on('error', (err) => log.warn({ err: describe(err) }, 'update failed'));
    u.on('update-available', (info) => void offer(u, info));
    u.on('update-downloaded', (info) => void offerRestart(u, info));
    updater = u;
    return u;
  }

  async function offer(u: AppUpdater, info: UpdateInfo): Promise<void> {
    if (!verified || !isCoveredBySignature(info, verified)) {
      log.warn({ version: info.version }, 'update refused: not covered by the signed metadata');
      return;
    }
    // One question per version per session, whatever the number of checks.
    if (askedVersions.has(info.version)) return;
    askedVersions.add(info.version);
    const choice = await ask({
      type: 'question',
      message: `Đã có phiên bản ${info.version}. Tải về và cài đặt?`,
      detail: `Phiên bản đang dùng: ${app.getVersion()}.`,
      buttons: ['Tải về và cài đặt', 'Để sau'],
      defaultId: 0,
      cancelId: 1,
    });
    if (choice !== 0) {
      log.info({ version: info.version }, 'update declined');
      return;
    }
    log.info({ version: info.version }, 'update accepted; downloading');
    // The user has now consented to installing this version, so it may also go in when they quit.
    u.autoInstallOnAppQuit = true;
    busy = true;
    try {
      await u.downloadUpdate();
    } catch (err) {
      log.warn({ err: describe(err) }, 'update download failed');
    } finally {
      busy = false;
    }
  }

  async function offerRestart(u: AppUpdater, info: UpdateInfo): Promise<void> {
    downloaded = true;
    const choice = await ask({
      type: 'info',
      message: `Đã tải xong phiên bản ${info.version}.`,
      detail: 'Khởi động lại ngay để cài đặt, hoặc để sau: bản cập nhật sẽ được cài khi bạn thoát ứng dụng.',
      buttons: ['Khởi động lại ngay', 'Để sau'],
      defaultId: 0,
      cancelId: 1,
    });
    if (choice !== 0) return;
    log.info({ version: info.version }, 'restarting to install the update');
    try {
      // Silent: the installer keeps the existing per-user/per-machine choice and folder.
      u.quitAndInstall(true, true);
    } catch (err) {
      log.warn({ err: describe(err) }, 'could not start the installer');
    }
  }

  async function check(url: string): Promise<void> {
    if (busy || downloaded) return;
    busy = true;
    try {
      verified = null;
      // Shipped inside the asar (electron-builder.yml `files`), covered by the integrity fuse.
      const publicKeyPem = await readFile(join(app.getAppPath(), 'resources', 'update-signing-key.pem'), 'utf8');
      verified = await fetchVerifiedMetadata({
        feedUrl: url,
        fileName: metadataFileName(process.platform, process.arch),
        publicKeyPem,
        fetch: (input, init) => net.fetch(input, init),
      });
      const u = await load();
      u.setFeedURL({ provider: 'generic', url });
      await u.checkForUpdates();
    } catch (err) {
      if (err instanceof UpdateRefused) log.warn({ reason: err.reason }, 'update metadata refused');
      else log.warn({ err: describe(err) }, 'update check failed');
    } finally {
      busy = false;
    }
    // The administrator changed the URL while this check ran: the new one deserves its own check.
    if (feedUrl !== url && feedUrl !== '' && !busy && !downloaded) void check(feedUrl);
  }

  return {
    setFeedUrl(url) {
      const next = url.trim();
      if (next === feedUrl) return;
      feedUrl = next;
      if (!enabled || next === '') return;
      // The setting's schema already says so; a database edited by hand must not get around it.
      if (!isAllowedUpdateUrl(next)) {
        log.warn({ origin: safeOrigin(next) }, 'update feed refused: not https');
        return;
      }
      log.info({ origin: safeOrigin(next) }, 'checking for updates');
      void check(next);
    },
  };
}

function safeOrigin(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
