import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CibaRequests, PendingCiba } from './cibaStore.js';
import { escapeHtml, page, parseBody, readRawBody, sendHtml, sendJson } from './http.js';
import { findDevUser } from './users.js';

/** The phone's own client at the tenant: it signs its person in like any other app (code + PKCE). */
export const PHONE_CLIENT_ID = 'vouch-dev-phone';
export const PHONE_CALLBACK_PATH = '/dev/phone/callback';

const COOKIE = 'vouch_phone';
const SESSION_TTL_MS = 12 * 3600_000;
const SIGN_IN_TTL_MS = 10 * 60_000;
/** Bounds sign-ins in flight and phone sessions, so a loop of sign-ins cannot grow the tenant. */
const MAX_SIGN_INS = 1000;
const MAX_SESSIONS = 1000;

export interface PhoneOptions {
  /** The tenant's own origin (http://host:port), where the phone's redirect URI lives. */
  url: string;
  requests: CibaRequests;
  finish(authReqId: string, approve: boolean): Promise<void>;
  /** Exchanges the authorization code at the tenant's token endpoint; returns the signed-in `sub`. */
  redeemCode(code: string, verifier: string, nonce: string): Promise<string | undefined>;
  /** The `sub` of a tenant-issued API access token, for scripted clients of /dev/ciba. */
  verifyAccessToken(token: string): Promise<string | undefined>;
  now(): number;
}

interface PhoneSession {
  sub: string;
  csrf: string;
  expiresAt: number;
}

interface SignIn {
  verifier: string;
  nonce: string;
  expiresAt: number;
}

/**
 * The dev tenant's "phone" (the stand-in for Auth0 Guardian): it shows and answers only the CIBA
 * requests of the person signed in on it, who signs in at the tenant like any app's user does.
 * `/dev/ciba` answers the same person through a tenant-issued access token instead of the cookie.
 */
