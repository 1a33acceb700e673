import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SECRET_LOG_KEYS } from '../../../backend/src/protocol/logRedaction.js';
import { createDesktopLogger, LOG_FILES_KEPT } from '../../src/log.js';

const freshDir = () => mkdtempSync(join(tmpdir(), 'vouch-desktop-log-'));
const lines = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('desktop log file', () => {
  it('rotates at start: the previous runs shift by one and five files are kept', () => {
    const dir = freshDir();
    for (let run = 1; run <= 7; run++) {
      const { logger } = createDesktopLogger({ dir, level: 'info' });
      logger.info({ run }, 'started');
    }
    expect(readdirSync(dir).sort()).toEqual(['vouch.1.log', 'vouch.2.log', 'vouch.3.log', 'vouch.4.log', 'vouch.log']);
    expect(LOG_FILES_KEPT).toBe(5);
    const runOf = (f: string) => lines(join(dir, f)).map((l) => l.run);
    expect(runOf('vouch.log')).toEqual([7]);
    expect(runOf('vouch.1.log')).toEqual([6]);
    expect(runOf('vouch.4.log')).toEqual([3]);
  });

  it('creates the folder, writes JSON lines at the configured level', () => {
    const dir = join(freshDir(), 'nested', 'logs');
    const { logger, file } = createDesktopLogger({ dir, level: 'warn' });
    logger.info('not written');
    logger.warn({ code: 'X' }, 'written');
    expect(existsSync(file)).toBe(true);
    expect(lines(file).map((l) => [l.level, l.msg, l.name])).toEqual([[40, 'written', 'vouch-desktop']]);
  });

  it('redacts every key of the shared secret list, at the top level and nested', () => {
    const { logger, file } = createDesktopLogger({ dir: freshDir(), level: 'info' });
    const secrets = Object.fromEntries(SECRET_LOG_KEYS.map((k, i) => [k, `SECRET-${i}-value`]));
    logger.info(
      {
        ...secrets,
        session: { refresh_token: 'SECRET-nested-rt', user: { access_token: 'SECRET-deep-at' } },
        headers: { authorization: 'Bearer SECRET-hdr' },
      },
      'tokens',
    );
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('SECRET');
    const [line] = lines(file);
    expect(line!.refresh_token).toBe('[redacted]');
    expect((line!.session as { refresh_token: string }).refresh_token).toBe('[redacted]');
  });
});
