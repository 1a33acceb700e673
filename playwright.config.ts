import { defineConfig } from '@playwright/test';

/**
 * Renderer end-to-end tests in Debian's Chromium (no downloaded browsers). The `popover` project
 * drives the real renderer over a scripted bridge (states, screenshots, axe); the `system` project
 * drives it attached to the desktop host (the desktop app's controller in Node) against the real
 * backend, dev tenant and sandbox, and Talk with a fake microphone (talk.spec.ts).
 * Each worker starts its own Vite harness (or system and host) on ephemeral ports: see
 * renderer/e2e/fixtures.ts and world.ts.
 */
export default defineConfig({
  testDir: 'renderer/e2e',
  // Not test-results/ itself: Playwright empties outputDir, and screenshots live next to it.
  outputDir: 'test-results/playwright',
  fullyParallel: false,
  // Two shared cores: one browser at a time.
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    viewport: { width: 400, height: 640 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
        // A synthetic microphone, granted without a prompt, for the capture test.
        '--use-fake-ui-for-media-stream',
        '--use-fake-device-for-media-stream',
        // Reply audio plays without a click, as in the Electron popover.
        '--autoplay-policy=no-user-gesture-required',
      ],
    },
  },
  projects: [
    { name: 'popover', testMatch: /popover\.spec\.ts/ },
    { name: 'system', testMatch: /(system|talk)\.spec\.ts/ },
    // The packaged Electron app: runs where the Electron binary exists, reports a clear skip otherwise.
    { name: 'electron', testDir: 'electron/e2e', testMatch: /\.spec\.ts/ },
  ],
});
