import { SHIPPED_CATALOG, type ContractCatalog } from '../../../../backend/src/protocol/index.js';

/**
 * The one line a finished write leaves in the conversation ("Sent to dana@example.com", "Posted to
 * #general", "Created “Standup”"), from what the draft was addressed to and the result's status.
 * Only the draft's target is kept (recipients, channel, title): never its body.
 */
export interface DraftTarget {
  kind: string;
  to?: string[];
  channel?: string;
  title?: string;
}

const strings = (v: unknown): string[] | undefined =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.length > 0) : undefined;
const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** The parts of a draft's fields an outcome line names; everything else (the body above all) is dropped. */
export function draftTargetOf(kind: string, fields: Record<string, unknown>): DraftTarget {
  const to = strings(fields.to);
  const channel = text(fields.channel);
  const title = text(fields.title);
  return { kind, ...(to?.length ? { to } : {}), ...(channel ? { channel } : {}), ...(title ? { title } : {}) };
}

/** The target after the person's edits in the draft sheet (only the fields a line names). */
export function editedTarget(target: DraftTarget, edits: Record<string, unknown> | undefined): DraftTarget {
  if (!edits) return target;
  const merged = draftTargetOf(target.kind, {
    ...(target.to ? { to: target.to } : {}),
    ...(target.channel ? { channel: target.channel } : {}),
    ...(target.title ? { title: target.title } : {}),
    ...edits,
  });
  return merged;
}

function targetWords(t: DraftTarget): string {
  if (t.to?.length) return `to ${t.to.length > 3 ? `${t.to.slice(0, 3).join(', ')} and ${t.to.length - 3} more` : t.to.join(', ')}`;
  if (t.channel) return `to ${/^[#@]/.test(t.channel) ? t.channel : `#${t.channel}`}`;
  if (t.title) return `“${t.title}”`;
  return '';
}

/** What happened instead of the provider's own outcome. */
const NOT_DONE: Record<string, string> = {
  failed: 'Failed',
  cancelled: 'Cancelled',
  expired: 'Expired',
  denied: 'Declined on your phone',
};

/** The line for a result, or undefined while it is not final (`awaiting_approval`) or unknown. */
export function outcomeLine(
  status: string,
  target: DraftTarget | undefined,
  kind: string | undefined,
  catalog: ContractCatalog = SHIPPED_CATALOG,
): string | undefined {
  const draft = catalog.draftKind(target?.kind ?? kind ?? '');
  const words = target ? targetWords(target) : '';
  if (draft && draft.outcome === status) {
    if (!words) return draft.outcomeLabel;
    // "Sent to dana@…", but "Saved in Gmail drafts: to dana@…".
    return draft.outcomeLabel.includes(' ') ? `${draft.outcomeLabel}: ${words}` : `${draft.outcomeLabel} ${words}`;
  }
  const notDone = NOT_DONE[status];
  if (!notDone) return undefined;
  const what = [draft?.noun, words].filter(Boolean).join(' ');
  return what ? `${notDone}: ${what}` : notDone;
}
