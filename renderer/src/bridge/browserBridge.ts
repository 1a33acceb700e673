import {
  ApiErrorBody,
  AppFrame,
  AuditPageResponse,
  AuditVerifyResponse,
  CONNECT_BASE_SCOPES,
  DEFAULT_CONNECTIONS,
  parseServerFrame,
  SCOPE_CATALOG,
  PreauthGrantResponse,
  PreauthListResponse,
  type Provider,
  type ServerFrame,
} from '../../../backend/src/protocol/index.js';
import {
  activePreauthViews,
  auditPageOf,
  BridgeCallError,
  preauthRequestBody,
  preauthViewOf,
  type AuditPage,
  type BridgeEvent,
  type PreauthGrantRequest,
  type PreauthView,
  type VouchBridge,
} from '../../../electron/src/bridge/contract.js';

/**
 * `VouchBridge` for the browser harness (Vite dev server, no Electron preload). It speaks the real
 * protocol to the real backend: `session_auth` on every (re)connect, every inbound frame parsed with
 * the protocol's own `parseServerFrame`, every outbound frame validated with `AppFrame` first.
 * HTTP calls (audit, My Account API) go through same-origin proxy prefixes the harness serves, so the
 * page needs no CORS from the backend or the tenant and the CSP stays `connect-src 'self'`.
 */
export interface BrowserBridgeOptions {
  /** Backend WebSocket URL, e.g. ws://127.0.0.1:PORT/ws. */
  wsUrl: string;
  /** The signed-in user's API access token (the harness logs in headlessly; the page never sees a password). */
  accessToken: string;
  /** A My Account API token (audience https://<tenant>/me/); defaults to the access token. */
  myAccountToken?: string;
  /** Same-origin prefix proxied to the backend's HTTP API. */
  backendHttp?: string;
  /** Same-origin prefix proxied to the dev tenant. */
  tenantHttp?: string;
  /** Where the tenant sends the browser back with `connect_code`; must be served by the harness. */
  connectRedirectUri?: string;
  timezone?: string;
  WebSocket?: typeof WebSocket;
  fetch?: typeof fetch;
  /** Opens the tenant's connect page; returns a handle the bridge can close. */
  openWindow?: (url: string) => { close(): void } | null;
  /** Receives the callback page's message `{connect_code, state}`; defaults to a BroadcastChannel. */
  awaitConnectCallback?: (state: string, signal: AbortSignal) => Promise<{ connect_code: string }>;
  /** Reconnect backoff base in ms. */
  retryMs?: number;
}

type Outbound = AppFrame & { frame_id: string };

const CONNECT_CHANNEL = 'vouch-connect-callback';

export class BrowserBridge implements VouchBridge {
  private ws: WebSocket | null = null;
  private listeners = new Set<(e: BridgeEvent) => void>();
  /** Frames sent and not yet acknowledged; resent after a reconnect (each is idempotent on its key). */
  private unacked = new Map<string, Outbound>();
  private seq = 0;
  private closedByUs = false;
  private attempts = 0;
  /** Frames sent before session_ready would be refused, so they wait for it. */
  private authed = false;
  private readonly WS: typeof WebSocket;
  private readonly fetch: typeof fetch;

  constructor(private readonly opts: BrowserBridgeOptions) {
    this.WS = opts.WebSocket ?? WebSocket;
    this.fetch = opts.fetch ?? ((...a) => globalThis.fetch(...a));
  }

  /** Opens the socket; call once after subscribing so no early frame is missed. */
  start(): void {
    this.closedByUs = false;
    this.open();
  }

  close(): void {
    this.closedByUs = true;
    this.ws?.close();
  }

