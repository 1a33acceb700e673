import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import { REDACTED, secretLogPaths } from '../../backend/src/protocol/logRedaction.js';

/**
 * The desktop main process's logger: pino with the backend's redaction list, written to a file in
 * the app's user-data folder through `pino.destination` (a synchronous sonic-boom stream in this
 * thread: pino transports run in a worker that bundling breaks). The files are rotated at start:
 * `vouch.log` is the current run, `vouch.1.log` the one before, … and `keep` files in all are kept.
 */
const LOG_FILE = 'vouch.log';
export const LOG_FILES_KEPT = 5;

const rotated = (dir: string, n: number) => join(dir, n === 0 ? LOG_FILE : `vouch.${n}.log`);

/** Shifts `vouch.log` → `vouch.1.log` → … and drops the oldest, so at most `keep` files remain once the new log starts. */
function rotateLogs(dir: string, keep = LOG_FILES_KEPT): void {
  mkdirSync(dir, { recursive: true });
  rmSync(rotated(dir, keep - 1), { force: true });
  for (let n = keep - 2; n >= 0; n--) {
    if (existsSync(rotated(dir, n))) renameSync(rotated(dir, n), rotated(dir, n + 1));
  }
}

interface DesktopLoggerOptions {
  /** Folder for the log files, e.g. `<userData>/logs`. */
  dir: string;
  level: string;
  keep?: number;
  /** Also write to stdout (development). */
  echo?: boolean;
}

export function createDesktopLogger(opts: DesktopLoggerOptions): { logger: Logger; file: string } {
  rotateLogs(opts.dir, opts.keep ?? LOG_FILES_KEPT);
  const file = join(opts.dir, LOG_FILE);
  // sync: a crash right after a line still leaves the line on disk; the desktop logs little.
  const destination = pino.destination({ dest: file, sync: true, mkdir: true });
  const level = opts.level as pino.Level;
  const stream = opts.echo
    ? pino.multistream([
        { level, stream: destination },
        { level, stream: process.stdout },
      ])
    : destination;
  const logger = pino({ name: 'vouch-desktop', level: opts.level, redact: { paths: secretLogPaths(), censor: REDACTED } }, stream);
  return { logger, file };
}
