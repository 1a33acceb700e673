import type { ServerFrameOf } from '../../backend/src/protocol/index.js';

/** Frames as the backend sends them, shared by store and sheet tests. */
export const emailDraft: ServerFrameOf<'draft_ready'> = {
  type: 'draft_ready',
  draft_id: 'd-1',
  request_id: 't-1',
  kind: 'email',
  fields: { to: ['dana@example.com'], cc: [], subject: 'Re: Thursday', body: 'Hi Dana,\nThursday works.\n' },
  risk: { score: 30, level: 'confirm', factors: [{ name: 'write', points: 20, detail: 'Sends an email as you' }] },
};

export const eventDraft: ServerFrameOf<'draft_ready'> = {
  type: 'draft_ready',
  draft_id: 'd-2',
  kind: 'event',
  fields: {
    title: 'Planning',
    start: '2030-05-02T15:00:00-07:00',
    end: '2030-05-02T15:30:00-07:00',
    timezone: 'America/Los_Angeles',
    attendees: ['dana@example.com'],
  },
};

export const slackDraft: ServerFrameOf<'draft_ready'> = {
  type: 'draft_ready',
  draft_id: 'd-3',
  kind: 'slack_message',
  fields: { channel: '#team', text: 'Shipping today' },
};

export const approval = (expires_at: string): ServerFrameOf<'approval_required'> => ({
  type: 'approval_required',
  id: 'a-1',
  draft_id: 'd-9',
  risk: {
    score: 70,
    level: 'step_up',
    factors: [
      { name: 'external', points: 20, detail: 'Goes outside your domain' },
      { name: 'irreversible', points: 25, detail: 'Cannot be unsent' },
    ],
  },
  binding_message: 'Send email to 3 people 4821',
  expires_at,
});

export const google = {
  provider: 'google' as const,
  connection: 'google-oauth2',
  scopes: [{ scope: 'https://www.googleapis.com/auth/calendar.readonly', description: 'See your calendar events and when you are free' }],
};
