import { createContext, useContext, type ReactNode } from 'react';
import { SHIPPED_CATALOG, type ContractCatalog } from '../../../backend/src/protocol/index.js';

/**
 * The provider contracts the popover renders from (draft fields, names, scopes). The shipped catalog
 * unless a test hands in one with an extra provider, which proves the sheets know no provider.
 */
const ContractsContext = createContext<ContractCatalog>(SHIPPED_CATALOG);

export function ContractsProvider({ catalog, children }: { catalog: ContractCatalog; children: ReactNode }) {
  return <ContractsContext.Provider value={catalog}>{children}</ContractsContext.Provider>;
}

export function useContracts(): ContractCatalog {
  return useContext(ContractsContext);
}

/** A provider's display name, or its id when no contract names it. */
export function providerName(catalog: ContractCatalog, provider: string): string {
  return catalog.provider(provider)?.displayName ?? provider;
}

/** What the person uses through a provider, from its contract. */
export function providerServices(catalog: ContractCatalog, provider: string): string {
  return catalog.provider(provider)?.services ?? providerName(catalog, provider);
}

/**
 * The services these scopes belong to ("Google Calendar" when only calendar scopes are asked for),
 * so a sheet never names a service it asks nothing for; the provider's services when none is known.
 */
export function scopeServices(catalog: ContractCatalog, provider: string, scopes: readonly string[]): string {
  const names: string[] = [];
  for (const scope of scopes) {
    const spec = catalog.scopes().find((s) => s.provider === provider && s.scope === scope);
    const name = spec && catalog.tool(spec.tool)?.displayName;
    if (name && !names.includes(name)) names.push(name);
  }
  return names.length ? names.join(' and ') : providerServices(catalog, provider);
}
