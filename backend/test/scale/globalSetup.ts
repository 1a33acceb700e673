import type { TestProject } from 'vitest/node';
import { ServiceUnavailableError, startPostgres, startRedis, type RunningService } from '../helpers/localServices.js';

/**
 * Starts PostgreSQL and Redis once per test run for the suites under backend/test/scale/ (the
 * `services` project in vitest.config.ts, so runs that don't touch them don't pay for them).
 * TEST_DATABASE_URL / TEST_REDIS_URL already set in the environment are used as they are. Missing
 * binaries skip those suites with a printed reason, except under CI=true, where that is a failure:
 * .ci/run installs both, so a skip there would hide a broken setup.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    TEST_DATABASE_URL: string;
    TEST_REDIS_URL: string;
    TEST_SERVICES_SKIPPED: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started: RunningService[] = [];
  const skipped: string[] = [];
  const ci = process.env.CI === 'true' || process.env.CI === '1';

  async function ensure(name: 'TEST_DATABASE_URL' | 'TEST_REDIS_URL', start: () => Promise<RunningService>): Promise<void> {
    let url = process.env[name];
    if (!url) {
      try {
        const svc = await start();
        started.push(svc);
        url = svc.url;
      } catch (err) {
        if (err instanceof ServiceUnavailableError && !ci) {
          skipped.push(`${name}: ${err.message}`);
          console.warn(`[services] skipping suites that need ${name}: ${err.message}`);
          return;
        }
        throw err;
      }
    }
    process.env[name] = url;
    project.provide(name, url);
  }

  // allSettled: if one fails, the other may still be starting; it must be stopped too.
  const results = await Promise.allSettled([ensure('TEST_DATABASE_URL', startPostgres), ensure('TEST_REDIS_URL', startRedis)]);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) {
    await Promise.all(started.map((s) => s.stop()));
    throw failed.reason;
  }
  project.provide('TEST_SERVICES_SKIPPED', skipped.join('\n'));
  return async () => {
    await Promise.all(started.map((s) => s.stop()));
  };
}
