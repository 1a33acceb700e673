import { VouchError } from '../../../backend/src/protocol/vouchError.js';
import type { AuthState } from '../bridge/contract.js';
import type { RefreshTokenStore, NotPersistedReason, PersistResult, StoredProfile } from './tokenStore.js';

/**
 * The signed-in session in main: the access token in memory only, the refresh token in memory and
 * (encrypted) in the token store. The access token is refreshed `refreshMarginMs` before it expires
 * by a timer on an injected clock, and on demand if a caller asks for a token that is about to
 * expire (the machine may have slept through the timer). Concurrent callers share one refresh.
 * A rotated refresh token from any refresh replaces the stored one. Sign-out clears all of it.
 */
interface TokenSet {
  access_token: string;
  refresh_token?: string | undefined;
  /** Seconds. */
  expires_in?: number | undefined;
  profile?: StoredProfile | undefined;
}

/** The OAuth operations the session needs; the app implements them with openid-client. */
export interface AuthClientPort {
  signIn(): Promise<TokenSet>;
  refresh(refreshToken: string, params?: Record<string, string>): Promise<TokenSet>;
  /** Best effort: revoke the refresh token at the tenant on sign-out. */
  revoke?(refreshToken: string): Promise<void>;
}

interface SessionClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SessionLog {
  warn(obj: Record<string, unknown>, msg: string): void;
}

export class SignedOutError extends VouchError {
  static override readonly code = 'SIGNED_OUT';
  override name = 'SignedOutError';
  constructor() {
    super('not signed in');
  }
}

export class AuthSession {
  private accessToken: string | undefined;
  private expiresAt = 0;
  private refreshToken: string | undefined;
  private profile: StoredProfile | undefined;
  private timer: unknown = undefined;
  private inflight: Promise<string> | undefined;
  private listeners = new Set<(s: AuthState) => void>();
  /** Why the refresh token is not kept past this run, once a save was refused; undefined when it is. */
  private notPersisted: NotPersistedReason | undefined;
  private persistedOnce = false;
  private readonly marginMs: number;

  constructor(
    private readonly client: AuthClientPort,
    private readonly store: RefreshTokenStore,
    private readonly clock: SessionClock,
    opts: { refreshMarginMs?: number; log?: SessionLog } = {},
  ) {
    this.marginMs = opts.refreshMarginMs ?? 60_000;
    this.log = opts.log ?? { warn() {} };
  }
  private readonly log: SessionLog;

  /** Whether the refresh token was persisted (false: signed in for this run only). */
  get persisted(): boolean {
    return this.persistedOnce && this.notPersisted === undefined;
  }

  get state(): AuthState {
    if (!this.accessToken && !this.refreshToken) return { signedIn: false };
    const p = this.profile;
    const user = p ? { sub: p.sub, email: p.email, name: p.name } : { sub: 'unknown' };
    return this.notPersisted ? { signedIn: true, user, sessionOnly: this.notPersisted } : { signedIn: true, user };
  }

