/**
 * The pages themselves: code blocks under the CSP, printing, step links, tickets, search quality,
 * the support contact and the cross-references. Against the built site in Chromium; every test
 * fails on console output (a CSP violation logs one) and on third-party requests.
 */
import type { Locator, Page } from '@playwright/test';
import { MESSAGE_PREVIEW_CHARS } from '../../src/lib/matcher/limits';
import { readErrors } from './fixtures';
import { copiedBy, expect, expectNoAxeViolations, homeWith, test } from './quality-helpers';

test.describe('code blocks', () => {
  test('a fenced code block renders under the CSP: coloured by classes, no inline style', async ({
    page,
  }) => {
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content.Security.Policy|Refused to apply/i.test(m.text())) violations.push(m.text());
    });
    await page.goto('/guides/read-quickbooks-errors/');
    const block = page.locator('pre.astro-code[data-language="json"]');
    await expect(block).toBeVisible();
    await expect(block).toContainText('"Duplicate Name Exists Error"');
    expect(
      await block.evaluate(
        (pre) => pre.querySelectorAll('[style]').length + (pre.hasAttribute('style') ? 1 : 0),
      ),
    ).toBe(0);
    // Keys, strings and punctuation each get their own colour from the stylesheet.
    const colours = await block.evaluate((pre) =>
      ['ac-token-keyword', 'ac-token-string-expression', 'ac-token-punctuation'].map((c) => {
        const span = pre.querySelector(`.${c}`);
        return span ? getComputedStyle(span).color : '';
      }),
    );
    expect(colours.every(Boolean)).toBe(true);
    expect(new Set(colours).size).toBe(3);
    expect(violations).toEqual([]);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test.describe(colorScheme, () => {
      test.use({ colorScheme });
      test('its colours have enough contrast (axe)', async ({ page }) => {
        await page.goto('/guides/read-quickbooks-errors/');
        await expectNoAxeViolations(page, `code block (${colorScheme})`);
      });
    });
  }
});

const closedLine = (txn: string, closing: string) =>
  `BadRequest. Details: The account period has closed. Txn Date=${txn} is before book closing date=${closing}`;
const noteAt = (page: Page, step: number) => page.locator(`li#step-${step} [data-testid="tailored-note"]`);
const openWith = (page: Page, slug: string, message: string) =>
  page.goto(`/errors/${slug}/#m=${encodeURIComponent(message)}`);

