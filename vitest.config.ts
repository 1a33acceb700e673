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
          name: 'node',
          include: ['backend/test/**/*.test.ts', 'electron/test/**/*.test.ts', 'scripts/test/**/*.test.ts'],
          exclude: [servicesSuites, '**/node_modules/**'],
          // Importing the backend again for every file was ~40% of the run: these files share one module
          // graph per worker. So a test file here must not depend on fresh module state: no vi.mock, no
          // global or env stubs, fake timers restored after each test (put such a file in its own project).
          isolate: false,
        },
      },
      {
        extends: true,
        // Isolated: DOM environment, and the zustand stores are module singletons.
        test: { name: 'renderer', include: ['renderer/test/**/*.test.{ts,tsx}'] },
      },
      { extends: true, test: { name: 'services', include: [servicesSuites], globalSetup: ['backend/test/scale/globalSetup.ts'] } },
    ],
  },
});
