import { z } from 'zod';
import { VouchError } from '../../../backend/src/protocol/vouchError.js';

/**
 * A client for the Auth0 My Account API's Connected Accounts endpoints. Plain `fetch`, no Node-only
 * imports, so the desktop app's main process and the backend's tests use the same code.
 */
export class MyAccountError extends VouchError {
  static override readonly code = 'MY_ACCOUNT_REQUEST_FAILED';
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
  ) {
    super(`${status} ${title}: ${detail}`);
    this.name = 'MyAccountError';
  }
}

const ConnectResponse = z.object({
  connect_uri: z.string().url(),
  auth_session: z.string().min(1),
  connect_params: z.object({ ticket: z.string().min(1) }),
  expires_in: z.number().int().positive(),
});
export type ConnectResponse = z.infer<typeof ConnectResponse>;

const ConnectedAccount = z.object({
  id: z.string(),
  connection: z.string(),
  access_type: z.string().optional(),
  scopes: z.array(z.string()).optional(),
  created_at: z.string(),
  expires_at: z.string().optional(),
});
export type ConnectedAccount = z.infer<typeof ConnectedAccount>;

const AccountsPage = z.object({ accounts: z.array(ConnectedAccount), next: z.string().optional() });

interface MyAccountClientOptions {
  /** The tenant domain base, e.g. `https://tenant.us.auth0.com/` … */
  issuer?: string;
  /** … or the API base itself, e.g. `https://tenant.us.auth0.com/me/v1/`. */
  apiBase?: string;
  /** A My Account API token, or a function that fetches one when a call needs it. */
  accessToken: string | (() => Promise<string>);
  fetch?: typeof fetch;
}

export function createMyAccountClient(opts: MyAccountClientOptions) {
  const slash = (u: string) => (u.endsWith('/') ? u : `${u}/`);
  if (!opts.apiBase && !opts.issuer) throw new TypeError('createMyAccountClient needs issuer or apiBase');
  const base = opts.apiBase
    ? new URL('connected-accounts/', slash(opts.apiBase))
    : new URL('me/v1/connected-accounts/', slash(opts.issuer!));
  const f = opts.fetch ?? fetch;
  const token = typeof opts.accessToken === 'string' ? () => Promise.resolve(opts.accessToken as string) : opts.accessToken;

  async function call<T>(method: string, path: string, schema: z.ZodType<T> | null, body?: unknown): Promise<T> {
    const res = await f(new URL(path, base), {
      method,
      headers: {
        authorization: `Bearer ${await token()}`,
        accept: 'application/json',
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    if (!res.ok) {
      const p = (json ?? {}) as { title?: string; detail?: string };
      throw new MyAccountError(res.status, p.title ?? res.statusText, p.detail ?? 'request failed');
    }
    if (!schema) return undefined as T;
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new MyAccountError(res.status, 'Invalid Response', 'the My Account API answered with an unexpected body');
    return parsed.data;
  }

  return {
    /** Starts linking: the browser must then open `browserUrl(response)`. */
    // authorization_params reach the provider's authorize (e.g. login_hint for the account the person picked).
    connect: (req: {
      connection: string;
      redirect_uri: string;
      state?: string;
      code_challenge?: string;
      scopes?: string[];
      authorization_params?: Record<string, string>;
    }) => call('POST', 'connect', ConnectResponse, { ...req, ...(req.code_challenge ? { code_challenge_method: 'S256' } : {}) }),
    complete: (req: { auth_session: string; connect_code: string; redirect_uri: string; code_verifier?: string }) =>
      call('POST', 'complete', ConnectedAccount, req),
    listAccounts: async (connection?: string): Promise<ConnectedAccount[]> => {
      const out: ConnectedAccount[] = [];
      let from: string | undefined;
      for (let i = 0; i < 50; i++) {
        const q = new URLSearchParams({ take: '20', ...(connection ? { connection } : {}), ...(from ? { from } : {}) });
        const page = await call('GET', `accounts?${q}`, AccountsPage);
        out.push(...page.accounts);
        if (!page.next) break;
        from = page.next;
      }
      return out;
    },
    deleteAccount: (id: string) => call('DELETE', `accounts/${encodeURIComponent(id)}`, null),
  };
}

export function connectBrowserUrl(r: ConnectResponse): string {
  return `${r.connect_uri}?ticket=${encodeURIComponent(r.connect_params.ticket)}`;
}
