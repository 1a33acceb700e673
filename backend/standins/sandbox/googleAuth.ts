import type { SandboxRequest, SandboxResponse } from './http.js';
import type { GrantedAccess, TokenStore } from './tokens.js';

/** Google's JSON error envelope, as every Google REST API answers. */
export function googleError(
  code: number,
  message: string,
  status: string,
  reason: string,
  extra?: { headers?: Record<string, string>; details?: unknown[] },
): SandboxResponse {
  const error: Record<string, unknown> = { code, message, errors: [{ message, domain: 'global', reason }], status };
  if (extra?.details) error['details'] = extra.details;
  return { status: code, body: { error }, ...(extra?.headers ? { headers: extra.headers } : {}) };
}

export function bearerToken(req: SandboxRequest): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
}

/**
 * Checks the bearer token and that it carries one of the scopes Google accepts for the method.
 * Answers exactly what Google answers: 401 `authError` for a missing/expired/unknown token and 403
 * `insufficientPermissions` / ACCESS_TOKEN_SCOPE_INSUFFICIENT when the grant lacks every accepted scope.
 */
export function authorizeGoogle(
  req: SandboxRequest,
  tokens: TokenStore,
  acceptedScopes: readonly string[],
  method: { service: string; name: string },
): GrantedAccess | SandboxResponse {
  const token = bearerToken(req);
  const grant = token ? tokens.verifyAccess('google', token) : undefined;
  if (!grant) {
    return googleError(
      401,
      'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
      'UNAUTHENTICATED',
      'authError',
      { headers: { 'www-authenticate': 'Bearer realm="https://accounts.google.com/", error="invalid_token"' } },
    );
  }
  if (!acceptedScopes.some((s) => grant.scopes.includes(s))) {
    return googleError(403, 'Request had insufficient authentication scopes.', 'PERMISSION_DENIED', 'insufficientPermissions', {
      headers: {
        'www-authenticate': `Bearer realm="https://accounts.google.com/", error="insufficient_scope", scope="${acceptedScopes.join(' ')}"`,
      },
      details: [
        {
          '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
          reason: 'ACCESS_TOKEN_SCOPE_INSUFFICIENT',
          domain: 'googleapis.com',
          metadata: { service: method.service, method: method.name },
        },
      ],
    });
  }
  return grant;
}

export function isResponse(v: GrantedAccess | SandboxResponse): v is SandboxResponse {
  return 'status' in v && typeof (v as SandboxResponse).status === 'number';
}

const G = 'https://www.googleapis.com/auth/';
export const GOOGLE_ACCEPTED = {
  gmailRead: [`${G}gmail.readonly`, `${G}gmail.modify`, 'https://mail.google.com/'],
  gmailDraft: [`${G}gmail.compose`, `${G}gmail.modify`, 'https://mail.google.com/'],
  gmailSend: [`${G}gmail.send`, `${G}gmail.compose`, `${G}gmail.modify`, 'https://mail.google.com/'],
  calendarRead: [`${G}calendar.readonly`, `${G}calendar.events`, `${G}calendar.events.readonly`, `${G}calendar`],
  calendarWrite: [`${G}calendar.events`, `${G}calendar`],
  calendarFreeBusy: [`${G}calendar.readonly`, `${G}calendar`, `${G}calendar.freebusy`, `${G}calendar.events.freebusy`],
} as const;
