export * from './store.js';
export { SqliteUserSettingsStore } from './sqliteStore.js';