export function createPhone(opts: PhoneOptions): (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean> {
  const sessions = new Map<string, PhoneSession>();
  const signIns = new Map<string, SignIn>();
  const redirectUri = `${opts.url}${PHONE_CALLBACK_PATH}`;

  function sessionOf(req: IncomingMessage): PhoneSession | undefined {
    const id = readCookie(req, COOKIE);
    if (!id) return undefined;
    const s = sessions.get(id);
    if (s && s.expiresAt <= opts.now()) sessions.delete(id);
    return s && s.expiresAt > opts.now() ? s : undefined;
  }

  async function bearerSub(req: IncomingMessage): Promise<string | undefined> {
    const m = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(req.headers.authorization ?? '');
    return m ? opts.verifyAccessToken(m[1]!) : undefined;
  }

  function ownRequest(sub: string, authReqId: string): PendingCiba | undefined {
    return opts.requests.list(opts.now()).find((p) => p.authReqId === authReqId && p.sub === sub);
  }

  function redirect(res: ServerResponse, location: string, cookie?: string): void {
    res.writeHead(303, { location, 'cache-control': 'no-store', ...(cookie ? { 'set-cookie': cookie } : {}) });
    res.end();
  }

  /** Drops expired entries, then the oldest while the map is full (Maps iterate in insertion order). */
  function makeRoom<T extends { expiresAt: number }>(map: Map<string, T>, max: number): void {
    const t = opts.now();
    for (const [k, v] of map) if (v.expiresAt <= t) map.delete(k);
    while (map.size >= max) map.delete(map.keys().next().value!);
  }

  function startSignIn(res: ServerResponse, forceLogin: boolean): void {
    const t = opts.now();
    makeRoom(signIns, MAX_SIGN_INS);
    const state = token();
    const signIn: SignIn = { verifier: token(), nonce: token(), expiresAt: t + SIGN_IN_TTL_MS };
    signIns.set(state, signIn);
    const q = new URLSearchParams({
      client_id: PHONE_CLIENT_ID,
      response_type: 'code',
      scope: 'openid',
      redirect_uri: redirectUri,
      state,
      nonce: signIn.nonce,
      code_challenge: createHash('sha256').update(signIn.verifier).digest('base64url'),
      code_challenge_method: 'S256',
    });
    if (forceLogin) q.set('prompt', 'login');
    redirect(res, `/authorize?${q}`);
  }

  function renderPhone(res: ServerResponse, s: PhoneSession): void {
    const who = findDevUser(s.sub);
    const csrf = `<input type="hidden" name="csrf" value="${escapeHtml(s.csrf)}">`;
    const items = opts.requests
      .list(opts.now())
      .filter((p) => p.sub === s.sub)
      .map(
        (p) => `<li><p><strong>${escapeHtml(p.bindingMessage)}</strong></p>
          <form method="post" action="/dev/ciba/${escapeHtml(encodeURIComponent(p.authReqId))}/approve">${csrf}<button class="primary">Approve</button></form>
          <form method="post" action="/dev/ciba/${escapeHtml(encodeURIComponent(p.authReqId))}/deny">${csrf}<button>Deny</button></form></li>`,
      )
      .join('');
    sendHtml(
      res,
      200,
      page(
        'Vouch approvals',
        `<h1>Approval requests</h1><p class="muted">Signed in as ${escapeHtml(who?.name ?? s.sub)}.</p>
         ${items ? `<ul>${items}</ul>` : '<p>Nothing is waiting for you.</p>'}
         <form method="post" action="/dev/phone/sign-out">${csrf}<button>Sign in as someone else</button></form>`,
      ),
    );
  }

  return async (req, res, url) => {
    const path = url.pathname;
    if (path === '/dev/phone' && req.method === 'GET') {
      const s = sessionOf(req);
      if (!s) redirect(res, '/dev/phone/sign-in');
      else renderPhone(res, s);
      return true;
    }
    if (path === '/dev/phone/sign-in' && req.method === 'GET') {
      startSignIn(res, url.searchParams.get('prompt') === 'login');
      return true;
    }
    if (path === PHONE_CALLBACK_PATH && req.method === 'GET') {
      const state = url.searchParams.get('state') ?? '';
      const signIn = signIns.get(state);
      signIns.delete(state);
      const code = url.searchParams.get('code');
      const sub = signIn && signIn.expiresAt > opts.now() && code ? await opts.redeemCode(code, signIn.verifier, signIn.nonce) : undefined;
      if (!sub) {
        sendHtml(res, 400, page('Sign in', '<h1>Sign-in did not complete</h1><p><a href="/dev/phone">Try again</a></p>'));
        return true;
      }
      makeRoom(sessions, MAX_SESSIONS);
      const id = token();
      sessions.set(id, { sub, csrf: token(), expiresAt: opts.now() + SESSION_TTL_MS });
      redirect(res, '/dev/phone', `${COOKIE}=${id}; Path=/dev; HttpOnly; SameSite=Lax; Max-Age=${SESSION_TTL_MS / 1000}`);
      return true;
    }
    if (path === '/dev/phone/sign-out' && req.method === 'POST') {
      const s = sessionOf(req);
      const form = parseBody(await readRawBody(req), req.headers['content-type']);
      if (s && sameSecret(form.csrf, s.csrf)) sessions.delete(readCookie(req, COOKIE)!);
      redirect(res, '/dev/phone/sign-in?prompt=login', `${COOKIE}=; Path=/dev; HttpOnly; SameSite=Lax; Max-Age=0`);
      return true;
    }
    if (path === '/dev/ciba' && req.method === 'GET') {
      const sub = await bearerSub(req);
      if (!sub) return (unauthorized(res), true);
      sendJson(
        res,
        200,
        opts.requests
          .list(opts.now())
          .filter((p) => p.sub === sub)
          .map((p) => ({
            auth_req_id: p.authReqId,
            sub: p.sub,
            binding_message: p.bindingMessage,
            scope: p.scope,
            expires_at: new Date(p.expiresAt).toISOString(),
          })),
      );
      return true;
    }
    const m = /^\/dev\/ciba\/([^/]+)\/(approve|deny)$/.exec(path);
    if (m && req.method === 'POST') {
      const fromPage = req.headers.accept?.includes('text/html') ?? false;
      let sub = await bearerSub(req);
      if (!sub) {
        // The phone page's forms: the session cookie plus its CSRF token (other local ports are same-site).
        const s = sessionOf(req);
        const form = parseBody(await readRawBody(req), req.headers['content-type']);
        if (s && sameSecret(form.csrf, s.csrf)) sub = s.sub;
      }
      if (!sub) {
        if (fromPage) redirect(res, '/dev/phone');
        else unauthorized(res);
        return true;
      }
      const authReqId = decodeURIComponent(m[1]!);
      // Another person's request is indistinguishable from one that does not exist.
      if (!ownRequest(sub, authReqId)) {
        sendJson(res, 404, { error: 'not_found', error_description: 'no pending request with that id' });
        return true;
      }
      await opts.finish(authReqId, m[2] === 'approve');
      if (fromPage) redirect(res, '/dev/phone');
      else {
        res.writeHead(204);
        res.end();
      }
      return true;
    }
    return false;
  };
}

function unauthorized(res: ServerResponse): void {
  sendJson(
    res,
    401,
    { error: 'unauthorized', error_description: 'sign in at the tenant as the person the request is for' },
    { 'www-authenticate': 'Bearer' },
  );
}

function token(): string {
  return randomBytes(32).toString('base64url');
}

function sameSecret(given: unknown, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readCookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const idx = part.indexOf('=');
    if (idx > 0 && part.slice(0, idx).trim() === name) return part.slice(idx + 1).trim() || undefined;
  }
  return undefined;
}
