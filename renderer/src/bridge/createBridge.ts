import type { PreloadBridge } from '../../../shared/contract/index.ts';
import type { AppBridge } from './AppBridge.ts';
import { takeBridgeToken } from './bridgeToken.ts';
import { createPreloadBridge } from './preloadBridge.ts';
import { createSocketBridge } from './socketBridge.ts';

declare global {
  interface Window {
    /** Present only inside Electron, exposed by the preload script. */
    bridge?: PreloadBridge;
  }
}

/** Electron's preload when it is there; otherwise the browser host's WebSocket on the page's own origin. */
export function createBridge(): AppBridge {
  if (window.bridge) return createPreloadBridge(window.bridge);
  const token = takeBridgeToken();
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  const url = token ? `${scheme}://${window.location.host}/bridge?token=${encodeURIComponent(token)}` : null;
  return createSocketBridge({ url, http: token ? { origin: window.location.origin, token } : undefined });
}
