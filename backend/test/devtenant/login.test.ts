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
    u.search = new URLSearchParams({ client_id: tenant.desktopClientId, response_type: 'code', redirect_uri: 'http://127.0.0.1:5000/callback', scope: 'openid' }).toString();
    const res = await fetch(u, { redirect: 'manual' });
    const loc = new URL(res.headers.get('location')!);
    expect(loc.searchParams.get('error')).toBe('invalid_request');
  });
});
