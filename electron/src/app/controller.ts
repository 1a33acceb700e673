import { ConnectScopes } from './connectScopes.js';
import type { Provider } from '../../../backend/src/protocol/index.js';
import type { BridgeEvent, ConnectProgress, LinkState } from '../bridge/contract.js';
import { int16ToFloat32 } from '../audio/pcm.js';
import { RecordingBuffer } from '../audio/recording.js';
import type { AuthSession } from '../auth/session.js';
import { PttMachine, type PttMode, type PttTimers } from '../hotkey/pttMachine.js';
import type { MainHandlers } from '../ipc/bridgeRegistry.js';
import { BridgeError } from '../ipc/bridgeRegistry.js';
import type { LinkClient } from '../link/linkClient.js';
import { backendPanelHandlers, type BackendPanelClients, type BackendPanelHandlers } from './backendPanelHandlers.js';
import { AppliedSettings, type SettingsDeps, type SettingsHandlers } from './appliedSettings.js';
import { requireSignedIn, signedInSub } from './signedIn.js';
import { SpeechGate, type SpeechDeps, type SpeechModelHandlers } from './speechGate.js';
import { transcriptText, type SttEngineLike } from './sttPort.js';
import type { ConversationHistory } from './history/conversationHistory.js';
import { HistoryRecorder } from './history/historyRecorder.js';
import { SignedInHistory } from './history/signedInHistory.js';

/**
 * The main process's application logic, free of Electron: it owns the session, the link, the
 * push-to-talk machine, the recording buffer and the STT engine, implements the bridge handlers,
 * and turns everything that happens into `BridgeEvent`s for the renderer. Electron wiring
 * (main.ts) only injects OS pieces: the browser opener, the event sink, the hotkey source.
 * Nothing secret is ever put in an event: the renderer sees states, frames and transcripts only.
 */
interface ControllerDeps extends SpeechDeps, BackendPanelClients, SettingsDeps {
  session: AuthSession;
  /** Built by the caller with `getAccessToken` bound to the session and `onFrame/onState` bound here. */
  link: LinkClient;
  /** Runs the Connected Accounts flow (My Account token, connect, browser, complete). */
  connect(provider: Provider, onProgress: (p: ConnectProgress) => void, scopes: readonly string[]): Promise<void>;
  /** Removes the provider's connected accounts from Token Vault (My Account API). */
  unlink?(provider: Provider): Promise<unknown>;
  /** The conversation kept per person across popover reloads and restarts (issue 13). */
  history?: ConversationHistory | undefined;
  emit(event: BridgeEvent): void;
  newId(): string;
  timers: PttTimers;
  pttMode?: PttMode;
  maxRecordingMs?: number;
  log?: { warn(obj: Record<string, unknown>, msg: string): void };
}

export class AppController {
  readonly ptt: PttMachine;
  readonly recording = new RecordingBuffer();
  readonly handlers: MainHandlers;
  /** What the next Connect asks each provider for: only what requests needed (incremental consent). */
  private readonly connectScopes = new ConnectScopes();
  private readonly log: NonNullable<ControllerDeps['log']>;
  private readonly speech: SpeechGate;
  private readonly history: SignedInHistory;
  private readonly appliedSettings: AppliedSettings;
  /** The engine the open utterance is being streamed to (begun at record start). */
  private streamingTo: SttEngineLike | undefined;
  /** What the popover shows, turned into history items as it happens. */
  private readonly recorder = new HistoryRecorder((item) => this.history.keep(item));