test.describe('tailored advice is right', () => {
  const TWO = [closedLine('02/27/2026', '02/28/2026'), closedLine('01/31/2026', '02/28/2026')].join('\n');

  test('two occurrences with different dates: the earliest decides, on the card, the ticket and the page', async ({
    page,
    context,
  }) => {
    await homeWith(page, context, TWO);
    const card = page.locator('[data-testid="match-result"][data-slug="txn-date-before-closing-date"]');
    await expect(card.getByTestId('tailored-line')).toContainText('Move the closing date to 01/30/2026');
    await expect(card.getByTestId('tailored-line')).toContainText('dated 01/31/2026 and 02/27/2026');
    await expect(card.locator('dl.values')).toContainText('02/27/2026, 01/31/2026');
    await card.getByRole('button', { name: 'Copy for ticket' }).click();
    await expect(card.getByRole('status')).toHaveText('Copied.');
    const ticket = await page.evaluate(() => navigator.clipboard.readText());
    expect(ticket).toContain('Txn date: `02/27/2026`, `01/31/2026`');
    expect(ticket).toContain('Move the closing date to 01/30/2026');
    expect(ticket).not.toContain('02/26/2026');
    await card.getByRole('link', { name: /closing date/ }).click();
    await expect(noteAt(page, 1)).toContainText('the earliest, 01/31/2026, is 28 days before');
    await expect(page.locator('#your-message dl.values')).toContainText('02/27/2026, 01/31/2026');
    await expect(page.locator('#your-message var[data-name="txnDate"]')).toHaveCount(2);
  });

  test('a transaction date after the closing date: the dates do not fit, no negative count', async ({
    page,
  }) => {
    await openWith(page, 'txn-date-before-closing-date', closedLine('04/27/2026', '04/13/2026'));
    await expect(noteAt(page, 1)).toContainText('do not fit this error');
    await expect(noteAt(page, 1)).not.toContainText('-14 days');
    await expect(noteAt(page, 1)).not.toContainText('Move the closing date');
  });

  test('dates written day first are read day first, on the page and on the card', async ({
    page,
    context,
  }) => {
    // No note before: 31/03/2026 is no month-first date.
    await openWith(page, 'txn-date-before-closing-date', closedLine('14/03/2026', '31/03/2026'));
    await expect(noteAt(page, 1)).toContainText('17 days before the closing date 31/03/2026');
    await expect(noteAt(page, 1)).toContainText('Move the closing date to 13/03/2026');
    await homeWith(page, context, closedLine('03/04/2026', '30/04/2026'));
    const card = page.locator('[data-testid="match-result"][data-slug="txn-date-before-closing-date"]');
    await expect(card.getByTestId('tailored-line')).toContainText('Move the closing date to 02/04/2026');
  });

  test('a GL account already in Parent:Sub form is not prefixed again', async ({ page }) => {
    await openWith(
      page,
      'gl-account-does-not-exist',
      'Error: GL account "Sales:Plumbing Service" does not exist in QB, but the account exists in QuickBooks Online',
    );
    await expect(noteAt(page, 1)).toContainText('already in Parent:Sub form');
    await expect(noteAt(page, 1)).not.toContainText('Parent Account:Sales');
  });

  test('the deposit note says the difference once, and nothing the article does not say', async ({
    page,
  }) => {
    await openWith(
      page,
      'deposit-total-mismatch',
      "Deposit total 137,074.50 doesn't match sum of payments 274,149.00.",
    );
    const note = noteAt(page, 1);
    await expect(note).toContainText('is 137,074.50 less than the sum of the payments, 274,149.00');
    // Where the difference lies is not the article's cause (a deposit already matched): not said.
    await expect(note).not.toContainText('Look for payments');
    await expect(note).not.toContainText('difference');
  });

  test('the deposit note for a deposit over the payments says the difference once, and no fee or transfer', async ({
    page,
  }) => {
    await openWith(
      page,
      'deposit-total-mismatch',
      "Deposit total 1,250.00 doesn't match sum of payments 1,175.50.",
    );
    const note = noteAt(page, 1);
    await expect(note).toContainText('is 74.50 more than the sum of the payments, 1,175.50');
    await expect(note).not.toContainText('fee');
    await expect(note).not.toContainText('less than');
    await expect(note).not.toContainText('difference');
  });

  test.describe('at 360 px', () => {
    test.use({ viewport: { width: 360, height: 800 } });
    test('the missing accounts read as a list, and their table fits', async ({ page }) => {
      await openWith(
        page,
        'accounts-not-found',
        'The following Accounts were not found in QBO: [{"AccountNumber":"1200","AccountName":"Undeposited Funds","AccountType":"Asset","AccountSubtype":"Undeposited Funds"},{"AccountNumber":"2200","AccountName":"Sales Tax Payable","AccountType":"Liability","AccountSubtype":"Current Liability"},{"AccountNumber":"4000","AccountName":"Service Revenue for Commercial Plumbing Jobs","AccountType":"Income","AccountSubtype":"Service/Fee Income"}]',
      );
      const values = page.locator('#your-message dl.values');
      await expect(values).toContainText(
        '1200 Undeposited Funds, 2200 Sales Tax Payable, 4000 Service Revenue',
      );
      await expect(values).not.toContainText('[{');
      const table = noteAt(page, 1).getByRole('table');
      await expect(table.getByRole('row')).toHaveCount(4);
      const fit = await table.evaluate((t) => ({
        table: t.scrollWidth,
        box: t.closest('.tailored')!.clientWidth,
      }));
      expect(fit.table, 'the table fits its box').toBeLessThanOrEqual(fit.box);
    });
  });
});

