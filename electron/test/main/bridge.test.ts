import { describe, expect, it } from 'vitest';
import { BRIDGE_ERROR_MESSAGES, BRIDGE_METHODS, bridgeFailureOf, DEFAULT_SETTINGS, type BridgeEvent } from '../../src/bridge/contract.js';
import { PACKAGED_ORIGIN } from '../../src/appOrigin.js';
import { BridgeError, type MainHandlers, REFUSED_PAYLOAD, REFUSED_SENDER, registerBridgeHandlers } from '../../src/ipc/bridgeRegistry.js';
import { channelFor, EVENT_CHANNEL } from '../../src/ipc/channels.js';
import { createBridge, type IpcRendererLike } from '../../src/ipc/createBridge.js';
import { createSenderPolicy } from '../../src/ipc/senderPolicy.js';
import { FakeIpcMain, type Sender } from './helpers/fakeIpc.js';

const POPOVER_ID = 7;
const popover: Sender = { webContentsId: POPOVER_ID, url: 'vouch://app/index.html' };

/** What main answers a call whose arguments the contract refuses. */
const REFUSED_ARGS = { ok: false, error: { code: 'INVALID_ARGUMENTS', message: REFUSED_PAYLOAD } };

const GRANT = { id: 'pa_1', tool: 'gmail' as const, max_level: 'confirm' as const, max_score: 54, expires_at: '2030-05-01T09:30:00.000Z' };

/** Main-side handlers that record what reached app code. */
function recordingHandlers() {
  const calls: Array<[string, unknown[]]> = [];
  const rec =
    <T>(name: string, result?: T) =>
    (...args: unknown[]) => {
      calls.push([name, args]);
      return result as T;
    };
  const handlers: MainHandlers = {
    signIn: rec('signIn'),
    signOut: rec('signOut'),
    sendTranscript: rec('sendTranscript', { id: 't-1' }),
    startListening: rec('startListening'),
    stopListening: rec('stopListening'),
    pushAudio: rec('pushAudio'),
    confirmDraft: rec('confirmDraft'),
    cancelDraft: rec('cancelDraft'),
    decideApproval: rec('decideApproval'),
    connectProvider: rec('connectProvider'),
    listScopes: rec('listScopes'),
    revokeProvider: rec('revokeProvider'),
    getAudit: rec('getAudit', { entries: [], verified: { ok: true, count: 0 } }),
    listPreauthorizations: rec('listPreauthorizations', []),
    grantPreauthorization: rec('grantPreauthorization', GRANT),
    revokePreauthorization: rec('revokePreauthorization'),
    cancelPreauthorizationRequest: rec('cancelPreauthorizationRequest'),
    downloadSpeechModel: rec('downloadSpeechModel'),
    cancelSpeechModelDownload: rec('cancelSpeechModelDownload'),
    useSpeechModelFolder: rec('useSpeechModelFolder'),
    listHistory: rec('listHistory', { items: [] }),
    clearHistory: rec('clearHistory'),
    listMemory: rec('listMemory', []),
    forgetMemory: rec('forgetMemory'),
    forgetAllMemory: rec('forgetAllMemory'),
    exportAudit: rec('exportAudit', { filename: 'vouch-activity.jsonl', jsonl: '' }),
    listRules: rec('listRules', []),
    saveRule: rec('saveRule'),
    deleteRule: rec('deleteRule'),
    getSettings: rec('getSettings', { ...DEFAULT_SETTINGS, onboardingDone: true }),
    updateSettings: rec('updateSettings', { ...DEFAULT_SETTINGS, onboardingDone: true }),
    listEmailDomains: rec('listEmailDomains', { sign_in_domain: 'example.com', domains: [] }),
    addEmailDomain: rec('addEmailDomain', { sign_in_domain: 'example.com', domains: [] }),
    removeEmailDomain: rec('removeEmailDomain', { sign_in_domain: 'example.com', domains: [] }),
    getMeetingPreferences: rec('getMeetingPreferences', { default_meeting_minutes: 30 }),
    setDefaultMeetingMinutes: rec('setDefaultMeetingMinutes', { default_meeting_minutes: 30 }),
  };
  return { calls, handlers };
}

function setup() {
  const ipcMain = new FakeIpcMain();
  const warnings: Array<Record<string, unknown>> = [];
  const { calls, handlers } = recordingHandlers();
  registerBridgeHandlers({
    ipcMain,
    isTrustedSender: createSenderPolicy({ origin: PACKAGED_ORIGIN, trustedWebContentsId: () => POPOVER_ID }),
    handlers,
    log: { warn: (o) => warnings.push(o) },
  });
  return { ipcMain, calls, warnings };
}

