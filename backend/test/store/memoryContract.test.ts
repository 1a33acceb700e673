import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LongTermMemory } from '../../src/agent/memory/longTerm.js';
import { describeMemoryContract } from '../contracts/memoryContract.js';

// Two memories made by one test share a data dir, as two PostgreSQL memories share a table.
let dir = '';
describeMemoryContract('vectra on disk', async (opts) => {
  dir ||= mkdtempSync(join(tmpdir(), 'vouch-mem-contract-'));
  return new LongTermMemory({ dataDir: dir, ...opts });
});
