import { timingSafeEqual } from 'node:crypto';
import { SHIPPED_SCOPE_RULES } from '../../src/providers/scopes.js';
import { SANDBOX_ACCOUNTS, accountForHint, accountOf, isSandboxProvider, type SandboxAccount, type SandboxProvider } from './account.js';
import { field, json, type Router, type SandboxRequest, type SandboxResponse } from './http.js';
import { parseScopeParam, type TokenStore } from './tokens.js';

/**
 * The providers' own OAuth servers. In production Auth0 holds the Google/Slack refresh token and the
 * provider mints access tokens; here the sandbox plays the provider, so the dev tenant (or a test)
 * is a registered client that runs authorization_code once and refresh_token afterwards.
 */
export interface SandboxClient {
  client_id: string;
  client_secret: string;
  redirect_uris: string[];
}

const PROVIDER_TITLE: Record<SandboxProvider, string> = { google: 'Google', slack: 'Slack' };

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

function oauthError(status: number, error: string, description: string): SandboxResponse {
  return json(status, { error, error_description: description });
}

function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

/**
 * The provider's consent page: which account (the `login_hint`'s when it names one, else a choice
 * of the demo accounts, as Google's account chooser), and each requested permission in plain words
 * with the scope beside it, as the providers' own pages word them.
 */
function consentPage(provider: SandboxProvider, p: Record<string, string>, scopes: string[], action: string): string {
  const title = PROVIDER_TITLE[provider];
  const hidden = ['client_id', 'redirect_uri', 'response_type', 'scope', 'state', 'login_hint']
    .filter((k) => k !== 'login_hint' || p[k])
    .map((k) => `<input type="hidden" name="${k}" value="${escapeHtml(p[k] ?? '')}">`)
    .join('\n      ');
  const items = scopes
    .map((s) => `<li><span class="words">${escapeHtml(SHIPPED_SCOPE_RULES.words(s) ?? s)}</span> <code>${escapeHtml(s)}</code></li>`)
    .join('\n        ');
  const hinted = accountForHint(p['login_hint']);
  const who = hinted
    ? `<p>Signed in as <strong>${escapeHtml(hinted.name)}</strong> (<span id="account">${escapeHtml(hinted.email)}</span>).</p>
      <input type="hidden" name="account" value="${escapeHtml(hinted.userId)}">`
    : `<fieldset><legend>Choose an account</legend>
        ${SANDBOX_ACCOUNTS.map(
          (a: SandboxAccount, i) =>
            `<label><input type="radio" name="account" value="${escapeHtml(a.userId)}"${i === 0 ? ' checked' : ''}> ${escapeHtml(a.name)} (<span class="account">${escapeHtml(a.email)}</span>)</label>`,
        ).join('\n        ')}
      </fieldset>`;
  return `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>Sign in with ${title} (sandbox)</title>
  <meta name="viewport" content="width=device-width, initial-scale=1"></head>
  <body>
    <main>
      <h1>${title} sandbox: allow access?</h1>
      <form method="post" action="${escapeHtml(action)}">
      ${who}
      <p>The application <strong>${escapeHtml(p['client_id'] ?? '')}</strong> asks for these permissions:</p>
      <ul aria-label="Requested permissions">
        ${items}
      </ul>
      ${hidden}
        <button type="submit" name="decision" value="allow">Allow</button>
        <button type="submit" name="decision" value="deny">Deny</button>
      </form>
    </main>
  </body>
</html>`;
}

function redirectWith(redirectUri: string, params: Record<string, string | undefined>): SandboxResponse {
  const url = new URL(redirectUri);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
  return { status: 302, headers: { location: url.toString() } };
}

/** Reads client credentials from HTTP Basic or the form body (client_secret_basic / client_secret_post). */
function clientCredentials(req: SandboxRequest): { id?: string; secret?: string } {
  const auth = req.headers.authorization;
  if (auth?.toLowerCase().startsWith('basic ')) {
    const decoded = Buffer.from(auth.slice(6).trim(), 'base64').toString('utf8');
    const i = decoded.indexOf(':');
    if (i > 0) return { id: decodeURIComponent(decoded.slice(0, i)), secret: decodeURIComponent(decoded.slice(i + 1)) };
  }
  return { id: field(req.body, 'client_id'), secret: field(req.body, 'client_secret') };
}

