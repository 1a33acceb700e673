import { describe, expect, it } from 'vitest';
import { InMemoryUserSettingsStore, SqliteUserSettingsStore } from '../../src/settings/index.js';
import { openDatabase } from '../../src/store/sqlite.js';
import { describeUserSettingsStoreContract } from '../contracts/userSettingsStoreContract.js';

describeUserSettingsStoreContract('in-memory', async () => new InMemoryUserSettingsStore());
describeUserSettingsStoreContract('sqlite', async () => new SqliteUserSettingsStore(openDatabase(':memory:')));

describe('SqliteUserSettingsStore', () => {
  it('migrates once: a second store on the same database keeps the rows', async () => {
    const db = openDatabase(':memory:');
    await new SqliteUserSettingsStore(db).addInsideDomain('u', 'partner.io');
    expect((await new SqliteUserSettingsStore(db).listInsideDomains('u')).map((d) => d.domain)).toEqual(['partner.io']);
  });

  it('a stored row the API would refuse today counts as outside (left out), not as inside', async () => {
    const db = openDatabase(':memory:');
    const s = new SqliteUserSettingsStore(db);
    await s.addInsideDomain('u', 'partner.io');
    db.prepare('INSERT INTO inside_domains (user, domain, added_at) VALUES (?, ?, ?)').run('u', 'gmail.com', new Date().toISOString());
    db.prepare('INSERT INTO inside_domains (user, domain, added_at) VALUES (?, ?, ?)').run('u', 'com', new Date().toISOString());
    expect((await s.listInsideDomains('u')).map((d) => d.domain)).toEqual(['partner.io']);
  });
});
