import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportSPKI, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VouchSystem } from '../../standins/system.js';
import { startTestSystem, tempDir } from '../helpers/system.js';
import { TestClient } from '../helpers/wsClient.js';

let system: VouchSystem;
let dataDir: string;
let tenantKey: JWK;

beforeAll(async () => {
  dataDir = tempDir();
  system = await startTestSystem({ dataDir });
  tenantKey = JSON.parse(readFileSync(join(dataDir, 'tenant', 'devtenant-signing-key.json'), 'utf8')) as JWK;
});
afterAll(async () => {
  await system.stop();
});

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const nowS = () => Math.floor(Date.now() / 1000);

async function signWithTenantKey(claims: Record<string, unknown>, header: Record<string, unknown> = {}): Promise<string> {
  const key = await importJWK(tenantKey, 'RS256');
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: tenantKey.kid!, typ: 'at+jwt', ...header }).sign(key);
}

function baseClaims(over: Record<string, unknown> = {}) {
  return { iss: system.tenant.issuer, aud: system.tenant.apiAudience, sub: 'auth0|alex', iat: nowS(), exp: nowS() + 600, ...over };
}

describe('session_auth refuses every bad token and keeps the socket', () => {
  const cases: Array<[string, () => Promise<string>]> = [
    ['alg none', async () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64(baseClaims())}.`],
    [
      'HS256 signed with the public key',
      async () => {
        const pub = await importJWK({ kty: tenantKey.kty, n: tenantKey.n, e: tenantKey.e }, 'RS256');
        const pem = await exportSPKI(pub as CryptoKey);
        return new SignJWT(baseClaims()).setProtectedHeader({ alg: 'HS256', kid: tenantKey.kid! }).sign(new TextEncoder().encode(pem));
      },
    ],
    ['wrong issuer', () => signWithTenantKey(baseClaims({ iss: 'https://evil.example/' }))],
    ['wrong audience', () => signWithTenantKey(baseClaims({ aud: 'https://other-api.example' }))],
    ['expired', () => signWithTenantKey(baseClaims({ iat: nowS() - 7200, exp: nowS() - 3600 }))],
    ['not yet valid', () => signWithTenantKey(baseClaims({ nbf: nowS() + 3600 }))],
    [
      'unknown kid',
      async () => {
        const { privateKey } = await generateKeyPair('RS256');
        return new SignJWT(baseClaims()).setProtectedHeader({ alg: 'RS256', kid: 'not-in-jwks' }).sign(privateKey);
      },
    ],
    [
      'tampered signature',
      async () => {
        const good = await signWithTenantKey(baseClaims());
        const [h, p, s] = good.split('.');
        const flipped = s!.slice(0, -4) + (s!.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA');
        return `${h}.${p}.${flipped}`;
      },
    ],
    [
      'tampered payload',
      async () => {
        const good = await signWithTenantKey(baseClaims());
        const [h, , s] = good.split('.');
        return `${h}.${b64(baseClaims({ sub: 'auth0|blake' }))}.${s}`;
      },
    ],
    ['issued in the future beyond the clock skew', () => signWithTenantKey(baseClaims({ iat: nowS() + 3600, exp: nowS() + 7200 }))],
    ['issued just past the clock skew (30 s)', () => signWithTenantKey(baseClaims({ iat: nowS() + 90 }))],
    ['a valid token with a trailing space', async () => `${await signWithTenantKey(baseClaims())} `],
    ['a valid token with a trailing newline', async () => `${await signWithTenantKey(baseClaims())}\n`],
    ['a valid token with a trailing tab', async () => `${await signWithTenantKey(baseClaims())}\t`],
    ['a valid token with a leading space', async () => ` ${await signWithTenantKey(baseClaims())}`],
    [
      'a valid token with a space inside the signature',
      async () => {
        const t = await signWithTenantKey(baseClaims());
        return `${t.slice(0, -8)} ${t.slice(-8)}`;
      },
    ],
    ['garbage', async () => 'this-is-not-a-jwt'],
    ['three garbage segments', async () => 'a.b.c'],
  ];

  it.each(cases)('%s → UNAUTHENTICATED', async (_name, make) => {
    const client = await TestClient.connect(system.wsUrl);
    const answer = await client.auth(await make());
    expect(answer).toMatchObject({ type: 'error', code: 'UNAUTHENTICATED' });
    // The socket survives and still accepts a valid session.
    expect(client.isOpen).toBe(true);
    const good = await client.auth(await signWithTenantKey(baseClaims()));
    expect(good).toMatchObject({ type: 'session_ready', user: { sub: 'auth0|alex' } });
    await client.close();
  });

  it('accepts an iat within the clock skew (a tenant clock slightly ahead)', async () => {
    const client = await TestClient.connect(system.wsUrl);
    expect(await client.auth(await signWithTenantKey(baseClaims({ iat: nowS() + 10 })))).toMatchObject({
      type: 'session_ready',
      user: { sub: 'auth0|alex' },
    });
    await client.close();
  });

  it('accepts a token from a real PKCE login and refuses a different user on the same socket', async () => {
    const alex = await system.login('alex');
    const blake = await system.login('blake');
    const client = await TestClient.connect(system.wsUrl);
    expect(await client.auth(alex.access_token)).toMatchObject({
      type: 'session_ready',
      user: { sub: 'auth0|alex', email: 'alex@example.com' },
    });
    expect(await client.auth(blake.access_token)).toMatchObject({ type: 'error', code: 'SESSION_CONFLICT' });
    // A refreshed token for the same user is accepted on the same socket.
    expect(await client.auth(alex.access_token)).toMatchObject({ type: 'session_ready' });
    await client.close();
  });

  it('refuses frames before session_auth', async () => {
    const client = await TestClient.connect(system.wsUrl);
    client.send({ type: 'transcript', id: 't1', text: 'hello' });
    expect(await client.next('error')).toMatchObject({ code: 'UNAUTHENTICATED' });
    await client.close();
  });

  it('protects the HTTP API with the same verification', async () => {
    const res = await fetch(`${system.backendUrl}/scopes`, { headers: { authorization: 'Bearer nope' } });
    expect(res.status).toBe(401);
    const padded = await fetch(`${system.backendUrl}/scopes`, {
      headers: { authorization: `Bearer  ${await signWithTenantKey(baseClaims())}` },
    });
    expect(padded.status).toBe(401);
    const future = await fetch(`${system.backendUrl}/scopes`, {
      headers: { authorization: `Bearer ${await signWithTenantKey(baseClaims({ iat: nowS() + 3600 }))}` },
    });
    expect(future.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    const alex = await system.login('alex');
    const ok = await fetch(`${system.backendUrl}/scopes`, { headers: { authorization: `Bearer ${alex.access_token}` } });
    expect(ok.status).toBe(200);
  });
});

describe('AUTH0_ISSUER_BASE_URL with or without its trailing slash', () => {
  it('verifies a tenant token either way (Auth0 writes iss with the slash)', async () => {
    const { createAccessTokenVerifier } = await import('../../src/auth/jwt.js');
    const token = await signWithTenantKey(baseClaims());
    const withSlash = system.tenant.issuer.endsWith('/') ? system.tenant.issuer : `${system.tenant.issuer}/`;
    for (const issuer of [withSlash, withSlash.slice(0, -1)]) {
      const verify = createAccessTokenVerifier({ issuer, audience: system.tenant.apiAudience });
      await expect(verify(token)).resolves.toMatchObject({ sub: 'auth0|alex' });
    }
  });
});
