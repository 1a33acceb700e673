import react from '@vitejs/plugin-react';
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * What the dev server may read: the renderer, the two backend modules it shares and the packages
 * (node_modules may be a symlink, so both paths). Vite would otherwise serve the whole checkout
 * through /@fs/, including the demo's data folder with its databases.
 */
const nodeModules = resolve(root, '../node_modules');
const servedPaths = [
  root,
  resolve(root, '../backend/src/protocol'),
  resolve(root, '../backend/src/auth/scopeCatalog.ts'),
  nodeModules,
  ...(() => {
    try {
      return [realpathSync(nodeModules)];
    } catch {
      return [];
    }
  })(),
];

/**
 * The renderer's Vite dev server for development in a browser: the desktop host serves the popover
 * through it (backend/standins/desktopHost/, `npm run demo`, the system e2e suite), and the popover
 * e2e suite serves it alone. The page talks to the host only (CSP `connect-src 'self'`). The app's
 * production build is electron.vite.config.ts (renderer section), not this file.
 */
export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    strictPort: false,
    // Vite's own deny list plus data folders and databases, in case one ends up under an allowed path.
    fs: { strict: true, allow: servedPaths, deny: ['.env', '.env.*', '*.{crt,pem}', '**/.git/**', '**/.data/**', '**/*.sqlite*'] },
  },
  worker: { format: 'es' },
});
