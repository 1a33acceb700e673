/**
 * Identity-core figures against the local dev tenant and backend:
 * - Token Vault exchange latency, cached (median, p99) and uncached (median, p99);
 * - WebSocket `session_auth` round trips per second on one socket.
 * Run: npx tsx bench/identity.ts
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { GOOGLE_SCOPES } from '../backend/src/protocol/index.js';
import { TokenVaultClient } from '../backend/src/auth/tokenVault.js';
import { startVouchSystem } from '../backend/standins/system.js';
import { linkAccount } from '../backend/test/helpers/system.js';
import { TestClient } from '../backend/test/helpers/wsClient.js';
import { ms, summarize } from './stats.js';

const system = await startVouchSystem({ dataDir: mkdtempSync(join(tmpdir(), 'vouch-bench-')) });
try {
  const session = await system.login('alex');
  await linkAccount(system, session, 'google');
  const req = { userId: 'auth0|alex', subjectToken: session.access_token, connection: 'google-oauth2', scopes: [GOOGLE_SCOPES.gmailRead] };
  const vault = new TokenVaultClient({
    issuer: system.tenant.issuer,
    clientId: system.tenant.apiClient.clientId,
    clientSecret: system.tenant.apiClient.clientSecret,
  });

  const uncached: number[] = [];
  for (let i = 0; i < 200; i++) {
    vault.invalidate(req);
    const t = performance.now();
    await vault.getAccessToken(req);
    uncached.push(performance.now() - t);
  }
  const cached: number[] = [];
  for (let i = 0; i < 20_000; i++) {
    const t = performance.now();
    await vault.getAccessToken(req);
    cached.push(performance.now() - t);
  }
  const u = summarize(uncached);
  const c = summarize(cached);
  console.log('Token Vault exchange (dev tenant on loopback)');
  console.log(`  uncached  n=${u.n}  median ${ms(u.median)}  p99 ${ms(u.p99)}`);
  console.log(`  cached    n=${c.n}  median ${ms(c.median)}  p99 ${ms(c.p99)}`);

  const client = await TestClient.connect(system.wsUrl);
  await client.auth(session.access_token);
  const rounds = 2000;
  const t0 = performance.now();
  for (let i = 0; i < rounds; i++) await client.auth(session.access_token);
  const seconds = (performance.now() - t0) / 1000;
  console.log(
    `WS session_auth round trips: ${rounds} in ${seconds.toFixed(2)} s = ${(rounds / seconds).toFixed(0)}/s (JWT verify + user upsert + session_ready)`,
  );
  await client.close();
} finally {
  await system.stop();
}
