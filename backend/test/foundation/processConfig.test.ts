import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { loadBackendEnv, openFgaEnv } from '../../src/config.js';
import { createAuthorizationChecker } from '../../src/policy/index.js';
import { backendPassthrough, loadDemoEnv, loadSandboxEnv } from '../../standins/config.js';

const base = {
  AUTH0_ISSUER_BASE_URL: 'https://tenant.example.com/',
  AUTH0_AUDIENCE: 'https://api.vouch.test',
  AUTH0_CLIENT_ID: 'vouch-api',
  AUTH0_CLIENT_SECRET: 'a-client-secret',
  AUDIT_HMAC_KEY: `base64:${randomBytes(32).toString('base64')}`,
};
const STORE = '01ARZ3NDEKTSV4RRFFQ69G5FAV';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

/** A local server answering OpenFGA's check endpoint, recording the headers each call carried. */
async function fakeOpenFga() {
  const seen: Array<{ url: string; headers: IncomingHttpHeaders }> = [];
  const server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ allowed: true, resolution: '' }));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  close = () => new Promise((r) => server.close(() => r()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

describe('backend config', () => {
  it('passes OPENFGA_API_TOKEN through to the OpenFGA checker, which sends it as a bearer token', async () => {
    const fga = await fakeOpenFga();
    const env = loadBackendEnv({ ...base, OPENFGA_API_URL: fga.url, OPENFGA_STORE_ID: STORE, OPENFGA_API_TOKEN: 'fga-preshared-key' });
    const authz = createAuthorizationChecker(openFgaEnv(env), []);
    expect(authz.kind).toBe('openfga');
    await expect(authz.checker.check({ user: 'user:auth0|alex', relation: 'can_use', object: 'tool:auth0|alex/gmail' })).resolves.toBe(
      true,
    );
    expect(fga.seen.map((s) => s.url)).toEqual([`/stores/${STORE}/check`]);
    expect(fga.seen[0]!.headers.authorization).toBe('Bearer fga-preshared-key');
  });

  it('reports every invalid setting in one clear error', () => {
    expect(() => loadBackendEnv({ AUTH0_ISSUER_BASE_URL: 'not a url', PORT: '99999' })).toThrow(
      /AUTH0_ISSUER_BASE_URL[\s\S]*AUTH0_AUDIENCE|PORT/,
    );
  });
});

describe('stand-ins config', () => {
  it('the demo: fixed local ports by default, and only the backend settings that are set pass through (the OpenFGA token included)', () => {
    const demo = loadDemoEnv({ VOUCH_POPOVER_PORT: '9791', OPENFGA_API_TOKEN: 'k', GEMINI_API_KEY: '', UNRELATED_SECRET: 'x' });
    expect(demo).toMatchObject({
      PORT: 8787,
      VOUCH_TENANT_PORT: 8788,
      VOUCH_POPOVER_PORT: 9791,
      DATA_DIR: '.data/demo',
      LOG_LEVEL: 'warn',
    });
    expect(backendPassthrough(demo)).toEqual({ OPENFGA_API_TOKEN: 'k', LOG_LEVEL: 'warn' });
    expect(() => loadDemoEnv({ PORT: 'eighty' })).toThrow(/PORT/);
  });

  it('the stand-alone sandbox: OAuth clients as JSON, refused when malformed', () => {
    expect(loadSandboxEnv({}).SANDBOX_CLIENTS).toEqual([]);
    expect(
      loadSandboxEnv({ SANDBOX_CLIENTS: '[{"client_id":"a","client_secret":"b","redirect_uris":["http://127.0.0.1:1/cb"]}]' })
        .SANDBOX_CLIENTS,
    ).toHaveLength(1);
    expect(() => loadSandboxEnv({ SANDBOX_CLIENTS: '{nope' })).toThrow(/JSON/);
  });
});
