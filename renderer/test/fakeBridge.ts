import { vi } from 'vitest';
import {
  DEFAULT_SETTINGS,
  type AppSettings,
  type BridgeEvent,
  type HistoryView,
  type MemoryItemView,
  type PreauthGrantRequest,
  type PreauthView,
  type RuleView,
  type VouchBridge,
} from '../../electron/src/bridge/contract.js';

/** A VouchBridge that records every call and lets a test push events, as main would. */
export function fakeBridge(overrides: Partial<VouchBridge> = {}) {
  const listeners = new Set<(e: BridgeEvent) => void>();
  let n = 0;
  const bridge = {
    signIn: vi.fn(async () => {}),
    signOut: vi.fn(async () => {}),
    sendTranscript: vi.fn(async (_text: string) => ({ id: `t-${++n}` })),
    startListening: vi.fn(async () => {}),
    stopListening: vi.fn(async () => {}),
    pushAudio: vi.fn((_c: ArrayBuffer) => {}),
    confirmDraft: vi.fn(async (_id: string, _edits?: Record<string, unknown>) => {}),
    cancelDraft: vi.fn(async (_id: string) => {}),
    decideApproval: vi.fn(async (_id: string, _approve: boolean) => {}),
    connectProvider: vi.fn(async (_p: 'google' | 'slack') => {}),
    listScopes: vi.fn(async () => {}),
    revokeProvider: vi.fn(async (_p: 'google' | 'slack') => {}),
    getAudit: vi.fn(async () => ({ entries: [], verified: { ok: true as const, count: 0 } })),
    listPreauthorizations: vi.fn(async (): Promise<PreauthView[]> => []),
    grantPreauthorization: vi.fn(async (req: PreauthGrantRequest): Promise<PreauthView> => ({
      id: `pa-${++n}`,
      tool: req.tool,
      max_level: req.max_level,
      max_score: req.max_level === 'confirm' ? 54 : 100,
      expires_at: new Date(Date.now() + req.duration_minutes * 60_000).toISOString(),
    })),
    revokePreauthorization: vi.fn(async (_id: string) => {}),
    cancelPreauthorizationRequest: vi.fn(async () => {}),
    downloadSpeechModel: vi.fn(async () => {}),
    cancelSpeechModelDownload: vi.fn(async () => {}),
    useSpeechModelFolder: vi.fn(async (_dir?: string) => {}),
    listHistory: vi.fn(async (): Promise<HistoryView> => ({ items: [] })),
    clearHistory: vi.fn(async () => {}),
    listMemory: vi.fn(async (): Promise<MemoryItemView[]> => []),
    forgetMemory: vi.fn(async (_id: string) => {}),
    forgetAllMemory: vi.fn(async () => {}),
    exportAudit: vi.fn(async () => ({ filename: 'vouch-activity.jsonl', jsonl: '' })),
    listRules: vi.fn(async (): Promise<RuleView[]> => []),
    saveRule: vi.fn(async (r: RuleView) => r),
    deleteRule: vi.fn(async (_id: string) => {}),
    getSettings: vi.fn(async (): Promise<AppSettings> => ({ ...DEFAULT_SETTINGS, onboardingDone: true })),
    updateSettings: vi.fn(async (p: object): Promise<AppSettings> => ({ ...DEFAULT_SETTINGS, onboardingDone: true, ...p })),
    listEmailDomains: vi.fn(async () => ({
      sign_in_domain: 'example.com' as string | null,
      domains: [] as { domain: string; added_at: string }[],
    })),
    addEmailDomain: vi.fn(async (domain: string) => ({
      sign_in_domain: 'example.com' as string | null,
      domains: [{ domain, added_at: '2030-01-01T00:00:00.000Z' }],
    })),
    removeEmailDomain: vi.fn(async (_domain: string) => ({
      sign_in_domain: 'example.com' as string | null,
      domains: [] as { domain: string; added_at: string }[],
    })),
    getMeetingPreferences: vi.fn(async () => ({ default_meeting_minutes: 30 })),
    setDefaultMeetingMinutes: vi.fn(async (minutes: number) => ({ default_meeting_minutes: minutes })),
    onEvent: (l: (e: BridgeEvent) => void) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    ...overrides,
  };
  const emit = (e: BridgeEvent) => listeners.forEach((l) => l(e));
  return { bridge: bridge as typeof bridge & VouchBridge, emit };
}
