import { CredentialsMethod, OpenFgaClient, type UserClientConfigurationParams } from '@openfga/sdk';
import type { AuthorizationModelJson } from './authzModel.js';
import type { AuthorizationChecker, CheckRequest, RelationshipTuple } from './authorization.js';

/**
 * The same AuthorizationChecker answered by a real OpenFGA server through @openfga/sdk, used when
 * OPENFGA_API_URL (and a store) is configured. The model is the same model.fga, written to the store
 * by `provisionOpenFga` (tests, setup scripts) or by the operator with the FGA CLI.
 */
interface OpenFgaConfig {
  apiUrl: string;
  storeId?: string;
  authorizationModelId?: string;
  apiToken?: string;
}

/** OPENFGA_API_URL, OPENFGA_STORE_ID, OPENFGA_MODEL_ID, OPENFGA_API_TOKEN; null when not configured. */
export function openFgaConfigFromEnv(env: Record<string, string | undefined>): OpenFgaConfig | null {
  const apiUrl = env.OPENFGA_API_URL?.trim();
  if (!apiUrl) return null;
  return {
    apiUrl,
    storeId: env.OPENFGA_STORE_ID?.trim() || undefined,
    authorizationModelId: env.OPENFGA_MODEL_ID?.trim() || undefined,
    apiToken: env.OPENFGA_API_TOKEN?.trim() || undefined,
  };
}

function openFgaClient(cfg: OpenFgaConfig): OpenFgaClient {
  const params: UserClientConfigurationParams = {
    apiUrl: cfg.apiUrl,
    storeId: cfg.storeId,
    authorizationModelId: cfg.authorizationModelId,
  };
  if (cfg.apiToken) params.credentials = { method: CredentialsMethod.ApiToken, config: { token: cfg.apiToken } };
  return new OpenFgaClient(params);
}

export class OpenFgaServerChecker implements AuthorizationChecker {
  constructor(private readonly client: OpenFgaClient) {}

  static fromConfig(cfg: OpenFgaConfig): OpenFgaServerChecker {
    if (!cfg.storeId) throw new Error('OPENFGA_STORE_ID is required with OPENFGA_API_URL');
    return new OpenFgaServerChecker(openFgaClient(cfg));
  }

  async check(req: CheckRequest): Promise<boolean> {
    const res = await this.client.check({ user: req.user, relation: req.relation, object: req.object });
    return res.allowed === true;
  }
}

/** Creates a store, writes the model and tuples; returns the ids to put in the environment. */
export async function provisionOpenFga(
  apiUrl: string,
  model: AuthorizationModelJson,
  tuples: readonly RelationshipTuple[],
  storeName = 'vouch',
  apiToken?: string,
): Promise<{ storeId: string; authorizationModelId: string; client: OpenFgaClient }> {
  const admin = openFgaClient({ apiUrl, apiToken });
  const store = await admin.createStore({ name: storeName });
  const scoped = openFgaClient({ apiUrl, apiToken, storeId: store.id });
  const written = await scoped.writeAuthorizationModel(model);
  const client = openFgaClient({ apiUrl, apiToken, storeId: store.id, authorizationModelId: written.authorization_model_id });
  // OpenFGA caps a write at 100 tuples.
  for (let i = 0; i < tuples.length; i += 100) await client.writeTuples(tuples.slice(i, i + 100).map((t) => ({ ...t })));
  return { storeId: store.id, authorizationModelId: written.authorization_model_id, client };
}
