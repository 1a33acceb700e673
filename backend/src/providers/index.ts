import { DEFAULT_CONNECTIONS } from '../auth/scopeCatalog.js';
import type { ProviderTokenSource } from '../auth/tokenSource.js';
import type { Provider } from '../protocol/index.js';
import { DEFAULT_RESULT_BUDGET_CHARS } from './budget.js';
import { createCalendarTools } from './calendar/calendarTools.js';
import { DEFAULT_RETRY_POLICY, silentLogger, type CallPolicyDeps, type ProviderLogger, type RetryPolicy } from './callPolicy.js';
import { createGmailTools } from './gmail/gmailTools.js';
import { createSlackTools } from './slack/slackTools.js';

export interface ProviderToolsOptions {
  tokenSource: ProviderTokenSource;
  /** Auth0 connection names; default google-oauth2 / sign-in-with-slack. */
  connections?: Partial<Record<Provider, string>>;
  /** `https://gmail.googleapis.com/`-style root (Gmail and Calendar) and `https://slack.com/api/`, or the sandbox's. */
  urls: { googleRootUrl: string; slackApiUrl: string };
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  logger?: ProviderLogger;
  retry?: Partial<RetryPolicy>;
  /** Max characters of one tool result (it goes into a model prompt). */
  resultBudgetChars?: number;
  requestTimeoutMs?: number;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The Gmail, Calendar and Slack tools the agent calls; each call takes `{ userId, subjectToken }`. */
export function createProviderTools(opts: ProviderToolsOptions) {
  const policy: CallPolicyDeps = {
    tokenSource: opts.tokenSource,
    now: opts.now ?? Date.now,
    sleep: opts.sleep ?? realSleep,
    logger: opts.logger ?? silentLogger,
    retry: { ...DEFAULT_RETRY_POLICY, ...opts.retry },
  };
  const connections = { ...DEFAULT_CONNECTIONS, ...opts.connections };
  const common = { policy, budgetChars: opts.resultBudgetChars ?? DEFAULT_RESULT_BUDGET_CHARS, requestTimeoutMs: opts.requestTimeoutMs ?? 15_000 };
  return {
    gmail: createGmailTools({ ...common, connection: connections.google, googleRootUrl: opts.urls.googleRootUrl }),
    calendar: createCalendarTools({ ...common, connection: connections.google, googleRootUrl: opts.urls.googleRootUrl }),
    slack: createSlackTools({ ...common, connection: connections.slack, slackApiUrl: opts.urls.slackApiUrl }),
  };
}

export type ProviderTools = ReturnType<typeof createProviderTools>;
export type { ProviderCallContext, ProviderFailure, ProviderResult } from './result.js';
export type { ProviderLogger, RetryPolicy } from './callPolicy.js';
export { DEFAULT_RETRY_POLICY } from './callPolicy.js';
export { buildReplyDraft, type ThreadDetail, type ThreadSummary, type MessageSummary, type SentEmail, type CreatedDraft, type OutgoingEmailFields } from './gmail/gmailTools.js';
export type { EventSummary, Interval, EventUpdate } from './calendar/calendarTools.js';
export type { ChannelSummary, SlackMessage } from './slack/slackTools.js';
export { buildMimeMessage, toGmailRaw, encodeHeaderValue } from './gmail/mime.js';
