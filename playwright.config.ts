import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_LAUNCH } from './tests/chromium';

/**
 * End-to-end tests against the built site (dist/), served by `astro preview` on port 4322 (or
 * E2E_PORT, so two checkouts can test at once). Run `npm run build` first; `npm test` does. Any
 * Chrome/Chromium works: set CHROMIUM_PATH.
 */
const PORT = Number(process.env['E2E_PORT'] ?? 4322);
const CI = !!process.env['CI'];

const chromium = {
  ...devices['Desktop Chrome'],
  launchOptions: CHROMIUM_LAUNCH,
};

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  forbidOnly: CI,
  retries: CI ? 1 : 0,
  workers: 2,
  fullyParallel: true,
  reporter: CI ? [['list'], ['html', { outputFolder: 'playwright-report', open: 'never' }]] : 'list',
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      grepInvert: /@long-task/,
      use: chromium,
    },
    {
      // "No long task over 100 ms" is a timing: these tests run after the others, one at a time.
      name: 'long-tasks',
      grep: /@long-task/,
      dependencies: ['chromium'],
      fullyParallel: false,
      // One at a time across files too (fullyParallel only orders the tests within a file).
      workers: 1,
      // No trace: its DOM snapshots run on the page's main thread around every action and
      // expect, and measured 50-140 ms long tasks of their own (none with the trace off, same
      // machine, same tests).
      use: { ...chromium, trace: 'off' },
    },
  ],
  webServer: {
    command: `npx astro preview --port ${PORT} --ignore-lock`,
    url: `http://localhost:${PORT}/`,
    reuseExistingServer: !CI,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
