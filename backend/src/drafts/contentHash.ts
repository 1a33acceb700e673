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
  return createHash('sha256').update(canonicalJson({ kind, fields: plain })).digest('hex');
}
