import { randomUUID } from 'node:crypto';
import type { WebSocket } from 'ws';
import { AuthError, type AccessTokenVerifier, type VerifiedUser } from '../auth/jwt.js';
import { DEFAULT_WS_LIMITS, type WsLimits } from '../limits/settings.js';
import type { Logger } from '../log.js';
import {
  type AppFrame,
  DEFAULT_ERROR_MESSAGES,
  type ErrorCode,
  parseAppFrame,
  type ServerFrame,
  type VoiceKey,
  voiceOrDefault,
} from '../protocol/index.js';
import type { SessionService } from '../session/service.js';
import type { UserChannels } from './channels.js';
import type { ConversationHandler, SessionContext } from './handlers.js';

export interface WsSessionDeps {
  verify: AccessTokenVerifier;
  sessions: Pick<SessionService, 'signedIn' | 'scopes' | 'revoke' | 'logout' | 'closed'>;
  channels: UserChannels;
  handler: ConversationHandler;
  logger: Logger;
  /** Sign-in deadline, heartbeat, frame budget, send buffer cap; the schema's defaults when unset. */
  limits?: Partial<WsLimits>;
  now?: () => number;
}

const RECENT_FRAME_IDS = 256;
/** Frames accepted but not yet handled; more means the peer sends faster than its work finishes. */
const MAX_QUEUED_FRAMES = 32;
/** How long a socket closed for abuse gets to finish the closing handshake before it is cut. */
const CLOSE_GRACE_MS = 1000;

/**
 * One app connection, transport only: validates every frame, requires a verified session for
 * everything but `session_auth`, acknowledges frames so the app can resend after a reconnect, and
 * routes the rest to the agent or the session service. A bad frame costs an `error` frame; too many of
 * them, too many frames, no sign-in in time or an unanswered ping cost the connection, and nothing is
 * ever written to a peer that does not read (its socket is cut instead), so no client can make the
 * server hold memory on its behalf.
 */
