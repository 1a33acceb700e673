import { WebClient, type Logger, LogLevel } from '@slack/web-api';
import { z } from 'zod';
import { SLACK_SCOPES } from './contract.js';
import type { SlackDraftFields } from './contract.js';
import { fitList, trimText } from '../budget.js';
import { runProviderCall, type CallPolicyDeps } from '../callPolicy.js';
import { fail, ok, type ProviderCallContext, type ProviderResult } from '../result.js';
import { classifySlackError } from './slackFailure.js';

// Fields Slack documents as optional stay optional: a channel without a topic, a bot without a real name.
const Channel = z.object({
  id: z.string(),
  name: z.string().optional(),
  is_im: z.boolean().optional(),
  user: z.string().optional(),
  topic: z.object({ value: z.string().optional() }).optional(),
  num_members: z.number().optional(),
});
const Cursor = z.object({ next_cursor: z.string().optional() }).optional();
const ChannelPage = z.object({ ok: z.literal(true), channels: z.array(Channel), response_metadata: Cursor });
const Msg = z.object({
  ts: z.string(),
  text: z.string().optional().default(''),
  user: z.string().optional(),
  bot_id: z.string().optional(),
  username: z.string().optional(),
  thread_ts: z.string().optional(),
  reply_count: z.number().optional(),
});
const History = z.object({ ok: z.literal(true), messages: z.array(Msg), has_more: z.boolean().optional(), response_metadata: Cursor });
const Search = z.object({
  ok: z.literal(true),
  messages: z.object({
    total: z.number(),
    matches: z.array(
      z.object({
        ts: z.string(),
        text: z.string().optional().default(''),
        user: z.string().optional(),
        username: z.string().optional(),
        channel: z.object({ id: z.string(), name: z.string().optional(), is_im: z.boolean().optional() }),
        permalink: z.string().optional(),
      }),
    ),
  }),
});
const UserInfo = z.object({
  ok: z.literal(true),
  user: z.object({
    id: z.string(),
    name: z.string().optional(),
    real_name: z.string().optional(),
    profile: z.object({ real_name: z.string().optional(), display_name: z.string().optional() }).optional(),
  }),
});
const Member = z.object({
  id: z.string(),
  name: z.string().optional(),
  real_name: z.string().optional(),
  deleted: z.boolean().optional(),
  is_bot: z.boolean().optional(),
  /** Guests (single- and multi-channel) can be anyone the workspace let in; Slack Connect people are strangers. */
  is_restricted: z.boolean().optional(),
  is_ultra_restricted: z.boolean().optional(),
  is_stranger: z.boolean().optional(),
  profile: z.object({ real_name: z.string().optional(), display_name: z.string().optional(), email: z.string().optional() }).optional(),
});
const MemberPage = z.object({ ok: z.literal(true), members: z.array(Member), response_metadata: Cursor });
const Posted = z.object({ ok: z.literal(true), channel: z.string(), ts: z.string() });
/** users.lookupByEmail: the member Slack verified the address for. */
const LookedUp = z.object({ ok: z.literal(true), user: z.object({ id: z.string() }) });
/** conversations.open: the direct message with that member, found or started. */
const Opened = z.object({ ok: z.literal(true), channel: z.object({ id: z.string() }) });
/** auth.test: who the user token belongs to. */
const Identity = z.object({ ok: z.literal(true), user_id: z.string() });

/** A person in the workspace with the address Slack verified for them (users:read.email). */
interface WorkspaceMember {
  id: string;
  name: string;
  email: string;
}

interface ChannelSummary {
  id: string;
  name: string;
  topic?: string;
  members?: number;
}

interface DirectMessageSummary {
  id: string;
  /** The other person's Slack id and, when users.info could tell, their name. */
  userId: string;
  user: string;
}

export interface SlackMessage {
  ts: string;
  /** The author's name (users.info), or their id when the name could not be read. */
  user: string;
  /** Written by the person Vouch acts for: the reply says "you", never their name as if another's. */
  fromMe?: true;
  text: string;
  threadTs?: string;
  replyCount?: number;
}

interface SearchMatch extends SlackMessage {
  /** `#name` for a channel, `DM with <name>` for a direct message. */
  channel: string;
  permalink?: string;
}

/**
 * Why an answer holds less than was asked for, in words the reply can use as they are. Slack lets a
 * non-Marketplace app read history once a minute and 15 messages at a time.
 */
