/**
 * Many authenticated sockets over backend instances, in both modes:
 *  - shared: two backend processes on one PostgreSQL and one Redis (started here, or
 *    TEST_DATABASE_URL / TEST_REDIS_URL), sockets spread over both;
 *  - embedded: one backend process on SQLite (the baseline).
 * For each: time to open and authenticate every socket, round-trip p50/p99 at a steady rate of
 * `list_scopes` and of an offline `transcript` read (offline intent, sandbox calendar, template
 * reply; timed to `agent_done`), and each instance's RSS. Clients are spread over 127.0.0.2-11.
 *
 * Run: npx tsx bench/scale.ts [--sockets 5000] [--list-rate 500] [--transcript-rate 10] [--seconds 10] [--only shared|embedded]
 * It is CPU heavy: on a shared machine keep the counts as they are or lower.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { startVouchSystem, type VouchSystem } from '../backend/standins/system.js';
import { startBackendProcess, type BackendProcess } from '../backend/test/helpers/backendProcess.js';
import { startPostgres, startRedis, type RunningService } from '../backend/test/helpers/localServices.js';
import { linkAccount } from '../backend/test/helpers/system.js';
import { summarize } from './stats.js';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
const SOCKETS = Number(arg('sockets', '5000'));
const LIST_RATE = Number(arg('list-rate', '500'));
const TRANSCRIPT_RATE = Number(arg('transcript-rate', '10'));
const SECONDS = Number(arg('seconds', '10'));
const ONLY = arg('only', '');
const CONNECT_CONCURRENCY = 200;
const AUDIT_KEY = `base64:${randomBytes(32).toString('base64')}`;
const TOKEN_CACHE_KEY = `base64:${randomBytes(32).toString('base64')}`;

interface Conn {
  ws: WebSocket;
  /** The request this socket waits for, and when it was sent. */
  waiting?: { kind: 'scopes' | 'agent_done'; id?: string; t0: number; done: (ms: number) => void };
}

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : Number.NaN;
}

async function openSocket(url: string, token: string, localAddress: string): Promise<{ conn: Conn; ms: number }> {
  const t0 = performance.now();
  const ws = new WebSocket(url, { localAddress, perMessageDeflate: false });
  const conn: Conn = { ws };
  await new Promise<void>((resolve, reject) => {
    ws.once('error', reject);
    ws.once('open', () => ws.send(JSON.stringify({ type: 'session_auth', access_token: token, timezone: 'America/New_York' })));
    const onFirst = (data: WebSocket.RawData) => {
      const f = JSON.parse(data.toString()) as { type: string };
      if (f.type === 'session_ready') {
        ws.off('message', onFirst);
        resolve();
      } else if (f.type === 'error') reject(new Error(`session_auth refused: ${data.toString().slice(0, 200)}`));
    };
    ws.on('message', onFirst);
  });
  ws.on('message', (data) => {
    const w = conn.waiting;
    if (!w) return;
    const f = JSON.parse(data.toString()) as { type: string; request_id?: string };
    if (f.type === w.kind && (w.id === undefined || f.request_id === w.id)) {
      conn.waiting = undefined;
      w.done(performance.now() - w.t0);
    }
  });
  return { conn, ms: performance.now() - t0 };
}

async function connectAll(urls: string[], tokens: string[]): Promise<{ conns: Conn[]; totalMs: number; each: number[] }> {
  const conns: Conn[] = [];
  const each: number[] = [];
  const t0 = performance.now();
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < SOCKETS; i = next++) {
      const { conn, ms } = await openSocket(urls[i % urls.length]!, tokens[i % tokens.length]!, `127.0.0.${2 + (i % 10)}`);
      conns.push(conn);
      each.push(ms);
    }
  };
  await Promise.all(Array.from({ length: CONNECT_CONCURRENCY }, worker));
  return { conns, totalMs: performance.now() - t0, each };
}

/** Sends `rate` requests per second for SECONDS, each on an idle socket; resolves with the round trips. */
async function steady(
  conns: Conn[],
  rate: number,
  make: (seq: number) => { frame: object; kind: 'scopes' | 'agent_done'; id?: string },
): Promise<{ rtt: number[]; skipped: number; lost: number }> {
  const rtt: number[] = [];
  let skipped = 0;
  let seq = 0;
  let cursor = 0;
  const outstanding = new Set<Promise<void>>();
  const tickMs = 10;
  const perTick = rate / (1000 / tickMs);
  let budget = 0;
  const end = performance.now() + SECONDS * 1000;
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      if (performance.now() >= end) {
        clearInterval(timer);
        resolve();
        return;
      }
      budget += perTick;
      while (budget >= 1) {
        budget -= 1;
        let c: Conn | undefined;
        for (let tries = 0; tries < conns.length && !c; tries++) {
          const candidate = conns[cursor++ % conns.length]!;
          if (!candidate.waiting && candidate.ws.readyState === WebSocket.OPEN) c = candidate;
        }
        if (!c) {
          skipped++;
          continue;
        }
        const req = make(seq++);
        const conn = c;
        const p = new Promise<void>((done) => {
          conn.waiting = { kind: req.kind, id: req.id, t0: performance.now(), done: (ms) => (rtt.push(ms), done()) };
        });
        outstanding.add(p);
        void p.then(() => outstanding.delete(p));
        conn.ws.send(JSON.stringify(req.frame));
      }
    }, tickMs);
  });
  // Answers still under way get a bounded time to arrive; the rest count as lost.
  await Promise.race([Promise.all([...outstanding]), new Promise((r) => setTimeout(r, 15_000))]);
  const lost = outstanding.size;
  for (const c of conns) c.waiting = undefined;
  return { rtt, skipped, lost };
}

