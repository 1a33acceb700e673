import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local HTTP server that speaks the Gemini REST shapes `@google/genai` uses
 * (`POST /v1beta/models/{model}:generateContent`, `:streamGenerateContent?alt=sse`, `:embedContent`,
 * `:batchEmbedContents`), answering from a script. Tests point the real SDK at it so the SDK's own
 * request building, SSE parsing and response mapping run; the embedded demo can use it too.
 *
 * As strict as the real API where clients go wrong: an unknown or retired model id gets 404 NOT_FOUND
 * with Google's body; `generationConfig` is honoured (thinking tokens count against
 * `maxOutputTokens`, which cuts the text and reports MAX_TOKENS); a request carrying both
 * `thinkingBudget` and `thinkingLevel`, a level on a budget-only model, or budget 0 on a model that
 * cannot stop thinking gets 400 INVALID_ARGUMENT; every answer carries `usageMetadata`. Tokens are
 * counted as words, which is all a test needs.
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
  /**
   * Text deltas, one SSE event each, for `streamGenerateContent`. An async iterable is sent as it
   * yields (a test controls the pace), followed by a closing event with the finish reason.
   */
  stream?: (call: GeminiCall) => string[] | ScriptedError | AsyncIterable<string>;
  /** One vector per input text. */
  embed?: (texts: string[], call: GeminiCall) => number[][];
}

/** How a model thinks, as far as a request can tell. */
export interface StandInModel {
  /** `budget`: 2.5-style `thinkingBudget`; `level`: 3-series `thinkingLevel` (a budget is also accepted). */
  thinking: 'budget' | 'level' | 'none';
  /** Thinking tokens spent when the request does not limit them. */
  defaultThoughts: number;
  /** Whether `thinkingBudget: 0` is allowed (2.5 Pro refuses it). */
  canStopThinking?: boolean;
  /** Levels the model accepts. */
  levels?: Array<'MINIMAL' | 'LOW' | 'MEDIUM' | 'HIGH'>;
}

const LEVEL_THOUGHTS = { MINIMAL: 0, LOW: 16 } as const;

/**
 * Ids the Gemini API answers today (2026-11), by what they accept. Retired ids (gemini-2.5-flash,
 * gemini-2.5-pro, gemini-2.0-flash, …) are absent on purpose: they get 404 as at Google.
 */
export const CURRENT_GEMINI_MODELS: Record<string, StandInModel> = {
  'gemini-3.8-flash': { thinking: 'level', defaultThoughts: 600, levels: ['LOW', 'MEDIUM', 'HIGH'] },
  'gemini-3.7-flash': { thinking: 'level', defaultThoughts: 600, levels: ['LOW', 'MEDIUM', 'HIGH'] },
  'gemini-3.6-flash': { thinking: 'level', defaultThoughts: 600, levels: ['LOW', 'MEDIUM', 'HIGH'] },
  'gemini-3.5-flash-lite': { thinking: 'level', defaultThoughts: 0, levels: ['MINIMAL', 'LOW', 'MEDIUM', 'HIGH'] },
  'gemini-3.1-pro-preview': { thinking: 'level', defaultThoughts: 1000, levels: ['LOW', 'MEDIUM', 'HIGH'] },
  'gemini-2.5-flash-lite': { thinking: 'budget', defaultThoughts: 0, canStopThinking: true },
  'gemini-embedding-001': { thinking: 'none', defaultThoughts: 0 },
};

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

interface Usage {
  promptTokenCount: number;
  candidatesTokenCount: number;
  thoughtsTokenCount?: number;
  totalTokenCount: number;
}

function candidate(text: string, finishReason: string | undefined, usage: Usage, model: string) {
  return {
    candidates: [{ content: { role: 'model', parts: text ? [{ text }] : [] }, index: 0, ...(finishReason ? { finishReason } : {}) }],
    usageMetadata: usage,
    modelVersion: model,
  };
}

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** Thinking tokens this request spends, or the 400 the real API gives for its thinking settings. */
function thoughtsFor(model: StandInModel, gen: Record<string, unknown>): number | ScriptedError {
  const cfg = (gen.thinkingConfig ?? {}) as { thinkingBudget?: number; thinkingLevel?: string };
  const hasBudget = cfg.thinkingBudget !== undefined;
  const hasLevel = cfg.thinkingLevel !== undefined;
  if (hasBudget && hasLevel) return { status: 400, message: 'You can only set one of thinking budget and thinking level.' };
  if (model.thinking === 'none') return 0;
  if (hasLevel) {
    if (model.thinking !== 'level') return { status: 400, message: 'Thinking level is not supported for this model.' };
    const level = cfg.thinkingLevel as keyof typeof LEVEL_THOUGHTS | 'MEDIUM' | 'HIGH';
    if (!model.levels?.includes(level))
      return { status: 400, message: `Thinking level ${cfg.thinkingLevel} is not supported for this model.` };
    return level === 'MINIMAL' || level === 'LOW' ? Math.min(LEVEL_THOUGHTS[level], model.defaultThoughts) : model.defaultThoughts;
  }
  if (hasBudget) {
    const b = cfg.thinkingBudget ?? -1;
    if (b === 0 && model.thinking === 'budget' && !model.canStopThinking)
      return { status: 400, message: 'Budget 0 is invalid. This model only works in thinking mode.' };
    return b < 0 ? model.defaultThoughts : Math.min(b, model.defaultThoughts);
  }
  return model.defaultThoughts;
}

