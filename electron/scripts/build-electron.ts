/**
 * Builds the Electron main process, the sandboxed preload and the STT worker with esbuild
 * (`tsx electron/scripts/build-electron.ts`). The renderer is built separately by Vite into
 * out/renderer.
 *  - main:    ESM (package.json "type": "module"; Electron ≥ 28 loads ESM main), npm packages left
 *             external so native addons (onnxruntime-node) load from node_modules / app.asar.unpacked.
 *  - preload: one CommonJS file with everything inlined: a sandboxed preload can only `require`
 *             `electron` (and a few built-ins), so nothing else may stay external.
 *  - worker:  the Whisper worker thread, next to main.js because the engine resolves it with
 *             `new URL('./stt-worker.js', import.meta.url)`.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outdir = `${root}/out/electron`;
const common = { bundle: true, platform: 'node' as const, target: 'node22', sourcemap: true, logLevel: 'info' as const, absWorkingDir: root };

await Promise.all([
  build({ ...common, entryPoints: { main: 'electron/src/main.ts' }, outdir, format: 'esm', packages: 'external', external: ['electron'] }),
  build({ ...common, entryPoints: { 'stt-worker': 'electron/src/stt/stt-worker.ts' }, outdir, format: 'esm', packages: 'external' }),
  build({ ...common, entryPoints: { preload: 'electron/src/preload.ts' }, outdir, outExtension: { '.js': '.cjs' }, format: 'cjs', external: ['electron'], platform: 'node' }),
]);
