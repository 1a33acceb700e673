import { describe, expect, it } from 'vitest';
import type { Intent } from '../../src/agent/intent/schema.js';
import { calendarOperation, mailOperation } from '../../src/providers/google/operations.js';

const intent = (entities: Record<string, unknown> = {}): Intent => ({
  tools: ['calendar'],
  action: 'schedule',
  entities: { people: [], emails: [], ...entities } as Intent['entities'],
  needs_write: true,
});

describe('what a write does to existing mail or events', () => {
  it('reads the operation entity first, then the words; creating is never mistaken for a change', () => {
    expect(calendarOperation(intent({ operation: 'reschedule' }), 'anything')).toBe('move');
    expect(calendarOperation(intent(), 'decline the 4pm invite')).toBe('decline');
    expect(calendarOperation(intent(), "I can't make the Contoso sync, tell them")).toBe('decline');
    expect(calendarOperation(intent(), 'move my 1:1 with Sam to 4')).toBe('move');
    expect(calendarOperation(intent(), 'cancel the board deck prep')).toBe('cancel');
    expect(calendarOperation(intent(), 'schedule a call about the office move')).toBeUndefined();
    expect(calendarOperation(intent(), 'set up a meeting with Sam tomorrow at 10')).toBeUndefined();
    expect(mailOperation(intent(), 'reply all and say thanks')).toBe('reply_all');
    expect(mailOperation(intent(), 'forward the Acme invoice to Dana')).toBe('forward');
    expect(mailOperation(intent(), "write Dana a note but don't send it")).toBe('save_draft');
    expect(mailOperation(intent(), 'email Dana that Thursday works')).toBeUndefined();
  });
});
