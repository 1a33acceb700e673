import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/store/sqlite.js';
import { SqliteVouchStore } from '../../src/store/vouchStore.js';
import { describeVouchStoreContract } from '../contracts/vouchStoreContract.js';

// Two connections onto one database file, as two stores over the same data.
describeVouchStoreContract('sqlite', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'vouch-store-')), 'vouch.sqlite');
  const a = new SqliteVouchStore(openDatabase(file));
  const b = new SqliteVouchStore(openDatabase(file));
  return { a, b };
});
