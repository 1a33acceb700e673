import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { createPostgresPool, migrate, type PgPool } from '../../src/store/postgres/index.js';

/**
 * Test-side access to the PostgreSQL and Redis that backend/test/scale/globalSetup.ts started (or
 * that TEST_DATABASE_URL / TEST_REDIS_URL point at). Suites skip, with the reason printed once, when
 * a server is unavailable; globalSetup turns that into a failure under CI.
 */
function provided(name: 'TEST_DATABASE_URL' | 'TEST_REDIS_URL'): string | undefined {
  let v: string | undefined;
  try {
    v = inject(name);
  } catch {
    v = undefined;
  }
  return v || process.env[name] || undefined;
}

export const TEST_DATABASE_URL = provided('TEST_DATABASE_URL');
export const TEST_REDIS_URL = provided('TEST_REDIS_URL');

const warned = new Set<string>();
/** True when the suite must be skipped; prints why (once per variable). */
export function missing(name: 'TEST_DATABASE_URL' | 'TEST_REDIS_URL'): boolean {
  const url = name === 'TEST_DATABASE_URL' ? TEST_DATABASE_URL : TEST_REDIS_URL;
  if (url) return false;
  if (!warned.has(name)) {
    warned.add(name);
    console.warn(`[services] skipped: ${name} is not set and the server could not be started (see the globalSetup warning above)`);
  }
  return true;
}

/**
 * Owns the pools a test file opens; `schema()` gives each store its own freshly migrated schema in the
 * shared test database, so tests never see each other's rows. Call `close()` in afterAll.
 */
export class PostgresTestDatabase {
  private readonly pools: PgPool[] = [];
  private readonly schemas: string[] = [];
  private admin: PgPool | null = null;

  constructor(readonly url: string) {}

  private adminPool(): PgPool {
    this.admin ??= createPostgresPool(this.url, { max: 2 });
    return this.admin;
  }

  /** A new empty schema, migrated; returns its name. */
  async schema(): Promise<string> {
    const name = `t_${randomBytes(6).toString('hex')}`;
    await this.adminPool().query(`CREATE SCHEMA ${name}`);
    this.schemas.push(name);
    await migrate(this.pool(name));
    return name;
  }

  /** A pool on `schema`, like one backend instance's; closed with the rest. */
  pool(schema: string, max = 4): PgPool {
    const p = createPostgresPool(this.url, { schema, max });
    this.pools.push(p);
    return p;
  }

  /** Raw SQL (qualify tables with the schema), for tampering the way someone with database access would. */
  async sql(text: string, values: unknown[] = []): Promise<void> {
    await this.adminPool().query(text, values);
  }

  async rows<T extends object>(text: string, values: unknown[] = []): Promise<T[]> {
    return (await this.adminPool().query<T & Record<string, unknown>>(text, values)).rows;
  }

  async close(): Promise<void> {
    await Promise.all(this.pools.splice(0).map((p) => p.end()));
    if (this.admin) {
      for (const s of this.schemas.splice(0)) await this.admin.query(`DROP SCHEMA ${s} CASCADE`);
      await this.admin.end();
      this.admin = null;
    }
  }
}
