import * as oidc from 'openid-client';
import { VouchError, type VouchErrorOptions } from '../../../backend/src/protocol/vouchError.js';
import type { ConnectProgress } from '../bridge/contract.js';
import { openLoopback, type LoopbackTimers } from './loopback.js';
import type { CompleteResponse, MyAccountClient } from './myAccount.js';

/**
 * Connected Accounts, the desktop way: `connect` (with a PKCE challenge and our `state`) → the
 * system browser at `connect_uri?ticket=…` → the provider's consent → back to our loopback listener
 * with `connect_code` and the same `state` → `complete` (with the verifier). Only after `complete`
 * succeeded does the caller tell the backend `account_connected`. The provider's tokens never come
 * here: they go from the provider to the tenant's Token Vault.
 */
export class ConnectError extends VouchError {
  declare readonly code: `CONNECT_${Uppercase<ConnectError['reason']>}`;
  override name = 'ConnectError';
  constructor(
    readonly reason: 'denied' | 'bad_callback' | 'bad_connect_uri',
    message: string,
    options?: VouchErrorOptions,
  ) {
    super(message, { ...options, code: `CONNECT_${reason.toUpperCase()}` });
  }
}

interface ConnectAccountOptions {
  provider: ConnectProgress['provider'];
  connection: string;
  scopes?: string[];
  myAccount: MyAccountClient;
  openExternal(url: string): Promise<void>;
  onProgress?(p: ConnectProgress): void;
  timeoutMs?: number;
  timers?: LoopbackTimers;
  signal?: AbortSignal;
  /** Allow an http `connect_uri` (loopback dev tenant only). */
  allowHttp?: boolean;
  /** Loopback ports to try (default: VOUCH_LOOPBACK_PORTS or the defaults). */
  loopbackPorts?: readonly number[];
  /**
   * The provider account the person picked (an email); passed as `login_hint` so a connection can
   * hold several accounts and the consent page opens on the right one.
   */
  loginHint?: string;
}

export async function connectAccount(opts: ConnectAccountOptions): Promise<CompleteResponse> {
  const verifier = oidc.randomPKCECodeVerifier();
  const challenge = await oidc.calculatePKCECodeChallenge(verifier);
  const state = oidc.randomState();
  // The sign-in callback is reused (as nextjs-auth0 does): the tenant checks the connect redirect
  // against the application's Allowed Callback URLs, and only `/callback` is registered.
  const loop = await openLoopback({
    path: '/callback',
    ...(opts.loopbackPorts ? { ports: opts.loopbackPorts } : {}),
    expectedState: state,
    timeoutMs: opts.timeoutMs ?? 10 * 60_000,
    ...(opts.timers ? { timers: opts.timers } : {}),
    ...(opts.signal ? { signal: opts.signal } : {}),
    successText: 'Your account is connected to Vouch. You can close this tab.',
  });
  try {
    const started = await opts.myAccount.connect({
      connection: opts.connection,
      redirect_uri: loop.redirectUri,
      state,
      code_challenge: challenge,
      code_challenge_method: 'S256',
      ...(opts.scopes?.length ? { scopes: opts.scopes } : {}),
      ...(opts.loginHint ? { authorization_params: { login_hint: opts.loginHint } } : {}),
    });
    const target = browserUrl(started.connect_uri, started.connect_params.ticket, opts.allowHttp ?? false);
    await opts.openExternal(target);
    opts.onProgress?.({ provider: opts.provider, state: 'browser_open' });

    const callback = await loop.result; // state already matched by the listener
    const error = callback.searchParams.get('error');
    if (error)
      throw new ConnectError(
        'denied',
        error === 'access_denied' ? 'The account was not connected.' : `The account was not connected (${error}).`,
      );
    const connectCode = callback.searchParams.get('connect_code');
    if (!connectCode) throw new ConnectError('bad_callback', 'The browser came back without a connect code.');

    opts.onProgress?.({ provider: opts.provider, state: 'completing' });
    const done = await opts.myAccount.complete({
      auth_session: started.auth_session,
      connect_code: connectCode,
      redirect_uri: loop.redirectUri,
      code_verifier: verifier,
    });
    opts.onProgress?.({ provider: opts.provider, state: 'done' });
    return done;
  } finally {
    loop.close();
  }
}

/** `connect_uri?ticket=…`, refusing anything but https (or http on loopback for the dev tenant). */
export function browserUrl(connectUri: string, ticket: string, allowHttp: boolean): string {
  const u = new URL(connectUri);
  const loopbackHttp = allowHttp && u.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
  if (u.protocol !== 'https:' && !loopbackHttp)
    throw new ConnectError('bad_connect_uri', 'The tenant returned an unexpected connect address.');
  if (u.username || u.password) throw new ConnectError('bad_connect_uri', 'The tenant returned an unexpected connect address.');
  u.searchParams.set('ticket', ticket);
  return u.href;
}
