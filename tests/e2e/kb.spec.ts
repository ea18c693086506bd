/**
 * The knowledge base as a visitor sees it, against the built site (dist/). Per-page tests are
 * driven by dist/errors.json; every test also fails on any console error or warning (fixtures.ts).
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { CATEGORIES, type CategoryKey } from '../../src/consts';
import { expect, pathOf, readErrors, test, type ErrorRecord } from './fixtures';

const errors = readErrors();
/** The error pages' files: <slug>.md, or <slug>.mdx when the page imports a component. */
const PAGE_FILE = /\.mdx?$/;
const CONTENT_FILES = readdirSync(fileURLToPath(new URL('../../content/errors/', import.meta.url))).filter(
  (f) => PAGE_FILE.test(f),
);
/** How many errors the knowledge base has: one per content file. */
const N = CONTENT_FILES.length;
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const bySlug = (slug: string) => {
  const e = errors.find((x) => x.slug === slug);
  if (!e) throw new Error(`dist/errors.json has no entry "${slug}"`);
  return e;
};
/** Categories that have pages, in home-page order. */
const usedCategories = (Object.keys(CATEGORIES) as CategoryKey[]).filter((k) =>
  errors.some((e) => e.category === k),
);

test('the build has one catalogue entry per content file', () => {
  expect(errors).toHaveLength(N);
  expect(errors.map((e) => e.slug).sort()).toEqual(CONTENT_FILES.map((f) => f.replace(PAGE_FILE, '')).sort());
});

