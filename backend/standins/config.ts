import { z } from 'zod';

/**
 * Settings of the stand-in processes, the only place they read `process.env`: the demo launcher
 * (`npm run demo`, which also hands a few backend settings through to its embedded backend), the
 * system the tests start, and the stand-alone provider sandbox.
 */
const optional = z
  .string()
  .optional()
  .or(z.literal('').transform(() => undefined));
const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);
const LogLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

/** Backend settings the demo passes through to its embedded backend when they are set. */
const BACKEND_PASSTHROUGH = [
  'GEMINI_API_KEY',
  'GEMINI_BASE_URL',
  'GEMINI_MODEL',
  'CARTESIA_API_KEY',
  'CARTESIA_BASE_URL',
  'CARTESIA_VOICE_ID',
  'CARTESIA_VOICE_ID_WARM',
  'CARTESIA_VOICE_ID_DEEP',
  'OPENFGA_API_URL',
  'OPENFGA_STORE_ID',
  'OPENFGA_MODEL_ID',
  'OPENFGA_API_TOKEN',
] as const;

export const DemoEnv = z.object({
  DATA_DIR: z.string().default('.data/demo'),
  /** The backend's port. */
  PORT: port(8787),
  VOUCH_TENANT_PORT: port(8788),
  VOUCH_SANDBOX_PORT: port(8789),
  VOUCH_POPOVER_PORT: port(8791),
  /** A Whisper model folder for Talk in the demo's popover (see electron/src/stt/model-location.ts). */
  VOUCH_WHISPER_MODEL_DIR: optional,
  /** The speech model's host for the popover's Download (a mirror; default: the pinned model's public host). */
  VOUCH_MODEL_BASE_URL: optional,
  /** 1: download the speech model at start when it is missing (otherwise only when asked in the popover). */
  VOUCH_MODEL_AUTO_DOWNLOAD: optional,
  /** The stand-ins' and the embedded backend's log level (tests keep it quiet by default). */
  LOG_LEVEL: LogLevel.default('warn'),
  GEMINI_API_KEY: optional,
  GEMINI_BASE_URL: optional,
  GEMINI_MODEL: optional,
  CARTESIA_API_KEY: optional,
  CARTESIA_BASE_URL: optional,
  CARTESIA_VOICE_ID: optional,
  CARTESIA_VOICE_ID_WARM: optional,
  CARTESIA_VOICE_ID_DEEP: optional,
  OPENFGA_API_URL: optional,
  OPENFGA_STORE_ID: optional,
  OPENFGA_MODEL_ID: optional,
  OPENFGA_API_TOKEN: optional,
});
export type DemoEnv = z.infer<typeof DemoEnv>;

export function loadDemoEnv(env: NodeJS.ProcessEnv = process.env): DemoEnv {
  const parsed = DemoEnv.safeParse(env);
  if (!parsed.success)
    throw new Error(`invalid demo configuration:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  return parsed.data;
}

/** The backend settings to hand to the demo's embedded backend (only those that are set). */
export function backendPassthrough(env: DemoEnv): Record<string, string> {
  const set = BACKEND_PASSTHROUGH.flatMap((k) => (env[k] ? [[k, env[k]] as const] : []));
  return Object.fromEntries([...set, ['LOG_LEVEL', env.LOG_LEVEL] as const]);
}

/** `backend/standins/sandbox/main.ts`: the OAuth clients the stand-alone sandbox accepts. */
export const SandboxEnv = z.object({
  SANDBOX_CLIENTS: z
    .string()
    .default('[]')
    .transform((s, ctx) => {
      try {
        return JSON.parse(s) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'SANDBOX_CLIENTS must be JSON' });
        return z.NEVER;
      }
    })
    .pipe(z.array(z.object({ client_id: z.string(), client_secret: z.string(), redirect_uris: z.array(z.string().url()) }))),
});

export function loadSandboxEnv(env: NodeJS.ProcessEnv = process.env): z.infer<typeof SandboxEnv> {
  return SandboxEnv.parse(env);
}
