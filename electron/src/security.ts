import { type AppOrigin, isAppUrl, parseUrl } from './appOrigin.js';

/**
 * Navigation and external-link policy, as pure functions the Electron wiring calls.
 * The popover never navigates: `will-navigate` is always prevented and `window.open` always denied.
 * A link the user clicked may still be shown in the system browser, but only http(s) URLs after a
 * real URL parse: never `file:`, `javascript:`, custom schemes or anything with credentials.
 */
export function externalUrlToOpen(raw: string): string | undefined {
  const url = parseUrl(raw);
  if (!url) return undefined;
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (url.username || url.password) return undefined;
  return url.toString();
}

/** The Content-Security-Policy header sent with every renderer response. */
export function contentSecurityPolicy(backendOrigins: string[]): string {
  const connect = ["'self'", ...backendOrigins].join(' ');
  return [
    "default-src 'none'",
    "script-src 'self'",
    // React sets inline style attributes; no inline <style>/<script> is otherwise needed.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${connect}`,
    "media-src 'self' blob:",
    // The AudioWorklet module is loaded from the app's own origin.
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Whether a response belongs to the renderer (and so gets the CSP); exported for tests. */
export function isRendererResponse(url: string, origin: AppOrigin): boolean {
  return isAppUrl(url, origin);
}
