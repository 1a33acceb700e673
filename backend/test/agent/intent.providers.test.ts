import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OfflineIntentEngine } from '../../src/agent/intent/offline.js';
import { intentLexicon, SHIPPED_LEXICON } from '../../src/agent/intent/vocabulary.js';
import { createProviderRegistry } from '../../src/providers/registry.js';
import { notesModule } from '../providers/fixtures/notes/module.js';
import { CORPUS_CONTACTS, CORPUS_NOW, CORPUS_TZ } from './corpus/types.js';

/**
 * The offline engine names no provider: each contract brings its words (`intentVocabulary`) and the
 * engine is built from the registry's contracts, so the test-only notes provider is understood once
 * it is registered, and only then.
 */

const ctx = { now: CORPUS_NOW, timezone: CORPUS_TZ, history: [], contacts: CORPUS_CONTACTS };
const withNotes = createProviderRegistry({ extra: [notesModule] });

describe('provider vocabulary from the registry', () => {
  it('routes a notes request to the notes provider when it is registered', async () => {
    const engine = new OfflineIntentEngine({ contracts: withNotes.catalog.contracts });
    expect(await engine.analyze('save a note called groceries in my notebook', ctx)).toMatchObject({
      tools: ['notes'],
      action: 'draft',
      needs_write: true,
    });
    expect(await engine.analyze("what's in my notebook about the offsite", ctx)).toMatchObject({ tools: ['notes'], action: 'read' });
  });

  it("a provider's words step aside for any other service without naming it", () => {
    const calendarWords = SHIPPED_LEXICON.re.calendar;
    expect(calendarWords.test('do I have anything tomorrow')).toBe(true);
    expect(calendarWords.test('do I have anything in slack tomorrow')).toBe(false);
    // The notes service is another kind: once registered, naming it makes this no calendar question either.
    const withNotesLexicon = intentLexicon(withNotes.catalog.contracts);
    expect(withNotesLexicon.re.calendar.test('do I have anything in my notebook tomorrow')).toBe(false);
    expect(calendarWords.test('do I have anything in my notebook tomorrow')).toBe(true);
  });

  it('without the notes provider the same words are not routed to it', async () => {
    const engine = new OfflineIntentEngine();
    const got = await engine.analyze('save a note called groceries in my notebook', ctx);
    expect(got.tools as string[]).not.toContain('notes');
  });

  it('registering a provider changes nothing for the others', async () => {
    const shipped = new OfflineIntentEngine();
    const engine = new OfflineIntentEngine({ contracts: withNotes.catalog.contracts });
    for (const text of [
      'email dana that the deck is ready',
      'catch me up on slack',
      'move my 3pm to 4',
      'post in #general that we shipped',
    ]) {
      expect(await engine.analyze(text, ctx), text).toEqual(await shipped.analyze(text, ctx));
    }
  });

  it('each kind the rules speak of is the tool its provider declared', () => {
    expect({ mail: SHIPPED_LEXICON.mail, calendar: SHIPPED_LEXICON.calendar, chat: SHIPPED_LEXICON.chat }).toEqual({
      mail: 'gmail',
      calendar: 'calendar',
      chat: 'slack',
    });
    expect(SHIPPED_LEXICON.order).toEqual(['gmail', 'calendar', 'slack']);
    const lex = intentLexicon(withNotes.catalog.contracts);
    expect(lex.order).toEqual(['gmail', 'calendar', 'slack', 'notes']);
    expect(lex.others.map((o) => o.tool)).toEqual(['notes']);
  });

  it('the intent layer names no provider: its words come from the contracts', () => {
    const dir = new URL('../../src/agent/intent/', import.meta.url);
    const named = readdirSync(dir).filter((f) => /slack/i.test(readFileSync(new URL(f, dir), 'utf8')));
    expect(named).toEqual([]);
  });
});
