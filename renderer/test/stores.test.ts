import { beforeEach, describe, expect, it } from 'vitest';
import { routeEvent } from '../src/stores/dispatch.js';
import { useApprovals } from '../src/stores/approvals.js';
import { deriveStatus, useConversation } from '../src/stores/conversation.js';
import { useDrafts } from '../src/stores/drafts.js';
import { useSession } from '../src/stores/session.js';
import { approval, emailDraft, google } from './fixtures.js';
import { resetStores } from './resetStores.js';
import type { ServerFrame } from '../../backend/src/protocol/index.js';

const frame = (f: ServerFrame) => routeEvent({ type: 'frame', frame: f });

beforeEach(resetStores);

describe('conversation store', () => {
  it('appends streamed deltas to one reply and marks it done', () => {
    routeEvent({ type: 'transcript', id: 't-1', text: "what's on my calendar tomorrow" });
    frame({ type: 'agent_stream', request_id: 't-1', delta: 'You have ' });
    frame({ type: 'agent_stream', request_id: 't-1', delta: 'two meetings.' });
    let s = useConversation.getState();
    expect(s.turns.map((t) => [t.role, t.text, t.done])).toEqual([
      ['user', "what's on my calendar tomorrow", true],
      ['assistant', 'You have two meetings.', false],
    ]);
    expect(s.pending).toEqual(['t-1']);
    frame({ type: 'agent_done', request_id: 't-1' });
    s = useConversation.getState();
    expect(s.turns[1]!.done).toBe(true);
    expect(s.pending).toEqual([]);
  });

  it('does not duplicate a user turn reported by both the bridge event and the composer', () => {
    routeEvent({ type: 'transcript', id: 't-1', text: 'hi' });
    useConversation.getState().addUserTurn('t-1', 'hi');
    expect(useConversation.getState().turns).toHaveLength(1);
  });

  it('turns an error frame into a sentence with the default action and stops thinking', () => {
    routeEvent({ type: 'transcript', id: 't-2', text: 'read my mail' });
    frame({ type: 'error', code: 'FEDERATED_TOKEN_NOT_IN_VAULT', message: '', request_id: 't-2', provider: 'google' });
    const [e] = useConversation.getState().errors;
    expect(e).toMatchObject({ code: 'FEDERATED_TOKEN_NOT_IN_VAULT', action: 'reconnect', provider: 'google' });
    expect(e!.message).toBe('Vouch is not connected to this account. Connect it to continue.');
    expect(useConversation.getState().pending).toEqual([]);
  });

  it('drops an earlier request’s retry banner once a newer answer went through; keeps what still needs the person', () => {
    frame({ type: 'error', code: 'PROVIDER_UNAVAILABLE', message: 'Gmail is not responding.', action: 'retry', request_id: 't-1' });
    frame({ type: 'error', code: 'FEDERATED_TOKEN_NOT_IN_VAULT', message: '', request_id: 't-2', provider: 'slack' });
    frame({ type: 'agent_stream', request_id: 't-3', delta: 'You have two new emails.' });
    frame({ type: 'agent_done', request_id: 't-3' });
    expect(useConversation.getState().errors.map((e) => e.code)).toEqual(['FEDERATED_TOKEN_NOT_IN_VAULT']);
  });

  it('keeps the backend sentence and an explicit action when given', () => {
    frame({ type: 'error', code: 'PROVIDER_ERROR', message: 'Gmail is down for maintenance.', action: 'none' });
    expect(useConversation.getState().errors[0]).toMatchObject({ message: 'Gmail is down for maintenance.', action: 'none' });
  });

  it('derives the status light: microphone, then speech, then pending work', () => {
    expect(deriveStatus('idle', [], false)).toBe('idle');
    expect(deriveStatus('idle', ['t'], false)).toBe('thinking');
    expect(deriveStatus('idle', ['t'], true)).toBe('speaking');
    expect(deriveStatus('transcribing', ['t'], true)).toBe('transcribing');
    expect(deriveStatus('listening', [], true)).toBe('listening');
  });

  it('follows recording events', () => {
    routeEvent({ type: 'recording', state: 'listening' });
    expect(useConversation.getState().recording).toBe('listening');
  });
});

