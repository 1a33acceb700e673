import { z } from 'zod';
import { Tool, type Draft } from '../protocol/index.js';
import { domainOfAddress } from '../providers/emailAddress.js';
import type { ActionFacts } from '../providers/providerModule.js';
import { SHIPPED_REGISTRY, type ProviderRegistry } from '../providers/registry.js';

/**
 * What the agent proposes to do, reduced to the facts the risk policy scores. The pipeline builds one
 * from a draft (see `actionFromDraft`) or from a read request; the policy never sees provider tokens.
 */
export const ActionKind = z.enum(['read', 'summarize', 'draft', 'send', 'reply', 'schedule', 'update', 'cancel', 'post']);
export type ActionKind = z.infer<typeof ActionKind>;

/** Set by the caller when it already knows the action moves money or touches credentials. */
const ActionCategory = z.enum(['financial', 'auth']);

/**
 * The action schema for a set of registered tools. The shipped one (`ProposedAction`) knows the
 * shipped tools; a registry with an extra provider (a test's) scores its tool the same way.
 */
export function proposedActionSchema(tools: readonly string[]) {
  return z.object({
    tool: z.enum(tools as [string, ...string[]]),
    action: ActionKind,
    /** Email To / Cc addresses. */
    recipients: z.array(z.string().max(320)).max(500).default([]),
    cc: z.array(z.string().max(320)).max(500).default([]),
    /** Event attendees. */
    attendees: z.array(z.string().max(320)).max(500).default([]),
    /** Channel name for a post, with or without the leading '#'. */
    channel: z.string().max(80).optional(),
    /** The channel's size, when the provider told us; unknown counts as one reader. */
    channel_member_count: z.number().int().min(0).max(10_000_000).optional(),
    subject: z.string().max(100_000).optional(),
    body: z.string().max(200_000).optional(),
    title: z.string().max(100_000).optional(),
    /** Mailbox labels on the thread being replied to or summarised, e.g. CONFIDENTIAL. */
    labels: z.array(z.string().max(128)).max(100).default([]),
    category: ActionCategory.optional(),
    /** A reply that follows the thread's Reply-To to someone other than the sender (scored, and shown). */
    reply_to_redirect: z
      .object({ sender: z.string().max(320), reply_to: z.array(z.string().max(320)).min(1).max(50), other_domain: z.boolean() })
      .optional(),
    /** Recipients the user has never sent mail to, when the mailbox could tell. */
    first_time_recipients: z.array(z.string().max(320)).max(500).optional(),
  });
}

export const ProposedAction = proposedActionSchema(Tool.options);
export type ProposedAction = z.infer<typeof ProposedAction>;
export type ProposedActionInput = z.input<typeof ProposedAction>;

/**
 * Whether the action reaches a channel's members rather than a list of addresses: a post does,
 * unless it is a direct message to people named by address.
 */
export function reachesChannel(a: Pick<ProposedAction, 'action' | 'channel' | 'channel_member_count' | 'recipients'>): boolean {
  if (a.channel !== undefined || a.channel_member_count !== undefined) return true;
  return a.action === 'post' && a.recipients.length === 0;
}

/** Everyone the action reaches: To + Cc for email, attendees for events. */
export function addressesOf(a: ProposedAction): string[] {
  return [...a.recipients, ...a.cc, ...a.attendees];
}

/** All free text of the action, for keyword matching. */
export function textOf(a: ProposedAction): string {
  return [a.subject, a.title, a.body].filter((s): s is string => typeof s === 'string').join('\n');
}

export function normalizeChannel(channel: string): string {
  return channel.trim().replace(/^#/, '').toLowerCase();
}

/** True when the address is not in `domain` or one of its subdomains (mail.example.com is inside). */
export function isOutsideDomain(address: string, domain: string): boolean {
  const d = domainOfAddress(address);
  const home = domain.trim().toLowerCase().replace(/^@/, '');
  if (!d || !home) return true;
  return !(d === home || d.endsWith(`.${home}`));
}

/**
 * Maps a confirmed draft onto the action the policy scores; each provider module says how its
 * drafts read (a reply, an update, a post…).
 */
export function actionFromDraft(
  draft: Draft | { kind: string; fields: Record<string, unknown> },
  extra: ActionFacts = {},
  registry: ProviderRegistry = SHIPPED_REGISTRY,
): ProposedAction {
  const schema = registry === SHIPPED_REGISTRY ? ProposedAction : proposedActionSchema(registry.catalog.toolNames);
  return schema.parse(registry.toAction(draft, extra));
}
