/**
 * The pages themselves: code blocks under the CSP, printing, step links, tickets, search quality,
 * the support contact and the cross-references. Against the built site in Chromium; every test
 * fails on console output (a CSP violation logs one) and on third-party requests.
 */
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './quality-helpers';

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
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/');
    await page.getByLabel('Paste an error message').fill(TWO);
    const card = page.locator('[data-testid="match-result"][data-slug="txn-date-before-closing-date"]');
    await expect(card.getByTestId('tailored-line')).toContainText('Move the closing date to 01/30/2026');
    await expect(card.getByTestId('tailored-line')).toContainText('dated 01/31/2026 and 02/27/2026');
    await expect(card.locator('dl.values')).toContainText('02/27/2026, 01/31/2026');
    await card.getByRole('button', { name: 'Copy for ticket' }).click();
    await expect(card.getByRole('status')).toHaveText('Copied.');
    const ticket = await page.evaluate(() => navigator.clipboard.readText());
    expect(ticket).toContain('Txn date: 02/27/2026, 01/31/2026');
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

  test('a GL account already in Parent:Sub form is not prefixed again', async ({ page }) => {
    await openWith(
      page,
      'gl-account-does-not-exist',
      'Error: GL account "Sales:Plumbing Service" does not exist in QB, but the account exists in QuickBooks Online',
    );
    await expect(noteAt(page, 1)).toContainText('already in Parent:Sub form');
    await expect(noteAt(page, 1)).not.toContainText('Parent Account:Sales');
  });

  test('the deposit note says the difference once, and what to look for', async ({ page }) => {
    await openWith(
      page,
      'deposit-total-mismatch',
      "Deposit total 137,074.50 doesn't match sum of payments 274,149.00.",
    );
    const note = noteAt(page, 1);
    await expect(note).toContainText('is 137,074.50 less than the sum of the payments, 274,149.00');
    await expect(note).toContainText('Look for payments worth 137,074.50');
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