  constructor(private readonly deps: ControllerDeps) {
    this.log = deps.log ?? { warn() {} };
    this.speech = new SpeechGate(deps, this.log);
    this.history = new SignedInHistory(deps, this.log);
    this.appliedSettings = new AppliedSettings(deps);
    this.ptt = new PttMachine(
      { mode: deps.pttMode ?? 'toggle', timers: deps.timers, ...(deps.maxRecordingMs ? { maxRecordingMs: deps.maxRecordingMs } : {}) },
      {
        onStart: () => {
          this.recording.start();
          // The spectrogram is computed while the person speaks; at release only the network runs.
          const stt = this.speech.readyEngine;
          this.streamingTo = stt?.beginUtterance && stt.appendAudio && stt.finishUtterance ? stt : undefined;
          this.streamingTo?.beginUtterance?.();
        },
        onStop: () => void this.transcribeRecording(),
        onState: (state) => deps.emit({ type: 'recording', state }),
      },
    );
    deps.session.onChange((state) => deps.emit({ type: 'auth', state }));
    this.handlers = {
      ...this.conversationHandlers(),
      ...this.speech.handlers,
      ...this.appliedSettings.handlers,
      ...backendPanelHandlers(deps, deps.session, this.log),
    };
  }

  /** Called once at start-up: restore the stored session, connect, load the model. */
  async start(): Promise<void> {
    this.deps.emit({ type: 'auth', state: this.deps.session.state });
    await this.appliedSettings.start();
    const restored = await this.deps.session.restore().catch(() => false);
    if (restored) this.deps.link.start();
    this.speech.start();
  }

  /** Link callbacks (wired by the caller). */
  onLinkState = (state: LinkState): void => this.deps.emit({ type: 'link', state });
  onFrame = (frame: Extract<BridgeEvent, { type: 'frame' }>['frame']): void => {
    this.recorder.onFrame(frame);
    this.connectScopes.observe(frame);
    // Spoken replies off: the words still arrive as text; the audio never reaches the speakers.
    if (frame.type === 'tts_audio' && this.deps.settings && !this.deps.settings.get().spokenReplies) return;
    this.deps.emit({ type: 'frame', frame });
  };
  onUnauthenticated = (): void => {
    this.deps.session
      .refreshNow()
      .then(() => this.deps.link.restart())
      .catch(() => this.deps.link.stop());
  };

  loadModel(): Promise<void> {
    return this.speech.loadModel();
  }

  /** Stops the STT worker (the app quitting, the desktop host closing). */
  dispose(): Promise<void> {
    return this.speech.dispose();
  }

  /** The global hotkey fired (toggle) / was pressed or released (hold). */
  hotkeyDown = (): void => {
    // Without a ready speech model a recording could only be dropped: say why instead (the shell opens the popover).
    const refusal = this.speech.refusal;
    if (refusal !== undefined && this.ptt.state === 'idle') {
      this.deps.emit({ type: 'talk_refused', message: refusal });
      return;
    }
    this.ptt.keyDown();
  };
  hotkeyUp = (): void => this.ptt.keyUp();

  private async transcribeRecording(): Promise<void> {
    const samples = this.recording.finish();
    const streamed = this.streamingTo;
    this.streamingTo = undefined;
    try {
      const stt = this.speech.readyEngine;
      if (!stt || samples.length === 0) return;
      const text = transcriptText(streamed ? await streamed.finishUtterance!() : await stt.transcribe(samples));
      if (!text) return;
      const id = this.deps.newId();
      this.deps.emit({ type: 'transcript', id, text });
      this.deps.link.send({ type: 'transcript', id, text });
      this.recorder.userSaid(id, text);
    } catch (err) {
      this.log.warn({ error: err instanceof Error ? err.name : 'unknown' }, 'transcription failed');
    } finally {
      this.ptt.transcriptionDone();
    }
  }

