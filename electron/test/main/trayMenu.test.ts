import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ServerFrame } from '../../../backend/src/protocol/index.js';
import { createDesktopShell, type DesktopShellPorts } from '../../src/app/desktopShell.js';
import type { NotificationIntent } from '../../src/app/notifications/notificationPlanner.js';
import { TrayStateTracker } from '../../src/app/trayState.js';
import { DEFAULT_SETTINGS, type BridgeEvent } from '../../src/bridge/contract.js';
import { trayIconName, trayMenu, type TrayMenuState } from '../../src/trayMenu.js';

const signedIn = { signedIn: true as const, user: { sub: 's', email: 'alex@example.com' } };
const base: TrayMenuState = {
  auth: signedIn,
  link: 'online',
  recording: 'idle',
  speech: { state: { status: 'ready' }, text: 'Speech model ready' },
  thinking: false,
  waiting: 0,
  launchAtLogin: false,
  hotkey: 'Ctrl+Shift+Space',
  paused: false,
};
const frame = (f: unknown): BridgeEvent => ({ type: 'frame', frame: f as ServerFrame });
const statusLines = (s: TrayMenuState) =>
  trayMenu(s)
    .filter((i) => i.enabled === false && !i.action)
    .map((i) => i.label);

describe('tray menu', () => {
  it('signed in: status lines (who, backend, speech model), then Talk, Open, Settings, Pause, account items, Quit', () => {
    const items = trayMenu(base);
    expect(statusLines(base)).toEqual(['Signed in as alex@example.com', 'Backend online', 'Speech model ready']);
    expect(items.map((i) => i.action).filter(Boolean)).toEqual([
      'talk',
      'open',
      'settings',
      'togglePause',
      'signOut',
      'connectedAccounts',
      'audit',
      'introduction',
      'toggleLaunchAtLogin',
      'quit',
    ]);
    expect(items.find((i) => i.action === 'talk')).toMatchObject({ label: 'Talk (Ctrl+Shift+Space)', enabled: true });
    expect(items.find((i) => i.action === 'togglePause')!.label).toBe('Pause listening');
  });

  it('signed out: sign-in offered, Talk and the account items disabled', () => {
    const s = { ...base, auth: { signedIn: false as const }, link: 'offline' as const };
    const items = trayMenu(s);
    expect(statusLines(s)).toEqual(['Not signed in', 'Backend offline', 'Speech model ready']);
    expect(items.some((i) => i.action === 'signIn')).toBe(true);
    expect(items.some((i) => i.action === 'signOut')).toBe(false);
    for (const a of ['talk', 'connectedAccounts', 'audit'] as const) expect(items.find((i) => i.action === a)!.enabled).toBe(false);
  });

  it('paused: Talk disabled and the item says Resume listening', () => {
    const items = trayMenu({ ...base, paused: true });
    expect(items.find((i) => i.action === 'talk')).toMatchObject({ label: 'Talk (listening paused)', enabled: false });
    expect(items.find((i) => i.action === 'togglePause')!.label).toBe('Resume listening');
  });

  it('connecting, a download in progress, a failed model, and requests waiting', () => {
    const s: TrayMenuState = {
      ...base,
      link: 'connecting',
      speech: { state: { status: 'downloading', doneBytes: 12e6, totalBytes: 41e6 }, text: 'Downloading speech model — 12 of 41 MB' },
      waiting: 2,
    };
    expect(statusLines(s)).toEqual([
      'Signed in as alex@example.com',
      'Connecting to the backend…',
      'Downloading speech model — 12 of 41 MB',
      '2 requests need you',
    ]);
    expect(statusLines({ ...base, speech: { state: { status: 'failed', reason: 'No network.' }, text: 'No network.' } })[2]).toBe(
      'Speech model unavailable',
    );
    expect(statusLines({ ...base, waiting: 1 })[3]).toBe('1 request needs you');
  });

  it('launch at login is a checkbox', () => {
    expect(trayMenu({ ...base, launchAtLogin: true }).find((i) => i.action === 'toggleLaunchAtLogin')).toMatchObject({
      type: 'checkbox',
      checked: true,
    });
  });
});

