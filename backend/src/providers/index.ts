export {
  createProviderTools,
  createProviderRegistry,
  SHIPPED_REGISTRY,
  type ProviderTools,
  type ProviderToolsOptions,
  type ProviderRegistry,
  type ProviderContext,
} from './registry.js';
export type { ProviderCallContext, ProviderFailure, ProviderResult } from './result.js';
export type { ProviderLogger, RetryPolicy } from './callPolicy.js';
export { DEFAULT_RETRY_POLICY } from './callPolicy.js';
export type { AnyDraft, DraftBuild, DraftBuildOptions, WriteResult, ProviderModule } from './providerModule.js';
