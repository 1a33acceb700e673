import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['backend/test/**/*.test.ts', 'electron/test/**/*.test.ts', 'renderer/test/**/*.test.{ts,tsx}', 'scripts/test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The suites start real servers on ephemeral ports; two cores run two files at a time comfortably.
    maxWorkers: 2,
  },
});
