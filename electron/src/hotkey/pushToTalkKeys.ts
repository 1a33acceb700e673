import { acceleratorLabel, type DesktopStatus } from '../bridge/contract.js';
import { HoldUnavailableError, type HotkeyHandlers, type HotkeySource } from './hotkeySource.js';
import type { PttMode } from './pttMachine.js';

/**
 * The push-to-talk shortcut in force, changed from Settings: registers the new shortcut before
 * letting go of the old one's place, so a shortcut another app owns (or one of Vouch's own) is
 * refused in words and the old one keeps working. Hold mode uses the key hook when it is available
 * and falls back to toggle (saying why) when it is not. Pure over the hotkey-source port.
 */
export interface PushToTalkKeyPorts {
  /** A presses-only source for the accelerator (globalShortcut; the fake registrar in the desktop host). */
  toggleSource(accelerator: string): HotkeySource;
  /** A press-and-release source, when the key hook loaded. */
  holdSource?: ((accelerator: string) => HotkeySource) | undefined;
  /** Why hold is not available (shown in Settings), when `holdSource` is missing. */
  holdUnavailable?: string | undefined;
  /** Shortcuts Vouch itself uses, which push-to-talk must not take. */
  ownShortcuts?: readonly { accelerator: string; what: string }[];
  mac: boolean;
}

/** Keys the popover itself reacts to (DraftSheet: Ctrl/⌘+Enter sends the open draft). */
export const VOUCH_OWN_SHORTCUTS: readonly { accelerator: string; what: string }[] = [
  { accelerator: 'CommandOrControl+Enter', what: 'it sends the open draft' },
];

export type KeysChange = { ok: true } | { ok: false; reason: string };

export class PushToTalkKeys {
  private source: HotkeySource | undefined;
  private accelerator: string | undefined;
  private held = false;
  private holdUnavailable: string | undefined;
  private problem: string | undefined;
  private paused = false;
  /** The mode asked for with `accelerator` (restored by `resume`), and the one its source last ran in. */
  private wantedMode: PttMode = 'toggle';
  private modeInForce: PttMode = 'toggle';

  constructor(
    private readonly ports: PushToTalkKeyPorts,
    private readonly handlers: Required<HotkeyHandlers> & { onMode(mode: PttMode): void },
  ) {
    this.holdUnavailable = ports.holdUnavailable;
  }

  status(fallbackAccelerator: string): DesktopStatus['hotkey'] {
    return {
      accelerator: this.accelerator ?? fallbackAccelerator,
      mode: this.source?.mode ?? this.modeInForce,
      ...(this.holdUnavailable ? { holdUnavailable: this.holdUnavailable } : {}),
      ...(this.problem ? { problem: this.problem } : {}),
    };
  }

  /**
   * Makes `accelerator` in `mode` the shortcut in force; refused (old one kept) when it cannot be registered.
   * While paused it is only checked (registered and let go at once) and becomes the one `resume` restores.
   */
  apply(accelerator: string, mode: PttMode): KeysChange {
    const label = acceleratorLabel(accelerator, this.ports.mac);
    const own = this.ports.ownShortcuts?.find((s) => acceleratorLabel(s.accelerator, this.ports.mac) === label);
    if (own) return { ok: false, reason: `${label} is one of Vouch's own shortcuts (${own.what}). Choose another combination.` };
    const wantHold = mode === 'hold' && !!this.ports.holdSource;
    if (this.paused) return this.applyWhilePaused(accelerator, mode, wantHold);
    if (this.source && this.accelerator === accelerator && (this.source.mode === 'hold') === wantHold) return { ok: true };

    const previous = this.source ? { source: this.source, accelerator: this.accelerator! } : undefined;
    this.detach();
    const registered = this.register(accelerator, wantHold, this.forward());
    if ('source' in registered) {
      this.take(registered.source, accelerator, mode);
      return { ok: true };
    }
    const reason = this.refusalText(label, registered.refusal);
    if (previous && previous.source.start(this.forward())) {
      this.source = previous.source;
      this.accelerator = previous.accelerator;
      return { ok: false, reason: `${reason} Your shortcut stays ${acceleratorLabel(previous.accelerator, this.ports.mac)}.` };
    }
    // Nothing in force (the first registration at start): Settings shows the problem until a free shortcut is chosen.
    this.accelerator = accelerator;
    this.wantedMode = mode;
    this.problem = `${reason} Choose another shortcut in Settings.`;
    return { ok: false, reason };
  }