  /** The handlers of the session, the conversation, Talk and connected accounts. */
  private conversationHandlers(): Omit<MainHandlers, keyof SpeechModelHandlers | keyof SettingsHandlers | keyof BackendPanelHandlers> {
    return {
      signIn: async () => {
        try {
          await this.deps.session.signIn();
        } catch (err) {
          throw new BridgeError('SIGN_IN_FAILED', undefined, { cause: err });
        }
        this.deps.link.restart();
      },
      signOut: async () => {
        const sub = signedInSub(this.deps.session);
        // The backend's logout first (while the access token still works), then the tenant's revocation.
        const loggedOut = await this.deps.link.logout();
        if (!loggedOut) this.log.warn({}, 'the backend did not confirm the logout (offline?); signing out here anyway');
        this.ptt.reset();
        this.recording.discard();
        this.recorder.reset();
        this.connectScopes.clear();
        await this.deps.session.signOut();
        // A shared computer must not show the previous person's conversation to the next one. Cleared
        // once signed out: anything that arrived meanwhile was queued before this and goes with it.
        await this.history.clearFor(sub);
      },
      sendTranscript: (text) => {
        requireSignedIn(this.deps.session);
        const id = this.deps.newId();
        this.deps.link.send({ type: 'transcript', id, text });
        this.recorder.userSaid(id, text);
        return { id };
      },
      startListening: () => {
        // Recording with no engine to hear it would drop the words silently: say so instead (the
        // popover offers the download next to this sentence while the model is missing).
        const refusal = this.speech.refusal;
        if (refusal !== undefined) throw new BridgeError('UNAVAILABLE', refusal);
        this.ptt.uiStart();
      },
      stopListening: () => {
        this.ptt.uiStop();
      },
      pushAudio: (chunk) => {
        const before = this.recording.byteLength;
        if (!this.recording.push(chunk) || !this.streamingTo) return;
        // Only what the buffer kept (it stops at its cap), so the streamed and buffered audio agree.
        const kept = (this.recording.byteLength - before) / 2;
        this.streamingTo.appendAudio!(int16ToFloat32(new Int16Array(chunk, 0, kept)));
      },
      confirmDraft: (draftId, edits) => {
        requireSignedIn(this.deps.session);
        this.recorder.draftConfirmed(draftId, edits);
        this.deps.link.send(
          edits ? { type: 'action_confirmed', draft_id: draftId, edits } : { type: 'action_confirmed', draft_id: draftId },
        );
      },
      cancelDraft: (draftId) => {
        requireSignedIn(this.deps.session);
        this.deps.link.send({ type: 'action_cancelled', draft_id: draftId });
      },
      decideApproval: (id, approve) => {
        requireSignedIn(this.deps.session);
        this.deps.link.send({ type: 'approval_decision', id, approve });
      },
      connectProvider: async (provider) => {
        requireSignedIn(this.deps.session);
        const progress = (p: ConnectProgress) => this.deps.emit({ type: 'connect_progress', progress: p });
        try {
          await this.deps.connect(provider, progress, this.connectScopes.forConnect(provider));
          this.connectScopes.connected(provider);
        } catch (err) {
          this.log.warn({ provider, error: err instanceof Error ? err.name : 'unknown' }, 'connect failed');
          progress({ provider, state: 'failed', message: 'The account was not connected. Try again.' });
          throw new BridgeError('CONNECT_FAILED', undefined, { cause: err });
        }
        this.deps.link.send({ type: 'account_connected', provider });
      },
      listScopes: () => {
        requireSignedIn(this.deps.session);
        this.deps.link.send({ type: 'list_scopes' });
      },
      revokeProvider: async (provider) => {
        requireSignedIn(this.deps.session);
        if (this.deps.unlink) {
          try {
            await this.deps.unlink(provider);
          } catch (err) {
            this.log.warn({ provider, error: err instanceof Error ? err.name : 'unknown' }, 'unlink failed');
            throw new BridgeError('DISCONNECT_FAILED', undefined, { cause: err });
          }
        }
        // The backend forgets the link, clears cached tokens and records it in the audit log.
        this.deps.link.send({ type: 'revoke_provider', provider });
      },
      listHistory: () => this.history.list(),
      clearHistory: () => this.history.clear(),
    };
  }

  /** The tray's "Introduction…": the popover opens on the first-run introduction. */
  showOnboarding(): void {
    this.deps.emit({ type: 'show_onboarding' });
  }
}
