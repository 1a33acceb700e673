import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, type JWK } from 'jose';

/** The tenant's RS256 signing key, made once per data directory so tokens survive restarts. */
export async function loadOrCreateSigningKey(dataDir: string): Promise<JWK> {
  const file = join(dataDir, 'devtenant-signing-key.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as JWK;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
  const jwk = { ...(await exportJWK(privateKey)), alg: 'RS256', use: 'sig', kid: `dev-${Date.now().toString(36)}` };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(jwk), { mode: 0o600 });
  return jwk;
}

export function publicPart(jwk: JWK): JWK {
  const { kty, n, e, alg, use, kid } = jwk;
  return { kty, n, e, alg, use, kid };
}
