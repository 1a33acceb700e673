import { z } from 'zod';

/** Where the dev tenant sends the browser to consent and exchanges codes: the provider sandbox. */
export interface UpstreamConnection {
  /** Auth0 connection name, e.g. `google-oauth2`. */
  name: string;
  strategy: string;
  authorizeUrl: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** Scopes asked for when a connect request names none (the dashboard's connection scopes). */
  defaultScopes: string[];
}

const UpstreamTokenResponse = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
  expires_in: z.coerce.number().int().positive(),
  scope: z.string().optional(),
});
export type UpstreamTokenResponse = z.infer<typeof UpstreamTokenResponse>;

export class UpstreamError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
  ) {
    super(`upstream token endpoint answered ${status} ${error}`);
  }
}

export async function upstreamTokenRequest(conn: UpstreamConnection, params: Record<string, string>): Promise<UpstreamTokenResponse> {
  const res = await fetch(conn.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({ ...params, client_id: conn.clientId, client_secret: conn.clientSecret }),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new UpstreamError(res.status, 'invalid_response');
  }
  if (!res.ok) {
    const err = (json as { error?: unknown }).error;
    throw new UpstreamError(res.status, typeof err === 'string' ? err : 'server_error');
  }
  const parsed = UpstreamTokenResponse.safeParse(json);
  if (!parsed.success) throw new UpstreamError(res.status, 'invalid_response');
  return parsed.data;
}
