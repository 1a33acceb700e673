import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VouchSystem } from '../../standins/system.js';
import { startTestSystem } from '../helpers/system.js';
import { TestClient } from '../helpers/wsClient.js';

let system: VouchSystem;
beforeAll(async () => {
  // Parsing robustness over many frames on one socket: the abuse limits that would close it after a
  // few bad frames are raised here (they are tested in server/wsAbuse.test.ts).
  system = await startTestSystem({ env: { WS_MAX_BAD_FRAMES: '5000', WS_MAX_FRAMES_PER_MINUTE: '5000' } });
});
afterAll(async () => {
  await system.stop();
});

/** A seeded generator so a failing case can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function malformedFrames(count: number): Array<{ data: string | Buffer; binary: boolean }> {
  const r = rng(42);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  const types = [
    'session_auth',
    'transcript',
    'account_connected',
    'action_confirmed',
    'action_cancelled',
    'approval_decision',
    'logout',
    'list_scopes',
    'revoke_provider',
    'nope',
    '',
    42,
    null,
  ];
  const junkValues = [null, 42, -1, 1e308, true, [], {}, '', 'x'.repeat(5000), '\u0000\uffff', { $gt: '' }, [[[[]]]]];
  const out: Array<{ data: string | Buffer; binary: boolean }> = [];
  const generators: Array<() => { data: string | Buffer; binary: boolean }> = [
    () => ({
      data: JSON.stringify({
        type: pick(types),
        ...Object.fromEntries([
          ['id', pick(junkValues)],
          ['text', pick(junkValues)],
        ]),
      }),
      binary: false,
    }),
    () => ({ data: JSON.stringify({ type: 'transcript', id: 'ok', text: 'x'.repeat(4001 + Math.floor(r() * 60000)) }), binary: false }),
    () => ({ data: '['.repeat(33 + Math.floor(r() * 500)) + ']'.repeat(10), binary: false }),
    () => ({ data: JSON.stringify(JSON.parse('{"a":'.repeat(40) + '1' + '}'.repeat(40))), binary: false }),
    () => ({ data: Buffer.from(Array.from({ length: 1 + Math.floor(r() * 300) }, () => Math.floor(r() * 256))), binary: true }),
    () => ({ data: '{"type":"transcript","id":"a","text":"hi"', binary: false }),
    () => ({ data: pick(['', ' ', 'null', '1', '"str"', 'true', '[]', '{}', 'undefined', 'NaN']), binary: false }),
    () => ({ data: JSON.stringify({ type: 'action_confirmed', draft_id: pick(junkValues), edits: pick(junkValues) }), binary: false }),
    () => ({ data: JSON.stringify({ type: 'account_connected', provider: pick(['github', 'GOOGLE', '', 1, null]) }), binary: false }),
    () => ({ data: JSON.stringify({ type: 'transcript', id: 'bad id with spaces', text: 'hi', extra: 'field' }), binary: false }),
    () => ({
      data: JSON.stringify({ type: 'session_auth', access_token: pick(junkValues), frame_id: pick(['f1', '../../', 'x'.repeat(200)]) }),
      binary: false,
    }),
    () => ({ data: JSON.stringify({ type: 'approval_decision', id: 'a1', approve: pick(['yes', 1, null]) }), binary: false }),
  ];
  for (let i = 0; i < count; i++) out.push(generators[i % generators.length]!());
  return out;
}

describe('frame fuzzing', () => {
  it('answers each of 1,200 malformed frames with a typed error and stays usable', async () => {
    const frames = malformedFrames(1200);
    const client = await TestClient.connect(system.wsUrl);
    const alex = await system.login('alex');
    expect(await client.auth(alex.access_token)).toMatchObject({ type: 'session_ready' });
    const start = client.frames.length;
    let errors = 0;
    for (let i = 0; i < frames.length; i += 100) {
      const batch = frames.slice(i, i + 100);
      for (const f of batch) client.sendRaw(f.data, f.binary);
      // Each malformed frame gets exactly one error; wait for this batch's errors before the next.
      const target = start + errors + batch.length;
      await client.waitForCount(target);
      errors += batch.length;
    }
    const answers = client.frames.slice(start);
    expect(answers).toHaveLength(frames.length);
    for (const a of answers) {
      expect(a.type).toBe('error');
      expect(['BAD_FRAME', 'UNAUTHENTICATED']).toContain((a as { code: string }).code);
    }
    expect(answers.filter((a) => (a as { code: string }).code === 'BAD_FRAME').length).toBeGreaterThan(550);
    expect(client.isOpen).toBe(true);
    await client.close();

    // The server is still up and a fresh, valid session works.
    const health = await fetch(`${system.backendUrl}/health`);
    expect(health.status).toBe(200);
    const fresh = await TestClient.connect(system.wsUrl);
    expect(await fresh.auth(alex.access_token)).toMatchObject({ type: 'session_ready' });
    fresh.send({ type: 'list_scopes', frame_id: 'f-1' });
    expect(await fresh.next('scopes')).toMatchObject({ type: 'scopes' });
    await fresh.close();
  });

  it('reports BAD_FRAME with the frame_id when it can read one', async () => {
    const client = await TestClient.connect(system.wsUrl);
    client.send({ type: 'transcript', frame_id: 'abc-1', id: 'x', text: '' });
    expect(await client.next('error')).toMatchObject({ code: 'BAD_FRAME', frame_id: 'abc-1' });
    await client.close();
  });
});