test.describe('tickets and triage', () => {
  test('triage Markdown and CSV say which line, and which record, had which error', async ({
    page,
    context,
  }) => {
    await homeWith(
      page,
      context,
      [
        `2026-03-14 09:14 JE-10422 ERROR ${closedLine('03/14/2026', '03/31/2026')}`,
        '2026-03-14 09:15 JE-10423 exported',
        `2026-03-14 09:16 JE-10431 ERROR Deposit total 100.50 doesn't match sum of payments 90.25.`,
        `2026-03-14 09:17 JE-10440 ERROR ${closedLine('03/02/2026', '03/31/2026')}`,
      ].join('\n'),
    );
    await expect(page.getByTestId('triage-row')).toHaveCount(2);
    const md = await copiedBy(page, 'Copy as Markdown');
    expect(md).toMatch(
      /\| Transaction date is before .* \| 2 \| line 1 \(JE-10422\), line 4 \(JE-10440\) \|/,
    );
    expect(md).toMatch(/\| Deposit total .* \| 1 \| line 3 \(JE-10431\) \|/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    const { readFileSync } = await import('node:fs');
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv).toContain('"match","2","line 1 (JE-10422), line 4 (JE-10440)"');
  });

  /** The card's preview is the page's whole message, or its start ending in "…" when it is longer. */
  async function expectPreviewOf(card: Locator, slug: string) {
    const words = (s: string) => s.replace(/\s+/g, ' ').trim();
    const message = words(readErrors().find((e) => e.slug === slug)?.messages[0] ?? '');
    expect(message.length).toBeGreaterThan(20);
    const shown = words((await card.locator('.preview code').textContent()) ?? '');
    if (message.length <= MESSAGE_PREVIEW_CHARS) expect(shown).toBe(message);
    else {
      expect(shown, 'a cut preview says it was cut').toMatch(/…$/);
      expect(shown.length).toBeLessThanOrEqual(MESSAGE_PREVIEW_CHARS);
      expect(message.startsWith(shown.slice(0, -1))).toBe(true);
    }
  }

  test('a possible match shows a preview of its page’s message', async ({ page }) => {
    await page.goto('/');
    await page
      .getByLabel('Paste an error message')
      .fill(
        "QBO won't let the payment update because it has already been deposited; it wants me to edit the deposit and take it off first",
      );
    const card = page.locator('[data-testid="match-result"][data-verdict="possible"]').first();
    await expect(card.locator('.preview')).toContainText('The page’s message:');
    await expectPreviewOf(card, (await card.getAttribute('data-slug')) ?? '');
    await expect(page.locator('[data-testid="match-result"][data-verdict="match"] .preview')).toHaveCount(0);
  });

  test('a possible match whose page’s message is long previews its start, ending in "…"', async ({
    page,
  }) => {
    await page.goto('/');
    await page
      .getByLabel('Paste an error message')
      .fill(
        'journal entry has transactions set up to export at different levels and some are on auto export but others are not',
      );
    const card = page.locator('[data-testid="match-result"][data-verdict="possible"]').first();
    await expect(card).toHaveAttribute('data-slug', 'multi-level-auto-export');
    expect(
      readErrors().find((e) => e.slug === 'multi-level-auto-export')?.messages[0]?.length,
    ).toBeGreaterThan(MESSAGE_PREVIEW_CHARS);
    await expect(card.locator('.preview code')).toHaveText(/…$/);
    await expectPreviewOf(card, 'multi-level-auto-export');
  });
});

