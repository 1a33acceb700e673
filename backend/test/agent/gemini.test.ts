import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GeminiIntentEngine } from '../../src/agent/intent/gemini.js';
import { createGeminiClient } from '../../src/agent/intent/geminiClient.js';
import { GeminiEmbedder } from '../../src/agent/memory/embedder.js';
import { GeminiDraftComposer } from '../../src/agent/reply/compose.js';
import { GeminiReplyWriter } from '../../src/agent/reply/gemini.js';
import { CURRENT_GEMINI_MODELS, type GeminiStandIn, promptText, startGeminiStandIn, systemText } from '../../standins/ai/geminiStandIn.js';
import { CASE_CONTACTS } from './intentCases.js';

/** The real @google/genai SDK against the local Gemini REST stand-in. */

let standIn: GeminiStandIn;
const now = new Date('2025-06-11T09:30:00-07:00');
const ctx = { now, timezone: 'America/Los_Angeles', history: [], contacts: CASE_CONTACTS };

beforeAll(async () => {
  // Test ids that think like no real model, so these tests see exactly the scripted text.
  standIn = await startGeminiStandIn({
    models: {
      ...CURRENT_GEMINI_MODELS,
      'gemini-test': { thinking: 'none', defaultThoughts: 0 },
      m: { thinking: 'none', defaultThoughts: 0 },
    },
  });
});
afterAll(async () => {
  await standIn.close();
});

const client = () => createGeminiClient({ apiKey: standIn.apiKey, baseUrl: standIn.url, attempts: 1 });

describe('Gemini intent engine', () => {
  it('parses valid structured output and sends date, zone, temperature 0 and the JSON schema', async () => {
    standIn.script = {
      generate: () =>
        JSON.stringify({
          tools: ['gmail'],
          action: 'reply',
          entities: { people: ['Dana'], emails: [], message: 'Thursday works' },
          needs_write: false, // wrong on purpose: recomputed from the action
        }),
    };
    const before = standIn.calls.length;
    const engine = new GeminiIntentEngine({ client: client(), model: 'gemini-test' });
    const got = await engine.analyze('reply to Dana that Thursday works', ctx);
    expect(got.engine).toBe('gemini');
    expect(got.fallback_reason).toBeUndefined();
    expect(got.action).toBe('reply');
    expect(got.needs_write).toBe(true);
    expect(got.entities.emails).toEqual(['dana@northwind.io']);
    const call = standIn.calls[before]!;
    expect(call.model).toBe('gemini-test');
    expect(call.method).toBe('generateContent');
    // The request is the last part; contacts (names from mail headers) come before it as data, never in the system instruction.
    const parts = call.body.contents?.[0]?.parts?.map((p) => p.text) ?? [];
    expect(parts.at(-1)).toBe('reply to Dana that Thursday works');
    expect(parts[0]).toMatch(/^DATA \(conversation so far and contacts\), JSON:\n\{"contacts":\[.*dana@northwind\.io.*\]\}\nEND DATA$/);
    expect(promptText(call)).toContain('reply to Dana that Thursday works');
    expect(systemText(call)).not.toContain('dana@northwind.io');
    expect(systemText(call)).toContain('2025-06-11T09:30:00-07:00');
    expect(systemText(call)).toContain('America/Los_Angeles');
    const gen = call.body.generationConfig as Record<string, unknown>;
    expect(gen.temperature).toBe(0);
    expect(gen.responseMimeType).toBe('application/json');
    expect((gen.responseSchema as { required: string[] }).required).toContain('tools');
  });

  it('falls back to the offline parser when the output does not match the schema', async () => {
    standIn.script = { generate: () => JSON.stringify({ tools: ['fax'], action: 'teleport', entities: {}, needs_write: 'yes' }) };
    const got = await new GeminiIntentEngine({ client: client(), model: 'gemini-test' }).analyze(
      'post to #deals that the NDA is signed',
      ctx,
    );
    expect(got.engine).toBe('offline');
    expect(got.fallback_reason).toMatch(/gemini output invalid/);
    expect(got.tools).toEqual(['slack']);
    expect(got.entities.channel).toBe('deals');
  });

  it('falls back on non-JSON text and on an API error', async () => {
    standIn.script = { generate: () => 'Sure! You want your calendar.' };
    const a = await new GeminiIntentEngine({ client: client(), model: 'm' }).analyze("what's on my calendar tomorrow", ctx);
    expect(a.engine).toBe('offline');
    expect(a.fallback_reason).toBe('gemini output is not JSON');
    expect(a.tools).toEqual(['calendar']);

    const wrongKey = createGeminiClient({ apiKey: 'wrong', baseUrl: standIn.url, attempts: 1 });
    const b = await new GeminiIntentEngine({ client: wrongKey, model: 'm' }).analyze("what's on my calendar tomorrow", ctx);
    expect(b.engine).toBe('offline');
    expect(b.fallback_reason).toMatch(/gemini request failed: .*API key not valid/);
  });
});