  onChange(fn: (s: AuthState) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** At start-up: use the stored refresh token, if any. Returns whether a session was restored. */
  async restore(): Promise<boolean> {
    const rt = await this.store.loadRefreshToken();
    if (!rt) return false;
    this.refreshToken = rt;
    this.profile = this.store.loadProfile();
    this.persistedOnce = true;
    try {
      await this.refreshNow();
      return true;
    } catch (err) {
      this.log.warn({ error: errorKind(err) }, 'stored session could not be refreshed');
      // A rejected refresh token is gone for good; a network failure is not, so keep it for later.
      if (isInvalidGrant(err)) this.wipe();
      return false;
    }
  }

  async signIn(): Promise<AuthState> {
    const tokens = await this.client.signIn();
    await this.apply(tokens);
    return this.state;
  }

  /** A valid access token, refreshing first if it expires within the margin. */
  async getAccessToken(): Promise<string> {
    if (this.accessToken && this.clock.now() < this.expiresAt - this.marginMs) return this.accessToken;
    if (!this.refreshToken) {
      if (this.accessToken && this.clock.now() < this.expiresAt) return this.accessToken;
      throw new SignedOutError();
    }
    return this.refreshNow();
  }

  /**
   * Exchanges the refresh token for a token for another audience (Auth0 multi-resource refresh,
   * e.g. the My Account API). Does not replace the session's own access token.
   */
  async tokenForAudience(audience: string, scope: string): Promise<string> {
    if (!this.refreshToken) throw new SignedOutError();
    const t = await this.client.refresh(this.refreshToken, { audience, scope });
    await this.keepRotated(t.refresh_token);
    return t.access_token;
  }

  get hasRefreshToken(): boolean {
    return this.refreshToken !== undefined;
  }

  /** Forces a refresh now (e.g. the backend said UNAUTHENTICATED). */
  refreshNow(): Promise<string> {
    if (this.inflight) return this.inflight;
    const rt = this.refreshToken;
    if (!rt) return Promise.reject(new SignedOutError());
    this.inflight = this.client
      .refresh(rt)
      .then(async (t) => {
        await this.apply(t);
        return t.access_token;
      })
      .catch((err: unknown) => {
        if (isInvalidGrant(err)) this.signOutLocal();
        throw err;
      })
      .finally(() => {
        this.inflight = undefined;
      });
    return this.inflight;
  }

  async signOut(): Promise<void> {
    const rt = this.refreshToken;
    this.signOutLocal();
    if (rt && this.client.revoke) {
      try {
        await this.client.revoke(rt);
      } catch (err) {
        this.log.warn({ error: errorKind(err) }, 'refresh token revocation failed');
      }
    }
  }

  private signOutLocal(): void {
    this.wipe();
    this.emit();
  }

  private wipe(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.accessToken = undefined;
    this.refreshToken = undefined;
    this.profile = undefined;
    this.expiresAt = 0;
    this.persistedOnce = false;
    this.notPersisted = undefined;
    this.store.clear();
  }

  private async apply(t: TokenSet): Promise<void> {
    const wasSignedIn = this.state.signedIn;
    const wasSessionOnly = this.notPersisted;
    this.accessToken = t.access_token;
    // Without expires_in assume a short life, so we refresh early rather than use a dead token.
    this.expiresAt = this.clock.now() + (t.expires_in ?? 300) * 1000;
    if (t.profile) this.profile = t.profile;
    if (t.refresh_token) this.refreshToken = t.refresh_token;
    this.schedule();
    if (this.refreshToken && this.profile) await this.persist(this.refreshToken, this.profile);
    if (!this.state.signedIn) return; // signed out while the token was being sealed
    if (!wasSignedIn || t.profile || this.notPersisted !== wasSessionOnly) this.emit();
  }

  private async keepRotated(rt: string | undefined): Promise<void> {
    if (!rt || rt === this.refreshToken) return;
    this.refreshToken = rt;
    if (this.profile) await this.persist(rt, this.profile);
  }

  /** Saves in call order, so an older token never overwrites a newer one. */
  private persist(rt: string, profile: StoredProfile): Promise<void> {
    const run = this.saving.then(async () => {
      let r: PersistResult;
      try {
        r = await this.store.save(rt, profile);
      } catch {
        r = { persisted: false, reason: 'encryption_unavailable' };
      }
      if (!this.refreshToken) return; // signed out meanwhile; the store is already cleared
      this.persistedOnce = true;
      this.notPersisted = r.persisted ? undefined : r.reason;
    });
    this.saving = run;
    return run;
  }
  private saving: Promise<void> = Promise.resolve();

  private schedule(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.refreshToken) return;
    const delay = Math.max(0, this.expiresAt - this.marginMs - this.clock.now());
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      this.refreshNow().catch((err: unknown) => {
        this.log.warn({ error: errorKind(err) }, 'scheduled refresh failed');
        // Try again shortly unless the session is gone; getAccessToken() also refreshes on demand.
        if (this.refreshToken) this.timer = this.clock.setTimeout(() => void this.refreshNow().catch(() => {}), 30_000);
      });
    }, delay);
  }

  private emit(): void {
    const s = this.state;
    for (const l of this.listeners) l(s);
  }
}

function isInvalidGrant(err: unknown): boolean {
  return !!err && typeof err === 'object' && (err as { error?: unknown }).error === 'invalid_grant';
}

function errorKind(err: unknown): string {
  if (err && typeof err === 'object') {
    const e = err as { error?: unknown; name?: unknown };
    if (typeof e.error === 'string') return e.error; // OAuth error code, never a token
    if (typeof e.name === 'string') return e.name;
  }
  return 'unknown';
}
