import { createHash, randomBytes } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import type { SandboxProvider } from './account.js';

/**
 * Opaque provider tokens. Only SHA-256 hashes are stored, so the database file never holds a usable
 * credential; the prefixes mimic the real providers so a leaked string is recognisable in a review.
 */
const PREFIX: Record<SandboxProvider, { access: string; refresh: string }> = {
  google: { access: 'ya29.sbx-', refresh: '1//sbx-' },
  slack: { access: 'xoxp-sbx-', refresh: 'xoxe-1-sbx-' },
};

const CODE_TTL_MS = 5 * 60_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function randomToken(prefix: string): string {
  return prefix + randomBytes(32).toString('base64url');
}

export function parseScopeParam(scope: string | undefined): string[] {
  return [...new Set((scope ?? '').split(/[\s,]+/).filter((s) => s.length > 0))];
}

export interface GrantedAccess {
  provider: SandboxProvider;
  userId: string;
  clientId: string;
  scopes: string[];
}

export interface IssuedTokens {
  access_token: string;
  refresh_token?: string;
  expires_in: number;
  scope: string;
  token_type: 'Bearer';
}

export class TokenStore {
  constructor(
    private readonly db: DatabaseSync,
    private readonly now: () => number,
    private readonly accessTokenTtlSeconds: number,
  ) {}

  issueCode(g: GrantedAccess & { redirectUri: string }): string {
    const code = randomBytes(24).toString('base64url');
    this.db
      .prepare('INSERT INTO oauth_codes (code_hash, provider, client_id, redirect_uri, user_id, scopes, expires_at) VALUES (?,?,?,?,?,?,?)')
      .run(hashToken(code), g.provider, g.clientId, g.redirectUri, g.userId, g.scopes.join(' '), this.now() + CODE_TTL_MS);
    return code;
  }

  /** One-time use: a replayed or expired code, or one bound to another client or redirect, is rejected. */
  redeemCode(provider: SandboxProvider, code: string, clientId: string, redirectUri: string): GrantedAccess | undefined {
    const row = this.db.prepare('SELECT * FROM oauth_codes WHERE code_hash = ?').get(hashToken(code)) as
      | { provider: string; client_id: string; redirect_uri: string; user_id: string; scopes: string; expires_at: number; used: number }
      | undefined;
    if (!row || row.used || row.provider !== provider || row.client_id !== clientId || row.redirect_uri !== redirectUri) return undefined;
    this.db.prepare('UPDATE oauth_codes SET used = 1 WHERE code_hash = ?').run(hashToken(code));
    if (row.expires_at <= this.now()) return undefined;
    return { provider, userId: row.user_id, clientId, scopes: parseScopeParam(row.scopes) };
  }

  issue(g: GrantedAccess, withRefresh: boolean): IssuedTokens {
    const access = randomToken(PREFIX[g.provider].access);
    const insert = this.db.prepare(
      'INSERT INTO oauth_tokens (token_hash, kind, provider, client_id, user_id, scopes, expires_at) VALUES (?,?,?,?,?,?,?)',
    );
    insert.run(
      hashToken(access),
      'access',
      g.provider,
      g.clientId,
      g.userId,
      g.scopes.join(' '),
      this.now() + this.accessTokenTtlSeconds * 1000,
    );
    const out: IssuedTokens = {
      access_token: access,
      expires_in: this.accessTokenTtlSeconds,
      scope: g.scopes.join(' '),
      token_type: 'Bearer',
    };
    if (withRefresh) {
      const refresh = randomToken(PREFIX[g.provider].refresh);
      insert.run(hashToken(refresh), 'refresh', g.provider, g.clientId, g.userId, g.scopes.join(' '), null);
      out.refresh_token = refresh;
    }
    return out;
  }

  /** The grant behind a refresh token of this client, or undefined when unknown or revoked. */
  findRefresh(provider: SandboxProvider, refreshToken: string, clientId: string): GrantedAccess | undefined {
    const row = this.db
      .prepare("SELECT * FROM oauth_tokens WHERE token_hash = ? AND kind = 'refresh' AND revoked = 0")
      .get(hashToken(refreshToken)) as { provider: string; client_id: string; user_id: string; scopes: string } | undefined;
    if (!row || row.provider !== provider || row.client_id !== clientId) return undefined;
    return { provider, userId: row.user_id, clientId, scopes: parseScopeParam(row.scopes) };
  }

  /** The grant behind a live access token; expired, revoked and unknown tokens all read as undefined. */
  verifyAccess(provider: SandboxProvider, accessToken: string): GrantedAccess | undefined {
    const row = this.db
      .prepare("SELECT * FROM oauth_tokens WHERE token_hash = ? AND kind = 'access' AND revoked = 0")
      .get(hashToken(accessToken)) as
      { provider: string; client_id: string; user_id: string; scopes: string; expires_at: number } | undefined;
    if (!row || row.provider !== provider || row.expires_at <= this.now()) return undefined;
    return { provider, userId: row.user_id, clientId: row.client_id, scopes: parseScopeParam(row.scopes) };
  }

  /** Revokes a token only for the provider and client it was issued to. */
  revoke(provider: SandboxProvider, token: string, clientId: string): boolean {
    const r = this.db
      .prepare('UPDATE oauth_tokens SET revoked = 1 WHERE token_hash = ? AND provider = ? AND client_id = ?')
      .run(hashToken(token), provider, clientId);
    return Number(r.changes) > 0;
  }
}
