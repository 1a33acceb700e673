import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import { build, type Plugin } from 'vite';

const root = import.meta.dirname;
const at = (p: string) => resolve(root, p);

/**
 * The Whisper worker as one self-contained ES module next to main (npm packages external, like
 * main's): a second entry of the main build would share chunks with main, and the packaged worker
 * (unpacked from the asar, see electron-builder.yml) must not depend on files that stay inside it.
 */
function sttWorker(): Plugin {
  return {
    name: 'vouch:stt-worker',
    apply: 'build',
    async closeBundle() {
      await build({
        configFile: false,
        logLevel: 'warn',
        build: {
          ssr: at('electron/src/stt/stt-worker.ts'),
          outDir: at('out/main'),
          emptyOutDir: false,
          sourcemap: true,
          target: 'node22',
          minify: false,
          rolldownOptions: { external: ['electron'], output: { format: 'es', entryFileNames: 'stt-worker.js', codeSplitting: false } },
        },
      });
    },
  };
}

/**
 * The desktop app's one build (`npm run build` = `electron-vite build`, `npm run dev` with the
 * Electron binary). Output, as main.ts and electron-builder.yml expect it:
 *  - out/main/index.js        main process, ESM (package.json "type": "module"); npm dependencies
 *                             stay external so native addons (onnxruntime-node) load from
 *                             node_modules / app.asar.unpacked.
 *  - out/main/stt-worker.js   the Whisper worker thread, self-contained (see sttWorker). Main's
 *                             chunks sit flat next to it, because the engine resolves it with
 *                             `new URL('./stt-worker.js', import.meta.url)`.
 *  - out/preload/index.cjs    one CommonJS file with everything inlined: a sandboxed preload can only
 *                             `require('electron')` (and a few built-ins).
 *  - out/renderer/            the popover. The desktop host's transport is left out: it is
 *                             imported only behind `import.meta.env.DEV` (see renderer/src/main.tsx).
 * The browser demo and the renderer e2e suites serve the renderer with Vite's dev server through
 * renderer/vite.config.ts instead (the demo's desktop host in middleware mode).
 */
export default defineConfig({
  main: {
    plugins: [sttWorker()],
    build: {
      outDir: at('out/main'),
      // `dependencies` are external by default; the optional key hook (hold to talk) must be too, so its
      // N-API prebuilds load from node_modules / app.asar.unpacked.
      externalizeDeps: { include: ['uiohook-napi'] },
      sourcemap: true,
      rolldownOptions: {
        input: { index: at('electron/src/main.ts') },
        output: { entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: at('out/preload'),
      externalizeDeps: false,
      isolatedEntries: true,
      rolldownOptions: {
        input: { index: at('electron/src/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: at('renderer'),
    base: './',
    plugins: [react()],
    worker: { format: 'es' },
    build: {
      outDir: at('out/renderer'),
      emptyOutDir: true,
      rolldownOptions: { input: { index: at('renderer/index.html') } },
    },
  },
});
