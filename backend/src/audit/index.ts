export * from './canonical.js';
export * from './secrets.js';
export * from './chain.js';
export * from './store.js';
export { SqliteAuditStore } from './sqliteAuditStore.js';
