// Types only: the preload bundle must stay tiny (no zod / protocol schemas in the renderer process).
import type { BridgeEvent, BridgeFailure, BridgeResult, VouchBridge } from '../bridge/contract.js';
import { channelFor, EVENT_CHANNEL } from './channels.js';

/**
 * The preload's half of the bridge, as a factory over an `ipcRenderer`-like object so tests can run
 * it without Electron. It returns a frozen object with exactly the `VouchBridge` functions: no
 * generic `invoke(channel)`, no `ipcRenderer`, and event listeners receive only the payload (the
 * Electron event object carries `sender`, which must not reach the page). Main answers every call
 * with a `BridgeResult`; a failure becomes a rejection with the plain `{code, message}` object,
 * because Electron's context bridge drops custom properties of `Error`s.
 */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  send(channel: string, ...args: unknown[]): void;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export function createBridge(ipc: IpcRendererLike): VouchBridge {
  const invoke = async <T>(method: Parameters<typeof channelFor>[0], ...args: unknown[]): Promise<T> => {
    const result = (await ipc.invoke(channelFor(method), ...args)) as BridgeResult<T> | undefined;
    if (result?.ok === true) return result.value;
    const failure: BridgeFailure =
      result?.ok === false && typeof result.error?.code === 'string'
        ? { code: result.error.code, message: String(result.error.message) }
        : { code: 'INTERNAL', message: 'vouch: unexpected answer' };
    throw Object.freeze(failure);
  };

  const bridge: VouchBridge = {
    signIn: () => invoke('signIn'),
    signOut: () => invoke('signOut'),
    sendTranscript: (text) => invoke('sendTranscript', text),
    startListening: () => invoke('startListening'),
    stopListening: () => invoke('stopListening'),
    pushAudio: (chunk) => ipc.send(channelFor('pushAudio'), chunk),
    confirmDraft: (draftId, edits) => (edits === undefined ? invoke('confirmDraft', draftId) : invoke('confirmDraft', draftId, edits)),
    cancelDraft: (draftId) => invoke('cancelDraft', draftId),
    decideApproval: (id, approve) => invoke('decideApproval', id, approve),
    connectProvider: (provider) => invoke('connectProvider', provider),
    listScopes: () => invoke('listScopes'),
    revokeProvider: (provider) => invoke('revokeProvider', provider),
    getAudit: (opts) => (opts === undefined ? invoke('getAudit') : invoke('getAudit', opts)),
    listPreauthorizations: () => invoke('listPreauthorizations'),
    grantPreauthorization: (req) => invoke('grantPreauthorization', req),
    revokePreauthorization: (id) => invoke('revokePreauthorization', id),
    cancelPreauthorizationRequest: () => invoke('cancelPreauthorizationRequest'),
    downloadSpeechModel: () => invoke('downloadSpeechModel'),
    cancelSpeechModelDownload: () => invoke('cancelSpeechModelDownload'),
    useSpeechModelFolder: (dir) => (dir === undefined ? invoke('useSpeechModelFolder') : invoke('useSpeechModelFolder', dir)),
    listHistory: () => invoke('listHistory'),
    clearHistory: () => invoke('clearHistory'),
    // --- Manage what Vouch keeps (issue 15) ---
    listMemory: () => invoke('listMemory'),
    forgetMemory: (id) => invoke('forgetMemory', id),
    forgetAllMemory: () => invoke('forgetAllMemory'),
    exportAudit: () => invoke('exportAudit'),
    listRules: () => invoke('listRules'),
    saveRule: (rule) => invoke('saveRule', rule),
    deleteRule: (id) => invoke('deleteRule', id),
    getSettings: () => invoke('getSettings'),
    updateSettings: (patch) => invoke('updateSettings', patch),
    listEmailDomains: () => invoke('listEmailDomains'),
    addEmailDomain: (domain) => invoke('addEmailDomain', domain),
    removeEmailDomain: (domain) => invoke('removeEmailDomain', domain),
    getMeetingPreferences: () => invoke('getMeetingPreferences'),
    setDefaultMeetingMinutes: (minutes) => invoke('setDefaultMeetingMinutes', minutes),
    onEvent: (listener) => {
      if (typeof listener !== 'function') throw new TypeError('listener must be a function');
      const wrapped = (_event: unknown, payload: unknown) => listener(payload as BridgeEvent);
      ipc.on(EVENT_CHANNEL, wrapped);
      return () => {
        ipc.removeListener(EVENT_CHANNEL, wrapped);
      };
    },
  };

  // The `VouchBridge` annotation makes a missing method a compile error and an extra one an
  // excess-property error; bridge.test.ts also checks the key set against BRIDGE_METHODS.
  return Object.freeze(bridge);
}
