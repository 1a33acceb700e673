import { VouchError } from '../protocol/vouchError.js';

/**
 * Canonical JSON for hashing: object keys sorted by code unit, no whitespace, only JSON values.
 * Two equal entries always hash the same, whatever order their keys were built in. Values JSON can't
 * represent faithfully (undefined, NaN, Infinity, functions, Dates, Maps, class instances) are refused
 * rather than silently changed, because a hash over a lossy copy would not be a hash of what was logged.
 */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [k: string]: JsonValue };

export class CanonicalJsonError extends VouchError {
  static override readonly code = 'CANONICAL_JSON_INVALID';
  override name = 'CanonicalJsonError';
}

const MAX_DEPTH = 32;

export function canonicalJson(value: unknown): string {
  return encode(value, 0, '$');
}

function encode(v: unknown, depth: number, path: string): string {
  if (depth > MAX_DEPTH) throw new CanonicalJsonError(`${path}: nested too deeply`);
  if (v === null) return 'null';
  switch (typeof v) {
    case 'boolean':
      return v ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(v)) throw new CanonicalJsonError(`${path}: numbers must be finite`);
      return JSON.stringify(v);
    case 'string':
      return JSON.stringify(v);
    case 'object': {
      if (Array.isArray(v)) return `[${v.map((x, i) => encode(x, depth + 1, `${path}[${i}]`)).join(',')}]`;
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) throw new CanonicalJsonError(`${path}: only plain objects are allowed`);
      const keys = Object.keys(v).sort();
      const parts: string[] = [];
      for (const k of keys) {
        const x = (v as Record<string, unknown>)[k];
        if (x === undefined) throw new CanonicalJsonError(`${path}.${k}: undefined is not JSON`);
        parts.push(`${JSON.stringify(k)}:${encode(x, depth + 1, `${path}.${k}`)}`);
      }
      return `{${parts.join(',')}}`;
    }
    default:
      throw new CanonicalJsonError(`${path}: ${typeof v} is not JSON`);
  }
}
