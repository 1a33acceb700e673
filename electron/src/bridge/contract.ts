import { z } from 'zod';
import {
  CONFIRM_BAND_MAX_SCORE,
  DEFAULT_CONNECTIONS,
  DEFAULT_VOICE,
  DRAFT_KIND_PROVIDER,
  DraftEdits,
  Id,
  MeetingMinutes,
  PREAUTH_MAX_DURATION_MS,
  PREAUTH_MIN_DURATION_MS,
  Provider,
  Tool,
  VoiceKey,
  VouchError,
  TOOL_PROVIDER,
  type AuditEntryBody,
  type AuditPageResponse,
  type AuditVerifyResponse,
  type InsideDomainsResponse,
  type UserPreferences,
  type PreauthGrantBody,
  type PreauthGrantResource,
  type PreauthListResponse,
  type ServerFrame,
  type VouchErrorOptions,
} from '../../../backend/src/protocol/index.js';

/**
 * The main↔renderer IPC contract: the only surface the renderer sees (`window.vouch`). In Electron
 * the preload implements it over IPC to the main process, which owns tokens, the socket and the
 * microphone pipeline; in the browser demo and the system e2e suite the same preload code runs over
 * a dev-only socket to the desktop host, which runs main's logic in Node. Every argument crossing the bridge is validated on the main side
 * with the schemas below. Environment-neutral (zod, types and pure functions, no Node or DOM API):
 * main, preload and renderer all import it, and none of them imports another's source.
 */
/** Bounds of a time-boxed pre-authorization, in minutes (the backend's HTTP API allows 1 minute to 4 hours). */
export const PREAUTH_MIN_MINUTES = PREAUTH_MIN_DURATION_MS / 60_000;
export const PREAUTH_MAX_MINUTES = PREAUTH_MAX_DURATION_MS / 60_000;

// ── Speech model (issue 11): the "Speech model" row, its download, and "Use a folder…" ──────────────
/** Bridge methods for the speech model; kept in one block (merged into BRIDGE_METHODS below). */
export const SPEECH_MODEL_METHODS = ['downloadSpeechModel', 'cancelSpeechModelDownload', 'useSpeechModelFolder'] as const;
export const SpeechModelArgs = {
  /** The app ignores a path from the page and asks with its native folder picker; the dev host takes the typed path. */
  useSpeechModelFolder: z.tuple([z.string().trim().min(1).max(4096).optional()]),
} as const;
/** The speech model as the popover and the tray see it (no file paths: the page needs none). */
export type SpeechModelView =
  | { status: 'missing' }
  | { status: 'downloading'; doneBytes: number; totalBytes?: number }
  | { status: 'loading'; fraction: number }
  | { status: 'ready' }
  | { status: 'failed'; reason: string };
/** The `speech_model` event: the state, and the one line the row and the tray tooltip show for it. */
export type SpeechModelEvent = { type: 'speech_model'; state: SpeechModelView; text: string };
export interface SpeechModelBridge {
  /** Downloads the pinned model (joining one already running); progress and the outcome arrive as `speech_model` events. */
  downloadSpeechModel(): Promise<void>;
  cancelSpeechModelDownload(): Promise<void>;
  /** "Use a folder…": the app opens a folder picker; the development host uses `dir`. */
  useSpeechModelFolder(dir?: string): Promise<void>;
}
// ── end of speech model block ───────────────────────────────────────────────────────────────────────

