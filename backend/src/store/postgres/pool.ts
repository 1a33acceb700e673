import pg from 'pg';

/**
 * The node-postgres pool every PostgreSQL store shares, and the one transaction helper they use.
 * BIGINT (int8) columns hold epoch milliseconds and sequence numbers, all far below 2^53, so they
 * are parsed as JS numbers instead of node-postgres's default strings.
 */
export type PgPool = pg.Pool;
export type PgClient = pg.PoolClient;

export interface PostgresPoolOptions {
  /** Connections per instance; several instances share the server's max_connections. */
  max?: number;
  /** Runs `SET search_path` on each connection: tests give every store its own schema. */
  schema?: string;
  applicationName?: string;
}

const INT8_OID = 20;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

export function createPostgresPool(url: string, opts: PostgresPoolOptions = {}): PgPool {
  if (opts.schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(opts.schema))
    throw new Error('schema must be a lower-case SQL identifier');
  return new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    application_name: opts.applicationName ?? 'vouch',
    options: opts.schema ? `-c search_path=${opts.schema}` : undefined,
    types,
  });
}

/** Runs `fn` in BEGIN … COMMIT on one connection; any throw rolls back and is rethrown. */
export async function withTransaction<T>(pool: PgPool, fn: (client: PgClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const out = await fn(client);
    await client.query('COMMIT');
    return out;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/** SQLSTATE 23505 on the named constraint. */
export function isUniqueViolation(err: unknown, constraint: string): boolean {
  const e = err as { code?: unknown; constraint?: unknown };
  return e?.code === '23505' && e.constraint === constraint;
}
