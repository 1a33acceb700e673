import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A minimal OAuth provider playing Google for the dev tenant's Connected Accounts leg: /authorize
 * consents immediately (or refuses when `deny` is set) and /token hands out provider tokens.
 */
export async function startUpstream(opts: { deny?: boolean } = {}) {
  const issued: string[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'GET' && url.pathname === '/authorize') {
      const back = new URL(url.searchParams.get('redirect_uri')!);
      back.searchParams.set('state', url.searchParams.get('state') ?? '');
      if (opts.deny) back.searchParams.set('error', 'access_denied');
      else back.searchParams.set('code', `code-${issued.length}`);
      res.writeHead(302, { location: back.href }).end();
      return;
    }
    if (req.method === 'POST' && url.pathname === '/token') {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        const p = new URLSearchParams(body);
        issued.push(p.get('code') ?? '');
        res.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            access_token: 'upstream-at',
            refresh_token: 'upstream-rt',
            expires_in: 3600,
            scope: 'openid profile https://www.googleapis.com/auth/gmail.readonly',
          }),
        );
      });
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issued,
    connection: {
      name: 'google-oauth2',
      strategy: 'google-oauth2',
      authorizeUrl: `${base}/authorize`,
      tokenUrl: `${base}/token`,
      clientId: 'google-client',
      clientSecret: 'google-secret',
      defaultScopes: ['openid', 'profile'],
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
