import { describe, expect, it } from 'vitest';
import { MAX_INSIDE_DOMAINS } from '../../src/protocol/index.js';
import { InsideDomainLimitError, type UserSettingsStore } from '../../src/settings/index.js';

/** What every UserSettingsStore must do; `make` returns an empty store. Run against in-memory, SQLite and PostgreSQL. */
export function describeUserSettingsStoreContract(name: string, make: () => Promise<UserSettingsStore>): void {
  describe(`UserSettingsStore contract (${name})`, () => {
    it('adds (normalized, once), lists oldest first, removes, per user', async () => {
      const s = await make();
      expect(await s.addInsideDomain('u1', ' @Partner.IO ')).toEqual({ added: true });
      expect(await s.addInsideDomain('u1', 'partner.io')).toEqual({ added: false });
      expect(await s.addInsideDomain('u1', 'acme-labs.co.uk')).toEqual({ added: true });
      expect(await s.addInsideDomain('u2', 'other.org')).toEqual({ added: true });
      const listed = await s.listInsideDomains('u1');
      expect(listed.map((d) => d.domain)).toEqual(['partner.io', 'acme-labs.co.uk']);
      expect(Number.isNaN(Date.parse(listed[0]!.added_at))).toBe(false);
      expect(await s.removeInsideDomain('u1', 'partner.io')).toBe(true);
      expect(await s.removeInsideDomain('u1', 'partner.io')).toBe(false);
      expect((await s.listInsideDomains('u1')).map((d) => d.domain)).toEqual(['acme-labs.co.uk']);
      expect((await s.listInsideDomains('u2')).map((d) => d.domain)).toEqual(['other.org']);
    });

    it('refuses what the API refuses, and more than the cap', async () => {
      const s = await make();
      await expect(s.addInsideDomain('u', 'gmail.com')).rejects.toThrow(/public mail provider/);
      await expect(s.addInsideDomain('u', '*.partner.io')).rejects.toThrow(/Wildcards/);
      for (let i = 0; i < MAX_INSIDE_DOMAINS; i++) await s.addInsideDomain('u', `d${i}.example.org`);
      await expect(s.addInsideDomain('u', 'one-more.example.org')).rejects.toBeInstanceOf(InsideDomainLimitError);
      expect(await s.listInsideDomains('u')).toHaveLength(MAX_INSIDE_DOMAINS);
    });

    it('keeps preferences per user and merges a patch', async () => {
      const s = await make();
      expect(await s.getPreferences('u')).toEqual({});
      expect(await s.setPreferences('u', { default_meeting_minutes: 45 })).toEqual({ default_meeting_minutes: 45 });
      expect(await s.setPreferences('u', {})).toEqual({ default_meeting_minutes: 45 });
      expect(await s.getPreferences('u')).toEqual({ default_meeting_minutes: 45 });
      expect(await s.getPreferences('other')).toEqual({});
      await expect(s.setPreferences('u', { default_meeting_minutes: 2 })).rejects.toThrow();
      expect(await s.getPreferences('u')).toEqual({ default_meeting_minutes: 45 });
    });
  });
}
