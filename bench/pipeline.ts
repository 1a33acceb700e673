/**
 * Offline-path latency of the whole pipeline over a real WebSocket (dev tenant + sandbox, offline
 * intent, template reply, Flite voice): transcript → first text delta and → first TTS chunk.
 * Run: npx tsx bench/pipeline.ts [rounds]
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startVouchSystem } from '../backend/standins/system.js';
import { linkAccount } from '../backend/test/helpers/system.js';
import { TestClient } from '../backend/test/helpers/wsClient.js';
import { ms, summarize } from './stats.js';

const rounds = Number(process.argv[2] ?? 30);
const system = await startVouchSystem({ dataDir: mkdtempSync(join(tmpdir(), 'vouch-bench-')) });
try {
  const session = await system.login('alex');
  await linkAccount(system, session, 'google');
  await linkAccount(system, session, 'slack');
  const client = await TestClient.connect(system.wsUrl);
  await client.auth(session.access_token);
  const prompts = ["what's on my calendar tomorrow", 'summarize my last emails from Dana', "what's new in #deals"];
  const firstText: number[] = [];
  const firstAudio: number[] = [];
  // One warm-up round compiles the voice and fills caches; it is not counted.
  for (let i = -1; i < rounds; i++) {
    const id = `bench-${i + 1}`;
    const t0 = performance.now();
    client.send({ type: 'transcript', id, text: prompts[(i + prompts.length) % prompts.length]! });
    await client.next('agent_stream', (f) => f.request_id === id);
    const t1 = performance.now();
    await client.next('tts_audio', (f) => f.request_id === id);
    const t2 = performance.now();
    await client.next('tts_audio', (f) => f.request_id === id && f.last === true);
    if (i >= 0) {
      firstText.push(t1 - t0);
      firstAudio.push(t2 - t0);
    }
  }
  const a = summarize(firstText);
  const b = summarize(firstAudio);
  console.log(`Offline pipeline, ${rounds} requests over WS (token cache warm, provider calls to the sandbox):`);
  console.log(`  transcript → first text delta  median ${ms(a.median)}  p95 ${ms(a.p95)}`);
  console.log(`  transcript → first TTS chunk   median ${ms(b.median)}  p95 ${ms(b.p95)}`);
  await client.close();
} finally {
  await system.stop();
}