export function attachWsSession(socket: WebSocket, deps: WsSessionDeps): void {
  const id = randomUUID();
  const now = deps.now ?? Date.now;
  const limits: WsLimits = { ...DEFAULT_WS_LIMITS, ...deps.limits };
  const log = deps.logger.child({ session: id });
  let user: VerifiedUser | undefined;
  let accessToken = '';
  let timezone = 'UTC';
  let voice: VoiceKey = voiceOrDefault(undefined);
  let detach: (() => void) | undefined;
  const seenFrameIds: string[] = [];
  let windowStart = now();
  let framesInWindow = 0;
  let badFrames = 0;
  let queued = 0;
  let closing = false;
  // Frames are handled one at a time per socket, so a confirm can never overtake the draft it confirms.
  let queue: Promise<void> = Promise.resolve();
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, fn: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
    return t;
  };

  /** Closes with a reason the app can show (1008: policy violation), and cuts the socket if the peer does not answer. */
  const closeForAbuse = (reason: string) => {
    if (closing) return;
    closing = true;
    log.info({ reason }, 'closing app socket');
    socket.close(1008, reason);
    // Read nothing more from it: whatever else the peer sent would only be parsed to be ignored.
    socket.pause();
    later(CLOSE_GRACE_MS, () => socket.terminate());
  };

  const send = (frame: ServerFrame) => {
    if (socket.readyState !== socket.OPEN || closing) return;
    // A peer that stops reading would make every reply wait here, in memory: cut it instead.
    if (socket.bufferedAmount > limits.maxBufferedBytes) {
      closing = true;
      log.info({ buffered: socket.bufferedAmount }, 'app socket not reading; terminated');
      socket.terminate();
      return;
    }
    if (user) deps.channels.tap?.(user.sub, frame);
    socket.send(JSON.stringify(frame));
  };
  const badFrame = (code: ErrorCode, message?: string, extra: { request_id?: string; frame_id?: string } = {}) => {
    if (++badFrames > limits.maxBadFrames) return closeForAbuse('too many bad frames');
    sendError(code, message, extra);
  };
  const sendError = (code: ErrorCode, message?: string, extra: { request_id?: string; frame_id?: string } = {}) =>
    send({
      type: 'error',
      code,
      message: message ?? DEFAULT_ERROR_MESSAGES[code].message,
      action: DEFAULT_ERROR_MESSAGES[code].action,
      ...extra,
    });

  const ctx = (): SessionContext => ({
    id,
    user: user!,
    accessToken,
    timezone,
    voice,
    send,
    isOpen: () => socket.readyState === socket.OPEN,
  });

  async function authenticate(frame: Extract<AppFrame, { type: 'session_auth' }>) {
    let verified: VerifiedUser;
    try {
      verified = await deps.verify(frame.access_token);
    } catch (err) {
      const reason = err instanceof AuthError ? err.reason : 'token invalid';
      log.info({ reason }, 'session_auth refused');
      badFrame('UNAUTHENTICATED', `Sign-in was not accepted (${reason}). Sign in again.`, { frame_id: frame.frame_id });
      return;
    }
    if (user && user.sub !== verified.sub) {
      badFrame('SESSION_CONFLICT', undefined, { frame_id: frame.frame_id });
      return;
    }
    const first = !user;
    if (closing) return;
    user = verified;
    if (authDeadline) clearTimeout(authDeadline);
    accessToken = frame.access_token;
    if (frame.timezone && isTimeZone(frame.timezone)) timezone = frame.timezone;
    voice = voiceOrDefault(frame.voice);
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
      badFrame('UNAUTHENTICATED', user ? 'Your sign-in expired. Sign in again.' : 'Send session_auth first.', { frame_id: frame.frame_id });
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

  const authDeadline: NodeJS.Timeout | undefined = later(limits.authTimeoutMs, () => {
    if (!user) closeForAbuse('sign in first');
  });

  // Heartbeat: a peer that does not answer a ping in time is gone (or pretending); cut it.
  let pongDeadline: NodeJS.Timeout | undefined;
  const heartbeat = setInterval(() => {
    if (pongDeadline || closing) return;
    pongDeadline = later(limits.pongTimeoutMs, () => {
      log.info('app socket missed a pong; terminated');
      closing = true;
      socket.terminate();
    });
    socket.ping();
  }, limits.pingIntervalMs);
  socket.on('pong', () => {
    if (pongDeadline) clearTimeout(pongDeadline);
    if (pongDeadline) timers.delete(pongDeadline);
    pongDeadline = undefined;
  });

  socket.on('message', (data, isBinary) => {
    if (closing) return;
    const t = now();
    if (t - windowStart > 60_000) {
      windowStart = t;
      framesInWindow = 0;
    }
    if (++framesInWindow > limits.maxFramesPerMinute) {
      sendError('RATE_LIMITED', 'Too many messages; this connection is closed.');
      return closeForAbuse('too many messages');
    }
    if (isBinary || !Buffer.isBuffer(data)) return badFrame('BAD_FRAME', 'frames must be JSON text, not binary');
    const parsed = parseAppFrame(data.toString('utf8'));
    if (!parsed.ok) return badFrame('BAD_FRAME', parsed.message, parsed.frame_id ? { frame_id: parsed.frame_id } : {});
    const frame = parsed.frame;
    if (++queued > MAX_QUEUED_FRAMES) return closeForAbuse('too many messages waiting');
    queue = queue
      .then(() => (closing ? undefined : route(frame)))
      .catch((err: unknown) => {
        log.error({ err: err instanceof Error ? err.message : String(err), frame: frame.type }, 'frame handler failed');
        sendError('INTERNAL', undefined, frame.type === 'transcript' ? { request_id: frame.id } : {});
      })
      .finally(() => {
        queued -= 1;
      });
  });
  socket.on('close', () => {
    closing = true;
    clearInterval(heartbeat);
    for (const t of timers) clearTimeout(t);
    timers.clear();
    detach?.();
    detach = undefined;
    // The short-term conversation belongs to this socket; it goes with it, once the frame being
    // handled (an answer still being written adds its turn) has finished.
    void queue.finally(() => deps.sessions.closed(id));
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