describe('tray icon', () => {
  const icon = (s: Partial<TrayMenuState>) => trayIconName({ ...base, ...s });
  it('listening wins over everything; then attention, thinking, offline, idle', () => {
    expect(icon({ recording: 'listening', waiting: 1, thinking: true, link: 'offline' })).toBe('listening');
    expect(icon({ waiting: 1, thinking: true, recording: 'transcribing' })).toBe('attention');
    expect(icon({ recording: 'transcribing' })).toBe('thinking');
    expect(icon({ thinking: true, link: 'offline' })).toBe('thinking');
    expect(icon({ link: 'connecting' })).toBe('offline');
    expect(icon({})).toBe('idle');
  });

  it('every icon ships at 16 px and 32 px (@2x)', () => {
    const dir = join(import.meta.dirname, '../../../resources/tray');
    for (const name of ['idle', 'listening', 'thinking', 'attention', 'offline'] satisfies ReturnType<typeof trayIconName>[]) {
      for (const [suffix, px] of [
        ['', 16],
        ['@2x', 32],
      ] as const) {
        const file = join(dir, `${name}${suffix}.png`);
        expect(existsSync(file), file).toBe(true);
        // IHDR width and height.
        const png = readFileSync(file);
        expect([png.readUInt32BE(16), png.readUInt32BE(20)], file).toEqual([px, px]);
      }
    }
  });
});

describe('tray state from the controller’s events', () => {
  const NOW = Date.parse('2026-11-26T15:00:00Z');
  it('thinking while a request is answered; attention while a draft or the phone waits', () => {
    const t = new TrayStateTracker();
    t.observe({ type: 'auth', state: signedIn });
    t.observe({ type: 'link', state: 'online' });
    t.observe({ type: 'transcript', id: 't1', text: 'reply to Dana' });
    expect(t.snapshot(NOW)).toMatchObject({ thinking: true, waiting: 0 });
    t.observe(
      frame({ type: 'draft_ready', draft_id: 'd1', request_id: 't1', kind: 'email', fields: {}, expires_at: '2026-11-26T15:10:00Z' }),
    );
    expect(t.snapshot(NOW)).toMatchObject({ thinking: false, waiting: 1 });
    // Past its expiry the draft no longer waits.
    expect(t.snapshot(Date.parse('2026-11-26T15:11:00Z')).waiting).toBe(0);
    t.observe(frame({ type: 'action_result', draft_id: 'd1', status: 'awaiting_approval' }));
    t.observe(
      frame({ type: 'approval_required', id: 'a1', draft_id: 'd1', risk: {}, binding_message: 'x', expires_at: '2026-11-26T15:05:00Z' }),
    );
    expect(t.snapshot(NOW).waiting).toBe(1);
    t.observe(frame({ type: 'approval_update', id: 'a1', status: 'approved' }));
    expect(t.snapshot(NOW).waiting).toBe(0);

    t.observe(frame({ type: 'agent_stream', request_id: 'r2', delta: 'Yes' }));
    expect(t.snapshot(NOW).thinking).toBe(true);
    t.observe(frame({ type: 'agent_done', request_id: 'r2' }));
    expect(t.snapshot(NOW).thinking).toBe(false);
  });

  it('signing out clears what was waiting', () => {
    const t = new TrayStateTracker();
    t.observe(frame({ type: 'draft_ready', draft_id: 'd1', kind: 'email', fields: {} }));
    t.observe({ type: 'auth', state: { signedIn: false } });
    expect(t.snapshot(NOW)).toMatchObject({ waiting: 0, thinking: false, auth: { signedIn: false } });
  });
});

