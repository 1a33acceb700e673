import { SCOPE_CATALOG, type Provider, type ScopeInfo, type Tool } from '../protocol/index.js';

/**
 * Lookups over the scope catalog. The scopes themselves, their plain-language sentences and the
 * default connection names live in each provider's contract (`providers/<name>/contract.ts`) and are
 * collected by the protocol; this module keeps the names the rest of the backend imports.
 */
export {
  SCOPE_CATALOG,
  DEFAULT_CONNECTIONS,
  CONNECT_BASE_SCOPES,
  type ScopeInfo,
} from '../protocol/index.js';

export function describeScope(scope: string): string {
  return SCOPE_CATALOG.find((s) => s.scope === scope)?.description ?? scope;
}

export function scopesForTools(tools: readonly Tool[]): ScopeInfo[] {
  return SCOPE_CATALOG.filter((s) => tools.includes(s.tool));
}

export function scopesForProvider(provider: Provider): ScopeInfo[] {
  return SCOPE_CATALOG.filter((s) => s.provider === provider);
}

/** Scopes listed by the catalog that the granted set lacks. */
export function missingScopes(required: readonly string[], granted: readonly string[]): string[] {
  const have = new Set(granted);
  return required.filter((s) => !have.has(s));
}
