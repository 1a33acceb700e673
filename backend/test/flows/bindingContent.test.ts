import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HeadlessSession } from '../../standins/devtenant/signInHeadless.js';
import type { PendingCiba } from '../../standins/devtenant/index.js';
import type { VouchSystem } from '../../standins/system.js';
import { draftContentSha256 } from '../../src/drafts/index.js';
import { applyEdits } from '../../src/agent/drafts.js';
import { linkAccount, startTestSystem } from '../helpers/system.js';
import { TestClient } from '../helpers/wsClient.js';

/**
 * Item 10 of the security issue: what the phone shows must let the person notice an outsider among
 * the recipients and a body other than the one in the popover. The attack: a draft to two
 * colleagues with an outsider slipped into Cc; before, the phone said "to sam at example.com +2".
 */

let system: VouchSystem;
let alex: HeadlessSession;

beforeAll(async () => {
  system = await startTestSystem({ cibaIntervalSeconds: 0.05 });
  alex = await system.login('alex');
  await linkAccount(system, alex, 'google');
  // Every email needs the phone, so the binding message is what the person relies on.
  const res = await fetch(`${system.backendUrl}/rules`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${alex.access_token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      rules: [{ id: 'email-needs-phone', effect: 'require_step_up', when: { tool: 'gmail' }, description: 'Email needs my phone' }],
    }),
  });
  expect(res.status).toBe(200);
});
afterAll(async () => {
  await system.stop();
});

describe('the phone names outside recipients and shows the content code the popover shows', () => {
  it('an outsider hidden in Cc is named on the phone, and the code matches the content that is sent', async () => {
    const c = await TestClient.connect(system.wsUrl);
    await c.auth(alex.access_token);
    c.send({ type: 'transcript', id: 'cc-1', text: 'reply to Dana that Thursday works' });
    const draft = await c.next('draft_ready');
    if (draft.kind !== 'email') throw new Error('expected an email draft');

    const asked = new Promise<PendingCiba>((resolve) => system.tenant.ciba.events.once('request', resolve));
    const edits = {
      to: ['sam@example.com', 'kim@example.com'],
      cc: ['eve@evil.test'],
      body: 'Hi all,\n\nThe numbers are attached.\n\nAlex',
    };
    c.send({ type: 'action_confirmed', draft_id: draft.draft_id, edits });
    const phone = await asked;
    const card = await c.next('approval_required', (f) => f.draft_id === draft.draft_id);

    // The phone names the outsider, not just "+2".
    expect(phone.bindingMessage).toContain('eve at evil.test');
    expect(phone.bindingMessage).toMatch(/^[A-Za-z0-9 +\-_.,:#]{1,64}$/);
    // The code on the phone is the code on the card, and it is the SHA-256 of exactly what will be sent.
    const edited = applyEdits('email', draft.fields, edits);
    if (!edited.ok) throw new Error(edited.message);
    // Six hex digits of the SHA-256 the approval is bound to (computed here, not by the code under test).
    const code = draftContentSha256('email', edited.fields).slice(0, 6).toUpperCase();
    expect(card.content_code).toBe(code);
    expect(phone.bindingMessage.endsWith(` #${code}`)).toBe(true);
    expect(card.binding_message).toBe(phone.bindingMessage);

    await system.tenant.ciba.deny(phone.authReqId);
    expect(await c.next('action_result', (f) => f.draft_id === draft.draft_id && f.status !== 'awaiting_approval')).toMatchObject({
      status: 'denied',
    });
    await c.close();
  });
});
