import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { GOOGLE_SCOPES, SLACK_SCOPES, CONNECT_BASE_SCOPES } from '../src/protocol/index.js';
import { startVouch, type ComposeOptions, type RunningBackend } from '../src/compose.js';
import { DEMO_AUDIT_HMAC_KEY } from '../src/audit/key.js';
import { BackendEnv } from '../src/config.js';
import { startDevTenant, type DevTenant } from './devtenant/index.js';
import { signInHeadless, type HeadlessSession } from './devtenant/signInHeadless.js';
import { createLogger, type Logger } from '../src/log.js';
import { loadDemoEnv } from './config.js';
import { startSandbox } from './sandbox/index.js';

/** The client the dev tenant uses at the provider sandbox, like Auth0's Google/Slack app credentials. */
const TENANT_AT_SANDBOX = { client_id: 'auth0-dev-tenant', client_secret: 'dev-tenant-upstream-secret' };

export interface VouchSystemOptions {
  dataDir: string;
  /** Fixed ports for the demo; tests use ephemeral ports (0). */
  ports?: { backend?: number; tenant?: number; sandbox?: number };
  host?: string;
  logger?: Logger;
  /** Extra backend settings (e.g. GEMINI_BASE_URL of a stand-in). */
  env?: Record<string, string>;
  now?: () => number;
  sandboxNow?: () => number;
  /** The dev tenant's clock for stored provider-token expiry (tests move it with the sandbox's). */
  tenantNow?: () => number;
  sandboxAccessTokenTtlSeconds?: number;
  /** The sandbox's seed data (default resources/seed); tests add their own mail here. */
  sandboxSeedDir?: string;
  cibaIntervalSeconds?: number;
  /** The desktop client's exact callback URLs (default: the app's default loopback ports). */
  desktopRedirectUris?: readonly string[];
  /** Defaults to LOG_LEVEL from the stand-ins' config (see config.ts): `warn`. */
  logLevel?: string;
  /** The Cartesia stand-in's certificate, when `env` points CARTESIA_BASE_URL at it. */
  cartesiaCa?: string;
}

export interface VouchSystem {
  backendUrl: string;
  wsUrl: string;
  tenantUrl: string;
  sandboxUrl: string;
  tenant: DevTenant;
  backend: RunningBackend;
  sandbox: Awaited<ReturnType<typeof startSandbox>>;
  env: BackendEnv;
  /** Signs a demo user in as the desktop app would (PKCE), returning their tokens. */
  login(username?: string): Promise<HeadlessSession>;
  /** Restarts only the backend on the same data (and port), as after a crash or deploy. */
  restartBackend(): Promise<RunningBackend>;
  stop(): Promise<void>;
}

/**
 * Starts the whole system on embedded defaults: the Auth0-compatible dev tenant, the provider
 * sandbox and the backend wired to both. The same backend code runs against a real tenant and the
 * real APIs when the environment points there instead.
 */
export async function startVouchSystem(opts: VouchSystemOptions): Promise<VouchSystem> {
  const host = opts.host ?? '127.0.0.1';
  const logLevel = opts.logLevel ?? loadDemoEnv().LOG_LEVEL;
  const logger = opts.logger ?? createLogger({ level: logLevel });
  mkdirSync(opts.dataDir, { recursive: true });
  const tenant = await startDevTenant({
    dataDir: join(opts.dataDir, 'tenant'),
    port: opts.ports?.tenant ?? 0,
    host,
    cibaIntervalSeconds: opts.cibaIntervalSeconds,
    now: opts.tenantNow,
    ...(opts.desktopRedirectUris ? { desktopRedirectUris: [...opts.desktopRedirectUris] } : {}),
  });
  const sandbox = await startSandbox({
    dataDir: join(opts.dataDir, 'sandbox'),
    port: opts.ports?.sandbox ?? 0,
    host,
    now: opts.sandboxNow,
    accessTokenTtlSeconds: opts.sandboxAccessTokenTtlSeconds,
    ...(opts.sandboxSeedDir ? { seedDir: opts.sandboxSeedDir } : {}),
    clients: [{ ...TENANT_AT_SANDBOX, redirect_uris: [new URL('connected-accounts/callback', tenant.issuer).href] }],
  });
  tenant.setUpstreams([
    {
      name: 'google-oauth2',
      strategy: 'google-oauth2',
      authorizeUrl: `${sandbox.url}/oauth/google/authorize`,
      tokenUrl: `${sandbox.url}/oauth/google/token`,
      clientId: TENANT_AT_SANDBOX.client_id,
      clientSecret: TENANT_AT_SANDBOX.client_secret,
      defaultScopes: [...CONNECT_BASE_SCOPES.google, ...Object.values(GOOGLE_SCOPES)],
    },
    {
      name: 'sign-in-with-slack',
      strategy: 'oauth2',
      authorizeUrl: `${sandbox.url}/oauth/slack/authorize`,
      tokenUrl: `${sandbox.url}/oauth/slack/token`,
      clientId: TENANT_AT_SANDBOX.client_id,
      clientSecret: TENANT_AT_SANDBOX.client_secret,
      defaultScopes: Object.values(SLACK_SCOPES),
    },
  ]);
  const env = BackendEnv.parse({
    HOST: host,
    PORT: String(opts.ports?.backend ?? 0),
    DATA_DIR: join(opts.dataDir, 'backend'),
    LOG_LEVEL: logLevel,
    AUTH0_ISSUER_BASE_URL: tenant.issuer,
    AUTH0_AUDIENCE: tenant.apiAudience,
    AUTH0_CLIENT_ID: tenant.apiClient.clientId,
    AUTH0_CLIENT_SECRET: tenant.apiClient.clientSecret,
    AUTH0_CIBA_CLIENT_ID: tenant.cibaClient.clientId,
    AUTH0_CIBA_CLIENT_SECRET: tenant.cibaClient.clientSecret,
    GOOGLE_API_ROOT_URL: `${sandbox.url}/`,
    SLACK_API_URL: `${sandbox.url}/slack/api/`,
    AUDIT_HMAC_KEY: DEMO_AUDIT_HMAC_KEY,
    ...opts.env,
  });
  const backendOptions: ComposeOptions = {
    logger,
    ...(opts.now ? { now: opts.now } : {}),
    ...(opts.cartesiaCa ? { cartesiaCa: opts.cartesiaCa } : {}),
  };
  let backend = await startVouch(env, backendOptions);
  const backendPort = Number(new URL(backend.url).port);

  const system: VouchSystem = {
    get backendUrl() {
      return backend.url;
    },
    get wsUrl() {
      return backend.wsUrl;
    },
    tenantUrl: tenant.url,
    sandboxUrl: sandbox.url,
    tenant,
    get backend() {
      return backend;
    },
    sandbox,
    env,
    login: (username) =>
      signInHeadless({
        issuer: tenant.issuer,
        clientId: tenant.desktopClientId,
        audience: tenant.apiAudience,
        username,
        redirectUri: tenant.desktopRedirectUris[0],
      }),
    restartBackend: async () => {
      await backend.close();
      backend = await startVouch({ ...env, PORT: backendPort }, backendOptions);
      return backend;
    },
    stop: async () => {
      await backend.close();
      await sandbox.close();
      await tenant.close();
    },
  };
  return system;
}
