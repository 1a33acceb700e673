import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import * as oidc from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevTenant, type DevTenant } from '../../standins/devtenant/index.js';
import { signInHeadless } from '../../standins/devtenant/signInHeadless.js';

let tenant: DevTenant;

beforeAll(async () => {
  tenant = await startDevTenant({ dataDir: mkdtempSync(join(tmpdir(), 'vouch-tenant-')) });
});
afterAll(async () => {
  await tenant.close();
});

describe('dev tenant login', () => {
  it('signs the demo user in with PKCE and issues an RS256 API access token and a refresh token', async () => {
    const s = await signInHeadless({ issuer: tenant.issuer, clientId: tenant.desktopClientId, audience: tenant.apiAudience });
    const claims = decodeJwt(s.access_token);
    expect(claims.sub).toBe('auth0|alex');
    expect(claims.iss).toBe(tenant.issuer);
    expect(claims.aud).toBe(tenant.apiAudience);
    expect(claims.email).toBe('alex@example.com');
    expect(s.refresh_token).toBeTruthy();
  });

  it('exchanges the refresh token for a My Account API token (multi-resource refresh)', async () => {
    const s = await signInHeadless({ issuer: tenant.issuer, clientId: tenant.desktopClientId, audience: tenant.apiAudience });
    const me = await oidc.refreshTokenGrant(s.config, s.refresh_token!, {
      audience: tenant.meAudience,
      scope: 'create:me:connected_accounts read:me:connected_accounts',
    });
    const claims = decodeJwt(me.access_token);
    expect(claims.aud).toBe(tenant.meAudience);
    expect(String(claims.scope).split(' ')).toEqual(expect.arrayContaining(['create:me:connected_accounts', 'read:me:connected_accounts']));
  });

  it('refuses an authorization request without PKCE', async () => {
    const u = new URL('authorize', tenant.issuer);
    u.search = new URLSearchParams({
      client_id: tenant.desktopClientId,
      response_type: 'code',
      redirect_uri: tenant.desktopRedirectUris[0]!,
      scope: 'openid',
    }).toString();
    const res = await fetch(u, { redirect: 'manual' });
    const loc = new URL(res.headers.get('location')!);
    expect(loc.searchParams.get('error')).toBe('invalid_request');
  });

  it('matches redirect URIs exactly, as Auth0 does: another loopback port is refused without a redirect', async () => {
    const registered = new URL(tenant.desktopRedirectUris[0]!);
    const authorize = (redirectUri: string) => {
      const u = new URL('authorize', tenant.issuer);
      u.search = new URLSearchParams({
        client_id: tenant.desktopClientId,
        response_type: 'code',
        redirect_uri: redirectUri,
        scope: 'openid',
        code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
        code_challenge_method: 'S256',
      }).toString();
      return fetch(u, { redirect: 'manual' });
    };
    const otherPort = new URL(registered);
    otherPort.port = String(Number(registered.port) + 1000);
    const refused = await authorize(otherPort.href);
    expect(refused.status).toBe(400);
    expect(refused.headers.get('location')).toBeNull();
    expect(await refused.text()).toMatch(/redirect_uri/);
    const otherPath = new URL('/connect/callback', registered);
    expect((await authorize(otherPath.href)).status).toBe(400);

    const accepted = await authorize(registered.href);
    expect(accepted.status).toBeGreaterThanOrEqual(300);
    expect(accepted.status).toBeLessThan(400);
  });

  it('asks for the My Account audience at refresh, not at /authorize: the first token is for the API only', async () => {
    const s = await signInHeadless({ issuer: tenant.issuer, clientId: tenant.desktopClientId, audience: tenant.apiAudience });
    const claims = decodeJwt(s.access_token);
    expect(claims.aud).toBe(tenant.apiAudience);
    expect(String(claims.scope ?? '')).not.toMatch(/connected_accounts/);
  });

  it("checks the connect redirect_uri against the application's callback URLs", async () => {
    const s = await signInHeadless({ issuer: tenant.issuer, clientId: tenant.desktopClientId, audience: tenant.apiAudience });
    const me = await oidc.refreshTokenGrant(s.config, s.refresh_token!, {
      audience: tenant.meAudience,
      scope: 'create:me:connected_accounts',
    });
    const connect = (redirectUri: string) =>
      fetch(new URL('me/v1/connected-accounts/connect', tenant.issuer), {
        method: 'POST',
        headers: { authorization: `Bearer ${me.access_token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ connection: 'google-oauth2', redirect_uri: redirectUri }),
      });
    const unregistered = new URL('/connect/callback', tenant.desktopRedirectUris[0]!).href;
    const refused = await connect(unregistered);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { detail: string }).detail).toMatch(/allowed callback URLs/);
  });
});

describe('dev tenant without a multi-resource refresh-token policy', () => {
  let strict: DevTenant;
  beforeAll(async () => {
    strict = await startDevTenant({ dataDir: mkdtempSync(join(tmpdir(), 'vouch-tenant-nomrrt-')), desktopRefreshTokenPolicies: [] });
  });
  afterAll(async () => {
    await strict.close();
  });

  it('ignores the /me/ audience at refresh, as Auth0 does, so the token is refused by the My Account API', async () => {
    const s = await signInHeadless({ issuer: strict.issuer, clientId: strict.desktopClientId, audience: strict.apiAudience });
    const me = await oidc.refreshTokenGrant(s.config, s.refresh_token!, {
      audience: strict.meAudience,
      scope: 'create:me:connected_accounts',
    });
    expect(decodeJwt(me.access_token).aud).toBe(strict.apiAudience);
    const res = await fetch(new URL('me/v1/connected-accounts/accounts', strict.issuer), {
      headers: { authorization: `Bearer ${me.access_token}` },
    });
    expect(res.status).toBe(401);
  });
});
