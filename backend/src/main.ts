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
// SIGTERM (a deploy, a scale-in): sockets are told to reconnect elsewhere (1012), writes under way
// finish, step-up leases are given back, then the process exits. A second signal exits at once.
let stopping = false;
const stop = async () => {
  if (stopping) process.exit(1);
  stopping = true;
  try {
    await backend.shutdown();
  } catch (err) {
    backend.services.logger.error({ err: err instanceof Error ? err.message : String(err) }, 'shutdown failed');
    process.exit(1);
  }
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
