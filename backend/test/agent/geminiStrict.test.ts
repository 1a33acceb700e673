import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackendEnv } from '../../src/config.js';
import { GeminiIntentEngine } from '../../src/agent/intent/gemini.js';
import { createGeminiClient } from '../../src/agent/intent/geminiClient.js';
import { DEFAULT_GEMINI_MODEL, leastThinking } from '../../src/agent/intent/geminiModel.js';
import { GeminiReplyWriter } from '../../src/agent/reply/gemini.js';
import type { WatchdogTimers } from '../../src/agent/reply/streamWatchdog.js';
import { type GeminiStandIn, startGeminiStandIn } from '../../standins/ai/geminiStandIn.js';
import { CASE_CONTACTS } from './intentCases.js';

/**
 * The Gemini client against a stand-in as strict as the real API: retired ids are 404, thinking
 * tokens count against maxOutputTokens, both thinking settings at once are refused, and a stream is
 * judged by its gaps, not its length.
 */

let standIn: GeminiStandIn;
const now = new Date('2025-06-11T09:30:00-07:00');
const ctx = { now, timezone: 'America/Los_Angeles', history: [], contacts: CASE_CONTACTS };
const input = {
  transcript: "what's on my calendar tomorrow",
  intent: { tools: ['calendar' as const], action: 'read' as const, entities: { people: [], emails: [] }, needs_write: false },
  context: { events: [{ title: 'Northwind NDA review', start: '2025-06-12T10:00:00-07:00' }] },
  memory: [],
  timezone: 'America/Los_Angeles',
  now,
};

beforeAll(async () => {
  standIn = await startGeminiStandIn();
});
afterAll(async () => {
  await standIn.close();
});

const client = (timeoutMs?: number) =>
  createGeminiClient({ apiKey: standIn.apiKey, baseUrl: standIn.url, attempts: 1, ...(timeoutMs ? { timeoutMs } : {}) });

async function collect(writer: GeminiReplyWriter): Promise<string[]> {
  const out: string[] = [];
  for await (const d of writer.stream(input)) out.push(d);
  return out;
}

/** Timers a test fires by hand. */
function manualTimers() {
  const pending = new Map<number, { fn: () => void; ms: number }>();
  let next = 0;
  const timers: WatchdogTimers = {
    setTimeout: (fn, ms) => {
      pending.set(++next, { fn, ms });
      return next;
    },
    clearTimeout: (h) => void pending.delete(h as number),
  };
  return {
    timers,
    pending: () => [...pending.values()],
    fire: () => {
      const all = [...pending.values()];
      pending.clear();
      for (const t of all) t.fn();
    },
  };
}

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { open, opened };
}

describe('Gemini model id', () => {
  it('defaults to a current model the API answers', async () => {
    expect(BackendEnv.parse({ AUTH0_ISSUER_BASE_URL: 'https://t.example/', AUTH0_AUDIENCE: 'a' }).GEMINI_MODEL).toBe(DEFAULT_GEMINI_MODEL);
    standIn.script = {
      generate: () => JSON.stringify({ tools: ['calendar'], action: 'read', entities: { people: [], emails: [] }, needs_write: false }),
    };
    const got = await new GeminiIntentEngine({ client: client(), model: DEFAULT_GEMINI_MODEL }).analyze(
      "what's on my calendar tomorrow",
      ctx,
    );
    expect(got.engine).toBe('gemini');
  });

  it('a retired id is a 404 NOT_FOUND, reported as "model not found", not as a generic failure', async () => {
    const res = await fetch(`${standIn.url}/v1beta/models/gemini-2.5-flash:generateContent`, {
      method: 'POST',
      headers: { 'x-goog-api-key': standIn.apiKey, 'content-type': 'application/json' },
      body: JSON.stringify({ contents: [{ role: 'user', parts: [{ text: 'hi' }] }] }),
    });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { status: string; code: number } }).error).toMatchObject({ code: 404, status: 'NOT_FOUND' });

    const reasons: string[] = [];
    const got = await new GeminiIntentEngine({ client: client(), model: 'gemini-2.5-flash', onFallback: (r) => reasons.push(r) }).analyze(
      "what's on my calendar tomorrow",
      ctx,
    );
    expect(got.engine).toBe('offline');
    expect(got.fallback_reason).toMatch(/^gemini model not found: "gemini-2\.5-flash"/);
    expect(reasons).toEqual([got.fallback_reason]);

    const errors: string[] = [];
    const text = (
      await collect(
        new GeminiReplyWriter({ client: client(), model: 'gemini-2.5-flash', onError: (e, phase) => errors.push(`${phase}:${e.message}`) }),
      )
    ).join('');
    expect(text).toContain('Northwind NDA review');
    expect(errors).toEqual([expect.stringMatching(/^before_text:gemini model not found/)]);
  });
});

