/** How a desktop HTTP client reaches the backend: its root, the session's access token, and (tests) a fetch. */
export interface BackendHttpOptions {
  backendUrl: string;
  getAccessToken(): Promise<string>;
  fetchImpl?: typeof fetch;
}

/**
 * One request to the backend's HTTP API as the signed-in person: the path resolved against the
 * backend root, the access token as a bearer, JSON in and (by default) JSON out.
 */
export function backendRequest(opts: BackendHttpOptions) {
  const f = opts.fetchImpl ?? fetch;
  const base = opts.backendUrl.endsWith('/') ? opts.backendUrl : `${opts.backendUrl}/`;
  return async (
    path: string | URL,
    init: { method?: string; body?: unknown; accept?: string; signal?: AbortSignal | undefined } = {},
  ): Promise<Response> =>
    f(typeof path === 'string' ? new URL(path, base) : path, {
      ...(init.method ? { method: init.method } : {}),
      headers: {
        authorization: `Bearer ${await opts.getAccessToken()}`,
        accept: init.accept ?? 'application/json',
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      ...(init.signal ? { signal: init.signal } : {}),
    });
}

/** A URL under the backend root, for requests that add query parameters. */
export function backendUrl(opts: Pick<BackendHttpOptions, 'backendUrl'>, path: string): URL {
  return new URL(path, opts.backendUrl.endsWith('/') ? opts.backendUrl : `${opts.backendUrl}/`);
}
