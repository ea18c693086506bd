/**
 * "Nothing you paste is sent anywhere": a marker pasted on every page, through every form and every
 * link, with and without JavaScript, and no request (its URL, its Referer, its body) ever carries
 * it. Every page also says `no-referrer` before its first request.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Request } from '@playwright/test';
import { readErrors } from './fixtures';
import { builtPages, copiedBy, expect, test } from './quality-helpers';

const MARKER = 'Zqxj7Leak';
/** A message with the marker in it: a real error, so the troubleshooter answers with a match. */
const MESSAGE = `QBO Class "${MARKER}" was not found for Business Unit "${MARKER} Unit".`;
/** A paste that matches nothing, so the "nothing found" links and request box appear. */
const NOTHING = `Widget ${MARKER} frobnication quota exhausted for tenant 42`;
/** A field a paste can be typed into. */
const PASTE_FIELDS = 'textarea, input:not([type]), input[type="text"], input[type="search"]';
const NOT_FOUND_CONSOLE = /Failed to load resource: the server responded with a status of 404/;

interface Seen {
  url: string;
  referer: string;
  body: string;
}

/** Records every request of the context (pages and workers): URL, Referer and body. */
function recorder(context: BrowserContext): { requests: Seen[]; settle: () => Promise<void> } {
  const pending: Promise<void>[] = [];
  const requests: Seen[] = [];
  const record = (r: Request) =>
    pending.push(
      r.allHeaders().then(
        (h) => void requests.push({ url: r.url(), referer: h['referer'] ?? '', body: r.postData() ?? '' }),
        () => void requests.push({ url: r.url(), referer: '', body: r.postData() ?? '' }),
      ),
    );
  context.on('request', record);
  return {
    requests,
    settle: async () => {
      await Promise.all(pending);
    },
  };
}

const leaks = (requests: Seen[]) =>
  requests.filter((r) => [r.url, r.referer, r.body].some((s) => s.includes(MARKER)));

const pages = () => [
  '/',
  '/errors/',
  '/guides/',
  '/guides/before-you-start/',
  '/search/',
  '/no-such-page/',
  ...readErrors()
    .slice(0, 3)
    .map((e) => new URL(e.url).pathname),
];

