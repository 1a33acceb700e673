import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { createLocalJWKSet, importJWK, jwtVerify, SignJWT } from 'jose';
import Provider, { errors, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { openDatabase } from '../../src/store/sqlite.js';
import { createSqliteAdapterFactory } from './adapter.js';
import { BINDING_MESSAGE_PATTERN, CibaRequests, type PendingCiba } from './cibaStore.js';
import { ConnectedAccountStore } from './connectedAccounts.js';
import { HttpError, page, escapeHtml, parseBody, readRawBody, sendHtml, sendJson } from './http.js';
import { loadOrCreateSigningKey, publicPart } from './keys.js';
import { createMyAccount, ME_SCOPES } from './myAccount.js';
import { createPhone, PHONE_CALLBACK_PATH, PHONE_CLIENT_ID } from './phone.js';
import { createTokenVaultGrant, TOKEN_VAULT_GRANT, TOKEN_VAULT_PARAMS } from './tokenVaultGrant.js';
import type { UpstreamConnection } from './upstream.js';
import { DEV_USERS, findDevUser } from './users.js';
import { loopbackRedirectUris, type RefreshTokenPolicy } from './clientPolicy.js';

export type { UpstreamConnection } from './upstream.js';
export type { PendingCiba } from './cibaStore.js';

export const CIBA_GRANT = 'urn:openid:params:grant-type:ciba';
export { loopbackRedirectUris, DEV_LOOPBACK_PORTS, type RefreshTokenPolicy } from './clientPolicy.js';

export interface DevTenantOptions {
  dataDir: string;
  port?: number;
  host?: string;
  /** The Vouch API identifier (Auth0 "audience"). */
  apiAudience?: string;
  desktopClientId?: string;
  /**
   * The desktop client's Allowed Callback URLs, matched exactly as Auth0 does (no any-port loopback
   * matching). Default: `/callback` on the default loopback ports (or VOUCH_LOOPBACK_PORTS).
   */
  desktopRedirectUris?: string[];
  /**
   * The desktop client's multi-resource refresh-token policies (Auth0 `refresh_token.policies`).
   * Default: the My Account API with the Connected Accounts scopes, as the demo's native client is
   * set up. `[]` models a client without the policy.
   */
  desktopRefreshTokenPolicies?: RefreshTokenPolicy[];
  apiClientId?: string;
  apiClientSecret?: string;
  /** The regular application that holds the CIBA grant (Auth0 documents CIBA on regular apps). */
  cibaClientId?: string;
  cibaClientSecret?: string;
  upstreams?: UpstreamConnection[];
  accessTokenTtlSeconds?: number;
  /** CIBA polling interval handed to clients (Auth0 uses 5 s). */
  cibaIntervalSeconds?: number;
  now?: () => number;
}

export interface DevTenant {
  url: string;
  issuer: string;
  apiAudience: string;
  meAudience: string;
  desktopClientId: string;
  /** The desktop client's Allowed Callback URLs (exact). */
  readonly desktopRedirectUris: readonly string[];
  /** Adds an Allowed Callback URL to the desktop client, as one would in the dashboard (e.g. the browser popover's connect page). */
  allowDesktopCallback(url: string): void;
  /** The Custom API Client: Token Vault grant only. */
  apiClient: { clientId: string; clientSecret: string };
  /** The client with the CIBA grant. */
  cibaClient: { clientId: string; clientSecret: string };
  setUpstreams(upstreams: UpstreamConnection[]): void;
  ciba: {
    events: CibaRequests;
    pending(): PendingCiba[];
    approve(authReqId: string): Promise<void>;
    deny(authReqId: string): Promise<void>;
  };
  /** Counts of Token Vault exchanges by outcome, so tests can prove caching and coalescing. */
  stats: { tokenVaultExchanges: number; byOutcome: Record<string, number> };
  close(): Promise<void>;
}

/**
 * An Auth0-compatible tenant that runs locally on oidc-provider: native-app login with PKCE, RS256
 * JWT access tokens for the API audience, refresh tokens (incl. multi-resource refresh to the My
 * Account API), the Token Vault grant, My Account Connected Accounts and CIBA, on Auth0's paths.
 */
/** Lifetime of a My Account token from the multi-resource refresh (Auth0's My Account API default is 600 s). */
const ME_TOKEN_TTL_S = 600;

export async function startDevTenant(opts: DevTenantOptions): Promise<DevTenant> {
  const now = opts.now ?? Date.now;
  const host = opts.host ?? '127.0.0.1';
  const apiAudience = opts.apiAudience ?? 'https://api.vouch.local';
  const desktopClientId = opts.desktopClientId ?? 'vouch-desktop';
  const apiClient = { clientId: opts.apiClientId ?? 'vouch-api', clientSecret: opts.apiClientSecret ?? 'dev-api-client-secret-change-me' };
  const cibaClient = {
    clientId: opts.cibaClientId ?? 'vouch-approvals',
    clientSecret: opts.cibaClientSecret ?? 'dev-ciba-client-secret-change-me',
  };
  const desktopRedirectUris = [...(opts.desktopRedirectUris ?? loopbackRedirectUris(process.env.VOUCH_LOOPBACK_PORTS))];
  const cibaInterval = opts.cibaIntervalSeconds ?? 5;

  // The issuer must be known before oidc-provider is built, so bind the port first.
  const server: Server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host}:${port}`;
  const issuer = `${url}/`;
  const meAudience = `${issuer}me/`;
  const desktopPolicies: RefreshTokenPolicy[] = opts.desktopRefreshTokenPolicies ?? [
    { audience: meAudience, scope: Object.values(ME_SCOPES) },
  ];
  const refreshPolicies = new Map<string, RefreshTokenPolicy[]>([[desktopClientId, desktopPolicies]]);

  const db = openDatabase(join(opts.dataDir, 'devtenant.sqlite'));
  const accounts = new ConnectedAccountStore(db);
  let upstreams = new Map((opts.upstreams ?? []).map((u) => [u.name, u]));
  const cibaRequests = new CibaRequests();
  const stats = { tokenVaultExchanges: 0, byOutcome: {} as Record<string, number> };

  const signingKey = await loadOrCreateSigningKey(opts.dataDir);
  const localJwks = createLocalJWKSet({ keys: [publicPart(signingKey)] });

  const verifyJwt = async (token: string, audience: string) => {
    try {
      const { payload } = await jwtVerify(token, localJwks, { issuer, audience, algorithms: ['RS256'] });
      return payload;
    } catch {
      return undefined;
    }
  };

  const configuration: Configuration = {
    adapter: createSqliteAdapterFactory(db, Date.now) as unknown as Configuration['adapter'],
    jwks: { keys: [signingKey as never] },
    clients: [
      {
        client_id: desktopClientId,
        application_type: 'native',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: desktopRedirectUris,
      },
      {
        client_id: apiClient.clientId,
        client_secret: apiClient.clientSecret,
        grant_types: [TOKEN_VAULT_GRANT],
        response_types: [],
        redirect_uris: [],
        token_endpoint_auth_method: 'client_secret_post',
      },
      {
        client_id: cibaClient.clientId,
        client_secret: cibaClient.clientSecret,
        grant_types: [CIBA_GRANT],
        response_types: [],
        redirect_uris: [],
        backchannel_token_delivery_mode: 'poll',
        token_endpoint_auth_method: 'client_secret_post',
      },
      {
        client_id: PHONE_CLIENT_ID,
        application_type: 'web',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code'],
        response_types: ['code'],
        redirect_uris: [`${url}${PHONE_CALLBACK_PATH}`],
      },
    ],
    clientBasedCORS: () => true,
    findAccount: async (_ctx, sub) => {
      const user = findDevUser(sub);
      if (!user) return undefined;
      return { accountId: sub, claims: async () => ({ sub, email: user.email, email_verified: true, name: user.name }) };
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    scopes: ['openid', 'profile', 'email', 'offline_access'],
    pkce: { required: () => true },
    // Token Vault requires refresh-token rotation off at Auth0; the dev tenant behaves the same.
    rotateRefreshToken: false,
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: ['vouch-dev-tenant-cookie-key'] },
    routes: {
      authorization: '/authorize',
      token: '/oauth/token',
      jwks: '/.well-known/jwks.json',
      userinfo: '/userinfo',
      revocation: '/oauth/revoke',
      end_session: '/v2/logout',
      backchannel_authentication: '/bc-authorize',
    },
    ttl: {
      AccessToken: opts.accessTokenTtlSeconds ?? 3600,
      AuthorizationCode: 60,
      IdToken: 3600,
      Interaction: 600,
      Session: 86400,
      Grant: 86400 * 30,
      RefreshToken: 86400 * 30,
      BackchannelAuthenticationRequest: (ctx) => {
        const requested = Number((ctx?.oidc.params as { requested_expiry?: string } | undefined)?.requested_expiry);
        return Number.isFinite(requested) && requested > 0 ? Math.min(requested, 300) : 300;
      },
    },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: async (_ctx, _client, oneOf) => (oneOf?.includes(apiAudience) ? apiAudience : oneOf?.[0]) ?? apiAudience,
        useGrantedResource: async () => true,
        getResourceServerInfo: async (_ctx, indicator) => {
          if (indicator === apiAudience) {
            return {
              scope: 'read:vouch',
              audience: apiAudience,
              accessTokenFormat: 'jwt',
              accessTokenTTL: opts.accessTokenTtlSeconds ?? 3600,
              jwt: { sign: { alg: 'RS256' } },
            };
          }
          if (indicator === meAudience) {
            return {
              scope: Object.values(ME_SCOPES).join(' '),
              audience: meAudience,
              accessTokenFormat: 'jwt',
              accessTokenTTL: 600,
              jwt: { sign: { alg: 'RS256' } },
            };
          }
          throw new errors.InvalidTarget();
        },
      },
      ciba: {
        enabled: true,
        deliveryModes: ['poll'],
        processLoginHint: async (_ctx, loginHint) => {
          let hint: { format?: string; iss?: string; sub?: string };
          try {
            hint = JSON.parse(loginHint ?? '') as typeof hint;
          } catch {
            throw new errors.InvalidRequest('login_hint parameter validation failed: not JSON');
          }
          if (hint.format !== 'iss_sub' || hint.iss !== issuer || !hint.sub) {
            throw new errors.InvalidRequest('login_hint parameter validation failed: "sub" contains unsupported format');
          }
          if (!findDevUser(hint.sub)) throw new errors.UnknownUserId('user not found');
          return hint.sub;
        },
        processLoginHintToken: async () => {
          throw new errors.InvalidRequest('login_hint_token is not supported');
        },
        validateBindingMessage: async (_ctx, bindingMessage) => {
          if (!bindingMessage) throw new errors.InvalidRequest('binding_message is required');
          if (!BINDING_MESSAGE_PATTERN.test(bindingMessage)) {
            throw new errors.InvalidBindingMessage('binding_message must be at most 64 characters of letters, digits, spaces and +-_.,:#');
          }
        },
        validateRequestContext: async () => {},
        verifyUserCode: async () => {},
        triggerAuthenticationDevice: async (_ctx, request, account, client) => {
          cibaRequests.stage({
            authReqId: request.jti,
            sub: account.accountId,
            clientId: client.clientId,
            bindingMessage: String(request.params?.binding_message ?? ''),
            scope: String(request.params?.scope ?? 'openid'),
            // oidc-provider sets no `exp` on a request whose lifetime comes from a ttl function.
            expiresAt: now() + request.expiration * 1000,
          });
        },
      },
    },
    extraParams: ['audience'],
    extraTokenClaims: async (_ctx, token) => {
      if (token.kind !== 'AccessToken') return undefined;
      const user = findDevUser((token as { accountId?: string }).accountId ?? '');
      return user ? { email: user.email, name: user.name } : undefined;
    },
    renderError: async (ctx, out) => {
      ctx.type = 'html';
      ctx.body = page('Sign-in error', `<h1>Something went wrong</h1><p>${escapeHtml(String(out.error_description ?? out.error))}</p>`);
    },
  };

  const provider = new Provider(issuer, configuration);
  provider.proxy = false;
  // Auth0 matches Allowed Callback URLs exactly; oidc-provider would accept any port on a loopback
  // redirect (RFC 8252 §7.3), which hides a client that listens on an unregistered port.
  const callbackUrls = (client: { clientId: string; redirectUris?: readonly string[] }) =>
    client.clientId === desktopClientId ? desktopRedirectUris : (client.redirectUris ?? []);
  (provider.Client.prototype as unknown as { redirectUriAllowed(v: string): boolean }).redirectUriAllowed = function (
    this: { clientId: string; redirectUris?: readonly string[] },
    value: string,
  ) {
    return callbackUrls(this).includes(value);
  };
  const signMeToken = async (claims: { sub: string; clientId: string; scope: string }) => {
    const key = await importJWK(signingKey, 'RS256');
    return new SignJWT({ scope: claims.scope, client_id: claims.clientId, azp: claims.clientId })
      .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: signingKey.kid ?? '' })
      .setIssuer(issuer)
      .setSubject(claims.sub)
      .setAudience(meAudience)
      .setIssuedAt(Math.floor(now() / 1000))
      .setExpirationTime(Math.floor(now() / 1000) + ME_TOKEN_TTL_S)
      .setJti(randomUUID())
      .sign(key);
  };

  const tokenVaultGrant = createTokenVaultGrant({
    accounts,
    upstream: (c) => upstreams.get(c),
    verifyAccessToken: async (token) => {
      const p = await verifyJwt(token, apiAudience);
      if (!p?.sub) return undefined;
      return { sub: p.sub, aud: Array.isArray(p.aud) ? p.aud : [String(p.aud)] };
    },
    verifyRefreshToken: async (token, clientId) => {
      const rt = await provider.RefreshToken.find(token);
      if (!rt || rt.isExpired || rt.clientId !== clientId) return undefined;
      return { sub: rt.accountId };
    },
    linkedAudience: (clientId) => (clientId === apiClient.clientId ? apiAudience : undefined),
    now,
    onExchange: ({ outcome }) => {
      stats.tokenVaultExchanges++;
      stats.byOutcome[outcome] = (stats.byOutcome[outcome] ?? 0) + 1;
    },
  });
  provider.registerGrantType(TOKEN_VAULT_GRANT, tokenVaultGrant as never, TOKEN_VAULT_PARAMS);

  // Auth0-shaped responses where oidc-provider's differ: CIBA carries `interval`, and Auth0 reports
  // an expired CIBA request as access_denied rather than expired_token.
  provider.use(async (ctx: KoaContextWithOIDC, next) => {
    await next();
    if (ctx.path === '/bc-authorize' && ctx.status === 200 && ctx.body && typeof ctx.body === 'object') {
      const body = ctx.body as Record<string, unknown>;
      body.interval = cibaInterval;
      // The "phone" learns of the request only once it is stored and answered, as with a real push.
      const published = cibaRequests.publish(String(body.auth_req_id));
      if (published && cibaRequests.holdAnswer) await cibaRequests.holdAnswer(published);
    }
    if (
      ctx.path === '/oauth/token' &&
      ctx.body &&
      typeof ctx.body === 'object' &&
      (ctx.body as { error?: string }).error === 'expired_token'
    ) {
      ctx.status = 400;
      ctx.body = { error: 'access_denied', error_description: 'The end-user denied the authorization request or it has been expired' };
    }
  });

  const myAccount = createMyAccount({
    issuer,
    accounts,
    upstream: (c) => upstreams.get(c),
    verifyMeToken: async (token) => {
      const p = await verifyJwt(token, meAudience);
      if (!p?.sub) return undefined;
      return {
        sub: p.sub,
        scopes: typeof p.scope === 'string' ? p.scope.split(' ') : [],
        clientId: typeof p.client_id === 'string' ? p.client_id : undefined,
      };
    },
    // The connect redirect must be one of the calling application's Allowed Callback URLs.
    redirectUriAllowed: async (uri, clientId) => {
      const client = clientId ? await provider.Client.find(clientId) : undefined;
      return !!client && callbackUrls(client).includes(uri);
    },
    now,
  });

  async function finishCiba(authReqId: string, approve: boolean): Promise<void> {
    const pending = cibaRequests.take(authReqId);
    if (!pending) throw new HttpError(404, { error: 'not_found', error_description: 'no pending request with that id' });
    if (!approve) {
      await provider.backchannelResult(
        authReqId,
        new errors.AccessDenied('The end-user denied the authorization request or it has been expired'),
      );
      return;
    }
    const grant = new provider.Grant({ accountId: pending.sub, clientId: pending.clientId });
    grant.addOIDCScope(pending.scope);
    await grant.save();
    await provider.backchannelResult(authReqId, grant);
  }

  async function interaction(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    const m = /^\/interaction\/([^/]+)(\/login)?$/.exec(url.pathname);
    if (!m) return false;
    const details = await provider.interactionDetails(req, res);
    const { prompt, params, session } = details;
    if (req.method === 'POST' && m[2]) {
      const form = parseBody(await readRawBody(req), req.headers['content-type']);
      const user = DEV_USERS.find((u) => u.username === form.user);
      if (!user) {
        sendHtml(res, 400, page('Sign in', '<h1>Unknown user</h1>'));
        return true;
      }
      await provider.interactionFinished(req, res, { login: { accountId: user.sub } }, { mergeWithLastSubmission: false });
      return true;
    }
    if (prompt.name === 'login') {
      const buttons = DEV_USERS.map(
        (u, i) =>
          `<button type="submit" name="user" value="${escapeHtml(u.username)}"${i === 0 ? ' class="primary"' : ''}>Continue as ${escapeHtml(u.name)}</button>`,
      ).join('');
      sendHtml(
        res,
        200,
        page(
          'Sign in to Vouch',
          `<h1>Sign in to Vouch</h1><p class="muted">Vouch dev tenant: choose a demo account.</p>
           <form method="post" action="/interaction/${escapeHtml(details.uid)}/login">${buttons}</form>`,
        ),
      );
      return true;
    }
    // First-party app: consent is implied, as with Auth0's "Allow Skipping User Consent".
    const accountId = session?.accountId;
    if (!accountId) throw new Error('consent without a session');
    const grant = details.grantId
      ? ((await provider.Grant.find(details.grantId)) ?? new provider.Grant({ accountId, clientId: String(params.client_id) }))
      : new provider.Grant({ accountId, clientId: String(params.client_id) });
    const d = prompt.details as {
      missingOIDCScope?: string[];
      missingOIDCClaims?: string[];
      missingResourceScopes?: Record<string, string[]>;
    };
    if (d.missingOIDCScope) grant.addOIDCScope(d.missingOIDCScope.join(' '));
    if (d.missingOIDCClaims) grant.addOIDCClaims(d.missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(d.missingResourceScopes ?? {})) grant.addResourceScope(indicator, scopes.join(' '));
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
    return true;
  }

  const devRoutes = createPhone({
    url,
    requests: cibaRequests,
    finish: finishCiba,
    redeemCode: async (code, verifier, nonce) => {
      const res = await fetch(`${url}/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          client_id: PHONE_CLIENT_ID,
          code,
          code_verifier: verifier,
          redirect_uri: `${url}${PHONE_CALLBACK_PATH}`,
        }),
      });
      const body = (await res.json()) as { id_token?: unknown };
      if (!res.ok || typeof body.id_token !== 'string') return undefined;
      const claims = await verifyJwt(body.id_token, PHONE_CLIENT_ID);
      return claims?.nonce === nonce && typeof claims.sub === 'string' ? claims.sub : undefined;
    },
    verifyAccessToken: async (token) => (await verifyJwt(token, apiAudience))?.sub,
    now,
  });

  /**
   * Auth0 accepts JSON as well as form bodies on /oauth/token and /bc-authorize and takes
   * `audience` where oidc-provider takes `resource`; this shim adapts the request before the
   * library sees it, so the library still does all token work.
   */
  async function adaptOAuthRequest(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    if (req.method === 'GET' && url.pathname === '/authorize') {
      const q = url.searchParams;
      const audience = q.get('audience');
      if (audience && !q.has('resource')) q.append('resource', audience);
      // oidc-provider issues refresh tokens only when consent is prompted; Auth0 does not require it.
      if ((q.get('scope') ?? '').split(' ').includes('offline_access') && !(q.get('prompt') ?? '').includes('consent')) {
        q.set('prompt', [q.get('prompt'), 'consent'].filter(Boolean).join(' '));
      }
      req.url = `${url.pathname}?${q.toString()}`;
      return false;
    }
    if (req.method === 'POST' && (url.pathname === '/oauth/token' || url.pathname === '/bc-authorize')) {
      const raw = await readRawBody(req);
      const body = parseBody(raw, req.headers['content-type']);
      // Auth0 checks the client's grant types first: CIBA needs the CIBA grant on the calling client.
      if (url.pathname === '/bc-authorize' || (url.pathname === '/oauth/token' && body.grant_type === CIBA_GRANT)) {
        const client = typeof body.client_id === 'string' ? await provider.Client.find(body.client_id) : undefined;
        if (client && !client.grantTypes?.includes(CIBA_GRANT)) {
          sendJson(res, 403, { error: 'unauthorized_client', error_description: `Grant type '${CIBA_GRANT}' not allowed for the client.` });
          return true;
        }
      }
      if (url.pathname === '/oauth/token' && body.grant_type === 'refresh_token' && typeof body.audience === 'string') {
        if (await multiResourceRefresh(body, res)) return true;
      }
      if (typeof body.audience === 'string' && body.resource === undefined && body.grant_type !== TOKEN_VAULT_GRANT) {
        if (url.pathname === '/oauth/token') body.resource = body.audience;
        delete body.audience;
      }
      if (url.pathname === '/oauth/token' && body.grant_type === CIBA_GRANT && typeof body.auth_req_id === 'string') {
        const poll = cibaRequests.checkPoll(body.auth_req_id, now(), cibaInterval);
        if (!poll.ok) {
          sendJson(
            res,
            400,
            {
              error: 'slow_down',
              error_description: `You are polling faster than allowed. Try again in ${poll.interval} seconds.`,
              interval: poll.interval,
            },
            { 'retry-after': String(poll.interval) },
          );
          return true;
        }
      }
      for (const [k, v] of Object.entries(body)) if (typeof v !== 'string' && !Array.isArray(v)) body[k] = JSON.stringify(v);
      (req as IncomingMessage & { body?: unknown }).body = body;
      req.headers['content-type'] = 'application/x-www-form-urlencoded';
      return false;
    }
    return false;
  }

  /**
   * Auth0 Multi-Resource Refresh Token: a refresh_token grant with another `audience` gets a token
   * for it when the client's `refresh_token.policies` name that audience (scopes narrowed to the
   * policy's). Without a matching policy Auth0 ignores the audience and scope ("the refresh token
   * exchange will silently ignore them"), so the caller gets a token for the original API instead.
   * Answers the request itself when a policy applies; otherwise strips the parameters and lets
   * oidc-provider issue the ordinary refresh.
   */
  async function multiResourceRefresh(body: Record<string, unknown>, res: ServerResponse): Promise<boolean> {
    const audience = String(body.audience);
    const clientId = typeof body.client_id === 'string' ? body.client_id : undefined;
    const policy = clientId ? refreshPolicies.get(clientId)?.find((p) => p.audience === audience) : undefined;
    if (audience === apiAudience || !policy) {
      delete body.audience;
      if (audience !== apiAudience) delete body.scope;
      return false;
    }
    const rt = typeof body.refresh_token === 'string' ? await provider.RefreshToken.find(body.refresh_token) : undefined;
    if (!rt || rt.isExpired || rt.clientId !== clientId || !rt.accountId) {
      sendJson(res, 403, { error: 'invalid_grant', error_description: 'Unknown or invalid refresh token.' });
      return true;
    }
    const requested = typeof body.scope === 'string' ? body.scope.split(' ').filter(Boolean) : policy.scope;
    const scope = requested.filter((s) => policy.scope.includes(s));
    if (scope.length === 0) {
      sendJson(res, 403, { error: 'access_denied', error_description: `None of the requested scopes are allowed for ${audience}` });
      return true;
    }
    const accessToken = await signMeToken({ sub: rt.accountId, clientId: clientId!, scope: scope.join(' ') });
    sendJson(res, 200, { access_token: accessToken, token_type: 'Bearer', expires_in: ME_TOKEN_TTL_S, scope: scope.join(' ') });
    return true;
  }

  const callback = provider.callback();
  server.on('request', (req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', url0);
      try {
        if (await myAccount(req, res, url)) return;
        if (await devRoutes(req, res, url)) return;
        if (await interaction(req, res, url)) return;
        if (await adaptOAuthRequest(req, res, url)) return;
        callback(req, res);
      } catch (err) {
        if (res.headersSent) return res.end();
        if (err instanceof HttpError) sendJson(res, err.status, err.body);
        else if (err instanceof errors.OIDCProviderError)
          sendJson(res, err.statusCode, { error: err.error, error_description: err.error_description });
        else sendJson(res, 500, { error: 'server_error', error_description: 'unexpected error' });
      }
    })();
  });
  const url0 = url;

  return {
    url,
    issuer,
    apiAudience,
    meAudience,
    desktopClientId,
    desktopRedirectUris,
    allowDesktopCallback: (u) => {
      if (!desktopRedirectUris.includes(u)) desktopRedirectUris.push(u);
    },
    apiClient,
    cibaClient,
    setUpstreams: (u) => {
      upstreams = new Map(u.map((x) => [x.name, x]));
    },
    ciba: {
      events: cibaRequests,
      pending: () => cibaRequests.list(now()),
      approve: (id) => finishCiba(id, true),
      deny: (id) => finishCiba(id, false),
    },
    stats,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      db.close();
    },
  };
}
