import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HeadlessSession } from '../../standins/devtenant/signInHeadless.js';
import type { VouchSystem } from '../../standins/system.js';
import { linkAccount, startTestSystem } from '../helpers/system.js';
import { TestClient } from '../helpers/wsClient.js';
import { JORDAN_KIM, LOOKALIKE, attackSeedDir } from './attackSeed.js';

/**
 * Whom a Slack direct message goes to, against a workspace an attacker got a guest account into (a
 * look-alike "Dana Whitfield") and with two members called Priya: only full members are candidates,
 * a name that fits two is asked about, and the answer picks one.
 */
const PRIYA_NAIR = 'priya.nair@example.com';
let system: VouchSystem;
let alex: HeadlessSession;
let seedDir: string;

beforeAll(async () => {
  seedDir = attackSeedDir();
  const file = join(seedDir, 'slack.json');
  const slack = JSON.parse(readFileSync(file, 'utf8')) as { users: unknown[] };
  slack.users.push({ id: 'U0PNAIR', name: 'priya.nair', real_name: 'Priya Nair', email: PRIYA_NAIR });
  writeFileSync(file, JSON.stringify(slack));
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

describe('whom a Slack direct message goes to', () => {
  it('never the look-alike guest: "slack dana" finds no member called Dana and drafts nothing', async () => {
    const c = await connect();
    c.send({ type: 'transcript', id: 'p-1', text: 'slack dana that the wire details changed' });
    await c.next('agent_done', (f) => f.request_id === 'p-1');
    expect(c.spoken('p-1')).toMatch(/couldn't find Dana in your Slack workspace/);
    expect(JSON.stringify(c.frames)).not.toContain(LOOKALIKE);
    expect(c.frames.some((f) => f.type === 'draft_ready')).toBe(false);
    await c.close();
  });

  it('the Slack member, not a namesake known from mail', async () => {
    const c = await connect();
    c.send({ type: 'transcript', id: 'p-2', text: 'slack jordan that the roadmap doc is up' });
    const draft = await c.next('draft_ready');
    expect(draft).toMatchObject({ kind: 'slack_direct_message', fields: { to: [JORDAN_KIM] } });
    c.send({ type: 'action_cancelled', draft_id: draft.draft_id });
    await c.close();
  });

  it('two members called Priya: asks which, naming both addresses, and the answer picks one', async () => {
    const c = await connect();
    c.send({ type: 'transcript', id: 'p-3', text: 'slack priya that the deck is ready' });
    await c.next('agent_done', (f) => f.request_id === 'p-3');
    expect(c.spoken('p-3')).toBe(`Which Priya do you mean: Priya Nair (${PRIYA_NAIR}) or Priya Shah (priya@example.com)?`);
    expect(c.frames.some((f) => f.type === 'draft_ready')).toBe(false);
    c.send({ type: 'transcript', id: 'p-4', text: 'priya nair' });
    const draft = await c.next('draft_ready');
    expect(draft).toMatchObject({ kind: 'slack_direct_message', fields: { to: [PRIYA_NAIR] } });
    c.send({ type: 'action_cancelled', draft_id: draft.draft_id });
    await c.close();
  });
});
