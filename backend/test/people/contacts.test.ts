import { describe, expect, it } from 'vitest';
import {
  describePerson,
  nameMatches,
  ResolvedContacts,
  resolvePerson,
  whichPersonQuestion,
  type PersonCandidate,
} from '../../src/people/index.js';
import { scoreAction } from '../../src/policy/score.js';
import { ProposedAction } from '../../src/policy/action.js';
import { parseAddressList } from '../../src/providers/emailAddress.js';

const c = (name: string, address: string, source: PersonCandidate['source']): PersonCandidate => ({ name, address, source });

describe('who a spoken name means (pure)', () => {
  it('matches whole words of the name or the address, case-insensitively; partial words and other addresses do not', () => {
    expect(nameMatches('jordan', { name: 'Jordan Lee', address: 'jordan@contoso.com' })).toBe(true);
    expect(nameMatches('JORDAN LEE', { name: 'Jordan Lee', address: 'x@contoso.com' })).toBe(true);
    expect(nameMatches('dana', { name: '', address: 'dana.whitfield@northwind.io' })).toBe(true);
    expect(nameMatches('renée', { name: 'Renee Roy', address: 'r@x.io' })).toBe(true);
    expect(nameMatches('Dan', { name: 'Dana Whitfield', address: 'dana@northwind.io' })).toBe(false);
    expect(nameMatches('dana@evil.test', { name: 'Dana Whitfield', address: 'dana@northwind.io' })).toBe(false);
  });

  it('someone from the person’s own history outranks any number of inbound look-alikes', () => {
    const found = resolvePerson('Dana', [
      c('Dana Whitfield', 'dana@evil.test', 'inbound'),
      c('Dana Whitfield', 'dana@evil.test', 'inbound'),
      c('Dana Whitfield', 'dana@northwind.io', 'sent'),
    ]);
    expect(found).toEqual([{ name: 'Dana Whitfield', address: 'dana@northwind.io', sources: ['sent'], verified: true }]);
  });

  it('with nobody verified, inbound senders are candidates but marked unverified', () => {
    expect(resolvePerson('morgan', [c('Morgan Ray', 'MORGAN@x.io', 'inbound')])).toEqual([
      { name: 'Morgan Ray', address: 'MORGAN@x.io', sources: ['inbound'], verified: false },
    ]);
  });

  it('one address seen in several places is one person; two addresses are two, and the map leaves the name out', () => {
    const contacts = ResolvedContacts.from(
      ['Jordan', 'Sam'],
      [
        c('Jordan Lee', 'jordan@contoso.com', 'calendar'),
        c('', 'JORDAN@contoso.com', 'sent'),
        c('Jordan Kim', 'jordan.kim@example.com', 'workspace'),
        c('Sam Patel', 'sam@example.com', 'workspace'),
      ],
    );
    expect(contacts.get('sam')).toBe('sam@example.com');
    expect(contacts.has('jordan')).toBe(false);
    const [lee, kim] = contacts.candidatesFor('JORDAN');
    expect(lee).toMatchObject({ address: 'jordan@contoso.com', sources: ['sent', 'calendar'], verified: true });
    expect(kim).toMatchObject({ address: 'jordan.kim@example.com', sources: ['workspace'] });
    expect(whichPersonQuestion('Jordan', contacts.candidatesFor('jordan'))).toBe(
      'Which Jordan do you mean: Jordan Lee (jordan@contoso.com) or Jordan Kim (jordan.kim@example.com)?',
    );
    expect(describePerson({ name: '', address: 'x@y.z' })).toBe('x@y.z');
  });

  it('address headers keep quoted commas inside the name', () => {
    expect(parseAddressList('"Lee, Jordan" <Jordan@Contoso.com>, sam@example.com, Nobody')).toEqual([
      { name: 'Lee, Jordan', address: 'jordan@contoso.com' },
      { name: '', address: 'sam@example.com' },
    ]);
  });
});

describe('recipient trust in the risk score', () => {
  const reply = (extra: Record<string, unknown>) =>
    ProposedAction.parse({
      tool: 'gmail',
      action: 'reply',
      recipients: ['lena@acme-payments.test'],
      subject: 'Re: kickoff',
      body: 'Monday works',
      ...extra,
    });

  it('a Reply-To on another domain adds 15, on the same domain 8, and the factor names both addresses', () => {
    const base = scoreAction(reply({}), 'example.com');
    expect(base.factors.map((f) => f.name)).toEqual(['Action type', 'Reversibility', 'Blast radius', 'Sensitivity']);
    const other = scoreAction(
      reply({ reply_to_redirect: { sender: 'lena@acme.co', reply_to: ['lena@acme-payments.test'], other_domain: true } }),
      'example.com',
    );
    expect(other.score - base.score).toBe(15);
    expect(other.factors.at(-1)).toMatchObject({ name: 'Recipient trust', points: 15 });
    expect(other.factors.at(-1)?.detail).toContain('not to the sender lena@acme.co');
    const same = scoreAction(
      reply({ reply_to_redirect: { sender: 'lena@acme.co', reply_to: ['billing@acme.co'], other_domain: false } }),
      'example.com',
    );
    expect(same.score - base.score).toBe(8);
  });

  it('first-time recipients add 5, then 2 each up to 9; a Gmail draft reaches no one and adds nothing', () => {
    const base = scoreAction(reply({}), 'example.com').score;
    expect(scoreAction(reply({ first_time_recipients: ['a@x.io'] }), 'example.com').score - base).toBe(5);
    expect(scoreAction(reply({ first_time_recipients: ['a@x.io', 'b@x.io', 'c@x.io', 'd@x.io'] }), 'example.com').score - base).toBe(9);
    const draft = ProposedAction.parse({ tool: 'gmail', action: 'draft', recipients: ['a@x.io'], first_time_recipients: ['a@x.io'] });
    expect(scoreAction(draft, 'example.com').factors.some((f) => f.name === 'Recipient trust')).toBe(false);
  });
});