  /**
   * "Pause listening": lets go of the shortcut in force, whatever its mode (a hold in progress ends
   * as if released), so the system no longer sends it to Vouch. A change made meanwhile is kept for `resume`.
   */
  pause(): void {
    if (this.paused) return;
    this.paused = true;
    this.detach();
  }

  /** Registers the shortcut (and mode) set last again; refused when another app took it meanwhile. */
  resume(): KeysChange {
    if (!this.paused) return { ok: true };
    this.paused = false;
    if (!this.accelerator) return { ok: true };
    const registered = this.register(this.accelerator, this.wantedMode === 'hold' && !!this.ports.holdSource, this.forward());
    if ('source' in registered) {
      this.take(registered.source, this.accelerator, this.wantedMode);
      return { ok: true };
    }
    const reason = this.refusalText(acceleratorLabel(this.accelerator, this.ports.mac), registered.refusal);
    this.problem = `${reason} Choose another shortcut in Settings.`;
    return { ok: false, reason };
  }

  get isPaused(): boolean {
    return this.paused;
  }

  private applyWhilePaused(accelerator: string, mode: PttMode, wantHold: boolean): KeysChange {
    // Checked now so a conflict is reported with the change, but let go at once: paused stays paused.
    const probe = this.register(accelerator, wantHold, { onDown() {}, onUp() {} });
    if ('source' in probe) {
      probe.source.stop();
      this.accelerator = accelerator;
      this.wantedMode = mode;
      this.modeInForce = probe.source.mode;
      this.problem = undefined;
      return { ok: true };
    }
    const reason = this.refusalText(acceleratorLabel(accelerator, this.ports.mac), probe.refusal);
    return this.accelerator
      ? { ok: false, reason: `${reason} Your shortcut stays ${acceleratorLabel(this.accelerator, this.ports.mac)}.` }
      : { ok: false, reason };
  }

  /** Starts a source for the accelerator: hold when asked and the hook runs, else toggle. */
  private register(
    accelerator: string,
    wantHold: boolean,
    handlers: HotkeyHandlers,
  ): { source: HotkeySource } | { refusal: 'taken' | 'unusable' } {
    let next: HotkeySource | undefined;
    let refusal: 'taken' | 'unusable' | undefined;
    const tryStart = (source: HotkeySource) => {
      try {
        if (source.start(handlers)) next = source;
        else refusal = 'taken';
      } catch (err) {
        if (err instanceof HoldUnavailableError) throw err;
        // The system rejected the accelerator itself (Electron throws on one it cannot parse).
        refusal = 'unusable';
      }
    };
    if (wantHold) {
      try {
        tryStart(this.ports.holdSource!(accelerator));
      } catch (err) {
        // The hook cannot run after all: toggle from now on, and Settings says why.
        this.holdUnavailable = (err as HoldUnavailableError).message;
      }
    }
    if (!next && !refusal) tryStart(this.ports.toggleSource(accelerator));
    return next ? { source: next } : { refusal: refusal ?? 'taken' };
  }

  private take(source: HotkeySource, accelerator: string, mode: PttMode): void {
    this.source = source;
    this.accelerator = accelerator;
    this.wantedMode = mode;
    this.modeInForce = source.mode;
    this.problem = undefined;
    this.handlers.onMode(source.mode);
  }

  private refusalText(label: string, refusal: 'taken' | 'unusable'): string {
    return refusal === 'unusable'
      ? `${label} cannot be used as a shortcut on this system.`
      : `${label} is already used by another app, so Vouch cannot listen for it.`;
  }

  /**
   * Ends a hold whose release will never arrive (the screen locked, the computer slept, the source
   * stopped): the recording stops as if the key had been let go.
   */
  release(): void {
    this.source?.release?.();
    if (!this.held) return;
    this.held = false;
    this.handlers.onUp();
  }

  stop(): void {
    this.detach();
  }

  private detach(): void {
    this.release();
    this.source?.stop();
    this.source = undefined;
  }

  private forward(): HotkeyHandlers {
    return {
      onDown: () => {
        if (this.source?.mode === 'hold') this.held = true;
        this.handlers.onDown();
      },
      onUp: () => {
        this.held = false;
        this.handlers.onUp();
      },
    };
  }
}