for (const e of errors) {
  test.describe(`error page ${e.slug}`, () => {
    test('shows the title, the message, the explanation and numbered steps; has its head tags', async ({
      page,
    }) => {
      const res = await page.goto(pathOf(e.url));
      expect(res?.status()).toBe(200);

      await expect(page.getByRole('heading', { level: 1 })).toHaveText(e.title);
      const codeBlocks = page.locator('pre > code');
      await expect(codeBlocks).toHaveCount(e.messages.length);
      for (const [i, message] of e.messages.entries()) await expect(codeBlocks.nth(i)).toHaveText(message);

      await expect(page.getByRole('heading', { level: 2, name: 'What it means', exact: true })).toBeVisible();
      await expect(page.getByRole('heading', { level: 2, name: 'How to fix it', exact: true })).toBeVisible();

      const step1 = page.locator('ol > li#step-1');
      await expect(step1).toBeVisible();
      await expect(step1).not.toBeEmpty();
      // The list holding step 1 belongs to the "How to fix it" section: the nearest heading before it.
      const headingBefore = await page.locator('ol:has(> li#step-1)').evaluate((ol) => {
        for (let n: Element | null = ol; n && n.tagName !== 'ARTICLE'; n = n.parentElement) {
          for (let s = n.previousElementSibling; s; s = s.previousElementSibling) {
            if (/^H[1-6]$/.test(s.tagName)) return s.textContent.trim();
          }
        }
        return undefined;
      });
      expect(headingBefore).toBe('How to fix it');

      // Step anchors: step-1, step-2, … in order, and no id repeats anywhere on the page.
      const stepIds = await page.locator('li[id^="step-"]').evaluateAll((els) => els.map((el) => el.id));
      expect(stepIds).toEqual(stepIds.map((_, i) => `step-${i + 1}`));
      const ids = await page.locator('[id]').evaluateAll((els) => els.map((el) => el.id));
      expect(
        ids.filter((id, i) => ids.indexOf(id) !== i),
        'duplicate ids',
      ).toEqual([]);

      // Its source, named and linked (the article, or Intuit's documentation for a QBO API error).
      const source = page.getByTestId('source');
      await expect(source).toContainText(e.source.title);
      if (e.source.url) await expect(source.getByRole('link')).toHaveAttribute('href', e.source.url);

      const reviewed = page.getByText(/^Last reviewed/);
      await expect(reviewed).toBeVisible();
      await expect(reviewed.locator('time')).toHaveAttribute('datetime', e.lastReviewed);
      expect(e.lastReviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/);

      // Its head, on the same visit: title, description, canonical URL and Open Graph tags.
      await expect(page).toHaveTitle(new RegExp(`^${escapeRe(e.title)}( · |$)`));
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', e.summary);

      const canonical = page.locator('link[rel="canonical"]');
      await expect(canonical).toHaveCount(1);
      const href = (await canonical.getAttribute('href')) ?? '';
      expect(href).toMatch(/^https?:\/\/[^/]+\//);
      expect(href.endsWith(`/errors/${e.slug}/`), href).toBe(true);
      expect(href).toBe(e.url);

      await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', e.title);
      await expect(page.locator('meta[property="og:description"]')).toHaveAttribute('content', e.summary);
      await expect(page.locator('meta[property="og:url"]')).toHaveAttribute('content', href);

      // Pagefind indexes only the marked content: the article with the h1, not the header or footer.
      const body = page.locator('[data-pagefind-body]');
      await expect(body).toHaveCount(1);
      await expect(body.getByRole('heading', { level: 1 })).toHaveText(e.title);
      await expect(page.locator('header [data-pagefind-body], footer [data-pagefind-body]')).toHaveCount(0);
    });
  });
}

/** Errors of a category, in the catalogue's order (dist/errors.json keeps the home-page order). */
const inCategory = (key: CategoryKey) => errors.filter((e) => e.category === key);
const countText = (n: number) => `${n} ${n === 1 ? 'error' : 'errors'}`;

test.describe('home page', () => {
  test('shows every category with its count and its first three errors, not the whole catalogue', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(
      page.getByRole('heading', { level: 2, name: `Browse ${N} export errors by category` }),
    ).toBeVisible();

    expect(usedCategories).toHaveLength(Object.keys(CATEGORIES).length);
    const categories = page.getByTestId('category');
    await expect(categories.getByRole('heading')).toHaveText(
      usedCategories.map((k) => `${CATEGORIES[k].label} ${countText(inCategory(k).length)}`),
    );
    for (const key of usedCategories) {
      const items = inCategory(key);
      const group = page.getByRole('region', { name: `${CATEGORIES[key].label} ${countText(items.length)}` });
      const shown = items.slice(0, 3);
      await expect(group.getByRole('listitem')).toHaveCount(shown.length);
      for (const e of shown)
        await expect(group.getByRole('link', { name: e.title, exact: true })).toHaveAttribute(
          'href',
          `/errors/${e.slug}/`,
        );
      // A category with more errors than it shows links to all of them on /errors/.
      const more = group.getByRole('link', {
        name: `All ${countText(items.length)} in ${CATEGORIES[key].label}`,
      });
      if (items.length > 3) await expect(more).toHaveAttribute('href', `/errors/#group-${key}`);
      else await expect(more).toHaveCount(0);
    }
    // Chart of accounts has four errors: the fourth is only on /errors/.
    const hidden = inCategory('chart-of-accounts')[3]!;
    await expect(page.getByRole('link', { name: hidden.title, exact: true })).toHaveCount(0);
    await expect(page.getByRole('link', { name: `All ${N} export errors`, exact: true })).toHaveAttribute(
      'href',
      '/errors/',
    );
  });

  test('"All 4 errors in Chart of accounts" opens /errors/ at that group, which lists all four', async ({
    page,
  }) => {
    await page.goto('/');
    await page.getByRole('link', { name: 'All 4 errors in Chart of accounts' }).click();
    await expect(page).toHaveURL(/\/errors\/#group-chart-of-accounts$/);
    const group = page.getByRole('region', { name: 'Chart of accounts', exact: true });
    await expect(group).toBeInViewport();
    for (const e of inCategory('chart-of-accounts'))
      await expect(group.getByRole('link', { name: e.title, exact: true })).toBeVisible();
  });
});

test.describe('/errors/', () => {
  test('lists all errors, each linked to its page, under its category heading', async ({ page }) => {
    await page.goto('/errors/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`All ${N} export errors`);
    await expect(page.getByTestId('catalogue-item')).toHaveCount(errors.length);
    const groupHeadings = page.locator('.catalogue').getByRole('heading');
    await expect(groupHeadings).toHaveText(usedCategories.map((k) => CATEGORIES[k].label));
    for (const key of usedCategories) {
      const group = page.getByRole('region', { name: CATEGORIES[key].label, exact: true });
      const items = inCategory(key);
      await expect(group.getByRole('listitem')).toHaveCount(items.length);
      for (const e of items)
        await expect(group.getByRole('link', { name: e.title, exact: true })).toHaveAttribute(
          'href',
          `/errors/${e.slug}/`,
        );
    }
    // The category links at the top jump to each group, with its count.
    const nav = page.getByRole('navigation', { name: 'Categories' });
    await expect(nav.getByRole('listitem')).toHaveText(
      usedCategories.map((k) => `${CATEGORIES[k].label} ${inCategory(k).length}`),
    );
  });

  test('the filter keeps the errors whose title or message has every typed word', async ({ page }) => {
    await page.goto('/errors/');
    const filter = page.getByRole('searchbox', { name: 'Filter by words in the title or message' });
    const status = page.getByTestId('filter-status');
    const shown = page.getByTestId('catalogue-item').filter({ visible: true });

    await filter.fill('closing date');
    await expect(status).toHaveText(new RegExp(`^Showing \\d+ of ${N} errors\\.$`));
    const closing = errors.filter((e) =>
      ['closing', 'date'].every((w) => `${e.title} ${e.messages[0]}`.toLowerCase().includes(w)),
    );
    expect(closing.map((e) => e.slug)).toContain('txn-date-before-closing-date');
    await expect(shown).toHaveCount(closing.length);
    await expect(status).toHaveText(`Showing ${closing.length} of ${N} errors.`);
    // Groups left with nothing are hidden; Closed books stays.
    await expect(page.getByRole('region', { name: 'Closed books', exact: true })).toBeVisible();
    await expect(page.getByRole('region', { name: 'QuickBooks outages', exact: true })).toBeHidden();

    await filter.fill('zebra accounting');
    await expect(shown).toHaveCount(0);
    await expect(status).toHaveText(/^No error in the list has all these words\./);

    await filter.fill('');
    await expect(shown).toHaveCount(errors.length);
    await expect(status).toHaveText('');
  });

  test("an error page's category links to its group on /errors/", async ({ page }) => {
    const e = bySlug('txn-date-before-closing-date');
    await page.goto(pathOf(e.url));
    await page.getByRole('link', { name: 'Closed books', exact: true }).click();
    await expect(page).toHaveURL(/\/errors\/#group-closed-books$/);
    await expect(page.getByRole('region', { name: 'Closed books', exact: true })).toBeInViewport();
  });
});

test.describe('guides', () => {
  const guides: [slug: string, mention: string][] = [
    ['before-you-start', 'Intacct'],
    ['things-to-know', '(#)'],
    ['read-quickbooks-errors', 'second part'],
  ];
  for (const [slug, mention] of guides) {
    test(`/guides/${slug}/ renders`, async ({ page }) => {
      const res = await page.goto(`/guides/${slug}/`);
      expect(res?.status()).toBe(200);
      const h1 = page.getByRole('heading', { level: 1 });
      await expect(h1).toHaveCount(1);
      await expect(h1).not.toBeEmpty();
      await expect(page).toHaveTitle(new RegExp(`^${escapeRe((await h1.textContent()) ?? '')}( · |$)`));
      await expect(page.getByRole('main')).toContainText(mention);
    });
  }

  test('the guide index links to all three guides', async ({ page }) => {
    await page.goto('/guides/');
    for (const [slug] of guides)
      await expect(page.getByRole('main').locator(`a[href="/guides/${slug}/"]`).first()).toBeVisible();
  });
});

test.describe('/errors.json', () => {
  const FIELDS = [
    'slug',
    'url',
    'title',
    'summary',
    'category',
    'messages',
    'patterns',
    'qboCodes',
    'fixIn',
    'retry',
  ] as const;

  test('lists every error with its fields, and every url is a live page', async ({ request }) => {
    const res = await request.get('/errors.json');
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('application/json');
    const { errors: served } = (await res.json()) as { errors: ErrorRecord[] };
    expect(served).toHaveLength(N);
    expect(new Set(served.map((e) => e.slug)).size).toBe(N);

    for (const e of served) {
      for (const f of FIELDS) expect(e, `${e.slug} has ${f}`).toHaveProperty(f);
      expect(typeof e.title).toBe('string');
      expect(typeof e.summary).toBe('string');
      expect(typeof e.retry).toBe('boolean');
      expect(Object.keys(CATEGORIES)).toContain(e.category);
      expect(e.messages.length).toBeGreaterThan(0);
      expect(e.patterns.length).toBeGreaterThan(0);
      expect(Array.isArray(e.qboCodes)).toBe(true);
      expect(['qbo', 'platform', 'both', 'support']).toContain(e.fixIn);
      expect(pathOf(e.url)).toBe(`/errors/${e.slug}/`);
      const page = await request.get(pathOf(e.url));
      expect(page.status(), `${e.url} → ${pathOf(e.url)}`).toBe(200);
    }

    // Near-duplicates: each member names its group, the question, its own answer and every member.
    const grouped = served.filter((e) => e.group);
    expect(grouped.length).toBeGreaterThan(1);
    for (const e of grouped) {
      const g = e.group!;
      expect(g.question, `${e.slug} group.question`).toMatch(/\?$/);
      expect(g.answer.length).toBeGreaterThan(1);
      expect(g.pages).toContain(e.slug);
      expect(g.pages.length).toBeGreaterThan(1);
      for (const other of g.pages) expect(served.find((o) => o.slug === other)?.group?.id).toBe(g.id);
    }
  });
});

test.describe('search (Pagefind UI)', () => {
  async function search(page: Page, query: string) {
    await page.goto(`/search/#q=${encodeURIComponent(query)}`);
    await expect(page.getByRole('textbox', { name: 'Search errors and guides', exact: true })).toHaveValue(
      query,
    );
    await expect(page.locator('.pagefind-ui__message')).toContainText(/results? for|No results/);
    return page.locator('.pagefind-ui__results');
  }
  /** The result link of a whole page (sub-results link to its sections, with other names). */
  const resultFor = (results: ReturnType<Page['locator']>, slugs: string[]) =>
    slugs
      .map((s) => results.getByRole('link', { name: bySlug(s).title, exact: true }))
      .reduce((a, b) => a.or(b));

  test('"closing date" finds the closed-books pages', async ({ page }) => {
    const results = await search(page, 'closing date');
    const hit = resultFor(results, ['txn-date-before-closing-date', 'account-period-closed']);
    await expect(hit.first()).toBeVisible();
    await expect(hit.first()).toHaveAttribute(
      'href',
      /^\/errors\/(txn-date-before-closing-date|account-period-closed)\/$/,
    );
  });

  test('"6240" (a QBO error code) finds the duplicate-name pages', async ({ page }) => {
    const results = await search(page, '6240');
    await expect(
      resultFor(results, ['name-already-exists', 'account-name-already-exists']).first(),
    ).toBeVisible();
  });

  test('"2500" (a QBO API error code) finds its page', async ({ page }) => {
    const results = await search(page, '2500');
    await expect(resultFor(results, ['invalid-reference-id']).first()).toBeVisible();
  });

  test('"deposit" finds a payments page', async ({ page }) => {
    const payments = errors.filter((e) => e.category === 'payments-deposits').map((e) => e.slug);
    expect(payments.length).toBeGreaterThan(0);
    const results = await search(page, 'deposit');
    await expect(resultFor(results, payments).first()).toBeVisible();
  });

  test('the filter panel offers the categories and filters by them', async ({ page }) => {
    const results = await search(page, 'closing date');
    const panel = page.locator('.pagefind-ui__filter-panel');
    await expect(panel).toBeVisible();
    await panel.getByText('Category', { exact: true }).click();
    for (const key of usedCategories) {
      await expect(
        panel.getByRole('checkbox', { name: new RegExp(`^${escapeRe(CATEGORIES[key].label)} \\(\\d+\\)$`) }),
      ).toBeVisible();
    }
    await panel.getByRole('checkbox', { name: /^Closed books \(\d+\)$/ }).check();
    const closed = errors.filter((e) => e.category === 'closed-books').map((e) => `/errors/${e.slug}/`);
    const pageLinks = results.locator(
      '.pagefind-ui__result > .pagefind-ui__result-inner > .pagefind-ui__result-title > a',
    );
    await expect(pageLinks.first()).toBeVisible();
    await expect
      .poll(async () =>
        (await pageLinks.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).filter(
          (h) => !closed.includes(h ?? ''),
        ),
      )
      .toEqual([]);
  });
});

test.describe('404', () => {
  // The browser logs the 404 response of the missing page itself; nothing else may appear.
  test.use({ consoleAllow: [/Failed to load resource: the server responded with a status of 404/] });

  for (const path of ['/no-such-page/', '/errors/no-such-error/']) {
    test(`${path} returns 404 with "Page not found" and a search form`, async ({ page }) => {
      const res = await page.goto(path);
      expect(res?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
      await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
      const form = page.getByRole('main').getByRole('search');
      await expect(form).toBeVisible();
      await form.getByRole('searchbox').fill('closing date');
      await form.getByRole('button', { name: 'Search' }).click();
      // The query may travel in the query string or, kept off the server, in the fragment.
      await expect(page).toHaveURL(/\/search\/[?#]q=closing(\+|%20)date$/);
      await expect(page.locator('.pagefind-ui__result-link').first()).toBeVisible();
    });
  }
});

test.describe('sitemap', () => {
  const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);

  test('sitemap-index.xml points to sitemap-0.xml, which lists every error page', async ({ request }) => {
    const index = await request.get('/sitemap-index.xml');
    expect(index.status()).toBe(200);
    const maps = locs(await index.text());
    const sitemap0 = maps.find((u) => u.endsWith('/sitemap-0.xml'));
    expect(sitemap0, maps.join('\n')).toBeDefined();

    const res = await request.get(pathOf(sitemap0!));
    expect(res.status()).toBe(200);
    const paths = locs(await res.text()).map(pathOf);
    for (const e of errors) expect(paths).toContain(`/errors/${e.slug}/`);
    expect(paths).not.toContain('/404/');
  });
});

test.describe('console', () => {
  test('stays empty on every page in the sitemap', async ({ page, request }) => {
    test.slow();
    const index = await (await request.get('/sitemap-index.xml')).text();
    const paths: string[] = [];
    for (const [, map] of index.matchAll(/<loc>([^<]+)<\/loc>/g)) {
      const xml = await (await request.get(pathOf(map!))).text();
      for (const [, loc] of xml.matchAll(/<loc>([^<]+)<\/loc>/g)) paths.push(pathOf(loc!));
    }
    expect(paths.length).toBeGreaterThanOrEqual(errors.length + 3);
    for (const path of [...paths, '/search/?q=deposit']) {
      const res = await page.goto(path, { waitUntil: 'load' });
      expect(res?.status(), path).toBe(200);
      await page.waitForLoadState('networkidle');
    }
    // The fixture checks the console after the test.
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the home page still shows the categories, and /errors/ the plain grouped list of all', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.getByTestId('category')).toHaveCount(usedCategories.length);
    await page.getByRole('link', { name: `All ${N} export errors`, exact: true }).click();
    await expect(page).toHaveURL(/\/errors\/$/);
    await expect(page.getByTestId('catalogue-item')).toHaveCount(errors.length);
    for (const e of errors)
      await expect(page.getByRole('link', { name: e.title, exact: true })).toBeVisible();
    // The filter needs JS: without it there is no box to type into.
    await expect(page.getByRole('searchbox', { name: /Filter/ })).toHaveCount(0);
  });

  test('an error page still shows its steps', async ({ page }) => {
    const e = errors[0]!;
    await page.goto(pathOf(e.url));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(e.title);
    await expect(page.locator('ol > li#step-1')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'How to fix it' })).toBeVisible();
  });
});
