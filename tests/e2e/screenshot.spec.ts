/**
 * Reading an error from a screenshot, in Chromium against the built site. Every screenshot is made
 * here (screenshot-helpers.ts: a message rendered in a page and photographed), so no binary fixture
 * is kept. Each test asserts what a person sees: the right page, its verdict, the key values exactly,
 * the box marked as read from a screenshot; and for bad input, a clear sentence, never a hang.
 * Every test also fails on console output and on any request to another origin (quality-helpers).
 *
 * OCR is heavy (a 4.1 MB engine starts in each test's fresh browser context, on two shared cores):
 * the timeouts are generous, and the timing assertion (no long task) runs in the long-tasks project.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { actionsFailed } from '../../src/client/text';
import * as TEXT from '../../src/client/text-screenshot';
import { OCR_DOWNLOAD_TIMEOUT_MS, OCR_STEP_TIMEOUT_MS } from '../../src/lib/matcher/limits';
import { OCR_DOWNLOAD_MB } from '../../src/lib/ocr/assets';
import { startWaitMs } from '../../src/lib/ocr/engine';
import {
  animatedGif,
  blankPng,
  corruptPng,
  giveImage,
  LOOK,
  lookName,
  panelHtml,
  pickStashed,
  readingDone,
  renderShot,
  reportHtml,
  stashImages,
  tableRowHtml,
  type Look,
  type Via,
} from './screenshot-helpers';
import { longTasksOver, watchLongTasks } from './fixtures';
import { DIST, expect, expectNoAxeViolations, test } from './quality-helpers';

test.describe.configure({ timeout: 150_000 });

const CLOSED =
  'BadRequest. Details: The account period has closed. Txn Date=03/14/2026 is before book closing date=03/31/2026';
const CLASS = 'QBO Class "Field Services" was not found for Business Unit "North Dallas".';
const DUPLICATE =
  'BadRequest. Details: Duplicate Document Number Error : You must specify a different number. This number has already been used. DocNumber=10 is assigned to TxnType=Journal Entry with TxnId=57211';
const DEPOSIT = "Deposit total 1,250.00 doesn't match sum of payments 1,175.50.";
const BUSINESS_UNIT = "Entity with Key = 'BusinessUnit, (0)' does not exist";
const CLASSIFICATION =
  'Classification mismatch between Source Account (Customer Refunds, Liability) and Target Account (Customer Refunds, Revenue).';

/** Waits for the matcher's answer to the text read from the screenshot. */
async function matched(page: Page): Promise<void> {
  const status = await readingDone(page);
  await expect(status).toHaveAttribute('data-state', 'read');
  await expect(status).toHaveText(TEXT.screenshot.read);
  await expect(page.getByLabel('Paste an error message')).toHaveAttribute('data-source', 'screenshot');
  await expect(page.getByTestId('match-results')).toHaveAttribute('data-state', 'ready');
}

/** The first result: its page, verdict and values (each exactly as in the message). */
async function expectResult(page: Page, slug: string, values: string[]): Promise<void> {
  const first = page.getByTestId('match-result').first();
  await expect(first).toHaveAttribute('data-slug', slug);
  await expect(first).toHaveAttribute('data-verdict', 'match');
  expect(await first.locator('dd code').allTextContents()).toEqual(values);
}

interface Case {
  look: Partial<Look>;
  via: Via;
  html: string;
  what: string;
  slug: string;
  values: string[];
}

const CASES: Case[] = [
  {
    look: {},
    via: 'input',
    html: panelHtml(CLOSED),
    what: 'dates',
    slug: 'txn-date-before-closing-date',
    values: ['03/14/2026', '03/31/2026'],
  },
  {
    look: { scale: 2, dark: true, mono: true },
    via: 'paste',
    html: panelHtml(CLASS),
    what: 'quoted names',
    slug: 'class-not-found',
    values: ['Field Services', 'North Dallas'],
  },
  {
    look: {},
    via: 'paste in the box',
    html: panelHtml(DEPOSIT),
    what: 'amounts',
    slug: 'deposit-total-mismatch',
    values: ['1,250.00', '1,175.50'],
  },
  {
    look: { dark: true },
    via: 'drop',
    html: panelHtml(DUPLICATE),
    what: 'numbers and a type',
    slug: 'duplicate-document-number',
    values: ['10', 'Journal Entry', '57211'],
  },
  {
    look: { scale: 2 },
    via: 'input',
    html: panelHtml(DEPOSIT),
    what: 'amounts',
    slug: 'deposit-total-mismatch',
    values: ['1,250.00', '1,175.50'],
  },
  {
    look: { mono: true, jpeg: true },
    via: 'input',
    html: panelHtml(BUSINESS_UNIT),
    what: 'a (0) in quotes',
    slug: 'business-unit-missing',
    values: ['0'],
  },
  {
    look: { dark: true, jpeg: true },
    via: 'input',
    html: tableRowHtml(CLASSIFICATION),
    what: 'a table row with buttons',
    slug: 'classification-mismatch',
    values: ['Customer Refunds', 'Liability', 'Customer Refunds', 'Revenue'],
  },
];

