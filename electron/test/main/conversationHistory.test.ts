import Conf from 'conf';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ConversationHistory,
  HISTORY_MAX_AGE_MS,
  HISTORY_MAX_ITEMS,
  historyKey,
  type HistoryCipher,
} from '../../src/app/history/conversationHistory.js';
import { openHistoryFile } from '../../src/app/history/historyFile.js';
import { keystoreHistoryCipher } from '../../src/app/history/keystoreCipher.js';
import { TokenStore, type KeyValueStore } from '../../src/auth/tokenStore.js';
import { MemoryKv, StandInSafeStorage } from './helpers/standIns.js';

const ALEX = 'auth0|alex';
const SAM = 'auth0|sam';
const SECRET_WORDS = 'the merger with Initech closes on Friday';

/** The app's cipher: the stand-in keystore under the token store's own persistence rule. */
function keystore(safe = new StandInSafeStorage(), platform: NodeJS.Platform = 'linux'): HistoryCipher {
  return keystoreHistoryCipher(safe, new TokenStore(safe, new MemoryKv(), platform));
}

class Clock {
  t = Date.parse('2026-11-26T12:00:00Z');
  now = () => this.t;
}

const warnings: Array<{ obj: Record<string, unknown>; msg: string }> = [];
const log = { warn: (obj: Record<string, unknown>, msg: string) => void warnings.push({ obj, msg }) };

const dirs: string[] = [];
function confIn(dir: string, opts: { clearInvalidConfig: boolean } = { clearInvalidConfig: false }): KeyValueStore {
  const conf = new Conf<Record<string, unknown>>({ cwd: dir, configName: 'vouch-history', configFileMode: 0o600, ...opts });
  return { get: (k) => conf.get(k), set: (k, v) => conf.set(k, v), delete: (k) => conf.delete(k) };
}
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vouch-history-'));
  dirs.push(dir);
  return dir;
}