// ── Settings the backend keeps (issue 15): my email domains, default meeting length ─────────────────
/** Bridge methods for the backend-kept settings; kept in one block (merged into BRIDGE_METHODS below). */
export const ACCOUNT_SETTINGS_METHODS = [
  'listEmailDomains',
  'addEmailDomain',
  'removeEmailDomain',
  'getMeetingPreferences',
  'setDefaultMeetingMinutes',
] as const;
export const AccountSettingsArgs = {
  // The backend validates the domain in full (protocol/settings.ts) and answers in words a person can act on.
  addEmailDomain: z.tuple([z.string().trim().min(1).max(300)]),
  removeEmailDomain: z.tuple([z.string().trim().min(1).max(300)]),
  setDefaultMeetingMinutes: z.tuple([MeetingMinutes]),
} as const;
/** The person's own email domains: the sign-in domain (always inside) and the ones they added. */
export type EmailDomainsView = InsideDomainsResponse;
export type MeetingPreferencesView = UserPreferences;
export interface AccountSettingsBridge {
  listEmailDomains(): Promise<EmailDomainsView>;
  /**
   * Counts another domain as the person's own. The backend asks their phone first (the binding
   * message is `insideDomainBindingMessage(domain)`) and answers only once it is decided; rejects with
   * `APPROVAL_DENIED` / `APPROVAL_EXPIRED`, or `REQUEST_FAILED` with the backend's reason (a public
   * mail provider, a wildcard…).
   */
  addEmailDomain(domain: string): Promise<EmailDomainsView>;
  /** Tightens, so no phone; a domain that is not listed counts as removed. */
  removeEmailDomain(domain: string): Promise<EmailDomainsView>;
  getMeetingPreferences(): Promise<MeetingPreferencesView>;
  setDefaultMeetingMinutes(minutes: number): Promise<MeetingPreferencesView>;
}
// ── end of backend-kept settings block ─────────────────────────────────────────────────────────────
// ── Conversation history (issue 13): kept by main per person, sealed like the token store ───────────
/** Bridge methods for the conversation history; kept in one block (merged into BRIDGE_METHODS below). */
export const HISTORY_METHODS = ['listHistory', 'clearHistory'] as const;
/** One line of the kept conversation: the person's words, Vouch's finished reply, or a write's outcome. */
export interface HistoryItemView {
  /** The transcript id (user; assistant: the backend reuses it) or the draft id (outcome). */
  id: string;
  role: 'user' | 'assistant' | 'outcome';
  text: string;
  /** ISO 8601. */
  at: string;
}
export interface HistoryView {
  /** Oldest first. */
  items: HistoryItemView[];
  /** Said once per run when the conversation cannot be kept past it (no OS keystore to protect it). */
  notice?: string;
  /** Set when the conversation is kept for this run only (same reasons as `AuthState.sessionOnly`). */
  sessionOnly?: true;
}
/** Main kept an outcome line (the popover shows it now, as a reload will; words and replies it already shows). */
export type HistoryEvent = { type: 'history_item'; item: HistoryItemView };
export interface HistoryBridge {
  /** The signed-in person's conversation as kept by the app. */
  listHistory(): Promise<HistoryView>;
  /** Deletes the signed-in person's conversation on this computer. */
  clearHistory(): Promise<void>;
}
// ── end of conversation history block ───────────────────────────────────────────────────────────────

export const BRIDGE_METHODS = [
  'signIn',
  'signOut',
  'sendTranscript',
  'startListening',
  'stopListening',
  'pushAudio',
  'confirmDraft',
  'cancelDraft',
  'decideApproval',
  'connectProvider',
  'listScopes',
  'revokeProvider',
  'getAudit',
  'listPreauthorizations',
  'grantPreauthorization',
  'revokePreauthorization',
  'cancelPreauthorizationRequest',
  ...SPEECH_MODEL_METHODS,
  ...HISTORY_METHODS,
  // --- Manage what Vouch keeps (issue 15) ---
  'listMemory',
  'forgetMemory',
  'forgetAllMemory',
  'exportAudit',
  'listRules',
  'saveRule',
  'deleteRule',
  // --- end manage ---
  // --- Settings (issue 15) ---
  'getSettings',
  'updateSettings',
  ...ACCOUNT_SETTINGS_METHODS,
  // --- end settings ---
  'onEvent',
] as const;
export type BridgeMethod = (typeof BRIDGE_METHODS)[number];