/** An ipcRenderer-like over the fake ipcMain, as the popover. */
function rendererFor(ipcMain: FakeIpcMain, sender: Sender) {
  const listeners = new Map<string, Set<(e: unknown, ...a: unknown[]) => void>>();
  const ipc: IpcRendererLike = {
    invoke: (ch, ...args) => ipcMain.invokeAs(sender, ch, ...args),
    send: (ch, ...args) => ipcMain.sendAs(sender, ch, ...args),
    on: (ch, l) => listeners.set(ch, (listeners.get(ch) ?? new Set()).add(l)),
    removeListener: (ch, l) => listeners.get(ch)?.delete(l),
  };
  const emit = (ch: string, payload: unknown) => {
    for (const l of listeners.get(ch) ?? []) l({ sender: 'SECRET-ipc-event-object' }, payload);
  };
  return { ipc, emit, listeners };
}

describe('preload bridge', () => {
  it('exposes exactly the named VouchBridge functions, nothing else', () => {
    const { ipcMain } = setup();
    const bridge = createBridge(rendererFor(ipcMain, popover).ipc);
    expect(Object.keys(bridge).sort()).toEqual([...BRIDGE_METHODS].sort());
    for (const k of Object.keys(bridge)) expect(typeof (bridge as unknown as Record<string, unknown>)[k]).toBe('function');
    expect(Object.getOwnPropertyNames(bridge).sort()).toEqual([...BRIDGE_METHODS].sort());
    expect(Object.getOwnPropertySymbols(bridge)).toEqual([]);
    expect(Object.isFrozen(bridge)).toBe(true);
    // no generic escape hatches
    for (const k of ['invoke', 'send', 'on', 'ipcRenderer', 'require', 'process']) expect(k in bridge).toBe(false);
  });

  it('onEvent delivers only the payload (never the IPC event) and unsubscribes', () => {
    const { ipcMain } = setup();
    const r = rendererFor(ipcMain, popover);
    const bridge = createBridge(r.ipc);
    const got: unknown[][] = [];
    const off = bridge.onEvent((...args: unknown[]) => got.push(args));
    const ev: BridgeEvent = { type: 'link', state: 'online' };
    r.emit(EVENT_CHANNEL, ev);
    off();
    r.emit(EVENT_CHANNEL, { type: 'link', state: 'offline' });
    expect(got).toEqual([[ev]]);
    expect(JSON.stringify(got)).not.toContain('SECRET');
  });

  it('round-trips calls from the popover to main with validated arguments', async () => {
    const { ipcMain, calls } = setup();
    const bridge = createBridge(rendererFor(ipcMain, popover).ipc);
    await expect(bridge.sendTranscript('what is on my calendar')).resolves.toEqual({ id: 't-1' });
    await bridge.connectProvider('google');
    await bridge.decideApproval('ap-1', true);
    bridge.pushAudio(new Int16Array([1, 2, 3]).buffer);
    await expect(bridge.getAudit({ limit: 10 })).resolves.toMatchObject({ entries: [] });
    expect(calls.map((c) => c[0])).toEqual(['sendTranscript', 'connectProvider', 'decideApproval', 'pushAudio', 'getAudit']);
    expect(calls[0]![1]).toEqual(['what is on my calendar']);
  });

  it('round-trips the pre-authorization calls with their arguments', async () => {
    const { ipcMain, calls } = setup();
    const bridge = createBridge(rendererFor(ipcMain, popover).ipc);
    await expect(bridge.listPreauthorizations()).resolves.toEqual([]);
    await expect(bridge.grantPreauthorization({ tool: 'gmail', max_level: 'confirm', duration_minutes: 30 })).resolves.toEqual(GRANT);
    await bridge.revokePreauthorization('pa_1');
    expect(calls).toEqual([
      ['listPreauthorizations', []],
      ['grantPreauthorization', [{ tool: 'gmail', max_level: 'confirm', duration_minutes: 30 }]],
      ['revokePreauthorization', ['pa_1']],
    ]);
  });

  it('round-trips the speech model calls; a folder path is a bounded string or nothing', async () => {
    const { ipcMain, calls } = setup();
    const bridge = createBridge(rendererFor(ipcMain, popover).ipc);
    await bridge.downloadSpeechModel();
    await bridge.cancelSpeechModelDownload();
    await bridge.useSpeechModelFolder();
    await bridge.useSpeechModelFolder('/models/whisper');
    expect(calls).toEqual([
      ['downloadSpeechModel', []],
      ['cancelSpeechModelDownload', []],
      ['useSpeechModelFolder', []],
      ['useSpeechModelFolder', ['/models/whisper']],
    ]);
    await expect(ipcMain.invokeAs(popover, channelFor('useSpeechModelFolder'), 42)).resolves.toEqual(REFUSED_ARGS);
    await expect(ipcMain.invokeAs(popover, channelFor('useSpeechModelFolder'), 'x'.repeat(5000))).resolves.toEqual(REFUSED_ARGS);
    await expect(ipcMain.invokeAs(popover, channelFor('downloadSpeechModel'), 'https://evil.example/')).resolves.toEqual(REFUSED_ARGS);
  });
});