describe('Gemini reply streaming', () => {
  const input = {
    transcript: "what's on my calendar tomorrow",
    intent: { tools: ['calendar' as const], action: 'read' as const, entities: { people: [], emails: [] }, needs_write: false },
    context: { events: [{ title: 'Northwind NDA review', start: '2025-06-12T10:00:00-07:00' }] },
    memory: ['Dana prefers mornings'],
    timezone: 'America/Los_Angeles',
    now,
  };

  it('yields the SSE deltas in order and sends context and memory in the prompt', async () => {
    const deltas = ['Tomorrow you have ', 'one event: ', 'the Northwind NDA review ', 'at 10 AM.'];
    standIn.script = { stream: () => deltas };
    const before = standIn.calls.length;
    const got: string[] = [];
    for await (const d of new GeminiReplyWriter({ client: client(), model: 'm' }).stream(input)) got.push(d);
    expect(got).toEqual(deltas);
    const call = standIn.calls[before]!;
    expect(call.method).toBe('streamGenerateContent');
    expect(promptText(call)).toContain('Northwind NDA review');
    expect(promptText(call)).toContain('Dana prefers mornings');
  });

  it('answers with the offline templates when the model fails before any text', async () => {
    standIn.script = { stream: () => ({ status: 400, message: 'model not found' }) };
    const errors: string[] = [];
    let text = '';
    for await (const d of new GeminiReplyWriter({
      client: client(),
      model: 'm',
      onError: (e, phase) => errors.push(`${phase}:${e.message}`),
    }).stream(input))
      text += d;
    expect(text).toContain('Northwind NDA review at 10 AM');
    expect(errors[0]).toMatch(/^before_text:.*model not found/);
  });
});

describe('Gemini draft composer and embeddings', () => {
  it('uses the model’s email when valid and the offline one when not', async () => {
    const intent = {
      tools: ['gmail' as const],
      action: 'reply' as const,
      entities: { people: ['Dana'], emails: ['dana@northwind.io'], message: 'Thursday works' },
      needs_write: true,
    };
    standIn.script = {
      generate: () => JSON.stringify({ subject: 'Re: Northwind NDA', body: 'Hi Dana,\n\nThursday works for me.\n\nAlex' }),
    };
    const composer = new GeminiDraftComposer({ client: client(), model: 'm' });
    expect(await composer.compose('email', { intent, transcript: 'reply to Dana that Thursday works' })).toEqual({
      kind: 'email',
      subject: 'Re: Northwind NDA',
      body: 'Hi Dana,\n\nThursday works for me.\n\nAlex',
    });
    standIn.script = { generate: () => JSON.stringify({ subject: '' }) };
    const fallback = await composer.compose('email', {
      intent,
      transcript: 'x',
      senderName: 'Alex Rivera',
      thread: { subject: 'Northwind NDA', from: 'Dana Whitfield', snippet: '' },
    });
    expect(fallback).toEqual({ kind: 'email', subject: 'Re: Northwind NDA', body: 'Hi Dana,\n\nThursday works.\n\nBest,\nAlex' });
  });

  it('embeds a batch through :batchEmbedContents and normalises the vectors', async () => {
    standIn.script = { embed: (texts) => texts.map((t, i) => [t.length, i + 1, 0]) };
    const before = standIn.calls.length;
    const vectors = await new GeminiEmbedder(client(), 'gemini-embedding-001', 3).embed(['hello', 'hi']);
    expect(vectors).toHaveLength(2);
    expect(Math.hypot(...vectors[0]!)).toBeCloseTo(1, 6);
    expect(vectors[0]![0]! / vectors[0]![1]!).toBeCloseTo(5, 6);
    const call = standIn.calls[before]!;
    expect(call.method).toBe('batchEmbedContents');
    expect(call.body.requests?.[0]?.outputDimensionality).toBe(3);
  });
});