afterEach(() => {
  warnings.length = 0;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('ConversationHistory', () => {
  it('survives a restart, sealed by the keystore: the words are not in the file', async () => {
    const dir = tempDir();
    const safe = new StandInSafeStorage();
    const history = new ConversationHistory({ kv: confIn(dir), cipher: keystore(safe) });
    await history.append(ALEX, { id: 't-1', role: 'user', text: SECRET_WORDS });
    await history.append(ALEX, { id: 't-1', role: 'assistant', text: 'Noted: Friday.' });
    await history.append(ALEX, { id: 'd-1', role: 'outcome', text: 'Sent to dana@example.com' });

    const file = readFileSync(join(dir, 'vouch-history.json'), 'utf8');
    expect(file).not.toContain('Initech');
    expect(file).not.toContain('dana@example.com');
    expect(file).not.toContain('alex');

    // A fresh process over the same file and keystore.
    const again = new ConversationHistory({ kv: confIn(dir), cipher: keystore(safe) });
    const { items, persistence } = await again.list(ALEX);
    expect(persistence).toEqual({ persisted: true });
    expect(items.map((i) => [i.role, i.text])).toEqual([
      ['user', SECRET_WORDS],
      ['assistant', 'Noted: Friday.'],
      ['outcome', 'Sent to dana@example.com'],
    ]);
  });

  it(`keeps the newest ${HISTORY_MAX_ITEMS} items of the last 30 days`, async () => {
    const clock = new Clock();
    const kv = new MemoryKv();
    const safe = new StandInSafeStorage();
    const history = new ConversationHistory({ kv, cipher: keystore(safe), now: clock.now });
    for (let i = 0; i < HISTORY_MAX_ITEMS + 5; i++) await history.append(ALEX, { id: `t-${i}`, role: 'user', text: `request ${i}` });
    let { items } = await history.list(ALEX);
    expect(items).toHaveLength(HISTORY_MAX_ITEMS);
    expect(items[0]!.text).toBe('request 5');
    expect(items.at(-1)!.text).toBe(`request ${HISTORY_MAX_ITEMS + 4}`);

    // A month later, one new item: everything older than 30 days is gone, also after a restart.
    clock.t += HISTORY_MAX_AGE_MS + 1;
    await history.append(ALEX, { id: 't-new', role: 'user', text: 'a month later' });
    ({ items } = await history.list(ALEX));
    expect(items.map((i) => i.text)).toEqual(['a month later']);
    ({ items } = await new ConversationHistory({ kv, cipher: keystore(safe), now: clock.now }).list(ALEX));
    expect(items.map((i) => i.text)).toEqual(['a month later']);
  });

  it('ages items out on read too (no write needed)', async () => {
    const clock = new Clock();
    const history = new ConversationHistory({ kv: new MemoryKv(), cipher: keystore(), now: clock.now });
    await history.append(ALEX, { id: 't-1', role: 'user', text: 'old' });
    clock.t += HISTORY_MAX_AGE_MS + 1;
    expect((await history.list(ALEX)).items).toEqual([]);
  });

  it('keeps each person apart, and clear forgets only that person', async () => {
    const kv = new MemoryKv();
    const safe = new StandInSafeStorage();
    const history = new ConversationHistory({ kv, cipher: keystore(safe) });
    await history.append(ALEX, { id: 't-1', role: 'user', text: 'alex asks' });
    await history.append(SAM, { id: 't-2', role: 'user', text: 'sam asks' });
    expect((await history.list(ALEX)).items.map((i) => i.text)).toEqual(['alex asks']);
    expect((await history.list(SAM)).items.map((i) => i.text)).toEqual(['sam asks']);

    await history.clear(ALEX);
    expect(kv.get(historyKey(ALEX))).toBeUndefined();
    const fresh = new ConversationHistory({ kv, cipher: keystore(safe) });
    expect((await fresh.list(ALEX)).items).toEqual([]);
    expect((await fresh.list(SAM)).items.map((i) => i.text)).toEqual(['sam asks']);
  });

  it("refuses another person's blob copied under this person's key", async () => {
    const kv = new MemoryKv();
    const safe = new StandInSafeStorage();
    await new ConversationHistory({ kv, cipher: keystore(safe) }).append(SAM, { id: 't-1', role: 'user', text: 'sam asks' });
    kv.set(historyKey(ALEX), kv.get(historyKey(SAM)));
    const { items } = await new ConversationHistory({ kv, cipher: keystore(safe), log }).list(ALEX);
    expect(items).toEqual([]);
    expect(warnings).toEqual([{ obj: { error: 'HISTORY_UNREADABLE', reason: 'owner' }, msg: expect.any(String) }]);
  });

  it('on Linux without a keyring (basic_text) writes nothing and keeps the conversation for this run only', async () => {
    const kv = new MemoryKv();
    const safe = new StandInSafeStorage(true, 'basic_text');
    const history = new ConversationHistory({ kv, cipher: keystore(safe) });
    await history.append(ALEX, { id: 't-1', role: 'user', text: SECRET_WORDS });
    expect(kv.data.size).toBe(0);
    const { items, persistence } = await history.list(ALEX);
    expect(persistence).toEqual({ persisted: false, reason: 'no_os_keyring' });
    expect(items.map((i) => i.text)).toEqual([SECRET_WORDS]);
    expect((await new ConversationHistory({ kv, cipher: keystore(safe) }).list(ALEX)).items).toEqual([]);
  });

  it('forgets a history an earlier run sealed once the keystore turns out to be basic_text', async () => {
    const kv = new MemoryKv();
    const safe = new StandInSafeStorage(true, 'gnome_libsecret');
    await new ConversationHistory({ kv, cipher: keystore(safe) }).append(ALEX, { id: 't-1', role: 'user', text: 'hello' });
    expect(kv.data.size).toBe(1);
    safe.backend = 'basic_text';
    expect((await new ConversationHistory({ kv, cipher: keystore(safe) }).list(ALEX)).items).toEqual([]);
    expect(kv.data.size).toBe(0);
  });

  it('with no keystore at all writes nothing, and leaves a sealed copy for when it is back', async () => {
    const kv = new MemoryKv();
    const safe = new StandInSafeStorage(true, 'gnome_libsecret');
    await new ConversationHistory({ kv, cipher: keystore(safe, 'darwin') }).append(ALEX, { id: 't-1', role: 'user', text: 'hello' });
    const sealed = kv.get(historyKey(ALEX));
    safe.available = false;
    const offline = new ConversationHistory({ kv, cipher: keystore(safe, 'darwin') });
    await offline.append(ALEX, { id: 't-2', role: 'user', text: 'while locked' });
    expect(await offline.list(ALEX)).toEqual({
      items: [expect.objectContaining({ text: 'while locked' })],
      persistence: { persisted: false, reason: 'encryption_unavailable' },
    });
    expect(kv.get(historyKey(ALEX))).toBe(sealed);
  });

  it('a damaged blob is an empty history and a typed warning, not a crash', async () => {
    const kv = new MemoryKv();
    kv.set(historyKey(ALEX), 'bm90IHNlYWxlZA==');
    const history = new ConversationHistory({ kv, cipher: keystore(), log });
    expect((await history.list(ALEX)).items).toEqual([]);
    expect(warnings).toEqual([{ obj: { error: 'HISTORY_UNREADABLE', reason: 'decrypt' }, msg: expect.any(String) }]);
    expect(kv.get(historyKey(ALEX))).toBeUndefined();
    // It works on from there.
    await history.append(ALEX, { id: 't-1', role: 'user', text: 'hello again' });
    expect((await history.list(ALEX)).items.map((i) => i.text)).toEqual(['hello again']);
  });

  it('a sealed blob that is not a history is refused as format', async () => {
    const kv = new MemoryKv();
    const safe = new StandInSafeStorage();
    kv.set(historyKey(ALEX), (await safe.encryptStringAsync('{"v":1,"sub":"auth0|alex","items":[{"id":""}]}')).toString('base64'));
    expect((await new ConversationHistory({ kv, cipher: keystore(safe), log }).list(ALEX)).items).toEqual([]);
    expect(warnings[0]?.obj).toEqual({ error: 'HISTORY_UNREADABLE', reason: 'format' });
  });

  it('a history file that is not JSON opens empty with a typed warning', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'vouch-history.json'), '{"conversationHistory-v1-', { mode: 0o600 });
    const kv = openHistoryFile((opts) => confIn(dir, opts), log);
    expect(warnings).toEqual([{ obj: { error: 'HISTORY_UNREADABLE', reason: 'file' }, msg: expect.any(String) }]);
    const history = new ConversationHistory({ kv, cipher: keystore() });
    expect((await history.list(ALEX)).items).toEqual([]);
    await history.append(ALEX, { id: 't-1', role: 'user', text: 'fresh start' });
    expect((await history.list(ALEX)).items).toHaveLength(1);
  });

  it('stores the keystore re-encryption when the key rotated', async () => {
    const kv = new MemoryKv();
    const safe = new StandInSafeStorage();
    await new ConversationHistory({ kv, cipher: keystore(safe) }).append(ALEX, { id: 't-1', role: 'user', text: 'hello' });
    const before = kv.get(historyKey(ALEX));
    safe.rotated = true;
    expect((await new ConversationHistory({ kv, cipher: keystore(safe) }).list(ALEX)).items).toHaveLength(1);
    expect(kv.get(historyKey(ALEX))).not.toBe(before);
    expect((await new ConversationHistory({ kv, cipher: keystore(safe) }).list(ALEX)).items).toHaveLength(1);
  });

  it('an append racing a clear never brings the history back', async () => {
    const kv = new MemoryKv();
    const history = new ConversationHistory({ kv, cipher: keystore() });
    const appended = history.append(ALEX, { id: 't-1', role: 'user', text: 'hello' });
    const cleared = history.clear(ALEX);
    await Promise.all([appended, cleared]);
    expect(kv.get(historyKey(ALEX))).toBeUndefined();
    expect((await history.list(ALEX)).items).toEqual([]);
  });

  it('keeps one item per id and role, and drops empty text', async () => {
    const history = new ConversationHistory({ kv: new MemoryKv(), cipher: keystore() });
    await history.append(ALEX, { id: 't-1', role: 'user', text: 'hello' });
    expect(await history.append(ALEX, { id: 't-1', role: 'user', text: 'hello' })).toBeUndefined();
    expect(await history.append(ALEX, { id: 't-2', role: 'assistant', text: '   ' })).toBeUndefined();
    expect((await history.list(ALEX)).items).toHaveLength(1);
  });
});