  onEvent(listener: (event: BridgeEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async signIn(): Promise<void> {
    // The harness signs in before loading the page; a fresh session_auth is all that can be done here.
    this.closedByUs = false;
    if (!this.ws || this.ws.readyState !== this.WS.OPEN) this.open();
  }

  async signOut(): Promise<void> {
    this.send({ type: 'logout' });
    this.emit({ type: 'auth', state: { signedIn: false } });
  }

  async sendTranscript(text: string): Promise<{ id: string }> {
    const id = `t-${crypto.randomUUID()}`;
    this.emit({ type: 'transcript', id, text: text.trim() });
    await this.send({ type: 'transcript', id, text });
    return { id };
  }

  // There is no on-device speech recognition in the browser harness: the renderer's capture still
  // runs (so the worklet is exercised) and its chunks are counted, not transcribed.
  capturedBytes = 0;
  async startListening(): Promise<void> {
    this.emit({ type: 'recording', state: 'listening' });
  }
  async stopListening(): Promise<void> {
    this.emit({ type: 'recording', state: 'idle' });
  }
  pushAudio(chunk: ArrayBuffer): void {
    this.capturedBytes += chunk.byteLength;
  }

  confirmDraft(draftId: string, edits?: Record<string, unknown>): Promise<void> {
    return this.send(edits ? { type: 'action_confirmed', draft_id: draftId, edits } : { type: 'action_confirmed', draft_id: draftId });
  }
  cancelDraft(draftId: string): Promise<void> {
    return this.send({ type: 'action_cancelled', draft_id: draftId });
  }
  decideApproval(id: string, approve: boolean): Promise<void> {
    return this.send({ type: 'approval_decision', id, approve });
  }
  listScopes(): Promise<void> {
    return this.send({ type: 'list_scopes' });
  }
  revokeProvider(provider: Provider): Promise<void> {
    return this.send({ type: 'revoke_provider', provider });
  }

  async getAudit(opts: { cursor?: string; limit?: number } = {}): Promise<AuditPage> {
    const q = new URLSearchParams();
    if (opts.limit) q.set('limit', String(opts.limit));
    if (opts.cursor) q.set('cursor', opts.cursor);
    const auth = { headers: this.authHeaders() };
    const [list, verify] = await Promise.all([this.fetch(`${this.backendBase()}/audit?${q}`, auth), this.fetch(`${this.backendBase()}/audit/verify`, auth)]);
    if (!list.ok) throw new BridgeCallError('REQUEST_FAILED');
    const page = AuditPageResponse.safeParse(await list.json());
    if (!page.success) throw new BridgeCallError('REQUEST_FAILED');
    return auditPageOf(page.data, verify.ok ? AuditVerifyResponse.parse(await verify.json()) : { failedWithStatus: verify.status });
  }

  async listPreauthorizations(): Promise<PreauthView[]> {
    const res = await this.fetch(`${this.backendBase()}/preauthorizations`, { headers: this.authHeaders() });
    if (!res.ok) throw new BridgeCallError('REQUEST_FAILED');
    const body = PreauthListResponse.safeParse(await res.json());
    if (!body.success) throw new BridgeCallError('REQUEST_FAILED');
    return activePreauthViews(body.data, Date.now());
  }

  /** Waits for the backend, which waits for the phone: this can take minutes. */
  async grantPreauthorization(req: PreauthGrantRequest): Promise<PreauthView> {
    const res = await this.fetch(`${this.backendBase()}/preauthorizations`, {
      method: 'POST',
      headers: { ...this.authHeaders(), 'content-type': 'application/json' },
      body: JSON.stringify(preauthRequestBody(req)),
    });
    const body: unknown = await res.json().catch(() => null);
    if (!res.ok) {
      const err = ApiErrorBody.safeParse(body);
      const code = err.success ? err.data.error.code : undefined;
      throw new BridgeCallError(code === 'APPROVAL_DENIED' || code === 'APPROVAL_EXPIRED' ? code : 'REQUEST_FAILED');
    }
    const grant = PreauthGrantResponse.safeParse(body);
    if (!grant.success) throw new BridgeCallError('REQUEST_FAILED');
    return preauthViewOf(grant.data.preauthorization);
  }

  async revokePreauthorization(id: string): Promise<void> {
    const res = await this.fetch(`${this.backendBase()}/preauthorizations/${encodeURIComponent(id)}`, { method: 'DELETE', headers: this.authHeaders() });
    // 404: no longer active (expired or already revoked), which is what was asked for.
    if (!res.ok && res.status !== 404) throw new BridgeCallError('REQUEST_FAILED');
  }

  private backendBase(): string {
    return this.opts.backendHttp ?? '/__backend';
  }
  private authHeaders(): Record<string, string> {
    return { authorization: `Bearer ${this.opts.accessToken}` };
  }

  /**
   * Connected Accounts as the desktop app runs it, with a popup instead of the system browser:
   * POST /me/v1/connected-accounts/connect → open connect_uri?ticket=… → the tenant redirects to the
   * harness callback page with connect_code → POST …/complete → tell the backend `account_connected`.
   */
  async connectProvider(provider: Provider): Promise<void> {
    const tenant = this.opts.tenantHttp ?? '/__tenant';
    const redirectUri = this.opts.connectRedirectUri ?? new URL('/connect-callback.html', location.href).href;
    const token = this.opts.myAccountToken ?? this.opts.accessToken;
    const state = crypto.randomUUID();
    const verifier = randomVerifier();
    // The same least-privilege catalog the backend asks with, so the consent page lists the same scopes.
    const scopes = [...CONNECT_BASE_SCOPES[provider], ...SCOPE_CATALOG.filter((s) => s.provider === provider).map((s) => s.scope)];
    const progress = (s: 'browser_open' | 'completing' | 'done' | 'failed', message?: string) =>
      this.emit({ type: 'connect_progress', progress: { provider, state: s, ...(message ? { message } : {}) } });
    const post = (path: string, body: unknown) =>
      this.fetch(`${tenant}/me/v1/connected-accounts/${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const abort = new AbortController();
    let popup: { close(): void } | null = null;
    try {
      const started = await post('connect', {
        connection: DEFAULT_CONNECTIONS[provider],
        redirect_uri: redirectUri,
        state,
        scopes,
        code_challenge: await s256(verifier),
        code_challenge_method: 'S256',
      });
      if (started.status !== 201 && !started.ok) throw new Error(`connect: HTTP ${started.status}`);
      const { connect_uri, auth_session, connect_params } = (await started.json()) as {
        connect_uri: string;
        auth_session: string;
        connect_params: { ticket: string };
      };
      const callback = (this.opts.awaitConnectCallback ?? awaitBroadcastCallback)(state, abort.signal);
      popup = (this.opts.openWindow ?? ((u) => window.open(u, '_blank', 'popup')))(`${connect_uri}?ticket=${encodeURIComponent(connect_params.ticket)}`);
      progress('browser_open');
      const { connect_code } = await callback;
      progress('completing');
      const done = await post('complete', { connect_code, auth_session, redirect_uri: redirectUri, code_verifier: verifier });
      if (!done.ok) throw new Error(`complete: HTTP ${done.status}`);
      await this.send({ type: 'account_connected', provider });
      progress('done');
    } catch (err) {
      progress('failed', 'Connecting did not finish. Try again.');
      console.warn('vouch: connecting did not finish:', err instanceof Error ? err.message : err);
      throw new BridgeCallError('CONNECT_FAILED');
    } finally {
      abort.abort();
      popup?.close();
    }
  }

  private emit(event: BridgeEvent): void {
    for (const l of this.listeners) l(event);
  }

  private open(): void {
    this.emit({ type: 'link', state: 'connecting' });
    const ws = new this.WS(this.opts.wsUrl);
    this.ws = ws;
    this.authed = false;
    ws.onopen = () => {
      this.attempts = 0;
      const auth = { type: 'session_auth', access_token: this.opts.accessToken, ...(this.opts.timezone ? { timezone: this.opts.timezone } : {}) } as const;
      ws.send(JSON.stringify(auth));
    };
    ws.onmessage = (m: MessageEvent) => {
      if (typeof m.data !== 'string') return;
      const parsed = parseServerFrame(m.data);
      if (!parsed.ok) {
        console.warn('vouch: ignored a frame the protocol does not allow:', parsed.message);
        return;
      }
      this.onFrame(parsed.frame);
    };
    ws.onclose = () => {
      if (this.ws !== ws) return;
      this.ws = null;
      this.emit({ type: 'link', state: 'offline' });
      if (this.closedByUs) return;
      const delay = Math.min(10_000, (this.opts.retryMs ?? 500) * 2 ** this.attempts++);
      setTimeout(() => !this.closedByUs && this.open(), delay);
    };
  }

  private onFrame(frame: ServerFrame): void {
    if (frame.type === 'ack') {
      this.unacked.delete(frame.frame_id);
      return;
    }
    if (frame.type === 'session_ready') {
      this.authed = true;
      this.emit({ type: 'link', state: 'online' });
      this.emit({ type: 'auth', state: { signedIn: true, user: frame.user } });
      // The session is authenticated again: anything unacknowledged goes out once more.
      for (const f of this.unacked.values()) this.ws?.send(JSON.stringify(f));
    }
    // A refused frame will be refused again: do not resend it.
    if (frame.type === 'error' && frame.frame_id) this.unacked.delete(frame.frame_id);
    if (frame.type === 'error' && frame.code === 'UNAUTHENTICATED') {
      this.closedByUs = true;
      this.emit({ type: 'auth', state: { signedIn: false } });
    }
    this.emit({ type: 'frame', frame });
  }

  /**
   * Validates and sends a frame with a frame_id. It resolves once the frame is handed over or queued
   * (not on ack: a backend that is slow to ack must not freeze the UI); unacknowledged frames are
   * resent after the next session_ready, and errors come back as `error` frames like any other.
   */
  private async send(frame: DistributiveOmit<AppFrame, 'frame_id'>): Promise<void> {
    const withId = AppFrame.parse({ ...frame, frame_id: `f${++this.seq}-${Date.now().toString(36)}` }) as Outbound;
    if (withId.type !== 'logout') this.unacked.set(withId.frame_id, withId);
    const ws = this.ws;
    if (ws && ws.readyState === this.WS.OPEN && this.authed) ws.send(JSON.stringify(withId));
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

const b64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** PKCE for the connect round trip (the tenant binds connect_code to it). */
function randomVerifier(): string {
  return b64url(crypto.getRandomValues(new Uint8Array(32)));
}
async function s256(verifier: string): Promise<string> {
  return b64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

function awaitBroadcastCallback(state: string, signal: AbortSignal): Promise<{ connect_code: string }> {
  return new Promise((resolve, reject) => {
    const channel = new BroadcastChannel(CONNECT_CHANNEL);
    const done = () => channel.close();
    signal.addEventListener('abort', () => (done(), reject(new Error('connect aborted'))), { once: true });
    channel.onmessage = (e: MessageEvent) => {
      const data = e.data as { state?: string; connect_code?: string; error?: string };
      if (data.state !== state) return;
      done();
      if (data.connect_code) resolve({ connect_code: data.connect_code });
      else reject(new Error(data.error ?? 'the connection was not allowed'));
    };
  });
}
