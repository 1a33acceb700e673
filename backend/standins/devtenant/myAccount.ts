import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { type ConnectedAccountStore, randomId, s256 } from './connectedAccounts.js';
import { escapeHtml, HttpError, page, parseBody, readRawBody, redirect, sendHtml, sendJson } from './http.js';
import { type UpstreamConnection, UpstreamError, upstreamTokenRequest } from './upstream.js';

/**
 * My Account API Connected Accounts endpoints (`/me/v1/connected-accounts/*`) and the browser
 * leg (`/connected-accounts/connect?ticket=…` → provider consent → back with a `connect_code`),
 * with the request/response shapes of Auth0's OpenAPI spec (strict bodies, RFC 7807 errors).
 */
export const ME_SCOPES = {
  create: 'create:me:connected_accounts',
  read: 'read:me:connected_accounts',
  delete: 'delete:me:connected_accounts',
} as const;

const ConnectBody = z
  .object({
    connection: z.string().min(1).max(128),
    redirect_uri: z.string().url().max(2048),
    state: z.string().min(1).max(4096).optional(),
    code_challenge: z.string().min(43).max(128).optional(),
    code_challenge_method: z.literal('S256').optional(),
    scopes: z.array(z.string().min(1).max(255)).min(1).max(100).optional(),
    authorization_params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  })
  .strict()
  .refine((b) => !b.code_challenge || b.code_challenge_method, {
    message: 'code_challenge_method is required with code_challenge',
    path: ['code_challenge_method'],
  });

const CompleteBody = z
  .object({
    auth_session: z.string().min(1).max(64),
    connect_code: z.string().min(1).max(46),
    redirect_uri: z.string().url().max(2048),
    code_verifier: z.string().min(43).max(128).optional(),
  })
  .strict();

/** Authorization params a connect request may hand to the provider (never client_id, redirect_uri, state…). */
const FORWARDED_PARAMS = new Set(['login_hint', 'prompt', 'hd', 'include_granted_scopes', 'team']);

interface ConnectSession {
  authSession: string;
  ticket: string;
  sub: string;
  connection: string;
  redirectUri: string;
  state?: string;
  codeChallenge?: string;
  scopes: string[];
  /** Passed on to the provider's authorize, as Auth0 does (e.g. login_hint for the account picked). */
  authorizationParams: Record<string, string>;
  expiresAt: number;
  upstreamState: string;
  /** Set once the provider consented and the code was exchanged. */
  linked?: { connectCode: string; refreshToken: string; accessToken: string; expiresAt: number; scopes: string[] };
}

export interface MyAccountDeps {
  issuer: string;
  accounts: ConnectedAccountStore;
  upstream: (connection: string) => UpstreamConnection | undefined;
  /** Verifies a My Account API bearer token and returns its subject and scopes. */
  verifyMeToken: (token: string) => Promise<{ sub: string; scopes: string[]; clientId?: string } | undefined>;
  /** Whether `uri` is one of the Allowed Callback URLs of the application the token was issued to. */
  redirectUriAllowed: (uri: string, clientId: string | undefined) => Promise<boolean>;
  now: () => number;
}

const SESSION_TTL_S = 300;

function problem(status: number, title: string, detail: string, extra: Record<string, unknown> = {}): HttpError {
  return new HttpError(status, { type: `https://auth0.com/api-errors/A0E-${status}-0001`, status, title, detail, ...extra });
}

