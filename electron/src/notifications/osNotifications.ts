import { Notification } from 'electron';
import type { NotificationIntent } from '../app/notifications/notificationPlanner.js';

/**
 * Shows the planner's notifications with Electron's `Notification`. Deliberately plain: no
 * `urgency: 'critical'` and no `timeoutType: 'never'`, so the OS's Do Not Disturb / Focus and its
 * own timeouts apply as to any app (on Linux the default urgency is "normal"); the sound is the
 * system's default. One notification per draft: a newer state replaces the older one.
 */
export function createOsNotifier(onClick: (intent: NotificationIntent) => void): (intent: NotificationIntent) => void {
  // Electron drops the click handler of a notification that was garbage-collected: keep them until closed.
  const shown = new Map<string, Notification>();
  return (intent) => {
    if (!Notification.isSupported()) return;
    shown.get(intent.tag)?.close();
    const n = new Notification({ title: intent.title, body: intent.body });
    shown.set(intent.tag, n);
    n.on('click', () => onClick(intent));
    n.on('close', () => {
      if (shown.get(intent.tag) === n) shown.delete(intent.tag);
    });
    n.show();
  };
}
