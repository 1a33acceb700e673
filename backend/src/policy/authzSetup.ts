import { loadVouchModel } from './authzModel.js';
import { DEMO_USER_ID, defaultTuples, type AuthorizationChecker, type RelationshipTuple } from './authorization.js';
import { EmbeddedChecker } from './embeddedChecker.js';
import { openFgaConfigFromEnv, OpenFgaServerChecker } from './openfgaChecker.js';

export type ConfiguredChecker = { kind: 'embedded'; checker: EmbeddedChecker } | { kind: 'openfga'; checker: AuthorizationChecker };

/**
 * The checker the server uses: a real OpenFGA server when OPENFGA_API_URL and OPENFGA_STORE_ID are set,
 * otherwise the embedded checker over model.fga seeded with each known user's default tuples (the
 * server adds a signed-in user's with `checker.write(defaultTuples(id))`).
 */
export function createAuthorizationChecker(
  env: Record<string, string | undefined>,
  seedUsers: readonly string[] = [DEMO_USER_ID],
  extraTuples: readonly RelationshipTuple[] = [],
): ConfiguredChecker {
  const cfg = openFgaConfigFromEnv(env);
  if (cfg) return { kind: 'openfga', checker: OpenFgaServerChecker.fromConfig(cfg) };
  return { kind: 'embedded', checker: new EmbeddedChecker(loadVouchModel(), [...seedUsers.flatMap(defaultTuples), ...extraTuples]) };
}
