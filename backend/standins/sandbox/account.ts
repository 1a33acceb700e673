/** The one demo account every sandbox provider knows. */
export const SANDBOX_ACCOUNT = {
  /** The user id inside the sandbox (what the provider calls its subject). */
  userId: 'alex',
  email: 'alex@example.com',
  name: 'Alex Rivera',
  slackUserId: 'U0ALEX',
  slackTeamId: 'T0VOUCH',
  slackTeamName: 'Vouch Demo',
} as const;

export type SandboxProvider = 'google' | 'slack';

export function isSandboxProvider(v: string): v is SandboxProvider {
  return v === 'google' || v === 'slack';
}
