import type { BackendEnv } from '../config.js';

/** What one app socket may do, and how many sockets may be open (per client address and in all). */
export interface WsLimits {
  maxConnections: number;
  maxConnectionsPerIp: number;
  /** A socket that has not sent an accepted `session_auth` by then is closed (1008). */
  authTimeoutMs: number;
  pingIntervalMs: number;
  /** A ping not answered within this is a dead peer: the socket is terminated. */
  pongTimeoutMs: number;
  /** Above this many unsent bytes the peer is not reading: the socket is terminated, never written to. */
  maxBufferedBytes: number;
  /** Over this the socket is closed (1008) rather than answered. */
  maxFramesPerMinute: number;
  /** Malformed, unauthenticated or refused frames a socket may send before it is closed (1008). */
  maxBadFrames: number;
}

export interface HttpRateLimits {
  perIp: number;
  perUser: number;
  windowMs: number;
}

export interface CibaLimits {
  /** Phone requests this deployment keeps open at once, all users together. */
  maxInFlight: number;
  /**
   * Requests of one user and purpose that may end without approval (denied, expired, abandoned)
   * within `cooldownMs` (counted from the first); after that, no new one until the window ends.
   */
  unapprovedBeforeCooldown: number;
  /** 0: no cooldown. */
  cooldownMs: number;
}

interface AbuseLimits {
  ws: WsLimits;
  http: HttpRateLimits;
  ciba: CibaLimits;
}

export function abuseLimitsFromEnv(env: BackendEnv): AbuseLimits {
  return {
    ws: {
      maxConnections: env.WS_MAX_CONNECTIONS,
      maxConnectionsPerIp: env.WS_MAX_CONNECTIONS_PER_IP,
      authTimeoutMs: env.WS_AUTH_TIMEOUT_MS,
      pingIntervalMs: env.WS_PING_INTERVAL_MS,
      pongTimeoutMs: env.WS_PONG_TIMEOUT_MS,
      maxBufferedBytes: env.WS_MAX_BUFFERED_BYTES,
      maxFramesPerMinute: env.WS_MAX_FRAMES_PER_MINUTE,
      maxBadFrames: env.WS_MAX_BAD_FRAMES,
    },
    http: { perIp: env.HTTP_RATE_LIMIT_PER_IP, perUser: env.HTTP_RATE_LIMIT_PER_USER, windowMs: env.HTTP_RATE_LIMIT_WINDOW_MS },
    ciba: {
      maxInFlight: env.CIBA_MAX_IN_FLIGHT,
      unapprovedBeforeCooldown: env.CIBA_COOLDOWN_AFTER_UNAPPROVED,
      cooldownMs: env.CIBA_COOLDOWN_MS,
    },
  };
}

/** The defaults of the configuration schema, for servers built without one (tests of single modules). */
export const DEFAULT_WS_LIMITS: WsLimits = {
  maxConnections: 2000,
  maxConnectionsPerIp: 20,
  authTimeoutMs: 10_000,
  pingIntervalMs: 30_000,
  pongTimeoutMs: 10_000,
  maxBufferedBytes: 4 * 1024 * 1024,
  maxFramesPerMinute: 600,
  maxBadFrames: 20,
};
