import type { BridgeEvent, VouchBridge } from '../../../electron/src/bridge/contract.js';
import { useApprovals } from './approvals.js';
import { useConversation } from './conversation.js';
import { useDrafts } from './drafts.js';
import { useNavigation } from './navigation.js';
import { useSession } from './session.js';
import { useTalkRefusal } from './talk.js';
import { useSettings } from './settings.js';
import { createHistorySync } from './historySync.js';
import { useDesktopSettings } from './desktopSettings.js';

/** Side effects the renderer runs for some events (audio), injected so the routing stays testable. */
export interface EventEffects {
  playTts?(frame: Extract<BridgeEvent, { type: 'frame' }>['frame'] & { type: 'tts_audio' }): void;
  recording?(state: 'idle' | 'listening' | 'transcribing'): void;
}

/** Routes one bridge event to the stores that care about it. */
export function routeEvent(event: BridgeEvent, effects: EventEffects = {}): void {
  switch (event.type) {
    case 'frame': {
      const frame = event.frame;
      if (frame.type === 'tts_audio') {
        effects.playTts?.(frame);
        return;
      }
      useSession.getState().applyFrame(frame);
      useConversation.getState().applyFrame(frame);
      useDrafts.getState().applyFrame(frame);
      useApprovals.getState().applyFrame(frame);
      return;
    }
    case 'auth':
      useSession.getState().setAuth(event.state);
      if (!event.state.signedIn) {
        // Signed out: what the last person said and drafted is not for whoever signs in next.
        useConversation.getState().reset();
        useDrafts.getState().reset();
        useApprovals.getState().reset();
      }
      return;
    case 'link':
      useSession.getState().setLink(event.state);
      return;
    case 'recording':
      useConversation.getState().setRecording(event.state);
      effects.recording?.(event.state);
      return;
    case 'transcript':
      useConversation.getState().addUserTurn(event.id, event.text);
      return;
    case 'connect_progress':
      useSession.getState().setProgress(event.progress);
      return;
    case 'stt_model':
      useSession.getState().setSttModel({
        state: event.state,
        ...(event.progress !== undefined ? { progress: event.progress } : {}),
        ...(event.message !== undefined ? { message: event.message } : {}),
      });
      return;
    case 'talk_refused':
      useNavigation.getState().request('conversation');
      useTalkRefusal.getState().refuse(event.message);
      return;
    case 'speech_model':
      useSession.getState().setSpeechModel({ state: event.state, text: event.text });
      return;
    case 'settings':
      useSettings.getState().set(event.settings);
      if (event.desktop) useDesktopSettings.getState().setStatus(event.desktop);
      return;
    case 'show_onboarding':
      useSettings.getState().openIntro(true);
      return;
    case 'focus_draft':
      useNavigation.getState().request('conversation');
      useDrafts.getState().focus(event.draftId);
      return;
    case 'show_settings':
      useNavigation.getState().request('settings');
      return;
    case 'history_item':
      useConversation.getState().addHistoryItem(event.item);
      return;
  }
}

/** Subscribes the stores to the bridge; returns the unsubscribe function. */
export function connectStores(bridge: VouchBridge, effects: EventEffects = {}): () => void {
  const syncHistory = createHistorySync(bridge);
  return bridge.onEvent((event) => {
    routeEvent(event, effects);
    if (event.type === 'auth') syncHistory(event.state);
  });
}