export function createMyAccount(deps: MyAccountDeps) {
  const sessions = new Map<string, ConnectSession>();
  const byTicket = new Map<string, string>();
  const byUpstreamState = new Map<string, string>();

  const purge = () => {
    for (const [k, s] of sessions) {
      if (s.expiresAt <= deps.now()) {
        sessions.delete(k);
        byTicket.delete(s.ticket);
        byUpstreamState.delete(s.upstreamState);
      }
    }
  };

  async function authorize(req: IncomingMessage, scope: string) {
    const header = req.headers.authorization ?? '';
    const m = /^(?:Bearer|DPoP) (.+)$/i.exec(header);
    const who = m ? await deps.verifyMeToken(m[1]!) : undefined;
    if (!who) throw problem(401, 'Unauthorized', 'Invalid or missing access token');
    if (!who.scopes.includes(scope)) throw problem(403, 'Forbidden', `Insufficient scope, expected: ${scope}`);
    return who;
  }

  async function jsonBody<T>(req: IncomingMessage, schema: z.ZodType<T>): Promise<T> {
    if (!req.headers['content-type']?.includes('application/json'))
      throw problem(415, 'Unsupported Media Type', 'Content-Type must be application/json');
    const parsed = schema.safeParse(parseBody(await readRawBody(req), 'application/json'));
    if (!parsed.success) {
      throw problem(400, 'Validation Error', 'Invalid request payload input', {
        validation_errors: parsed.error.issues.map((i) => ({ pointer: `/${i.path.join('/')}`, detail: i.message })),
      });
    }
    return parsed.data;
  }

  async function connect(req: IncomingMessage, res: ServerResponse) {
    const who = await authorize(req, ME_SCOPES.create);
    const body = await jsonBody(req, ConnectBody);
    if (!(await deps.redirectUriAllowed(body.redirect_uri, who.clientId)))
      throw problem(400, 'Bad Request', 'redirect_uri is not in the allowed callback URLs of this application');
    const upstream = deps.upstream(body.connection);
    if (!upstream) throw problem(400, 'Bad Request', `Connection ${body.connection} is not enabled for Connected Accounts`);
    purge();
    const s: ConnectSession = {
      authSession: randomId(24),
      ticket: randomId(24),
      sub: who.sub,
      connection: body.connection,
      redirectUri: body.redirect_uri,
      state: body.state,
      codeChallenge: body.code_challenge,
      scopes: body.scopes ?? [],
      authorizationParams: Object.fromEntries(Object.entries(body.authorization_params ?? {}).map(([k, v]) => [k, String(v)])),
      expiresAt: deps.now() + SESSION_TTL_S * 1000,
      upstreamState: randomId(16),
    };
    sessions.set(s.authSession, s);
    byTicket.set(s.ticket, s.authSession);
    byUpstreamState.set(s.upstreamState, s.authSession);
    sendJson(res, 201, {
      connect_uri: new URL('connected-accounts/connect', deps.issuer).href,
      auth_session: s.authSession,
      connect_params: { ticket: s.ticket },
      expires_in: SESSION_TTL_S,
    });
  }

  function browserConnect(url: URL, res: ServerResponse) {
    purge();
    const s = sessions.get(byTicket.get(url.searchParams.get('ticket') ?? '') ?? '');
    if (!s)
      return sendHtml(res, 400, page('Link expired', '<h1>This link has expired</h1><p>Go back to Vouch and try connecting again.</p>'));
    const upstream = deps.upstream(s.connection)!;
    const target = new URL(upstream.authorizeUrl);
    // Extra authorization params first, so none can override the protocol ones set below.
    for (const [k, v] of Object.entries(s.authorizationParams)) if (FORWARDED_PARAMS.has(k)) target.searchParams.set(k, v);
    target.searchParams.set('client_id', upstream.clientId);
    target.searchParams.set('redirect_uri', new URL('connected-accounts/callback', deps.issuer).href);
    target.searchParams.set('response_type', 'code');
    target.searchParams.set('scope', (s.scopes.length ? s.scopes : upstream.defaultScopes).join(' '));
    target.searchParams.set('state', s.upstreamState);
    target.searchParams.set('access_type', 'offline');
    redirect(res, target.href);
  }

  async function browserCallback(url: URL, res: ServerResponse) {
    const s = sessions.get(byUpstreamState.get(url.searchParams.get('state') ?? '') ?? '');
    if (!s) return sendHtml(res, 400, page('Link expired', '<h1>This link has expired</h1><p>Go back to Vouch and try again.</p>'));
    byUpstreamState.delete(s.upstreamState);
    const back = new URL(s.redirectUri);
    if (s.state) back.searchParams.set('state', s.state);
    const code = url.searchParams.get('code');
    if (!code) {
      back.searchParams.set('error', url.searchParams.get('error') ?? 'access_denied');
      back.searchParams.set('error_description', 'The account was not connected.');
      sessions.delete(s.authSession);
      return redirect(res, back.href);
    }
    const upstream = deps.upstream(s.connection)!;
    try {
      const tokens = await upstreamTokenRequest(upstream, {
        grant_type: 'authorization_code',
        code,
        redirect_uri: new URL('connected-accounts/callback', deps.issuer).href,
      });
      if (!tokens.refresh_token) throw new UpstreamError(200, 'no_refresh_token');
      const connectCode = randomId(24);
      s.linked = {
        connectCode,
        refreshToken: tokens.refresh_token,
        accessToken: tokens.access_token,
        expiresAt: deps.now() + tokens.expires_in * 1000,
        scopes: tokens.scope ? tokens.scope.split(' ') : s.scopes,
      };
      back.searchParams.set('connect_code', connectCode);
    } catch (err) {
      back.searchParams.set('error', 'server_error');
      back.searchParams.set('error_description', err instanceof UpstreamError ? err.error : 'upstream failure');
      sessions.delete(s.authSession);
    }
    redirect(res, back.href);
  }

  async function complete(req: IncomingMessage, res: ServerResponse) {
    const who = await authorize(req, ME_SCOPES.create);
    const body = await jsonBody(req, CompleteBody);
    const s = sessions.get(body.auth_session);
    if (!s || s.sub !== who.sub || s.expiresAt <= deps.now()) throw problem(404, 'Not Found', 'Invalid or expired session');
    if (!s.linked || s.linked.connectCode !== body.connect_code)
      throw problem(409, 'Conflict', 'connect_code is invalid or was already used');
    if (s.redirectUri !== body.redirect_uri) throw problem(400, 'Bad Request', 'redirect_uri does not match the connect request');
    if (s.codeChallenge && (!body.code_verifier || s256(body.code_verifier) !== s.codeChallenge)) {
      throw problem(400, 'Bad Request', 'code_verifier does not match code_challenge');
    }
    sessions.delete(s.authSession);
    byTicket.delete(s.ticket);
    const account = deps.accounts.save(
      {
        sub: s.sub,
        connection: s.connection,
        // The account the person picked; the stand-in knows it by the login_hint the connect request carried.
        ...(s.authorizationParams['login_hint'] ? { account: s.authorizationParams['login_hint'] } : {}),
        scopes: s.linked.scopes,
        refreshToken: s.linked.refreshToken,
        accessToken: s.linked.accessToken,
        accessTokenExpiresAt: s.linked.expiresAt,
      },
      deps.now(),
    );
    sendJson(res, 201, {
      id: account.id,
      connection: account.connection,
      access_type: 'offline',
      scopes: account.scopes,
      created_at: account.createdAt,
    });
  }

  async function listAccounts(req: IncomingMessage, url: URL, res: ServerResponse) {
    const who = await authorize(req, ME_SCOPES.read);
    const connection = url.searchParams.get('connection') ?? undefined;
    const take = Math.min(20, Math.max(1, Number(url.searchParams.get('take') ?? 10) || 10));
    const from = Number(url.searchParams.get('from') ?? url.searchParams.get('next') ?? 0) || 0;
    const all = deps.accounts.list(who.sub, connection);
    const slice = all.slice(from, from + take);
    sendJson(res, 200, {
      accounts: slice.map((a) => ({
        id: a.id,
        connection: a.connection,
        access_type: 'offline',
        scopes: a.scopes,
        created_at: a.createdAt,
      })),
      ...(from + take < all.length ? { next: String(from + take) } : {}),
    });
  }

  async function deleteAccount(req: IncomingMessage, id: string, res: ServerResponse) {
    const who = await authorize(req, ME_SCOPES.delete);
    if (!/^cac_[A-Za-z0-9]+$/.test(id)) throw problem(400, 'Bad Request', 'id is not a connected account id');
    if (!deps.accounts.delete(who.sub, id)) throw problem(404, 'Not Found', 'Connected account not found');
    res.writeHead(204);
    res.end();
  }

  /** Returns true when it handled the request. */
  return async function handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    const path = url.pathname;
    try {
      if (req.method === 'POST' && path === '/me/v1/connected-accounts/connect') return (await connect(req, res), true);
      if (req.method === 'POST' && path === '/me/v1/connected-accounts/complete') return (await complete(req, res), true);
      if (req.method === 'GET' && path === '/me/v1/connected-accounts/accounts') return (await listAccounts(req, url, res), true);
      const del = /^\/me\/v1\/connected-accounts\/accounts\/([^/]+)$/.exec(path);
      if (req.method === 'DELETE' && del) return (await deleteAccount(req, decodeURIComponent(del[1]!), res), true);
      if (req.method === 'GET' && path === '/connected-accounts/connect') return (browserConnect(url, res), true);
      if (req.method === 'GET' && path === '/connected-accounts/callback') return (await browserCallback(url, res), true);
      if (path.startsWith('/me/')) throw problem(404, 'Not Found', 'No such endpoint');
      return false;
    } catch (err) {
      if (err instanceof HttpError) sendJson(res, err.status, err.body);
      else
        sendJson(res, 500, {
          type: 'https://auth0.com/api-errors/A0E-500-0001',
          status: 500,
          title: 'Internal Server Error',
          detail: escapeHtml(String(err)),
        });
      return true;
    }
  };
}
