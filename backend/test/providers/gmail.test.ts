import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gmail as gmailClient } from '@googleapis/gmail';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GOOGLE_SCOPES } from '../../src/protocol/index.js';
import { createProviderTools, SHIPPED_REGISTRY, type ProviderTools } from '../../src/providers/index.js';
import { buildMimeMessage } from '../../src/providers/google/mime.js';
import { startSandbox, type Sandbox } from '../../standins/sandbox/index.js';
import { SandboxTokenSource, TEST_CLIENT, capturingLogger, fakeClock, recordingSleep } from './sandboxTokenSource.js';

const ctx = { userId: 'auth0|alex', subjectToken: 'subject-token-for-tests' };

describe('Gmail tools against the sandbox', () => {
  const clock = fakeClock();
  let dir: string;
  let sandbox: Sandbox;
  let tokens: SandboxTokenSource;
  let tools: ProviderTools;
  let sleeps: ReturnType<typeof recordingSleep>;
  const logs = capturingLogger();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vouch-gmail-'));
    sandbox = await startSandbox({ dataDir: dir, now: clock.now, clients: [TEST_CLIENT], testHooks: true, timeZone: 'America/New_York' });
    tokens = new SandboxTokenSource(sandbox, clock.now);
    await tokens.connect('google-oauth2', [GOOGLE_SCOPES.gmailRead, GOOGLE_SCOPES.gmailCompose, GOOGLE_SCOPES.gmailSend]);
  });
  afterAll(async () => {
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    sleeps = recordingSleep();
    tools = createProviderTools({
      tokenSource: tokens,
      urls: { googleRootUrl: sandbox.googleRootUrl, slackApiUrl: sandbox.slackApiUrl },
      now: clock.now,
      sleep: sleeps.sleep,
      logger: logs.logger,
    });
  });

  it('finds Dana’s NDA thread by sender and reads decoded bodies with headers', async () => {
    const found = await tools.gmail.searchThreads(ctx, { from: 'dana@northwind.io', query: 'NDA' });
    expect(found.ok).toBe(true);
    if (!found.ok) return;
    const nda = found.value.threads.find((t) => t.subject === 'Northwind NDA: our redlines');
    expect(nda).toBeDefined();
    expect(nda?.from).toContain('Dana Whitfield');
    expect(nda?.messageCount).toBe(3);
    expect(nda?.unread).toBe(true);

    const thread = await tools.gmail.readThread(ctx, { threadId: nda?.threadId ?? '' });
    expect(thread.ok).toBe(true);
    if (!thread.ok) return;
    expect(thread.value.messages).toHaveLength(3);
    expect(thread.value.messages[2]?.body).toContain('Does Thursday work for you?');
    expect(thread.value.replyTarget.to).toEqual(['dana@northwind.io']);
    expect(thread.value.replyTarget.subject).toBe('Re: Northwind NDA: our redlines');
  });

  it("the registry finds addresses for the names a request mentions (the pipeline's contacts)", async () => {
    const intent = {
      tools: ['gmail' as const],
      action: 'send' as const,
      entities: { people: ['Dana', 'Nobody Here'], emails: [] },
      needs_write: true,
    };
    const contacts = await SHIPPED_REGISTRY.lookupContacts(tools, ctx, intent);
    expect([...contacts]).toEqual([['dana', 'dana@northwind.io']]);
    // A request for another tool asks no mailbox.
    expect((await SHIPPED_REGISTRY.lookupContacts(tools, ctx, { ...intent, tools: ['slack' as const] })).size).toBe(0);
  });

  it('replies in thread keeping threadId, In-Reply-To and References, and a UTF-8 subject survives', async () => {
    const found = await tools.gmail.searchThreads(ctx, { query: 'subject:offsite' });
    if (!found.ok) throw new Error(found.error.message);
    const offsite = found.value.threads[0];
    expect(offsite?.subject).toBe('Zürich offsite: café kickoff ☕');
    const before = await tools.gmail.readThread(ctx, { threadId: offsite?.threadId ?? '' });
    if (!before.ok) throw new Error(before.error.message);

    const sent = await tools.gmail.replyInThread(ctx, { threadId: offsite?.threadId ?? '', body: 'Count me in too — à bientôt!' });
    expect(sent.ok).toBe(true);
    if (!sent.ok) return;
    expect(sent.value.threadId).toBe(offsite?.threadId);

    // Read back through the official client, raw, to see exactly what Gmail stored.
    const api = gmailClient({ version: 'v1', rootUrl: sandbox.googleRootUrl });
    const token = await tokens.getAccessToken({ ...ctx, connection: 'google-oauth2', scopes: [GOOGLE_SCOPES.gmailRead] });
    const raw = await api.users.messages.get(
      { userId: 'me', id: sent.value.messageId, format: 'raw' },
      { headers: { Authorization: `Bearer ${token.accessToken}` } },
    );
    const text = Buffer.from(raw.data.raw ?? '', 'base64url').toString('utf8');
    const target = before.value.replyTarget;
    expect(text).toContain(`In-Reply-To: ${target.inReplyTo}`);
    expect(target.references.length).toBe(2);
    for (const ref of target.references) expect(text).toContain(ref);
    expect(text).toMatch(/^Subject: =\?UTF-8\?B\?/m);

    const after = await tools.gmail.readThread(ctx, { threadId: offsite?.threadId ?? '' });
    if (!after.ok) throw new Error(after.error.message);
    expect(after.value.messages).toHaveLength(3);
    expect(after.value.messages[2]?.subject).toBe('Re: Zürich offsite: café kickoff ☕');
    expect(after.value.messages[2]?.body).toBe('Count me in too — à bientôt!');
  });

  it('sends a new message with a long UTF-8 subject, plain and HTML parts, findable by search', async () => {
    const subject = 'Überprüfung der Geheimhaltungsvereinbarung — 日本語の件名も大丈夫 ✅ (final)';
    const sent = await tools.gmail.sendEmail(ctx, {
      to: ['dana@northwind.io'],
      cc: ['maria@example.com'],
      subject,
      body: 'Hallo Dana,\n\nanbei die Unterlagen.',
    });
    if (!sent.ok) throw new Error(sent.error.message);
    const thread = await tools.gmail.readThread(ctx, { threadId: sent.value.threadId });
    if (!thread.ok) throw new Error(thread.error.message);
    expect(thread.value.messages[0]?.subject).toBe(subject);
    expect(thread.value.messages[0]?.cc).toBe('maria@example.com');
    expect(thread.value.messages[0]?.body).toBe('Hallo Dana,\n\nanbei die Unterlagen.');
    const search = await tools.gmail.searchThreads(ctx, { query: 'in:sent Geheimhaltungsvereinbarung' });
    if (!search.ok) throw new Error(search.error.message);
    expect(search.value.threads.map((t) => t.threadId)).toContain(sent.value.threadId);
  });

  it('a sender named with spaces stays one quoted term, and the person’s own sent mail is not counted as received', async () => {
    const byName = await tools.gmail.searchThreads(ctx, { from: 'Dana Whitfield', query: 'NDA' });
    if (!byName.ok) throw new Error(byName.error.message);
    expect(byName.value.threads.map((t) => t.subject)).toContain('Northwind NDA: our redlines');

    const sent = await tools.gmail.sendEmail(ctx, {
      to: ['dana@northwind.io'],
      cc: [],
      subject: 'Zebra kickoff agenda',
      body: 'Agenda attached.',
    });
    if (!sent.ok) throw new Error(sent.error.message);
    const found = await tools.gmail.searchThreads(ctx, { query: 'zebra' });
    if (!found.ok) throw new Error(found.error.message);
    expect(found.value.threads.map((t) => t.threadId)).not.toContain(sent.value.threadId);
  });

  it('Google’s dailyLimitExceeded (a 403) is a rate limit, not a provider error', async () => {
    const body = JSON.stringify({
      error: {
        code: 403,
        message: 'Daily Limit Exceeded',
        errors: [{ message: 'Daily Limit Exceeded', domain: 'usageLimits', reason: 'dailyLimitExceeded' }],
        status: 'PERMISSION_DENIED',
      },
    });
    sandbox.failNext('/gmail/v1/users/me/threads', { status: 403, body, times: 2 });
    const res = await tools.gmail.searchThreads(ctx, { query: 'NDA' });
    expect(res.ok ? undefined : res.error.code).toBe('RATE_LIMITED');
  });

  it('builds RFC 2822 with CRLF, folded encoded words of at most 75 characters and no header injection', () => {
    const mime = buildMimeMessage({
      to: ['a@example.com'],
      subject: 'Ünïcödé '.repeat(12) + '\r\nBcc: evil@example.com',
      text: 'hi',
      boundary: 'b1',
      inReplyTo: '<x@y>',
      references: ['<w@y>', '<x@y>'],
    });
    const head = mime.split('\r\n\r\n')[0] ?? '';
    expect(head).not.toMatch(/^Bcc:/m);
    const subjectLines = head
      .slice(head.indexOf('Subject:'))
      .split('\r\n')
      .filter((l, i) => i === 0 || l.startsWith(' '));
    for (const line of subjectLines)
      for (const word of line.match(/=\?UTF-8\?B\?[^?]*\?=/g) ?? []) expect(word.length).toBeLessThanOrEqual(75);
    expect(mime).toContain('In-Reply-To: <x@y>\r\nReferences: <w@y>\r\n <x@y>\r\n');
    expect(mime).toContain('Content-Type: multipart/alternative; boundary="b1"');
    expect(mime).toContain('Content-Type: text/html; charset="UTF-8"');
    expect(mime).not.toMatch(/[^\r]\n/);
  });

  it('creates a draft that Gmail lists with the DRAFT label', async () => {
    const draft = await tools.gmail.createDraft(ctx, {
      to: ['sam@example.com'],
      cc: [],
      subject: 'Northwind forecast',
      body: 'Draft for review',
    });
    if (!draft.ok) throw new Error(draft.error.message);
    expect(draft.value.draftId).toMatch(/^r/);
    const found = await tools.gmail.searchThreads(ctx, { query: 'in:draft subject:forecast' });
    if (!found.ok) throw new Error(found.error.message);
    expect(found.value.threads.map((t) => t.threadId)).toContain(draft.value.threadId);
  });

  it('lists the latest inbox messages with unread flags and decoded snippets', async () => {
    const latest = await tools.gmail.listLatest(ctx, { maxResults: 5 });
    if (!latest.ok) throw new Error(latest.error.message);
    expect(latest.value.messages).toHaveLength(5);
    const dates = latest.value.messages.map((m) => Date.parse(m.date));
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
    const dana = latest.value.messages.find((m) => m.from.includes('dana@northwind.io'));
    expect(dana?.unread).toBe(true);
    expect(dana?.snippet).toContain("I'd love"); // &#39; decoded
  });

  it('keeps results within the character budget and says when it trimmed', async () => {
    const small = createProviderTools({
      tokenSource: tokens,
      urls: { googleRootUrl: sandbox.googleRootUrl, slackApiUrl: sandbox.slackApiUrl },
      now: clock.now,
      sleep: sleeps.sleep,
      resultBudgetChars: 700,
    });
    const res = await small.gmail.searchThreads(ctx, { query: 'in:inbox', maxResults: 10 });
    if (!res.ok) throw new Error(res.error.message);
    expect(JSON.stringify(res.value).length).toBeLessThanOrEqual(700);
    expect(res.value.truncated).toBe(true);
  });

  it('an expired token is invalidated and refreshed once, then the call succeeds', async () => {
    await tools.gmail.listLatest(ctx, { maxResults: 1 }); // warm the cache
    const invalidationsBefore = tokens.invalidations;
    const refreshesBefore = tokens.refreshes;
    clock.advance(3601 * 1000);
    const requestsBefore = sandbox.requests().length;
    const res = await tools.gmail.searchThreads(ctx, { from: 'sam@example.com', maxResults: 1 });
    expect(res.ok).toBe(true);
    expect(tokens.invalidations - invalidationsBefore).toBe(1);
    expect(tokens.refreshes - refreshesBefore).toBe(1);
    const statuses = sandbox
      .requests()
      .slice(requestsBefore)
      .filter((r) => r.path.startsWith('/gmail/'))
      .map((r) => r.status);
    expect(statuses[0]).toBe(401);
    expect(statuses.slice(1).every((s) => s === 200)).toBe(true);
  });

  it('a token rejected twice is not retried a third time', async () => {
    const bad = {
      invalidations: 0,
      async getAccessToken() {
        return { accessToken: 'ya29.not-a-real-token', scopes: [GOOGLE_SCOPES.gmailRead], expiresAt: clock.now() + 60_000 };
      },
      invalidate() {
        this.invalidations++;
      },
    };
    const t = createProviderTools({
      tokenSource: bad,
      urls: { googleRootUrl: sandbox.googleRootUrl, slackApiUrl: sandbox.slackApiUrl },
      now: clock.now,
      sleep: sleeps.sleep,
    });
    const before = sandbox.requests().length;
    const res = await t.gmail.listLatest(ctx);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('TOKEN_EXCHANGE_FAILED');
    expect(sandbox.requests().length - before).toBe(2);
    expect(bad.invalidations).toBe(2);
  });

  it('a 429 with Retry-After is waited out exactly as asked, once', async () => {
    sandbox.failNext('/gmail/v1/users/me/threads', { status: 429, retryAfter: 7 });
    const res = await tools.gmail.searchThreads(ctx, { from: 'priya', maxResults: 1 });
    expect(res.ok).toBe(true);
    expect(sleeps.calls).toEqual([7000]);
  });

  it('a 429 that persists, or asks for too long, becomes RATE_LIMITED with the wait', async () => {
    sandbox.failNext('/gmail/v1/users/me/threads', { status: 429, retryAfter: 2, times: 2 });
    const twice = await tools.gmail.searchThreads(ctx, { from: 'priya', maxResults: 1 });
    expect(twice.ok ? undefined : twice.error).toMatchObject({ code: 'RATE_LIMITED', retryAfterMs: 2000, provider: 'google' });
    expect(sleeps.calls).toEqual([2000]);

    sandbox.failNext('/gmail/v1/users/me/threads', { status: 429, retryAfter: 120 });
    const long = await tools.gmail.searchThreads(ctx, { from: 'priya', maxResults: 1 });
    expect(long.ok ? undefined : long.error).toMatchObject({ code: 'RATE_LIMITED', retryAfterMs: 120_000 });
    expect(sleeps.calls).toEqual([2000]);
  });

  it('5xx on a read is retried with bounded backoff; when it persists, PROVIDER_UNAVAILABLE', async () => {
    sandbox.failNext('/gmail/v1/users/me/messages', { status: 503, times: 2 });
    const recovered = await tools.gmail.listLatest(ctx, { maxResults: 1 });
    expect(recovered.ok).toBe(true);
    expect(sleeps.calls).toEqual([250, 500]);

    sandbox.failNext('/gmail/v1/users/me/messages', { status: 500, times: 10 });
    const before = sandbox.requests().length;
    const down = await tools.gmail.listLatest(ctx, { maxResults: 1 });
    expect(down.ok ? undefined : down.error.code).toBe('PROVIDER_UNAVAILABLE');
    expect(sandbox.requests().length - before).toBe(3);
  });

  it('a send that gets a 5xx is not repeated (no duplicate email)', async () => {
    sandbox.failNext('/gmail/v1/users/me/messages/send', { status: 502, times: 3 });
    const before = sandbox.requests().length;
    const res = await tools.gmail.sendEmail(ctx, { to: ['sam@example.com'], cc: [], subject: 'Once only', body: 'x' });
    expect(res.ok ? undefined : res.error.code).toBe('PROVIDER_UNAVAILABLE');
    expect(sandbox.requests().length - before).toBe(1);
    expect(sleeps.calls).toEqual([]);
  });

  it('truncated JSON and missing fields become PROVIDER_ERROR, not crashes', async () => {
    sandbox.failNext('/gmail/v1/users/me/threads', { status: 200, body: '{"threads":[{"id":"9d3c7bf0' });
    const truncated = await tools.gmail.searchThreads(ctx, { query: 'NDA' });
    expect(truncated.ok ? undefined : truncated.error.code).toBe('PROVIDER_ERROR');

    sandbox.failNext('/gmail/v1/users/me/threads/', { status: 200, body: JSON.stringify({ id: 't1', messages: [{ id: 'm1' }] }) });
    const missing = await tools.gmail.readThread(ctx, { threadId: 't1' });
    expect(missing.ok ? undefined : missing.error).toMatchObject({ code: 'PROVIDER_ERROR', provider: 'google' });
  });

  it('an unknown thread is NOT_FOUND', async () => {
    const res = await tools.gmail.readThread(ctx, { threadId: 'ffffffffffffffff' });
    expect(res.ok ? undefined : res.error.code).toBe('NOT_FOUND');
  });

  it('never puts a token in results or logs', async () => {
    const results = [await tools.gmail.listLatest(ctx, { maxResults: 2 }), await tools.gmail.searchThreads(ctx, { query: 'NDA' })];
    const haystack = JSON.stringify(results) + logs.lines.join('\n');
    expect(tokens.issued.length).toBeGreaterThan(0);
    for (const secret of [...tokens.issued, TEST_CLIENT.client_secret, ctx.subjectToken]) expect(haystack).not.toContain(secret);
  });
});

