export { auditRoutes } from './audit.js';
export { healthRoutes } from './health.js';
export { memoryRoutes } from './memory.js';
export { preauthorizationRoutes } from './preauthorizations.js';
export { ruleRoutes } from './rules.js';
export { scopeRoutes } from './scopes.js';
export { readyRoutes, type ReadinessCheck } from './ready.js';
export { settingsRoutes } from './settings.js';