export const BridgeArgs = {
  sendTranscript: z.tuple([z.string().trim().min(1).max(4000)]),
  pushAudio: z.tuple([z.instanceof(ArrayBuffer).refine((b) => b.byteLength <= 64 * 1024 && b.byteLength % 2 === 0)]),
  confirmDraft: z.tuple([Id, DraftEdits.optional()]),
  cancelDraft: z.tuple([Id]),
  decideApproval: z.tuple([Id, z.boolean()]),
  connectProvider: z.tuple([Provider]),
  revokeProvider: z.tuple([Provider]),
  getAudit: z.tuple([z.object({ cursor: z.string().max(64).optional(), limit: z.number().int().min(1).max(100).optional() }).optional()]),
  grantPreauthorization: z.tuple([
    z.strictObject({
      tool: Tool,
      max_level: z.enum(['confirm', 'step_up']),
      duration_minutes: z.number().int().min(PREAUTH_MIN_MINUTES).max(PREAUTH_MAX_MINUTES),
    }),
  ]),
  revokePreauthorization: z.tuple([Id]),
  ...SpeechModelArgs,
  // --- Manage what Vouch keeps (issue 15) ---
  forgetMemory: z.tuple([z.string().min(1).max(128)]),
  // The backend validates each condition in full (policy/rules.ts) and answers in words a person can act on.
  saveRule: z.tuple([
    z.strictObject({
      id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/),
      effect: z.enum(['deny', 'require_step_up', 'require_confirm', 'allow']),
      when: z.record(z.string().max(40), z.unknown()).refine((w) => Object.keys(w).length <= 10 && JSON.stringify(w).length <= 8_000),
      description: z.string().trim().min(1).max(200),
      enabled: z.boolean(),
    }),
  ]),
  deleteRule: z.tuple([z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/)]),
  // --- end manage ---
  // --- Settings (issue 15) ---
  updateSettings: z.tuple([z.lazy(() => SettingsPatch)]),
  ...AccountSettingsArgs,
  // --- end settings ---
} as const;

// --- Settings (issue 15) ---
/** An IANA time zone this runtime knows (Intl throws RangeError for anything else). */
export function isTimeZoneName(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return /^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(tz);
  } catch {
    return false;
  }
}

// --- Desktop settings (issue 15): push-to-talk shortcuts ---
/** Modifier names an accelerator may use (Electron's spelling), in the order Vouch writes them. */
export const ACCELERATOR_MODIFIERS = ['CommandOrControl', 'Control', 'Alt', 'Shift', 'Super'] as const;
const MODIFIER_ALIASES: Record<string, (typeof ACCELERATOR_MODIFIERS)[number]> = {
  commandorcontrol: 'CommandOrControl',
  cmdorctrl: 'CommandOrControl',
  control: 'Control',
  ctrl: 'Control',
  command: 'Super',
  cmd: 'Super',
  super: 'Super',
  meta: 'Super',
  alt: 'Alt',
  option: 'Alt',
  altgr: 'Alt',
  shift: 'Shift',
};
/** Key names (Electron's accelerator spelling) a push-to-talk shortcut may end with. */
export const ACCELERATOR_KEYS: readonly string[] = [
  ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'.split(''),
  ...Array.from({ length: 24 }, (_, i) => `F${i + 1}`),
  ...['Space', 'Tab', 'Backspace', 'Delete', 'Insert', 'Enter', 'Up', 'Down', 'Left', 'Right', 'Home', 'End', 'PageUp', 'PageDown'],
  ...['-', '=', '[', ']', '\\', ';', "'", ',', '.', '/', '`'],
  ...Array.from({ length: 10 }, (_, i) => `num${i}`),
  ...['numdec', 'numadd', 'numsub', 'nummult', 'numdiv'],
];
const KEY_BY_LOWER = new Map(ACCELERATOR_KEYS.map((k) => [k.toLowerCase(), k]));

/** An accelerator split into its modifiers (canonical names, each once) and its one key; undefined when it is not one. */
export function parseAccelerator(accelerator: string): { modifiers: (typeof ACCELERATOR_MODIFIERS)[number][]; key: string } | undefined {
  // `+` is a separator, so the plus key itself is not accepted (Electron spells it `Plus`; nobody records it as push-to-talk).
  const parts = accelerator.split('+');
  const key = KEY_BY_LOWER.get(parts.pop()?.toLowerCase() ?? '');
  if (!key) return undefined;
  const modifiers = new Set<(typeof ACCELERATOR_MODIFIERS)[number]>();
  for (const p of parts) {
    const m = MODIFIER_ALIASES[p.toLowerCase()];
    if (!m || modifiers.has(m)) return undefined;
    modifiers.add(m);
  }
  return { modifiers: ACCELERATOR_MODIFIERS.filter((m) => modifiers.has(m)), key };
}

