import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { HOST_SECRET_COOKIE } from '../../../renderer/src/bridge/hostWire.js';
import type { HostTransport } from './transport.js';

/**
 * DEVELOPMENT ONLY. Serves the popover (the renderer through Vite in middleware mode, with
 * renderer/vite.config.ts and its file-serving limits) and the host transport on one loopback
 * origin. The popover document is the only response that carries the per-run secret, as an
 * HttpOnly, SameSite=Strict cookie: scripts cannot read it and other sites' pages cannot send it.
 */
const viteConfig = fileURLToPath(new URL('../../../renderer/vite.config.ts', import.meta.url));
const DOCUMENTS = new Set(['/', '/index.html']);

export interface PopoverServer {
  origin: string;
  server: Server;
  close(): Promise<void>;
}

export async function startPopoverServer(opts: {
  port: number;
  secret: string;
  transport: () => HostTransport;
  cacheDir?: string;
}): Promise<PopoverServer> {
  const { createServer: createVite } = await import('vite');
  const vite = await createVite({
    configFile: viteConfig,
    logLevel: 'warn',
    ...(opts.cacheDir ? { cacheDir: opts.cacheDir } : {}),
    server: { middlewareMode: true, hmr: false },
  });
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (req.method === 'GET' && DOCUMENTS.has(path)) {
      res.setHeader('set-cookie', `${HOST_SECRET_COOKIE}=${opts.secret}; HttpOnly; SameSite=Strict; Path=/`);
    }
    vite.middlewares(req, res, () => {
      res.statusCode = 404;
      res.end('not found');
    });
  });
  server.on('upgrade', (req, socket, head) => opts.transport().handleUpgrade(req, socket, head));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    server,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await vite.close();
    },
  };
}
