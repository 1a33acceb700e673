import type { AuthState, BridgeEvent, LinkState, RecordingState, SpeechModelView } from '../bridge/contract.js';

/**
 * What the tray shows, followed from the controller's events: who is signed in, whether the backend
 * is reachable, the speech model, the recording, whether Vouch is working on a request ("thinking")
 * and whether something waits for the person (a draft to confirm, a phone to answer). Pure: the
 * Electron tray and the demo's dev tray strip both build their menu from `snapshot()`.
 */
export interface TrayStatus {
  auth: AuthState;
  link: LinkState;
  recording: RecordingState;
  /** The speech model's one line ("Speech model ready", "Downloading speech model — 12 of 41 MB"). */
  speech?: { state: SpeechModelView; text: string };
  /** A request is being worked on (an answer streaming, a transcript not yet answered). */
  thinking: boolean;
  /** Drafts waiting for the person's confirmation or their phone. */
  waiting: number;
}

export class TrayStateTracker {
  private auth: AuthState = { signedIn: false };
  private link: LinkState = 'offline';
  private recording: RecordingState = 'idle';
  private speech: TrayStatus['speech'];
  private readonly inFlight = new Set<string>();
  /** Draft or approval id → when it stops waiting (ms; Infinity when unknown). */
  private readonly waiting = new Map<string, number>();

  /** Returns true when the event changed what the tray shows. */
  observe(event: BridgeEvent): boolean {
    switch (event.type) {
      case 'auth':
        this.auth = event.state;
        if (!event.state.signedIn) this.clearWork();
        return true;
      case 'link':
        this.link = event.state;
        if (event.state !== 'online') this.inFlight.clear();
        return true;
      case 'recording':
        this.recording = event.state;
        return true;
      case 'speech_model':
        this.speech = { state: event.state, text: event.text };
        return true;
      case 'transcript':
        this.inFlight.add(event.id);
        return true;
      case 'frame':
        return this.onFrame(event.frame);
      default:
        return false;
    }
  }

  private onFrame(f: Extract<BridgeEvent, { type: 'frame' }>['frame']): boolean {
    switch (f.type) {
      case 'agent_stream':
        if (this.inFlight.has(f.request_id)) return false;
        this.inFlight.add(f.request_id);
        return true;
      case 'agent_done':
      case 'connections_required':
        return this.inFlight.delete(f.request_id);
      case 'error':
        return f.request_id !== undefined && this.inFlight.delete(f.request_id);
      case 'draft_ready':
        if (f.request_id) this.inFlight.delete(f.request_id);
        this.waiting.set(`draft:${f.draft_id}`, f.expires_at ? Date.parse(f.expires_at) || Infinity : Infinity);
        return true;
      case 'action_result':
        // awaiting_approval: the phone is asked next (its approval_required keeps the attention).
        return this.waiting.delete(`draft:${f.draft_id}`);
      case 'approval_required':
        this.waiting.set(`approval:${f.id}`, Date.parse(f.expires_at) || Infinity);
        return true;
      case 'approval_update':
        return f.status !== 'pending' && this.waiting.delete(`approval:${f.id}`);
      default:
        return false;
    }
  }

  private clearWork(): void {
    this.inFlight.clear();
    this.waiting.clear();
  }

  snapshot(now: number): TrayStatus {
    // Past its expiry a draft or an approval no longer waits (the backend may not say so).
    for (const [id, until] of this.waiting) if (until <= now) this.waiting.delete(id);
    const waiting = this.waiting.size;
    return {
      auth: this.auth,
      link: this.link,
      recording: this.recording,
      ...(this.speech ? { speech: this.speech } : {}),
      thinking: this.inFlight.size > 0,
      waiting,
    };
  }
}