describe('Gmail scopes', () => {
  it('a token without gmail.send gets INSUFFICIENT_SCOPE naming it', async () => {
    const clock = fakeClock();
    const dir = mkdtempSync(join(tmpdir(), 'vouch-gmail-scope-'));
    const sandbox = await startSandbox({ dataDir: dir, now: clock.now, clients: [TEST_CLIENT], timeZone: 'UTC' });
    try {
      const tokens = new SandboxTokenSource(sandbox, clock.now);
      await tokens.connect('google-oauth2', [GOOGLE_SCOPES.gmailRead]);
      const tools = createProviderTools({
        tokenSource: tokens,
        urls: { googleRootUrl: sandbox.googleRootUrl, slackApiUrl: sandbox.slackApiUrl },
        now: clock.now,
        sleep: async () => {},
      });
      expect((await tools.gmail.listLatest(ctx, { maxResults: 1 })).ok).toBe(true);
      const res = await tools.gmail.sendEmail(ctx, { to: ['sam@example.com'], cc: [], subject: 'hi', body: 'hi' });
      expect(res.ok ? undefined : res.error).toMatchObject({
        code: 'INSUFFICIENT_SCOPE',
        provider: 'google',
        missingScopes: [GOOGLE_SCOPES.gmailSend],
      });
    } finally {
      await sandbox.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('token source errors with a code pass through as typed results', async () => {
    const tools = createProviderTools({
      tokenSource: {
        async getAccessToken() {
          throw Object.assign(new Error('Google is not connected for this user.'), { code: 'FEDERATED_TOKEN_NOT_IN_VAULT' });
        },
        invalidate() {},
      },
      urls: { googleRootUrl: 'http://127.0.0.1:9/', slackApiUrl: 'http://127.0.0.1:9/slack/api/' },
      sleep: async () => {},
    });
    const res = await tools.gmail.listLatest(ctx);
    expect(res.ok ? undefined : res.error).toMatchObject({ code: 'FEDERATED_TOKEN_NOT_IN_VAULT', provider: 'google' });
  });
});