export function registerOAuthRoutes(router: Router, deps: { clients: SandboxClient[]; tokens: TokenStore }): void {
  const findClient = (id: string | undefined) => deps.clients.find((c) => c.client_id === id);

  /** Authorize-time checks; a bad client or redirect is shown as a page, never redirected to. */
  const validateAuthorize = (
    provider: string,
    p: Record<string, string>,
  ): SandboxResponse | { provider: SandboxProvider; scopes: string[] } => {
    if (!isSandboxProvider(provider)) return { status: 404, body: 'unknown provider' };
    const client = findClient(p['client_id']);
    if (!client) return { status: 400, body: 'Error 401: invalid_client. The OAuth client was not found.' };
    if (!p['redirect_uri'] || !client.redirect_uris.includes(p['redirect_uri'])) {
      return { status: 400, body: 'Error 400: redirect_uri_mismatch.' };
    }
    if (p['response_type'] !== 'code') return redirectWith(p['redirect_uri'], { error: 'unsupported_response_type', state: p['state'] });
    const scopes = parseScopeParam(p['scope']);
    if (scopes.length === 0) return redirectWith(p['redirect_uri'], { error: 'invalid_scope', state: p['state'] });
    return { provider, scopes };
  };

  router.add('GET', '/oauth/:provider/authorize', (req) => {
    const p = Object.fromEntries(req.query);
    const v = validateAuthorize(req.params['provider'] ?? '', p);
    if ('status' in v) return v;
    return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: consentPage(v.provider, p, v.scopes, req.path) };
  });

  router.add('POST', '/oauth/:provider/authorize', (req) => {
    const p: Record<string, string> = {};
    for (const k of ['client_id', 'redirect_uri', 'response_type', 'scope', 'state', 'decision', 'account', 'login_hint']) {
      const value = field(req.body, k);
      if (value !== undefined) p[k] = value;
    }
    const v = validateAuthorize(req.params['provider'] ?? '', p);
    if ('status' in v) return v;
    const redirectUri = p['redirect_uri'] as string;
    if (p['decision'] !== 'allow') return redirectWith(redirectUri, { error: 'access_denied', state: p['state'] });
    // The account chosen on the page (or named by login_hint); an unknown one is refused, not defaulted.
    const chosen = p['account'] ?? accountForHint(p['login_hint'])?.userId ?? SANDBOX_ACCOUNTS[0]!.userId;
    if (!SANDBOX_ACCOUNTS.some((a) => a.userId === chosen)) return { status: 400, body: 'Unknown account.' };
    const code = deps.tokens.issueCode({
      provider: v.provider,
      userId: chosen,
      clientId: p['client_id'] as string,
      scopes: v.scopes,
      redirectUri,
    });
    return redirectWith(redirectUri, { code, state: p['state'] });
  });

  const authenticateClient = (req: SandboxRequest): SandboxClient | undefined => {
    const creds = clientCredentials(req);
    const client = findClient(creds.id);
    return client && creds.secret && safeEqual(client.client_secret, creds.secret) ? client : undefined;
  };

  router.add('POST', '/oauth/:provider/token', (req) => {
    const provider = req.params['provider'] ?? '';
    if (!isSandboxProvider(provider)) return oauthError(404, 'invalid_request', 'unknown provider');
    const client = authenticateClient(req);
    if (!client) return oauthError(401, 'invalid_client', 'Client authentication failed.');
    const grantType = field(req.body, 'grant_type');
    if (grantType === 'authorization_code') {
      const code = field(req.body, 'code');
      const redirectUri = field(req.body, 'redirect_uri');
      if (!code || !redirectUri) return oauthError(400, 'invalid_request', 'code and redirect_uri are required.');
      const grant = deps.tokens.redeemCode(provider, code, client.client_id, redirectUri);
      if (!grant) return oauthError(400, 'invalid_grant', 'The authorization code is invalid, expired or already used.');
      return json(200, deps.tokens.issue(grant, true));
    }
    if (grantType === 'refresh_token') {
      const refresh = field(req.body, 'refresh_token');
      const grant = refresh ? deps.tokens.findRefresh(provider, refresh, client.client_id) : undefined;
      if (!grant) return oauthError(400, 'invalid_grant', 'Token has been expired or revoked.');
      // RFC 6749 §6: a refresh may narrow the scopes, never widen them.
      const requested = parseScopeParam(field(req.body, 'scope'));
      if (requested.some((s) => !grant.scopes.includes(s))) return oauthError(400, 'invalid_scope', 'Requested scope exceeds the grant.');
      return json(200, deps.tokens.issue(requested.length > 0 ? { ...grant, scopes: requested } : grant, false));
    }
    return oauthError(400, 'unsupported_grant_type', `Unsupported grant_type ${grantType ?? '(none)'}.`);
  });

  /**
   * RFC 7009 for a confidential client: the client authenticates, and only tokens issued to it (for
   * this provider) are revoked; any other token is answered 200 like an unknown one, revealing nothing.
   */
  router.add('POST', '/oauth/:provider/revoke', (req) => {
    const provider = req.params['provider'] ?? '';
    if (!isSandboxProvider(provider)) return oauthError(404, 'invalid_request', 'unknown provider');
    const client = authenticateClient(req);
    if (!client) return oauthError(401, 'invalid_client', 'Client authentication failed.');
    const token = field(req.body, 'token');
    if (!token) return oauthError(400, 'invalid_request', 'token is required.');
    deps.tokens.revoke(provider, token, client.client_id);
    return json(200, {});
  });

  /** OIDC-style userinfo, so a client can tell which provider account a grant belongs to. */
  router.add('GET', '/oauth/:provider/userinfo', (req) => {
    const provider = req.params['provider'] ?? '';
    if (!isSandboxProvider(provider)) return json(404, { error: 'not_found' });
    const token = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const grant = token ? deps.tokens.verifyAccess(provider, token) : undefined;
    if (!grant) return json(401, { error: 'invalid_token' }, { 'www-authenticate': 'Bearer error="invalid_token"' });
    const account = accountOf(grant.userId);
    return json(200, {
      sub: provider === 'slack' ? account.slackUserId : account.userId,
      email: account.email,
      email_verified: true,
      name: account.name,
      scope: grant.scopes.join(' '),
    });
  });
}
