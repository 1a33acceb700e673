import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gmail as gmailClient } from '@googleapis/gmail';
import { WebClient } from '@slack/web-api';
import { afterEach, describe, expect, it } from 'vitest';
import { GOOGLE_SCOPES, SLACK_SCOPES } from '../../src/protocol/index.js';
import { createProviderTools } from '../../src/providers/index.js';
import { startSandbox, type Sandbox } from '../../standins/sandbox/index.js';
import { SandboxTokenSource, TEST_CLIENT, fakeClock } from '../providers/sandboxTokenSource.js';

const ctx = { userId: 'auth0|alex', subjectToken: 'subject' };
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

async function start(clock = fakeClock(), dir = mkdtempSync(join(tmpdir(), 'vouch-sbx-'))): Promise<{ sandbox: Sandbox; dir: string }> {
  const sandbox = await startSandbox({ dataDir: dir, now: clock.now, clients: [TEST_CLIENT], timeZone: 'UTC', accessTokenTtlSeconds: 600 });
  cleanups.push(async () => {
    await sandbox.close();
  });
  return { sandbox, dir };
}

const redirect = TEST_CLIENT.redirect_uris[0] as string;
const authorizeParams = (scope: string) => ({
  client_id: TEST_CLIENT.client_id,
  redirect_uri: redirect,
  response_type: 'code',
  scope,
  state: 's-42',
});
const basic = `Basic ${Buffer.from(`${TEST_CLIENT.client_id}:${TEST_CLIENT.client_secret}`).toString('base64')}`;

