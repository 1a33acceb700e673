import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HeadlessSession } from '../../standins/devtenant/signInHeadless.js';
import type { VouchSystem } from '../../standins/system.js';
import { linkAccount, startTestSystem } from '../helpers/system.js';
import { TestClient } from '../helpers/wsClient.js';
import { draftNote } from '../../../renderer/src/components/draftForm.js';
import { JORDAN_KIM, JORDAN_LEE, LENA, LENA_REPLY_TO, LOOKALIKE, REAL_DANA, attackSeedDir } from './attackSeed.js';

/**
 * Issue 12 item 5, performed as an attacker would: mail from outside the company lands in Alex's
 * real (sandbox) mailbox — a look-alike "Dana Whitfield" and a Reply-To pointing at another domain —
 * and Alex speaks to Vouch over the WebSocket. The recipient must be the person Alex means, and the
 * sheet and the voice must name the address the email really goes to.
 */
let system: VouchSystem;
let alex: HeadlessSession;
let seedDir: string;

beforeAll(async () => {
  seedDir = attackSeedDir();
  system = await startTestSystem({ sandboxSeedDir: seedDir });
  alex = await system.login('alex');
  await linkAccount(system, alex, 'google');
  await linkAccount(system, alex, 'slack');
});
afterAll(async () => {
  await system.stop();
  rmSync(seedDir, { recursive: true, force: true });
});

async function connect(): Promise<TestClient> {
  const c = await TestClient.connect(system.wsUrl);
  expect(await c.auth(alex.access_token)).toMatchObject({ type: 'session_ready' });
  return c;
}

describe('recipients the user chose, over a real WebSocket against the sandbox', () => {
  it('"email Dana" goes to the Dana Alex has written to, not the newer look-alike, and says her address', async () => {
    const c = await connect();
    c.send({ type: 'transcript', id: 'dana-new', text: 'email Dana that the deck is on its way' });
    const draft = await c.next('draft_ready', (f) => f.request_id === 'dana-new');
    if (draft.kind !== 'email') throw new Error(`expected an email draft, got ${draft.kind}`);
    expect(draft.fields.to).toEqual([REAL_DANA]);
    expect(draft.fields.warning).toBeUndefined();
    expect(draftNote(draft)).toBe('');
    expect(c.spoken('dana-new')).toContain(REAL_DANA);
    expect(c.spoken('dana-new')).not.toContain(LOOKALIKE);
    await c.close();
  });

  it('"reply to Dana" answers the real Dana’s thread, not the look-alike’s newer one', async () => {
    const c = await connect();
    c.send({ type: 'transcript', id: 'dana-reply', text: 'reply to Dana that Thursday works' });
    const draft = await c.next('draft_ready', (f) => f.request_id === 'dana-reply');
    if (draft.kind !== 'email') throw new Error(`expected an email draft, got ${draft.kind}`);
    expect(draft.fields.to).toEqual([REAL_DANA]);
    expect(c.spoken('dana-reply')).toContain(REAL_DANA);
    await c.close();
  });

  it('a reply to a message whose Reply-To points elsewhere names that address, warns, and is scored as a step-up', async () => {
    const c = await connect();
    c.send({ type: 'transcript', id: 'lena-reply', text: 'reply to Lena that Monday works' });
    const draft = await c.next('draft_ready', (f) => f.request_id === 'lena-reply');
    if (draft.kind !== 'email') throw new Error(`expected an email draft, got ${draft.kind}`);
    expect(draft.fields.to).toEqual([LENA_REPLY_TO]);
    const words = c.spoken('lena-reply');
    expect(words).toContain(LENA_REPLY_TO);
    expect(words).toContain(`not to the sender ${LENA}`);
    // Shown on the sheet under the draft (the email kind's note), not only said.
    expect(draft.fields.warning).toBe(
      `Careful: this email asks for replies to go to ${LENA_REPLY_TO}, on another domain, not to the sender ${LENA}.`,
    );
    expect(draftNote(draft)).toBe(draft.fields.warning);
    const trust = draft.risk?.factors.find((f) => f.name === 'Recipient trust');
    expect(trust?.detail).toContain(`Replies go to ${LENA_REPLY_TO}`);
    expect(trust?.points).toBeGreaterThanOrEqual(15);
    // The same reply without the diversion scores 49 (confirm); the Reply-To makes it a phone approval.
    expect(draft.risk?.level).toBe('step_up');
    await c.close();
  });

  it('"email jordan" (lower case) asks which Jordan when mail and Slack know two', async () => {
    const c = await connect();
    c.send({ type: 'transcript', id: 'jordan', text: 'email jordan that the deck is on its way' });
    await c.next('agent_done', (f) => f.request_id === 'jordan');
    expect(c.frames.some((f) => f.type === 'draft_ready' && f.request_id === 'jordan')).toBe(false);
    const words = c.spoken('jordan');
    expect(words).toContain(JORDAN_LEE);
    expect(words).toContain(JORDAN_KIM);
    expect(words).toMatch(/^Which Jordan do you mean/);
    // The answer picks one of the two, and the draft goes to that address.
    c.send({ type: 'transcript', id: 'jordan-which', text: 'the second one' });
    const draft = await c.next('draft_ready', (f) => f.request_id === 'jordan-which');
    const second = words.indexOf(JORDAN_KIM) > words.indexOf(JORDAN_LEE) ? JORDAN_KIM : JORDAN_LEE;
    expect(draft.kind === 'email' && draft.fields.to).toEqual([second]);
    await c.close();
  });
});
