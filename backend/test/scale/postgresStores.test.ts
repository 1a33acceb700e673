import { afterAll, describe, expect, it } from 'vitest';
import { MAX_RULES_PER_USER, RuleLimitError } from '../../src/policy/index.js';
import {
  PostgresAuditStore,
  PostgresLongTermMemory,
  PostgresPreauthStore,
  PostgresRuleStore,
  PostgresUserSettingsStore,
  PostgresVouchStore,
  migrate,
  MIGRATIONS,
  MigrationError,
} from '../../src/store/postgres/index.js';
import { AUDIT_TEST_KEY, collect, describeAuditStoreContract, tickingClock } from '../contracts/auditStoreContract.js';
import { describePreauthStoreContract } from '../contracts/preauthStoreContract.js';
import { describeRuleStoreContract, GOOD_RULE } from '../contracts/ruleStoreContract.js';
import { describeVouchStoreContract } from '../contracts/vouchStoreContract.js';
import { describeMemoryContract } from '../contracts/memoryContract.js';
import { describeUserSettingsStoreContract } from '../contracts/userSettingsStoreContract.js';
import { missing, PostgresTestDatabase, TEST_DATABASE_URL } from '../helpers/sharedServices.js';

const skip = missing('TEST_DATABASE_URL');
const db = new PostgresTestDatabase(TEST_DATABASE_URL ?? 'postgres://unset');
afterAll(() => db.close());