test.describe('privacy: no request ever carries a paste', () => {
  test.use({ consoleAllow: [NOT_FOUND_CONSOLE] });

  test('every built page sends no Referer: <meta name="referrer" content="no-referrer"> before any resource', () => {
    for (const { file, path } of builtPages()) {
      const html = readFileSync(file, 'utf8');
      const head = html.slice(0, html.indexOf('</head>'));
      const meta = head.search(/<meta name="referrer" content="no-referrer">/);
      expect(meta, `${path}: referrer meta`).toBeGreaterThan(0);
      const firstResource = head.search(/<script|<link (?!rel="canonical")|<style/);
      if (firstResource >= 0) expect(meta, `${path}: referrer meta first`).toBeLessThan(firstResource);
    }
  });

  test('with JavaScript: the troubleshooter, its links and tools, every search form, every page', async ({
    page,
    context,
  }) => {
    test.setTimeout(300_000);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const { requests, settle } = recorder(context);
    const ready = () => expect(page.getByTestId('match-results')).toHaveAttribute('data-state', 'ready');

    // The troubleshooter: paste, copy the link, open it, Enter to the page, the page's links and tools.
    await page.goto('/');
    await page.getByLabel('Paste an error message').fill(MESSAGE);
    await ready();
    const link = await copiedBy(page, 'Copy link');
    expect(link, 'a copied link carries the message in the fragment').toMatch(/^http:\/\/localhost:\d+\/#q=/);
    await page.goto(link);
    await ready();
    await page.getByRole('button', { name: 'Copy for ticket' }).first().click();
    await page.getByLabel('Paste an error message').press('Enter');
    await expect(page.locator('#your-message')).toContainText(MARKER);
    await page.getByRole('button', { name: 'Copy for ticket' }).click();
    await page.locator('a.skip-link').focus();
    await page.keyboard.press('Enter');
    for (const a of await page.locator('main a[href]').all()) {
      const href = (await a.getAttribute('href')) ?? '';
      if (href.startsWith('/') || href.startsWith('#')) {
        await a.click();
        await page.goBack();
      }
    }

    // Nothing found: the "searching the site" link and the request for support.
    await page.goto('/');
    await page.getByLabel('Paste an error message').fill(NOTHING);
    await expect(page.getByTestId('not-found')).toBeVisible();
    await page.getByRole('button', { name: 'Copy request for support' }).click();
    await page.getByRole('link', { name: 'searching the site' }).click();
    await expect(page).toHaveURL(/\/search\/#q=/);
    await expect(page.locator('.pagefind-ui__message')).toBeVisible();

    // An old `?q=` link: the request itself carries it (it was made before the page), but nothing after it does.
    await page.goto(`/?q=${encodeURIComponent(MESSAGE)}`);
    await ready();
    await expect(page).toHaveURL(/\/#q=/);
    const first = requests.findIndex((r) => r.url.includes('?q='));
    requests.splice(first, 1);

    // Every search form on every page: the header's, the 404 page's, the search page's.
    for (const path of pages()) {
      await page.goto(path);
      for (const form of await page.getByRole('search').all()) {
        if (!(await form.isVisible())) continue;
        const field = form.getByRole('searchbox').or(form.getByRole('textbox')).first();
        await field.fill(path === '/search/' ? NOTHING : MESSAGE);
        await field.press('Enter');
        await page.waitForLoadState('networkidle');
        if (page.url().includes('/search/'))
          await expect(page.locator('.pagefind-ui__message')).toBeVisible({ timeout: 10_000 });
        await page.goto(path);
      }
    }
    await page.waitForLoadState('networkidle');
    await settle();
    expect(requests.length).toBeGreaterThan(20);
    expect(leaks(requests), 'requests carrying the paste').toEqual([]);
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test('no field that can hold a paste has a name, on any built page', async ({ page }) => {
      test.setTimeout(180_000);
      let fields = 0;
      const moved = (file: string) => readFileSync(file, 'utf8').includes('http-equiv="refresh"');
      const built = builtPages();
      for (const { file, path } of built) {
        // An old slug's page moves on at once, and has no field at all.
        if (moved(file)) {
          expect(readFileSync(file, 'utf8'), `${path}: a field`).not.toMatch(/<(textarea|input)\b/);
          continue;
        }
        await page.goto(path);
        for (const field of await page.locator(PASTE_FIELDS).all()) {
          fields++;
          const id = (await field.getAttribute('id')) ?? '(no id)';
          expect(
            await field.getAttribute('name'),
            `${path}: #${id} has a name, so a form would send it`,
          ).toBeNull();
        }
      }
      // The header search is on every other page: the check saw fields, not an empty site.
      expect(fields).toBeGreaterThanOrEqual(built.filter((p) => !moved(p.file)).length);
    });

    test('no form can send a paste, and each page says what works without JavaScript', async ({
      page,
      context,
    }) => {
      test.setTimeout(180_000);
      const { requests, settle } = recorder(context);
      // Without JavaScript the forms are hidden by CSS; a browser without CSS (or a reader view)
      // shows them. Served without the stylesheet, every form is on show and tried as a person would.
      await context.route(/\.css$/, (route) => route.fulfill({ contentType: 'text/css', body: '' }));
      let tried = 0;
      for (const path of pages()) {
        await page.goto(path);
        for (const form of await page.locator('form').all()) {
          await expect(form, `${path}: a form on show`).toBeVisible();
          // Nothing in it can be submitted: its buttons are disabled until the script enables them.
          for (const submit of await form.locator('button:not([type="button"]), input[type="submit"]').all())
            await expect(submit, `${path}: a submit button`).toBeDisabled();
          const field = form.locator(PASTE_FIELDS).first();
          await field.fill(MESSAGE);
          await field.press('Enter');
          await form
            .locator('button')
            .first()
            .click({ force: true, timeout: 2000 })
            .catch(() => undefined);
          await page.waitForLoadState('networkidle');
          tried++;
          await page.goto(path);
        }
      }
      await context.unroute(/\.css$/);
      // The header search on every page, the troubleshooter, the search page's and the 404 page's forms.
      expect(tried).toBeGreaterThanOrEqual(pages().length + 3);
      await settle();
      expect(leaks(requests), 'requests carrying the paste').toEqual([]);

      // What works, said plainly; no form on show that needs JavaScript.
      await page.goto('/');
      await expect(
        page.getByText('The troubleshooter and the full-text search need JavaScript'),
      ).toBeVisible();
      await expect(page.getByLabel('Paste an error message')).toBeHidden();
      await expect(page.getByRole('searchbox', { name: 'Search the site' })).toBeHidden();
      await expect(page.getByText('It stays in your browser')).toBeHidden();
      await page.goto('/search/');
      await expect(page.getByText('Search runs in your browser and needs JavaScript')).toBeVisible();
      await page.goto('/no-such-page/');
      await expect(page.getByText('Search needs JavaScript')).toBeVisible();
    });
  });
});
