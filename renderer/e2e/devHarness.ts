import { startWorld } from './world.js';

/**
 * Dev harness: the whole system (dev tenant, sandbox, backend) and the desktop host serving the
 * popover on a throwaway data folder. Prints the URL to open in a browser; sign in from the popover.
 *   npx tsx renderer/e2e/devHarness.ts [port]
 */
const port = process.argv[2] ? Number(process.argv[2]) : undefined;
const { url, stop } = await startWorld({
  ...(port ? { port } : {}),
  ...(process.env.VOUCH_WHISPER_MODEL_DIR ? { whisperModelDir: process.env.VOUCH_WHISPER_MODEL_DIR } : {}),
  ...(process.env.VOUCH_MODEL_BASE_URL ? { modelBaseUrl: process.env.VOUCH_MODEL_BASE_URL } : {}),
});
console.log(`Vouch popover (desktop host): ${url}`);
const quit = () => void stop().then(() => process.exit(0));
process.on('SIGINT', quit);
process.on('SIGTERM', quit);
