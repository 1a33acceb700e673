import type { Provider } from '../../../backend/src/protocol/index.js';
import type { Status } from '../stores/conversation.js';

/** Words the person sees; one place so the sheets and panels agree. */
export const PROVIDER_NAME: Record<Provider, string> = { google: 'Google', slack: 'Slack' };
export const PROVIDER_SERVICES: Record<Provider, string> = { google: 'Gmail and Google Calendar', slack: 'Slack' };

export const STATUS_LABEL: Record<Status, string> = {
  idle: 'Ready',
  listening: 'Listening…',
  transcribing: 'Transcribing…',
  thinking: 'Thinking…',
  speaking: 'Speaking',
};

export const RISK_LABEL = { auto: 'Low risk', confirm: 'Needs your confirmation', step_up: 'High risk', deny: 'Not allowed' } as const;

export const RESULT_LABEL: Record<string, string> = {
  sent: 'Sent',
  created: 'Created',
  posted: 'Posted',
  failed: 'Failed',
  cancelled: 'Cancelled',
  expired: 'Expired',
  denied: 'Declined',
  awaiting_approval: 'Waiting for approval',
};

/** Pre-authorizations ("allowed for a while"): which tool, and how far it reaches. */
export const TOOL_NAME = { gmail: 'Gmail', calendar: 'Google Calendar', slack: 'Slack' } as const;
export const PREAUTH_LEVEL_LABEL = { confirm: 'medium risk', step_up: 'high risk' } as const;
/** What a grant skips: a medium-risk grant skips the in-app confirmation; a high-risk one also the phone. */
/** What a grant waives: only the phone; Vouch still shows every draft for confirmation. */
export const PREAUTH_SKIPS = { confirm: 'without asking your phone', step_up: 'without asking your phone' } as const;
