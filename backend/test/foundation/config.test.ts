import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEMO_AUDIT_HMAC_KEY, decodeAuditKey } from '../../src/audit/key.js';
import { loadBackendEnv } from '../../src/config.js';
import { tempDir } from '../helpers/system.js';

const strongKey = () => `base64:${randomBytes(32).toString('base64')}`;
const deployment = (overrides: Record<string, string | undefined> = {}) => ({
  AUTH0_ISSUER_BASE_URL: 'https://tenant.example/',
  AUTH0_AUDIENCE: 'https://api.vouch.example',
  AUTH0_CLIENT_ID: 'vouch-api',
  AUTH0_CLIENT_SECRET: 'a-client-secret',
  AUDIT_HMAC_KEY: strongKey(),
  ...overrides,
});

function load(overrides: Record<string, string | undefined> = {}) {
  const warnings: string[] = [];
  const env = loadBackendEnv(deployment(overrides), { warn: (m) => warnings.push(m) });
  return { env, warnings };
}

describe('AUDIT_HMAC_KEY encodings', () => {
  it('decodes hex: and base64: explicitly: 64 hex digits are 32 bytes, not 48 bytes of base64', () => {
    const bytes = randomBytes(32);
    expect(Buffer.from(decodeAuditKey(`hex:${bytes.toString('hex')}`).key)).toEqual(bytes);
    expect(Buffer.from(decodeAuditKey(`base64:${bytes.toString('base64')}`).key)).toEqual(bytes);
    expect(Buffer.from(decodeAuditKey(`base64:${bytes.toString('base64url')}`).key)).toEqual(bytes);
  });

  it('refuses prefixed keys under 32 decoded bytes and malformed encodings', () => {
    expect(() => decodeAuditKey(`hex:${randomBytes(31).toString('hex')}`)).toThrow(/31 bytes/);
    expect(() => decodeAuditKey(`base64:${randomBytes(16).toString('base64')}`)).toThrow(/16 bytes/);
    expect(() => decodeAuditKey('hex:xyz')).toThrow(/hex digits/);
    expect(() => decodeAuditKey('base64:@@@@')).toThrow(/not valid base64/);
  });

  it('reads a bare value exactly as before prefixes existed, so chains signed with it still verify', () => {
    const long = 'an-old-deployment-key-that-is-longer-than-32-bytes';
    expect(decodeAuditKey(long)).toEqual({ key: new Uint8Array(Buffer.from(long, 'utf8')), encoding: 'legacy' });
    expect(Buffer.from(decodeAuditKey('short').key)).toEqual(createHash('sha256').update('short').digest());
  });
});

describe('deployment configuration (npm start)', () => {
  it('accepts a strong prefixed key, an https tenant and client credentials without warnings', () => {
    const { env, warnings } = load();
    expect(env.AUTH0_ISSUER_BASE_URL).toBe('https://tenant.example/');
    expect(warnings).toEqual([]);
  });

  it('accepts a strong bare key with a deprecation warning', () => {
    const { warnings } = load({ AUDIT_HMAC_KEY: randomBytes(32).toString('base64') });
    expect(warnings).toEqual([expect.stringMatching(/without a hex: or base64: prefix/)]);
  });

  it.each([
    ['missing', undefined],
    ['one byte (stretched with SHA-256 before)', 'x'],
    ['the published demo key', DEMO_AUDIT_HMAC_KEY],
    ['repetitive', 'a'.repeat(64)],
    ['a repeated word', 'password'.repeat(6)],
    ['all-zero bytes', `hex:${'00'.repeat(32)}`],
    ['too short', `base64:${randomBytes(16).toString('base64')}`],
  ])('refuses an audit key that is %s', (_, key) => {
    expect(() => load({ AUDIT_HMAC_KEY: key })).toThrow(/AUDIT_HMAC_KEY/);
  });

  it('refuses an http: tenant unless it is on loopback', () => {
    expect(() => load({ AUTH0_ISSUER_BASE_URL: 'http://tenant.example/' })).toThrow(/AUTH0_ISSUER_BASE_URL: must use https:/);
    for (const local of ['http://127.0.0.1:8788/', 'http://localhost:8788/', 'http://[::1]:8788/']) {
      expect(load({ AUTH0_ISSUER_BASE_URL: local }).env.AUTH0_ISSUER_BASE_URL).toBe(local);
    }
  });

  it('refuses missing client credentials for a tenant not on loopback', () => {
    expect(() => load({ AUTH0_CLIENT_SECRET: undefined })).toThrow(/AUTH0_CLIENT_SECRET are required/);
    expect(() => load({ AUTH0_CLIENT_ID: '' })).toThrow(/AUTH0_CLIENT_SECRET are required/);
    expect(
      load({ AUTH0_ISSUER_BASE_URL: 'http://127.0.0.1:8788/', AUTH0_CLIENT_ID: undefined, AUTH0_CLIENT_SECRET: undefined }).env
        .AUTH0_CLIENT_ID,
    ).toBeUndefined();
  });
});

/** Runs `npm start`'s entry point (tsx backend/src/main.ts) with exactly `env`, until it listens or exits. */
function npmStart(env: Record<string, string>): Promise<{ listening: boolean; code: number | null; output: string }> {
  const tsx = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));
  const main = fileURLToPath(new URL('../../src/main.ts', import.meta.url));
  const child = spawn(tsx, [main], {
    env: { PATH: process.env.PATH ?? '', DATA_DIR: tempDir('vouch-start-'), PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('vouch backend listening')) {
        child.kill('SIGTERM');
        resolve({ listening: true, code: null, output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => resolve({ listening: false, code, output }));
  });
}

describe('npm start', () => {
  it('will not start with a one-byte audit key or the demo key', async () => {
    for (const key of ['x', DEMO_AUDIT_HMAC_KEY]) {
      const run = await npmStart(deployment({ AUDIT_HMAC_KEY: key }) as Record<string, string>);
      expect(run.listening).toBe(false);
      expect(run.code).toBe(1);
      expect(run.output).toMatch(/invalid backend configuration:\n {2}AUDIT_HMAC_KEY: /);
      // The key itself never appears in what the operator sees.
      expect(run.output).not.toContain(DEMO_AUDIT_HMAC_KEY);
    }
  });

  it('starts with a strong base64: key and an https tenant', async () => {
    const run = await npmStart(deployment() as Record<string, string>);
    expect(run.output).not.toMatch(/DeprecationWarning/);
    expect(run.listening).toBe(true);
  });
});
