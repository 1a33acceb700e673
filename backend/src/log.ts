import pino, { type Logger } from 'pino';
import { REDACTED, secretLogPaths } from './protocol/logRedaction.js';

export function createLogger(opts: { level?: string; name?: string; destination?: pino.DestinationStream } = {}): Logger {
  return pino(
    {
      name: opts.name ?? 'vouch',
      // The level comes from the process's config (LOG_LEVEL in config.ts), never from the environment here.
      level: opts.level ?? 'info',
      redact: { paths: secretLogPaths(), censor: REDACTED },
    },
    opts.destination,
  );
}

export type { Logger };
