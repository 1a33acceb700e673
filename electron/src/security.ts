import { parseUrl } from './appOrigin.js';

/**
 * Navigation and external-link policy, as pure functions the Electron wiring calls.
 * The popover never navigates: `will-navigate` is always prevented and `window.open` always denied.
 * The system browser is only ever sent to an allowlisted host (the tenant, the providers' consent
 * pages, see config.ts), after a real URL parse: https, or http only to this machine (the dev
 * tenant); never `file:`, `javascript:`, custom schemes, credentials, or a look-alike host.
 */
interface ExternalLinkPolicy {
  /** Exact `host[:port]` values (URL.host), lower case. */
  hosts: readonly string[];
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function externalUrlToOpen(raw: string, policy: ExternalLinkPolicy): string | undefined {
  const url = parseUrl(raw);
  if (!url) return undefined;
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) return undefined;
  if (url.username || url.password) return undefined;
  if (!policy.hosts.includes(url.host)) return undefined;
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

/**
 * `shell.openExternal` behind the policy: every caller (sign-in, connect, links the popover asks to
 * open) goes through this, and a refused URL is logged by origin only and never opened.
 */
export function createExternalOpener(
  policy: ExternalLinkPolicy,
  open: (url: string) => Promise<void>,
  log?: { warn(obj: Record<string, unknown>, msg: string): void },
): (url: string) => Promise<void> {
  return async (raw) => {
    const safe = externalUrlToOpen(raw, policy);
    if (!safe) {
      const url = parseUrl(raw);
      log?.warn({ protocol: url?.protocol, host: url?.host }, 'refused to open a URL outside the allowlist');
      throw new Error('vouch: refused to open a URL outside the allowlist');
    }
    await open(safe);
  };
}
