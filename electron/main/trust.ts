import { APP_ORIGIN } from '../../shared/app.ts';

/**
 * `new URL('app://nghisu/x').origin` is the string "null" in Node, because Node does not know our
 * scheme is registered as standard; build the origin from scheme and host instead.
 */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  // Credentials in a URL are a classic way to make an origin check read the wrong part.
  if (parsed.username || parsed.password || !parsed.host) return null;
  return `${parsed.protocol}//${parsed.host.toLowerCase()}`;
}

export interface OriginPolicy {
  /** True only for pages of this app: app://nghisu, or the electron-vite dev server in development. */
  isTrusted(url: string): boolean;
  readonly origins: readonly string[];
}

export function createOriginPolicy(devServerUrl?: string): OriginPolicy {
  const origins = [APP_ORIGIN];
  const dev = devServerUrl ? originOf(devServerUrl) : null;
  if (dev) origins.push(dev);
  return {
    origins,
    isTrusted(url) {
      const origin = originOf(url);
      return origin !== null && origins.includes(origin);
    },
  };
}
