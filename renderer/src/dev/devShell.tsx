import { useEffect, useId, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { DevShellChannel, DevShellMessage, DevTrayItem } from '../bridge/hostWire.js';
import './devShell.css';

/**
 * DEVELOPMENT ONLY (the browser demo and the system e2e suite; main.tsx loads it only with the desktop
 * host's transport, so the packaged renderer does not contain it). What the desktop app draws around
 * its popover, for a page that is the popover:
 *
 * - OS notifications: the host's notification intents are shown with the Web Notifications API, and
 *   a click reaches the host as the app's would (it opens the popover on the draft).
 * - "Popover closed": the tab is hidden (another tab in front, the window minimised), or, with
 *   `?tray` in the address, the dev tray strip's icon was clicked to close it, as clicking the menu-bar
 *   icon toggles the app's popover. The host notifies only while the popover is closed.
 * - With `?tray`: the dev tray strip, the tray icon (its state in words) and the tray menu as the host
 *   builds it (status lines, Talk, Pause listening…), clickable.
 */
interface ShellState {
  closed: boolean;
  tray: Extract<DevShellMessage, { type: 'tray' }> | undefined;
}

export function withDevShell(channel: DevShellChannel, popover: ReactNode, win: Window): ReactNode {
  let state: ShellState = { closed: false, tray: undefined };
  const subscribers = new Set<() => void>();
  const set = (patch: Partial<ShellState>) => {
    state = { ...state, ...patch };
    subscribers.forEach((s) => s());
    reportVisibility();
  };
  const reportVisibility = () => channel.send({ type: 'visibility', visible: !state.closed && win.document.visibilityState === 'visible' });

  win.document.addEventListener('visibilitychange', reportVisibility);
  channel.onMessage((m) => {
    if (m.type === 'tray') set({ tray: m });
    else if (m.type === 'show_popover') set({ closed: false });
    else showNotification(win, m.intent, (draftId) => channel.send({ type: 'notification_click', ...(draftId ? { draftId } : {}) }));
  });
  // Chrome asks for the permission only after the person has interacted with the page.
  win.addEventListener(
    'pointerdown',
    () => {
      const N = notificationApi(win);
      if (N?.permission === 'default') void N.requestPermission();
    },
    { once: true },
  );
  reportVisibility();

  const store = {
    subscribe: (f: () => void) => {
      subscribers.add(f);
      return () => subscribers.delete(f);
    },
    get: () => state,
    toggle: () => set({ closed: !state.closed }),
    act: (action: string) => channel.send({ type: 'tray_action', action }),
  };
  const showStrip = new URL(win.location.href).searchParams.has('tray');
  return <DevShell store={store} showStrip={showStrip} popover={popover} />;
}

/** The page's Web Notifications API, where the browser has one. */
function notificationApi(win: Window): typeof Notification | undefined {
  return (win as Window & { Notification?: typeof Notification }).Notification;
}

function showNotification(
  win: Window,
  intent: Extract<DevShellMessage, { type: 'notify' }>['intent'],
  onClick: (draftId: string | undefined) => void,
): void {
  const N = notificationApi(win);
  if (N?.permission !== 'granted') return;
  const n = new N(intent.title, { body: intent.body, tag: intent.tag });
  n.onclick = () => {
    win.focus();
    n.close();
    onClick(intent.draftId);
  };
}

interface Store {
  subscribe(f: () => void): () => void;
  get(): ShellState;
  toggle(): void;
  act(action: string): void;
}

function DevShell({ store, showStrip, popover }: { store: Store; showStrip: boolean; popover: ReactNode }) {
  const state = useSyncExternalStore(store.subscribe, store.get);
  return (
    <div className={showStrip ? 'dev-shell with-strip' : 'dev-shell'}>
      {showStrip && <TrayStrip store={store} state={state} />}
      <div className="dev-shell-popover" hidden={state.closed}>
        {popover}
      </div>
      {state.closed && <p className="dev-shell-closed">The popover is closed. Click the tray icon to open it.</p>}
    </div>
  );
}

const ICON_WORDS: Record<string, string> = {
  idle: 'idle',
  listening: 'listening',
  thinking: 'working',
  attention: 'needs you',
  offline: 'offline',
};

function TrayStrip({ store, state }: { store: Store; state: ShellState }) {
  const ids = useId();
  const [menuOpen, setMenuOpen] = useState(false);
  const icon = state.tray?.icon ?? 'offline';
  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setMenuOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [menuOpen]);
  const pick = (item: DevTrayItem) => {
    setMenuOpen(false);
    if (item.action) store.act(item.action);
  };
  return (
    <nav className="dev-tray" aria-label="Dev tray">
      <button
        type="button"
        className="dev-tray-icon"
        data-icon={icon}
        title={state.tray?.tooltip ?? 'Vouch'}
        aria-label={`Vouch tray icon: ${ICON_WORDS[icon] ?? icon}`}
        aria-pressed={!state.closed}
        onClick={store.toggle}
      >
        <span aria-hidden="true" className="dev-tray-glyph" />
        <span className="dev-tray-state">{ICON_WORDS[icon] ?? icon}</span>
      </button>
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={menuOpen}
        aria-controls={`${ids}-menu`}
        onClick={() => setMenuOpen(!menuOpen)}
      >
        Tray menu
      </button>
      {menuOpen && (
        <ul id={`${ids}-menu`} role="menu" aria-label="Vouch tray menu" className="dev-tray-menu">
          {(state.tray?.items ?? []).map((item, i) =>
            item.type === 'separator' ? (
              <li key={i} role="separator" />
            ) : !item.action ? (
              // A status line: shown, not a command.
              <li key={i} role="none" className="dev-tray-status">
                <span role="menuitem" aria-disabled="true">
                  {item.label}
                </span>
              </li>
            ) : (
              <li key={i} role="none">
                <button
                  type="button"
                  role={item.type === 'checkbox' ? 'menuitemcheckbox' : 'menuitem'}
                  {...(item.type === 'checkbox' ? { 'aria-checked': item.checked === true } : {})}
                  disabled={item.enabled === false}
                  onClick={() => pick(item)}
                >
                  {item.label}
                </button>
              </li>
            ),
          )}
        </ul>
      )}
    </nav>
  );
}