/** Keys that type nothing and may be a shortcut on their own (F1–F24). */
export function isFunctionKey(key: string): boolean {
  return /^F([1-9]|1[0-9]|2[0-4])$/.test(key);
}

/**
 * A push-to-talk shortcut Vouch accepts: a valid accelerator whose key is a function key or comes
 * with a modifier other than Shift alone (a letter, or Shift+letter, would steal typing).
 */
export function isAccelerator(accelerator: string): boolean {
  const parsed = parseAccelerator(accelerator);
  if (!parsed) return false;
  return isFunctionKey(parsed.key) || parsed.modifiers.some((m) => m !== 'Shift');
}

/** The accelerator in Vouch's canonical spelling (modifier order, one name each), for comparing two. */
export function canonicalAccelerator(accelerator: string): string | undefined {
  const parsed = parseAccelerator(accelerator);
  return parsed && [...parsed.modifiers, parsed.key].join('+');
}

/** How a person reads a shortcut on their computer: `Ctrl+Shift+Space`, or `⌘⇧Space` on a Mac. */
export function acceleratorLabel(accelerator: string, mac: boolean): string {
  const parsed = parseAccelerator(accelerator);
  if (!parsed) return accelerator;
  const names: Record<(typeof ACCELERATOR_MODIFIERS)[number], string> = mac
    ? { CommandOrControl: '⌘', Control: '⌃', Alt: '⌥', Shift: '⇧', Super: '⌘' }
    : { CommandOrControl: 'Ctrl', Control: 'Ctrl', Alt: 'Alt', Shift: 'Shift', Super: 'Super' };
  const key = parsed.key.startsWith('num') ? `Num ${parsed.key.slice(3)}` : parsed.key;
  const mods = [...new Set(parsed.modifiers.map((m) => names[m]))];
  return mac ? `${mods.join('')}${key}` : [...mods, key].join('+');
}

// --- end shortcuts ---

/**
 * The person's own desktop settings, kept by the app (electron-store; `conf` in the desktop host)
 * and applied as they change. Settings that would weaken protection are not here: those belong to
 * the backend, behind a phone step-up.
 */
