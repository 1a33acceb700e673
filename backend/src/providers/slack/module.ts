import type { Intent } from '../../agent/intent/schema.js';
import { describePerson, resolvePerson, whichPersonQuestion, type PersonCandidate } from '../../people/index.js';
import { defineProviderModule, type DraftBuildOptions, type ReadContext } from '../providerModule.js';
import { SlackDirectMessageFields, SlackDraftFields, slackContract } from './contract.js';
import { slackReply, type SlackReadContext } from './reply.js';
import { createSlackTools } from './slackTools.js';

/** Slack: channels to read and search, and posts as the user. */

type SlackToolSet = { slack: ReturnType<typeof createSlackTools> };

const writesToSlack = (intent: Intent) =>
  intent.tools.includes('slack') && (intent.action === 'post' || intent.action === 'send' || intent.action === 'draft');
/** A Slack write naming a person and no channel is a direct message to that person. */
const isDirectMessage = (intent: Intent) =>
  !intent.entities.channel && (intent.entities.people.length > 0 || intent.entities.emails.length > 0);

/** A Slack message's words: the composer's (Gemini when keyed, templates otherwise), else the message as said. */
async function composeChat(intent: Intent, said: string, opts: DraftBuildOptions): Promise<string> {
  const composed = await opts.composer.compose('chat', {
    intent,
    medium: slackContract.displayName,
    transcript: opts.transcript,
    ...(opts.userName ? { senderName: opts.userName } : {}),
    ...(opts.memory?.length ? { memory: opts.memory } : {}),
  });
  return composed.kind === 'chat' ? composed.text : said;
}

/** Workspace members as people the user knows: Slack verified their addresses. */
const asCandidates = (members: ReadonlyArray<{ name: string; email: string }>): PersonCandidate[] =>
  members.map((m) => ({ name: m.name, address: m.email, source: 'workspace' }));

