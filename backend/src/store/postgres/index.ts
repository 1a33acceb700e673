export { createPostgresPool, withTransaction, type PgPool, type PostgresPoolOptions } from './pool.js';
export { migrate, MIGRATIONS, MigrationError, type Migration } from './migrations.js';
export { PostgresAuditStore } from './auditStore.js';
export { PostgresRuleStore } from './ruleStore.js';
export { PostgresPreauthStore } from './preauthStore.js';
export { PostgresVouchStore } from './vouchStore.js';
export { PostgresLongTermMemory, type PostgresLongTermMemoryOptions } from './memoryStore.js';
export { PostgresUserSettingsStore } from './settingsStore.js';