export const AppSettings = z.strictObject({
  /** Speak replies aloud (off: the reply is only shown). */
  spokenReplies: z.boolean(),
  /** The voice replies are spoken in (the backend maps it to its speech engine's voice). */
  voice: VoiceKey,
  /** The time zone Vouch reads "tomorrow" and "at 3" in; null follows this computer's. */
  timeZone: z.string().max(64).refine(isTimeZoneName, 'a time zone such as Europe/Paris').nullable(),
  /** The first-run introduction was finished or skipped (it can be opened again from Settings or the tray). */
  onboardingDone: z.boolean(),
  /** OS notifications while the popover is closed (phone approvals, outcomes, drafts to confirm); absent means on. */
  notifications: z.boolean().optional(),
  // --- Desktop settings (issue 15: hotkey, microphone, launch at login, backend URL) ---
  /** The push-to-talk shortcut as an Electron accelerator; null follows the app's configured one (VOUCH_HOTKEY). */
  hotkey: z.string().max(64).refine(isAccelerator, 'a shortcut such as CommandOrControl+Shift+Space').nullable(),
  /** `hold`: talk while the keys are held (needs the key hook); `toggle`: one press starts, the next stops. */
  hotkeyMode: z.enum(['toggle', 'hold']),
  /** The chosen microphone's `deviceId` (renderer `enumerateDevices`); null: the system default. */
  microphoneId: z.string().max(256).nullable(),
  /** Open Vouch when the person logs in to this computer. */
  launchAtLogin: z.boolean(),
  /** Development builds only: the backend to use from the next start; null: the configured one. */
  backendUrl: z
    .string()
    .max(2048)
    .url()
    .refine((u) => /^https?:\/\//.test(u), 'an http(s) URL')
    .nullable(),
  // --- end desktop settings ---
});
export type AppSettings = z.infer<typeof AppSettings>;
export const SettingsPatch = AppSettings.partial().refine((p) => Object.keys(p).length > 0, 'nothing to change');
export type SettingsPatch = z.infer<typeof SettingsPatch>;
export const DEFAULT_SETTINGS: AppSettings = {
  spokenReplies: true,
  voice: DEFAULT_VOICE,
  timeZone: null,
  onboardingDone: false,
  // --- Desktop settings ---
  hotkey: null,
  hotkeyMode: 'toggle',
  microphoneId: null,
  launchAtLogin: false,
  backendUrl: null,
  // --- end desktop settings ---
};

/** What Settings shows next to the desktop settings: what is in force, which may differ from what was asked. */
export interface DesktopStatus {
  hotkey: {
    /** The shortcut in force (the setting, or the configured default). */
    accelerator: string;
    /** The mode in force: `toggle` when hold was asked for but the key hook is unavailable. */
    mode: 'toggle' | 'hold';
    /** Why hold is not available here (undefined: it is). */
    holdUnavailable?: string;
    /** Registering the shortcut failed at start (another app owns it); a sentence for the person. */
    problem?: string;
  };
  /** Launch at login can be changed here (false: no adapter for this system). */
  loginItem: { available: boolean };
  /** The backend this run talks to; editable only in development builds (from the next start). */
  backend: { url: string; editable: boolean };
  /** The main process runs on macOS (how shortcuts are written). */
  mac: boolean;
}
// --- end desktop settings ---
// --- end settings ---

export type AuthState =
  | { signedIn: false }
  /** `sessionOnly`: the sign-in is not kept past this run, and why (no OS keystore, or Linux without a keyring). */
  | { signedIn: true; user: { sub: string; email?: string; name?: string }; sessionOnly?: 'encryption_unavailable' | 'no_os_keyring' };
export type LinkState = 'connecting' | 'online' | 'offline';
export type RecordingState = 'idle' | 'listening' | 'transcribing';
export type ConnectProgress = {
  provider: z.infer<typeof Provider>;
  state: 'browser_open' | 'completing' | 'done' | 'failed';
  message?: string;
};

export type BridgeEvent =
  | { type: 'frame'; frame: ServerFrame }
  | { type: 'auth'; state: AuthState }
  | { type: 'link'; state: LinkState }
  | { type: 'recording'; state: RecordingState }
  /** A transcript produced on device (Whisper) or typed; the renderer shows it as the user's turn. */
  | { type: 'transcript'; id: string; text: string }
  | { type: 'connect_progress'; progress: ConnectProgress }
  | { type: 'stt_model'; state: 'loading' | 'ready' | 'failed'; progress?: number; message?: string }
  /** The push-to-talk shortcut was pressed while speech cannot be recognised yet: the sentence says why. */
  | { type: 'talk_refused'; message: string }
  | SpeechModelEvent
  | HistoryEvent
  // --- Settings (issue 15) ---
  | { type: 'settings'; settings: AppSettings; desktop?: DesktopStatus }
  /** The tray asked for the introduction again. */
  | { type: 'show_onboarding' }
  // --- Notifications and tray (issue 15) ---
  /** A notification was clicked: the popover opens on this draft's sheet. */
  | { type: 'focus_draft'; draftId: string }
  /** The tray's "Settings…": the popover opens on its Settings view. */
  | { type: 'show_settings' };

export interface AuditEntryView {
  seq: number;
  at: string;
  kind: string;
  summary: string;
  /** The provider the entry concerns, when it concerns one (for the Activity filter). */
  provider?: z.infer<typeof Provider>;
  /** `failed`: an error, a refused token, a failed write, a declined or expired approval. */
  outcome: 'ok' | 'failed';
}
export interface AuditPage {
  entries: AuditEntryView[];
  next_cursor?: string;
  verified: { ok: true; count: number } | { ok: false; broken_at: number; reason: string };
}

// --- Manage what Vouch keeps (issue 15) ---
/** One thing Vouch remembers about the person (long-term memory), as the popover lists it. */
export interface MemoryItemView {
  id: string;
  text: string;
  /** ISO 8601. */
  created_at: string;
}
// --- end manage ---

/** An active time-boxed pre-authorization as the renderer sees it. */
export interface PreauthView {
  id: string;
  tool: z.infer<typeof Tool>;
  /** The band (see `preauthRequestBody`): `confirm` = up to medium risk, `step_up` = up to high risk; both skip only the phone. */
  max_level: 'confirm' | 'step_up';
  max_score: number;
  /** ISO 8601. */
  expires_at: string;
}
export type PreauthGrantRequest = z.infer<(typeof BridgeArgs)['grantPreauthorization']>[0];

/** Highest score of the "medium risk" band (the policy's confirm band is 20-54). */
export const PREAUTH_MEDIUM_MAX_SCORE = CONFIRM_BAND_MAX_SCORE;

/**
 * Every write in Vouch is confirmed in the app, so a pre-authorization can only waive the phone
 * step-up. The popover's two bands become step-up grants capped by score: "medium risk" (a
 * `confirm` request) covers scores up to 54, e.g. medium-risk email a rule sends to the phone;
 * "high risk" (`step_up`) covers every score. Deny rules still win. The backend API takes the
 * policy's own shape; this is the one place that maps the popover's words onto it.
 */
export function preauthRequestBody(req: PreauthGrantRequest): PreauthGrantBody {
  return {
    tool: req.tool,
    max_level: 'step_up',
    max_score: req.max_level === 'confirm' ? PREAUTH_MEDIUM_MAX_SCORE : 100,
    duration_ms: req.duration_minutes * 60_000,
  };
}

/** The popover's band for a grant, from the scores it covers. */
export function preauthBand(maxScore: number): 'confirm' | 'step_up' {
  return maxScore <= PREAUTH_MEDIUM_MAX_SCORE ? 'confirm' : 'step_up';
}

/** One grant from the backend's HTTP API as the renderer sees it (no user, no step-up reference). */
export function preauthViewOf(g: PreauthGrantResource): PreauthView {
  return {
    id: g.id,
    tool: g.tool,
    max_level: preauthBand(g.max_score),
    max_score: g.max_score,
    expires_at: new Date(g.expires_at).toISOString(),
  };
}

/** The grants still in force at `now`, soonest to expire first. */
export function activePreauthViews(list: PreauthListResponse, now: number): PreauthView[] {
  return list.active
    .filter((g) => g.expires_at > now && g.revoked_at === null)
    .sort((a, b) => a.expires_at - b.expires_at)
    .map(preauthViewOf);
}

/** `GET /audit` and `GET /audit/verify` as one page for the activity view (`failedWithStatus`: the verify request itself failed). */
export function auditPageOf(list: AuditPageResponse, verify: AuditVerifyResponse | { failedWithStatus: number }): AuditPage {
  const verified: AuditPage['verified'] =
    'failedWithStatus' in verify
      ? { ok: false, broken_at: -1, reason: `verification request failed with ${verify.failedWithStatus}` }
      : verify.ok
        ? { ok: true, count: verify.count }
        : { ok: false, broken_at: verify.broken_at, reason: verify.reason };
  return {
    entries: list.entries.map(auditEntryViewOf),
    ...(list.next_cursor !== undefined ? { next_cursor: list.next_cursor } : {}),
    verified,
  };
}

// --- Manage what Vouch keeps (issue 15) ---
const PROVIDERS = new Set<string>(Provider.options);
const CONNECTION_PROVIDER = new Map<string, z.infer<typeof Provider>>(
  Object.entries(DEFAULT_CONNECTIONS).map(([p, c]) => [c, p as z.infer<typeof Provider>]),
);

/** The provider an audit entry concerns, read from its data (provider, tool(s), connection or draft kind). */
export function auditEntryProvider(e: Pick<AuditEntryBody, 'data'>): z.infer<typeof Provider> | undefined {
  const d = e.data;
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const provider = str(d.provider);
  if (provider && PROVIDERS.has(provider)) return provider as z.infer<typeof Provider>;
  const tools = [str(d.tool), ...(Array.isArray(d.tools) ? d.tools.map(str) : [])].filter(
    (t): t is string => t !== undefined && t in TOOL_PROVIDER,
  );
  const byTool = new Set(tools.map((t) => TOOL_PROVIDER[t as z.infer<typeof Tool>]));
  if (byTool.size === 1) return [...byTool][0];
  const connection = str(d.connection);
  if (connection && CONNECTION_PROVIDER.has(connection)) return CONNECTION_PROVIDER.get(connection);
  const kind = str(d.kind);
  if (kind && kind in DRAFT_KIND_PROVIDER) return DRAFT_KIND_PROVIDER[kind as keyof typeof DRAFT_KIND_PROVIDER];
  return undefined;
}

/** Whether an audit entry records something that did not go through. */
export function auditEntryOutcome(e: Pick<AuditEntryBody, 'kind' | 'data'>): 'ok' | 'failed' {
  const d = e.data;
  if (e.kind === 'error') return 'failed';
  if (d.status === 'failed') return 'failed';
  if (e.kind === 'token_exchange' && d.outcome !== 'issued') return 'failed';
  if (e.kind === 'approval' && (d.outcome === 'denied' || d.outcome === 'expired' || d.outcome === 'failed')) return 'failed';
  if (e.kind === 'policy_decision' && d.level === 'deny') return 'failed';
  return 'ok';
}

export function auditEntryViewOf(e: AuditEntryBody): AuditEntryView {
  const provider = auditEntryProvider(e);
  return { seq: e.seq, at: e.at, kind: e.kind, summary: e.summary, ...(provider ? { provider } : {}), outcome: auditEntryOutcome(e) };
}

/** One of the person's policy rules, as stored by the backend (see backend/src/policy/rules.ts). */
export type RuleView = z.infer<(typeof BridgeArgs)['saveRule']>[0];

/** The audit chain as exported (`GET /audit/export`): one signed entry per line, for the person to keep. */
export interface AuditExport {
  filename: string;
  /** JSON Lines, as the backend streamed it. */
  jsonl: string;
}
// --- end manage ---

/**
 * Why a bridge call failed, as a stable code the renderer keys its behaviour on (never the message
 * text). Every rejected bridge promise rejects with a `BridgeFailure`: across Electron's context
 * bridge as a plain object (custom properties of thrown `Error`s do not survive it), in the browser
 * harness as a `BridgeCallError`. Read either with `bridgeFailureOf`.
 */
export const BRIDGE_ERROR_CODES = [
  /** The call did not come from the popover's own page. */
  'REFUSED_SENDER',
  /** The arguments did not match the method's schema. */
  'INVALID_ARGUMENTS',
  'NOT_SIGNED_IN',
  'SIGN_IN_FAILED',
  'CONNECT_FAILED',
  'DISCONNECT_FAILED',
  /** A step-up the call waited for was declined on the phone. */
  'APPROVAL_DENIED',
  /** A step-up the call waited for was not answered in time. */
  'APPROVAL_EXPIRED',
  /** The feature is not available in this build or configuration. */
  'UNAVAILABLE',
  /** The backend could not do it right now. */
  'REQUEST_FAILED',
  /** Anything unexpected; details stay in main's log. */
  'INTERNAL',
] as const;
export const BridgeErrorCode = z.enum(BRIDGE_ERROR_CODES);
export type BridgeErrorCode = z.infer<typeof BridgeErrorCode>;

export const BridgeFailure = z.object({ code: BridgeErrorCode, message: z.string().max(500) });
export type BridgeFailure = z.infer<typeof BridgeFailure>;

/** The sentence a person reads for each code. */
export const BRIDGE_ERROR_MESSAGES: Record<BridgeErrorCode, string> = {
  REFUSED_SENDER: 'vouch: refused: unexpected sender',
  INVALID_ARGUMENTS: 'vouch: refused: invalid arguments',
  NOT_SIGNED_IN: 'Sign in first.',
  SIGN_IN_FAILED: 'Sign-in did not complete. Try again.',
  CONNECT_FAILED: 'The account was not connected.',
  DISCONNECT_FAILED: 'The account could not be disconnected. Try again.',
  APPROVAL_DENIED: 'Declined on your phone. Nothing was allowed.',
  APPROVAL_EXPIRED: 'Your phone was not answered in time. Nothing was allowed.',
  UNAVAILABLE: 'This is not available in this version of Vouch.',
  REQUEST_FAILED: 'Vouch could not change this right now. Try again.',
  INTERNAL: 'Something went wrong. Try again.',
};

/** Codes whose message is meant for the person; the others are bugs or attacks, shown as a generic sentence. */
export const PERSON_FACING_BRIDGE_ERRORS: ReadonlySet<BridgeErrorCode> = new Set<BridgeErrorCode>([
  'NOT_SIGNED_IN',
  'SIGN_IN_FAILED',
  'CONNECT_FAILED',
  'DISCONNECT_FAILED',
  'APPROVAL_DENIED',
  'APPROVAL_EXPIRED',
  'UNAVAILABLE',
  'REQUEST_FAILED',
]);

/** What main answers every invoked method with; the preload unwraps it. */
export type BridgeResult<T = unknown> = { ok: true; value: T } | { ok: false; error: BridgeFailure };

/** A bridge failure as an `Error` (for tests and scripted bridges; Electron's preload rejects with the plain shape). */
export class BridgeCallError extends VouchError {
  declare readonly code: BridgeErrorCode;
  override name = 'BridgeCallError';
  constructor(code: BridgeErrorCode, message: string = BRIDGE_ERROR_MESSAGES[code], options?: VouchErrorOptions) {
    super(message, { ...options, code });
  }
}

/** The `BridgeFailure` a rejected bridge call carries, or undefined for anything else. */
export function bridgeFailureOf(err: unknown): BridgeFailure | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const { code, message } = err as { code?: unknown; message?: unknown };
  const parsed = BridgeFailure.safeParse({ code, message });
  return parsed.success ? parsed.data : undefined;
}

