/**
 * Shared Playwright fixtures: a `test` whose every page must keep the browser console empty, and
 * the built catalogue (dist/errors.json) read from disk to drive per-page tests.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type ConsoleMessage, type Page } from '@playwright/test';

export interface ErrorRecord {
  slug: string;
  url: string;
  title: string;
  summary: string;
  category: string;
  messages: string[];
  patterns: string[];
  qboCodes: number[];
  fixIn: string;
  retry: boolean;
  related: string[];
  aliases: string[];
  /** Where the page's facts come from: the help article, or a public document. */
  source: { title: string; url?: string };
  /** Its near-duplicate group, when it has one. */
  group?: { id: string; question: string; answer: string; pages: string[] };
  lastReviewed: string;
}

const ERRORS_JSON = fileURLToPath(new URL('../../dist/errors.json', import.meta.url));

let cache: ErrorRecord[] | undefined;

/** The error catalogue of the last build, from dist/errors.json on disk. */
export function readErrors(): ErrorRecord[] {
  if (!cache) {
    if (!existsSync(ERRORS_JSON))
      throw new Error(
        `${ERRORS_JSON} is missing: run \`npm run build\` before the e2e tests (\`npm test\` does).`,
      );
    cache = (JSON.parse(readFileSync(ERRORS_JSON, 'utf8')) as { errors: ErrorRecord[] }).errors;
  }
  return cache;
}

/** The site-relative path of an absolute URL from errors.json (its host is SITE_URL, not the test server). */
export const pathOf = (url: string) => new URL(url).pathname;

export interface ConsoleOptions {
  /** Console messages a test expects (e.g. the 404 of a missing page); everything else fails the test. */
  consoleAllow: RegExp[];
}

// eslint-disable-next-line @typescript-eslint/no-invalid-void-type -- Playwright types a fixture that gives nothing as void
export const test = base.extend<ConsoleOptions & { consoleIsEmpty: void }>({
  consoleAllow: [[], { option: true }],
  consoleIsEmpty: [
    async ({ page, consoleAllow }, use) => {
      const problems: string[] = [];
      const allowed = (text: string) => consoleAllow.some((re) => re.test(text));
      page.on('console', (msg: ConsoleMessage) => {
        const type = msg.type();
        if ((type === 'error' || type === 'warning') && !allowed(msg.text())) {
          const where = msg.location().url;
          problems.push(`console.${type}: ${msg.text()}${where ? ` (${where})` : ''} on ${page.url()}`);
        }
      });
      page.on('pageerror', (err) => {
        if (!allowed(err.message)) problems.push(`page error: ${err.message} on ${page.url()}`);
      });
      await use();
      expect(problems, 'the console should be empty').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/**
 * Starts counting the page's long tasks from now on (the @long-task tests run alone, after the
 * others: see playwright.config.ts). Whatever the harness does before this is not counted.
 */
export async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
}

/** The durations of the long tasks over `ms` since `watchLongTasks`. */
export const longTasksOver = (page: Page, ms = 100): Promise<number[]> =>
  page.evaluate(
    (limit) => (window as unknown as { longTasks: number[] }).longTasks.filter((d) => d > limit),
    ms,
  );
