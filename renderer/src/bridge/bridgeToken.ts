const STORAGE_KEY = 'nghisu.bridgeToken';

/**
 * The browser host hands out its access token once, in `?token=` of the first URL. Keep it for this
 * tab only (sessionStorage survives reloads but not a new tab) and take it out of the address bar so
 * it is not left in history, bookmarks or screenshots.
 */
export function takeBridgeToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    try {
      window.sessionStorage.setItem(STORAGE_KEY, fromUrl);
    } catch {
      // Storage can be disabled; the token still works for this page load.
    }
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
    return fromUrl;
  }
  try {
    return window.sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}
