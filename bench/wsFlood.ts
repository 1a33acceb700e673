/**
 * Server memory under the slow-reader flood (issue 12, item 2): clients that open the app socket,
 * never sign in and never read, and send 4 MB of small frames each. Before the abuse limits the
 * server answered every frame and held each reply for a peer that does not read; now the socket is
 * closed after a few bad frames (1008) or cut at the send-buffer cap, so RSS stays flat.
 *
 * The system runs in a child process so its RSS is measured alone (Linux: /proc/PID/status).
 * Run:   npx tsx bench/wsFlood.ts [--clients 1] [--mb 4] [--seconds 15] [--root DIR]
 * Before/after: extract the previous commit and point --root at it, e.g.
 *   mkdir /tmp/before && git archive ba848d9 | tar -x -C /tmp/before && ln -s "$PWD/node_modules" /tmp/before/
 *   npx tsx bench/wsFlood.ts --root /tmp/before
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Socket } from 'node:net';
import WebSocket from 'ws';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const root = resolve(opt('root', fileURLToPath(new URL('..', import.meta.url))));

if (args.includes('--serve')) {
  // Child: the whole system on ephemeral ports, quiet; reports where to connect and its own pid.
  const { startVouchSystem } = (await import(
    pathToFileURL(join(root, 'backend/standins/system.ts')).href
  )) as typeof import('../backend/standins/system.js');
  const system = await startVouchSystem({ dataDir: mkdtempSync(join(tmpdir(), 'vouch-flood-')), logLevel: 'silent' });
  process.stdout.write(`${JSON.stringify({ wsUrl: system.wsUrl, pid: process.pid })}\n`);
  process.stdin.resume();
  process.stdin.on('end', () => void system.stop().then(() => process.exit(0)));
} else {
  const clients = Number(opt('clients', '1'));
  const megabytes = Number(opt('mb', '4'));
  const seconds = Number(opt('seconds', '15'));
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--serve', '--root', root], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const first = await new Promise<string>((ok) => createInterface({ input: child.stdout! }).once('line', ok));
  const { wsUrl, pid } = JSON.parse(first) as { wsUrl: string; pid: number };
  const rssMiB = () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

  const baseline = rssMiB();
  const frame = JSON.stringify({ type: 'list_scopes', frame_id: 'f' });
  const perClient = Math.ceil((megabytes * 1024 * 1024) / frame.length);
  const outcomes: string[] = [];
  let sampling = true;
  const sockets = await Promise.all(
    Array.from({ length: clients }, async () => {
      const ws = new WebSocket(wsUrl);
      await new Promise<void>((ok, fail) => {
        ws.once('open', () => ok());
        ws.once('error', fail);
      });
      ws.on('error', () => undefined);
      ws.once('close', (code) => sampling && outcomes.push(String(code)));
      // Never read: every reply the server sends waits in its buffers.
      (ws as unknown as { _socket: Socket })._socket.pause();
      for (let i = 0; i < perClient && ws.readyState === WebSocket.OPEN; i++) ws.send(frame);
      return ws;
    }),
  );

  const samples: number[] = [];
  const t0 = Date.now();
  while (Date.now() - t0 < seconds * 1000) {
    samples.push(rssMiB());
    await new Promise((r) => setTimeout(r, 250));
  }
  sampling = false;
  const peak = Math.max(...samples);
  const end = samples.at(-1)!;
  for (const ws of sockets) ws.terminate();
  child.stdin!.end();
  await new Promise((r) => child.once('exit', r));

  const f = (n: number) => `${n.toFixed(1)} MiB`;
  const d = (n: number) => `${n >= 0 ? '+' : '−'}${f(Math.abs(n))}`;
  console.log(`slow-reader flood against ${root}`);
  console.log(
    `  ${clients} client(s) × ${megabytes} MB unauthenticated (${perClient} frames of ${frame.length} bytes each), sampled ${seconds} s`,
  );
  console.log(`  server RSS baseline ${f(baseline)}   peak ${f(peak)} (${d(peak - baseline)})   at end ${f(end)} (${d(end - baseline)})`);
  console.log(
    `  clients that saw their socket closed while sampling (a paused client may not notice): ${outcomes.length}/${clients}${outcomes.length ? ` (close codes ${[...new Set(outcomes)].join(', ')})` : ''}`,
  );
}
