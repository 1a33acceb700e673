/** One provider account per demo user: each has its own mailbox and calendar, and a member id in the one Slack workspace. */
export interface SandboxAccount {
  /** The user id inside the sandbox (what the provider calls its subject). */
  userId: string;
  email: string;
  name: string;
  slackUserId: string;
}

export const SANDBOX_ACCOUNTS: readonly SandboxAccount[] = [
  { userId: 'alex', email: 'alex@example.com', name: 'Alex Rivera', slackUserId: 'U0ALEX' },
  { userId: 'blake', email: 'blake@example.com', name: 'Blake Chen', slackUserId: 'U0BLAKE' },
];

/** The first demo account, and the Slack workspace everyone shares. */
export const SANDBOX_ACCOUNT = {
  ...(SANDBOX_ACCOUNTS[0] as SandboxAccount),
  slackTeamId: 'T0VOUCH',
  slackTeamName: 'Vouch Demo',
} as const;

/** The account a grant belongs to; an unknown id (an old grant) reads as the first account. */
export function accountOf(userId: string | undefined): SandboxAccount {
  return SANDBOX_ACCOUNTS.find((a) => a.userId === userId) ?? (SANDBOX_ACCOUNTS[0] as SandboxAccount);
}

/** The account a `login_hint` names (its email or id), if any. */
export function accountForHint(hint: string | undefined): SandboxAccount | undefined {
  const h = hint?.trim().toLowerCase();
  return h ? SANDBOX_ACCOUNTS.find((a) => a.email === h || a.userId === h) : undefined;
}

export type SandboxProvider = 'google' | 'slack';

export function isSandboxProvider(v: string): v is SandboxProvider {
  return v === 'google' || v === 'slack';
}
