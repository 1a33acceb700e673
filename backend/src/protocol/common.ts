import { z } from 'zod';

/** The accounts Vouch can act on. Gmail and Calendar share the Google connection. */
export const Provider = z.enum(['google', 'slack']);
export type Provider = z.infer<typeof Provider>;

/** The tools the agent can use; each belongs to one provider. */
export const Tool = z.enum(['gmail', 'calendar', 'slack']);
export type Tool = z.infer<typeof Tool>;

export const TOOL_PROVIDER: Record<Tool, Provider> = { gmail: 'google', calendar: 'google', slack: 'slack' };

/** Ids the app and backend exchange: short, printable, bounded. */
export const Id = z.string().min(1).max(128).regex(/^[A-Za-z0-9_.:-]+$/, 'ids are letters, digits and _.:-');

const emailAddress = z.string().trim().max(320).email();

export const EmailDraftFields = z.object({
  to: z.array(emailAddress).min(1).max(50),
  cc: z.array(emailAddress).max(50).default([]),
  subject: z.string().max(998),
  body: z.string().max(100_000),
  thread_id: z.string().max(256).optional(),
  in_reply_to: z.string().max(998).optional(),
});
export type EmailDraftFields = z.infer<typeof EmailDraftFields>;

const rfc3339 = z.string().datetime({ offset: true });

export const EventDraftFields = z
  .object({
    title: z.string().min(1).max(1024),
    start: rfc3339,
    end: rfc3339,
    timezone: z.string().min(1).max(64),
    attendees: z.array(emailAddress).max(100).default([]),
    description: z.string().max(8192).optional(),
    event_id: z.string().max(1024).optional(),
  })
  .refine((e) => Date.parse(e.end) > Date.parse(e.start), { message: 'end must be after start', path: ['end'] });
export type EventDraftFields = z.infer<typeof EventDraftFields>;

export const SlackDraftFields = z.object({
  channel: z.string().min(1).max(80),
  text: z.string().min(1).max(40_000),
  thread_ts: z.string().max(64).optional(),
});
export type SlackDraftFields = z.infer<typeof SlackDraftFields>;

export const DraftKind = z.enum(['email', 'event', 'slack_message']);
export type DraftKind = z.infer<typeof DraftKind>;

export const Draft = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('email'), fields: EmailDraftFields }),
  z.object({ kind: z.literal('event'), fields: EventDraftFields }),
  z.object({ kind: z.literal('slack_message'), fields: SlackDraftFields }),
]);
export type Draft = z.infer<typeof Draft>;

/** Partial edits a person made in the draft sheet; validated again against the full schema on confirm. */
export const DraftEdits = z.record(z.string().max(64), z.unknown()).refine((o) => Object.keys(o).length <= 20, {
  message: 'too many edited fields',
});
export type DraftEdits = z.infer<typeof DraftEdits>;

export const ScopeGrant = z.object({ scope: z.string(), description: z.string() });
export type ScopeGrant = z.infer<typeof ScopeGrant>;

export const LinkedProvider = z.object({
  provider: Provider,
  connection: z.string(),
  scopes: z.array(ScopeGrant),
  linked_at: z.string().optional(),
});
export type LinkedProvider = z.infer<typeof LinkedProvider>;

export const RiskFactor = z.object({ name: z.string(), points: z.number(), detail: z.string() });
export const RiskLevel = z.enum(['auto', 'confirm', 'step_up', 'deny']);
export const RiskSummary = z.object({
  score: z.number().min(0).max(100),
  level: RiskLevel,
  factors: z.array(RiskFactor),
  rule: z.string().optional(),
});
export type RiskSummary = z.infer<typeof RiskSummary>;
