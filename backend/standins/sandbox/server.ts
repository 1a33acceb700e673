import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { SANDBOX_ACCOUNTS, accountOf } from './account.js';
import type { AddressInfo } from 'node:net';
import { registerCalendarRoutes, CalendarStore } from './calendarApi.js';
import { openSandboxDb } from './db.js';
import { registerGmailRoutes } from './gmailApi.js';
import { GmailStore } from './gmailStore.js';
import { Router, decodeBody, readBody, send, type SandboxRequest, type SandboxResponse } from './http.js';
import { registerOAuthRoutes, type SandboxClient } from './oauth.js';
import { DEFAULT_SEED_DIR, loadSlackUsers, seedAccountOnce, seedOnce } from './seed.js';
import { SlackStore, registerSlackRoutes, type SlackAppLimits } from './slackApi.js';
import { TokenStore } from './tokens.js';

/** Structured logger (pino-compatible subset). Tokens and bodies are never passed to it. */
export interface SandboxLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

/** A scripted failure for tests: the next matching request(s) get this answer instead of the real one. */
export interface SandboxFault {
  status: number;
  /** Seconds, sent as Retry-After. */
  retryAfter?: number;
  /** Sent verbatim, e.g. truncated JSON; defaults to a provider-shaped error. */
  body?: string;
  contentType?: string;
  /** How many matching requests fail (default 1). */
  times?: number;
}

export interface SandboxOptions {
  dataDir: string;
  port?: number;
  host?: string;
  now?: () => number;
  accessTokenTtlSeconds?: number;
  clients?: SandboxClient[];
  logger?: SandboxLogger;
  seedDir?: string;
  /** IANA zone the seed calendar is laid out in; defaults to the machine's zone (the desktop user's). */
  timeZone?: string;
  /** Enables failNext and the request log. Off unless a test turns it on. */
  testHooks?: boolean;
  /** Slack's limits for this app; by default a non-Marketplace app's (history 1/min, 15 messages). */
  slackLimits?: Partial<SlackAppLimits>;
}

export interface RecordedRequest {
  method: string;
  path: string;
  status: number;
}

export interface Sandbox {
  url: string;
  googleRootUrl: string;
  slackApiUrl: string;
  /** OAuth endpoints per provider, for registering the sandbox as an Auth0-style connection. */
  oauth: Record<'google' | 'slack', { authorizeUrl: string; tokenUrl: string; userinfoUrl: string }>;
  timeZone: string;
  close(): Promise<void>;
  /** Test hook: fail the next request(s) whose path starts with pathPrefix. Throws unless testHooks. */
  failNext(pathPrefix: string, fault: SandboxFault): void;
  /** Test hook: method, path and status of every API request so far (never headers or bodies). */
  requests(): RecordedRequest[];
}

const silentLogger: SandboxLogger = { info() {}, warn() {} };

