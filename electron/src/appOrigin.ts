/**
 * The renderer's own origin. Packaged builds serve the renderer from the privileged custom scheme
 * `vouch://app/` (a real, secure origin, unlike `file://`, whose origin is opaque); development may
 * point at the Vite dev server. Every trust decision (IPC sender, permissions, navigation) compares
 * parsed URLs against this, never string prefixes: `startsWith('vouch://app')` would accept
 * `vouch://app.evil/`.
 */
export interface AppOrigin {
  /** e.g. `vouch:` or `http:` */
  protocol: string;
  /** host including port, e.g. `app` or `localhost:5173` */
  host: string;
}

export const APP_SCHEME = 'vouch';
export const PACKAGED_ORIGIN: AppOrigin = { protocol: `${APP_SCHEME}:`, host: 'app' };
export const PACKAGED_ENTRY = `${APP_SCHEME}://app/index.html`;

export function parseUrl(raw: string | undefined | null): URL | undefined {
  if (!raw) return undefined;
  try {
    return new URL(raw);
  } catch {
    return undefined;
  }
}

/** Node's URL gives `origin === 'null'` for non-special schemes, so compare protocol and host. */
export function isAppUrl(raw: string | undefined | null, origin: AppOrigin): boolean {
  const url = parseUrl(raw);
  if (!url) return false;
  if (url.username || url.password) return false;
  return url.protocol === origin.protocol && url.host === origin.host;
}

/** The dev server origin, only for http(s) loopback URLs; anything else is refused. */
export function devOrigin(raw: string): AppOrigin | undefined {
  const url = parseUrl(raw);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return undefined;
  if (!['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) return undefined;
  return { protocol: url.protocol, host: url.host };
}
