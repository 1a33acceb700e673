import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GeminiIntentEngine } from '../../src/agent/intent/gemini.js';
import { createGeminiClient } from '../../src/agent/intent/geminiClient.js';
import { DEFAULT_GEMINI_MODEL } from '../../src/agent/intent/geminiModel.js';
import type { PendingIntent } from '../../src/agent/intent/schema.js';
import { SlotFillingEngine } from '../../src/agent/intent/slotFilling.js';
import { type GeminiStandIn, startGeminiStandIn, systemText } from '../../standins/ai/geminiStandIn.js';

/** The new entities and slot filling on the Gemini path, through the real SDK and the local stand-in. */

let standIn: GeminiStandIn;
const ctx = {
  now: new Date('2025-06-11T09:30:00-07:00'),
  timezone: 'America/Los_Angeles',
  history: [],
  contacts: [{ name: 'Dana Whitfield', email: 'dana@northwind.io' }],
};

beforeAll(async () => {
  standIn = await startGeminiStandIn();
});
afterAll(async () => {
  await standIn.close();
});

const engine = () =>
  new SlotFillingEngine(
    new GeminiIntentEngine({
      client: createGeminiClient({ apiKey: standIn.apiKey, baseUrl: standIn.url, attempts: 1 }),
      model: DEFAULT_GEMINI_MODEL,
    }),
  );

describe('Gemini intent with conversation entities', () => {
  it('asks for the new entities in its response schema and keeps them from valid output', async () => {
    standIn.script = {
      generate: () =>
        JSON.stringify({
          tools: ['calendar'],
          action: 'schedule',
          entities: {
            people: [],
            emails: [],
            operation: 'decline',
            time_range: { start: '2025-06-11T16:00:00-07:00', end: '2025-06-11T17:00:00-07:00' },
          },
          needs_write: true,
        }),
    };
    const before = standIn.calls.length;
    const got = await engine().analyze('decline the 4pm invite', ctx);
    expect(got.engine).toBe('gemini');
    expect(got.entities.operation).toBe('decline');
    const call = standIn.calls[before]!;
    const props = (
      call.body.generationConfig as { responseSchema: { properties: { entities: { properties: Record<string, { enum?: string[] }> } } } }
    ).responseSchema.properties.entities.properties;
    expect(props.operation?.enum).toEqual(['create', 'move', 'cancel', 'decline', 'accept']);
    expect(props.chat_scope?.enum).toEqual(['search', 'catch_up', 'dm']);
    expect(Object.keys(props)).toEqual(
      expect.arrayContaining(['reply_all', 'forward', 'save_as_draft', 'ordinal', 'organization', 'remember']),
    );
    expect(systemText(call)).toContain('operation move|cancel|decline|accept');
  });

  it('falls back to offline when Gemini invents an operation', async () => {
    standIn.script = {
      generate: () =>
        JSON.stringify({
          tools: ['calendar'],
          action: 'schedule',
          entities: { people: [], emails: [], operation: 'teleport' },
          needs_write: true,
        }),
    };
    const got = await engine().analyze('decline the 4pm invite', ctx);
    expect(got.engine).toBe('offline');
    expect(got.fallback_reason).toMatch(/entities\.operation/);
    expect(got.entities.operation).toBe('decline');
  });

  it('an answer to an open question fills the slot without a model call; a new request still reaches Gemini', async () => {
    const pending: PendingIntent = {
      tools: ['gmail'],
      action: 'send',
      entities: { people: ['Dana'], emails: ['dana@northwind.io'] },
      missing: 'message',
    };
    standIn.script = {
      generate: () => JSON.stringify({ tools: ['calendar'], action: 'read', entities: { people: [], emails: [] }, needs_write: false }),
    };
    const before = standIn.calls.length;
    const filled = await engine().analyze("tell her I'm in", { ...ctx, pending });
    expect(standIn.calls.length).toBe(before);
    expect(filled).toMatchObject({
      action: 'send',
      pending_outcome: 'filled',
      entities: { message: "I'm in", emails: ['dana@northwind.io'] },
    });

    const replaced = await engine().analyze("what's on my calendar tomorrow?", { ...ctx, pending });
    expect(standIn.calls.length).toBe(before + 1);
    expect(replaced).toMatchObject({ engine: 'gemini', tools: ['calendar'], action: 'read', pending_outcome: 'replaced' });
  });

  it('infers the open question from the history when no state was carried', async () => {
    const history = [
      { role: 'user' as const, text: 'email dana' },
      { role: 'assistant' as const, text: 'What should I say to Dana?' },
    ];
    const before = standIn.calls.length;
    const got = await engine().analyze("tell her I'm in", { ...ctx, history });
    expect(standIn.calls.length).toBe(before);
    expect(got).toMatchObject({
      engine: 'offline',
      action: 'send',
      pending_outcome: 'filled',
      entities: { message: "I'm in", emails: ['dana@northwind.io'] },
    });
  });
});
