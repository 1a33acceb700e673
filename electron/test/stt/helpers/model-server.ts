/**
 * A model host for tests: serves files under the Hugging Face `/<repo>/resolve/<revision>/<path>`
 * layout over real HTTP, honours Range like the hub's CDN, and plays scripted faults per request.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  path: string;
  range: string | undefined;
}

/** 'cut' sends half the body and drops the connection; 'stall' sends half and hangs. */
export type Fault = 'serve' | 'cut' | 'stall' | '404' | 'ignore-range' | 'wrong-range';

export class ModelServer {
  readonly seen: SeenRequest[] = [];
  /** Faults per file path, consumed one per GET. */
  readonly faults = new Map<string, Fault[]>();
  /**
   * When set, a 'cut' waits for this before dropping the connection. A client's stream discards
   * chunks it has not read yet when the connection fails, so a test that needs part of the file kept
   * (to resume with a Range) waits until the client has written some of it.
   */
  cutWhen: (() => Promise<unknown>) | undefined;
  private server: Server | undefined;

  constructor(
    private readonly repository: string,
    private readonly revision: string,
    private readonly files: Record<string, Uint8Array>,
  ) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  gets(path: string): SeenRequest[] {
    return this.seen.filter((s) => s.method === 'GET' && s.path === path);
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const prefix = `/${this.repository}/resolve/${this.revision}/`;
    const path = decodeURIComponent(req.url!.slice(prefix.length));
    this.seen.push({ method: req.method!, path, range: req.headers.range });
    const body = req.url!.startsWith(prefix) ? this.files[path] : undefined;
    const fault = req.method === 'GET' ? (this.faults.get(path)?.shift() ?? 'serve') : 'serve';
    if (!body || fault === '404') {
      res.writeHead(404).end('Entry not found');
      return;
    }
    const asked = Number(/^bytes=(\d+)-$/.exec(req.headers.range ?? '')?.[1] ?? 0);
    // 'ignore-range' answers 200 with the whole file; 'wrong-range' a 206 that starts elsewhere.
    const start = fault === 'ignore-range' ? 0 : fault === 'wrong-range' ? Math.max(0, asked - 1000) : asked;
    const slice = body.subarray(start);
    const headers = { 'content-length': String(slice.length), 'accept-ranges': 'bytes' };
    if (req.method === 'HEAD') {
      res.writeHead(200, { ...headers, 'content-length': String(body.length) }).end();
      return;
    }
    if (start > 0) res.writeHead(206, { ...headers, 'content-range': `bytes ${start}-${body.length - 1}/${body.length}` });
    else res.writeHead(200, headers);
    if (fault !== 'cut' && fault !== 'stall') {
      res.end(slice);
      return;
    }
    res.write(slice.subarray(0, Math.floor(slice.length / 2)), () => {
      if (fault === 'cut') void (this.cutWhen?.() ?? Promise.resolve()).then(() => res.socket?.destroy());
    });
  }
}
