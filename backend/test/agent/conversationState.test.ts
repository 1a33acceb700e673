import { describe, expect, it } from 'vitest';
import { listedBy, pointAt } from '../../src/providers/google/conversationItems.js';
import type { Intent } from '../../src/agent/intent/schema.js';
import { intentForReading } from '../../src/providers/google/mailReading.js';
import { missingSlot, OpenQuestions, openQuestion } from '../../src/agent/openQuestion.js';

const intent = (over: Omit<Partial<Intent>, 'entities'> & { entities?: Partial<Intent['entities']> }): Intent => ({
  tools: over.tools ?? ['gmail'],
  action: over.action ?? 'reply',
  needs_write: over.needs_write ?? true,
  entities: { people: [], emails: [], ...over.entities },
});

describe('the open question a failed draft leaves', () => {
  it('is the slot the draft lacks, and only when the assistant asked a question', () => {
    expect(missingSlot(intent({ entities: { people: ['Dana'] } }), 'What should I say to Dana?')).toBe('message');
    expect(missingSlot(intent({ entities: { people: ['Dana'] } }), "I couldn't find an email address for Dana.")).toBeUndefined();
    expect(missingSlot(intent({ action: 'send' }), 'Who should I email?')).toBe('recipient');
    expect(missingSlot(intent({ tools: ['calendar'], action: 'schedule' }), 'When should the meeting be?')).toBe('start');
    expect(
      missingSlot(
        intent({ tools: ['calendar'], action: 'schedule', entities: { operation: 'move' } }),
        'Which event: "A" (Fri 9:00 AM), or "B" (Sat 7:00 AM)?',
      ),
    ).toBeUndefined();
    expect(missingSlot(intent({ tools: ['slack'], action: 'post' }), 'Which Slack channel should I post to?')).toBe('channel');
    expect(missingSlot(intent({ tools: ['slack'], action: 'post', entities: { channel: 'deals' } }), 'What should I post to #deals?')).toBe(
      'message',
    );
    // A direct message to someone not in the workspace: "who" is asked again, the answer replaces them.
    const dm = intent({ tools: ['slack'], action: 'post', entities: { people: ['Dana'], message: 'thursday works' } });
    expect(missingSlot(dm, "I couldn't find Dana in your Slack workspace. Who should I message?")).toBe('recipient');
    expect(missingSlot(dm, 'What should I say to Dana on Slack?')).toBeUndefined();
  });

  it('is kept per conversation, bounded, oldest dropped first', () => {
    const q = new OpenQuestions(2);
    const a = openQuestion({ ...intent({}), engine: 'offline' }, 'message');
    q.set('s1', a);
    q.set('s2', a);
    q.set('s3', a);
    expect(q.get('s1')).toBeUndefined();
    expect(q.get('s3')).toEqual(a);
    q.clear('s3');
    expect(q.get('s3')).toBeUndefined();
  });
});

describe('what a follow-up points at', () => {
  const threads = [
    { threadId: 't1', subject: 'Q3', from: 'Sam', lastDate: '2026-01-02T00:00:00Z', messageCount: 3, unread: true, snippet: '' },
    { threadId: 't2', subject: 'Lunch', from: 'Sam', lastDate: '2026-01-01T00:00:00Z', messageCount: 2, unread: false, snippet: '' },
  ];
  it('"the second email" is the second thread listed; a request naming its own person is left alone', () => {
    const listed = listedBy(intent({ action: 'read', needs_write: false, entities: { people: ['Sam'] } }), { failures: [], threads });
    expect(pointAt(intent({ action: 'summarize', entities: { ordinal: 2 } }), 'summarize the second email', listed).thread?.threadId).toBe(
      't2',
    );
    expect(
      pointAt(intent({ action: 'summarize', entities: { ordinal: 2, people: ['Dana'] } }), 'the second email from Dana', listed).thread,
    ).toBeUndefined();
    // Two listed and no ordinal: "that one" is not guessed.
    expect(pointAt(intent({ action: 'summarize' }), 'summarize that one', listed).thread).toBeUndefined();
  });

  it('"move it" takes the event the last question named', () => {
    const listed = listedBy(
      intent({ tools: ['calendar'], action: 'read', needs_write: false, entities: { people: ['Sam'] } }),
      { failures: [] },
      'when is my 1:1 with Sam',
    );
    const moved = pointAt(
      intent({ tools: ['calendar'], action: 'schedule', entities: { operation: 'move', start: '2026-01-02T16:00:00Z' } }),
      'move it to 4',
      listed,
    );
    expect(moved.intent.entities).toMatchObject({ subject: '1:1', people: ['Sam'], operation: 'move' });
  });
});

describe('what a mail request reads', () => {
  it('a forward reads the sender’s thread, not the recipient’s; an organisation is search words', () => {
    const fwd = intentForReading(intent({ action: 'send', entities: { people: ['Priya'], sender: 'Dana', forward: true } }));
    expect(fwd.entities.people).toEqual(['Dana']);
    expect(fwd.action).toBe('read');
    expect(
      intentForReading(intent({ action: 'send', entities: { people: ['Sam'], forward: true, subject: 'NDA' } })).entities,
    ).toMatchObject({ people: [], query: 'NDA' });
    expect(
      intentForReading(intent({ action: 'read', needs_write: false, entities: { organization: 'Acme', query: 'invoice' } })).entities.query,
    ).toBe('invoice Acme');
  });
});