describe('sandbox OAuth server', () => {
  it('shows an accessible consent page naming the provider, the account and the scopes', async () => {
    const { sandbox } = await start();
    const res = await fetch(`${sandbox.oauth.slack.authorizeUrl}?${new URLSearchParams(authorizeParams('channels:read chat:write'))}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/<html lang="en">/);
    expect(html).toMatch(/<h1>Slack sandbox: allow access\?<\/h1>/);
    expect(html).toContain('alex@example.com');
    expect(html).toContain('<code>channels:read</code>');
    expect(html).toContain('<code>chat:write</code>');
    expect(html).toContain('<button type="submit" name="decision" value="allow">Allow</button>');
    expect(html).toContain('value="deny">Deny</button>');
  });

  it('deny redirects with error=access_denied and the state', async () => {
    const { sandbox } = await start();
    const res = await fetch(sandbox.oauth.google.authorizeUrl, {
      method: 'POST',
      redirect: 'manual',
      body: new URLSearchParams({ ...authorizeParams(GOOGLE_SCOPES.gmailRead), decision: 'deny' }),
    });
    expect(res.status).toBe(302);
    const loc = new URL(res.headers.get('location') ?? '');
    expect(`${loc.origin}${loc.pathname}`).toBe(redirect);
    expect(loc.searchParams.get('error')).toBe('access_denied');
    expect(loc.searchParams.get('state')).toBe('s-42');
    expect(loc.searchParams.get('code')).toBeNull();
  });

  it('never redirects to an unregistered redirect_uri or for an unknown client', async () => {
    const { sandbox } = await start();
    const evil = await fetch(
      `${sandbox.oauth.google.authorizeUrl}?${new URLSearchParams({ ...authorizeParams('x'), redirect_uri: 'https://evil.example/cb' })}`,
      { redirect: 'manual' },
    );
    expect(evil.status).toBe(400);
    expect(evil.headers.get('location')).toBeNull();
    const unknown = await fetch(
      `${sandbox.oauth.google.authorizeUrl}?${new URLSearchParams({ ...authorizeParams('x'), client_id: 'nope' })}`,
      { redirect: 'manual' },
    );
    expect(unknown.status).toBe(400);
  });

  it('exchanges a code once, authenticates the client, refreshes with the same scopes', async () => {
    const clock = fakeClock();
    const { sandbox } = await start(clock);
    const allow = await fetch(sandbox.oauth.google.authorizeUrl, {
      method: 'POST',
      redirect: 'manual',
      body: new URLSearchParams({ ...authorizeParams(`${GOOGLE_SCOPES.gmailRead} ${GOOGLE_SCOPES.calendarRead}`), decision: 'allow' }),
    });
    const code = new URL(allow.headers.get('location') ?? '').searchParams.get('code') ?? '';
    const exchange = (headers: Record<string, string>) =>
      fetch(sandbox.oauth.google.tokenUrl, {
        method: 'POST',
        headers,
        body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirect }),
      });

    const wrongSecret = await exchange({ authorization: `Basic ${Buffer.from(`${TEST_CLIENT.client_id}:wrong`).toString('base64')}` });
    expect(wrongSecret.status).toBe(401);
    expect(await wrongSecret.json()).toMatchObject({ error: 'invalid_client' });

    const first = await exchange({ authorization: basic });
    expect(first.status).toBe(200);
    const tokens = (await first.json()) as {
      access_token: string;
      refresh_token: string;
      expires_in: number;
      scope: string;
      token_type: string;
    };
    expect(tokens).toMatchObject({
      token_type: 'Bearer',
      expires_in: 600,
      scope: `${GOOGLE_SCOPES.gmailRead} ${GOOGLE_SCOPES.calendarRead}`,
    });
    expect(tokens.access_token).toMatch(/^ya29\./);

    const replay = await exchange({ authorization: basic });
    expect(replay.status).toBe(400);
    expect(await replay.json()).toMatchObject({ error: 'invalid_grant' });

    // The access token works until the sandbox clock passes its expiry; then Google's 401 shape.
    const api = gmailClient({ version: 'v1', rootUrl: sandbox.googleRootUrl });
    const auth = { headers: { Authorization: `Bearer ${tokens.access_token}` }, retry: false };
    expect((await api.users.labels.list({ userId: 'me' }, auth)).status).toBe(200);
    clock.advance(601_000);
    const expired = await api.users.labels.list({ userId: 'me' }, auth).catch((e: { status?: number; response?: { data?: unknown } }) => e);
    expect(expired).toMatchObject({
      status: 401,
      response: { data: { error: { code: 401, status: 'UNAUTHENTICATED', errors: [{ reason: 'authError' }] } } },
    });

    const refreshed = await fetch(sandbox.oauth.google.tokenUrl, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: tokens.refresh_token,
        client_id: TEST_CLIENT.client_id,
        client_secret: TEST_CLIENT.client_secret,
      }),
    });
    const fresh = (await refreshed.json()) as { access_token: string; scope: string; refresh_token?: string };
    expect(fresh.scope).toBe(tokens.scope);
    expect(fresh.refresh_token).toBeUndefined();
    expect(
      (await api.users.labels.list({ userId: 'me' }, { headers: { Authorization: `Bearer ${fresh.access_token}` }, retry: false })).status,
    ).toBe(200);

    const widened = await fetch(sandbox.oauth.google.tokenUrl, {
      method: 'POST',
      headers: { authorization: basic },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token, scope: GOOGLE_SCOPES.gmailSend }),
    });
    expect(await widened.json()).toMatchObject({ error: 'invalid_scope' });
  });

  it('revokes a token only for the client it was issued to, after that client authenticates', async () => {
    const other = { client_id: 'other-app', client_secret: 'other-secret', redirect_uris: ['http://127.0.0.1:9/other'] };
    const sandbox = await startSandbox({
      dataDir: mkdtempSync(join(tmpdir(), 'vouch-sbx-')),
      clients: [TEST_CLIENT, other],
      timeZone: 'UTC',
    });
    cleanups.push(() => sandbox.close());
    const allow = await fetch(sandbox.oauth.google.authorizeUrl, {
      method: 'POST',
      redirect: 'manual',
      body: new URLSearchParams({ ...authorizeParams(GOOGLE_SCOPES.gmailRead), decision: 'allow' }),
    });
    const code = new URL(allow.headers.get('location') ?? '').searchParams.get('code') ?? '';
    const issued = await fetch(sandbox.oauth.google.tokenUrl, {
      method: 'POST',
      headers: { authorization: basic },
      body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirect }),
    });
    const { refresh_token } = (await issued.json()) as { refresh_token: string };
    const revokeUrl = `${sandbox.url}/oauth/google/revoke`;
    const refreshes = async () =>
      (
        await fetch(sandbox.oauth.google.tokenUrl, {
          method: 'POST',
          headers: { authorization: basic },
          body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token }),
        })
      ).status;

    // Anyone holding the token string, without client credentials: refused, and the token lives on.
    const anonymous = await fetch(revokeUrl, { method: 'POST', body: new URLSearchParams({ token: refresh_token }) });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: 'invalid_client' });
    const wrongSecret = await fetch(revokeUrl, {
      method: 'POST',
      body: new URLSearchParams({ token: refresh_token, client_id: TEST_CLIENT.client_id, client_secret: 'guess' }),
    });
    expect(wrongSecret.status).toBe(401);
    expect(await refreshes()).toBe(200);

    // Another registered client: answered like an unknown token, and nothing is revoked.
    const foreign = await fetch(revokeUrl, {
      method: 'POST',
      body: new URLSearchParams({ token: refresh_token, client_id: other.client_id, client_secret: other.client_secret }),
    });
    expect(foreign.status).toBe(200);
    expect(await refreshes()).toBe(200);

    const own = await fetch(revokeUrl, {
      method: 'POST',
      headers: { authorization: basic },
      body: new URLSearchParams({ token: refresh_token }),
    });
    expect(own.status).toBe(200);
    expect(await refreshes()).toBe(400);
  });

  it('Slack answers auth problems as HTTP 200 ok:false, the way Slack does', async () => {
    const clock = fakeClock();
    const { sandbox } = await start(clock);
    const client = new WebClient(undefined, { slackApiUrl: sandbox.slackApiUrl, retryConfig: { retries: 0 } });
    await expect(client.auth.test()).rejects.toMatchObject({ data: { ok: false, error: 'not_authed' } });
    await expect(client.auth.test({ token: 'xoxp-bogus' })).rejects.toMatchObject({ data: { ok: false, error: 'invalid_auth' } });
    const tokens = new SandboxTokenSource(sandbox, clock.now);
    await tokens.connect('sign-in-with-slack', [SLACK_SCOPES.channelsRead]);
    const t = await tokens.getAccessToken({ ...ctx, connection: 'sign-in-with-slack', scopes: [] });
    expect(await client.auth.test({ token: t.accessToken })).toMatchObject({ ok: true, user_id: 'U0ALEX' });
    await expect(client.chat.postMessage({ token: t.accessToken, channel: '#general', text: 'hi' })).rejects.toMatchObject({
      data: { ok: false, error: 'missing_scope', needed: 'chat:write', provided: 'channels:read' },
    });
  });
});

describe('sandbox Slack direct messages', () => {
  it('users.lookupByEmail and conversations.open answer with Slack’s shapes, errors and scopes', async () => {
    const clock = fakeClock();
    const { sandbox } = await start(clock);
    const client = new WebClient(undefined, { slackApiUrl: sandbox.slackApiUrl, retryConfig: { retries: 0 } });
    const tokens = new SandboxTokenSource(sandbox, clock.now);
    await tokens.connect('sign-in-with-slack', [SLACK_SCOPES.usersRead, SLACK_SCOPES.chatWrite]);
    const narrow = (await tokens.getAccessToken({ ...ctx, connection: 'sign-in-with-slack', scopes: [] })).accessToken;
    // Each method names what it needs; conversations.open takes any one of four scopes, as Slack lists them.
    await expect(client.users.lookupByEmail({ token: narrow, email: 'priya@example.com' })).rejects.toMatchObject({
      data: { ok: false, error: 'missing_scope', needed: 'users:read.email' },
    });
    await expect(client.conversations.open({ token: narrow, users: 'U0PRIYA' })).rejects.toMatchObject({
      data: { ok: false, error: 'missing_scope', needed: 'channels:manage,groups:write,im:write,mpim:write' },
    });

    const wider = new SandboxTokenSource(sandbox, clock.now);
    await wider.connect('sign-in-with-slack', [SLACK_SCOPES.usersReadEmail, SLACK_SCOPES.imWrite, SLACK_SCOPES.chatWrite]);
    const token = (await wider.getAccessToken({ ...ctx, connection: 'sign-in-with-slack', scopes: [] })).accessToken;
    expect(await client.users.lookupByEmail({ token, email: 'PRIYA@example.com' })).toMatchObject({
      ok: true,
      user: { id: 'U0PRIYA', profile: { email: 'priya@example.com' } },
    });
    await expect(client.users.lookupByEmail({ token, email: 'dana@northwind.io' })).rejects.toMatchObject({
      data: { ok: false, error: 'users_not_found' },
    });

    // The DM with Sam exists; the one with Priya is started once, then found again.
    expect(await client.conversations.open({ token, users: 'U0SAM' })).toMatchObject({
      ok: true,
      already_open: true,
      channel: { id: 'D0SAM' },
    });
    const started = await client.conversations.open({ token, users: 'U0PRIYA' });
    expect(started).toMatchObject({ ok: true, channel: { id: expect.stringMatching(/^D/) } });
    expect(started.already_open).toBeUndefined();
    expect(await client.conversations.open({ token, users: 'U0PRIYA' })).toMatchObject({ already_open: true, channel: started.channel });
    await expect(client.conversations.open({ token, users: 'U0NOBODY' })).rejects.toMatchObject({ data: { error: 'user_not_found' } });
    await expect(client.apiCall('conversations.open', { token })).rejects.toMatchObject({ data: { error: 'users_list_not_supplied' } });
    const posted = await client.chat.postMessage({ token, channel: started.channel!.id!, text: 'hello in a new DM' });
    expect(posted).toMatchObject({ ok: true, channel: started.channel!.id });
  });
});

describe('sandbox persistence', () => {
  it('keeps sent mail and Slack posts across a restart, without reseeding', async () => {
    const clock = fakeClock();
    const dir = mkdtempSync(join(tmpdir(), 'vouch-persist-'));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    const connect = async (sandbox: Sandbox) => {
      const tokens = new SandboxTokenSource(sandbox, clock.now);
      await tokens.connect('google-oauth2', [GOOGLE_SCOPES.gmailRead, GOOGLE_SCOPES.gmailSend, GOOGLE_SCOPES.calendarEvents]);
      await tokens.connect('sign-in-with-slack', [SLACK_SCOPES.channelsHistory, SLACK_SCOPES.chatWrite]);
      return createProviderTools({
        tokenSource: tokens,
        urls: { googleRootUrl: sandbox.googleRootUrl, slackApiUrl: sandbox.slackApiUrl },
        now: clock.now,
        sleep: async () => {},
      });
    };

    const first = await startSandbox({ dataDir: dir, now: clock.now, clients: [TEST_CLIENT], timeZone: 'UTC' });
    const tools1 = await connect(first);
    const sent = await tools1.gmail.sendEmail(ctx, {
      to: ['dana@northwind.io'],
      cc: [],
      subject: 'Persistence check',
      body: 'still here?',
    });
    if (!sent.ok) throw new Error(sent.error.message);
    const posted = await tools1.slack.postMessage(ctx, { channel: 'C0GENERAL', text: 'persisted post' });
    if (!posted.ok) throw new Error(posted.error.message);
    const before = await tools1.gmail.searchThreads(ctx, { query: 'in:anywhere', maxResults: 10 });
    await first.close();

    clock.advance(86_400_000);
    const second = await startSandbox({ dataDir: dir, now: clock.now, clients: [TEST_CLIENT], timeZone: 'UTC' });
    cleanups.push(() => second.close());
    const tools2 = await connect(second);
    const thread = await tools2.gmail.readThread(ctx, { threadId: sent.value.threadId });
    if (!thread.ok) throw new Error(thread.error.message);
    expect(thread.value.messages[0]).toMatchObject({ subject: 'Persistence check', body: 'still here?' });
    const history = await tools2.slack.readChannel(ctx, { channel: 'C0GENERAL', limit: 3 });
    if (!history.ok) throw new Error(history.error.message);
    expect(history.value.messages.at(-1)?.text).toBe('persisted post');
    const after = await tools2.gmail.searchThreads(ctx, { query: 'in:anywhere', maxResults: 10 });
    expect(after.ok && before.ok && after.value.threads.length === before.value.threads.length).toBe(true);
    const subjects = await tools2.gmail.searchThreads(ctx, { query: 'subject:(Northwind NDA)', maxResults: 10 });
    expect(subjects.ok && subjects.value.threads.filter((t) => t.subject === 'Northwind NDA: our redlines').length).toBe(1);
  });
});
