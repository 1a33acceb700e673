/**
 * Per-client settings the dev tenant enforces as Auth0 does: exact Allowed Callback URLs and
 * multi-resource refresh-token policies.
 */

/** Auth0 `refresh_token.policies[]`: an audience and the scopes a refresh may ask for at it. */
export interface RefreshTokenPolicy {
  audience: string;
  scope: string[];
}

/**
 * The desktop app's default loopback ports; keep in step with electron/src/auth/loopback.ts
 * (`DEFAULT_LOOPBACK_PORTS`), and override both with VOUCH_LOOPBACK_PORTS.
 */
export const DEV_LOOPBACK_PORTS = [28271, 28272, 28273, 28274] as const;

/** `http://127.0.0.1:<port>/callback` for each port of a `VOUCH_LOOPBACK_PORTS`-style list (or the defaults). */
export function loopbackRedirectUris(ports?: string | readonly number[]): string[] {
  const list =
    typeof ports === 'string' && ports.trim()
      ? ports
          .split(',')
          .map((p) => Number(p.trim()))
          .filter((p) => Number.isInteger(p) && p > 0 && p < 65536)
      : Array.isArray(ports)
        ? ports
        : DEV_LOOPBACK_PORTS;
  return list.map((p) => `http://127.0.0.1:${p}/callback`);
}