describe.skipIf(skip)('PostgreSQL stores', () => {
  describeAuditStoreContract('postgres', async () => {
    const schema = await db.schema();
    return {
      store: new PostgresAuditStore(db.pool(schema), { key: AUDIT_TEST_KEY, clock: tickingClock() }),
      tamper: {
        update: (u, seq, data) =>
          db.sql(`UPDATE ${schema}.audit_entries SET data_json = $1 WHERE user_id = $2 AND seq = $3`, [JSON.stringify(data), u, seq]),
        remove: (u, seq) => db.sql(`DELETE FROM ${schema}.audit_entries WHERE user_id = $1 AND seq = $2`, [u, seq]),
      },
    };
  });

  describeRuleStoreContract('postgres', async () => new PostgresRuleStore(db.pool(await db.schema())));

  describeUserSettingsStoreContract('postgres', async () => new PostgresUserSettingsStore(db.pool(await db.schema())));

  // Two pools on one schema: two backend instances sharing the database.
  describeVouchStoreContract('postgres', async () => {
    const schema = await db.schema();
    return { a: new PostgresVouchStore(db.pool(schema)), b: new PostgresVouchStore(db.pool(schema)) };
  });

  let memorySchema = '';
  describeMemoryContract('postgres', async (opts) => {
    memorySchema ||= await db.schema();
    return new PostgresLongTermMemory(db.pool(memorySchema), opts);
  });

  describePreauthStoreContract('postgres', async () => {
    let i = 0;
    return new PostgresPreauthStore(db.pool(await db.schema()), () => `pa${++i}`);
  });

  describe('PostgresAuditStore across instances', () => {
    it('two instances (two pools) appending for one user at once keep one linear chain', async () => {
      const schema = await db.schema();
      const a = new PostgresAuditStore(db.pool(schema, 5), { key: AUDIT_TEST_KEY });
      const b = new PostgresAuditStore(db.pool(schema, 5), { key: AUDIT_TEST_KEY });
      const burst = (s: PostgresAuditStore, tag: string) =>
        Array.from({ length: 100 }, (_, i) => s.append('alex', { kind: 'write', data: { tag, i } }));
      // Another user's appends interleave without waiting on alex's lock.
      const other = Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).append('sam', { kind: 'intent', data: { i } }));
      const written = await Promise.all([...burst(a, 'a'), ...burst(b, 'b'), ...other]);
      expect(new Set(written.filter((e) => e.user === 'alex').map((e) => e.seq)).size).toBe(200);
      expect(await a.verify('alex')).toMatchObject({ ok: true, count: 200 });
      expect(await b.verify('sam')).toMatchObject({ ok: true, count: 20 });
      const tags = (await collect(b.all('alex'))).map((e) => e.data.tag);
      expect(tags.filter((t) => t === 'a')).toHaveLength(100);
      expect(tags.filter((t) => t === 'b')).toHaveLength(100);
    });

    it('an unreadable stored row is reported at that entry, not thrown', async () => {
      const schema = await db.schema();
      const s = new PostgresAuditStore(db.pool(schema), { key: AUDIT_TEST_KEY });
      for (let i = 0; i < 3; i++) await s.append('alex', { kind: 'write', data: { i } });
      await db.sql(`UPDATE ${schema}.audit_entries SET data_json = '{broken' WHERE seq = 2`);
      expect(await s.verify('alex')).toMatchObject({ ok: false, broken_at: 2, code: 'hash_mismatch' });
    });

    it('streams more than one batch through all()', async () => {
      const schema = await db.schema();
      const s = new PostgresAuditStore(db.pool(schema), { key: AUDIT_TEST_KEY });
      await Promise.all(Array.from({ length: 1001 }, (_, i) => s.append('alex', { kind: 'write', data: { i } })));
      expect(await s.verify('alex')).toMatchObject({ ok: true, count: 1001 });
    });
  });

  describe('PostgresRuleStore', () => {
    it('refuses a hand-edited row that is not a valid rule', async () => {
      const schema = await db.schema();
      const s = new PostgresRuleStore(db.pool(schema));
      await s.put('u', GOOD_RULE);
      await db.sql(`UPDATE ${schema}.policy_rules SET rule_json = '{"id":"x"}'`);
      await expect(s.list('u')).rejects.toThrow();
    });

    it('two instances adding rules at once keep distinct positions and the cap', async () => {
      const schema = await db.schema();
      const [a, b] = [new PostgresRuleStore(db.pool(schema)), new PostgresRuleStore(db.pool(schema))];
      await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).put('u', { ...GOOD_RULE, id: `r${i}` })));
      const positions = await db.rows<{ position: number }>(`SELECT position FROM ${schema}.policy_rules WHERE user_id = 'u'`);
      expect(new Set(positions.map((r) => r.position)).size).toBe(20);

      await a.replaceAll(
        'u',
        Array.from({ length: MAX_RULES_PER_USER - 1 }, (_, i) => ({ ...GOOD_RULE, id: `r${i}` })),
      );
      const racing = await Promise.allSettled(
        Array.from({ length: 6 }, (_, i) => (i % 2 ? a : b).put('u', { ...GOOD_RULE, id: `extra${i}` })),
      );
      expect(racing.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(racing.filter((r) => r.status === 'rejected' && r.reason instanceof RuleLimitError)).toHaveLength(5);
      expect(await b.list('u')).toHaveLength(MAX_RULES_PER_USER);
    });
  });

  describe('migrations', () => {
    it('apply once, even when two instances start at the same time', async () => {
      const schema = `m_${Date.now().toString(36)}`;
      await db.sql(`CREATE SCHEMA ${schema}`);
      try {
        const [x, y] = await Promise.all([migrate(db.pool(schema, 1)), migrate(db.pool(schema, 1))]);
        expect([...x, ...y].sort()).toEqual(MIGRATIONS.map((m) => m.version));
        expect(await migrate(db.pool(schema, 1))).toEqual([]);
      } finally {
        await db.sql(`DROP SCHEMA ${schema} CASCADE`);
      }
    });

    it('refuse a database migrated by a newer build, or an edited migration', async () => {
      const schema = await db.schema();
      const pool = db.pool(schema, 1);
      await expect(migrate(pool, MIGRATIONS.slice(0, 1))).rejects.toBeInstanceOf(MigrationError);
      const edited = MIGRATIONS.map((m, i) => (i === 0 ? { ...m, sql: `${m.sql}\n-- edited` } : m));
      await expect(migrate(pool, edited)).rejects.toThrow(/changed after it was applied/);
      await expect(migrate(pool, [...MIGRATIONS].reverse())).rejects.toThrow(/ascending/);
    });
  });
});
