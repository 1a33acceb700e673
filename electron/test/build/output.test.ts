import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Script } from 'node:vm';
import { Worker } from 'node:worker_threads';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * Checks what `npm run build` (electron-vite, electron.vite.config.ts) produces, i.e. what
 * electron-builder packages. `.ci/run` builds before the tests; run alone, this file builds first
 * when out/ is missing (no Electron binary is needed to build).
 */
const root = resolve(import.meta.dirname, '../../..');
const out = join(root, 'out');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string };

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
const code = (dir: string) => filesUnder(dir).filter((f) => /\.(c|m)?js$/.test(f));

beforeAll(() => {
  const built = ['main/index.js', 'main/stt-worker.js', 'preload', 'renderer/index.html'].every((p) => existsSync(join(out, p)));
  if (!built) {
    execFileSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
      cwd: root,
      env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
      stdio: 'pipe',
    });
  }
}, 180_000);

describe('the built desktop app (out/)', () => {
  it('starts where package.json says, and main loads the preload and renderer from where they are built', () => {
    expect(pkg.main).toBe('out/main/index.js');
    const main = readFileSync(join(root, pkg.main), 'utf8');
    expect(main).toContain('../preload/index.cjs');
    expect(main).toContain('../renderer');
    expect(existsSync(join(out, 'renderer/index.html'))).toBe(true);
  });

  it('has a single CommonJS preload that requires nothing but electron (a sandboxed preload can load nothing else)', () => {
    const files = filesUnder(join(out, 'preload')).filter((f) => !f.endsWith('.map'));
    expect(files.map((f) => relative(out, f))).toEqual(['preload/index.cjs']);
    const preload = readFileSync(files[0]!, 'utf8');
    // Compiles as a classic script: no ESM import/export syntax survived.
    expect(() => new Script(`(function (exports, require, module) {${preload}\n})`)).not.toThrow();
    const required = [...preload.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(preload).toContain('exposeInMainWorld');
  });

  it('leaves the optional key hook (uiohook-napi, hold to talk) external: its N-API prebuilds load from node_modules', () => {
    const main = code(join(out, 'main')).map((f) => readFileSync(f, 'utf8'));
    expect(main.some((source) => /import\(["']uiohook-napi["']\)/.test(source))).toBe(true);
    // Bundled, node-gyp-build would look for the prebuilds next to out/main and never find them.
    expect(main.filter((source) => source.includes('node-gyp-build'))).toEqual([]);
  });

  it('ships the STT worker, self-contained, next to the chunk that starts it', () => {
    const worker = join(out, 'main/stt-worker.js');
    expect(existsSync(worker)).toBe(true);
    const source = readFileSync(worker, 'utf8');
    expect(source).toContain('parentPort');
    // Packaged, it is unpacked from the asar alone (electron-builder.yml): it may import packages and
    // built-ins, never a sibling chunk.
    const imports = [...source.matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1]!);
    expect(imports.length).toBeGreaterThan(0);
    expect(imports.filter((i) => i.startsWith('.'))).toEqual([]);
    expect(readFileSync(join(root, 'electron-builder.yml'), 'utf8')).toContain('- out/main/stt-worker.js');
    const starters = code(join(out, 'main')).filter((f) => readFileSync(f, 'utf8').includes('new URL("./stt-worker.js", import.meta.url)'));
    expect(starters.length).toBeGreaterThan(0);
    for (const f of starters) expect(resolve(f, '..', 'stt-worker.js')).toBe(worker);
  });

  it('the built STT worker boots as a worker thread and answers its protocol', async () => {
    const worker = new Worker(join(out, 'main/stt-worker.js'), {
      workerData: { engine: 'whisper-onnx', modelDir: join(out, 'no-such-model') },
    });
    try {
      // Progress replies may come first; the answer is the first non-progress reply.
      const reply = new Promise<unknown>((resolve, reject) => {
        worker.on('message', (m: { type?: string }) => m.type !== 'progress' && resolve(m));
        worker.once('error', reject);
      });
      worker.postMessage({ type: 'load', id: 1 });
      const answered = (await reply) as { type: string; id: number; name?: string };
      // No model there: a typed error for request 1, not a crash while loading the bundle.
      expect(answered).toMatchObject({ type: 'error', id: 1 });
    } finally {
      await worker.terminate();
    }
  });

  it('leaves the development-only browser transport and test harness out of the renderer', () => {
    const files = filesUnder(join(out, 'renderer'));
    expect(files.some((f) => f.endsWith('connect-callback.html'))).toBe(false);
    const bundle = code(join(out, 'renderer'))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    expect(bundle).toContain('Vouch must be opened from the desktop app.');
    // Markers of the desktop host's transport (renderer/src/bridge/hostBridge.ts, hostWire.ts), of
    // the browser bridge it replaced (no page-side client of the backend may come back), and of the e2e harness.
    for (const marker of [
      '/__vouch/bridge',
      'vouch_host_secret',
      'the desktop host went away',
      'Dev harness',
      '/__backend',
      '/__tenant',
      'vouch-connect-callback',
      'connected-accounts/',
      '__vouchFake',
      // The dev tray strip and the page's notifications (renderer/src/dev/).
      'Vouch tray icon',
      'notification_click',
    ]) {
      expect(bundle, marker).not.toContain(marker);
    }
  });
});
