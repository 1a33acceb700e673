import { z } from 'zod';
import { CONSENT_HOSTS } from '../../backend/src/protocol/index.js';
import { loopbackPorts as loopbackPortsFrom } from './auth/loopback.js';
import { VouchError } from '../../backend/src/protocol/vouchError.js';

/**
 * Desktop configuration: the one place the main process reads `process.env` (through
 * `loadConfig(process.env, app.isPackaged)`). Only public identifiers live here (a native app has
 * no client secret). Defaults point at the local dev system (`npm run demo`); packaged builds set
 * them at build time or through the environment, and must reach the backend and the tenant over
 * https/wss unless those run on this machine (loopback).
 */
const optional = z
  .string()
  .optional()
  .or(z.literal('').transform(() => undefined));
const LogLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

const DesktopEnv = z.object({
  VOUCH_ISSUER: z.string().url().default('http://127.0.0.1:8788/'),
  VOUCH_CLIENT_ID: z.string().min(1).default('vouch-desktop'),
  VOUCH_AUDIENCE: z.string().min(1).default('https://api.vouch.local'),
  /** The backend's HTTP base; the WebSocket URL is derived from it. */
  VOUCH_BACKEND_URL: z.string().url().default('http://127.0.0.1:8787/'),
  VOUCH_WS_PATH: z.string().default('/ws'),
  VOUCH_HOTKEY: z.string().min(1).default('CommandOrControl+Shift+Space'),
  /** Development only: the Vite dev server; ignored in packaged builds. */
  VOUCH_RENDERER_DEV_URL: z.string().url().optional(),
  /** Set by `electron-vite dev` to its renderer dev server; used when VOUCH_RENDERER_DEV_URL is not. */
  ELECTRON_RENDERER_URL: z.string().url().optional(),
  VOUCH_WHISPER_MODEL_DIR: optional,
  /** Development and e2e only: a throwaway profile folder; ignored in packaged builds. */
  VOUCH_USER_DATA_DIR: optional,
  VOUCH_LOG_LEVEL: LogLevel.default('info'),
  /** Extra hosts (exact `host[:port]`, comma-separated) the system browser may be sent to. */
  VOUCH_EXTERNAL_HOSTS: optional,
  /** Loopback ports for the sign-in and connect callbacks, in the order tried; each must be registered at the tenant. */
  VOUCH_LOOPBACK_PORTS: optional,
  /** Where the speech model is downloaded from (a mirror or an air-gapped server); default Hugging Face. */
  VOUCH_MODEL_BASE_URL: optional,
  /** `1`: download the speech model at start in a development build too (packaged builds always do). */
  VOUCH_MODEL_AUTO_DOWNLOAD: optional,
});

export interface DesktopConfig {
  issuer: string;
  clientId: string;
  audience: string;
  backendUrl: string;
  wsUrl: string;
  hotkey: string;
  rendererDevUrl?: string | undefined;
  whisperModelDir?: string | undefined;
  userDataDir?: string | undefined;
  logLevel: z.infer<typeof LogLevel>;
  /** http issuers are accepted only on loopback, for the dev tenant. */
  allowHttp: boolean;
  /** The only hosts `openExternal` may open: the tenant, the providers' consent pages and VOUCH_EXTERNAL_HOSTS. */
  externalHosts: readonly string[];
  /** Ports for the loopback redirect, tried in order (`http://127.0.0.1:<port>/callback` each registered). */
  loopbackPorts: readonly number[];
  /** Settings the speech model manager reads, in its own variable names. */
  speechEnv: Readonly<Record<string, string | undefined>>;
  /** Download the speech model at start when it is missing. */
  modelAutoDownload: boolean;
  /** What the key hook and launch at login read: the display server, the XDG config folder, the AppImage's path. */
  desktopEnv: Readonly<Record<'DISPLAY' | 'WAYLAND_DISPLAY' | 'XDG_SESSION_TYPE' | 'XDG_CONFIG_HOME' | 'APPIMAGE', string | undefined>>;
}