describe('Gemini thinking', () => {
  const long = 'Tomorrow you have the Northwind NDA review at 10 AM. ';

  it('asks for the least thinking each family supports, never both settings', () => {
    expect(leastThinking('gemini-2.5-flash-lite')).toEqual({ thinkingBudget: 0 });
    expect(leastThinking('gemini-2.5-pro')).toEqual({ thinkingBudget: 128 });
    expect(leastThinking('gemini-3.8-flash')).toEqual({ thinkingLevel: 'LOW' });
    expect(leastThinking('gemini-3.5-flash-lite')).toEqual({ thinkingLevel: 'MINIMAL' });
    expect(leastThinking('gemini-embedding-001')).toBeUndefined();
  });

  it('the stand-in spends default thinking against maxOutputTokens and refuses both settings at once', async () => {
    const ai = client();
    standIn.script = { generate: () => long };
    const thinking = await ai.models.generateContent({ model: 'gemini-3.8-flash', contents: 'hi', config: { maxOutputTokens: 400 } });
    expect(thinking.text).toBeUndefined();
    expect(thinking.candidates?.[0]?.finishReason).toBe('MAX_TOKENS');
    expect(thinking.usageMetadata?.thoughtsTokenCount).toBeGreaterThanOrEqual(400);
    await expect(
      ai.models.generateContent({
        model: 'gemini-3.8-flash',
        contents: 'hi',
        config: { thinkingConfig: { thinkingBudget: 0, thinkingLevel: 'LOW' as never } },
      }),
    ).rejects.toMatchObject({ status: 400 });
  });

  it('a spoken reply on a thinking model comes back whole, with the lowest level and usage reported', async () => {
    for (const model of ['gemini-3.8-flash', 'gemini-2.5-flash-lite']) {
      standIn.script = { stream: () => [long] };
      const before = standIn.calls.length;
      const errors: string[] = [];
      const got = await collect(new GeminiReplyWriter({ client: client(), model, onError: (e) => errors.push(e.message) }));
      expect(got).toEqual([long]);
      expect(errors).toEqual([]);
      const gen = standIn.calls[before]!.body.generationConfig as { thinkingConfig: Record<string, unknown>; maxOutputTokens: number };
      expect(gen.maxOutputTokens).toBe(400);
      expect(gen.thinkingConfig).toEqual(leastThinking(model));
    }
  });

  it('reports an answer cut at the token limit instead of passing it off as complete', async () => {
    standIn.script = { stream: () => [long.repeat(60)] };
    const errors: string[] = [];
    const got = await collect(
      new GeminiReplyWriter({ client: client(), model: 'gemini-3.8-flash', onError: (e, phase) => errors.push(`${phase}:${e.message}`) }),
    );
    expect(got.join('').length).toBeGreaterThan(0);
    expect(got.join('').length).toBeLessThan(long.repeat(60).length);
    expect(errors).toEqual([expect.stringMatching(/^mid_stream:.*MAX_TOKENS/)]);
  });
});

describe('Gemini stream deadlines', () => {
  it('a slow but steady answer is not cut by the client-wide request timeout', async () => {
    const deltas = ['Tomorrow you have ', 'one event: ', 'the NDA review.'];
    standIn.script = {
      stream: () =>
        (async function* () {
          for (const d of deltas) {
            yield d;
            // Each gap is far longer than the 5 ms request timeout below, yet the stream is healthy.
            await new Promise((r) => setTimeout(r, 30));
          }
        })(),
    };
    const errors: string[] = [];
    const got = await collect(
      new GeminiReplyWriter({ client: client(5), model: 'gemini-3.8-flash', onError: (e) => errors.push(e.message) }),
    );
    expect(errors).toEqual([]);
    expect(got).toEqual(deltas);
  });

  it('a stream that stalls after its first chunk is ended by the idle deadline', async () => {
    const stall = gate();
    standIn.script = {
      stream: () =>
        (async function* () {
          yield 'Tomorrow you have ';
          await stall.opened;
        })(),
    };
    const clock = manualTimers();
    const errors: string[] = [];
    const writer = new GeminiReplyWriter({
      client: client(),
      model: 'gemini-3.8-flash',
      idleTimeoutMs: 2000,
      timers: clock.timers,
      onError: (e, phase) => errors.push(`${phase}:${e.message}`),
    });
    const got: string[] = [];
    try {
      for await (const d of writer.stream(input)) {
        got.push(d);
        expect(clock.pending().map((t) => t.ms)).toEqual([2000]);
        clock.fire();
      }
    } finally {
      stall.open();
    }
    expect(got).toEqual(['Tomorrow you have ']);
    expect(errors).toEqual([expect.stringMatching(/^mid_stream:.*stalled for 2000 ms/)]);
  });

  it('no first chunk in time falls back to the offline answer', async () => {
    const stall = gate();
    const started = gate();
    standIn.script = {
      stream: () =>
        (async function* () {
          started.open();
          await stall.opened;
          yield 'too late';
        })(),
    };
    const clock = manualTimers();
    const errors: string[] = [];
    const writer = new GeminiReplyWriter({
      client: client(),
      model: 'gemini-3.8-flash',
      firstChunkTimeoutMs: 3000,
      timers: clock.timers,
      onError: (e, phase) => errors.push(`${phase}:${e.message}`),
    });
    void started.opened.then(() => {
      expect(clock.pending().map((t) => t.ms)).toEqual([3000]);
      clock.fire();
    });
    try {
      const text = (await collect(writer)).join('');
      expect(text).toContain('Northwind NDA review');
    } finally {
      stall.open();
    }
    expect(errors).toEqual([expect.stringMatching(/^before_text:.*no answer within 3000 ms/)]);
  });
});
