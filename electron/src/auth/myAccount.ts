import { createMyAccountClient, MyAccountError, type ConnectedAccount, type ConnectResponse } from './myAccountClient.js';

/**
 * The desktop app's view of the My Account API Connected Accounts endpoints. The HTTP client is
 * `myAccountClient.ts` (plain fetch, responses validated, RFC 7807
 * errors as `MyAccountError` without the bearer token); this keeps the app's PKCE-only request types.
 */
export { MyAccountError, type ConnectResponse };
export type CompleteResponse = ConnectedAccount;

interface ConnectRequest {
  connection: string;
  redirect_uri: string;
  state: string;
  code_challenge: string;
  code_challenge_method: 'S256';
  scopes?: string[];
}

interface CompleteRequest {
  auth_session: string;
  connect_code: string;
  redirect_uri: string;
  code_verifier: string;
}

/** The scopes the desktop app asks for on the My Account API token. */
export const MY_ACCOUNT_SCOPES = 'create:me:connected_accounts read:me:connected_accounts';

export class MyAccountClient {
  private readonly client: ReturnType<typeof createMyAccountClient>;

  constructor(
    /** e.g. `https://tenant.auth0.com/me/v1/` (trailing slash). */
    baseUrl: string,
    getToken: () => Promise<string>,
    fetchImpl: typeof fetch = fetch,
  ) {
    this.client = createMyAccountClient({ apiBase: baseUrl, accessToken: getToken, fetch: fetchImpl });
  }

  connect(body: ConnectRequest): Promise<ConnectResponse> {
    return this.client.connect(body);
  }

  complete(body: CompleteRequest): Promise<CompleteResponse> {
    return this.client.complete(body);
  }
}
