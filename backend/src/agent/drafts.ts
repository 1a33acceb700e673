import type { Draft, DraftKind, DraftOutcome } from '../protocol/index.js';
import { SHIPPED_REGISTRY, type ProviderFailure, type ProviderTools } from '../providers/index.js';
import type { DraftBuildOptions } from '../providers/providerModule.js';
import type { ProviderCallContext } from '../providers/result.js';
import type { ProviderContext } from './providerContext.js';
import type { Intent } from './intent/schema.js';

/**
 * The agent's view of drafts. What a draft looks like, how it is built from a request and how it is
 * written belong to each provider module (`providers/<name>/module.ts`); these functions ask the
 * registry, so nothing here knows a provider.
 */
export { addressOf } from '../providers/emailAddress.js';
export type { DraftBuildOptions };

export type DraftBuild = { ok: true; draft: Draft; spoken: string } | { ok: false; reason: string };

/**
 * Builds the editable draft a write request turns into, from what was read (a reply goes into the
 * newest thread with that person, a new email or event needs an address, a post needs a channel).
 * Nothing is written here.
 */
export async function buildDraft(
  intent: Intent,
  context: ProviderContext,
  opts: DraftBuildOptions,
  tools?: ProviderTools,
): Promise<DraftBuild> {
  return (await SHIPPED_REGISTRY.buildDraft(intent, context, opts, tools)) as DraftBuild;
}

/** Applies a person's edits and validates the result against the same schema the app used. */
export function applyEdits(
  kind: DraftKind,
  fields: Draft['fields'],
  edits: Record<string, unknown> | undefined,
): { ok: true; fields: Draft['fields'] } | { ok: false; message: string } {
  return SHIPPED_REGISTRY.applyEdits(kind, fields, edits) as { ok: true; fields: Draft['fields'] } | { ok: false; message: string };
}

/** The provider's outcome word (from its contract: `sent`, `created`, `posted`…) or its failure. */
export type WriteOutcome = { ok: true; status: DraftOutcome; ref: string } | { ok: false; error: ProviderFailure };

/** Performs the confirmed write. Called at most once per draft (the store's claim guarantees it). */
export async function executeDraft(
  tools: ProviderTools,
  ctx: ProviderCallContext,
  kind: DraftKind,
  fields: Draft['fields'],
): Promise<WriteOutcome> {
  return (await SHIPPED_REGISTRY.execute(tools, ctx, { kind, fields })) as WriteOutcome;
}
