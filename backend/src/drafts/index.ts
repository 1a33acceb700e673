export * from './contentHash.js';
export * from './service.js';
