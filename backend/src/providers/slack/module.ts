import { defineProviderModule, type ReadContext } from '../providerModule.js';
import { SlackDraftFields, slackContract } from './contract.js';
import { createSlackTools, type ChannelSummary, type SlackMessage } from './slackTools.js';

/** Slack: channels to read and search, and posts as the user. */

export type SlackToolSet = { slack: ReturnType<typeof createSlackTools> };

/** What a request read from Slack. */
export interface SlackReadContext {
  channel?: string;
  messages?: SlackMessage[];
  channels?: ChannelSummary[];
}

export const slackModule = defineProviderModule({
  contract: slackContract,
  settings: { connectionEnv: 'SLACK_CONNECTION', apiUrlEnv: 'SLACK_API_URL', defaultApiUrl: 'https://slack.com/api/' },
  apiUrlOption: 'slackApiUrl',

  createTools(opts): SlackToolSet {
    return { slack: createSlackTools({ policy: opts.policy, connection: opts.connection, slackApiUrl: opts.apiUrl, budgetChars: opts.budgetChars, requestTimeoutMs: opts.requestTimeoutMs }) };
  },

  /** A named channel is read; otherwise a query searches; otherwise the channels are listed. */
  async fetchContext(tools: SlackToolSet, call, intent, _env, out: ReadContext<SlackReadContext>) {
    if (!intent.tools.includes('slack') || intent.action === 'post') return;
    const e = intent.entities;
    if (e.channel) {
      const r = await tools.slack.readChannel(call, { channel: e.channel, limit: e.count ?? 10 });
      if (r.ok) {
        out.channel = e.channel;
        out.messages = r.value.messages;
      } else out.failures.push(r.error);
    } else if (e.query) {
      const r = await tools.slack.searchMessages(call, { query: e.query, count: e.count ?? 10 });
      if (r.ok) out.messages = r.value.matches;
      else out.failures.push(r.error);
    } else {
      const r = await tools.slack.listChannels(call);
      if (r.ok) out.channels = r.value.channels;
      else out.failures.push(r.error);
    }
  },

  draftBuilders: [
    {
      kind: 'slack_message',
      appliesTo: (intent) => intent.tools.includes('slack') && (intent.action === 'post' || intent.action === 'send' || intent.action === 'draft'),
      async build(intent, _context, opts) {
        const e = intent.entities;
        if (!e.channel) return { ok: false, reason: 'Which Slack channel should I post to?' };
        if (!e.message) return { ok: false, reason: `What should I post to #${e.channel}?` };
        const composed = await opts.composer.compose('slack_message', {
          intent,
          transcript: opts.transcript,
          ...(opts.userName ? { senderName: opts.userName } : {}),
          ...(opts.memory?.length ? { memory: opts.memory } : {}),
        });
        const text = composed.kind === 'slack_message' ? composed.text : e.message;
        return { ok: true, draft: { kind: 'slack_message', fields: SlackDraftFields.parse({ channel: e.channel, text }) }, spoken: `Here's the message for #${e.channel}: "${text}" Post it when you're ready.` };
      },
    },
  ],

  async execute(tools, call, draft) {
    const r = await tools.slack.postMessage(call, draft.fields as SlackDraftFields);
    return r.ok ? { ok: true, status: 'posted', ref: r.value.ts } : { ok: false, error: r.error };
  },

  toAction(draft, facts) {
    const f = draft.fields as SlackDraftFields;
    return { tool: 'slack', action: 'post', channel: f.channel, channel_member_count: facts.channel_member_count, body: f.text };
  },

  /** A channel's size widens the blast radius; unknown, the policy counts one reader. */
  async actionFacts(tools, call, draft) {
    const f = draft.fields as SlackDraftFields;
    const r = await tools.slack.listChannels(call);
    const wanted = f.channel.replace(/^#/, '').toLowerCase();
    const members = r.ok ? r.value.channels.find((c) => c.name.toLowerCase() === wanted || c.id === f.channel)?.members : undefined;
    return members === undefined ? {} : { channel_member_count: members };
  },
});