export async function startSandbox(opts: SandboxOptions): Promise<Sandbox> {
  const now = opts.now ?? Date.now;
  const logger = opts.logger ?? silentLogger;
  const timeZone = opts.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';
  const seedDir = opts.seedDir ?? DEFAULT_SEED_DIR;
  const db = openSandboxDb(opts.dataDir);
  const tokens = new TokenStore(db, now, opts.accessTokenTtlSeconds ?? 3600);
  const gmail = new GmailStore(db);
  const calendar = new CalendarStore(db);
  const slack = new SlackStore(db, loadSlackUsers(seedDir));
  if (seedOnce(db, { gmail, calendar, slack }, { seedDir, now: now(), timeZone })) logger.info({ dataDir: opts.dataDir }, 'sandbox seeded');
  // The first demo account keeps the main database; every other one has its own mailbox and calendar.
  const extraDbs: DatabaseSync[] = [];
  const mailboxes = new Map<string, { gmail: GmailStore; calendar: CalendarStore }>([[SANDBOX_ACCOUNTS[0]!.userId, { gmail, calendar }]]);
  for (const account of SANDBOX_ACCOUNTS.slice(1)) {
    const own = openSandboxDb(join(opts.dataDir, 'accounts', account.userId));
    extraDbs.push(own);
    const stores = { gmail: new GmailStore(own), calendar: new CalendarStore(own) };
    seedAccountOnce(own, stores, { seedDir, now: now(), timeZone, account });
    mailboxes.set(account.userId, stores);
  }
  const storesOf = (userId: string) => mailboxes.get(accountOf(userId).userId) ?? { gmail, calendar };

  const router = new Router();
  registerOAuthRoutes(router, { clients: opts.clients ?? [], tokens });
  registerGmailRoutes(router, {
    tokens,
    store: gmail,
    now,
    mailboxOf: (userId) => ({ store: storesOf(userId).gmail, account: accountOf(userId) }),
  });
  registerCalendarRoutes(router, {
    tokens,
    store: calendar,
    now,
    timeZone,
    calendarOf: (userId) => ({ store: storesOf(userId).calendar, account: accountOf(userId) }),
  });
  registerSlackRoutes(router, { tokens, store: slack, now, timeZone, ...(opts.slackLimits ? { limits: opts.slackLimits } : {}) });

  const faults: Array<{ prefix: string; fault: SandboxFault; remaining: number }> = [];
  const log: RecordedRequest[] = [];

  const takeFault = (path: string): SandboxFault | undefined => {
    const i = faults.findIndex((f) => path.startsWith(f.prefix));
    if (i < 0) return undefined;
    const entry = faults[i] as (typeof faults)[number];
    entry.remaining -= 1;
    if (entry.remaining <= 0) faults.splice(i, 1);
    return entry.fault;
  };

  const faultResponse = (path: string, f: SandboxFault): SandboxResponse => {
    const headers: Record<string, string> = { 'content-type': f.contentType ?? 'application/json; charset=UTF-8' };
    if (f.retryAfter !== undefined) headers['retry-after'] = String(f.retryAfter);
    if (f.body !== undefined) return { status: f.status, headers, body: f.body };
    if (path.startsWith('/slack/')) return { status: f.status, headers, body: f.status === 429 ? '' : 'upstream error' };
    const status = f.status === 429 ? 'RESOURCE_EXHAUSTED' : f.status >= 500 ? 'UNAVAILABLE' : 'FAILED_PRECONDITION';
    const reason = f.status === 429 ? 'rateLimitExceeded' : 'backendError';
    return {
      status: f.status,
      headers,
      body: {
        error: {
          code: f.status,
          message: 'Scripted sandbox failure',
          errors: [{ message: 'Scripted sandbox failure', domain: 'global', reason }],
          status,
        },
      },
    };
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://sandbox.local');
    const method = (req.method ?? 'GET').toUpperCase();
    let out: SandboxResponse;
    try {
      const raw = await readBody(req);
      const fault = opts.testHooks ? takeFault(url.pathname) : undefined;
      const match = router.match(method, url.pathname);
      if (fault) {
        out = faultResponse(url.pathname, fault);
      } else if (!match) {
        out = { status: 404, body: { error: { code: 404, message: 'Not Found', status: 'NOT_FOUND' } } };
      } else {
        let body: unknown;
        try {
          body = decodeBody(req.headers['content-type'], raw);
        } catch {
          body = Symbol.for('malformed');
        }
        if (body === Symbol.for('malformed')) {
          out = { status: 400, body: { error: { code: 400, message: 'Invalid JSON payload received.', status: 'INVALID_ARGUMENT' } } };
        } else {
          const sreq: SandboxRequest = {
            method,
            path: url.pathname,
            params: match.params,
            query: url.searchParams,
            headers: req.headers,
            body,
            rawBody: raw,
          };
          out = await match.handler(sreq);
        }
      }
    } catch (err) {
      logger.warn({ path: url.pathname, err: err instanceof Error ? err.message : String(err) }, 'sandbox handler failed');
      out = { status: 500, body: { error: { code: 500, message: 'Internal error', status: 'INTERNAL' } } };
    }
    if (opts.testHooks) log.push({ method, path: url.pathname, status: out.status });
    logger.info({ method, path: url.pathname, status: out.status }, 'sandbox request');
    send(res, out);
  };

  const server = createServer((req, res) => {
    void handle(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = opts.host && opts.host !== '0.0.0.0' ? opts.host : '127.0.0.1';
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const oauthFor = (p: 'google' | 'slack') => ({
    authorizeUrl: `${url}/oauth/${p}/authorize`,
    tokenUrl: `${url}/oauth/${p}/token`,
    userinfoUrl: `${url}/oauth/${p}/userinfo`,
  });

  return {
    url,
    googleRootUrl: `${url}/`,
    slackApiUrl: `${url}/slack/api/`,
    oauth: { google: oauthFor('google'), slack: oauthFor('slack') },
    timeZone,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      db.close();
      for (const own of extraDbs) own.close();
    },
    failNext(pathPrefix, fault) {
      if (!opts.testHooks) throw new Error('failNext needs startSandbox({ testHooks: true })');
      faults.push({ prefix: pathPrefix, fault, remaining: fault.times ?? 1 });
    },
    requests() {
      if (!opts.testHooks) throw new Error('requests() needs startSandbox({ testHooks: true })');
      return [...log];
    },
  };
}