export interface SlackLimit {
  reason: 'rate_limited' | 'page_cap';
  message: string;
  retryAfterMs?: number;
  /** When the messages served were read (a cached read served during a rate limit). */
  asOf?: string;
}

/** The client logs request bodies at debug level; Vouch keeps its own logs and gives it none. */
const quietLogger: Logger = { debug() {}, info() {}, warn() {}, error() {}, setLevel() {}, getLevel: () => LogLevel.ERROR, setName() {} };

interface SlackToolsOptions {
  policy: CallPolicyDeps;
  connection: string;
  slackApiUrl: string;
  budgetChars: number;
  requestTimeoutMs: number;
  /** The most messages one history read asks for (Slack caps non-Marketplace apps at 15). */
  historyLimit?: number;
  /** How long a channel's history is served from memory before it is read again (Slack's window is a minute). */
  historyCacheMs?: number;
  /** How long a user id's name is remembered. */
  nameCacheMs?: number;
  /** The most conversations.list pages read for one listing. */
  maxListPages?: number;
}

const CONVERSATION_ID = /^[CGD][A-Z0-9]{2,}$/;
const USER_ID = /^[UW][A-Z0-9]{2,}$/;

/** A day (YYYY-MM-DD) in a zone, as Slack's `after:`/`before:`/`on:` modifiers take it. */
function slackDay(at: Date, timezone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

export function createSlackTools(opts: SlackToolsOptions) {
  // No client-side retries or rate-limit sleeping: callPolicy owns both, with an injectable clock.
  const client = new WebClient(undefined, {
    slackApiUrl: opts.slackApiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: opts.requestTimeoutMs,
    logger: quietLogger,
  });
  const { policy } = opts;
  const base = { provider: 'slack' as const, connection: opts.connection, classify: classifySlackError };
  const historyLimit = Math.max(1, opts.historyLimit ?? 15);
  const historyCacheMs = opts.historyCacheMs ?? 60_000;
  const nameCacheMs = opts.nameCacheMs ?? 60 * 60_000;
  const maxListPages = opts.maxListPages ?? 10;

  /** Values kept per key for `nameCacheMs`: Slack's user lookups are rate-limited and change rarely. */
  const remembered = <T>() => {
    const kept = new Map<string, { value: T; at: number }>();
    return {
      get: (key: string, now = policy.now()): T | undefined => {
        const hit = kept.get(key);
        return hit && now - hit.at < nameCacheMs ? hit.value : undefined;
      },
      set: (key: string, value: T, at = policy.now()) => void kept.set(key, { value, at }),
    };
  };
  const names = remembered<string>();
  const members = remembered<WorkspaceMember[]>();
  /** The person's own Slack user id per Vouch user (auth.test). */
  const selves = remembered<string>();

  const ownUserId = async (ctx: ProviderCallContext): Promise<ProviderResult<string>> => {
    const known = selves.get(ctx.userId);
    if (known !== undefined) return ok(known);
    const res = await runProviderCall(policy, ctx, {
      ...base,
      operation: 'auth.test',
      scopes: [],
      idempotent: true,
      invoke: (token) => client.auth.test({ token }),
      schema: Identity,
      map: (a) => a.user_id,
    });
    if (res.ok) selves.set(ctx.userId, res.value);
    return res;
  };
  const histories = new Map<string, { messages: SlackMessage[]; at: number; hasMore: boolean }>();
  /** When Slack said history may be read again, per user (the limit is per app and method). */
  const historyBlockedUntil = new Map<string, number>();
  const userKey = (ctx: ProviderCallContext, id: string) => `${ctx.userId}\u0000${id}`;

  /** Every page of conversations.list for these types (cursor pagination, bounded). */
  const listConversations = async (
    ctx: ProviderCallContext,
    types: 'public_channel' | 'im',
  ): Promise<ProviderResult<z.infer<typeof Channel>[]>> => {
    const all: z.infer<typeof Channel>[] = [];
    let cursor: string | undefined;
    for (let pageNo = 0; pageNo < maxListPages; pageNo++) {
      const res = await runProviderCall(policy, ctx, {
        ...base,
        operation: 'conversations.list',
        scopes: [types === 'im' ? SLACK_SCOPES.imRead : SLACK_SCOPES.channelsRead],
        idempotent: true,
        invoke: (token) => client.conversations.list({ token, types, exclude_archived: true, limit: 200, ...(cursor ? { cursor } : {}) }),
        schema: ChannelPage,
        map: (l) => l,
      });
      if (!res.ok) return res;
      all.push(...res.value.channels);
      cursor = res.value.response_metadata?.next_cursor || undefined;
      if (!cursor) break;
    }
    return ok(all);
  };

  const listChannels = async (ctx: ProviderCallContext): Promise<ProviderResult<ChannelSummary[]>> => {
    const res = await listConversations(ctx, 'public_channel');
    if (!res.ok) return res;
    return ok(
      res.value
        .filter((c) => !c.is_im && c.name)
        .map((c) => {
          const out: ChannelSummary = { id: c.id, name: c.name as string };
          if (c.topic?.value) out.topic = c.topic.value;
          if (c.num_members !== undefined) out.members = c.num_members;
          return out;
        }),
    );
  };

  /**
   * Names for user ids, from users.info (users:read), remembered per user. A name that cannot be read
   * (no users:read yet, a deleted user) stays the id: a read never fails for want of a name.
   */
  const resolveNames = async (ctx: ProviderCallContext, ids: Iterable<string>): Promise<Map<string, string>> => {
    const out = new Map<string, string>();
    const now = policy.now();
    const wanted = [...new Set(ids)].filter((id) => USER_ID.test(id));
    for (const id of wanted) {
      const known = names.get(userKey(ctx, id), now);
      if (known !== undefined) {
        out.set(id, known);
        continue;
      }
      const res = await runProviderCall(policy, ctx, {
        ...base,
        operation: 'users.info',
        scopes: [SLACK_SCOPES.usersRead],
        idempotent: true,
        invoke: (token) => client.users.info({ token, user: id }),
        schema: UserInfo,
        map: (u) => u.user.real_name || u.user.profile?.real_name || u.user.profile?.display_name || u.user.name || id,
      });
      if (res.ok) {
        names.set(userKey(ctx, id), res.value, now);
        out.set(id, res.value);
      } else if (res.error.code === 'INSUFFICIENT_SCOPE' || res.error.code === 'RATE_LIMITED') {
        break;
      }
    }
    return out;
  };

  const toMessage = (m: z.infer<typeof Msg>, who: Map<string, string>, me: string | undefined): SlackMessage => {
    const author = m.user ? (who.get(m.user) ?? m.user) : (m.username ?? m.bot_id ?? 'unknown');
    const out: SlackMessage = { ts: m.ts, user: author, text: trimText(m.text, 600), ...(me && m.user === me ? { fromMe: true } : {}) };
    if (m.thread_ts && m.thread_ts !== m.ts) out.threadTs = m.thread_ts;
    if (m.reply_count) out.replyCount = m.reply_count;
    return out;
  };

  /** A conversation id as is; a channel name (with or without #) is looked up, which needs channels:read too. */
  const resolveChannel = async (ctx: ProviderCallContext, ref: string): Promise<ProviderResult<{ id: string; name?: string }>> => {
    if (CONVERSATION_ID.test(ref)) return ok({ id: ref });
    const listed = await listChannels(ctx);
    if (!listed.ok) return listed;
    const name = ref.replace(/^#/, '').toLowerCase();
    const hit = listed.value.find((c) => c.name.toLowerCase() === name);
    return hit
      ? ok({ id: hit.id, name: hit.name })
      : fail({ code: 'NOT_FOUND', provider: 'slack', message: `There is no Slack channel named #${name}.` });
  };

  const ageWords = (ms: number) => (ms < 90_000 ? `${Math.max(1, Math.round(ms / 1000))} seconds` : `${Math.round(ms / 60_000)} minutes`);

  /**
   * Recent top-level messages of one conversation (newest first from Slack). Served from memory for
   * `historyCacheMs`; while Slack's Retry-After runs, the last read is served with a `limited` note,
   * and without one the caller gets RATE_LIMITED saying when to ask again.
   */
  const history = async (
    ctx: ProviderCallContext,
    conversationId: string,
    limit: number,
    scope: string,
  ): Promise<ProviderResult<{ messages: SlackMessage[]; limited?: SlackLimit }>> => {
    const key = userKey(ctx, conversationId);
    const now = policy.now();
    const cached = histories.get(key);
    const pageCap = (hasMore: boolean, count: number): SlackLimit | undefined =>
      hasMore && count < limit ? { reason: 'page_cap', message: `Slack returned only the latest ${count} messages.` } : undefined;
    if (cached && now - cached.at < historyCacheMs && (cached.messages.length >= limit || !cached.hasMore)) {
      const capped = pageCap(cached.hasMore, cached.messages.length);
      return ok({ messages: cached.messages.slice(0, limit), ...(capped ? { limited: capped } : {}) });
    }
    const servedStale = (retryAfterMs: number) => {
      const message = `Slack allows Vouch to read a conversation's history once a minute; ask again in ${ageWords(retryAfterMs)}.`;
      if (!cached)
        return fail<{ messages: SlackMessage[]; limited?: SlackLimit }>({ code: 'RATE_LIMITED', provider: 'slack', retryAfterMs, message });
      const asOf = new Date(cached.at).toISOString();
      return ok({
        messages: cached.messages.slice(0, limit),
        limited: {
          reason: 'rate_limited' as const,
          retryAfterMs,
          asOf,
          message: `Slack limited this read: these are the messages as of ${ageWords(now - cached.at)} ago. ${message}`,
        },
      });
    };
    const blockedUntil = historyBlockedUntil.get(userKey(ctx, 'conversations.history')) ?? 0;
    if (blockedUntil > now) return servedStale(blockedUntil - now);

    const res = await runProviderCall(policy, ctx, {
      ...base,
      operation: 'conversations.history',
      scopes: [scope],
      idempotent: true,
      invoke: (token) => client.conversations.history({ token, channel: conversationId, limit: Math.min(limit, historyLimit) }),
      schema: History,
      map: (h) => h,
    });
    if (!res.ok) {
      if (res.error.code !== 'RATE_LIMITED') return res;
      const wait = res.error.retryAfterMs ?? historyCacheMs;
      historyBlockedUntil.set(userKey(ctx, 'conversations.history'), policy.now() + wait);
      return servedStale(wait);
    }
    const [who, me] = await Promise.all([
      resolveNames(
        ctx,
        res.value.messages.map((m) => m.user ?? ''),
      ),
      ownUserId(ctx),
    ]);
    const messages = res.value.messages.map((m) => toMessage(m, who, me.ok ? me.value : undefined));
    const hasMore = res.value.has_more === true;
    histories.set(key, { messages, at: now, hasMore });
    const capped = pageCap(hasMore, messages.length);
    return ok({ messages, ...(capped ? { limited: capped } : {}) });
  };

  type SearchResult = { total: number; matches: SearchMatch[]; truncated?: boolean };

  const search = async (
    ctx: ProviderCallContext,
    query: string,
    count: number,
    withoutUser?: string,
  ): Promise<ProviderResult<SearchResult>> => {
    const res = await runProviderCall(policy, ctx, {
      ...base,
      operation: 'search.messages',
      scopes: [SLACK_SCOPES.searchRead],
      idempotent: true,
      invoke: (token) => client.search.messages({ token, query, count: Math.min(count, 20), sort: 'timestamp', sort_dir: 'desc' }),
      schema: Search,
      map: (s) => s.messages,
    });
    if (!res.ok) return res;
    const found = withoutUser ? res.value.matches.filter((m) => m.user !== withoutUser) : res.value.matches;
    const ids = [...found.map((m) => m.user ?? ''), ...found.map((m) => (m.channel.is_im ? (m.channel.name ?? '') : ''))];
    const [who, me] = await Promise.all([resolveNames(ctx, ids), withoutUser ? ok(withoutUser) : ownUserId(ctx)]);
    const mine = me.ok ? me.value : undefined;
    const matches = found.map((m): SearchMatch => {
      const dmWith = m.channel.is_im && m.channel.name ? (who.get(m.channel.name) ?? m.channel.name) : undefined;
      return {
        ts: m.ts,
        user: (m.user ? who.get(m.user) : undefined) ?? m.username ?? m.user ?? 'unknown',
        ...(mine && m.user === mine ? { fromMe: true as const } : {}),
        text: trimText(m.text, 400),
        channel: dmWith ? `DM with ${dmWith}` : `#${m.channel.name ?? m.channel.id}`,
        ...(m.permalink ? { permalink: m.permalink } : {}),
      };
    });
    const total = res.value.total - (res.value.matches.length - found.length);
    return ok(fitList(matches, opts.budgetChars, (items) => ({ total, matches: items })));
  };

  return {
    /**
     * The workspace's full members with an email address (users.list, users:read + users:read.email);
     * bots, deactivated accounts and guests left out. Remembered per user for `nameCacheMs` (users.list is Tier 2).
     */
    async listMembers(ctx: ProviderCallContext): Promise<ProviderResult<WorkspaceMember[]>> {
      const cached = members.get(ctx.userId);
      if (cached) return ok(cached);
      const out: WorkspaceMember[] = [];
      let cursor: string | undefined;
      for (let pageNo = 0; pageNo < maxListPages; pageNo++) {
        const res = await runProviderCall(policy, ctx, {
          ...base,
          operation: 'users.list',
          scopes: [SLACK_SCOPES.usersRead, SLACK_SCOPES.usersReadEmail],
          idempotent: true,
          invoke: (token) => client.users.list({ token, limit: 200, ...(cursor ? { cursor } : {}) }),
          schema: MemberPage,
          map: (p) => p,
        });
        if (!res.ok) return res;
        for (const m of res.value.members) {
          const email = m.profile?.email;
          if (m.deleted || m.is_bot || m.is_restricted || m.is_ultra_restricted || m.is_stranger || !email) continue;
          out.push({ id: m.id, name: m.real_name || m.profile?.real_name || m.profile?.display_name || m.name || '', email });
        }
        cursor = res.value.response_metadata?.next_cursor || undefined;
        if (!cursor) break;
      }
      members.set(ctx.userId, out);
      return ok(out);
    },

    async listChannels(ctx: ProviderCallContext): Promise<ProviderResult<{ channels: ChannelSummary[]; truncated?: boolean }>> {
      const res = await listChannels(ctx);
      return res.ok ? ok(fitList(res.value, opts.budgetChars, (channels) => ({ channels }))) : res;
    },

    /** Recent top-level messages of a channel, oldest first so the model reads them in order. */
    async readChannel(
      ctx: ProviderCallContext,
      input: { channel: string; limit?: number },
    ): Promise<
      ProviderResult<{ channel: { id: string; name?: string }; messages: SlackMessage[]; truncated?: boolean; limited?: SlackLimit }>
    > {
      const channel = await resolveChannel(ctx, input.channel);
      if (!channel.ok) return channel;
      const scope = channel.value.id.startsWith('D') ? SLACK_SCOPES.imHistory : SLACK_SCOPES.channelsHistory;
      const res = await history(ctx, channel.value.id, input.limit ?? historyLimit, scope);
      if (!res.ok) return res;
      // Slack answers newest first; the budget drops the oldest, then the list is put in reading order.
      const fitted = fitList(res.value.messages, opts.budgetChars, (messages) => ({ channel: channel.value, messages }));
      return ok({ ...fitted, messages: [...fitted.messages].reverse(), ...(res.value.limited ? { limited: res.value.limited } : {}) });
    },

    /** The person's direct-message conversations (im:read), with the other person's name. */
    async listDirectMessages(ctx: ProviderCallContext): Promise<ProviderResult<{ conversations: DirectMessageSummary[] }>> {
      const res = await listConversations(ctx, 'im');
      if (!res.ok) return res;
      const ims = res.value.filter((c) => c.user);
      const who = await resolveNames(
        ctx,
        ims.map((c) => c.user as string),
      );
      return ok({
        conversations: ims.map((c) => ({ id: c.id, userId: c.user as string, user: who.get(c.user as string) ?? (c.user as string) })),
      });
    },

    /**
     * The direct messages with one person (a name as said, a handle, or a user id), oldest first.
     * One conversations.list (im) plus one history read: never a loop over conversations.
     */
    async readDirectMessages(
      ctx: ProviderCallContext,
      input: { person: string; limit?: number },
    ): Promise<ProviderResult<{ with: string; messages: SlackMessage[]; limited?: SlackLimit }>> {
      const listed = await this.listDirectMessages(ctx);
      if (!listed.ok) return listed;
      const wanted = input.person.replace(/^@/, '').toLowerCase();
      const hit = listed.value.conversations.find(
        (c) => c.userId.toLowerCase() === wanted || c.user.toLowerCase() === wanted || c.user.toLowerCase().split(/\s+/)[0] === wanted,
      );
      if (!hit) return fail({ code: 'NOT_FOUND', provider: 'slack', message: `You have no Slack direct messages with ${input.person}.` });
      const res = await history(ctx, hit.id, input.limit ?? historyLimit, SLACK_SCOPES.imHistory);
      if (!res.ok) return res;
      return ok({
        with: hit.user,
        messages: [...res.value.messages].reverse(),
        ...(res.value.limited ? { limited: res.value.limited } : {}),
      });
    },

    /** Slack search (search:read, a user token) with Slack's own query syntax (`in:`, `from:`, `after:`…). */
    async searchMessages(ctx: ProviderCallContext, input: { query: string; count?: number }): Promise<ProviderResult<SearchResult>> {
      return search(ctx, input.query, input.count ?? 10);
    },

    /**
     * "Catch me up" and "did anyone mention X": one search across every channel and DM the person is
     * in, optionally since a day in their zone (`after:` is exclusive, so the day before is sent), in
     * one channel, or about a topic.
     */
    async catchUp(
      ctx: ProviderCallContext,
      input: { since?: Date; timezone: string; channel?: string; about?: string; count?: number },
    ): Promise<ProviderResult<SearchResult & { query: string }>> {
      const after = input.since ? `after:${slackDay(new Date(input.since.getTime() - 86_400_000), input.timezone)}` : undefined;
      const parts = [input.about?.trim(), input.channel ? `in:#${input.channel.replace(/^#/, '')}` : undefined, after].filter(Boolean);
      if (parts.length === 0)
        return fail({ code: 'BAD_REQUEST', provider: 'slack', message: 'A Slack search needs words, a channel or a time.' });
      const query = parts.join(' ');
      // "What did I miss" is what others said: the person's own messages are not news to them.
      const me = input.about ? undefined : await ownUserId(ctx);
      if (me && !me.ok) return me;
      const res = await search(ctx, query, input.count ?? 20, me?.value);
      return res.ok ? ok({ ...res.value, query }) : res;
    },

    /** Posts as the user (chat:write); with thread_ts it is a thread reply. Never retried after a 5xx. */
    async postMessage(ctx: ProviderCallContext, fields: SlackDraftFields): Promise<ProviderResult<{ channel: string; ts: string }>> {
      const res = await runProviderCall(policy, ctx, {
        ...base,
        operation: 'chat.postMessage',
        scopes: [SLACK_SCOPES.chatWrite],
        idempotent: false,
        invoke: (token) =>
          client.chat.postMessage({
            token,
            channel: fields.channel,
            text: fields.text,
            ...(fields.thread_ts ? { thread_ts: fields.thread_ts } : {}),
          }),
        schema: Posted,
        map: (p) => ({ channel: p.channel, ts: p.ts }),
      });
      // The channel changed: the next read must not serve the history from before the post.
      if (res.ok) histories.delete(userKey(ctx, res.value.channel));
      return res;
    },

    /**
     * A direct message to the member Slack verified `to` for: users.lookupByEmail (users:read.email),
     * conversations.open (im:write; it finds the existing DM or starts one), then chat.postMessage in
     * it. The address, not a name, picks the person, so the one the draft named is the one who reads it.
     */
    async sendDirectMessage(
      ctx: ProviderCallContext,
      fields: { to: string; text: string },
    ): Promise<ProviderResult<{ channel: string; ts: string }>> {
      const member = await runProviderCall(policy, ctx, {
        ...base,
        operation: 'users.lookupByEmail',
        scopes: [SLACK_SCOPES.usersReadEmail],
        idempotent: true,
        invoke: (token) => client.users.lookupByEmail({ token, email: fields.to }),
        schema: LookedUp,
        map: (l) => l.user.id,
      });
      if (!member.ok) {
        if (member.error.code !== 'NOT_FOUND') return member;
        return fail({ code: 'NOT_FOUND', provider: 'slack', message: `No one in your Slack workspace has the address ${fields.to}.` });
      }
      const opened = await runProviderCall(policy, ctx, {
        ...base,
        operation: 'conversations.open',
        scopes: [SLACK_SCOPES.imWrite],
        idempotent: true,
        invoke: (token) => client.conversations.open({ token, users: member.value }),
        schema: Opened,
        map: (o) => o.channel.id,
      });
      if (!opened.ok) return opened;
      return this.postMessage(ctx, { channel: opened.value, text: fields.text });
    },
  };
}
