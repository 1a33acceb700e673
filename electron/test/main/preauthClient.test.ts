import { describe, expect, it } from 'vitest';
import { AppController } from '../../src/app/controller.js';
import { createPreauthClient, PREAUTH_MESSAGES, type PreauthClient } from '../../src/app/preauthClient.js';
import type { AuthSession } from '../../src/auth/session.js';
import { PACKAGED_ORIGIN } from '../../src/appOrigin.js';
import { registerBridgeHandlers } from '../../src/ipc/bridgeRegistry.js';
import { channelFor } from '../../src/ipc/channels.js';
import { createSenderPolicy } from '../../src/ipc/senderPolicy.js';
import type { LinkClient } from '../../src/link/linkClient.js';
import { FakeIpcMain } from './helpers/fakeIpc.js';
import { ManualTimers } from './helpers/timers.js';

const NOW = Date.UTC(2030, 4, 1, 9, 0, 0);
const grant = (over: Record<string, unknown> = {}) => ({
  id: 'pa_1',
  user: 'auth0|alex',
  tool: 'gmail',
  max_level: 'confirm',
  max_score: 54,
  created_at: NOW - 60_000,
  expires_at: NOW + 23 * 60_000,
  granted_after_step_up: true,
  step_up_ref: 'req-secret-ref',
  revoked_at: null,
  ...over,
});

type Seen = { method: string; url: string; auth: string | null; body: unknown };

function backend(respond: (req: Seen) => Response) {
  const seen: Seen[] = [];
  const fetchImpl = (async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    const req = {
      method: init?.method ?? 'GET',
      url: String(input),
      auth: headers.get('authorization'),
      body: init?.body ? JSON.parse(String(init.body)) : undefined,
    };
    seen.push(req);
    return respond(req);
  }) as typeof fetch;
  const client = createPreauthClient({
    backendUrl: 'https://api.vouch.test/v1',
    getAccessToken: async () => 'at-123',
    fetchImpl,
    now: () => NOW,
  });
  return { client, seen };
}
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('preauthClient', () => {
  it('lists active grants as views (no user, no step-up ref), soonest first, dropping expired or revoked ones', async () => {
    const { client, seen } = backend(() =>
      json(200, {
        active: [
          grant({ id: 'pa_2', tool: 'slack', max_level: 'step_up', max_score: 100, expires_at: NOW + 60 * 60_000 }),
          grant(),
          grant({ id: 'pa_old', expires_at: NOW - 1 }),
          grant({ id: 'pa_rev', revoked_at: NOW - 5 }),
        ],
        all: [],
      }),
    );
    const list = await client.list();
    expect(list).toEqual([
      { id: 'pa_1', tool: 'gmail', max_level: 'confirm', max_score: 54, expires_at: new Date(NOW + 23 * 60_000).toISOString() },
      { id: 'pa_2', tool: 'slack', max_level: 'step_up', max_score: 100, expires_at: new Date(NOW + 60 * 60_000).toISOString() },
    ]);
    expect(JSON.stringify(list)).not.toContain('secret');
    expect(seen).toEqual([{ method: 'GET', url: 'https://api.vouch.test/v1/preauthorizations', auth: 'Bearer at-123', body: undefined }]);
  });

  it('refuses a malformed list', async () => {
    const { client } = backend(() => json(200, { active: [grant({ tool: 'drive' })] }));
    await expect(client.list()).rejects.toThrow(PREAUTH_MESSAGES.REQUEST_FAILED);
  });

  it('grants with the duration in milliseconds and returns the new grant', async () => {
    const { client, seen } = backend(() => json(201, { preauthorization: grant({ expires_at: NOW + 30 * 60_000 }) }));
    await expect(client.grant({ tool: 'gmail', max_level: 'confirm', duration_minutes: 30 })).resolves.toEqual({
      id: 'pa_1',
      tool: 'gmail',
      max_level: 'confirm',
      max_score: 54,
      expires_at: new Date(NOW + 30 * 60_000).toISOString(),
    });
    expect(seen[0]).toEqual({
      method: 'POST',
      url: 'https://api.vouch.test/v1/preauthorizations',
      auth: 'Bearer at-123',
      body: { tool: 'gmail', max_level: 'step_up', max_score: 54, duration_ms: 1_800_000 },
    });
  });

  it.each([
    ['APPROVAL_DENIED', PREAUTH_MESSAGES.APPROVAL_DENIED],
    ['APPROVAL_EXPIRED', PREAUTH_MESSAGES.APPROVAL_EXPIRED],
    ['FORBIDDEN', PREAUTH_MESSAGES.REQUEST_FAILED],
  ])('a 403 %s becomes a readable refusal', async (code, message) => {
    const { client } = backend(() => json(403, { error: { code, message: 'x' } }));
    await expect(client.grant({ tool: 'slack', max_level: 'step_up', duration_minutes: 15 })).rejects.toThrow(message);
  });

  it('revokes by id (escaped); 404 means it is already inactive; other failures throw', async () => {
    let status = 204;
    const { client, seen } = backend(() => (status === 204 ? new Response(null, { status }) : json(status, { error: { code: 'X' } })));
    await client.revoke('pa_1');
    status = 404;
    await client.revoke('pa/../2');
    status = 500;
    await expect(client.revoke('pa_3')).rejects.toThrow(PREAUTH_MESSAGES.REQUEST_FAILED);
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      'DELETE https://api.vouch.test/v1/preauthorizations/pa_1',
      'DELETE https://api.vouch.test/v1/preauthorizations/pa%2F..%2F2',
      'DELETE https://api.vouch.test/v1/preauthorizations/pa_3',
    ]);
  });
});

