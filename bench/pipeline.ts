/**
 * Offline-path latency of the whole pipeline over a real WebSocket (dev tenant + sandbox, offline
 * intent, template reply, Flite voice): transcript → first text delta, → first TTS chunk, and the
 * goal figure, first sentence's `agent_stream` → first `tts_audio` (≤ 300 ms). The first request
 * after start is reported on its own: the Flite worker is warmed when the backend starts, so it
 * should not be slower than the rest.
 * Run: npx tsx bench/pipeline.ts [rounds]
 */
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startVouchSystem } from '../backend/standins/system.js';
import { linkAccount } from '../backend/test/helpers/system.js';
import { TestClient } from '../backend/test/helpers/wsClient.js';
import { ms, summarize } from './stats.js';

const rounds = Number(process.argv[2] ?? 30);
const GOAL_MS = 300;

interface Stamped {
  at: number;
  type: string;
  requestId?: string;
  delta?: string;
  last?: boolean;
}

/** Where the sentence chunker can first cut: a sentence end, or a clause break in a long first piece. */
function closesFirstPiece(text: string): boolean {
  return /[.!?…](\s|$)/.test(text) || (text.length >= 32 && /[,;:]\s/.test(text.slice(12)));
}

const system = await startVouchSystem({ dataDir: mkdtempSync(join(tmpdir(), 'vouch-bench-')) });
try {
  const session = await system.login('alex');
  await linkAccount(system, session, 'google');
  await linkAccount(system, session, 'slack');
  const client = await TestClient.connect(system.wsUrl);
  const stamped: Stamped[] = [];
  client.ws.on('message', (data) => {
    const frame = JSON.parse(data.toString()) as { type: string; request_id?: string; delta?: string; last?: boolean };
    stamped.push({
      at: performance.now(),
      type: frame.type,
      ...(frame.request_id ? { requestId: frame.request_id } : {}),
      ...(frame.delta ? { delta: frame.delta } : {}),
      ...(frame.last ? { last: true } : {}),
    });
  });
  await client.auth(session.access_token);
  const prompts = ["what's on my calendar tomorrow", 'summarize my last emails from Dana', "what's new in #deals"];
  const firstText: number[] = [];
  const firstAudio: number[] = [];
  const sentenceToAudio: number[] = [];
  let coldSentenceToAudio = NaN;
  // Round -1 is the first request after start: reported alone, not counted in the medians.
  for (let i = -1; i < rounds; i++) {
    const id = `bench-${i + 1}`;
    const t0 = performance.now();
    client.send({ type: 'transcript', id, text: prompts[(i + prompts.length) % prompts.length]! });
    await client.next('tts_audio', (f) => f.request_id === id && f.last === true);
    const mine = stamped.filter((f) => f.requestId === id);
    let text = '';
    const sentenceAt = mine.find((f) => f.type === 'agent_stream' && closesFirstPiece((text += f.delta ?? '')))?.at ?? NaN;
    const textAt = mine.find((f) => f.type === 'agent_stream')?.at ?? NaN;
    const audioAt = mine.find((f) => f.type === 'tts_audio' && !f.last)?.at ?? NaN;
    if (i < 0) {
      coldSentenceToAudio = audioAt - sentenceAt;
      continue;
    }
    firstText.push(textAt - t0);
    firstAudio.push(audioAt - t0);
    sentenceToAudio.push(audioAt - sentenceAt);
  }
  const a = summarize(firstText);
  const b = summarize(firstAudio);
  const c = summarize(sentenceToAudio);
  console.log(
    `Offline pipeline, ${rounds} requests over WS (token cache warm, provider calls to the sandbox); load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}:`,
  );
  console.log(`  transcript → first text delta               median ${ms(a.median)}  p95 ${ms(a.p95)}`);
  console.log(`  transcript → first TTS chunk                median ${ms(b.median)}  p95 ${ms(b.p95)}`);
  console.log(
    `  first sentence's agent_stream → tts_audio   median ${ms(c.median)}  p95 ${ms(c.p95)}  (goal ≤ ${GOAL_MS} ms: ${c.p95 <= GOAL_MS ? 'met' : 'NOT met'} at p95)`,
  );
  console.log(`  the same for the first request after start  ${ms(coldSentenceToAudio)}`);
  await client.close();
} finally {
  await system.stop();
}
