export { startSandbox, type Sandbox, type SandboxOptions, type SandboxFault, type SandboxLogger, type RecordedRequest } from './server.js';
export type { SandboxClient } from './oauth.js';
export { SANDBOX_ACCOUNT } from './account.js';
export { DEFAULT_SLACK_APP_LIMITS, type SlackAppLimits } from './slackApi.js';
