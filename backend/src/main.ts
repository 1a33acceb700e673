/**
 * Starts the backend alone against the services the environment names (a real Auth0 tenant and
 * the real provider APIs, or any stand-in). See .env.example for every variable.
 */
import { startVouch } from './compose.js';
import { loadBackendEnv } from './config.js';

const backend = await startVouch(loadBackendEnv());
const stop = async () => {
  await backend.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
