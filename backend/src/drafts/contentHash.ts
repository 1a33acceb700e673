import { createHash } from 'node:crypto';
import { canonicalJson } from '../audit/canonical.js';
import type { Draft, DraftKind } from '../protocol/index.js';

/**
 * SHA-256 (hex) of a draft's canonical content: its kind and fields as stored (JSON, so absent
 * optional fields are simply absent), keys sorted. An approval is bound to this value, and only
 * content with the same value is ever executed under it.
 */
export function draftContentSha256(kind: DraftKind, fields: Draft['fields']): string {
  const plain = JSON.parse(JSON.stringify(fields)) as unknown;
  return createHash('sha256')
    .update(canonicalJson({ kind, fields: plain }))
    .digest('hex');
}

/**
 * The short code a person compares between the phone and the popover: the first 6 hex digits of the
 * content's SHA-256, upper-case (only characters Auth0 allows in a binding message). The server holds
 * the approval to the full hash; the code lets the person see that the phone is asking about the
 * content the popover shows.
 */
export function contentCode(contentSha256: string): string {
  if (!/^[0-9a-f]{64}$/i.test(contentSha256)) throw new Error('contentCode needs a SHA-256 in hex');
  return contentSha256.slice(0, 6).toUpperCase();
}
