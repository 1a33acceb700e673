import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadSandboxEnv } from '../config.js';
import { startSandbox } from './server.js';

/**
 * Runs the provider sandbox on its own: `tsx backend/src/sandbox/main.ts --port 4010 --data-dir .data/sandbox`.
 * OAuth clients (the dev tenant's Google and Slack connections) come from SANDBOX_CLIENTS as JSON:
 * `[{"client_id":"…","client_secret":"…","redirect_uris":["…"]}]`.
 * `--slack-internal-app` lifts Slack's non-Marketplace history limit (1 request a minute, 15 messages),
 * as for an app built for one workspace; by default the sandbox limits like Slack does for Vouch.
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4010' },
    host: { type: 'string', default: '127.0.0.1' },
    'data-dir': { type: 'string', default: '.data/sandbox' },
    'slack-internal-app': { type: 'boolean', default: false },
  },
});
const clients = loadSandboxEnv().SANDBOX_CLIENTS;
const sandbox = await startSandbox({
  dataDir: resolve(values['data-dir'] ?? '.data/sandbox'),
  port: Number(values.port),
  host: values.host ?? '127.0.0.1',
  clients,
  ...(values['slack-internal-app'] ? { slackLimits: { nonMarketplaceApp: false } } : {}),
});
process.stdout.write(
  `provider sandbox listening on ${sandbox.url} (${clients.length} OAuth client(s), calendar zone ${sandbox.timeZone})\n`,
);
const stop = () => void sandbox.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
