import { createHash, randomBytes } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { migrate } from '../../src/store/sqlite.js';

/**
 * The dev tenant's Token Vault: accounts linked through the My Account API's Connected Accounts
 * flow, holding the upstream provider's refresh and access tokens. Token Vault reads only these,
 * never the login identity, exactly as Auth0 documents.
 */
export interface ConnectedAccount {
  id: string;
  sub: string;
  connection: string;
  /** Which provider account (its email as the login_hint named it; '' when none was named). */
  account: string;
  scopes: string[];
  refreshToken: string;
  accessToken: string;
  accessTokenExpiresAt: number;
  createdAt: string;
}

export function randomId(bytes = 16): string {
  return randomBytes(bytes).toString('base64url');
}

export function s256(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

export class ConnectedAccountStore {
  constructor(private readonly db: DatabaseSync) {
    migrate(db, 'devtenant-vault', [
      {
        id: 1,
        sql: `CREATE TABLE connected_accounts (
          id TEXT PRIMARY KEY, sub TEXT NOT NULL, connection TEXT NOT NULL, scopes TEXT NOT NULL,
          refresh_token TEXT NOT NULL, access_token TEXT NOT NULL, access_token_expires_at INTEGER NOT NULL,
          created_at TEXT NOT NULL, UNIQUE (sub, connection));`,
      },
      {
        // Auth0 lets one user connect several accounts of one connection (work and personal mail).
        id: 2,
        sql: `CREATE TABLE connected_accounts_v2 (
          id TEXT PRIMARY KEY, sub TEXT NOT NULL, connection TEXT NOT NULL, account TEXT NOT NULL DEFAULT '', scopes TEXT NOT NULL,
          refresh_token TEXT NOT NULL, access_token TEXT NOT NULL, access_token_expires_at INTEGER NOT NULL,
          created_at TEXT NOT NULL, UNIQUE (sub, connection, account));
          INSERT INTO connected_accounts_v2 (id, sub, connection, account, scopes, refresh_token, access_token, access_token_expires_at, created_at)
            SELECT id, sub, connection, '', scopes, refresh_token, access_token, access_token_expires_at, created_at FROM connected_accounts;
          DROP TABLE connected_accounts;
          ALTER TABLE connected_accounts_v2 RENAME TO connected_accounts;`,
      },
    ]);
  }

  /** The named provider account, or without a name the most recently connected one. */
  find(sub: string, connection: string, account?: string): ConnectedAccount | undefined {
    const row =
      account !== undefined
        ? this.db
            .prepare('SELECT * FROM connected_accounts WHERE sub = ? AND connection = ? AND account = ?')
            .get(sub, connection, account.toLowerCase())
        : this.db
            .prepare('SELECT * FROM connected_accounts WHERE sub = ? AND connection = ? ORDER BY created_at DESC, id DESC LIMIT 1')
            .get(sub, connection);
    return row ? toAccount(row as Row) : undefined;
  }

  list(sub: string, connection?: string): ConnectedAccount[] {
    const rows = connection
      ? this.db.prepare('SELECT * FROM connected_accounts WHERE sub = ? AND connection = ? ORDER BY created_at, id').all(sub, connection)
      : this.db.prepare('SELECT * FROM connected_accounts WHERE sub = ? ORDER BY created_at, id').all(sub);
    return (rows as Row[]).map(toAccount);
  }

  /** Linking the same account of a connection again replaces its tokens, as re-consenting does at Auth0; another account is added. */
  save(a: Omit<ConnectedAccount, 'id' | 'createdAt' | 'account'> & { account?: string }, now: number): ConnectedAccount {
    const account = (a.account ?? '').toLowerCase();
    const existing = this.find(a.sub, a.connection, account);
    const id = existing?.id ?? `cac_${randomBytes(12).toString('hex')}`;
    const createdAt = new Date(now).toISOString();
    this.db
      .prepare(
        `INSERT INTO connected_accounts (id, sub, connection, account, scopes, refresh_token, access_token, access_token_expires_at, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(sub, connection, account) DO UPDATE SET scopes = excluded.scopes,
         refresh_token = excluded.refresh_token, access_token = excluded.access_token,
         access_token_expires_at = excluded.access_token_expires_at, created_at = excluded.created_at`,
      )
      .run(id, a.sub, a.connection, account, a.scopes.join(' '), a.refreshToken, a.accessToken, a.accessTokenExpiresAt, createdAt);
    return this.find(a.sub, a.connection, account)!;
  }

  updateAccessToken(id: string, accessToken: string, expiresAt: number): void {
    this.db
      .prepare('UPDATE connected_accounts SET access_token = ?, access_token_expires_at = ? WHERE id = ?')
      .run(accessToken, expiresAt, id);
  }

  delete(sub: string, id: string): boolean {
    return this.db.prepare('DELETE FROM connected_accounts WHERE sub = ? AND id = ?').run(sub, id).changes > 0;
  }
}

type Row = {
  id: string;
  sub: string;
  connection: string;
  account: string;
  scopes: string;
  refresh_token: string;
  access_token: string;
  access_token_expires_at: number;
  created_at: string;
};

function toAccount(r: Row): ConnectedAccount {
  return {
    id: r.id,
    sub: r.sub,
    connection: r.connection,
    account: r.account ?? '',
    scopes: r.scopes ? r.scopes.split(' ') : [],
    refreshToken: r.refresh_token,
    accessToken: r.access_token,
    accessTokenExpiresAt: Number(r.access_token_expires_at),
    createdAt: r.created_at,
  };
}
