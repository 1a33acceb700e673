import { z } from 'zod';

/**
 * Providers, tools, draft kinds and their schemas come from the registered provider contracts
 * (`providers/contracts.ts`), so a new provider is a new folder, not an edit here.
 */
export * from '../providers/contracts.js';
export {
  Provider,
  Tool,
  DraftKind,
  DraftOutcome,
  Draft,
  TOOL_PROVIDER,
  DRAFT_KIND_PROVIDER,
  DRAFT_KIND_TOOL,
  DEFAULT_CONNECTIONS,
  CONSENT_HOSTS,
  CONNECT_BASE_SCOPES,
  PROVIDER_DISPLAY_NAME,
  PROVIDER_SERVICES,
  TOOL_DISPLAY_NAME,
  TOOLS_OF_PROVIDER,
  SCOPE_CATALOG,
  SHIPPED_CATALOG,
  SHIPPED_CONTRACTS,
  createContractCatalog,
  type ContractCatalog,
  type DraftKindContract,
  type ScopeInfo,
  type DraftContract,
  type DraftFieldSpec,
  type ProviderContract,
  type ScopeSpec,
  type ProviderHelp,
  type SecretPattern,
  type ToolSpec,
} from '../providers/catalog.js';
export { defineProviderContract, type DraftFieldKind } from '../providers/providerContract.js';
import { Provider } from '../providers/catalog.js';

/** Ids the app and backend exchange: short, printable, bounded. */
export const Id = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'ids are letters, digits and _.:-');

/** Partial edits a person made in the draft sheet; validated again against the full schema on confirm. */
export const DraftEdits = z.record(z.string().max(64), z.unknown()).refine((o) => Object.keys(o).length <= 20, {
  message: 'too many edited fields',
});
export type DraftEdits = z.infer<typeof DraftEdits>;

export const ScopeGrant = z.object({ scope: z.string(), description: z.string() });
export type ScopeGrant = z.infer<typeof ScopeGrant>;

export const LinkedProvider = z.object({
  provider: Provider,
  connection: z.string(),
  scopes: z.array(ScopeGrant),
  linked_at: z.string().optional(),
});
export type LinkedProvider = z.infer<typeof LinkedProvider>;

export { RiskFactor, RiskLevel, RiskSummary, RISK_BANDS, CONFIRM_BAND_MAX_SCORE, LEVEL_THRESHOLDS } from './risk.js';
