import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local HTTP server that speaks the Gemini REST shapes `@google/genai` uses
 * (`POST /v1beta/models/{model}:generateContent`, `:streamGenerateContent?alt=sse`, `:embedContent`,
 * `:batchEmbedContents`), answering from a script. Tests point the real SDK at it so the SDK's own
 * request building, SSE parsing and response mapping run; the embedded demo can use it too.
 */

export interface GeminiCall {
  model: string;
  method: 'generateContent' | 'streamGenerateContent' | 'embedContent' | 'batchEmbedContents';
  apiKey: string | undefined;
  body: GeminiRequestBody;
}

export interface GeminiRequestBody {
  contents?: Array<{ role?: string; parts?: Array<{ text?: string }> }>;
  systemInstruction?: { parts?: Array<{ text?: string }> };
  generationConfig?: Record<string, unknown>;
  requests?: Array<{ model?: string; content?: { parts?: Array<{ text?: string }> }; outputDimensionality?: number }>;
  content?: { parts?: Array<{ text?: string }> };
  [k: string]: unknown;
}

/** A scripted failure: an HTTP status with Google's error body. */
export interface ScriptedError {
  status: number;
  message: string;
}

export interface GeminiScript {
  /** Text of the one candidate for `generateContent`. */
  generate?: (call: GeminiCall) => string | ScriptedError;
  /** Text deltas, one SSE event each, for `streamGenerateContent`. */
  stream?: (call: GeminiCall) => string[] | ScriptedError;
  /** One vector per input text. */
  embed?: (texts: string[], call: GeminiCall) => number[][];
}

export interface GeminiStandIn {
  /** Give this to the SDK as `httpOptions.baseUrl`. */
  url: string;
  apiKey: string;
  calls: GeminiCall[];
  /** Swap the script between test steps. */
  script: GeminiScript;
  close(): Promise<void>;
}

/** The user-visible text of a request (system instruction excluded). */
export function promptText(call: GeminiCall): string {
  return (call.body.contents ?? []).flatMap((c) => (c.parts ?? []).map((p) => p.text ?? '')).join('\n');
}

export function systemText(call: GeminiCall): string {
  return (call.body.systemInstruction?.parts ?? []).map((p) => p.text ?? '').join('\n');
}

/** Deterministic stand-in embedding: letter frequencies, so similar texts land near each other. */
export function letterEmbedding(text: string, dims = 26): number[] {
  const v = new Array<number>(dims).fill(0);
  for (const ch of text.toLowerCase()) {
    const i = ch.charCodeAt(0) - 97;
    if (i >= 0 && i < 26) v[i % dims]! += 1;
  }
  const n = Math.hypot(...v) || 1;
  return v.map((x) => x / n);
}

const ROUTE = /^\/(v1beta|v1|v1alpha)\/models\/([^/:]+):(generateContent|streamGenerateContent|embedContent|batchEmbedContents)$/;

function candidate(text: string, finish: boolean) {
  return {
    candidates: [{ content: { role: 'model', parts: [{ text }] }, index: 0, ...(finish ? { finishReason: 'STOP' } : {}) }],
    usageMetadata: { promptTokenCount: 1, candidatesTokenCount: 1, totalTokenCount: 2 },
    modelVersion: 'standin',
  };
}

function sendError(res: ServerResponse, status: number, message: string) {
  const statusName = status === 400 ? 'INVALID_ARGUMENT' : status === 404 ? 'NOT_FOUND' : status === 429 ? 'RESOURCE_EXHAUSTED' : 'INTERNAL';
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: { code: status, message, status: statusName } }));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startGeminiStandIn(opts: { apiKey?: string; script?: GeminiScript } = {}): Promise<GeminiStandIn> {
  const apiKey = opts.apiKey ?? 'standin-gemini-key';
  const calls: GeminiCall[] = [];
  const state: { script: GeminiScript } = { script: opts.script ?? {} };

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://standin');
      const m = ROUTE.exec(url.pathname);
      if (req.method !== 'POST' || !m) return sendError(res, 404, `no route for ${req.method} ${url.pathname}`);
      const key = (req.headers['x-goog-api-key'] as string | undefined) ?? url.searchParams.get('key') ?? undefined;
      const body = JSON.parse((await readBody(req)) || '{}') as GeminiRequestBody;
      const call: GeminiCall = { model: m[2] ?? '', method: m[3] as GeminiCall['method'], apiKey: key, body };
      calls.push(call);
      // Google answers a wrong key with 400 INVALID_ARGUMENT, not 401.
      if (key !== apiKey) return sendError(res, 400, 'API key not valid. Please pass a valid API key.');
      const script = state.script;

      if (call.method === 'generateContent') {
        const out = script.generate ? script.generate(call) : 'OK';
        if (typeof out !== 'string') return sendError(res, out.status, out.message);
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(JSON.stringify(candidate(out, true)));
      }
      if (call.method === 'streamGenerateContent') {
        if (url.searchParams.get('alt') !== 'sse') return sendError(res, 400, 'stand-in only streams with alt=sse');
        const out = script.stream ? script.stream(call) : ['OK'];
        if (!Array.isArray(out)) return sendError(res, out.status, out.message);
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
        for (const [i, delta] of out.entries()) {
          res.write(`data: ${JSON.stringify(candidate(delta, i === out.length - 1))}\r\n\r\n`);
          // Yield between events so a client sees them as separate network reads.
          await new Promise((r) => setImmediate(r));
        }
        return res.end();
      }
      const texts =
        call.method === 'batchEmbedContents'
          ? (body.requests ?? []).map((r) => (r.content?.parts ?? []).map((p) => p.text ?? '').join(' '))
          : [(body.content?.parts ?? []).map((p) => p.text ?? '').join(' ')];
      const vectors = script.embed ? script.embed(texts, call) : texts.map((t) => letterEmbedding(t));
      res.writeHead(200, { 'content-type': 'application/json' });
      if (call.method === 'embedContent') return res.end(JSON.stringify({ embedding: { values: vectors[0] ?? [] } }));
      return res.end(JSON.stringify({ embeddings: vectors.map((values) => ({ values })) }));
    } catch (err) {
      sendError(res, 500, (err as Error).message);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    calls,
    get script() {
      return state.script;
    },
    set script(s: GeminiScript) {
      state.script = s;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
