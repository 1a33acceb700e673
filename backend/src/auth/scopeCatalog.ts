import type { Provider, Tool } from '../protocol/index.js';

/**
 * The one place that says which provider scopes Vouch asks for, why, and in plain language.
 * Tools name the exact scopes each operation needs (least privilege); the connect sheet and the
 * scopes panel show the sentences; the dev tenant and the sandbox enforce the same strings.
 */
export const GOOGLE_SCOPES = {
  gmailRead: 'https://www.googleapis.com/auth/gmail.readonly',
  gmailCompose: 'https://www.googleapis.com/auth/gmail.compose',
  gmailSend: 'https://www.googleapis.com/auth/gmail.send',
  calendarRead: 'https://www.googleapis.com/auth/calendar.readonly',
  calendarEvents: 'https://www.googleapis.com/auth/calendar.events',
} as const;

export const SLACK_SCOPES = {
  channelsRead: 'channels:read',
  channelsHistory: 'channels:history',
  searchRead: 'search:read',
  chatWrite: 'chat:write',
} as const;

export interface ScopeInfo {
  scope: string;
  provider: Provider;
  tool: Tool;
  access: 'read' | 'write';
  description: string;
}

export const SCOPE_CATALOG: readonly ScopeInfo[] = [
  { scope: GOOGLE_SCOPES.gmailRead, provider: 'google', tool: 'gmail', access: 'read', description: 'Read your email messages and threads' },
  { scope: GOOGLE_SCOPES.gmailCompose, provider: 'google', tool: 'gmail', access: 'write', description: 'Create email drafts for you to review' },
  { scope: GOOGLE_SCOPES.gmailSend, provider: 'google', tool: 'gmail', access: 'write', description: 'Send email as you, only after you confirm' },
  { scope: GOOGLE_SCOPES.calendarRead, provider: 'google', tool: 'calendar', access: 'read', description: 'See your calendar events and when you are free' },
  { scope: GOOGLE_SCOPES.calendarEvents, provider: 'google', tool: 'calendar', access: 'write', description: 'Create and change calendar events, only after you confirm' },
  { scope: SLACK_SCOPES.channelsRead, provider: 'slack', tool: 'slack', access: 'read', description: 'See the names of public Slack channels' },
  { scope: SLACK_SCOPES.channelsHistory, provider: 'slack', tool: 'slack', access: 'read', description: 'Read messages in public Slack channels' },
  { scope: SLACK_SCOPES.searchRead, provider: 'slack', tool: 'slack', access: 'read', description: 'Search your Slack messages' },
  { scope: SLACK_SCOPES.chatWrite, provider: 'slack', tool: 'slack', access: 'write', description: 'Post messages as you, only after you confirm' },
];

/** Auth0 connection names; overridable by config for tenants that named them differently. */
export const DEFAULT_CONNECTIONS: Record<Provider, string> = {
  google: 'google-oauth2',
  slack: 'sign-in-with-slack',
};

/** Scopes the identity provider itself needs on a connected account (Google requires openid/profile). */
export const CONNECT_BASE_SCOPES: Record<Provider, string[]> = {
  google: ['openid', 'profile', 'email'],
  slack: [],
};

/**
 * Hosts of each provider's consent and account-permission pages: with the tenant, the only places
 * the desktop app sends the system browser to (`host[:port]`, exact match).
 */
export const CONSENT_HOSTS: Record<Provider, readonly string[]> = {
  google: ['accounts.google.com', 'myaccount.google.com'],
  slack: ['slack.com'],
};

export function describeScope(scope: string): string {
  return SCOPE_CATALOG.find((s) => s.scope === scope)?.description ?? scope;
}

export function scopesForTools(tools: readonly Tool[]): ScopeInfo[] {
  return SCOPE_CATALOG.filter((s) => tools.includes(s.tool));
}

export function scopesForProvider(provider: Provider): ScopeInfo[] {
  return SCOPE_CATALOG.filter((s) => s.provider === provider);
}

/** Scopes listed by the catalog that the granted set lacks. */
export function missingScopes(required: readonly string[], granted: readonly string[]): string[] {
  const have = new Set(granted);
  return required.filter((s) => !have.has(s));
}
