import { createServer } from 'node:net';
import { createLocalJWKSet, errors as joseErrors, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { CanonicalJsonError } from '../../src/audit/canonical.js';
import { AuditInputError } from '../../src/audit/chain.js';
import { AuditKeyError } from '../../src/audit/key.js';
import { AuditSecretError } from '../../src/audit/secrets.js';
import { AuditUnavailableError } from '../../src/audit/trail.js';
import { CibaClient, CibaError } from '../../src/auth/ciba.js';
import { AuthError, createAccessTokenVerifier } from '../../src/auth/jwt.js';
import { TokenVaultClient, TokenVaultError } from '../../src/auth/tokenVault.js';
import { InvalidBusEventError } from '../../src/events/eventBus.js';
import { CounterInputError } from '../../src/limits/counterStore.js';
import { AuthorizationModelError } from '../../src/policy/embeddedChecker.js';
import { PreauthorizationError } from '../../src/policy/preauth.js';
import { RuleLimitError } from '../../src/policy/ruleStore.js';
import { VouchError } from '../../src/protocol/index.js';
import { TokenCacheKeyError } from '../../src/redis/tokenCache.js';
import { ApiError } from '../../src/server/apiError.js';
import { MigrationError } from '../../src/store/postgres/migrations.js';
import { StreamStalledError } from '../../src/agent/reply/streamWatchdog.js';

/** A loopback URL nothing listens on: a port just bound and released. */
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/`;
}

describe('backend errors share the VouchError base', () => {
  it.each([
    [new CanonicalJsonError('x'), 'CANONICAL_JSON_INVALID', 'CanonicalJsonError'],
    [new AuditInputError('x'), 'AUDIT_INPUT_INVALID', 'AuditInputError'],
    [new AuditKeyError('x'), 'AUDIT_KEY_INVALID', 'AuditKeyError'],
    [new AuditSecretError('$.a', 'holds a token'), 'AUDIT_SECRET_REFUSED', 'AuditSecretError'],
    [new AuditUnavailableError('write'), 'AUDIT_UNAVAILABLE', 'AuditUnavailableError'],
    [new CibaError('rate_limited', 'x'), 'CIBA_RATE_LIMITED', 'CibaError'],
    [new AuthError('token malformed'), 'UNAUTHENTICATED', 'AuthError'],
    [new TokenVaultError('FEDERATED_TOKEN_NOT_IN_VAULT', 'x'), 'FEDERATED_TOKEN_NOT_IN_VAULT', 'TokenVaultError'],
    [new InvalidBusEventError('x'), 'BUS_EVENT_INVALID', 'InvalidBusEventError'],
    [new CounterInputError('x'), 'COUNTER_INPUT_INVALID', 'CounterInputError'],
    [new AuthorizationModelError('x'), 'AUTHORIZATION_MODEL_INVALID', 'AuthorizationModelError'],
    [new PreauthorizationError('STEP_UP_STALE', 'x'), 'STEP_UP_STALE', 'PreauthorizationError'],
    [new RuleLimitError(), 'RULE_LIMIT_REACHED', 'RuleLimitError'],
    [new TokenCacheKeyError('x'), 'TOKEN_CACHE_KEY_INVALID', 'TokenCacheKeyError'],
    [new ApiError(404, 'NOT_FOUND'), 'NOT_FOUND', 'ApiError'],
    [new MigrationError('x'), 'MIGRATION_FAILED', 'MigrationError'],
    [new StreamStalledError('idle', 500), 'MODEL_STREAM_STALLED', 'StreamStalledError'],
  ] as const)('%s has code %s', (err, code, name) => {
    expect(err).toBeInstanceOf(VouchError);
    expect(err.code).toBe(code);
    expect(err.name).toBe(name);
  });

  it('keeps the discriminants callers branch on', () => {
    expect(new CibaError('unavailable', 'x').kind).toBe('unavailable');
    expect(new AuthError('token malformed').reason).toBe('token malformed');
    expect(new ApiError(429, 'RATE_LIMITED').status).toBe(429);
    expect(new AuditUnavailableError('write').kind).toBe('write');
  });
});

describe('errors that wrap a failure keep it as cause', () => {
  it('CIBA: an unreachable tenant is CIBA_UNAVAILABLE caused by the network failure', async () => {
    const client = new CibaClient({ issuer: await closedPortUrl(), clientId: 'c', clientSecret: 's' });
    const err = await client.start({ sub: 'auth0|alex', bindingMessage: 'Send email' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CibaError);
    expect((err as CibaError).code).toBe('CIBA_UNAVAILABLE');
    expect((err as CibaError).cause).toBeInstanceOf(Error);
  });

  it('Token Vault: an unreachable tenant is TOKEN_EXCHANGE_FAILED caused by the network failure', async () => {
    const vault = new TokenVaultClient({ issuer: await closedPortUrl(), clientId: 'c', clientSecret: 's' });
    const err = await vault
      .getAccessToken({ userId: 'auth0|alex', subjectToken: 'at', connection: 'google-oauth2', scopes: [] })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TokenVaultError);
    expect((err as TokenVaultError).code).toBe('TOKEN_EXCHANGE_FAILED');
    expect((err as TokenVaultError).cause).toBeInstanceOf(Error);
  });

  it("access tokens: a bad signature is UNAUTHENTICATED caused by jose's error", async () => {
    const trusted = await generateKeyPair('RS256');
    const other = await generateKeyPair('RS256');
    const jwks = createLocalJWKSet({ keys: [{ ...(await exportJWK(trusted.publicKey)), alg: 'RS256', kid: 'k1' }] });
    const verify = createAccessTokenVerifier({ issuer: 'https://tenant.example/', audience: 'vouch', jwks });
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setSubject('auth0|alex')
      .setIssuer('https://tenant.example/')
      .setAudience('vouch')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(other.privateKey);
    const err = await verify(token).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthError);
    expect((err as AuthError).code).toBe('UNAUTHENTICATED');
    expect((err as AuthError).cause).toBeInstanceOf(joseErrors.JWSSignatureVerificationFailed);
  });
});
