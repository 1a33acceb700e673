import pino, { type Logger } from 'pino';

/**
 * Every key that may hold a credential, wherever it sits in a log object. Tokens are also never
 * passed to the logger on purpose; this is the net under that rule.
 */
const SECRET_KEYS = [
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
];

export function createLogger(opts: { level?: string; name?: string; destination?: pino.DestinationStream } = {}): Logger {
  const paths = SECRET_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]).concat(['req.headers.authorization', 'req.headers.cookie', 'headers.authorization']);
  return pino(
    {
      name: opts.name ?? 'vouch',
      level: opts.level ?? process.env.LOG_LEVEL ?? 'info',
      redact: { paths, censor: '[redacted]' },
    },
    opts.destination,
  );
}

export type { Logger };
