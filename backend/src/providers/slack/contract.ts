import { z } from 'zod';
import { type ToolLanguage, defineProviderContract } from '../providerContract.js';

/** The Slack user scopes Vouch asks for; each tool operation names exactly the ones it needs. */
export const SLACK_SCOPES = {
  channelsRead: 'channels:read',
  channelsHistory: 'channels:history',
  searchRead: 'search:read',
  chatWrite: 'chat:write',
  /** Real history carries user ids only; users.info turns them into names. */
  usersRead: 'users:read',
  /** Members' email addresses (users.list/users.info `profile.email`): a colleague's address for "email Sam". */
  usersReadEmail: 'users:read.email',
  imRead: 'im:read',
  imHistory: 'im:history',
  /** conversations.open: start (or find) the direct message with one person before posting in it. */
  imWrite: 'im:write',
} as const;

export const SlackDraftFields = z.object({
  channel: z.string().min(1).max(80),
  text: z.string().min(1).max(40_000),
  thread_ts: z.string().max(64).optional(),
});
export type SlackDraftFields = z.infer<typeof SlackDraftFields>;

/**
 * A direct message to one person, named by the address Slack verified for them: the address is how
 * Slack finds them (users.lookupByEmail), how the policy tells a colleague from an outsider, and what
 * the audit log records.
 */
export const SlackDirectMessageFields = z.object({
  to: z.array(z.string().trim().max(320).email()).length(1),
  text: z.string().min(1).max(40_000),
});
export type SlackDirectMessageFields = z.infer<typeof SlackDirectMessageFields>;

/**
 * How people ask for Slack, for the offline intent engine (plain data, listed in the contract): its
 * name, channel syntax, direct messages and posting words. The engine's rules for a chat service do the rest.
 */
const SLACK_LANGUAGE = {
  slack: {
    kind: 'chat',
    names: ['slack'],
    words: [
      String.raw`#[a-z0-9]`,
      String.raw`\bchannels?\b`,
      String.raw`\bdms?\b`,
      String.raw`\bdirect messages?\b`,
      String.raw`\bpost\b`,
      // "the job posting" is a thing, not posting to a channel.
      String.raw`(?<!\b(?:the|a|an|this|that|your|my|our|their|job|blog|new)\s)\bposting\b`,
      String.raw`\bposted\b`,
      String.raw`\bannounce\b`,
    ],
  },
} as const satisfies Record<'slack', ToolLanguage>;

export const slackContract = defineProviderContract({
  id: 'slack',
  displayName: 'Slack',
  services: 'Slack',
  examplePrompt: 'What’s new in #general?',
  defaultConnection: 'sign-in-with-slack',
  consentHosts: ['slack.com'],
  connectBaseScopes: [],
  tools: { slack: { displayName: 'Slack', writesTo: 'channel' } },
  scopes: [
    { scope: SLACK_SCOPES.channelsRead, tool: 'slack', access: 'read', description: 'See the names of public Slack channels' },
    { scope: SLACK_SCOPES.channelsHistory, tool: 'slack', access: 'read', description: 'Read messages in public Slack channels' },
    { scope: SLACK_SCOPES.searchRead, tool: 'slack', access: 'read', description: 'Search your Slack messages' },
    { scope: SLACK_SCOPES.usersRead, tool: 'slack', access: 'read', description: 'See the names of people in your Slack workspace' },
    {
      scope: SLACK_SCOPES.usersReadEmail,
      tool: 'slack',
      access: 'read',
      description: 'See the email addresses of people in your Slack workspace',
    },
    { scope: SLACK_SCOPES.imRead, tool: 'slack', access: 'read', description: 'See who you have direct messages with' },
    { scope: SLACK_SCOPES.imHistory, tool: 'slack', access: 'read', description: 'Read your direct messages' },
    { scope: SLACK_SCOPES.chatWrite, tool: 'slack', access: 'write', description: 'Post messages as you, only after you confirm' },
    {
      scope: SLACK_SCOPES.imWrite,
      tool: 'slack',
      access: 'write',
      description: 'Start a direct message with someone, only when you confirm a message to them',
    },
  ],
  drafts: {
    slack_message: {
      tool: 'slack',
      schema: SlackDraftFields,
      fields: [
        {
          name: 'channel',
          label: 'Channel',
          kind: 'text',
          messages: { empty: 'Choose a channel.', invalid: 'That channel name is too long.' },
        },
        {
          name: 'text',
          label: 'Message',
          kind: 'textarea',
          messages: { empty: 'Write a message to post.', invalid: 'The message is too long.' },
        },
      ],
      title: 'Review the Slack message',
      confirmLabel: 'Post',
      outcome: 'posted',
      outcomeLabel: 'Posted',
      noun: 'Slack message',
      plural: 'Slack posts',
      scopes: [SLACK_SCOPES.chatWrite],
      audience: { channel: 'channel' },
    },
    slack_direct_message: {
      tool: 'slack',
      schema: SlackDirectMessageFields,
      fields: [
        {
          name: 'to',
          label: 'To',
          kind: 'addresses',
          hint: 'One person in your Slack workspace, by the email address Slack has for them.',
          messages: { empty: 'Choose who to message.', invalid: 'A direct message goes to one address in your Slack workspace.' },
        },
        {
          name: 'text',
          label: 'Message',
          kind: 'textarea',
          messages: { empty: 'Write a message to send.', invalid: 'The message is too long.' },
        },
      ],
      title: 'Review the Slack message',
      confirmLabel: 'Send',
      outcome: 'sent',
      outcomeLabel: 'Sent',
      noun: 'Slack message',
      plural: 'Slack direct messages',
      scopes: [SLACK_SCOPES.usersReadEmail, SLACK_SCOPES.imWrite, SLACK_SCOPES.chatWrite],
      audience: { recipients: ['to'] },
    },
  },
  help: { topics: ['Slack'], abilities: ['look at Slack'], drafts: ['posts', 'direct messages'] },
  ruleConditions: { channel: 'a Slack channel' },
  // Slack's token types (xoxb-, xoxp-, xoxa-, xoxe-, …) and app-level tokens.
  secretPatterns: [
    { source: String.raw`\bxox[abeoprs]-[A-Za-z0-9-]{10,}`, what: 'looks like a Slack token' },
    { source: String.raw`\bxapp-[A-Za-z0-9-]{10,}`, what: 'looks like a Slack app token' },
  ],
  intentVocabulary: SLACK_LANGUAGE,
});