describe('controller pre-authorization handlers over IPC', () => {
  function wire(preauth: PreauthClient | undefined, signedIn = true) {
    const session = {
      state: signedIn ? { signedIn: true, user: { sub: 'auth0|alex' } } : { signedIn: false },
      onChange: () => () => {},
    } as unknown as AuthSession;
    const link = { send() {}, start() {}, stop() {}, restart() {} } as unknown as LinkClient;
    const controller = new AppController({
      session,
      link,
      connect: async () => {},
      getAudit: async () => ({ entries: [], verified: { ok: true, count: 0 } }),
      preauth,
      emit: () => {},
      newId: () => 't-1',
      timers: new ManualTimers(),
    });
    const ipcMain = new FakeIpcMain();
    const warnings: Array<Record<string, unknown>> = [];
    registerBridgeHandlers({
      ipcMain,
      isTrustedSender: createSenderPolicy({ origin: PACKAGED_ORIGIN, trustedWebContentsId: () => 7 }),
      handlers: controller.handlers,
      log: { warn: (o) => warnings.push(o) },
    });
    const call = (
      m: 'listPreauthorizations' | 'grantPreauthorization' | 'revokePreauthorization' | 'cancelPreauthorizationRequest',
      ...a: unknown[]
    ) => ipcMain.invokeAs({ webContentsId: 7, url: 'vouch://app/index.html' }, channelFor(m), ...a);
    return { call, warnings };
  }

  it('passes the phone’s refusal to the renderer as a readable message', async () => {
    const { client } = backend(() =>
      json(403, { error: { code: 'APPROVAL_DENIED', message: 'The approval was declined on your phone, so nothing was done.' } }),
    );
    const { call } = wire(client);
    await expect(call('grantPreauthorization', { tool: 'gmail', max_level: 'confirm', duration_minutes: 30 })).resolves.toEqual({
      ok: false,
      error: { code: 'APPROVAL_DENIED', message: 'Declined on your phone. Nothing was allowed.' },
    });
  });

  it('Cancel closes the request waiting for the phone (the backend then grants nothing)', async () => {
    let asked!: (signal: AbortSignal) => void;
    const sent = new Promise<AbortSignal>((resolve) => (asked = resolve));
    const fetchImpl = ((_input: unknown, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        const signal = init!.signal!;
        signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        asked(signal);
      })) as typeof fetch;
    const client = createPreauthClient({ backendUrl: 'https://api.vouch.test/v1', getAccessToken: async () => 'at-123', fetchImpl });
    const { call } = wire(client);
    const waiting = call('grantPreauthorization', { tool: 'slack', max_level: 'confirm', duration_minutes: 15 });
    const signal = await sent;
    expect(signal.aborted).toBe(false);
    await expect(call('cancelPreauthorizationRequest')).resolves.toEqual({ ok: true, value: undefined });
    expect(signal.aborted).toBe(true);
    await expect(waiting).resolves.toMatchObject({ ok: false, error: { code: 'REQUEST_FAILED' } });
  });

  it('hides unexpected failures (no token or URL in the message) and needs a signed-in user', async () => {
    const failing: PreauthClient = {
      list: async () => {
        throw new Error('fetch https://api/preauthorizations with Bearer at-123 failed');
      },
      grant: async () => {
        throw new Error('nope');
      },
      revoke: async () => {},
    };
    const { call } = wire(failing);
    const result = await call('listPreauthorizations');
    expect(result).toEqual({ ok: false, error: { code: 'REQUEST_FAILED', message: 'Vouch could not change this right now. Try again.' } });
    expect(JSON.stringify(result)).not.toContain('at-123');
    await expect(wire(failing, false).call('revokePreauthorization', 'pa_1')).resolves.toEqual({
      ok: false,
      error: { code: 'NOT_SIGNED_IN', message: 'Sign in first.' },
    });
  });
});
