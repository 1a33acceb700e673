import { z } from 'zod';

/**
 * Desktop configuration: where the tenant and backend are. Only public identifiers live here (a
 * native app has no client secret). Defaults point at the local dev system (`npm run demo`);
 * packaged builds set them at build time or through the environment.
 */
const Env = z.object({
  VOUCH_ISSUER: z.string().url().default('http://127.0.0.1:8788/'),
  VOUCH_CLIENT_ID: z.string().min(1).default('vouch-desktop'),
  VOUCH_AUDIENCE: z.string().min(1).default('https://api.vouch.local'),
  /** The backend's HTTP base; the WebSocket URL is derived from it. */
  VOUCH_BACKEND_URL: z.string().url().default('http://127.0.0.1:8787/'),
  VOUCH_WS_PATH: z.string().default('/ws'),
  VOUCH_HOTKEY: z.string().min(1).default('CommandOrControl+Shift+Space'),
  /** Development only: the Vite dev server; ignored in packaged builds. */
  VOUCH_RENDERER_DEV_URL: z.string().url().optional(),
  VOUCH_WHISPER_MODEL_DIR: z.string().optional(),
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
  /** http issuers are accepted only on loopback, for the dev tenant. */
  allowHttp: boolean;
}

export function loadConfig(env: Record<string, string | undefined>, isPackaged: boolean): DesktopConfig {
  const e = Env.parse(env);
  const backend = new URL(e.VOUCH_BACKEND_URL);
  const ws = new URL(e.VOUCH_WS_PATH, backend);
  ws.protocol = backend.protocol === 'https:' ? 'wss:' : 'ws:';
  return {
    issuer: e.VOUCH_ISSUER,
    clientId: e.VOUCH_CLIENT_ID,
    audience: e.VOUCH_AUDIENCE,
    backendUrl: backend.href,
    wsUrl: ws.href,
    hotkey: e.VOUCH_HOTKEY,
    rendererDevUrl: isPackaged ? undefined : e.VOUCH_RENDERER_DEV_URL,
    whisperModelDir: e.VOUCH_WHISPER_MODEL_DIR,
    allowHttp: true,
  };
}