export const slackModule = defineProviderModule({
  contract: slackContract,
  settings: { connectionEnv: 'SLACK_CONNECTION', apiUrlEnv: 'SLACK_API_URL', defaultApiUrl: 'https://slack.com/api/' },
  apiUrlOption: 'slackApiUrl',

  createTools(opts): SlackToolSet {
    return {
      slack: createSlackTools({
        policy: opts.policy,
        connection: opts.connection,
        slackApiUrl: opts.apiUrl,
        budgetChars: opts.budgetChars,
        requestTimeoutMs: opts.requestTimeoutMs,
      }),
    };
  },

  /**
   * One Slack read per request, never a loop over channels (history is once a minute for a
   * non-Marketplace app): a named channel is searched for the query or read; a named person without
   * a channel means the DMs with them; anything else is one search across every channel and DM since
   * the requested time (yesterday by default), i.e. "catch me up".
   */
  async fetchContext(tools: SlackToolSet, call, intent, env, out: ReadContext<SlackReadContext>) {
    if (!intent.tools.includes('slack') || intent.action === 'post') return;
    const e = intent.entities;
    const count = e.count ?? 10;
    if (e.channel && !e.query) {
      const r = await tools.slack.readChannel(call, { channel: e.channel, limit: count });
      if (r.ok) {
        out.channel = e.channel;
        out.messages = r.value.messages;
        if (r.value.limited) out.limited = r.value.limited;
        return;
      }
      if (r.error.code !== 'RATE_LIMITED') return void out.failures.push(r.error);
      // History is spent for this minute: search the channel instead, and say the answer came that way.
      out.limited = {
        reason: 'rate_limited',
        message: `${r.error.message} These come from Slack search instead.`,
        ...(r.error.retryAfterMs !== undefined ? { retryAfterMs: r.error.retryAfterMs } : {}),
      };
    }
    if (e.people.length > 0 && !e.channel && !e.query) {
      const r = await tools.slack.readDirectMessages(call, { person: e.people[0] as string, limit: count });
      if (r.ok) {
        out.dmWith = r.value.with;
        out.messages = r.value.messages.map((m) => ({ ...m, channel: `DM with ${r.value.with}` }));
        if (r.value.limited) out.limited = r.value.limited;
        return;
      }
      if (r.error.code !== 'NOT_FOUND') return void out.failures.push(r.error);
    }
    // Words alone search all time; without words it is a catch-up since the range (or yesterday).
    const since = e.time_range ? new Date(e.time_range.start) : e.query ? undefined : new Date(env.now.getTime() - 86_400_000);
    const r = await tools.slack.catchUp(call, {
      ...(since ? { since } : {}),
      timezone: env.timezone,
      ...(e.channel ? { channel: e.channel } : {}),
      ...(e.query ? { about: e.query } : {}),
      count,
    });
    if (!r.ok) return void out.failures.push(r.error);
    out.searched = r.value.query;
    if (e.channel) out.channel = e.channel;
    // Search answers newest first; the reply reads them in order.
    out.messages = [...r.value.matches].reverse();
  },

  draftBuilders: [
    {
      kind: 'slack_message',
      appliesTo: (intent) => writesToSlack(intent) && !isDirectMessage(intent),
      async build(intent, _context, opts) {
        const e = intent.entities;
        if (!e.channel) return { ok: false, reason: 'Which Slack channel should I post to?' };
        if (!e.message) return { ok: false, reason: `What should I post to #${e.channel}?` };
        const text = await composeChat(intent, e.message, opts);
        return {
          ok: true,
          draft: { kind: 'slack_message', fields: SlackDraftFields.parse({ channel: e.channel, text }) },
          spoken: `Here's the message for #${e.channel}: "${text}" Post it when you're ready.`,
        };
      },
    },
    {
      kind: 'slack_direct_message',
      appliesTo: (intent) => writesToSlack(intent) && isDirectMessage(intent),
      async build(intent, _context, opts, tools) {
        const e = intent.entities;
        const said = e.emails[0] ?? (e.people[0] as string);
        if (!opts.call || !tools.slack) return { ok: false, reason: `I couldn't reach Slack to find ${said}.` };
        // Only people in the workspace, by the address Slack verified: never someone known from mail alone.
        const listed = await tools.slack.listMembers(opts.call);
        if (!listed.ok) return { ok: false, reason: `I couldn't look up ${said} in your Slack workspace: ${listed.error.message}` };
        const found = resolvePerson(said, asCandidates(listed.value));
        if (found.length === 0) return { ok: false, reason: `I couldn't find ${said} in your Slack workspace. Who should I message?` };
        if (found.length > 1) return { ok: false, reason: whichPersonQuestion(said, found) };
        const person = found[0]!;
        if (!e.message) return { ok: false, reason: `What should I say to ${person.name || person.address} on Slack?` };
        const text = await composeChat(intent, e.message, opts);
        return {
          ok: true,
          draft: { kind: 'slack_direct_message', fields: SlackDirectMessageFields.parse({ to: [person.address], text }) },
          spoken: `Here's the Slack message to ${describePerson(person)}: "${text}" Send it when you're ready.`,
        };
      },
    },
  ],

  /** A channel post needs chat:write; a direct message also finds the person and opens the DM. */
  draftKinds: (intent) =>
    writesToSlack(intent) && intent.tools.length === 1 ? [isDirectMessage(intent) ? 'slack_direct_message' : 'slack_message'] : undefined,

  async execute(tools, call, draft) {
    if (draft.kind === 'slack_direct_message') {
      const f = draft.fields as SlackDirectMessageFields;
      const r = await tools.slack.sendDirectMessage(call, { to: f.to[0]!, text: f.text });
      return r.ok ? { ok: true, status: 'sent', ref: r.value.ts } : { ok: false, error: r.error };
    }
    const r = await tools.slack.postMessage(call, draft.fields as SlackDraftFields);
    return r.ok ? { ok: true, status: 'posted', ref: r.value.ts } : { ok: false, error: r.error };
  },

  toAction(draft, facts) {
    if (draft.kind === 'slack_direct_message') {
      const dm = draft.fields as SlackDirectMessageFields;
      return { tool: 'slack', action: 'post', recipients: dm.to, body: dm.text };
    }
    const f = draft.fields as SlackDraftFields;
    return { tool: 'slack', action: 'post', channel: f.channel, channel_member_count: facts.channel_member_count, body: f.text };
  },

  /**
   * Workspace members for the names a request mentions: Slack verified their addresses, so they
   * count as people the user knows. Without users:read.email (or Slack) there is simply nothing.
   */
  async lookupContacts(tools, call, intent) {
    if (intent.entities.people.length === 0) return [];
    const r = await tools.slack.listMembers(call);
    if (!r.ok) return [];
    return asCandidates(r.value);
  },

  /** A channel's size widens the blast radius; unknown, the policy counts one reader. */
  async actionFacts(tools, call, draft) {
    if (draft.kind !== 'slack_message') return {};
    const f = draft.fields as SlackDraftFields;
    const r = await tools.slack.listChannels(call);
    const wanted = f.channel.replace(/^#/, '').toLowerCase();
    const members = r.ok ? r.value.channels.find((c) => c.name.toLowerCase() === wanted || c.id === f.channel)?.members : undefined;
    return members === undefined ? {} : { channel_member_count: members };
  },

  reply: slackReply,
});
