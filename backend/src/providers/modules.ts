/**
 * The provider modules Vouch ships, one line each (their contracts are listed in `contracts.ts`).
 * `registry.ts` drives whatever is listed here.
 */
export { googleModule } from './google/module.js';
export { slackModule } from './slack/module.js';
