import { describe, expect, it } from 'vitest';
import { evaluatePolicy, type ProposedActionInput } from '../../src/policy/index.js';
import {
  INSIDE_DOMAIN_MAX_LENGTH,
  InsideDomain,
  insideDomainBindingMessage,
  insideDomainProblem,
  normalizeDomain,
} from '../../src/protocol/index.js';

const accepts = (typed: string) => InsideDomain.safeParse(typed);

describe('which domains may count as inside', () => {
  it('normalizes what a person types', () => {
    expect(normalizeDomain('  @Partner.IO. ')).toBe('partner.io');
    expect(accepts('Partner.IO').data).toBe('partner.io');
    expect(accepts('eu.acme-labs.co.uk').data).toBe('eu.acme-labs.co.uk');
    expect(accepts('xn--bcher-kva.example').data).toBe('xn--bcher-kva.example');
  });

  it('refuses wildcards, addresses, single labels and malformed names with a reason', () => {
    expect(insideDomainProblem('*.partner.io')).toMatch(/Wildcards/);
    expect(insideDomainProblem('dana@partner.io')).toMatch(/after the @/);
    expect(insideDomainProblem('com')).toMatch(/not a domain/);
    expect(insideDomainProblem('-bad.io')).toMatch(/not a domain/);
    expect(insideDomainProblem('bad..io')).toMatch(/not a domain/);
    expect(insideDomainProblem('10.0.0.1')).toMatch(/numbers/);
    expect(insideDomainProblem('bücher.example')).toMatch(/xn--/);
    expect(insideDomainProblem('')).toMatch(/Type a domain/);
  });

  it('refuses public mail providers (every stranger there would look like a colleague), with country variants', () => {
    for (const d of ['gmail.com', 'outlook.com', 'hotmail.co.uk', 'yahoo.co.jp', 'outlook.de', 'icloud.com', 'proton.me', 'mail.gmail.com'])
      expect(insideDomainProblem(d), d).toMatch(/public mail provider/);
    expect(accepts('gmail.com').error?.issues[0]?.message).toMatch(/public mail provider/);
  });

  it('refuses endings shared by many organisations, accepts an organisation under them', () => {
    for (const d of ['co.uk', 'com.au', 'ac.jp', 'org.uk']) expect(insideDomainProblem(d), d).toMatch(/shared by many/);
    expect(insideDomainProblem('acme.co.uk')).toBeUndefined();
  });

  it('refuses a domain too long to be named in full on the phone; the binding message names it whole', () => {
    const longest = `${'a'.repeat(INSIDE_DOMAIN_MAX_LENGTH - 3)}.io`;
    expect(insideDomainProblem(longest)).toBeUndefined();
    expect(insideDomainProblem(`a${longest}`)).toMatch(/too long/);
    const message = insideDomainBindingMessage(longest);
    expect(message).toContain(longest);
    // Auth0: at most 64 characters, alphanumerics, spaces and +-_.,:#
    expect(message).toMatch(/^[A-Za-z0-9 +\-_.,:#]{1,64}$/);
    expect(insideDomainBindingMessage('partner.io')).toBe('Count partner.io as inside');
  });
});

describe('the outside-recipient factor counts the person’s other domains as inside', () => {
  const send = (to: string[]): ProposedActionInput => ({
    tool: 'gmail',
    action: 'send',
    recipients: to,
    subject: 'Notes',
    body: 'See you Thursday.',
  });
  const blast = (to: string[], insideDomains?: string[]) =>
    evaluatePolicy(send(to), {
      user: 'u',
      userDomain: 'example.com',
      ...(insideDomains ? { insideDomains } : {}),
      rules: [],
      activePreauthorizations: [],
      now: 0,
    }).factors.find((f) => f.name === 'Blast radius')!;

  it('a recipient at an added domain (or its subdomain) is not outside', () => {
    expect(blast(['dana@partner.io'])).toMatchObject({ points: 4, detail: expect.stringContaining('1 outside example.com') });
    expect(blast(['dana@partner.io'], ['partner.io'])).toMatchObject({ points: 0, detail: '1 recipient' });
    expect(blast(['dana@eu.partner.io'], ['partner.io']).points).toBe(0);
    // A look-alike that merely ends in the same letters is still outside.
    expect(blast(['dana@evilpartner.io'], ['partner.io']).points).toBe(4);
  });

  it('counts each recipient of a multi-recipient draft on its own', () => {
    const to = ['sam@example.com', 'dana@partner.io', 'eve@evil.test', 'mallory@gmail.com'];
    const without = blast(to);
    const withPartner = blast(to, ['partner.io']);
    expect(without.detail).toContain('3 outside example.com');
    expect(withPartner.detail).toContain('2 outside your domains (eve@evil.test, mallory@gmail.com)');
    // audience 4 → 5 points; outside: 4 + 2 per further one.
    expect(without.points).toBe(5 + 4 + 2 + 2);
    expect(withPartner.points).toBe(5 + 4 + 2);
  });
});
