import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SLACK_SCOPES } from '../../src/protocol/index.js';
import { DEFAULT_RETRY_POLICY, silentLogger } from '../../src/providers/callPolicy.js';
import { SHIPPED_REGISTRY } from '../../src/providers/index.js';
import { createSlackTools } from '../../src/providers/slack/slackTools.js';
import { slackModule } from '../../src/providers/slack/module.js';
import type { Intent } from '../../src/agent/intent/schema.js';
import { startSandbox, type Sandbox } from '../../standins/sandbox/index.js';
import { SandboxTokenSource, TEST_CLIENT, fakeClock, recordingSleep } from './sandboxTokenSource.js';

const ctx = { userId: 'auth0|alex', subjectToken: 'subject-token-for-tests' };
const TZ = 'America/New_York';
const ALL = [
  SLACK_SCOPES.channelsRead,
  SLACK_SCOPES.channelsHistory,
  SLACK_SCOPES.searchRead,
  SLACK_SCOPES.usersRead,
  SLACK_SCOPES.imRead,
  SLACK_SCOPES.imHistory,
];

/** Slack as a newly created app distributed outside the Marketplace meets it (the sandbox default). */
describe('Slack at the real limits (non-Marketplace app)', () => {
  const clock = fakeClock(Date.parse('2026-03-10T14:00:00Z'));
  const sleeps = recordingSleep();
  let dir: string;
  let sandbox: Sandbox;
  let tokens: SandboxTokenSource;

  const slackTools = (extra: Partial<Parameters<typeof createSlackTools>[0]> = {}) =>
    createSlackTools({
      policy: { tokenSource: tokens, now: clock.now, sleep: sleeps.sleep, logger: silentLogger, retry: DEFAULT_RETRY_POLICY },
      connection: 'sign-in-with-slack',
      slackApiUrl: sandbox.slackApiUrl,
      budgetChars: 6000,
      requestTimeoutMs: 5000,
      ...extra,
    });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vouch-slack-'));
    sandbox = await startSandbox({ dataDir: dir, now: clock.now, clients: [TEST_CLIENT], testHooks: true, timeZone: TZ });
    tokens = new SandboxTokenSource(sandbox, clock.now);
    await tokens.connect('sign-in-with-slack', ALL);
  });
  afterAll(async () => {
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the sandbox answers a second history call inside the minute with HTTP 429, Retry-After and ratelimited, and caps a page at 15', async () => {
    const token = (await tokens.getAccessToken({ userId: ctx.userId, connection: 'sign-in-with-slack', subjectToken: 'x', scopes: [] }))
      .accessToken;
    const call = () =>
      fetch(`${sandbox.slackApiUrl}conversations.history`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: new URLSearchParams({ channel: 'C0DEALS', limit: '50' }),
      });
    clock.advance(120_000);
    const first = await call();
    const body = (await first.json()) as { messages: Array<Record<string, unknown>>; has_more: boolean };
    expect(body.messages.length).toBeLessThanOrEqual(15);
    // Real history names the author by id only.
    expect(body.messages.every((m) => !('user_profile' in m))).toBe(true);
    clock.advance(20_000);
    const second = await call();
    expect(second.status).toBe(429);
    expect(second.headers.get('retry-after')).toBe('40');
    expect(await second.json()).toEqual({ ok: false, error: 'ratelimited' });
    clock.advance(40_000);
    expect((await call()).status).toBe(200);
  });

  it('history is read once and cached; within Slack’s minute another read is served from memory; names come from users.info', async () => {
    clock.advance(120_000);
    const tools = slackTools();
    const first = await tools.readChannel(ctx, { channel: 'C0DEALS', limit: 10 });
    if (!first.ok) throw new Error(first.error.message);
    expect(first.value.messages.at(-1)?.user).toBe('Sam Patel');
    expect(first.value.limited).toBeUndefined();
    const before = sandbox.requests().filter((r) => r.path.endsWith('conversations.history')).length;
    clock.advance(10_000);
    const again = await tools.readChannel(ctx, { channel: 'C0DEALS', limit: 10 });
    expect(again.ok && again.value.messages).toEqual(first.value.messages);
    expect(sandbox.requests().filter((r) => r.path.endsWith('conversations.history')).length).toBe(before);
    // users.info ran once per author, not once per message or per read.
    const infos = sandbox.requests().filter((r) => r.path.endsWith('users.info')).length;
    expect(infos).toBeLessThanOrEqual(4);
  });

  it('a rate-limited read of another channel says so plainly: RATE_LIMITED with the wait, never a silent empty answer', async () => {
    clock.advance(120_000);
    const tools = slackTools();
    const deals = await tools.readChannel(ctx, { channel: 'C0DEALS', limit: 5 });
    expect(deals.ok).toBe(true);
    clock.advance(5_000);
    const general = await tools.readChannel(ctx, { channel: 'C0GENERAL', limit: 5 });
    expect(general.ok ? undefined : general.error).toMatchObject({ code: 'RATE_LIMITED', provider: 'slack', retryAfterMs: 55_000 });
    expect(general.ok ? '' : general.error.message).toMatch(/once a minute/);
    // The Retry-After is honoured: no second request inside the window.
    const n = sandbox.requests().filter((r) => r.path.endsWith('conversations.history')).length;
    clock.advance(10_000);
    await tools.readChannel(ctx, { channel: 'C0GENERAL', limit: 5 });
    expect(sandbox.requests().filter((r) => r.path.endsWith('conversations.history')).length).toBe(n);
    // The cached channel is served with a note saying how old it is.
    const cacheShort = slackTools({ historyCacheMs: 1_000 });
    clock.advance(60_000);
    expect((await cacheShort.readChannel(ctx, { channel: 'C0DEALS', limit: 5 })).ok).toBe(true);
    clock.advance(2_000);
    const stale = await cacheShort.readChannel(ctx, { channel: 'C0DEALS', limit: 5 });
    if (!stale.ok) throw new Error(stale.error.message);
    expect(stale.value.limited).toMatchObject({ reason: 'rate_limited', retryAfterMs: 58_000 });
    expect(stale.value.limited?.message).toMatch(/Slack limited this read/);
  });

  it('asking for more than one page holds says Slack capped it', async () => {
    clock.advance(120_000);
    // Slack's cap is 15; the seed channel is shorter, so the tools' page size stands in for it.
    const tools = slackTools({ historyLimit: 3 });
    const r = await tools.readChannel(ctx, { channel: 'C0DEALS', limit: 5 });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.messages).toHaveLength(3);
    expect(r.value.limited).toMatchObject({ reason: 'page_cap' });
  });

  it('conversations.list is read to its last cursor', async () => {
    const tools = slackTools();
    const token = (await tokens.getAccessToken({ userId: ctx.userId, connection: 'sign-in-with-slack', subjectToken: 'x', scopes: [] }))
      .accessToken;
    const page = (await (
      await fetch(`${sandbox.slackApiUrl}conversations.list?limit=1`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as {
      channels: unknown[];
      response_metadata: { next_cursor: string };
    };
    expect(page.channels).toHaveLength(1);
    expect(page.response_metadata.next_cursor).not.toBe('');
    // A client that ignored the cursor would see only the first page.
    const paged = createSlackTools({
      policy: { tokenSource: tokens, now: clock.now, sleep: sleeps.sleep, logger: silentLogger, retry: DEFAULT_RETRY_POLICY },
      connection: 'sign-in-with-slack',
      slackApiUrl: sandbox.slackApiUrl,
      budgetChars: 6000,
      requestTimeoutMs: 5000,
    });
    const before = sandbox.requests().filter((r) => r.path.endsWith('conversations.list')).length;
    const all = await paged.listChannels(ctx);
    if (!all.ok) throw new Error(all.error.message);
    expect(all.value.channels.map((c) => c.name).sort()).toEqual(['deals', 'general']);
    expect(sandbox.requests().filter((r) => r.path.endsWith('conversations.list')).length - before).toBe(1);
    void tools;
  });

  it('catch me up is one search across channels and DMs since yesterday; DMs are read without asking for a channel', async () => {
    const tools = slackTools();
    const historyBefore = sandbox.requests().filter((r) => r.path.endsWith('conversations.history')).length;
    const r = await tools.catchUp(ctx, { since: new Date(clock.now() - 86_400_000), timezone: TZ });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.query).toMatch(/^after:\d{4}-\d\d-\d\d$/);
    expect(r.value.matches.map((m) => m.channel)).toEqual(expect.arrayContaining(['#deals', 'DM with Sam Patel']));
    expect(r.value.matches.every((m) => !/^U0/.test(m.user))).toBe(true);
    expect(sandbox.requests().filter((r) => r.path.endsWith('conversations.history')).length).toBe(historyBefore);

    const mention = await tools.catchUp(ctx, { timezone: TZ, about: 'residuals' });
    expect(mention.ok && mention.value.matches.map((m) => m.user)).toEqual(['Maria Gomez']);

    clock.advance(120_000);
    const dm = await tools.readDirectMessages(ctx, { person: 'sam' });
    if (!dm.ok) throw new Error(dm.error.message);
    expect(dm.value.with).toBe('Sam Patel');
    expect(dm.value.messages.at(-1)?.text).toMatch(/Still need those redlines/);
  });

  it('the module answers "catch me up on Slack" with a search that ran, and names the query', async () => {
    const tools = { slack: slackTools() };
    const intent: Intent = { tools: ['slack'], action: 'summarize', entities: { people: [], emails: [] }, needs_write: false };
    const out = { failures: [] } as Parameters<NonNullable<typeof slackModule.fetchContext>>[4];
    await slackModule.fetchContext!(tools, ctx, intent, { timezone: TZ, now: new Date(clock.now()) }, out);
    expect(out.failures).toEqual([]);
    expect(out.searched).toMatch(/after:/);
    expect(out.messages?.length).toBeGreaterThan(0);
    expect(SHIPPED_REGISTRY.providerOfDraft('slack_message')).toBe('slack');
  });

  it('the module reads "my DMs with Sam" without asking which channel, and "did anyone mention residuals" searches', async () => {
    clock.advance(120_000);
    const tools = { slack: slackTools() };
    const env = { timezone: TZ, now: new Date(clock.now()) };
    const dm = { failures: [] } as Parameters<NonNullable<typeof slackModule.fetchContext>>[4];
    await slackModule.fetchContext!(
      tools,
      ctx,
      { tools: ['slack'], action: 'read', entities: { people: ['Sam'], emails: [] }, needs_write: false },
      env,
      dm,
    );
    expect(dm.failures).toEqual([]);
    expect(dm.dmWith).toBe('Sam Patel');
    expect(dm.messages?.at(-1)?.text).toMatch(/Still need those redlines/);
    const mention = { failures: [] } as Parameters<NonNullable<typeof slackModule.fetchContext>>[4];
    await slackModule.fetchContext!(
      tools,
      ctx,
      { tools: ['slack'], action: 'read', entities: { people: [], emails: [], query: 'residuals' }, needs_write: false },
      env,
      mention,
    );
    expect(mention.searched).toBe('residuals');
    expect(mention.messages?.map((m) => m.user)).toEqual(['Maria Gomez']);
  });

  it('without users:read names stay ids and the read still succeeds', async () => {
    const narrow = new SandboxTokenSource(sandbox, clock.now);
    await narrow.connect('sign-in-with-slack', [SLACK_SCOPES.channelsRead, SLACK_SCOPES.searchRead]);
    const t = createSlackTools({
      policy: { tokenSource: narrow, now: clock.now, sleep: sleeps.sleep, logger: silentLogger, retry: DEFAULT_RETRY_POLICY },
      connection: 'sign-in-with-slack',
      slackApiUrl: sandbox.slackApiUrl,
      budgetChars: 6000,
      requestTimeoutMs: 5000,
    });
    const r = await t.searchMessages(ctx, { query: 'residuals' });
    expect(r.ok && r.value.matches[0]?.user).toBe('maria');
  });
});

