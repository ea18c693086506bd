/**
 * Shared Playwright fixtures: a `test` whose every page must keep the browser console empty and
 * cause no Content-Security-Policy violation, and the built catalogue (dist/errors.json) read from
 * disk to drive per-page tests.
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
  /** CSP violations a test expects (as `cspViolations` words them); everything else fails the test. */
  cspAllow: RegExp[];
}

/** One `securitypolicyviolation` event of a document: its id (unique across documents) and its words. */
type Violation = [id: string, text: string];

/**
 * Runs in every document of the page before its own scripts: records each CSP violation on window
 * (`__cspViolations`, readable while the document lives) and hands it to the test at once
 * (`__cspViolation`, a binding, so a document navigated away from still counts). Chromium does not
 * always put a violation in the console, and a test may let console lines through.
 */
function recordCspViolations(): void {
  const w = window as unknown as {
    __cspViolations: Violation[];
    __cspViolation?: (v: Violation) => Promise<void>;
  };
  w.__cspViolations = [];
  document.addEventListener(
    'securitypolicyviolation',
    (e) => {
      const where = e.sourceFile ? ` at ${e.sourceFile}:${e.lineNumber}` : '';
      const text = `${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'}${where} (${e.disposition}) on ${location.pathname}`;
      const v: Violation = [`${performance.timeOrigin}:${w.__cspViolations.length}`, text];
      w.__cspViolations.push(v);
      // A document on its way out may not deliver it: the end check reads the open one again.
      void w.__cspViolation?.(v).catch(() => undefined);
    },
    true,
  );
}

// eslint-disable-next-line @typescript-eslint/no-invalid-void-type -- Playwright types a fixture that gives nothing as void
export const test = base.extend<ConsoleOptions & { consoleIsEmpty: void; cspViolations: string[] }>({
  consoleAllow: [[], { option: true }],
  cspAllow: [[], { option: true }],
  /**
   * The page's CSP violations so far (a test may read it); any not in `cspAllow` fails the test.
   * A worker's violations fire in the worker, not here: the console check sees those.
   */
  cspViolations: [
    async ({ page, cspAllow }, use) => {
      const seen = new Map<string, string>();
      const list: string[] = [];
      const add = ([id, text]: Violation) => {
        if (seen.has(id)) return;
        seen.set(id, text);
        list.push(text);
      };
      await page.exposeBinding('__cspViolation', (_source, v: Violation) => add(v));
      await page.addInitScript(recordCspViolations);
      await use(list);
      // The open document's own record too, in case a binding call was still on its way.
      if (!page.isClosed())
        for (const v of await page
          .evaluate(() => (window as unknown as { __cspViolations?: Violation[] }).__cspViolations ?? [])
          .catch(() => []))
          add(v);
      const unexpected = list.filter((text) => !cspAllow.some((re) => re.test(text)));
      expect(unexpected, 'no Content-Security-Policy violation').toEqual([]);
    },
    { auto: true },
  ],
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