describe('desktop shell', () => {
  function shell(over: Partial<DesktopShellPorts> = {}) {
    const calls: string[] = [];
    const emitted: BridgeEvent[] = [];
    const notified: NotificationIntent[] = [];
    const trays: TrayMenuState[] = [];
    let visible = false;
    // The push-to-talk keys' owner (SystemSettings in the app); what it registers is its business.
    let registered = true;
    const pushToTalk = {
      pause: () => {
        calls.push('hotkey.stop');
        registered = false;
      },
      resume: () => {
        calls.push('hotkey.start');
        registered = true;
        return true;
      },
      hotkeyLabel: () => 'Ctrl+Shift+Space',
    };
    const s = createDesktopShell({
      controller: {
        handlers: {
          signIn: async () => void calls.push('signIn'),
          signOut: async () => void calls.push('signOut'),
          startListening: () => void calls.push('startListening'),
          stopListening: () => void calls.push('stopListening'),
          updateSettings: async (p) => {
            calls.push(`updateSettings ${JSON.stringify(p)}`);
            return { ...DEFAULT_SETTINGS, ...(p as object) };
          },
        },
        showOnboarding: () => void calls.push('showOnboarding'),
      },
      emit: (e) => void emitted.push(e),
      showPopover: () => {
        calls.push('showPopover');
        visible = true;
      },
      isPopoverVisible: () => visible,
      notify: (i) => void notified.push(i),
      renderTray: (t) => void trays.push(t),
      pushToTalk,
      systemTimeZone: 'UTC',
      ...over,
    });
    const press = () => registered && calls.push('hotkeyDown');
    return { s, calls, emitted, notified, trays, press, hide: () => (visible = false) };
  }

  it('Pause listening releases the push-to-talk shortcut; Resume registers it again', async () => {
    const { s, calls, trays, press } = shell();
    press();
    expect(calls).toEqual(['hotkeyDown']);
    await s.trayAction('togglePause');
    expect(calls.slice(1)).toEqual(['hotkey.stop']);
    // The OS no longer delivers the shortcut to Vouch.
    press();
    expect(calls.filter((c) => c === 'hotkeyDown')).toHaveLength(1);
    expect(trays.at(-1)!.paused).toBe(true);
    expect(trayMenu(trays.at(-1)!).find((i) => i.action === 'togglePause')!.label).toBe('Resume listening');
    // Talk from the tray does nothing while paused.
    await s.trayAction('talk');
    expect(calls).not.toContain('startListening');
    await s.trayAction('togglePause');
    expect(calls.at(-1)).toBe('hotkey.start');
    press();
    expect(calls.filter((c) => c === 'hotkeyDown')).toHaveLength(2);
    expect(trays.at(-1)!.paused).toBe(false);
  });

  it('Launch at login goes through Settings; the tray shows what Settings reports, and the shortcut in force', async () => {
    const { s, calls, trays } = shell({ pushToTalk: { pause() {}, resume: () => true, hotkeyLabel: () => 'Alt+Shift+K' } });
    s.observe({ type: 'settings', settings: { ...DEFAULT_SETTINGS, launchAtLogin: true } });
    expect(trays.at(-1)).toMatchObject({ launchAtLogin: true, hotkey: 'Alt+Shift+K' });
    await s.trayAction('toggleLaunchAtLogin');
    expect(calls).toContain('updateSettings {"launchAtLogin":false}');
  });

  it('the shortcut refused for want of a speech model opens the popover, where the reason is', () => {
    const { s, calls } = shell();
    s.observe({ type: 'talk_refused', message: 'The speech model is not downloaded yet.' });
    expect(calls).toEqual(['showPopover']);
  });

  it('pausing while listening stops the recording', async () => {
    const { s, calls } = shell();
    s.observe({ type: 'recording', state: 'listening' });
    await s.trayAction('togglePause');
    expect(calls).toContain('stopListening');
  });

  it('Talk opens the popover and starts (or stops) listening; Settings opens it on Settings', async () => {
    const { s, calls, emitted } = shell();
    await s.trayAction('talk');
    expect(calls).toEqual(['showPopover', 'startListening']);
    s.observe({ type: 'recording', state: 'listening' });
    await s.trayAction('talk');
    expect(calls.at(-1)).toBe('stopListening');
    await s.trayAction('settings');
    expect(emitted).toContainEqual({ type: 'show_settings' });
  });

  it('a frame while the popover is closed becomes a notification; clicking it opens the popover on the draft', () => {
    const { s, notified, emitted, calls } = shell();
    s.observe(frame({ type: 'draft_ready', draft_id: 'd1', kind: 'email', fields: {} }));
    expect(notified).toEqual([{ tag: 'vouch-draft-d1', title: 'Needs your confirmation', body: 'Review the email.', draftId: 'd1' }]);
    s.openNotification(notified[0]!);
    expect(calls).toContain('showPopover');
    expect(emitted).toContainEqual({ type: 'focus_draft', draftId: 'd1' });
    // Open now: the outcome is seen there, not notified.
    s.observe(frame({ type: 'action_result', draft_id: 'd1', status: 'sent' }));
    expect(notified).toHaveLength(1);
  });

  it('the tray follows the events: attention while a draft waits', () => {
    const { s, trays } = shell();
    s.observe({ type: 'auth', state: signedIn });
    s.observe(frame({ type: 'draft_ready', draft_id: 'd1', kind: 'email', fields: {} }));
    expect(trayIconName(trays.at(-1)!)).toBe('attention');
    s.observe(frame({ type: 'action_result', draft_id: 'd1', status: 'sent' }));
    expect(trayIconName(trays.at(-1)!)).toBe('offline');
  });
});
