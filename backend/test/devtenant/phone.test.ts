import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CibaClient } from '../../src/auth/ciba.js';
import { HeadlessBrowser } from '../../standins/devtenant/headlessBrowser.js';
import { startDevTenant, type DevTenant } from '../../standins/devtenant/index.js';
import { signInHeadless } from '../../standins/devtenant/signInHeadless.js';
import { tempDir } from '../helpers/system.js';

let tenant: DevTenant;
// The tenant polices the polling interval on this clock; each poll below first waits it out.
let clock = Date.now();

beforeAll(async () => {
  tenant = await startDevTenant({ dataDir: tempDir('vouch-phone-'), cibaIntervalSeconds: 1, now: () => clock });
});
afterAll(async () => {
  await tenant.close();
});

function ciba() {
  const client = new CibaClient({
    issuer: tenant.issuer,
    clientId: tenant.cibaClient.clientId,
    clientSecret: tenant.cibaClient.clientSecret,
    now: () => clock,
  });
  return {
    start: (req: { sub: string; bindingMessage: string }) => client.start(req),
    poll: (authReqId: string) => {
      clock += 1000;
      return client.poll(authReqId);
    },
  };
}

/** A person's phone browser: signs in at the tenant through the phone page, then carries its cookie. */
async function phoneSignedInAs(username: string) {
  const browser = new HeadlessBrowser();
  const phone = new URL('/dev/phone', tenant.url);
  await browser.run(phone.href, {
    stop: (u) => u.pathname === '/dev/phone' && browser.history.some((h) => h.url.includes('/dev/phone/callback')),
    choose: () => username,
  });
  const cookie = browser.cookieHeader(phone) ?? '';
  const html = async () => {
    const res = await fetch(phone, { headers: { cookie, accept: 'text/html' }, redirect: 'manual' });
    expect(res.status).toBe(200);
    return res.text();
  };
  const csrf = async () => /name="csrf" value="([^"]+)"/.exec(await html())?.[1] ?? '';
  const press = async (authReqId: string, decision: 'approve' | 'deny', opts: { csrf?: string } = {}) =>
    fetch(new URL(`/dev/ciba/${encodeURIComponent(authReqId)}/${decision}`, tenant.url), {
      method: 'POST',
      headers: { cookie, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf: opts.csrf ?? (await csrf()) }),
      redirect: 'manual',
    });
  return { cookie, html, press };
}

describe('the dev tenant phone page', () => {
  it('lists a step-up request for its person until it expires (not as already expired)', async () => {
    const start = await ciba().start({ sub: 'auth0|alex', bindingMessage: 'Listed on the phone' });
    expect(tenant.ciba.pending().map((p) => p.authReqId)).toContain(start.authReqId);
    const alex = await phoneSignedInAs('alex');
    expect(await alex.html()).toContain('Listed on the phone');
    await tenant.ciba.deny(start.authReqId);
  });

  it('signs out: the old cookie no longer opens the phone, and signing in again asks who', async () => {
    const alex = await phoneSignedInAs('alex');
    const csrf = /name="csrf" value="([^"]+)"/.exec(await alex.html())?.[1] ?? '';
    const out = await fetch(new URL('/dev/phone/sign-out', tenant.url), {
      method: 'POST',
      headers: { cookie: alex.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf }),
      redirect: 'manual',
    });
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/dev/phone/sign-in?prompt=login');
    const again = await fetch(new URL('/dev/phone/sign-in?prompt=login', tenant.url), { redirect: 'manual' });
    expect(new URL(again.headers.get('location') ?? '', tenant.url).searchParams.get('prompt')).toBe('login');
    const stale = await fetch(new URL('/dev/phone', tenant.url), { headers: { cookie: alex.cookie }, redirect: 'manual' });
    expect(stale.status).toBe(303);
  });

  it('sends a visitor without a phone session to sign in at the tenant, and shows them nothing', async () => {
    const start = await ciba().start({ sub: 'auth0|alex', bindingMessage: 'Not for strangers' });
    const res = await fetch(new URL('/dev/phone', tenant.url), { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/dev/phone/sign-in');
    expect(await res.text()).not.toContain('Not for strangers');
    await tenant.ciba.deny(start.authReqId);
  });

  it("refuses one person's phone session listing or approving another person's request", async () => {
    const client = ciba();
    const start = await client.start({ sub: 'auth0|alex', bindingMessage: 'Alex only' });
    const blake = await phoneSignedInAs('blake');
    expect(await blake.html()).not.toContain('Alex only');
    const approve = await blake.press(start.authReqId, 'approve');
    expect(approve.status).toBe(404);
    expect((await client.poll(start.authReqId)).status).toBe('pending');

    const alex = await phoneSignedInAs('alex');
    expect(await alex.html()).toContain('Alex only');
    expect((await alex.press(start.authReqId, 'approve')).status).toBe(303);
    expect((await client.poll(start.authReqId)).status).toBe('approved');
  });

  it("refuses a same-site page posting to the phone with the person's cookie but without the page's CSRF token", async () => {
    const client = ciba();
    const start = await client.start({ sub: 'auth0|alex', bindingMessage: 'Forged approve' });
    const alex = await phoneSignedInAs('alex');
    const forged = await alex.press(start.authReqId, 'approve', { csrf: 'guessed' });
    expect(forged.status).toBe(303);
    expect(forged.headers.get('location')).toBe('/dev/phone');
    expect((await client.poll(start.authReqId)).status).toBe('pending');
    await tenant.ciba.deny(start.authReqId);
  });

  it("answers /dev/ciba only with the bearer's own requests, and refuses anonymous and cross-user approvals", async () => {
    const client = ciba();
    const start = await client.start({ sub: 'auth0|alex', bindingMessage: 'Scripted approve' });
    const ciba0 = new URL('/dev/ciba', tenant.url);
    expect((await fetch(ciba0)).status).toBe(401);
    expect((await fetch(new URL(`/dev/ciba/${start.authReqId}/approve`, tenant.url), { method: 'POST' })).status).toBe(401);

    const blake = await signInHeadless({
      issuer: tenant.issuer,
      clientId: tenant.desktopClientId,
      audience: tenant.apiAudience,
      username: 'blake',
    });
    const asBlake = { authorization: `Bearer ${blake.access_token}` };
    expect(((await (await fetch(ciba0, { headers: asBlake })).json()) as unknown[]).length).toBe(0);
    expect((await fetch(new URL(`/dev/ciba/${start.authReqId}/approve`, tenant.url), { method: 'POST', headers: asBlake })).status).toBe(
      404,
    );
    expect((await client.poll(start.authReqId)).status).toBe('pending');

    const alex = await signInHeadless({
      issuer: tenant.issuer,
      clientId: tenant.desktopClientId,
      audience: tenant.apiAudience,
      username: 'alex',
    });
    const asAlex = { authorization: `Bearer ${alex.access_token}` };
    const listed = (await (await fetch(ciba0, { headers: asAlex })).json()) as { auth_req_id: string }[];
    expect(listed.map((p) => p.auth_req_id)).toContain(start.authReqId);
    expect((await fetch(new URL(`/dev/ciba/${start.authReqId}/deny`, tenant.url), { method: 'POST', headers: asAlex })).status).toBe(204);
    expect((await client.poll(start.authReqId)).status).toBe('denied');
  });
});
