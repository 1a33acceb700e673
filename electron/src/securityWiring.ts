import type { Session, WebContents } from 'electron';
import type { AppOrigin } from './appOrigin.js';
import { decidePermission, decidePermissionCheck } from './permissions.js';

/**
 * Applies the pure policies (security.ts, permissions.ts) to Electron objects. Kept separate from
 * main.ts so the hardening is in one place and reads as a checklist.
 */
export function hardenSession(
  ses: Session,
  opts: { origin: AppOrigin; isPopover(wc: WebContents | null): boolean; csp: string; isRendererUrl(url: string): boolean },
) {
  // Checklist #5: replace Electron's allow-all default; clear earlier grants first.
  ses.setPermissionRequestHandler(null);
  ses.setPermissionRequestHandler((wc, permission, callback, details) => {
    callback(
      decidePermission(
        {
          permission,
          requestingUrl: details.requestingUrl,
          mediaTypes: 'mediaTypes' in details ? details.mediaTypes : undefined,
          isMainFrame: details.isMainFrame,
          fromPopover: opts.isPopover(wc),
        },
        opts.origin,
      ),
    );
  });
  ses.setPermissionCheckHandler((wc, permission, requestingOrigin, details) =>
    decidePermissionCheck(
      {
        permission,
        requestingUrl: details.requestingUrl ?? requestingOrigin,
        mediaType: details.mediaType,
        isMainFrame: details.isMainFrame,
        fromPopover: opts.isPopover(wc),
      },
      opts.origin,
    ),
  );
  // Checklist #7: CSP as a response header for every renderer response (dev server included).
  ses.webRequest.onHeadersReceived((details, callback) => {
    if (!opts.isRendererUrl(details.url)) return callback({});
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [opts.csp] } });
  });
}

/**
 * Checklist #11-15 for every webContents the app ever creates. `openExternal` applies the
 * external-link policy itself (see security.ts) and refuses anything else.
 */
export function hardenWebContents(contents: WebContents, openExternal: (url: string) => Promise<void>) {
  contents.on('will-navigate', (e) => e.preventDefault());
  contents.on('will-redirect', (e) => e.preventDefault());
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    setImmediate(() => void openExternal(url).catch(() => undefined));
    return { action: 'deny' };
  });
}