/** The text the token limit leaves after thinking, the finish reason and the usage. */
class OutputBudget {
  private used = 0;
  private cut = false;
  constructor(
    private readonly prompt: number,
    private readonly thoughts: number,
    private readonly max: number | undefined,
  ) {}
  take(text: string): string {
    if (this.cut) return '';
    if (this.max === undefined) {
      this.used += words(text);
      return text;
    }
    const room = Math.max(0, this.max - this.thoughts - this.used);
    const ws = text.match(/\S+\s*/g) ?? [];
    if (ws.length <= room) {
      this.used += ws.length;
      return text;
    }
    this.cut = true;
    this.used += room;
    return ws.slice(0, room).join('');
  }
  get finishReason(): string {
    return this.cut || (this.max !== undefined && this.thoughts >= this.max) ? 'MAX_TOKENS' : 'STOP';
  }
  get usage(): Usage {
    return {
      promptTokenCount: this.prompt,
      candidatesTokenCount: this.used,
      ...(this.thoughts ? { thoughtsTokenCount: this.thoughts } : {}),
      totalTokenCount: this.prompt + this.used + this.thoughts,
    };
  }
}

function modelNotFound(res: ServerResponse, model: string, method: string, version: string) {
  sendError(
    res,
    404,
    `models/${model} is not found for API version ${version}, or is not supported for ${method}. Call ListModels to see the list of available models and their supported methods.`,
  );
}

function sendError(res: ServerResponse, status: number, message: string) {
  const statusName =
    status === 400 ? 'INVALID_ARGUMENT' : status === 404 ? 'NOT_FOUND' : status === 429 ? 'RESOURCE_EXHAUSTED' : 'INTERNAL';
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: { code: status, message, status: statusName } }));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startGeminiStandIn(
  opts: { apiKey?: string; script?: GeminiScript; models?: Record<string, StandInModel> } = {},
): Promise<GeminiStandIn> {
  const apiKey = opts.apiKey ?? 'standin-gemini-key';
  const models = opts.models ?? CURRENT_GEMINI_MODELS;
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
      const model = models[call.model];
      if (!model) return modelNotFound(res, call.model, call.method, m[1] ?? 'v1beta');

      if (call.method === 'generateContent' || call.method === 'streamGenerateContent') {
        const gen = body.generationConfig ?? {};
        const thoughts = thoughtsFor(model, gen);
        if (typeof thoughts !== 'number') return sendError(res, thoughts.status, thoughts.message);
        const max = typeof gen.maxOutputTokens === 'number' ? gen.maxOutputTokens : undefined;
        const budget = new OutputBudget(words(promptText(call)) + words(systemText(call)), thoughts, max);
        if (call.method === 'generateContent') {
          const out = script.generate ? script.generate(call) : 'OK';
          if (typeof out !== 'string') return sendError(res, out.status, out.message);
          const text = budget.take(out);
          res.writeHead(200, { 'content-type': 'application/json' });
          return res.end(JSON.stringify(candidate(text, budget.finishReason, budget.usage, call.model)));
        }
        if (url.searchParams.get('alt') !== 'sse') return sendError(res, 400, 'stand-in only streams with alt=sse');
        const out = script.stream ? script.stream(call) : ['OK'];
        if (!Array.isArray(out) && !(Symbol.asyncIterator in out)) return sendError(res, out.status, out.message);
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
        const event = (text: string, finish: boolean) =>
          res.write(`data: ${JSON.stringify(candidate(text, finish ? budget.finishReason : undefined, budget.usage, call.model))}\r\n\r\n`);
        if (Array.isArray(out)) {
          for (const [i, delta] of out.entries()) {
            event(budget.take(delta), i === out.length - 1);
            // Yield between events so a client sees them as separate network reads.
            await new Promise((r) => setImmediate(r));
          }
          if (out.length === 0) event('', true);
        } else {
          for await (const delta of out) {
            if (res.destroyed) break;
            event(budget.take(delta), false);
          }
          if (!res.destroyed) event('', true);
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