export interface VouchBridge extends SpeechModelBridge, AccountSettingsBridge, HistoryBridge {
  signIn(): Promise<void>;
  signOut(): Promise<void>;
  /** Sends a typed (or already transcribed) request; resolves with the transcript id. */
  sendTranscript(text: string): Promise<{ id: string }>;
  startListening(): Promise<void>;
  stopListening(): Promise<void>;
  /** 16 kHz mono Int16 PCM from the renderer's AudioWorklet. */
  pushAudio(chunk: ArrayBuffer): void;
  confirmDraft(draftId: string, edits?: Record<string, unknown>): Promise<void>;
  cancelDraft(draftId: string): Promise<void>;
  decideApproval(id: string, approve: boolean): Promise<void>;
  /** Runs the Connected Accounts flow in the system browser, then tells the backend. */
  connectProvider(provider: z.infer<typeof Provider>): Promise<void>;
  listScopes(): Promise<void>;
  revokeProvider(provider: z.infer<typeof Provider>): Promise<void>;
  getAudit(opts?: { cursor?: string; limit?: number }): Promise<AuditPage>;
  /** The active pre-authorizations ("allowed for a while"), soonest to expire first. */
  listPreauthorizations(): Promise<PreauthView[]>;
  /**
   * Asks the backend for a grant; it sends a step-up to the person's phone and answers only once it
   * is approved (this can take minutes). Rejects with `APPROVAL_DENIED` or `APPROVAL_EXPIRED` when declined or expired.
   */
  grantPreauthorization(req: PreauthGrantRequest): Promise<PreauthView>;
  revokePreauthorization(id: string): Promise<void>;
  /** Stops waiting for the phone on the grant in flight: nothing is allowed, whatever the phone answers later. */
  cancelPreauthorizationRequest(): Promise<void>;
  // --- Manage what Vouch keeps (issue 15) ---
  /** Everything Vouch remembers long-term, newest first. */
  listMemory(): Promise<MemoryItemView[]>;
  /** Forgets one remembered item (already forgotten counts as done). */
  forgetMemory(id: string): Promise<void>;
  forgetAllMemory(): Promise<void>;
  /** The whole audit chain, signed entries as JSON Lines, to save as a file. */
  exportAudit(): Promise<AuditExport>;
  /** The person's policy rules, in their order (the first matching rule of the deciding effect is reported). */
  listRules(): Promise<RuleView[]>;
  /** Adds the rule, or replaces the one with the same id. Rejects with `REQUEST_FAILED` and the backend's reason when invalid. */
  saveRule(rule: RuleView): Promise<RuleView>;
  deleteRule(id: string): Promise<void>;
  // --- end manage ---
  // --- Settings (issue 15) ---
  getSettings(): Promise<AppSettings>;
  /** Validates, stores and applies the change; resolves with the settings now in force. */
  updateSettings(patch: SettingsPatch): Promise<AppSettings>;
  // --- end settings ---
  /** Subscribes to everything main pushes; returns the unsubscribe function. */
  onEvent(listener: (event: BridgeEvent) => void): () => void;
}