async function scenario(name: string, system: VouchSystem, tokens: string[], instances: BackendProcess[]): Promise<void> {
  const urls = instances.map((p) => p.wsUrl);
  process.stderr.write(`[bench] ${name}: connecting\n`);
  console.log(`\n== ${name}: ${instances.length} instance(s), ${SOCKETS} sockets ==`);
  const { conns, totalMs, each } = await connectAll(urls, tokens);
  const c = summarize(each);
  console.log(
    `connect+auth: all ${conns.length} in ${(totalMs / 1000).toFixed(2)} s (${((conns.length / totalMs) * 1000).toFixed(0)}/s, ${CONNECT_CONCURRENCY} at a time); per socket p50 ${c.median.toFixed(1)} ms p99 ${c.p99.toFixed(1)} ms`,
  );
  const list = await steady(conns, LIST_RATE, () => ({ frame: { type: 'list_scopes' }, kind: 'scopes' }));
  const l = summarize(list.rtt);
  console.log(
    `list_scopes at ${LIST_RATE}/s for ${SECONDS} s: n=${l.n} p50 ${l.median.toFixed(2)} ms p99 ${l.p99.toFixed(2)} ms (skipped ${list.skipped}, lost ${list.lost})`,
  );
  const run = randomBytes(3).toString('hex');
  const tr = await steady(conns, TRANSCRIPT_RATE, (i) => {
    const id = `bench-${run}-${i}`;
    return { frame: { type: 'transcript', id, text: "what's on my calendar tomorrow" }, kind: 'agent_done', id };
  });
  const t = summarize(tr.rtt);
  console.log(
    `transcript (offline calendar read) at ${TRANSCRIPT_RATE}/s for ${SECONDS} s: n=${t.n} p50 ${t.median.toFixed(1)} ms p99 ${t.p99.toFixed(1)} ms (skipped ${tr.skipped}, lost ${tr.lost})`,
  );
  for (const p of instances) console.log(`RSS ${p.instanceId}: ${rssMb(p.child.pid!).toFixed(0)} MB`);
  for (const conn of conns) conn.ws.terminate();
  void system;
}

function backendEnv(system: VouchSystem, extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(system.env)) if (v !== undefined) env[k] = String(v);
  return { ...env, PORT: '0', AUDIT_HMAC_KEY: AUDIT_KEY, ...extra };
}

const dataDir = mkdtempSync(join(tmpdir(), 'vouch-bench-scale-'));
const system = await startVouchSystem({ dataDir, logLevel: 'error' });
const services: RunningService[] = [];
const running: BackendProcess[] = [];
try {
  const sessions = [await system.login('alex'), await system.login('blake')];
  for (const s of sessions) await linkAccount(system, s, 'google');
  process.stderr.write('[bench] signed in and linked; starting instances\n');
  const tokens = sessions.map((s) => s.access_token);

  if (ONLY !== 'embedded') {
    const databaseUrl = process.env.TEST_DATABASE_URL ?? (services[services.length] = await startPostgres()).url;
    const redisUrl = process.env.TEST_REDIS_URL ?? (services[services.length] = await startRedis()).url;
    const shared = { DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, TOKEN_CACHE_KEY };
    const a = await startBackendProcess(backendEnv(system, { ...shared, INSTANCE_ID: 'A', DATA_DIR: join(dataDir, 'A') }));
    running.push(a);
    const b = await startBackendProcess(backendEnv(system, { ...shared, INSTANCE_ID: 'B', DATA_DIR: join(dataDir, 'B') }));
    running.push(b);
    await scenario('shared (PostgreSQL + Redis)', system, tokens, [a, b]);
    await Promise.all([a.kill('SIGTERM'), b.kill('SIGTERM')]);
  }
  if (ONLY !== 'shared') {
    const one = await startBackendProcess(backendEnv(system, { INSTANCE_ID: 'sqlite', DATA_DIR: join(dataDir, 'sqlite') }));
    running.push(one);
    await scenario('embedded (SQLite, one instance)', system, tokens, [one]);
    await one.kill('SIGTERM');
  }
} finally {
  await Promise.all(running.map((p) => p.kill('SIGKILL')));
  await system.stop();
  await Promise.all(services.map((s) => s.stop()));
}