test.describe('a screenshot of an error is read and matched', () => {
  for (const c of CASES) {
    const look = { ...LOOK, ...c.look };
    test(`${lookName(look)}, ${c.what}, through ${c.via === 'input' ? 'the file input' : `a ${c.via}`}`, async ({
      page,
      browser,
    }) => {
      const image = await renderShot(browser, c.html, look);
      await page.goto('/');
      await giveImage(page, image, c.via);
      await matched(page);
      await expectResult(page, c.slug, c.values);
    });
  }

  test('a report with several errors gets the triage table; a second image reads with the worker kept', async ({
    page,
    browser,
  }) => {
    const report = await renderShot(browser, reportHtml([CLOSED, DEPOSIT, CLASS]), LOOK);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto('/');
    await giveImage(page, report, 'input');
    await matched(page);
    await expect(page.getByTestId('triage')).toBeVisible();
    await expectNoAxeViolations(page, 'home (a report read from a screenshot)');
    expect(
      (await page.getByTestId('match-result').evaluateAll((els) => els.map((e) => e.dataset['slug']))).sort(),
    ).toEqual(['class-not-found', 'deposit-total-mismatch', 'txn-date-before-closing-date']);
    // The engine was fetched once; the next image reuses it.
    const engineFiles = () => requests.filter((p) => p.startsWith('/ocr/'));
    expect(engineFiles()).toEqual([
      '/ocr/worker.min.js',
      '/ocr/tesseract-core-relaxedsimd-lstm.js',
      '/ocr/tesseract-core-relaxedsimd-lstm.wasm',
      '/ocr/lang/eng.traineddata.gz',
    ]);
    await giveImage(page, await renderShot(browser, panelHtml(CLOSED), LOOK), 'input');
    await expect(page.getByTestId('screenshot-status')).toHaveAttribute('data-state', 'busy');
    await matched(page);
    await expectResult(page, 'txn-date-before-closing-date', ['03/14/2026', '03/31/2026']);
    expect(engineFiles()).toHaveLength(4);
  });

  test('while the first download runs, the line names its size beside a labelled progress bar', async ({
    page,
    context,
    browser,
  }) => {
    const image = await renderShot(browser, panelHtml(CLOSED), LOOK);
    // Each engine file a second and a half late, as on a slow line, so the line stays up to be seen.
    await context.route(/\/ocr\//, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await page.goto('/');
    await giveImage(page, image, 'input');
    // One locator for both at once: the line names the size while its bar has a name.
    const starting = page.getByRole('status').filter({ hasText: TEXT.screenshot.starting(OCR_DOWNLOAD_MB) });
    await expect(starting).toContainText(`${OCR_DOWNLOAD_MB} MB`);
    await expect(starting.getByRole('progressbar', { name: TEXT.screenshot.progressLabel })).toBeVisible();
    await matched(page);
    await expectResult(page, 'txn-date-before-closing-date', ['03/14/2026', '03/31/2026']);
  });

  test('"Read a screenshot" opens a file chooser, and the reader downloads while the person chooses', async ({
    page,
    browser,
  }) => {
    const image = await renderShot(browser, panelHtml(CLOSED), LOOK);
    const engine: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/ocr/')) engine.push(r.url());
    });
    await page.goto('/');
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Read a screenshot' }).click(),
    ]);
    await expect.poll(() => engine.length, { timeout: 30_000 }).toBeGreaterThan(0);
    await chooser.setFiles(image);
    await matched(page);
    await expectResult(page, 'txn-date-before-closing-date', ['03/14/2026', '03/31/2026']);
  });

  test('the text stays editable: correcting it runs the matcher again, clearing it clears the mark', async ({
    page,
    browser,
  }) => {
    await page.goto('/');
    await giveImage(page, await renderShot(browser, panelHtml(CLOSED), LOOK), 'input');
    await matched(page);
    const box = page.getByLabel('Paste an error message');
    await expect(box).toHaveValue(/Txn Date=03\/14\/2026 is before book\s+closing date=03\/31\/2026/);
    await box.fill(CLOSED.replace('03/14/2026', '03/15/2026'));
    await expect(page.getByTestId('match-result').first().locator('dd code').first()).toHaveText(
      '03/15/2026',
    );
    await box.fill('');
    await expect(page.getByTestId('screenshot-status')).toBeHidden();
    await expect(box).not.toHaveAttribute('data-source');
  });
});

