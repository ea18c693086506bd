/**
 * How the e2e tests (playwright.config.ts) and the benches (bench/chromium.ts) start Chromium: the
 * system's (CHROMIUM_PATH, else Debian's /usr/bin/chromium; never one Playwright downloads), without
 * the requests it makes in the background by default.
 */
export const CHROMIUM_LAUNCH = {
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
