/**
 * The providers Vouch ships, one line each: their contracts (scopes, draft schemas, field metadata)
 * and the schema names the protocol re-exports. Zod and plain data only; `catalog.ts` derives the
 * protocol's enums and lookups from whatever is listed here.
 */
export * from './google/contract.js';
export * from './slack/contract.js';
