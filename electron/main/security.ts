import { app, dialog, shell, BrowserWindow, type Session, type WebContents } from 'electron';
import type { Logger } from '../core/logger.ts';
import { decideExternalLink, linkQuestion, OPEN_BUTTON } from './external-links.ts';
import { originOf, type OriginPolicy } from './trust.ts';

/**
 * Nothing the page asks for is granted: no camera, microphone, notifications, geolocation, devices,
 * clipboard reads… If a feature ever needs one, it gets a named exception here, reviewed in ADR 0002.
 */
export function hardenSession(ses: Session, policy: OriginPolicy, log: Logger): void {
  ses.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn({ permission }, 'permission request denied');
    callback(false);
  });
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  // The spellchecker would download dictionaries from Google's CDN; the app works offline.
  ses.setSpellCheckerEnabled(false);
  // CSP already blocks remote loads; this stops them a second time at the network layer, for any
  // request a page makes (main-process and updater requests carry no webContents and pass).
  ses.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] }, (details, callback) => {
    const fromPage = details.webContentsId !== undefined;
    // Vite's hot reload socket in development shares the dev server's host.
    const asHttp = details.url.replace(/^ws(s?):/, 'http$1:');
    const allowed = !fromPage || policy.isTrusted(asHttp);
    if (!allowed) log.warn({ origin: originOf(details.url), type: details.resourceType }, 'remote request blocked');
    callback({ cancel: !allowed });
  });
}

/**
 * Nothing leaves the app on the page's say-so: http(s) and mailto links are shown in full in a native
 * question and opened only on "Mở"; every other scheme is refused without asking.
 */
async function openExternally(url: string, opener: WebContents, log: Logger): Promise<void> {
  const decision = decideExternalLink(url);
  if (decision.action === 'deny') {
    log.warn({ reason: decision.reason, scheme: decision.scheme }, 'refused to open a link');
    return;
  }
  const parent = BrowserWindow.fromWebContents(opener);
  const question = linkQuestion(decision.url);
  const { response } = parent && !parent.isDestroyed() ? await dialog.showMessageBox(parent, question) : await dialog.showMessageBox(question);
  if (response !== OPEN_BUTTON) {
    log.info({ scheme: decision.scheme }, 'external link declined');
    return;
  }
  await shell.openExternal(decision.url).catch((err: unknown) => log.warn({ err }, 'could not open an external link'));
}

/**
 * Applied to every webContents the app ever creates, so a window added later cannot forget a rule:
 * no navigation away from the app, no new windows (web links go to the system browser after the user agrees), no webviews.
 */
export function guardAllWebContents(policy: OriginPolicy, log: Logger): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-frame-navigate', (event) => {
      if (policy.isTrusted(event.url)) return;
      // Blank and srcdoc subframes inherit our own origin (print previews use them).
      if (!event.isMainFrame && (event.url === 'about:blank' || event.url === 'about:srcdoc')) return;
      event.preventDefault();
      log.warn({ origin: originOf(event.url), mainFrame: event.isMainFrame }, 'navigation blocked');
    });
    contents.on('will-redirect', (event) => {
      if (policy.isTrusted(event.url)) return;
      event.preventDefault();
      log.warn({ origin: originOf(event.url) }, 'redirect blocked');
    });
    contents.on('will-attach-webview', (event) => {
      event.preventDefault();
      log.warn('webview attach blocked');
    });
    contents.setWindowOpenHandler(({ url }) => {
      void openExternally(url, contents, log);
      return { action: 'deny' };
    });
  });
}
