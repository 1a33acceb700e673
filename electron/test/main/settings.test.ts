import Conf from 'conf';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type BridgeEvent } from '../../src/bridge/contract.js';
import { AppController } from '../../src/app/controller.js';
import { SettingsStore } from '../../src/app/settings.js';
import type { KeyValueStore } from '../../src/auth/tokenStore.js';
import type { AuthSession } from '../../src/auth/session.js';
import type { LinkClient } from '../../src/link/linkClient.js';
import { ManualTimers } from './helpers/timers.js';

/** The person's desktop settings in a real `conf` file (what electron-store is built on), and applied live. */
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function confKv(dir?: string): { kv: KeyValueStore; dir: string } {
  const cwd = dir ?? mkdtempSync(join(tmpdir(), 'vouch-settings-'));
  if (!dir) dirs.push(cwd);
  const conf = new Conf<Record<string, unknown>>({ cwd, configName: 'vouch-settings' });
  return { kv: { get: (k) => conf.get(k), set: (k, v) => conf.set(k, v), delete: (k) => conf.delete(k) }, dir: cwd };
}

describe('SettingsStore', () => {
  it('starts from the defaults, keeps a change across restarts, and refuses invalid changes whole', () => {
    const { kv, dir } = confKv();
    const store = new SettingsStore(kv);
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(store.update({ spokenReplies: false, timeZone: 'Asia/Tokyo', onboardingDone: false })).toEqual({
      ...DEFAULT_SETTINGS,
      spokenReplies: false,
      timeZone: 'Asia/Tokyo',
      onboardingDone: false,
    });
    expect(new SettingsStore(confKv(dir).kv).get()).toEqual({ ...DEFAULT_SETTINGS, spokenReplies: false, timeZone: 'Asia/Tokyo' });
    expect(() => store.update({ timeZone: 'Mars/Olympus_Mons' })).toThrow();
    expect(() => store.update({ spokenReplies: false, extra: 1 })).toThrow();
    expect(() => store.update({})).toThrow();
    expect(new SettingsStore(confKv(dir).kv).get()).toEqual({ ...DEFAULT_SETTINGS, spokenReplies: false, timeZone: 'Asia/Tokyo' });
  });

  it('a hand-edited file with one bad field keeps the good ones', () => {
    const { dir } = confKv();
    writeFileSync(join(dir, 'vouch-settings.json'), JSON.stringify({ settings: { spokenReplies: false, timeZone: 'not/a zone' } }));
    expect(new SettingsStore(confKv(dir).kv).get()).toEqual({ ...DEFAULT_SETTINGS, spokenReplies: false });
    // A voice this version does not know (a newer app wrote it) falls back to the default one.
    writeFileSync(join(dir, 'vouch-settings.json'), JSON.stringify({ settings: { spokenReplies: false, voice: 'robot' } }));
    expect(new SettingsStore(confKv(dir).kv).get()).toEqual({ ...DEFAULT_SETTINGS, spokenReplies: false, voice: 'clear' });
  });
});

describe('settings applied live by the controller', () => {
  function controllerWith(kv: KeyValueStore) {
    const events: BridgeEvent[] = [];
    const timezones: string[] = [];
    const voices: string[] = [];
    const session = {
      state: { signedIn: true, user: { sub: 'auth0|alex' } },
      onChange: () => () => {},
      restore: async () => false,
    } as unknown as AuthSession;
    const link = {
      send: () => '',
      setTimezone: (tz: string) => timezones.push(tz),
      setVoice: (voice: string) => voices.push(voice),
      start() {},
    } as unknown as LinkClient;
    const controller = new AppController({
      session,
      link,
      connect: async () => {},
      getAudit: async () => ({ entries: [], verified: { ok: true, count: 0 } }),
      settings: new SettingsStore(kv),
      systemTimeZone: 'Europe/Paris',
      emit: (e) => events.push(e),
      newId: () => 't-1',
      timers: new ManualTimers(),
    });
    return { controller, events, timezones, voices };
  }
  const tts = { type: 'tts_audio', request_id: 'r1', seq: 0, format: 'pcm_s16le_24k', data: 'AAAA', final: true } as unknown as Extract<
    BridgeEvent,
    { type: 'frame' }
  >['frame'];

  it('spoken replies off: reply audio is dropped, the text still arrives; on again: audio plays', async () => {
    const { controller, events } = controllerWith(confKv().kv);
    controller.onFrame(tts);
    expect(events.filter((e) => e.type === 'frame')).toHaveLength(1);
    await controller.handlers.updateSettings({ spokenReplies: false });
    expect(events).toContainEqual({ type: 'settings', settings: { ...DEFAULT_SETTINGS, spokenReplies: false } });
    controller.onFrame(tts);
    controller.onFrame({ type: 'agent_stream', request_id: 'r1', delta: 'hi' });
    expect(events.filter((e) => e.type === 'frame').map((e) => (e as { frame: { type: string } }).frame.type)).toEqual([
      'tts_audio',
      'agent_stream',
    ]);
    await controller.handlers.updateSettings({ spokenReplies: true });
    controller.onFrame(tts);
    expect(events.filter((e) => e.type === 'frame')).toHaveLength(3);
  });

  it('a time zone is given to the link at start and when changed; back to null follows the computer', async () => {
    const { controller, timezones } = controllerWith(confKv().kv);
    await controller.start();
    await controller.handlers.updateSettings({ timeZone: 'America/New_York' });
    await controller.handlers.updateSettings({ timeZone: null });
    expect(timezones).toEqual(['Europe/Paris', 'America/New_York', 'Europe/Paris']);
  });

  it('the reply voice is given to the link at start and when changed; an unknown voice is refused', async () => {
    const { controller, voices } = controllerWith(confKv().kv);
    await controller.start();
    await controller.handlers.updateSettings({ voice: 'warm' });
    // As a renderer could send it: the bridge's argument is untyped at run time.
    const robot = { voice: 'robot' } as unknown as { voice: 'warm' };
    await expect(async () => controller.handlers.updateSettings(robot)).rejects.toMatchObject({ code: 'INVALID_ARGUMENTS' });
    expect(voices).toEqual(['clear', 'warm']);
    expect((await controller.handlers.getSettings()).voice).toBe('warm');
  });

  it('an invalid change is refused as INVALID_ARGUMENTS and nothing changes', async () => {
    const { controller } = controllerWith(confKv().kv);
    await expect(async () => controller.handlers.updateSettings({ timeZone: 'Nowhere/Special' })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENTS',
    });
    expect(await controller.handlers.getSettings()).toEqual(DEFAULT_SETTINGS);
  });
});