test.describe('steps', () => {
  test('each step has a visible "Link to step N" that copies the link to that step, without the message', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openWith(page, 'txn-date-before-closing-date', closedLine('03/14/2026', '03/31/2026'));
    const steps = page.locator('li.step');
    const n = await steps.count();
    expect(n).toBeGreaterThan(1);
    for (let i = 1; i <= n; i++)
      await expect(page.getByRole('link', { name: `Link to step ${i}` })).toBeVisible();
    await page.getByRole('link', { name: 'Link to step 2' }).click();
    await expect(page.locator('li#step-2').getByRole('status')).toHaveText('Copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(
      /^http:\/\/localhost:\d+\/errors\/txn-date-before-closing-date\/#step-2$/,
    );
    await expect(page.locator('#your-message')).toBeVisible();
  });

  test('printed, each step shows its number beside the box, and no step link', async ({ page }) => {
    await page.goto('/errors/account-period-closed/');
    await page.emulateMedia({ media: 'print' });
    const before = await page
      .locator('li#step-2')
      .evaluate((li) => [getComputedStyle(li, '::before').content, li.getAttribute('data-step')]);
    expect(before[0]).toMatch(/☐.*attr\(data-step\)|☐.*2/);
    expect(before[1]).toBe('2');
    await expect(page.getByRole('link', { name: 'Link to step 2' })).toBeHidden();
  });
});

test.describe('search quality: boilerplate stays out of the index', () => {
  const search = async (page: Page, q: string) => {
    await page.goto(`/search/#q=${encodeURIComponent(q)}`);
    await expect(page.locator('.pagefind-ui__message')).toContainText(/results? for|No results/);
    return page.locator('.pagefind-ui__result-link');
  };

  test('"closing date" does not return the 365-days page', async ({ page }) => {
    const links = await search(page, 'closing date');
    await expect(links.first()).toBeVisible();
    expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).not.toContainEqual(
      expect.stringContaining('transaction-older-than-365-days'),
    );
  });

  test('"othercurrentliability" returns only its own page, not pages that link to it', async ({ page }) => {
    const links = await search(page, 'othercurrentliability');
    await expect(links.first()).toBeVisible();
    const hrefs = [
      ...new Set(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')?.split('#')[0]))),
    ];
    expect(hrefs).toEqual(['/errors/missing-othercurrentliability/']);
  });

  test('"Highlighted parts vary" finds nothing', async ({ page }) => {
    const links = await search(page, 'highlighted parts vary');
    await expect(page.locator('.pagefind-ui__message')).toContainText('No results');
    await expect(links).toHaveCount(0);
  });
});

test.describe('support contact and cross-references', () => {
  const NOTHING = 'Widget frobnication quota exhausted for tenant 42';

  test('no support contact configured: the request box says whom to send it to, no empty mailto', async ({
    page,
  }) => {
    await page.goto('/');
    await page.getByLabel('Paste an error message').fill(NOTHING);
    const box = page.getByTestId('not-found');
    await expect(box).toContainText('Send it to whoever supports your QuickBooks export');
    await expect(box.locator('a[href^="mailto:"]')).toHaveCount(0);
  });

  test('SUPPORT_EMAIL: the email link has the recipient; SUPPORT_URL: a link to the form that carries nothing pasted', async ({
    page,
  }) => {
    await page.goto('/');
    // What the build writes from SUPPORT_EMAIL / SUPPORT_URL (src/components/Troubleshooter.astro).
    await page
      .locator('error-matcher')
      .evaluate((el) => el.setAttribute('data-support-email', 'help@support.test'));
    await page.getByLabel('Paste an error message').fill(NOTHING);
    const email = page.getByRole('link', { name: 'Email it to help@support.test' });
    await expect(email).toHaveAttribute('href', /^mailto:help@support\.test\?subject=.*&body=.*Widget/);
    await page.locator('error-matcher').evaluate((el) => {
      el.removeAttribute('data-support-email');
      el.setAttribute('data-support-url', 'https://support.test/new');
    });
    await page.getByLabel('Paste an error message').fill(`${NOTHING} again`);
    const form = page.getByRole('link', { name: 'Open the support request form' });
    await expect(form).toHaveAttribute('href', 'https://support.test/new');
  });

  test('articles the pages name are plain text without HELP_BASE_URL; the QBO status page is named, not linked', async ({
    page,
  }) => {
    await page.goto('/errors/permission-denied/');
    await expect(page.locator('main em', { hasText: 'QuickBooks export permissions' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'QuickBooks export permissions' })).toHaveCount(0);
    // No public source found gives the status page's address (docs/qbo-api-sources.md): the page
    // names it as the article does, and links nowhere it cannot vouch for.
    await page.goto('/errors/ids-server-error/');
    await expect(page.locator('main')).toContainText('Check the QBO status page for updates.');
    await expect(page.getByRole('link', { name: 'QBO status page' })).toHaveCount(0);
  });
});

