import { SCOPE_CATALOG, type Provider, type ScopeInfo } from '../protocol/index.js';
import { SHIPPED_SCOPE_RULES } from '../providers/scopes.js';

/**
 * Lookups over the scope catalog. The scopes themselves, their plain-language sentences and the
 * default connection names live in each provider's contract (`providers/<name>/contract.ts`) and are
 * collected by the protocol; this module keeps the names the rest of the backend imports.
 */
export { SCOPE_CATALOG, DEFAULT_CONNECTIONS, CONNECT_BASE_SCOPES, type ScopeInfo } from '../protocol/index.js';

/** Plain words for a scope (including ones a grant carries that Vouch never asks for, e.g. userinfo.email). */
export function describeScope(scope: string): string {
  return SHIPPED_SCOPE_RULES.words(scope) ?? scope;
}

export function scopesForProvider(provider: Provider): ScopeInfo[] {
  return SCOPE_CATALOG.filter((s) => s.provider === provider);
}

/** Required scopes the granted set neither holds nor covers by a broader scope (`…/auth/calendar` ⊇ `calendar.events`). */
export function missingScopes(required: readonly string[], granted: readonly string[]): string[] {
  return SHIPPED_SCOPE_RULES.missing(required, granted);
}
