import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HeadlessSession } from '../../../backend/standins/devtenant/signInHeadless.js';
import type { VouchSystem } from '../../../backend/standins/system.js';
import { startTestSystem } from '../../../backend/test/helpers/system.js';
import { createAccountSettingsClient } from '../../src/app/accountSettingsClient.js';
import { AppController } from '../../src/app/controller.js';
import { PACKAGED_ORIGIN } from '../../src/appOrigin.js';
import type { AuthSession } from '../../src/auth/session.js';
import type { BridgeMethod } from '../../src/bridge/contract.js';
import { registerBridgeHandlers } from '../../src/ipc/bridgeRegistry.js';
import { channelFor } from '../../src/ipc/channels.js';
import { createSenderPolicy } from '../../src/ipc/senderPolicy.js';
import type { LinkClient } from '../../src/link/linkClient.js';
import { FakeIpcMain } from './helpers/fakeIpc.js';
import { ManualTimers } from './helpers/timers.js';

/**
 * The popover's "My email domains" and "Default meeting length" through the real bridge path:
 * IPC → controller → HTTP client → the backend over a real socket, with the dev tenant's phone.
 */
let system: VouchSystem;
let alex: HeadlessSession;
let call: (m: Exclude<BridgeMethod, 'onEvent'>, ...a: unknown[]) => Promise<unknown>;
beforeAll(async () => {
  system = await startTestSystem({ cibaIntervalSeconds: 0.05 });
  alex = await system.login('alex');
  const session = {
    state: { signedIn: true, user: { sub: 'auth0|alex' } },
    onChange: () => () => {},
  } as unknown as AuthSession;
  const controller = new AppController({
    session,
    link: { send() {}, start() {}, stop() {}, restart() {} } as unknown as LinkClient,
    connect: async () => {},
    getAudit: async () => ({ entries: [], verified: { ok: true, count: 0 } }),
    accountSettings: createAccountSettingsClient({ backendUrl: system.backendUrl, getAccessToken: async () => alex.access_token }),
    emit: () => {},
    newId: () => 't-1',
    timers: new ManualTimers(),
  });
  const ipcMain = new FakeIpcMain();
  registerBridgeHandlers({
    ipcMain,
    isTrustedSender: createSenderPolicy({ origin: PACKAGED_ORIGIN, trustedWebContentsId: () => 7 }),
    handlers: controller.handlers,
    log: { warn: () => {} },
  });
  call = (m, ...a) => ipcMain.invokeAs({ webContentsId: 7, url: 'vouch://app/index.html' }, channelFor(m), ...a);
});
afterAll(async () => {
  await system.stop();
});

function phoneAnswers(decision: 'approve' | 'deny'): Promise<string> {
  return new Promise((resolve) =>
    system.tenant.ciba.events.once('request', (p: { authReqId: string; bindingMessage?: string }) => {
      void (decision === 'approve' ? system.tenant.ciba.approve(p.authReqId) : system.tenant.ciba.deny(p.authReqId));
      resolve(p.bindingMessage ?? '');
    }),
  );
}

describe('my email domains over the bridge', () => {
  it('lists the sign-in domain; a declined phone leaves the list as it was, with a readable reason', async () => {
    expect(await call('listEmailDomains')).toEqual({ ok: true, value: { sign_in_domain: 'example.com', domains: [] } });
    const asked = phoneAnswers('deny');
    expect(await call('addEmailDomain', 'partner.io')).toMatchObject({ ok: false, error: { code: 'APPROVAL_DENIED' } });
    expect(await asked).toBe('Count partner.io as inside');
  });

  it('passes the backend’s reason for a refused domain on to the person', async () => {
    expect(await call('addEmailDomain', 'gmail.com')).toEqual({
      ok: false,
      error: { code: 'REQUEST_FAILED', message: expect.stringContaining('gmail.com is a public mail provider') },
    });
  });

  it('adds once the phone approves, and removes without it', async () => {
    const asked = phoneAnswers('approve');
    const added = (await call('addEmailDomain', 'Partner.io')) as { ok: true; value: { domains: Array<{ domain: string }> } };
    await asked;
    expect(added.value.domains.map((d) => d.domain)).toEqual(['partner.io']);
    expect(await call('removeEmailDomain', 'partner.io')).toEqual({ ok: true, value: { sign_in_domain: 'example.com', domains: [] } });
    // Already gone counts as removed.
    expect(await call('removeEmailDomain', 'partner.io')).toMatchObject({ ok: true });
  });

  it('sets the default meeting length, and refuses one out of range before it leaves the app', async () => {
    expect(await call('getMeetingPreferences')).toEqual({ ok: true, value: { default_meeting_minutes: 30 } });
    expect(await call('setDefaultMeetingMinutes', 45)).toEqual({ ok: true, value: { default_meeting_minutes: 45 } });
    expect(await call('setDefaultMeetingMinutes', 1000)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENTS' } });
    expect(await call('getMeetingPreferences')).toEqual({ ok: true, value: { default_meeting_minutes: 45 } });
  });
});
