import { describe, expect, it } from 'vitest';
import { PttMachine, type PttMode, type PttState, type StopReason } from '../../src/hotkey/pttMachine.js';
import { ManualTimers } from './helpers/timers.js';

function setup(mode: PttMode, opts: { debounceMs?: number; maxRecordingMs?: number } = {}) {
  const timers = new ManualTimers();
  const log: string[] = [];
  const states: PttState[] = [];
  const m = new PttMachine(
    { mode, timers, ...opts },
    {
      onStart: () => log.push('start'),
      onStop: (r: StopReason) => log.push(`stop:${r}`),
      onState: (s) => states.push(s),
    },
  );
  return { m, timers, log, states };
}

describe('PttMachine, toggle mode (globalShortcut: presses only)', () => {
  it('press starts, next press stops, transcription brings it back to idle', () => {
    const { m, timers, log, states } = setup('toggle', { debounceMs: 300 });
    m.keyDown();
    expect(m.state).toBe('listening');
    timers.advance(1000);
    m.keyDown();
    expect(m.state).toBe('transcribing');
    m.transcriptionDone();
    expect(m.state).toBe('idle');
    expect(log).toEqual(['start', 'stop:key']);
    expect(states).toEqual(['listening', 'transcribing', 'idle']);
  });

  it('ignores key auto-repeat within the debounce window', () => {
    const { m, timers, log } = setup('toggle', { debounceMs: 300 });
    m.keyDown();
    for (let i = 0; i < 10; i++) {
      timers.advance(30); // OS auto-repeat rate
      m.keyDown();
    }
    expect(m.state).toBe('listening');
    expect(log).toEqual(['start']);
  });

  it('a press while transcribing is ignored', () => {
    const { m, timers, log } = setup('toggle', { debounceMs: 100 });
    m.keyDown();
    timers.advance(500);
    m.keyDown();
    timers.advance(500);
    m.keyDown();
    expect(m.state).toBe('transcribing');
    expect(log).toEqual(['start', 'stop:key']);
  });

  it('stops by itself at the maximum recording length', () => {
    const { m, timers, log } = setup('toggle', { maxRecordingMs: 5000 });
    m.keyDown();
    timers.advance(4999);
    expect(m.state).toBe('listening');
    timers.advance(1);
    expect(m.state).toBe('transcribing');
    expect(log).toEqual(['start', 'stop:max_length']);
  });

  it('a key stop cancels the max-length timer', () => {
    const { m, timers, log } = setup('toggle', { maxRecordingMs: 5000, debounceMs: 10 });
    m.keyDown();
    timers.advance(1000);
    m.keyDown();
    m.transcriptionDone();
    timers.advance(10_000);
    expect(log).toEqual(['start', 'stop:key']);
    expect(timers.scheduled.size).toBe(0);
  });
});

describe('PttMachine, hold mode (key-up-capable hook)', () => {
  it('key-down starts, repeats are ignored, key-up stops', () => {
    const { m, log } = setup('hold');
    m.keyDown();
    m.keyDown();
    m.keyDown();
    expect(m.state).toBe('listening');
    m.keyUp();
    expect(m.state).toBe('transcribing');
    expect(log).toEqual(['start', 'stop:key']);
  });

  it('key-up after the max length already stopped does nothing more', () => {
    const { m, timers, log } = setup('hold', { maxRecordingMs: 1000 });
    m.keyDown();
    timers.advance(1000);
    m.keyUp();
    expect(log).toEqual(['start', 'stop:max_length']);
  });

  it('reset abandons a recording and clears the timer', () => {
    const { m, timers } = setup('hold');
    m.keyDown();
    m.reset();
    expect(m.state).toBe('idle');
    expect(timers.scheduled.size).toBe(0);
  });
});

describe('PttMachine, popover button', () => {
  it('uiStart / uiStop drive the same states', () => {
    const { m, log } = setup('toggle');
    m.uiStart();
    m.uiStart();
    m.uiStop();
    expect(log).toEqual(['start', 'stop:ui']);
  });
});
