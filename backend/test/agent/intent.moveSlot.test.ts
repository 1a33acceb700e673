import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HeadlessSession } from '../../standins/devtenant/signInHeadless.js';
import type { ServerFrame } from '../../src/protocol/index.js';
import type { VouchSystem } from '../../standins/system.js';
import { linkAccount, startTestSystem } from '../helpers/system.js';
import { TestClient } from '../helpers/wsClient.js';

/**
 * "Move my 1:1 with Sam" with no time said: the offline engine's move opens the time as the
 * conversation's question, and the next utterance fills it into the pending change (WS protocol,
 * sandbox calendar).
 */

let system: VouchSystem;
let alex: HeadlessSession;
let c: TestClient;

beforeAll(async () => {
  system = await startTestSystem({ cibaIntervalSeconds: 0.05 });
  alex = await system.login('alex');
  await linkAccount(system, alex, 'google');
  c = await TestClient.connect(system.wsUrl);
  expect(await c.auth(alex.access_token)).toMatchObject({ type: 'session_ready' });
});
afterAll(async () => {
  await c?.close();
  await system.stop();
});

let n = 0;
type DraftFrame = Extract<ServerFrame, { type: 'draft_ready' }>;

async function ask(text: string): Promise<{ answer: string; id: string; from: number }> {
  const id = `move-${++n}`;
  const from = c.frames.length;
  c.send({ type: 'transcript', id, text });
  await c.next('agent_done', (f) => f.request_id === id);
  const answer = c.frames
    .slice(from)
    .map((f) => (f.type === 'agent_stream' && f.request_id === id ? f.delta : ''))
    .join('');
  return { answer, id, from };
}

async function draftOf(id: string, from: number): Promise<DraftFrame> {
  const got = await Promise.race([
    c.next('draft_ready', (f) => f.request_id === id, from),
    c.next('error', (f) => f.request_id === id, from),
  ]);
  if (got.type === 'error') throw new Error(`${got.code}: ${got.message}`);
  return got;
}

describe('moving an event with no time said', () => {
  it('asks when it should move to, and the next answer fills the pending move', async () => {
    const first = await ask('move my 1:1 with Sam');
    expect(first.answer).toMatch(/^When should "1:1 with Sam" move to\?/);
    expect(c.frames.slice(first.from).some((f) => f.type === 'draft_ready')).toBe(false);

    const second = await ask('to tomorrow at 3pm');
    const draft = await draftOf(second.id, second.from);
    if (draft.kind !== 'event_move') throw new Error(`expected a move, got ${draft.kind}`);
    expect(draft.fields.title).toBe('1:1 with Sam');
    expect(draft.fields.start).toMatch(/T15:00:00/);
    c.send({ type: 'action_cancelled', draft_id: draft.draft_id });
  });

  it('an answer with no time asks again instead of moving anything', async () => {
    const first = await ask('reschedule my 1:1 with Sam');
    expect(first.answer).toMatch(/^When should "1:1 with Sam" move to\?/);
    const again = await ask('whenever works');
    expect(c.frames.slice(again.from).some((f) => f.type === 'draft_ready')).toBe(false);
    const third = await ask('friday at 10am');
    const draft = await draftOf(third.id, third.from);
    if (draft.kind !== 'event_move') throw new Error(`expected a move, got ${draft.kind}`);
    expect(draft.fields.start).toMatch(/T10:00:00/);
    c.send({ type: 'action_cancelled', draft_id: draft.draft_id });
  });
});
