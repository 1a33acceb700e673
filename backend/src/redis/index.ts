export { connectRedis, redactUrl, type RedisClient, type RedisClientOptions } from './client.js';
export { RedisTokenCache, TokenCacheKeyError, type RedisTokenCacheOptions } from './tokenCache.js';
export { RedisEventBus, type RedisEventBusOptions } from './eventBus.js';
export { RedisCounterStore } from './counterStore.js';
