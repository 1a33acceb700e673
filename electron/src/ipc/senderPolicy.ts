import { type AppOrigin, isAppUrl } from '../appOrigin.js';

/**
 * Who may call the bridge: only the popover's own webContents, only its main frame, and only while
 * that frame shows the app's renderer origin (parsed with `new URL`). A sub-frame, another window,
 * or a popover that somehow navigated elsewhere is refused (Electron security checklist #17).
 */
interface SenderFrameLike {
  url: string;
  /** `null` for a main frame. */
  parent: unknown;
}

export interface IpcEventLike {
  sender: { id: number };
  /** Electron types this as nullable: the frame may already be gone. */
  senderFrame: SenderFrameLike | null;
}

export type SenderCheck = (event: IpcEventLike) => boolean;

export function createSenderPolicy(opts: { origin: AppOrigin; trustedWebContentsId: () => number | undefined }): SenderCheck {
  return (event) => {
    const trustedId = opts.trustedWebContentsId();
    if (trustedId === undefined || event.sender.id !== trustedId) return false;
    const frame = event.senderFrame;
    if (!frame) return false;
    if (frame.parent !== null && frame.parent !== undefined) return false;
    return isAppUrl(frame.url, opts.origin);
  };
}
