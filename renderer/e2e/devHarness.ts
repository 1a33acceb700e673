import { startWorld } from './world.js';

/**
 * Dev harness: the whole system (dev tenant, sandbox, backend), the renderer on Vite with the
 * browser bridge, and a signed-in demo user. Prints the URL to open in a browser.
 *   npx tsx renderer/e2e/devHarness.ts [port]
 */
const port = process.argv[2] ? Number(process.argv[2]) : undefined;
const { url, stop } = await startWorld(port ? { port } : {});
console.log(`Vouch popover (browser bridge): ${url}`);
const quit = () => void stop().then(() => process.exit(0));
process.on('SIGINT', quit);
process.on('SIGTERM', quit);
