import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, chownSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';

/**
 * Throw-away PostgreSQL and Redis servers for the test suite: loopback only, free (or configured)
 * ports, everything under one temp directory that `stop()` removes. No Docker. PostgreSQL refuses to
 * run as root and CI runs as root, so initdb/pg_ctl then run as the `postgres` user through `runuser`
 * on a data directory that user owns. Authentication is `trust`: only this machine's loopback can
 * reach the server and it holds nothing but test data.
 */

const run = promisify(execFile);

export interface RunningService {
  url: string;
  stop(): Promise<void>;
}

export class ServiceUnavailableError extends Error {
  override name = 'ServiceUnavailableError';
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === 'object' ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

function onPath(bin: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const p = join(dir, bin);
    if (dir && existsSync(p)) return p;
  }
  return null;
}

/** Debian keeps the server binaries in /usr/lib/postgresql/<major>/bin, off PATH; take the newest. */
export function findPostgresBinDir(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.VOUCH_PG_BIN) return existsSync(join(env.VOUCH_PG_BIN, 'pg_ctl')) ? env.VOUCH_PG_BIN : null;
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const majors = readdirSync(root)
      .filter((v) => /^\d+$/.test(v) && existsSync(join(root, v, 'bin', 'pg_ctl')))
      .sort((a, b) => Number(b) - Number(a));
    if (majors[0]) return join(root, majors[0], 'bin');
  }
  const pgCtl = onPath('pg_ctl');
  return pgCtl && existsSync(join(pgCtl, '..', 'initdb')) ? join(pgCtl, '..') : null;
}

export function findRedisServer(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.VOUCH_REDIS_SERVER) return existsSync(env.VOUCH_REDIS_SERVER) ? env.VOUCH_REDIS_SERVER : null;
  return onPath('redis-server');
}

function configuredPort(name: string): number | null {
  const v = process.env[name];
  if (!v) return null;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new Error(`${name} must be a TCP port, got "${v}"`);
  return n;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function startPostgres(opts: { port?: number } = {}): Promise<RunningService> {
  const bin = findPostgresBinDir();
  if (!bin)
    throw new ServiceUnavailableError(
      'PostgreSQL server binaries (initdb, pg_ctl) not found: apt-get install postgresql, or set VOUCH_PG_BIN',
    );
  const port = opts.port ?? configuredPort('VOUCH_TEST_PG_PORT') ?? (await freePort());
  const asRoot = userInfo().uid === 0;
  const dir = mkdtempSync(join(tmpdir(), 'vouch-pg-'));
  if (asRoot) {
    const ids = await run('id', ['-u', 'postgres']).then(
      async (u) => ({ uid: Number(u.stdout.trim()), gid: Number((await run('id', ['-g', 'postgres'])).stdout.trim()) }),
      () => null,
    );
    if (!ids) {
      rmSync(dir, { recursive: true, force: true });
      throw new ServiceUnavailableError('running as root but there is no `postgres` user to run PostgreSQL as');
    }
    chownSync(dir, ids.uid, ids.gid);
  }
  // As root: `runuser -u postgres -- <bin> …`; otherwise the binaries run as the current user.
  const pg = (tool: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]) : run(join(bin, tool), args);
  const data = join(dir, 'data');
  const log = join(dir, 'server.log');
  const stopServer = async () => {
    const pidFile = join(data, 'postmaster.pid');
    const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').split('\n')[0]) : NaN;
    await pg('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
    // Never leave a server behind: if pg_ctl could not stop it, the postmaster goes the hard way.
    if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) process.kill(pid, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await pg('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
    // Durability is worthless for throw-away test data and fsync is what makes PostgreSQL slow here.
    const serverOpts = [
      `-p ${port}`,
      '-c listen_addresses=127.0.0.1',
      `-k ${dir}`,
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=300',
    ].join(' ');
    await pg('pg_ctl', ['-D', data, '-l', log, '-w', '-t', '60', '-o', serverOpts, 'start']);
  } catch (err) {
    const tail = existsSync(log) ? readFileSync(log, 'utf8').slice(-2000) : '';
    await stopServer();
    throw new Error(`PostgreSQL did not start on 127.0.0.1:${port}: ${(err as Error).message}\n${tail}`, { cause: err });
  }
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop: stopServer };
}

export async function startRedis(opts: { port?: number } = {}): Promise<RunningService> {
  const bin = findRedisServer();
  if (!bin) throw new ServiceUnavailableError('redis-server not found: apt-get install redis-server, or set VOUCH_REDIS_SERVER');
  const port = opts.port ?? configuredPort('VOUCH_TEST_REDIS_PORT') ?? (await freePort());
  const dir = mkdtempSync(join(tmpdir(), 'vouch-redis-'));
  const child: ChildProcess = spawn(
    bin,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  try {
    await new Promise<void>((resolve, reject) => {
      const onData = (b: Buffer) => {
        output += b.toString('utf8');
        if (output.includes('Ready to accept connections')) resolve();
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`)));
    });
  } catch (err) {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`Redis did not start on 127.0.0.1:${port}: ${(err as Error).message}\n${output.slice(-2000)}`, { cause: err });
  }
  child.stdout?.resume();
  child.stderr?.resume();
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
