import { describe, expect, it } from 'vitest';
import { DEFAULT_VOICE, parseAppFrame, VOICE_KEYS, VOICE_LABELS, VoiceKey, voiceOrDefault } from '../../src/protocol/index.js';

describe('the voice catalog', () => {
  it('names every voice once, the first being the default', () => {
    expect(DEFAULT_VOICE).toBe(VOICE_KEYS[0]);
    expect(Object.keys(VOICE_LABELS).sort()).toEqual([...VOICE_KEYS].sort());
    expect(new Set(Object.values(VOICE_LABELS)).size).toBe(VOICE_KEYS.length);
    expect(VOICE_LABELS.warm).toBe('Warm (female)');
  });

  it('reads a voice key, or the default for anything else', () => {
    expect(VoiceKey.safeParse('warm').success).toBe(true);
    expect(VoiceKey.safeParse('Warm').success).toBe(false);
    expect(voiceOrDefault('deep')).toBe('deep');
    for (const other of [undefined, null, '', 'robot', 42, { voice: 'warm' }]) expect(voiceOrDefault(other)).toBe(DEFAULT_VOICE);
  });
});

describe('session_auth with a voice', () => {
  const auth = (extra: object) => parseAppFrame(JSON.stringify({ type: 'session_auth', access_token: 't', ...extra }));

  it('carries a voice, and one this backend does not know still signs in (the backend falls back)', () => {
    expect(auth({ voice: 'warm' })).toMatchObject({ ok: true, frame: { voice: 'warm' } });
    expect(auth({ voice: 'a-newer-voice' })).toMatchObject({ ok: true });
    expect(auth({})).toMatchObject({ ok: true });
  });

  it('refuses a voice that is not a short string', () => {
    expect(auth({ voice: 'x'.repeat(33) }).ok).toBe(false);
    expect(auth({ voice: '' }).ok).toBe(false);
    expect(auth({ voice: 3 }).ok).toBe(false);
  });
});
