/**
 * The pages themselves: code blocks under the CSP, printing, step links, tickets, search quality,
 * the support contact and the cross-references. Against the built site in Chromium; every test
 * fails on console output (a CSP violation logs one) and on third-party requests.
 */
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
