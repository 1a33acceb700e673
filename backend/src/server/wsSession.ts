import { randomUUID } from 'node:crypto';
import type { WebSocket } from 'ws';
import { AuthError, type AccessTokenVerifier, type VerifiedUser } from '../auth/jwt.js';
import type { Logger } from '../log.js';
import { type AppFrame, DEFAULT_ERROR_MESSAGES, type ErrorCode, parseAppFrame, type ServerFrame } from '../protocol/index.js';
import type { SessionService } from '../session/service.js';
import type { UserChannels } from './channels.js';
import type { ConversationHandler, SessionContext } from './handlers.js';

export interface WsSessionDeps {
  verify: AccessTokenVerifier;
  sessions: Pick<SessionService, 'signedIn' | 'scopes' | 'revoke' | 'logout'>;
  channels: UserChannels;
  handler: ConversationHandler;
  logger: Logger;
  /** Frames one socket may send per minute before it is told to slow down. */
  maxFramesPerMinute?: number;
  now?: () => number;
}

const RECENT_FRAME_IDS = 256;

/**
 * One app connection, transport only: validates every frame, requires a verified session for
 * everything but `session_auth`, acknowledges frames so the app can resend after a reconnect, and
 * routes the rest to the agent or the session service. A bad frame costs an `error` frame, never the connection.
 */
export function attachWsSession(socket: WebSocket, deps: WsSessionDeps): void {
  const id = randomUUID();
  const now = deps.now ?? Date.now;
  const log = deps.logger.child({ session: id });
  let user: VerifiedUser | undefined;
  let accessToken = '';
  let timezone = 'UTC';
  let detach: (() => void) | undefined;
  const seenFrameIds: string[] = [];
  let windowStart = now();
  let framesInWindow = 0;
  // Frames are handled one at a time per socket, so a confirm can never overtake the draft it confirms.
  let queue: Promise<void> = Promise.resolve();

  const send = (frame: ServerFrame) => {
    if (socket.readyState !== socket.OPEN) return;
    if (user) deps.channels.tap?.(user.sub, frame);
    socket.send(JSON.stringify(frame));
  };
  const sendError = (code: ErrorCode, message?: string, extra: { request_id?: string; frame_id?: string } = {}) =>
    send({ type: 'error', code, message: message ?? DEFAULT_ERROR_MESSAGES[code].message, action: DEFAULT_ERROR_MESSAGES[code].action, ...extra });

  const ctx = (): SessionContext => ({ id, user: user!, accessToken, timezone, send, isOpen: () => socket.readyState === socket.OPEN });

  async function authenticate(frame: Extract<AppFrame, { type: 'session_auth' }>) {
    let verified: VerifiedUser;
    try {
      verified = await deps.verify(frame.access_token);
    } catch (err) {
      const reason = err instanceof AuthError ? err.reason : 'token invalid';
      log.info({ reason }, 'session_auth refused');
      sendError('UNAUTHENTICATED', `Sign-in was not accepted (${reason}). Sign in again.`, { frame_id: frame.frame_id });
      return;
    }
    if (user && user.sub !== verified.sub) {
      sendError('SESSION_CONFLICT', undefined, { frame_id: frame.frame_id });
      return;
    }
    const first = !user;
    user = verified;
    accessToken = frame.access_token;
    if (frame.timezone && isTimeZone(frame.timezone)) timezone = frame.timezone;
    const providers = await deps.sessions.signedIn(verified, timezone);
    if (first) detach = deps.channels.add(verified.sub, send);
    if (frame.frame_id) send({ type: 'ack', frame_id: frame.frame_id });
    send({
      type: 'session_ready',
      user: { sub: verified.sub, ...(verified.email ? { email: verified.email } : {}), ...(verified.name ? { name: verified.name } : {}) },
      providers,
    });
    log.info({ sub: verified.sub }, 'session ready');
    if (first) await deps.handler.onSessionStarted?.(ctx());
  }

  async function route(frame: AppFrame) {
    if (frame.type === 'session_auth') return authenticate(frame);
    if (!user || user.expiresAt <= now()) {
      sendError('UNAUTHENTICATED', user ? 'Your sign-in expired. Sign in again.' : 'Send session_auth first.', { frame_id: frame.frame_id });
      return;
    }
    if (frame.frame_id) {
      const duplicate = seenFrameIds.includes(frame.frame_id);
      send({ type: 'ack', frame_id: frame.frame_id });
      if (duplicate) return;
      seenFrameIds.push(frame.frame_id);
      if (seenFrameIds.length > RECENT_FRAME_IDS) seenFrameIds.shift();
    }
    const c = ctx();
    switch (frame.type) {
      case 'transcript':
        return deps.handler.onTranscript(c, frame);
      case 'account_connected':
        return deps.handler.onAccountConnected(c, frame);
      case 'action_confirmed':
        return deps.handler.onActionConfirmed(c, frame);
      case 'action_cancelled':
        return deps.handler.onActionCancelled(c, frame);
      case 'approval_decision':
        return deps.handler.onApprovalDecision(c, frame);
      case 'list_scopes':
        return send({ type: 'scopes', providers: await deps.sessions.scopes(user.sub) });
      case 'revoke_provider':
        return deps.sessions.revoke(user.sub, frame.provider);
      case 'logout':
        await deps.sessions.logout(user.sub, c.id);
        detach?.();
        detach = undefined;
        user = undefined;
        accessToken = '';
        socket.close(1000, 'logged out');
        return;
    }
  }

  socket.on('message', (data, isBinary) => {
    const t = now();
    if (t - windowStart > 60_000) {
      windowStart = t;
      framesInWindow = 0;
    }
    if (++framesInWindow > (deps.maxFramesPerMinute ?? 600)) {
      sendError('RATE_LIMITED', 'Too many messages; slow down.');
      return;
    }
    if (isBinary || !Buffer.isBuffer(data)) {
      sendError('BAD_FRAME', 'frames must be JSON text, not binary');
      return;
    }
    const parsed = parseAppFrame(data.toString('utf8'));
    if (!parsed.ok) {
      sendError('BAD_FRAME', parsed.message, parsed.frame_id ? { frame_id: parsed.frame_id } : {});
      return;
    }
    const frame = parsed.frame;
    queue = queue
      .then(() => route(frame))
      .catch((err: unknown) => {
        log.error({ err: err instanceof Error ? err.message : String(err), frame: frame.type }, 'frame handler failed');
        sendError('INTERNAL', undefined, frame.type === 'transcript' ? { request_id: frame.id } : {});
      });
  });
  socket.on('close', () => {
    detach?.();
    log.debug('socket closed');
  });
  socket.on('error', (err) => log.warn({ err: err.message }, 'socket error'));
}

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
