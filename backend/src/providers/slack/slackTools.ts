import { WebClient, type Logger, LogLevel } from '@slack/web-api';
import { z } from 'zod';
import { SLACK_SCOPES } from './contract.js';
import type { SlackDraftFields } from './contract.js';
import { fitList, trimText } from '../budget.js';
import { runProviderCall, type CallPolicyDeps } from '../callPolicy.js';
import { fail, ok, type ProviderCallContext, type ProviderResult } from '../result.js';
import { classifySlackError } from './slackFailure.js';

const Channel = z.object({
  id: z.string(),
  name: z.string(),
  topic: z.object({ value: z.string() }).optional(),
  num_members: z.number().optional(),
});
const ChannelList = z.object({ ok: z.literal(true), channels: z.array(Channel) });
const Msg = z.object({
  ts: z.string(),
  text: z.string(),
  user: z.string().optional(),
  thread_ts: z.string().optional(),
  reply_count: z.number().optional(),
  user_profile: z.object({ real_name: z.string().optional(), display_name: z.string().optional() }).optional(),
});
const History = z.object({ ok: z.literal(true), messages: z.array(Msg) });
const Search = z.object({
  ok: z.literal(true),
  messages: z.object({
    total: z.number(),
    matches: z.array(
      z.object({
        ts: z.string(),
        text: z.string(),
        user: z.string().optional(),
        username: z.string().optional(),
        channel: z.object({ id: z.string(), name: z.string() }),
        permalink: z.string().optional(),
      }),
    ),
  }),
});
const Posted = z.object({ ok: z.literal(true), channel: z.string(), ts: z.string() });

export interface ChannelSummary {
  id: string;
  name: string;
  topic?: string;
  members?: number;
}

export interface SlackMessage {
  ts: string;
  user: string;
  text: string;
  threadTs?: string;
  replyCount?: number;
}

function toMessage(m: z.infer<typeof Msg>): SlackMessage {
  const out: SlackMessage = { ts: m.ts, user: m.user_profile?.real_name || m.user || 'unknown', text: trimText(m.text, 600) };
  if (m.thread_ts && m.thread_ts !== m.ts) out.threadTs = m.thread_ts;
  if (m.reply_count) out.replyCount = m.reply_count;
  return out;
}

/** The client logs request bodies at debug level; Vouch keeps its own logs and gives it none. */
const quietLogger: Logger = { debug() {}, info() {}, warn() {}, error() {}, setLevel() {}, getLevel: () => LogLevel.ERROR, setName() {} };

export interface SlackToolsOptions {
  policy: CallPolicyDeps;
  connection: string;
  slackApiUrl: string;
  budgetChars: number;
  requestTimeoutMs: number;
}

const CHANNEL_ID = /^[CG][A-Z0-9]{2,}$/;

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

  const listChannels = (ctx: ProviderCallContext) =>
    runProviderCall(policy, ctx, {
      ...base,
      operation: 'conversations.list',
      scopes: [SLACK_SCOPES.channelsRead],
      idempotent: true,
      invoke: (token) => client.conversations.list({ token, types: 'public_channel', exclude_archived: true, limit: 200 }),
      schema: ChannelList,
      map: (l) =>
        l.channels.map((c) => {
          const out: ChannelSummary = { id: c.id, name: c.name };
          if (c.topic?.value) out.topic = c.topic.value;
          if (c.num_members !== undefined) out.members = c.num_members;
          return out;
        }),
    });

  /** A channel id as is; a name (with or without #) is looked up, which needs channels:read too. */
  const resolveChannel = async (ctx: ProviderCallContext, ref: string): Promise<ProviderResult<{ id: string; name?: string }>> => {
    if (CHANNEL_ID.test(ref)) return ok({ id: ref });
    const listed = await listChannels(ctx);
    if (!listed.ok) return listed;
    const name = ref.replace(/^#/, '').toLowerCase();
    const hit = listed.value.find((c) => c.name.toLowerCase() === name);
    return hit ? ok({ id: hit.id, name: hit.name }) : fail({ code: 'NOT_FOUND', provider: 'slack', message: `There is no Slack channel named #${name}.` });
  };

  return {
    async listChannels(ctx: ProviderCallContext): Promise<ProviderResult<{ channels: ChannelSummary[]; truncated?: boolean }>> {
      const res = await listChannels(ctx);
      return res.ok ? ok(fitList(res.value, opts.budgetChars, (channels) => ({ channels }))) : res;
    },

    /** Recent top-level messages of a channel, oldest first so the model reads them in order. */
    async readChannel(
      ctx: ProviderCallContext,
      input: { channel: string; limit?: number },
    ): Promise<ProviderResult<{ channel: { id: string; name?: string }; messages: SlackMessage[]; truncated?: boolean }>> {
      const channel = await resolveChannel(ctx, input.channel);
      if (!channel.ok) return channel;
      const res = await runProviderCall(policy, ctx, {
        ...base,
        operation: 'conversations.history',
        scopes: [SLACK_SCOPES.channelsHistory],
        idempotent: true,
        invoke: (token) => client.conversations.history({ token, channel: channel.value.id, limit: Math.min(input.limit ?? 20, 50) }),
        schema: History,
        map: (h) => h.messages.map(toMessage),
      });
      if (!res.ok) return res;
      // Slack answers newest first; the budget drops the oldest, then the list is put in reading order.
      const fitted = fitList(res.value, opts.budgetChars, (messages) => ({ channel: channel.value, messages }));
      return ok({ ...fitted, messages: [...fitted.messages].reverse() });
    },

    async searchMessages(
      ctx: ProviderCallContext,
      input: { query: string; count?: number },
    ): Promise<ProviderResult<{ total: number; matches: Array<SlackMessage & { channel: string; permalink?: string }>; truncated?: boolean }>> {
      const res = await runProviderCall(policy, ctx, {
        ...base,
        operation: 'search.messages',
        scopes: [SLACK_SCOPES.searchRead],
        idempotent: true,
        invoke: (token) => client.search.messages({ token, query: input.query, count: Math.min(input.count ?? 10, 20), sort: 'timestamp' }),
        schema: Search,
        map: (s) => ({
          total: s.messages.total,
          matches: s.messages.matches.map((m) => ({
            ts: m.ts,
            user: m.username ?? m.user ?? 'unknown',
            text: trimText(m.text, 400),
            channel: `#${m.channel.name}`,
            ...(m.permalink ? { permalink: m.permalink } : {}),
          })),
        }),
      });
      if (!res.ok) return res;
      return ok(fitList(res.value.matches, opts.budgetChars, (matches) => ({ total: res.value.total, matches })));
    },

    /** Posts as the user (chat:write); with thread_ts it is a thread reply. Never retried after a 5xx. */
    async postMessage(ctx: ProviderCallContext, fields: SlackDraftFields): Promise<ProviderResult<{ channel: string; ts: string }>> {
      return runProviderCall(policy, ctx, {
        ...base,
        operation: 'chat.postMessage',
        scopes: [SLACK_SCOPES.chatWrite],
        idempotent: false,
        invoke: (token) => client.chat.postMessage({ token, channel: fields.channel, text: fields.text, ...(fields.thread_ts ? { thread_ts: fields.thread_ts } : {}) }),
        schema: Posted,
        map: (p) => ({ channel: p.channel, ts: p.ts }),
      });
    },
  };
}

export type SlackTools = ReturnType<typeof createSlackTools>;
