/** Chromium for the benches: the system's (CHROMIUM_PATH, else /usr/bin/chromium), as the e2e tests run it. */
import type { Browser } from '@playwright/test';

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('@playwright/test');
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
