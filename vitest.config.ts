import { defineConfig } from 'vitest/config';

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
    ],
  },
});