test.describe('bad input gets a clear sentence, never a hang', () => {
  /** Gives the image through the file input and expects this error sentence. */
  async function refused(page: Page, image: Parameters<typeof giveImage>[1], sentence: string | RegExp) {
    await page.goto('/');
    await giveImage(page, image, 'input');
    const status = await readingDone(page);
    await expect(status).toHaveAttribute('data-state', 'error');
    await expect(status).toHaveText(sentence);
    await expect(page.getByLabel('Paste an error message')).toHaveValue('');
  }

  test('a file that is not an image (and no OCR file is fetched for it)', async ({ page }) => {
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await refused(
      page,
      { name: 'export.log', mimeType: 'text/plain', buffer: Buffer.from(CLOSED) },
      TEXT.screenshot.notImage,
    );
    expect(requests.filter((p) => /\/ocr\/|\/_astro\/ocr/.test(p))).toEqual([]);
  });

  test('a corrupt PNG', async ({ page, browser }) => {
    const png = await renderShot(browser, panelHtml(CLOSED), LOOK);
    await refused(page, corruptPng(png.buffer), TEXT.screenshot.unreadable);
    await expectNoAxeViolations(page, 'home (a screenshot refused)');
  });

  test('an 8,000 × 8,000 image', async ({ page }) => {
    await refused(page, blankPng(8000, 8000), TEXT.screenshot.tooLarge(8000, 8000));
  });

  test('an image with no text', async ({ page, browser }) => {
    const blank = await renderShot(
      browser,
      '<div style="width:480px;height:200px;background:linear-gradient(135deg,#dbe9f6,#f6e3db)"></div>',
      LOOK,
    );
    await refused(page, blank, TEXT.screenshot.noText);
  });

  test.describe('when the reader’s code cannot load (a tab left open across a deploy)', () => {
    test.use({ consoleAllow: [/Failed to load resource|screenshot-reader|dynamically imported module/] });

    test('the line under the box says to reload the page', async ({ page }) => {
      await page.route(/\/_astro\/screenshot-reader[.-][^/]+\.js$/, (r) =>
        r.fulfill({ status: 404, body: '' }),
      );
      await refused(page, blankPng(200, 100), actionsFailed);
    });
  });

  test('an animated GIF: its first frame is read', async ({ page, browser }) => {
    const look = { ...LOOK, scale: 2 as const };
    const first = await renderShot(browser, panelHtml(CLOSED), look);
    const second = await renderShot(browser, panelHtml(CLASS.padEnd(CLOSED.length + 10, ' ')), look);
    await page.goto('/');
    await giveImage(page, await animatedGif(page, first.buffer, second.buffer), 'input');
    await matched(page);
    await expectResult(page, 'txn-date-before-closing-date', ['03/14/2026', '03/31/2026']);
    await expect(page.getByTestId('match-result')).toHaveCount(1);
  });

  test('text that is not an export error: read, then "nothing matches"', async ({ page, browser }) => {
    const note = 'Meeting moved to Thursday at 3 pm. Please bring the quarterly sales figures.';
    await page.goto('/');
    await giveImage(page, await renderShot(browser, panelHtml(note), LOOK), 'input');
    await matched(page);
    await expect(page.getByLabel('Paste an error message')).toHaveValue(note);
    await expect(page.getByTestId('not-found')).toBeVisible();
  });
});

