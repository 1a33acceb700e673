export * from './canonical.js';
export * from './secrets.js';
export * from './refs.js';
export * from './chain.js';
export * from './store.js';
export * from './trail.js';
export { SqliteAuditStore } from './sqliteAuditStore.js';
