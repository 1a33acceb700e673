import { create } from 'zustand';
import type { LinkedProvider, Provider, ServerFrame, ServerFrameOf } from '../../../backend/src/protocol/index.js';
import type { AuthState, ConnectProgress, LinkState, SpeechModelEvent } from '../../../electron/src/bridge/contract.js';

/** A pending `connections_required` the person has not answered yet. */
type ConnectRequest = Omit<ServerFrameOf<'connections_required'>, 'type'>;

interface SessionState {
  /** null until the bridge says either way, so the popover does not flash a sign-in prompt. */
  auth: AuthState | null;
  link: LinkState;
  providers: LinkedProvider[];
  connect: ConnectRequest | null;
  progress: Partial<Record<Provider, ConnectProgress>>;
  sttModel: { state: 'loading' | 'ready' | 'failed'; progress?: number; message?: string } | null;
  setAuth(auth: AuthState): void;
  setLink(link: LinkState): void;
  setProgress(progress: ConnectProgress): void;
  setSttModel(model: SessionState['sttModel']): void;
  /** The "Speech model" row: its state and its line; null until main says (or with no speech model manager). */
  speechModel: Omit<SpeechModelEvent, 'type'> | null;
  setSpeechModel(model: Omit<SpeechModelEvent, 'type'>): void;
  dismissConnect(): void;
  applyFrame(frame: ServerFrame): void;
  reset(): void;
}

const initial = {
  auth: null,
  link: 'connecting' as LinkState,
  providers: [] as LinkedProvider[],
  connect: null,
  progress: {},
  sttModel: null,
  speechModel: null,
};

/** True once every provider the pending request asked for is linked. */
function satisfied(connect: ConnectRequest, providers: LinkedProvider[]): boolean {
  return connect.providers.every((p) => providers.some((l) => l.provider === p));
}

export const useSession = create<SessionState>()((set, get) => ({
  ...initial,
  setAuth: (auth) => set(auth.signedIn ? { auth } : { auth, providers: [], connect: null, progress: {} }),
  setLink: (link) => set({ link }),
  setProgress: (progress) => set({ progress: { ...get().progress, [progress.provider]: progress } }),
  setSttModel: (sttModel) => set({ sttModel }),
  setSpeechModel: (speechModel) => set({ speechModel }),
  dismissConnect: () => set({ connect: null, progress: {} }),
  applyFrame: (frame) => {
    switch (frame.type) {
      case 'session_ready':
        // The backend knows who; only the app knows whether the sign-in outlives this run.
        set((s) => ({
          auth: { ...(s.auth?.signedIn ? s.auth : {}), signedIn: true, user: frame.user },
          providers: frame.providers,
          link: 'online',
        }));
        return;
      case 'providers_updated':
      case 'scopes': {
        const { connect } = get();
        // The backend resumes the paused request itself once the account is linked, so the sheet
        // closes as soon as the providers it waited for show up.
        const done = connect !== null && satisfied(connect, frame.providers);
        set(done ? { providers: frame.providers, connect: null, progress: {} } : { providers: frame.providers });
        return;
      }
      case 'connections_required':
        set({
          connect: { request_id: frame.request_id, providers: frame.providers, reason: frame.reason, scopes: frame.scopes },
          progress: {},
        });
        return;
      case 'agent_stream': {
        // A stream for the paused request means it resumed: the sheet has done its job.
        if (get().connect?.request_id === frame.request_id) set({ connect: null, progress: {} });
        return;
      }
      case 'error':
        if (frame.code === 'UNAUTHENTICATED') set({ auth: { signedIn: false }, connect: null });
        return;
      default:
        return;
    }
  },
  reset: () => set({ ...initial }),
}));