describe('main-side IPC registry', () => {
  it('registers exactly one handler per bridge method', () => {
    const { ipcMain } = setup();
    const registered = [...ipcMain.handlers.keys(), ...ipcMain.listeners.keys()].sort();
    expect(registered).toEqual(
      BRIDGE_METHODS.filter((m) => m !== 'onEvent')
        .map((m) => channelFor(m))
        .sort(),
    );
  });

  const strangers: Array<[string, Sender]> = [
    ['another webContents', { webContentsId: 99, url: 'vouch://app/index.html' }],
    ['the popover navigated to a remote page', { webContentsId: POPOVER_ID, url: 'https://evil.example/' }],
    ['a look-alike host', { webContentsId: POPOVER_ID, url: 'vouch://app.evil/index.html' }],
    ['a sub-frame of the popover', { webContentsId: POPOVER_ID, url: 'vouch://app/index.html', subFrame: true }],
    ['a destroyed frame', { webContentsId: POPOVER_ID, url: 'vouch://app/index.html', frameGone: true }],
    ['a file:// page', { webContentsId: POPOVER_ID, url: 'file:///tmp/index.html' }],
  ];

  for (const [name, sender] of strangers) {
    it(`refuses an IPC call from an unexpected sender: ${name}`, async () => {
      const { ipcMain, calls, warnings } = setup();
      const bridge = createBridge(rendererFor(ipcMain, sender).ipc);
      await expect(bridge.signOut()).rejects.toEqual({ code: 'REFUSED_SENDER', message: REFUSED_SENDER });
      await expect(bridge.sendTranscript('send my password to bob')).rejects.toEqual({ code: 'REFUSED_SENDER', message: REFUSED_SENDER });
      bridge.pushAudio(new Int16Array([1]).buffer);
      expect(calls).toEqual([]);
      expect(warnings.length).toBe(3);
      expect(JSON.stringify(warnings)).not.toContain('password');
    });
  }

  it('refuses invalid payloads before they reach app code', async () => {
    const { ipcMain, calls, warnings } = setup();
    const as = (ch: string, ...a: unknown[]) => ipcMain.invokeAs(popover, ch, ...a);
    await expect(as(channelFor('sendTranscript'))).resolves.toEqual(REFUSED_ARGS);
    await expect(as(channelFor('sendTranscript'), '   ')).resolves.toEqual(REFUSED_ARGS);
    await expect(as(channelFor('sendTranscript'), 'x'.repeat(4001))).resolves.toEqual(REFUSED_ARGS);
    await expect(as(channelFor('sendTranscript'), { text: 'hi' })).resolves.toEqual(REFUSED_ARGS);
    await expect(as(channelFor('connectProvider'), 'github')).resolves.toEqual(REFUSED_ARGS);
    await expect(as(channelFor('decideApproval'), 'id', 'yes')).resolves.toEqual(REFUSED_ARGS);
    await expect(as(channelFor('cancelDraft'), '../../etc')).resolves.toEqual(REFUSED_ARGS);
    await expect(as(channelFor('signIn'), 'extra')).resolves.toEqual(REFUSED_ARGS);
    await expect(as(channelFor('getAudit'), { limit: 100000 })).resolves.toEqual(REFUSED_ARGS);
    ipcMain.sendAs(popover, channelFor('pushAudio'), new ArrayBuffer(3)); // odd length
    ipcMain.sendAs(popover, channelFor('pushAudio'), new ArrayBuffer(128 * 1024)); // too big
    ipcMain.sendAs(popover, channelFor('pushAudio'), 'not audio');
    expect(calls).toEqual([]);
    expect(warnings.every((w) => w.reason === 'payload')).toBe(true);
    expect(warnings.length).toBe(12);
  });

  it('refuses invalid pre-authorization arguments (duration 1-240 whole minutes, known tool and level, safe id)', async () => {
    const { ipcMain, calls, warnings } = setup();
    const grant = (req: unknown) => ipcMain.invokeAs(popover, channelFor('grantPreauthorization'), req);
    const ok = { tool: 'gmail', max_level: 'confirm', duration_minutes: 30 };
    for (const bad of [
      { ...ok, duration_minutes: 0 },
      { ...ok, duration_minutes: 241 },
      { ...ok, duration_minutes: 12.5 },
      { ...ok, duration_minutes: '30' },
      { tool: 'gmail', max_level: 'confirm' },
      { ...ok, tool: 'drive' },
      { ...ok, max_level: 'deny' },
      { ...ok, duration_ms: 1_800_000 },
      { ...ok, user: 'auth0|someone-else' },
    ]) {
      await expect(grant(bad)).resolves.toEqual(REFUSED_ARGS);
    }
    await expect(ipcMain.invokeAs(popover, channelFor('grantPreauthorization'))).resolves.toEqual(REFUSED_ARGS);
    await expect(ipcMain.invokeAs(popover, channelFor('revokePreauthorization'), '../audit')).resolves.toEqual(REFUSED_ARGS);
    await expect(ipcMain.invokeAs(popover, channelFor('revokePreauthorization'))).resolves.toEqual(REFUSED_ARGS);
    await expect(ipcMain.invokeAs(popover, channelFor('listPreauthorizations'), 'all')).resolves.toEqual(REFUSED_ARGS);
    expect(calls).toEqual([]);
    expect(warnings.length).toBe(13);
    expect(warnings.every((w) => w.reason === 'payload')).toBe(true);
    // The bounds themselves are accepted.
    await grant({ ...ok, duration_minutes: 1 });
    await grant({ ...ok, tool: 'slack', max_level: 'step_up', duration_minutes: 240 });
    expect(calls.map((c) => c[1][0])).toEqual([
      { ...ok, duration_minutes: 1 },
      { tool: 'slack', max_level: 'step_up', duration_minutes: 240 },
    ]);
  });

  it('hides handler failures behind a generic message', async () => {
    const ipcMain = new FakeIpcMain();
    const { handlers } = recordingHandlers();
    handlers.signIn = () => {
      throw new Error('refresh_token=rt-secret-123 rejected');
    };
    registerBridgeHandlers({
      ipcMain,
      isTrustedSender: createSenderPolicy({ origin: PACKAGED_ORIGIN, trustedWebContentsId: () => POPOVER_ID }),
      handlers,
      log: { warn: () => {} },
    });
    const result = await ipcMain.invokeAs(popover, channelFor('signIn'));
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'vouch: signIn failed' } });
    expect(JSON.stringify(result)).not.toContain('rt-secret');
  });

  it('passes a coded handler failure through the preload as a plain {code, message} the renderer reads without parsing text', async () => {
    const ipcMain = new FakeIpcMain();
    const { handlers } = recordingHandlers();
    handlers.grantPreauthorization = () => {
      throw new BridgeError('APPROVAL_DENIED');
    };
    registerBridgeHandlers({
      ipcMain,
      isTrustedSender: createSenderPolicy({ origin: PACKAGED_ORIGIN, trustedWebContentsId: () => POPOVER_ID }),
      handlers,
      log: { warn: () => {} },
    });
    const bridge = createBridge(rendererFor(ipcMain, popover).ipc);
    const err: unknown = await bridge
      .grantPreauthorization({ tool: 'gmail', max_level: 'confirm', duration_minutes: 30 })
      .catch((e: unknown) => e);
    // A plain object, not an Error: Electron's context bridge would drop an Error's `code`.
    expect(Object.getPrototypeOf(err)).toBe(Object.prototype);
    expect(structuredClone(err)).toEqual({ code: 'APPROVAL_DENIED', message: BRIDGE_ERROR_MESSAGES.APPROVAL_DENIED });
    expect(bridgeFailureOf(err)?.code).toBe('APPROVAL_DENIED');
  });

  it('refuses everything before the popover exists', async () => {
    const ipcMain = new FakeIpcMain();
    const { handlers, calls } = recordingHandlers();
    registerBridgeHandlers({
      ipcMain,
      isTrustedSender: createSenderPolicy({ origin: PACKAGED_ORIGIN, trustedWebContentsId: () => undefined }),
      handlers,
      log: { warn: () => {} },
    });
    await expect(ipcMain.invokeAs(popover, channelFor('signIn'))).resolves.toEqual({
      ok: false,
      error: { code: 'REFUSED_SENDER', message: REFUSED_SENDER },
    });
    expect(calls).toEqual([]);
  });
});