export class DesktopConfigError extends VouchError {
  static override readonly code = 'DESKTOP_CONFIG_INVALID';
  override name = 'DesktopConfigError';
}

const LOOPBACK_HOSTNAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

function isLoopbackUrl(url: URL): boolean {
  return LOOPBACK_HOSTNAMES.has(url.hostname);
}

/** Packaged builds talk to remote servers only over TLS; plain http/ws is for this machine. */
function requireTls(name: string, url: URL): void {
  if (url.protocol !== 'https:' && !isLoopbackUrl(url)) {
    throw new DesktopConfigError(`${name} must be an https: URL (or point at this machine): got ${url.protocol}//${url.host}`);
  }
}

export function loadConfig(env: Record<string, string | undefined>, isPackaged: boolean): DesktopConfig {
  const parsed = DesktopEnv.safeParse(env);
  if (!parsed.success) {
    throw new DesktopConfigError(
      `invalid desktop configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  const e = parsed.data;
  const issuer = new URL(e.VOUCH_ISSUER);
  const backend = new URL(e.VOUCH_BACKEND_URL);
  for (const [name, url] of [
    ['VOUCH_ISSUER', issuer],
    ['VOUCH_BACKEND_URL', backend],
  ] as const) {
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new DesktopConfigError(`${name} must be an http(s) URL`);
    if (url.username || url.password) throw new DesktopConfigError(`${name} must not carry credentials`);
    if (isPackaged) requireTls(name, url);
  }
  const ws = new URL(e.VOUCH_WS_PATH, backend);
  ws.protocol = backend.protocol === 'https:' ? 'wss:' : 'ws:';
  const extraHosts = (e.VOUCH_EXTERNAL_HOSTS ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  return {
    issuer: e.VOUCH_ISSUER,
    clientId: e.VOUCH_CLIENT_ID,
    audience: e.VOUCH_AUDIENCE,
    backendUrl: backend.href,
    wsUrl: ws.href,
    hotkey: e.VOUCH_HOTKEY,
    rendererDevUrl: isPackaged ? undefined : (e.VOUCH_RENDERER_DEV_URL ?? e.ELECTRON_RENDERER_URL),
    whisperModelDir: e.VOUCH_WHISPER_MODEL_DIR,
    userDataDir: isPackaged ? undefined : e.VOUCH_USER_DATA_DIR,
    logLevel: e.VOUCH_LOG_LEVEL,
    allowHttp: isLoopbackUrl(issuer),
    externalHosts: [...new Set([issuer.host, ...Object.values(CONSENT_HOSTS).flat(), ...extraHosts])],
    loopbackPorts: loopbackPortsFrom(e.VOUCH_LOOPBACK_PORTS),
    speechEnv: { VOUCH_MODEL_BASE_URL: e.VOUCH_MODEL_BASE_URL, VOUCH_WHISPER_MODEL_DIR: e.VOUCH_WHISPER_MODEL_DIR },
    modelAutoDownload: isPackaged || e.VOUCH_MODEL_AUTO_DOWNLOAD === '1',
    desktopEnv: {
      DISPLAY: env.DISPLAY,
      WAYLAND_DISPLAY: env.WAYLAND_DISPLAY,
      XDG_SESSION_TYPE: env.XDG_SESSION_TYPE,
      XDG_CONFIG_HOME: env.XDG_CONFIG_HOME,
      APPIMAGE: env.APPIMAGE,
    },
  };
}

/**
 * Development builds only: the configuration with the backend chosen in Settings (used from the
 * next start; packaged builds always use the configured one). Throws `DesktopConfigError` when the
 * stored URL is not usable; the caller keeps the configured backend then.
 */
export function withBackendFromSettings(
  cfg: DesktopConfig,
  env: Record<string, string | undefined>,
  isPackaged: boolean,
  storedUrl: unknown,
): DesktopConfig {
  if (isPackaged || typeof storedUrl !== 'string' || storedUrl === '') return cfg;
  return { ...loadConfig({ ...env, VOUCH_BACKEND_URL: storedUrl }, false), userDataDir: cfg.userDataDir };
}