describe('session store', () => {
  it('opens the connect request and closes it when the provider is linked', () => {
    frame({ type: 'session_ready', user: { sub: 'u1', name: 'Sam' }, providers: [] });
    expect(useSession.getState().auth).toEqual({ signedIn: true, user: { sub: 'u1', name: 'Sam' } });
    routeEvent({ type: 'transcript', id: 't-1', text: 'calendar?' });
    frame({ type: 'connections_required', request_id: 't-1', providers: ['google'], reason: 'To read your calendar.', scopes: [] });
    expect(useSession.getState().connect?.request_id).toBe('t-1');
    expect(useConversation.getState().pending).toEqual([]);
    routeEvent({ type: 'connect_progress', progress: { provider: 'google', state: 'browser_open' } });
    expect(useSession.getState().progress.google?.state).toBe('browser_open');
    frame({ type: 'providers_updated', providers: [google] });
    expect(useSession.getState().connect).toBeNull();
    expect(useSession.getState().providers).toEqual([google]);
  });

  it('keeps the sheet while another required provider is still missing', () => {
    frame({ type: 'connections_required', request_id: 't-1', providers: ['google', 'slack'], reason: 'r', scopes: [] });
    frame({ type: 'providers_updated', providers: [google] });
    expect(useSession.getState().connect?.providers).toEqual(['google', 'slack']);
  });

  it('closes the sheet when the paused request resumes streaming', () => {
    frame({ type: 'connections_required', request_id: 't-1', providers: ['google'], reason: 'r', scopes: [] });
    frame({ type: 'agent_stream', request_id: 't-1', delta: 'Tomorrow' });
    expect(useSession.getState().connect).toBeNull();
  });

  it('signs out on UNAUTHENTICATED', () => {
    frame({ type: 'session_ready', user: { sub: 'u1' }, providers: [google] });
    frame({ type: 'error', code: 'UNAUTHENTICATED', message: 'Your session has ended.' });
    expect(useSession.getState().auth).toEqual({ signedIn: false });
  });
});

describe('drafts store', () => {
  it('opens a draft and follows action_result to done', () => {
    frame(emailDraft);
    expect(useDrafts.getState().activeId).toBe('d-1');
    useDrafts.getState().markSubmitting('d-1');
    frame({ type: 'action_result', draft_id: 'd-1', status: 'awaiting_approval' });
    expect(useDrafts.getState().byId['d-1']!.phase).toBe('awaiting_approval');
    frame({ type: 'action_result', draft_id: 'd-1', status: 'sent', ref: 'msg-1' });
    expect(useDrafts.getState().byId['d-1']).toMatchObject({ phase: 'done', result: { status: 'sent', ref: 'msg-1' } });
  });

  it('marks failures and ignores results for unknown drafts', () => {
    frame(emailDraft);
    frame({ type: 'action_result', draft_id: 'd-1', status: 'failed', code: 'PROVIDER_ERROR' });
    frame({ type: 'action_result', draft_id: 'nope', status: 'sent' });
    expect(useDrafts.getState().byId['d-1']!.phase).toBe('failed');
    expect(useDrafts.getState().byId['nope']).toBeUndefined();
  });

  it('closes the sheet on cancel', () => {
    frame(emailDraft);
    useDrafts.getState().markCancelled('d-1');
    expect(useDrafts.getState().activeId).toBeNull();
    expect(useDrafts.getState().byId['d-1']!.phase).toBe('cancelled');
  });
});

describe('approvals store', () => {
  it('tracks an approval from pending to denied, newest first', () => {
    frame(approval('2030-01-01T00:00:00Z'));
    frame({ ...approval('2030-01-01T00:00:00Z'), id: 'a-2' });
    expect(useApprovals.getState().order).toEqual(['a-2', 'a-1']);
    frame({ type: 'approval_update', id: 'a-1', status: 'denied' });
    expect(useApprovals.getState().byId['a-1']!.status).toBe('denied');
    frame({ type: 'approval_update', id: 'ghost', status: 'approved' });
    expect(useApprovals.getState().byId['ghost']).toBeUndefined();
  });
});

describe('routing', () => {
  it('sends tts_audio to the player, not the stores', () => {
    const played: number[] = [];
    routeEvent(
      { type: 'frame', frame: { type: 'tts_audio', request_id: 't-1', seq: 0, pcm_b64: '', sample_rate: 24000 } },
      { playTts: (f) => played.push(f.seq) },
    );
    expect(played).toEqual([0]);
    expect(useConversation.getState().turns).toEqual([]);
  });
});
