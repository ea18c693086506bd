/** Chromium for the benches, started as the e2e tests start it (tests/chromium.ts). */
import type { Browser } from '@playwright/test';
import { CHROMIUM_LAUNCH } from '../tests/chromium';

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('@playwright/test');
  return chromium.launch(CHROMIUM_LAUNCH);
}