describe('Slack for an internal app (limits off)', () => {
  it('reads history twice in a row and more than 15 messages', async () => {
    const clock = fakeClock(Date.parse('2026-03-10T14:00:00Z'));
    const dir = mkdtempSync(join(tmpdir(), 'vouch-slack-int-'));
    const sandbox = await startSandbox({
      dataDir: dir,
      now: clock.now,
      clients: [TEST_CLIENT],
      timeZone: TZ,
      slackLimits: { nonMarketplaceApp: false },
    });
    try {
      const tokens = new SandboxTokenSource(sandbox, clock.now);
      await tokens.connect('sign-in-with-slack', ALL);
      const token = (await tokens.getAccessToken({ userId: ctx.userId, connection: 'sign-in-with-slack', subjectToken: 'x', scopes: [] }))
        .accessToken;
      for (let i = 0; i < 2; i++) {
        const res = await fetch(`${sandbox.slackApiUrl}conversations.history`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}` },
          body: new URLSearchParams({ channel: 'C0DEALS', limit: '50' }),
        });
        expect(res.status).toBe(200);
      }
    } finally {
      await sandbox.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a rate-limited channel read falls back to search', () => {
  it('answers "what is new in #general" from search when history is spent, and says so', async () => {
    const clock = fakeClock(Date.parse('2026-03-10T14:00:00Z'));
    const dir = mkdtempSync(join(tmpdir(), 'vouch-slack-fb-'));
    const sandbox = await startSandbox({ dataDir: dir, now: clock.now, clients: [TEST_CLIENT], timeZone: TZ });
    try {
      const tokens = new SandboxTokenSource(sandbox, clock.now);
      await tokens.connect('sign-in-with-slack', ALL);
      const slack = createSlackTools({
        policy: { tokenSource: tokens, now: clock.now, sleep: recordingSleep().sleep, logger: silentLogger, retry: DEFAULT_RETRY_POLICY },
        connection: 'sign-in-with-slack',
        slackApiUrl: sandbox.slackApiUrl,
        budgetChars: 6000,
        requestTimeoutMs: 5000,
      });
      expect((await slack.readChannel(ctx, { channel: 'deals' })).ok).toBe(true);
      const intent: Intent = {
        tools: ['slack'],
        action: 'read',
        entities: { people: [], emails: [], channel: 'general' },
        needs_write: false,
      };
      const out = { failures: [] } as Parameters<NonNullable<typeof slackModule.fetchContext>>[4];
      await slackModule.fetchContext!({ slack }, ctx, intent, { timezone: TZ, now: new Date(clock.now()) }, out);
      expect(out.failures).toEqual([]);
      expect(out.limited?.reason).toBe('rate_limited');
      expect(out.limited?.message).toMatch(/Slack search instead/);
      expect(out.messages?.map((m) => m.text)).toContain('Board meeting moved to next Tuesday.');
    } finally {
      await sandbox.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
