import {
  EmailDraftFields,
  EventDraftFields,
  SlackDraftFields,
  type DraftKind,
} from '../../../backend/src/protocol/index.js';
import type { DraftFrame } from '../stores/drafts.js';

/**
 * The draft sheet's form logic, apart from React: fields → editable strings, strings → validated
 * fields (with the protocol's own zod schemas, so the sheet refuses exactly what the backend would),
 * and the edits to send: only the fields the person changed.
 */
export type FormValues = Record<string, string>;
export type FieldErrors = Record<string, string>;
export type Validation = { ok: true; edits: Record<string, unknown> } | { ok: false; errors: FieldErrors };

export interface FieldSpec {
  name: string;
  label: string;
  kind: 'text' | 'textarea' | 'datetime' | 'addresses';
  hint?: string;
}

export const FIELD_SPECS: Record<DraftKind, FieldSpec[]> = {
  email: [
    { name: 'to', label: 'To', kind: 'addresses', hint: 'Separate addresses with commas' },
    { name: 'cc', label: 'Cc', kind: 'addresses' },
    { name: 'subject', label: 'Subject', kind: 'text' },
    { name: 'body', label: 'Message', kind: 'textarea' },
  ],
  event: [
    { name: 'title', label: 'Title', kind: 'text' },
    { name: 'start', label: 'Starts', kind: 'datetime' },
    { name: 'end', label: 'Ends', kind: 'datetime' },
    { name: 'attendees', label: 'Guests', kind: 'addresses', hint: 'Separate addresses with commas' },
    { name: 'description', label: 'Notes', kind: 'textarea' },
  ],
  slack_message: [
    { name: 'channel', label: 'Channel', kind: 'text' },
    { name: 'text', label: 'Message', kind: 'textarea' },
  ],
};

const SCHEMAS = { email: EmailDraftFields, event: EventDraftFields, slack_message: SlackDraftFields } as const;

export function splitAddresses(s: string): string[] {
  return s
    .split(/[,;\s]+/)
    .map((a) => a.trim())
    .filter(Boolean);
}

const RFC3339 = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** RFC 3339 → the `datetime-local` input's value, shown in the event's own UTC offset. */
export function toLocalInput(rfc3339: string): string {
  return RFC3339.exec(rfc3339)?.[1] ?? '';
}

/** The `datetime-local` value back to RFC 3339 with the original offset, so the time zone is kept. */
export function fromLocalInput(local: string, like: string): string {
  const offset = RFC3339.exec(like)?.[2] ?? 'Z';
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local) ? `${local}:00${offset}` : local;
}

export function toFormValues(draft: DraftFrame): FormValues {
  const fields = draft.fields as Record<string, unknown>;
  const values: FormValues = {};
  for (const spec of FIELD_SPECS[draft.kind]) {
    const v = fields[spec.name];
    if (spec.kind === 'addresses') values[spec.name] = Array.isArray(v) ? v.join(', ') : '';
    else if (spec.kind === 'datetime') values[spec.name] = typeof v === 'string' ? toLocalInput(v) : '';
    else values[spec.name] = typeof v === 'string' ? v : '';
  }
  return values;
}

function fromFormValue(spec: FieldSpec, value: string, original: unknown): unknown {
  if (spec.kind === 'addresses') return splitAddresses(value);
  if (spec.kind === 'datetime') return fromLocalInput(value, typeof original === 'string' ? original : '');
  return value;
}

function message(field: string, values: FormValues, index: number | undefined): string {
  if (field === 'to' || field === 'cc' || field === 'attendees') {
    const list = splitAddresses(values[field] ?? '');
    const bad = index !== undefined ? list[index] : undefined;
    if (bad !== undefined) return `“${bad}” is not a valid email address.`;
    if (field === 'to' && list.length === 0) return 'Add at least one recipient.';
    return 'Check the email addresses.';
  }
  switch (field) {
    case 'subject':
      return 'The subject is too long.';
    case 'body':
    case 'description':
      return 'This text is too long.';
    case 'title':
      return (values.title ?? '').trim() ? 'The title is too long.' : 'Give the event a title.';
    case 'start':
      return 'Enter a valid start date and time.';
    case 'end':
      return (values.end ?? '').length === 16 ? 'The end must be after the start.' : 'Enter a valid end date and time.';
    case 'channel':
      return (values.channel ?? '').trim() ? 'That channel name is too long.' : 'Choose a channel.';
    case 'text':
      return (values.text ?? '').trim() ? 'The message is too long.' : 'Write a message to post.';
    default:
      return 'Check this field.';
  }
}

/**
 * Validates the whole draft as the backend will, and returns only the changed fields as edits.
 * A field counts as changed when its text differs from what the sheet first showed, so a time
 * re-serialized with the same meaning is not sent back as an edit.
 */
export function validateDraft(draft: DraftFrame, initial: FormValues, values: FormValues): Validation {
  const original = draft.fields as Record<string, unknown>;
  const merged: Record<string, unknown> = { ...original };
  const edits: Record<string, unknown> = {};
  for (const spec of FIELD_SPECS[draft.kind]) {
    const now = values[spec.name] ?? '';
    if (now === (initial[spec.name] ?? '')) continue;
    const value = fromFormValue(spec, now, original[spec.name]);
    // An emptied optional text (notes) is sent as empty text, never dropped silently.
    merged[spec.name] = value;
    edits[spec.name] = value;
  }
  const parsed = SCHEMAS[draft.kind].safeParse(merged);
  if (parsed.success) return { ok: true, edits };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '');
    if (!field || errors[field]) continue;
    const index = typeof issue.path[1] === 'number' ? issue.path[1] : undefined;
    errors[field] = message(field, values, index);
  }
  return { ok: false, errors };
}

export const CONFIRM_LABEL: Record<DraftKind, string> = { email: 'Send', event: 'Create', slack_message: 'Post' };
export const DRAFT_TITLE: Record<DraftKind, string> = {
  email: 'Review the email',
  event: 'Review the event',
  slack_message: 'Review the Slack message',
};
