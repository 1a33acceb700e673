import { startPostgres, startRedis } from './localServices.js';

/**
 * Throw-away PostgreSQL + Redis for manual runs (the bench, a two-instance demo, debugging a suite):
 *   npx tsx backend/test/helpers/servicesCli.ts
 * prints the two URLs as environment lines and stops both (and deletes their data) on Ctrl-C or
 * SIGTERM to this node process (npx's wrappers do not forward SIGTERM; a terminal's Ctrl-C reaches
 * the whole process group). The test suite does not need this: its globalSetup starts its own.
 */
const pg = await startPostgres();
const redis = await startRedis().catch(async (err: unknown) => {
  await pg.stop();
  throw err;
});
console.log(`TEST_DATABASE_URL=${pg.url}\nTEST_REDIS_URL=${redis.url}`);
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await Promise.all([pg.stop(), redis.stop()]);
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
