import type {
  AppSettings,
  AuditPage,
  BridgeEvent,
  BridgeFailure,
  PreauthGrantRequest,
  PreauthView,
  VouchBridge,
} from '../../electron/src/bridge/contract.js';

export interface FakeScript {
  audit: AuditPage;
  /** Active pre-authorizations; `expires_in_ms` is turned into an ISO time when the page loads. */
  preauths: Array<Omit<PreauthView, 'expires_at'> & { expires_in_ms: number }>;
}

export interface FakeControl {
  calls: Array<{ method: string; args: unknown[] }>;
  emit(event: BridgeEvent): void;
  audit: AuditPage;
  preauths: PreauthView[];
  /** Plays the phone for the pending `grantPreauthorization` call; false when none is pending. */
  finishGrant(outcome: 'approved' | 'denied'): boolean;
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
export function installFakeBridge(script: FakeScript): void {
  const { audit } = script;
  const listeners = new Set<(e: BridgeEvent) => void>();
  const calls: FakeControl['calls'] = [];
  // Written out (not DEFAULT_SETTINGS): this function is serialized into the page, so it cannot close over imports.
  const SETTINGS: AppSettings = {
    spokenReplies: true,
    voice: 'clear',
    timeZone: null,
    onboardingDone: true,
    hotkey: null,
    hotkeyMode: 'toggle',
    microphoneId: null,
    launchAtLogin: false,
    backendUrl: null,
    notifications: true,
  };
  let n = 0;
  let preauths: PreauthView[] = script.preauths.map(({ expires_in_ms, ...g }) => ({
    ...g,
    expires_at: new Date(Date.now() + expires_in_ms).toISOString(),
  }));
  let pendingGrant: { req: PreauthGrantRequest; resolve(v: PreauthView): void; reject(e: BridgeFailure): void } | null = null;
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
    listPreauthorizations: record('listPreauthorizations', () => preauths.slice()) as VouchBridge['listPreauthorizations'],
    grantPreauthorization: record(
      'grantPreauthorization',
      (req: PreauthGrantRequest) =>
        new Promise<PreauthView>((resolve, reject) => {
          pendingGrant = { req, resolve, reject };
        }),
    ) as VouchBridge['grantPreauthorization'],
    revokePreauthorization: record('revokePreauthorization', (id: string) => {
      preauths = preauths.filter((g) => g.id !== id);
      window.__vouchFake.preauths = preauths;
    }) as VouchBridge['revokePreauthorization'],
    cancelPreauthorizationRequest: record('cancelPreauthorizationRequest', () => {
      // As main does: the request is closed, so the pending grant fails and nothing is allowed.
      const p = pendingGrant;
      pendingGrant = null;
      p?.reject({ code: 'REQUEST_FAILED', message: 'Vouch could not change this right now. Try again.' });
    }) as VouchBridge['cancelPreauthorizationRequest'],
    downloadSpeechModel: record('downloadSpeechModel') as VouchBridge['downloadSpeechModel'],
    cancelSpeechModelDownload: record('cancelSpeechModelDownload') as VouchBridge['cancelSpeechModelDownload'],
    useSpeechModelFolder: record('useSpeechModelFolder') as VouchBridge['useSpeechModelFolder'],
    listHistory: record('listHistory', () => ({ items: [] })) as VouchBridge['listHistory'],
    clearHistory: record('clearHistory') as VouchBridge['clearHistory'],
    // --- Manage what Vouch keeps (issue 15) ---
    listMemory: record('listMemory', () => []) as VouchBridge['listMemory'],
    forgetMemory: record('forgetMemory') as VouchBridge['forgetMemory'],
    forgetAllMemory: record('forgetAllMemory') as VouchBridge['forgetAllMemory'],
    exportAudit: record('exportAudit', () => ({ filename: 'vouch-activity.jsonl', jsonl: '' })) as VouchBridge['exportAudit'],
    listRules: record('listRules', () => []) as VouchBridge['listRules'],
    saveRule: record('saveRule', (r: unknown) => r) as VouchBridge['saveRule'],
    deleteRule: record('deleteRule') as VouchBridge['deleteRule'],
    getSettings: record('getSettings', () => ({ ...SETTINGS })) as VouchBridge['getSettings'],
    updateSettings: record('updateSettings', (p: object) => ({ ...SETTINGS, ...p })) as VouchBridge['updateSettings'],
    listEmailDomains: record('listEmailDomains', () => ({ sign_in_domain: 'example.com', domains: [] })) as VouchBridge['listEmailDomains'],
    addEmailDomain: record('addEmailDomain', (domain: string) => ({
      sign_in_domain: 'example.com',
      domains: [{ domain, added_at: new Date().toISOString() }],
    })) as VouchBridge['addEmailDomain'],
    removeEmailDomain: record('removeEmailDomain', () => ({
      sign_in_domain: 'example.com',
      domains: [],
    })) as VouchBridge['removeEmailDomain'],
    getMeetingPreferences: record('getMeetingPreferences', () => ({ default_meeting_minutes: 30 })) as VouchBridge['getMeetingPreferences'],
    setDefaultMeetingMinutes: record('setDefaultMeetingMinutes', (minutes: number) => ({
      default_meeting_minutes: minutes,
    })) as VouchBridge['setDefaultMeetingMinutes'],
    onEvent: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  window.vouch = bridge;
  window.__vouchFake = {
    calls,
    emit,
    audit,
    preauths,
    finishGrant: (outcome) => {
      const p = pendingGrant;
      if (!p) return false;
      pendingGrant = null;
      if (outcome === 'denied') {
        // As Electron's preload rejects: the contract's plain coded failure.
        p.reject({ code: 'APPROVAL_DENIED', message: 'Declined on your phone. Nothing was allowed.' });
        return true;
      }
      const grant: PreauthView = {
        id: `pa-${++n}`,
        tool: p.req.tool,
        max_level: p.req.max_level,
        max_score: p.req.max_level === 'confirm' ? 54 : 100,
        expires_at: new Date(Date.now() + p.req.duration_minutes * 60_000).toISOString(),
      };
      preauths = [...preauths, grant];
      window.__vouchFake.preauths = preauths;
      p.resolve(grant);
      return true;
    },
  };
}
