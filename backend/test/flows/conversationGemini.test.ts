import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HeadlessSession } from '../../standins/devtenant/signInHeadless.js';
import type { ServerFrame } from '../../src/protocol/index.js';
import type { VouchSystem } from '../../standins/system.js';
import {
  CURRENT_GEMINI_MODELS,
  type GeminiCall,
  type GeminiStandIn,
  promptText,
  startGeminiStandIn,
  systemText,
} from '../../standins/ai/geminiStandIn.js';
import { linkAccount, startTestSystem } from '../helpers/system.js';
import { TestClient } from '../helpers/wsClient.js';

/**
 * The Gemini path through the same plumbing as the offline engine (issue 13 items 1, 2 and 4), with
 * the real SDK against Gemini's stand-in: the model's intent reaches the same Slack search, an open
 * question is filled by the next utterance without asking the model again, and an event change is an
 * editable draft confirmed through the policy.
 */

const MODEL = 'gemini-3.5-flash-lite';
/** What the scripted model understands each request as (the stand-in answers from this table). */
const INTENTS: Record<string, object> = {
  'catch me up on slack': {
    tools: ['slack'],
    action: 'read',
    entities: { people: [], emails: [], chat_scope: 'catch_up' },
    needs_write: false,
  },
  'reply to dana': { tools: ['gmail'], action: 'reply', entities: { people: ['Dana'], emails: [] }, needs_write: true },
  'remember that my manager is dana': {
    tools: [],
    action: 'unknown',
    entities: { people: [], emails: [], remember: 'my manager is Dana' },
    needs_write: false,
  },
  'forget that my manager is dana': {
    tools: [],
    action: 'unknown',
    entities: { people: [], emails: [], forget: 'my manager is Dana' },
    needs_write: false,
  },
  'reschedule the board deck prep': {
    tools: ['calendar'],
    action: 'schedule',
    entities: { people: [], emails: [], operation: 'move', subject: 'Board deck prep' },
    needs_write: true,
  },
};

let standIn: GeminiStandIn;
let system: VouchSystem;
let alex: HeadlessSession;
let c: TestClient;
const intentCalls: string[] = [];
const replyPrompts: string[] = [];
const replyRules: string[] = [];

const isIntentCall = (call: GeminiCall) =>
  call.method === 'generateContent' && JSON.stringify(call.body.generationConfig ?? {}).includes('needs_write');
const lastPart = (call: GeminiCall) => call.body.contents?.at(-1)?.parts?.at(-1)?.text ?? '';

beforeAll(async () => {
  standIn = await startGeminiStandIn({ models: CURRENT_GEMINI_MODELS });
  standIn.script = {
    generate: (call) => {
      if (isIntentCall(call)) {
        const said = lastPart(call).trim().toLowerCase();
        intentCalls.push(said);
        return JSON.stringify(INTENTS[said] ?? { tools: [], action: 'unknown', entities: { people: [], emails: [] }, needs_write: false });
      }
      // The draft composer: say what the intent's message says.
      const message = /"message":"([^"]*)"/.exec(promptText(call))?.[1] ?? 'Thanks';
      return JSON.stringify({ subject: 'Re: Northwind NDA: our redlines', body: `Hi Dana,\n\n${message}\n\nAlex` });
    },
    // The reply model quotes what it was given (a real one would phrase it), so the test sees the grounding.
    stream: (call) => {
      const prompt = promptText(call);
      replyPrompts.push(prompt);
      replyRules.push(systemText(call));
      return [
        prompt.includes('Board meeting moved to next Tuesday') ? 'Priya said the board meeting moved to next Tuesday.' : 'I found nothing.',
      ];
    },
  };
  system = await startTestSystem({
    cibaIntervalSeconds: 0.05,
    env: { GEMINI_API_KEY: standIn.apiKey, GEMINI_BASE_URL: standIn.url, GEMINI_MODEL: MODEL },
  });
  alex = await system.login('alex');
  await linkAccount(system, alex, 'google');
  await linkAccount(system, alex, 'slack');
  c = await TestClient.connect(system.wsUrl);
  await c.auth(alex.access_token);
});
afterAll(async () => {
  await c?.close();
  await system?.stop();
  await standIn?.close();
});

let n = 0;
async function ask(text: string): Promise<{ answer: string; id: string; from: number }> {
  const id = `gem-${++n}`;
  const from = c.frames.length;
  c.send({ type: 'transcript', id, text });
  await c.next('agent_done', (f) => f.request_id === id);
  const answer = c.frames
    .slice(from)
    .map((f) => (f.type === 'agent_stream' && f.request_id === id ? f.delta : ''))
    .join('');
  return { answer, id, from };
}
async function askDraft(text: string): Promise<{ answer: string; draft: Extract<ServerFrame, { type: 'draft_ready' }> }> {
  const { answer, id, from } = await ask(text);
  if (/^(?:Which|When|What|Who)\b/.test(answer)) throw new Error(`asked instead of drafting: ${answer}`);
  return { answer, draft: await c.next('draft_ready', (f) => f.request_id === id, from) };
}

describe('the Gemini path through the same plumbing (stand-in)', () => {
  it('"catch me up on Slack": the model’s intent runs one Slack search and the reply is given its results and what was searched', async () => {
    const { answer } = await ask('catch me up on Slack');
    expect(answer).toBe('Priya said the board meeting moved to next Tuesday.');
    const prompt = replyPrompts.at(-1) ?? '';
    expect(prompt).toContain('"searched":"after:');
    expect(prompt).toContain('Board meeting moved to next Tuesday');
    // The model is told to name the search and never to answer "nothing new" without one.
    expect(replyRules.at(-1)).toMatch(/slack\.searched.*rather than "nothing new"/);
  });

  it('an open question is filled by the next utterance without asking the model again', async () => {
    const first = await ask('reply to Dana');
    expect(first.answer).toMatch(/\?$/);
    const before = intentCalls.length;
    const { draft } = await askDraft('tell her Thursday at 11 works');
    expect(intentCalls.length).toBe(before);
    if (draft.kind !== 'email') throw new Error('expected an email');
    expect(draft.fields.to).toEqual(['dana@northwind.io']);
    expect(draft.fields.body).toMatch(/Thursday at 11 works/);
    c.send({ type: 'action_cancelled', draft_id: draft.draft_id });
  });

  it('"reschedule the board deck prep" → "4pm" is a move draft, confirmed through the policy', async () => {
    const first = await ask('reschedule the board deck prep');
    expect(first.answer).toMatch(/When should .*Board deck prep.* move to\?/);
    const { draft } = await askDraft('4pm');
    expect(draft.kind).toBe('event_move');
    c.send({ type: 'action_confirmed', draft_id: draft.draft_id });
    expect(await c.next('action_result', (f) => f.draft_id === draft.draft_id)).toMatchObject({ status: 'moved' });
  });

  it('"remember that …" and "forget that …" from the model’s intent keep and drop the note, said in plain words', async () => {
    expect((await ask('remember that my manager is Dana')).answer).toBe('Got it. I’ll remember that your manager is Dana.');
    const memory = system.backend.services.memory!;
    expect((await memory.list('auth0|alex')).map((m) => m.text)).toContain('Remember: my manager is Dana');
    expect((await ask('forget that my manager is Dana')).answer).toBe('Done. I’ve forgotten that your manager is Dana.');
    expect((await memory.list('auth0|alex')).map((m) => m.text)).not.toContain('Remember: my manager is Dana');
  });
});
