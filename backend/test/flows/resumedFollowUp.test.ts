import { afterAll, beforeAll, expect, it } from 'vitest';
import type { VouchSystem } from '../../standins/system.js';
import { CONNECT_BASE_SCOPES } from '../../src/auth/scopeCatalog.js';
import { GOOGLE_SCOPES } from '../../src/providers/google/contract.js';
import { linkAccount, startTestSystem } from '../helpers/system.js';
import { TestClient } from '../helpers/wsClient.js';

/**
 * A follow-up that waited for a permission resumes against the conversation as it was when asked: "tell her
 * thursday works" after Dana's email still answers that email once the account can send, over the WS protocol
 * against the dev tenant and the sandbox.
 */

let system: VouchSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(async () => {
  await system.stop();
});

it('"tell her thursday works" after reading Dana’s email resumes, after the extra consent, as a reply in her thread', async () => {
  const alex = await system.login('alex');
  await linkAccount(system, alex, 'google', { scopes: [...CONNECT_BASE_SCOPES.google, GOOGLE_SCOPES.gmailRead] });
  const c = await TestClient.connect(system.wsUrl);
  await c.auth(alex.access_token);

  c.send({ type: 'transcript', id: 'read-1', text: 'any new emails from Dana?' });
  await c.next('agent_done', (f) => f.request_id === 'read-1');

  c.send({ type: 'transcript', id: 'tell-1', text: 'tell her thursday works' });
  const ask = await c.next('connections_required', (f) => f.request_id === 'tell-1');
  expect(ask.scopes.map((s) => s.scope)).toEqual([GOOGLE_SCOPES.gmailSend]);

  await linkAccount(system, alex, 'google', {
    scopes: [...CONNECT_BASE_SCOPES.google, GOOGLE_SCOPES.gmailRead, GOOGLE_SCOPES.gmailSend],
  });
  c.send({ type: 'account_connected', provider: 'google' });
  const draft = await c.next('draft_ready', (f) => f.request_id === 'tell-1');
  if (draft.kind !== 'email') throw new Error(`expected an email, got ${draft.kind}`);
  expect(draft.fields.to).toEqual(['dana@northwind.io']);
  // In Dana's thread, answering her latest email, not a new email titled with the message.
  expect(draft.fields.thread_id).toBeTruthy();
  expect(draft.fields.subject).toMatch(/^Re: /);
  c.send({ type: 'action_cancelled', draft_id: draft.draft_id });
  await c.close();
});
