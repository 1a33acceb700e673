/**
 * The one list of log keys that may hold a credential, for every process's pino logger (backend,
 * desktop main). Environment-neutral: plain data, imported by backend/src/log.ts and
 * electron/src/log.ts. Tokens are also never passed to a logger on purpose; this is the net under
 * that rule.
 */
export const SECRET_LOG_KEYS = [
  'access_token',
  'refresh_token',
  'id_token',
  'subject_token',
  'client_secret',
  'accessToken',
  'refreshToken',
  'subjectToken',
  'clientSecret',
  'authorization',
  'password',
  'pcm_b64',
] as const;

export const REDACTED = '[redacted]';

/** pino `redact.paths`: each key at the top level and two levels deep, plus request headers. */
export function secretLogPaths(): string[] {
  return SECRET_LOG_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]).concat([
    'req.headers.authorization',
    'req.headers.cookie',
    'headers.authorization',
  ]);
}
