import { describe, expect, it } from 'vitest';
import { noteText, noteToForget } from '../../src/agent/memory/index.js';
import { OfflineIntentEngine } from '../../src/agent/intent/offline.js';

const notes = [
  { id: '1', text: noteText('my manager is Dana') },
  { id: '2', text: noteText('Dana prefers mornings and my manager is Sam') },
  { id: '3', text: 'Asked: my manager is Dana?\nDid: answered without reading anything' },
];

describe('which note "forget that …" means', () => {
  it('the note holding every word of the request, the tightest first; never an exchange', () => {
    expect(noteToForget(notes, 'my manager is Dana')?.id).toBe('1');
    expect(noteToForget(notes, 'Dana prefers mornings')?.id).toBe('2');
    expect(noteToForget(notes.slice(1), 'my manager is Dana')?.id).toBe('2');
    expect(noteToForget([notes[2]!], 'my manager is Dana')).toBeUndefined();
    expect(noteToForget(notes, 'the badge number')).toBeUndefined();
  });
});

describe('the offline engine hears "forget that …"', () => {
  const engine = new OfflineIntentEngine();
  const ctx = { now: new Date('2030-05-02T10:00:00Z'), timezone: 'UTC', history: [] };
  it.each([
    ['forget that my manager is Dana', 'my manager is Dana'],
    ['Please forget my badge number is 4412.', 'my badge number is 4412'],
    ['stop remembering that the standup is at 9', 'the standup is at 9'],
  ])('%s', async (text, fact) => {
    expect(await engine.analyze(text, ctx)).toMatchObject({ tools: [], action: 'unknown', entities: { forget: fact } });
  });
  it('a bare "forget it" is not a note to forget', async () => {
    expect((await engine.analyze('forget it', ctx)).entities.forget).toBeUndefined();
    expect((await engine.analyze('forget that', ctx)).entities.forget).toBeUndefined();
  });
});
