import { describe, expect, it } from 'vitest';
import { VouchError } from '../../src/protocol/index.js';

class FixedCodeError extends VouchError {
  static override readonly code = 'FIXED_CODE';
}

class PerInstanceCodeError extends VouchError {
  declare readonly code: 'A' | 'B';
  constructor(code: 'A' | 'B', options?: { cause?: unknown }) {
    super(`failed with ${code}`, { ...options, code });
  }
}

describe('VouchError', () => {
  it('carries a stable code, its class name and message', () => {
    const err = new VouchError('plain');
    expect(err.code).toBe('VOUCH_ERROR');
    expect(err.name).toBe('VouchError');
    expect(err.message).toBe('plain');
    expect(err).toBeInstanceOf(Error);
    expect(err.cause).toBeUndefined();
    expect(Object.hasOwn(err, 'cause')).toBe(false);
  });

  it('takes the code from a subclass and stays an instance of the base', () => {
    const err = new FixedCodeError('fixed');
    expect(err.code).toBe('FIXED_CODE');
    expect(FixedCodeError.code).toBe('FIXED_CODE');
    expect(err.name).toBe('FixedCodeError');
    expect(err).toBeInstanceOf(FixedCodeError);
    expect(err).toBeInstanceOf(VouchError);
    expect(err).toBeInstanceOf(Error);
    expect(String(err)).toBe('FixedCodeError: fixed');
  });

  it('lets a subclass choose its code per instance', () => {
    expect(new PerInstanceCodeError('A').code).toBe('A');
    expect(new PerInstanceCodeError('B').code).toBe('B');
  });

  it('keeps the error it wraps as cause, including a falsy one', () => {
    const inner = new TypeError('socket closed');
    const err = new PerInstanceCodeError('A', { cause: inner });
    expect(err.cause).toBe(inner);
    expect(new VouchError('wrapped', { cause: undefined })).toHaveProperty('cause', undefined);
    expect(new VouchError('wrapped', { cause: 0 }).cause).toBe(0);
  });

  it('has a stack that starts at the subclass', () => {
    expect(new FixedCodeError('x').stack).toMatch(/^FixedCodeError: x/);
  });
});
