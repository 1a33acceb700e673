import { z } from 'zod';

/**
 * Client for Auth0's My Account API Connected Accounts endpoints (`/me/v1/connected-accounts/*`),
 * with response shapes validated (the OpenAPI spec marks them `additionalProperties: false`; we
 * only require the fields we use). Errors are RFC 7807 problem bodies; `MyAccountError` keeps the
 * title/detail for logs and never the bearer token.
 */
export const ConnectResponse = z.object({
  connect_uri: z.string().url(),
  auth_session: z.string().min(1).max(64),
  connect_params: z.object({ ticket: z.string().min(1) }),
  expires_in: z.number().int().positive(),
});
export type ConnectResponse = z.infer<typeof ConnectResponse>;

export const CompleteResponse = z.object({
  id: z.string(),
  connection: z.string(),
  access_type: z.string().optional(),
  scopes: z.array(z.string()).optional(),
  created_at: z.string(),
  expires_at: z.string().optional(),
});
export type CompleteResponse = z.infer<typeof CompleteResponse>;

export interface ConnectRequest {
  connection: string;
  redirect_uri: string;
  state: string;
  code_challenge: string;
  code_challenge_method: 'S256';
  scopes?: string[];
}

export interface CompleteRequest {
  auth_session: string;
  connect_code: string;
  redirect_uri: string;
  code_verifier: string;
}

export class MyAccountError extends Error {
  override name = 'MyAccountError';
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
  ) {
    super(`My Account API ${status} ${title}: ${detail}`);
  }
}

/** The scopes the desktop app asks for on the My Account API token. */
export const MY_ACCOUNT_SCOPES = 'create:me:connected_accounts read:me:connected_accounts';

export class MyAccountClient {
  private readonly base: URL;

  constructor(
    /** e.g. `https://tenant.auth0.com/me/v1/` (trailing slash). */
    baseUrl: string,
    private readonly getToken: () => Promise<string>,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {
    this.base = new URL(baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  }

  connect(body: ConnectRequest): Promise<ConnectResponse> {
    return this.post('connected-accounts/connect', body, ConnectResponse);
  }

  complete(body: CompleteRequest): Promise<CompleteResponse> {
    return this.post('connected-accounts/complete', body, CompleteResponse);
  }

  private async post<T>(path: string, body: unknown, schema: z.ZodType<T>): Promise<T> {
    const token = await this.getToken();
    const res = await this.fetchImpl(new URL(path, this.base), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    if (!res.ok) {
      const p = (json ?? {}) as { title?: unknown; detail?: unknown };
      throw new MyAccountError(res.status, typeof p.title === 'string' ? p.title : res.statusText, typeof p.detail === 'string' ? p.detail : '');
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new MyAccountError(res.status, 'Unexpected response', parsed.error.issues[0]?.message ?? 'invalid shape');
    return parsed.data;
  }
}
