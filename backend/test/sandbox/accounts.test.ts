import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOOGLE_SCOPES } from '../../src/protocol/index.js';
import { startSandbox, type Sandbox } from '../../standins/sandbox/index.js';
import { TEST_CLIENT } from '../providers/sandboxTokenSource.js';

/** One provider account per demo user: Blake's consent page and mailbox are Blake's. */
describe('sandbox accounts', () => {
  let dir: string;
  let sandbox: Sandbox;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vouch-sbx-acct-'));
    sandbox = await startSandbox({ dataDir: dir, clients: [TEST_CLIENT], timeZone: 'UTC' });
  });
  afterAll(async () => {
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const params = (extra: Record<string, string> = {}) => ({
    client_id: TEST_CLIENT.client_id,
    redirect_uri: TEST_CLIENT.redirect_uris[0] as string,
    response_type: 'code',
    scope: `openid ${GOOGLE_SCOPES.gmailRead} https://www.googleapis.com/auth/userinfo.email`,
    state: 's',
    ...extra,
  });

  async function tokenFor(extra: Record<string, string>): Promise<string> {
    const consent = await fetch(`${sandbox.url}/oauth/google/authorize`, {
      method: 'POST',
      redirect: 'manual',
      body: new URLSearchParams({ ...params(extra), decision: 'allow' }),
    });
    const code = new URL(consent.headers.get('location') ?? '').searchParams.get('code') ?? '';
    const res = await fetch(`${sandbox.url}/oauth/google/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: params().redirect_uri,
        client_id: TEST_CLIENT.client_id,
        client_secret: TEST_CLIENT.client_secret,
      }),
    });
    return ((await res.json()) as { access_token: string }).access_token;
  }

  it('the consent page opens on the login_hint’s account and names each permission in plain words', async () => {
    const page = await (
      await fetch(`${sandbox.url}/oauth/google/authorize?${new URLSearchParams(params({ login_hint: 'blake@example.com' }))}`)
    ).text();
    expect(page).toContain('Signed in as <strong>Blake Chen</strong>');
    expect(page).not.toContain('Alex Rivera');
    expect(page).toContain('Read your email messages and threads');
    expect(page).toContain('See your email address');
    const chooser = await (await fetch(`${sandbox.url}/oauth/google/authorize?${new URLSearchParams(params())}`)).text();
    expect(chooser).toContain('Choose an account');
    expect(chooser).toContain('Blake Chen');
    expect(chooser).toContain('Alex Rivera');
  });

  it('each account has its own mailbox and identity', async () => {
    const blake = await tokenFor({ login_hint: 'blake@example.com' });
    const alex = await tokenFor({ account: 'alex' });
    const who = (await (await fetch(`${sandbox.url}/oauth/google/userinfo`, { headers: { authorization: `Bearer ${blake}` } })).json()) as {
      email: string;
    };
    expect(who.email).toBe('blake@example.com');
    const list = async (token: string) =>
      (
        (await (
          await fetch(`${sandbox.googleRootUrl}gmail/v1/users/me/threads`, { headers: { authorization: `Bearer ${token}` } })
        ).json()) as { threads?: Array<{ snippet: string }> }
      ).threads ?? [];
    const blakes = await list(blake);
    const alexs = await list(alex);
    expect(blakes.map((t) => t.snippet).join(' ')).toMatch(/Welcome aboard/);
    expect(blakes.length).toBeLessThan(alexs.length);
    expect(alexs.map((t) => t.snippet).join(' ')).not.toMatch(/Welcome aboard/);
    const foreign = await fetch(`${sandbox.googleRootUrl}gmail/v1/users/alex@example.com/threads`, {
      headers: { authorization: `Bearer ${blake}` },
    });
    expect(foreign.status).toBe(403);
  });

  it('an account the sandbox does not know is refused, not defaulted', async () => {
    const res = await fetch(`${sandbox.url}/oauth/google/authorize`, {
      method: 'POST',
      redirect: 'manual',
      body: new URLSearchParams({ ...params({ account: 'mallory' }), decision: 'allow' }),
    });
    expect(res.status).toBe(400);
  });
});
