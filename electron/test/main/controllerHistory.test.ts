/**
 * The controller keeps the conversation the popover shows (issue 13, History): typed and spoken
 * requests, finished replies and outcome lines go to the person's sealed history and out as
 * `history_item` events; `listHistory` brings them back after a reload or a restart; sign-out and
 * "Clear history" delete them; a keystore that cannot protect them is said once.
 */
import { describe, expect, it } from 'vitest';
import type { ServerFrame } from '../../../backend/src/protocol/index.js';
import type { AuthState, BridgeEvent } from '../../src/bridge/contract.js';
import { AppController } from '../../src/app/controller.js';
import { ConversationHistory, historyKey } from '../../src/app/history/conversationHistory.js';
import { keystoreHistoryCipher } from '../../src/app/history/keystoreCipher.js';
import type { AuthSession } from '../../src/auth/session.js';
import { TokenStore } from '../../src/auth/tokenStore.js';
import type { LinkClient } from '../../src/link/linkClient.js';
import { MemoryKv, StandInSafeStorage } from './helpers/standIns.js';
import { ManualTimers } from './helpers/timers.js';

const ALEX = 'auth0|alex';

function world(kv = new MemoryKv(), safe = new StandInSafeStorage(), duringSignOut: (c: AppController) => void = () => {}) {
  const events: BridgeEvent[] = [];
  let state: AuthState = { signedIn: true, user: { sub: ALEX } };
  const session = {
    get state() {
      return state;
    },
    onChange: () => () => {},
    restore: async () => false,
    signOut: async () => {
      duringSignOut(controller);
      state = { signedIn: false };
    },
  } as unknown as AuthSession;
  const link = {
    send() {},
    start() {},
    logout: async () => true,
  } as unknown as LinkClient;
  const history = new ConversationHistory({ kv, cipher: keystoreHistoryCipher(safe, new TokenStore(safe, new MemoryKv(), 'linux')) });
  let n = 0;
  const controller = new AppController({
    session,
    link,
    history,
    connect: async () => {},
    getAudit: async () => ({ entries: [], verified: { ok: true, count: 0 } }),
    emit: (e) => events.push(e),
    newId: () => `t-${++n}`,
    timers: new ManualTimers(),
  });
  return { controller, events, kv, safe, history };
}

const frames: ServerFrame[] = [
  { type: 'agent_stream', request_id: 't-1', delta: 'Drafted an email ' },
  { type: 'agent_stream', request_id: 't-1', delta: 'to Dana.' },
  { type: 'agent_done', request_id: 't-1' },
  {
    type: 'draft_ready',
    draft_id: 'd-1',
    request_id: 't-1',
    kind: 'email',
    fields: { to: ['dana@example.com'], cc: [], subject: 'Lunch', body: 'Secret body text' },
  } as ServerFrame,
  { type: 'action_result', draft_id: 'd-1', kind: 'email', status: 'sent' },
];

describe('the conversation history in the controller', () => {
  it('keeps what the popover showed, and lists it again after a restart', async () => {
    const { controller, events, kv, safe } = world();
    expect(controller.handlers.sendTranscript('email dana about lunch')).toEqual({ id: 't-1' });
    controller.onFrame(frames[0]!);
    controller.onFrame(frames[1]!);
    // Half a reply is never kept.
    expect((await controller.handlers.listHistory()).items.map((i) => i.role)).toEqual(['user']);
    for (const f of frames.slice(2)) controller.onFrame(f);
    controller.handlers.confirmDraft('d-1');
    const listed = await controller.handlers.listHistory();
    const lines = listed.items.map((i) => [i.role, i.text]);
    expect(lines).toEqual([
      ['user', 'email dana about lunch'],
      ['assistant', 'Drafted an email to Dana.'],
      ['outcome', 'Sent to dana@example.com'],
    ]);
    expect(listed.notice).toBeUndefined();
    expect(listed.sessionOnly).toBeUndefined();
    // The popover gets the outcome line live; the words and the reply it shows from their own events.
    expect(events.filter((e) => e.type === 'history_item').map((e) => e.type === 'history_item' && e.item.text)).toEqual([
      'Sent to dana@example.com',
    ]);
    expect(kv.dump()).not.toContain('Secret body text');
    expect(kv.dump()).not.toContain('dana');

    // The app restarts: a new controller over the same file and keystore.
    const again = world(kv, safe);
    expect((await again.controller.handlers.listHistory()).items.map((i) => [i.role, i.text])).toEqual(lines);
  });

  it('clears on request, and on sign-out (the next person must not see it)', async () => {
    // A reply that lands while signing out goes with the rest.
    const { controller, kv, history } = world(new MemoryKv(), new StandInSafeStorage(), (c) => {
      c.onFrame({ type: 'agent_stream', request_id: 't-2', delta: 'late reply' });
      c.onFrame({ type: 'agent_done', request_id: 't-2' });
    });
    controller.handlers.sendTranscript('first');
    await controller.handlers.clearHistory();
    expect((await controller.handlers.listHistory()).items).toEqual([]);
    controller.handlers.sendTranscript('second');
    expect((await controller.handlers.listHistory()).items).toHaveLength(1);
    expect(kv.get(historyKey(ALEX))).toBeDefined();
    await controller.handlers.signOut();
    // Whatever was still being written has settled.
    expect((await history.list(ALEX)).items).toEqual([]);
    expect(kv.get(historyKey(ALEX))).toBeUndefined();
    await expect(Promise.resolve().then(() => controller.handlers.listHistory())).rejects.toMatchObject({ code: 'NOT_SIGNED_IN' });
  });

  it('says once per run that a keyring-less computer keeps the conversation for this run only', async () => {
    const { controller, kv } = world(new MemoryKv(), new StandInSafeStorage(true, 'basic_text'));
    controller.handlers.sendTranscript('hello');
    const first = await controller.handlers.listHistory();
    expect(first.items.map((i) => i.text)).toEqual(['hello']);
    expect(first.notice).toMatch(/kept only until Vouch quits/);
    expect(first.sessionOnly).toBe(true);
    expect(await controller.handlers.listHistory()).toEqual({ items: first.items, sessionOnly: true });
    expect(kv.data.size).toBe(0);
  });
});
