import react from '@vitejs/plugin-react';
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type ProxyOptions } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The renderer's Vite dev server for the browser harness (the demo, the renderer e2e suites, `npm
 * run dev:renderer`), with same-origin proxies to the backend and dev tenant through env variables,
 * so the page keeps CSP `connect-src 'self'` and needs no CORS from either server. The app's
 * production build is electron.vite.config.ts (renderer section), not this file.
 */
export function harnessProxy(backendUrl?: string, tenantUrl?: string): Record<string, ProxyOptions> {
  const proxy: Record<string, ProxyOptions> = {};
  if (backendUrl) proxy['/__backend'] = { target: backendUrl, changeOrigin: true, rewrite: (p) => p.replace(/^\/__backend/, '') };
  if (tenantUrl) proxy['/__tenant'] = { target: tenantUrl, changeOrigin: true, rewrite: (p) => p.replace(/^\/__tenant/, '') };
  return proxy;
}

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

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    strictPort: false,
    proxy: harnessProxy(process.env.VOUCH_BACKEND_URL, process.env.VOUCH_TENANT_URL),
    // Vite's own deny list plus data folders and databases, in case one ends up under an allowed path.
    fs: { strict: true, allow: servedPaths, deny: ['.env', '.env.*', '*.{crt,pem}', '**/.git/**', '**/.data/**', '**/*.sqlite*'] },
  },
  worker: { format: 'es' },
});
