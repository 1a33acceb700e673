import type { AuditPage, BridgeEvent, VouchBridge } from '../src/bridge/api.js';

export interface FakeControl {
  calls: Array<{ method: string; args: unknown[] }>;
  emit(event: BridgeEvent): void;
  audit: AuditPage;
}

declare global {
  interface Window {
    __vouchFake: FakeControl;
  }
}

/**
 * Runs in the page before the renderer (page.addInitScript): a scripted `window.vouch` that records
 * every call and lets the test push events, so each popover state can be reached without a backend.
 * Self-contained on purpose: Playwright serializes this function's source into the page.
 */
export function installFakeBridge(audit: AuditPage): void {
  const listeners = new Set<(e: BridgeEvent) => void>();
  const calls: FakeControl['calls'] = [];
  let n = 0;
  const emit = (e: BridgeEvent) => listeners.forEach((l) => l(e));
  const record =
    (method: string, result?: (...args: never[]) => unknown) =>
    async (...args: unknown[]) => {
      calls.push({ method, args: JSON.parse(JSON.stringify(args ?? null)) as unknown[] });
      return result ? (result as (...a: unknown[]) => unknown)(...args) : undefined;
    };
  const bridge: VouchBridge = {
    signIn: record('signIn') as VouchBridge['signIn'],
    signOut: record('signOut') as VouchBridge['signOut'],
    sendTranscript: record('sendTranscript', () => ({ id: `t-${++n}` })) as VouchBridge['sendTranscript'],
    startListening: record('startListening', () => emit({ type: 'recording', state: 'listening' })) as VouchBridge['startListening'],
    stopListening: record('stopListening', () => emit({ type: 'recording', state: 'idle' })) as VouchBridge['stopListening'],
    pushAudio: (chunk: ArrayBuffer) => void calls.push({ method: 'pushAudio', args: [chunk.byteLength] }),
    confirmDraft: record('confirmDraft') as VouchBridge['confirmDraft'],
    cancelDraft: record('cancelDraft') as VouchBridge['cancelDraft'],
    decideApproval: record('decideApproval') as VouchBridge['decideApproval'],
    connectProvider: record('connectProvider', (provider: 'google' | 'slack') =>
      emit({ type: 'connect_progress', progress: { provider, state: 'browser_open' } }),
    ) as VouchBridge['connectProvider'],
    listScopes: record('listScopes') as VouchBridge['listScopes'],
    revokeProvider: record('revokeProvider') as VouchBridge['revokeProvider'],
    getAudit: record('getAudit', () => audit) as VouchBridge['getAudit'],
    onEvent: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  window.vouch = bridge;
  window.__vouchFake = { calls, emit, audit };
}
