/**
 * Starts the backend alone against the services the environment names (a real Auth0 tenant and
 * the real provider APIs, or any stand-in). See .env.example for every variable.
 */
import { startVouch } from './compose.js';
import { loadBackendEnv } from './config.js';

const env = (() => {
  try {
    return loadBackendEnv();
  } catch (err) {
    // A configuration problem is the operator's to fix: say what, without a stack trace.
    console.error((err as Error).message);
    process.exit(1);
  }
})();
const backend = await startVouch(env);
const stop = async () => {
  await backend.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
