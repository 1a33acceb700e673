import type { ProviderToken, ProviderTokenRequest, ProviderTokenSource } from '../../src/auth/tokenSource.js';
import type { Sandbox } from '../../standins/sandbox/index.js';

/**
 * A stand-in for the Token Vault client that talks to the sandbox's own OAuth endpoints: consent once
 * (authorization_code through the consent form POST), then refresh_token for every fresh access
 * token, caching by connection until invalidated. It counts what it does so tests can assert the
 * retry policy, and remembers every token it handed out so tests can check none leaks.
 */
export const TEST_CLIENT = {
  client_id: 'vouch-test',
  client_secret: 'test-secret-not-for-prod',
  redirect_uris: ['http://127.0.0.1:9/callback'],
};

const PROVIDER_OF: Record<string, 'google' | 'slack'> = { 'google-oauth2': 'google', 'sign-in-with-slack': 'slack' };

export class SandboxTokenSource implements ProviderTokenSource {
  readonly issued: string[] = [];
  refreshes = 0;
  invalidations = 0;
  private readonly refreshTokens = new Map<string, string>();
  private readonly cache = new Map<string, ProviderToken>();

  constructor(
    private readonly sandbox: Pick<Sandbox, 'url'>,
    private readonly now: () => number,
  ) {}

  /** Runs the consent flow for a connection with exactly these scopes. */
  async connect(connection: string, scopes: string[]): Promise<void> {
    const provider = PROVIDER_OF[connection];
    if (!provider) throw new Error(`unknown connection ${connection}`);
    const params = {
      client_id: TEST_CLIENT.client_id,
      redirect_uri: TEST_CLIENT.redirect_uris[0] as string,
      response_type: 'code',
      scope: scopes.join(' '),
      state: 'st-1',
    };
    const page = await fetch(`${this.sandbox.url}/oauth/${provider}/authorize?${new URLSearchParams(params)}`);
    if (page.status !== 200) throw new Error(`consent page answered ${page.status}`);
    const consent = await fetch(`${this.sandbox.url}/oauth/${provider}/authorize`, {
      method: 'POST',
      redirect: 'manual',
      body: new URLSearchParams({ ...params, decision: 'allow' }),
    });
    const location = new URL(consent.headers.get('location') ?? '');
    const code = location.searchParams.get('code');
    if (!code || location.searchParams.get('state') !== 'st-1') throw new Error('consent did not return a code');
    const res = await fetch(`${this.sandbox.url}/oauth/${provider}/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${TEST_CLIENT.client_id}:${TEST_CLIENT.client_secret}`).toString('base64')}` },
      body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: params.redirect_uri }),
    });
    const body = (await res.json()) as { refresh_token?: string; access_token: string };
    if (!body.refresh_token) throw new Error('no refresh token');
    this.refreshTokens.set(connection, body.refresh_token);
    this.issued.push(body.access_token, body.refresh_token);
  }

  async getAccessToken(req: ProviderTokenRequest): Promise<ProviderToken> {
    const cached = this.cache.get(req.connection);
    if (cached) return cached;
    const refresh = this.refreshTokens.get(req.connection);
    if (!refresh) throw Object.assign(new Error('Connect the account first.'), { code: 'FEDERATED_TOKEN_NOT_IN_VAULT' });
    const provider = PROVIDER_OF[req.connection] as 'google' | 'slack';
    const res = await fetch(`${this.sandbox.url}/oauth/${provider}/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: refresh,
        client_id: TEST_CLIENT.client_id,
        client_secret: TEST_CLIENT.client_secret,
      }),
    });
    if (res.status !== 200) throw Object.assign(new Error('refresh failed'), { code: 'TOKEN_EXCHANGE_FAILED' });
    const body = (await res.json()) as { access_token: string; scope: string; expires_in: number };
    this.refreshes++;
    this.issued.push(body.access_token);
    const token = { accessToken: body.access_token, scopes: body.scope.split(' '), expiresAt: this.now() + body.expires_in * 1000 };
    this.cache.set(req.connection, token);
    return token;
  }

  invalidate(req: { userId: string; connection: string }): void {
    this.invalidations++;
    this.cache.delete(req.connection);
  }
}

/** A controllable clock shared by the sandbox and the tools. */
export function fakeClock(start = Date.parse('2026-03-10T15:00:00Z')) {
  let t = start;
  return {
    now: () => t,
    advance(ms: number) {
      t += ms;
    },
  };
}

/** Records sleeps instead of sleeping, so retry timing is asserted without waiting. */
export function recordingSleep() {
  const calls: number[] = [];
  return { calls, sleep: async (ms: number) => void calls.push(ms) };
}

/** Collects log records so tests can check no secret reached the logs. */
export function capturingLogger() {
  const lines: string[] = [];
  const rec = (obj: object, msg?: string) => void lines.push(JSON.stringify({ ...obj, msg }));
  return { lines, logger: { debug: rec, info: rec, warn: rec } };
}
