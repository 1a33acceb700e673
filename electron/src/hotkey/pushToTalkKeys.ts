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

  constructor(
    private readonly ports: PushToTalkKeyPorts,
    private readonly handlers: Required<HotkeyHandlers> & { onMode(mode: PttMode): void },
  ) {
    this.holdUnavailable = ports.holdUnavailable;
  }

  status(fallbackAccelerator: string): DesktopStatus['hotkey'] {
    return {
      accelerator: this.accelerator ?? fallbackAccelerator,
      mode: this.source?.mode ?? 'toggle',
      ...(this.holdUnavailable ? { holdUnavailable: this.holdUnavailable } : {}),
      ...(this.problem ? { problem: this.problem } : {}),
    };
  }

  /** Makes `accelerator` in `mode` the shortcut in force; refused (old one kept) when it cannot be registered. */
  apply(accelerator: string, mode: PttMode): KeysChange {
    const label = acceleratorLabel(accelerator, this.ports.mac);
    const own = this.ports.ownShortcuts?.find((s) => acceleratorLabel(s.accelerator, this.ports.mac) === label);
    if (own) return { ok: false, reason: `${label} is one of Vouch's own shortcuts (${own.what}). Choose another combination.` };
    const wantHold = mode === 'hold' && !!this.ports.holdSource;
    if (this.source && this.accelerator === accelerator && (this.source.mode === 'hold') === wantHold) return { ok: true };

    const previous = this.source ? { source: this.source, accelerator: this.accelerator! } : undefined;
    this.detach();
    let next: HotkeySource | undefined;
    let refusal: 'taken' | 'unusable' | undefined;
    const tryStart = (source: HotkeySource) => {
      try {
        if (source.start(this.forward())) next = source;
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
    if (next) {
      this.source = next;
      this.accelerator = accelerator;
      this.problem = undefined;
      this.handlers.onMode(next.mode);
      return { ok: true };
    }
    const reason =
      refusal === 'unusable'
        ? `${label} cannot be used as a shortcut on this system.`
        : `${label} is already used by another app, so Vouch cannot listen for it.`;
    if (previous && previous.source.start(this.forward())) {
      this.source = previous.source;
      this.accelerator = previous.accelerator;
      return { ok: false, reason: `${reason} Your shortcut stays ${acceleratorLabel(previous.accelerator, this.ports.mac)}.` };
    }
    // Nothing in force (the first registration at start): Settings shows the problem until a free shortcut is chosen.
    this.accelerator = accelerator;
    this.problem = `${reason} Choose another shortcut in Settings.`;
    return { ok: false, reason };
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
