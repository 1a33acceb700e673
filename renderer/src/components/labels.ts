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
