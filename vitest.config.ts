import { defineConfig } from 'vitest/config';

// Suites that need real PostgreSQL and Redis live under backend/test/scale/; their project's
// globalSetup starts both once per run, and only when one of those files is selected.
const servicesSuites = 'backend/test/scale/**/*.test.ts';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The suites start real servers on ephemeral ports; two cores run two files at a time comfortably.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['backend/test/**/*.test.ts', 'electron/test/**/*.test.ts', 'renderer/test/**/*.test.{ts,tsx}'],
          exclude: [servicesSuites, '**/node_modules/**'],
        },
      },
      { extends: true, test: { name: 'services', include: [servicesSuites], globalSetup: ['backend/test/scale/globalSetup.ts'] } },
    ],
  },
});