test.describe('self-hosted, private, under the CSP', () => {
  /** The CSP dist/_headers gives a path: the one rule whose pattern matches and carries a policy. */
  const headerCspFor = (path: string): string | undefined => {
    let pattern = '';
    let found: string | undefined;
    for (const line of readFileSync(`${DIST}_headers`, 'utf8').split('\n')) {
      if (!line.trim() || line.startsWith('#')) continue;
      if (!/^\s/.test(line)) pattern = line.trim();
      else if (/^\s+Content-Security-Policy:/i.test(line)) {
        const matches = pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern;
        if (matches) found = line.replace(/^\s+Content-Security-Policy:\s*/i, '');
      }
    }
    return found;
  };

  test('under the _headers policies (the OCR worker gets its own) a screenshot reads, and nothing leaves the site', async ({
    page,
    context,
    browser,
  }) => {
    expect(headerCspFor('/ocr/worker.min.js')).toContain("'wasm-unsafe-eval'");
    expect(headerCspFor('/')).not.toContain("'wasm-unsafe-eval'");
    const withCsp: string[] = [];
    // Every document and script with its _headers policy, as a host reading that file serves them.
    await context.route(/\/$|\.js$/, async (route) => {
      const response = await route.fetch();
      const path = new URL(route.request().url()).pathname;
      const csp = headerCspFor(path);
      if (csp) withCsp.push(path);
      await route.fulfill({
        response,
        headers: { ...response.headers(), ...(csp ? { 'content-security-policy': csp } : {}) },
      });
    });
    const image = await renderShot(browser, panelHtml(CLOSED), LOOK);
    const posted: string[] = [];
    page.on('request', (r) => {
      if (r.method() !== 'GET') posted.push(r.url());
    });
    await page.goto('/');
    await giveImage(page, image, 'input');
    await matched(page);
    await expectResult(page, 'txn-date-before-closing-date', ['03/14/2026', '03/31/2026']);
    expect(withCsp).toContain('/ocr/worker.min.js');
    expect(posted, 'nothing is sent anywhere').toEqual([]);
  });

  test('a reader that never says a word is stopped after the step wait, not the download allowance', async ({
    page,
    context,
    browser,
  }) => {
    // The worker script arrives empty: a worker that runs and never answers, like one blocked before
    // its first message. The old wait gave it the 2-minute download allowance.
    await context.route(/\/ocr\/worker\.min\.js$/, (route) =>
      route.fulfill({ contentType: 'text/javascript', body: '// says nothing' }),
    );
    await page.goto('/');
    await giveImage(page, await renderShot(browser, panelHtml(CLOSED), LOOK), 'input');
    const status = await readingDone(page, OCR_STEP_TIMEOUT_MS + 20_000);
    await expect(status).toHaveText(TEXT.screenshot.stalled);
  });

  test.describe('a worker policy without wasm-unsafe-eval', () => {
    test.use({
      consoleAllow: [/WebAssembly|wasm|Content Security Policy|Aborted|ArrayBuffer instantiation/i],
    });
    test('stops the wait with a clear sentence', async ({ page, context, browser }) => {
      const blocked = (headerCspFor('/ocr/worker.min.js') ?? '').replace(" 'wasm-unsafe-eval'", '');
      expect(blocked).toContain("script-src 'self'");
      await context.route(/\/ocr\/worker\.min\.js$/, async (route) => {
        const response = await route.fetch();
        await route.fulfill({
          response,
          headers: { ...response.headers(), 'content-security-policy': blocked },
        });
      });
      await page.goto('/');
      await giveImage(page, await renderShot(browser, panelHtml(CLOSED), LOOK), 'input');
      // The core's start gets its wait (its download's share of the allowance, then the step wait),
      // and no more: under a minute, where a download's allowance would be two.
      const coreWait = startWaitMs(
        { status: 'initializing tesseract', progress: 0 },
        { downloadMs: OCR_DOWNLOAD_TIMEOUT_MS, stepMs: OCR_STEP_TIMEOUT_MS },
      );
      expect(coreWait).toBeLessThan(60_000);
      const status = await readingDone(page, coreWait + 20_000);
      await expect(status).toHaveText(TEXT.screenshot.stalled);
    });
  });
});

test.describe('no frozen tab', () => {
  // @long-task: measured alone, after the rest of the suite (the "long-tasks" project in
  // playwright.config.ts), so that another test's browser on the same two cores is not counted.
  test(
    'a first screenshot, a 2x report and an 8,000 × 8,000 image: no main-thread task over 100 ms',
    { tag: '@long-task' },
    async ({ page, browser }) => {
      const images = [
        await renderShot(browser, panelHtml(CLOSED), LOOK),
        await renderShot(browser, reportHtml([CLOSED, DEPOSIT, CLASS, DUPLICATE]), { ...LOOK, scale: 2 }),
        blankPng(8000, 8000),
      ];
      await page.goto('/');
      // Handing the files to the page is the harness's work: it happens before long tasks count.
      await stashImages(page, images);
      await watchLongTasks(page);
      for (const n of [0, 1]) {
        await pickStashed(page, n);
        await matched(page);
      }
      await expect(page.getByTestId('triage')).toBeVisible();
      await pickStashed(page, 2);
      await expect(page.getByTestId('screenshot-status')).toHaveText(TEXT.screenshot.tooLarge(8000, 8000), {
        timeout: 30_000,
      });
      const longTasks = await longTasksOver(page);
      expect(longTasks, 'no long task over 100 ms').toEqual([]);
    },
  );
});
