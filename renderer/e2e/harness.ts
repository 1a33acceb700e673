import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';

const configFile = fileURLToPath(new URL('../vite.config.ts', import.meta.url));

export interface Harness {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves the renderer with Vite on an ephemeral port (several engineers run tests on one machine),
 * for the popover suite's scripted bridge. (The system suite's popover is served by the desktop host.)
 */
export async function startHarness(targets: { port?: number } = {}): Promise<Harness> {
  const server: ViteDevServer = await createServer({
    configFile,
    logLevel: 'warn',
    cacheDir: fileURLToPath(new URL('../../node_modules/.vite-renderer-e2e', import.meta.url)),
    server: { host: '127.0.0.1', port: targets.port ?? 0, strictPort: false, hmr: false },
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite did not report a URL');
  return { url: url.replace(/\/$/, ''), close: () => server.close() };
}
