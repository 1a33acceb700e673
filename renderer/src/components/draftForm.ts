import { SHIPPED_CATALOG, type ContractCatalog, type DraftFieldSpec, type DraftKindContract } from '../../../backend/src/protocol/index.js';
import type { DraftFrame } from '../stores/drafts.js';

/**
 * The draft sheet's form logic, apart from React: fields → editable strings, strings → validated
 * fields (with the provider contract's own zod schema, so the sheet refuses exactly what the backend
 * would), and the edits to send: only the fields the person changed. Which fields, their labels and
 * their messages come from the contract too, so nothing here knows a provider.
 */
export type FormValues = Record<string, string>;
export type FieldErrors = Record<string, string>;
export type Validation = { ok: true; edits: Record<string, unknown> } | { ok: false; errors: FieldErrors };

export type FieldSpec = DraftFieldSpec;

/** A draft the sheet can show: any registered kind (a frame of a shipped one, or a test provider's). */
export type FormDraft = Pick<DraftFrame, 'draft_id'> & { kind: string; fields: object };

/** The contract of a draft kind; an unregistered kind is a programming error, not a person's. */
export function draftContract(kind: string, catalog: ContractCatalog = SHIPPED_CATALOG): DraftKindContract {
  const contract = catalog.draftKind(kind);
  if (!contract) throw new Error(`no provider contract for draft kind ${kind}`);
  return contract;
}

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

export function toFormValues(draft: FormDraft, catalog: ContractCatalog = SHIPPED_CATALOG): FormValues {
  const fields = draft.fields as Record<string, unknown>;
  const values: FormValues = {};
  for (const spec of draftContract(draft.kind, catalog).fields) {
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

const DATETIME_LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** The sentence for a refused field, from the contract's messages for it. */
function message(spec: FieldSpec | undefined, values: FormValues, index: number | undefined): string {
  if (!spec) return 'Check this field.';
  const value = values[spec.name] ?? '';
  const m = spec.messages ?? {};
  if (spec.kind === 'addresses') {
    const list = splitAddresses(value);
    const bad = index !== undefined ? list[index] : undefined;
    if (bad !== undefined) return `“${bad}” is not a valid email address.`;
    if (list.length === 0 && m.empty) return m.empty;
    return m.invalid ?? 'Check the email addresses.';
  }
  if (spec.kind === 'datetime' && !DATETIME_LOCAL.test(value)) return m.incomplete ?? m.invalid ?? 'Enter a valid date and time.';
  if (!value.trim() && m.empty) return m.empty;
  return m.invalid ?? 'Check this field.';
}

/**
 * Validates the whole draft as the backend will, and returns only the changed fields as edits.
 * A field counts as changed when its text differs from what the sheet first showed, so a time
 * re-serialized with the same meaning is not sent back as an edit.
 */
export function validateDraft(
  draft: FormDraft,
  initial: FormValues,
  values: FormValues,
  catalog: ContractCatalog = SHIPPED_CATALOG,
): Validation {
  const contract = draftContract(draft.kind, catalog);
  const original = draft.fields as Record<string, unknown>;
  const merged: Record<string, unknown> = { ...original };
  const edits: Record<string, unknown> = {};
  for (const spec of contract.fields) {
    const now = values[spec.name] ?? '';
    if (now === (initial[spec.name] ?? '')) continue;
    const value = fromFormValue(spec, now, original[spec.name]);
    // An emptied optional text (notes) is sent as empty text, never dropped silently.
    merged[spec.name] = value;
    edits[spec.name] = value;
  }
  const parsed = contract.schema.safeParse(merged);
  if (parsed.success) return { ok: true, edits };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '');
    if (!field || errors[field]) continue;
    const index = typeof issue.path[1] === 'number' ? issue.path[1] : undefined;
    errors[field] = message(
      contract.fields.find((f) => f.name === field),
      values,
      index,
    );
  }
  return { ok: false, errors };
}

/** The sheet's footnote with the draft's own values filled in ("Times are in Europe/Berlin."). */
export function draftNote(draft: FormDraft, catalog: ContractCatalog = SHIPPED_CATALOG): string | undefined {
  const note = draftContract(draft.kind, catalog).note;
  if (!note) return undefined;
  const fields = draft.fields as Record<string, unknown>;
  return note.replace(/\{(\w+)\}/g, (_m, name: string) => String(fields[name] ?? ''));
}