test.describe('provenance', () => {
  test('a page names its source; QuickBooks’ own wordings show theirs, and a pasted one finds the page', async ({
    page,
  }) => {
    await page.goto('errors/name-already-exists/');
    await expect(page.getByTestId('source')).toHaveText('Resolve Touchless Integration export errors (QBO)');
    const wordings = page.getByTestId('qbo-wordings');
    await expect(wordings.getByRole('heading')).toHaveText('How QuickBooks words it');
    await expect(wordings).toContainText('Another customer is already using this name.');
    await expect(
      wordings.getByRole('link', { name: /Top QuickBooks Online API errors and how to handle them/ }),
    ).toHaveAttribute('href', /^https:\/\/developer\.intuit\.com\/hub\/blog\//);
    await expectNoAxeViolations(page, 'name-already-exists with QuickBooks’ wordings');

    await page.goto('/');
    await page
      .getByLabel('Paste an error message')
      .fill(
        '{"Fault":{"Error":[{"Message":"Duplicate Name Exists Error","Detail":"The name supplied already exists: Another customer is already using this name. Please use a different name.","code":"6240"}],"type":"ValidationFault"}}',
      );
    const first = page.getByTestId('match-result').first();
    await expect(first).toHaveAttribute('data-slug', 'name-already-exists');
    await expect(first).toHaveAttribute('data-verdict', 'match');
  });

  test('QuickBooks’ own wordings are shown whole, wrapped, not cut to one line', async ({ page }) => {
    for (const slug of ['invalid-company-status', 'name-already-exists']) {
      await page.goto(`errors/${slug}/`);
      const wordings = page.getByTestId('qbo-wordings').locator('code');
      expect(await wordings.count()).toBeGreaterThan(0);
      // Clipped text is wider than its box: none may be.
      for (const clipped of await wordings.evaluateAll((els) =>
        els.map((e) => e.scrollWidth > e.clientWidth + 1),
      ))
        expect(clipped, `${slug}: a QuickBooks wording is cut off`).toBe(false);
    }
  });
});

test.describe('the article, as it is', () => {
  test('the 365-days page neither highlights 365 as a value nor invents a cause', async ({ page }) => {
    await page.goto('errors/transaction-older-than-365-days/');
    await expect(page.locator('.message-block var')).toHaveCount(0);
    await expect(page.locator('.prose')).toContainText('The help article gives no cause for this error');
  });

  test("a message's own placeholders are highlighted, each time they appear", async ({ page }) => {
    // Only the first "<other user name>" was: the second and "<entity name>" read as literal text.
    await page.goto('errors/stale-object/');
    const vars = page.locator('.message-block var');
    await expect(vars).toHaveText(['<other user name>', '<other user name>', '<entity name>']);
    await expect(vars.nth(2)).toHaveAttribute('title', 'Varies');
    await page.goto('errors/invalid-reference-id/');
    await expect(page.locator('.message-block var', { hasText: 'XXXX' })).toHaveCount(1);
  });

  test('a step the article’s entry does not have is marked as its general advice', async ({ page }) => {
    for (const slug of ['ids-server-error', 'request-already-submitted']) {
      await page.goto(`errors/${slug}/`);
      await expect(page.locator('li#step-3')).toContainText(
        /This step is the help article.s general advice for every export error/,
      );
    }
  });
});
