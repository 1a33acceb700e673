import { type AppOrigin, isAppUrl } from './appOrigin.js';

/**
 * Permission policy for the renderer session. Electron grants every permission unless a handler
 * says otherwise, so the default is deny; the only thing Vouch needs is the microphone (`media`
 * with audio only, never video), and only for its own renderer, in its main frame.
 */
interface PermissionQuery {
  permission: string;
  /** URL of the requesting frame (PermissionRequest.requestingUrl / webContents URL). */
  requestingUrl: string | undefined;
  /** For `media`: which devices (MediaAccessPermissionRequest.mediaTypes). */
  mediaTypes?: ReadonlyArray<string> | undefined;
  isMainFrame?: boolean | undefined;
  /** Whether the request comes from the popover's webContents. */
  fromPopover: boolean;
}

export function decidePermission(q: PermissionQuery, origin: AppOrigin): boolean {
  if (!q.fromPopover) return false;
  if (q.isMainFrame === false) return false;
  if (!isAppUrl(q.requestingUrl, origin)) return false;
  if (q.permission !== 'media') return false;
  const types = q.mediaTypes ?? [];
  // An unspecified device list is refused too: only an explicit audio-only request is granted.
  return types.length > 0 && types.every((t) => t === 'audio');
}

/** The synchronous check handler variant (`setPermissionCheckHandler`), same rule. */
export function decidePermissionCheck(q: Omit<PermissionQuery, 'mediaTypes'> & { mediaType?: string }, origin: AppOrigin): boolean {
  return decidePermission({ ...q, mediaTypes: q.mediaType && q.mediaType !== 'unknown' ? [q.mediaType] : [] }, origin);
}
