/**
 * Input that breaks naive string code: an emoji cut in half, lone surrogates from a fault body,
 * random strings full of them. The troubleshooter, the header search and the error pages must
 * answer every one of them, with an empty console (fixtures.ts). Against the built site in Chromium.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { random } from '../random';

const EMOJI = '😀';
const ready = (page: Page) =>
  expect(page.getByTestId('match-results')).toHaveAttribute('data-state', 'ready');

/** Puts the text in the box as a paste would (any length, any code units). */
async function pasteText(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => {
    const box = document.querySelector<HTMLTextAreaElement>('#paste-box')!;
    // The last answer's "ready" must not pass for this one's (the island answers after a debounce).
    document.querySelector<HTMLElement>('[data-testid="match-results"]')!.dataset['state'] = 'pending';
    box.value = t;
    box.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
  await ready(page);
}

const loadFailed = (page: Page) => page.getByText('The troubleshooter could not load');

test.describe('an emoji cut in half never breaks the troubleshooter', () => {
  test('a matching line over 500 characters with an emoji at 498–499', async ({ page }) => {
    const message =
      'BadRequest. Details: The account period has closed. Txn Date=03/14/2026 is before book closing date=03/31/2026 ';
    const line = `${message}${'x'.repeat(498 - message.length)}${EMOJI}${'y'.repeat(60)}`;
    expect(line.indexOf(EMOJI)).toBe(498);
    await page.goto('/');
    await pasteText(page, line);
    await expect(page.getByTestId('match-result').first()).toHaveAttribute(
      'data-slug',
      'txn-date-before-closing-date',
    );
    await expect(loadFailed(page)).toHaveCount(0);
    await page.getByTestId('match-result').first().getByRole('link').click();
    await expect(page.locator('#your-message')).toBeVisible();
  });

  test('a paste that matches nothing with an emoji at 199–200', async ({ page }) => {
    const text = `${'Frobnication widget quota '.repeat(8).slice(0, 199)}${EMOJI} exhausted`;
    expect(text.indexOf(EMOJI)).toBe(199);
    await page.goto('/');
    await pasteText(page, text);
    await expect(page.getByTestId('not-found')).toBeVisible();
    await expect(loadFailed(page)).toHaveCount(0);
    await page.getByRole('link', { name: 'searching the site' }).click();
    await expect(page).toHaveURL(/\/search\/#q=/);
  });

  for (const [name, body] of [
    [
      'a JSON fault body with \\ud83d',
      '{"Fault":{"Error":[{"Message":"Duplicate Name Exists Error","Detail":"The name supplied already exists. : Plumb\\ud83d Co","code":"6240"}],"type":"ValidationFault"}}',
    ],
    [
      'an XML fault body with &#xD83D;',
      '<IntuitResponse><Fault type="ValidationFault"><Error code="6240"><Message>Duplicate Name Exists Error</Message><Detail>The name supplied already exists. : Plumb&#xD83D; Co</Detail></Error></Fault></IntuitResponse>',
    ],
  ]) {
    test(`${name} (a lone surrogate)`, async ({ page }) => {
      await page.goto('/');
      await pasteText(page, body!);
      // A bare 6240 fault fits both duplicate-name pages: one group card that asks which.
      await expect(page.getByTestId('match-group')).toHaveAttribute('data-group', 'duplicate-name');
      await expect(loadFailed(page)).toHaveCount(0);
    });
  }

  test('the header search with an emoji at character 2,000', async ({ page }) => {
    const q = `${'closing date '.repeat(200).slice(0, 1999)}${EMOJI} more`;
    expect(q.indexOf(EMOJI)).toBe(1999);
    await page.goto('/guides/');
    await page.getByRole('searchbox', { name: 'Search the site' }).fill(q);
    await page.getByRole('searchbox', { name: 'Search the site' }).press('Enter');
    await expect(page).toHaveURL(/\/search\/#q=closing/);
  });
});

const PIECES = [
  '\ud83d',
  '\ude00',
  '😀',
  '\udfff\ud800',
  'QBO Class "',
  '" was not found for Business Unit "',
  'Txn Date=03/14/2026 is before book closing date=03/31/2026',
  ' ',
  '\n',
  '"',
  '&#xD83D;',
  '\\ud83d',
  '%',
  '#m=',
  '<b>',
];

/** A random string of pieces, lone surrogates among them, about `n` pieces long. */
function fuzzString(rand: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) {
    const r = rand();
    s +=
      r < 0.5
        ? PIECES[Math.floor(rand() * PIECES.length)]!
        : String.fromCharCode(Math.floor(rand() * 0xffff));
  }
  return s;
}

test.describe('fuzz: random strings with lone surrogates through every path', () => {
  for (const seed of [1, 2, 3]) {
    test(`seed ${seed}: troubleshooter, its links and tools, header search, error page`, async ({
      page,
      context,
    }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      const rand = random(seed);
      await page.goto('/');
      for (let i = 0; i < 6; i++) {
        const text = fuzzString(rand, 20 + Math.floor(rand() * 300));
        await pasteText(page, text);
        await expect(loadFailed(page), `seed ${seed}, string ${i}`).toHaveCount(0);
        const buttons = page.getByTestId('match-results').getByRole('button');
        for (const name of await buttons.allInnerTexts()) {
          const button = buttons.filter({ hasText: name }).first();
          if (name === 'Download CSV') await Promise.all([page.waitForEvent('download'), button.click()]);
          else await button.click();
        }
      }
      const q = fuzzString(rand, 2100);
      await page.getByRole('searchbox', { name: 'Search the site' }).fill(q);
      await page.getByRole('searchbox', { name: 'Search the site' }).press('Enter');
      await expect(page).toHaveURL(/\/search\/#q=/);
      const message = fuzzString(rand, 200);
      await page.goto(`/errors/class-not-found/#m=${encodeURIComponent(message.toWellFormed())}`);
      await page.evaluate((m) => {
        location.hash = `m=${m}`;
      }, message);
      await page.getByRole('button', { name: 'Copy for ticket' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Copied.' })).toBeVisible();
    });
  }
});

test.describe('"Your message" stays while the person moves about the page', () => {
  const CLOSED =
    'BadRequest. Details: The account period has closed. Txn Date=03/14/2026 is before book closing date=03/31/2026';

  test('the skip link and a #step-N link keep the panel and the tailored notes', async ({ page }) => {
    await page.goto(`/errors/txn-date-before-closing-date/#m=${encodeURIComponent(CLOSED)}`);
    const panel = page.locator('#your-message');
    const notes = page.getByTestId('tailored-note');
    await expect(panel).toBeVisible();
    await expect(notes).toHaveCount(1);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#main$/);
    await expect(panel).toBeVisible();
    await expect(notes).toHaveCount(1);
    await page.evaluate(() => {
      const a = Object.assign(document.createElement('a'), { href: '#step-2', textContent: 'step 2' });
      document.querySelector('main')!.append(a);
    });
    await page.getByRole('link', { name: 'step 2', exact: true }).click();
    await expect(page).toHaveURL(/#step-2$/);
    await expect(panel).toBeVisible();
    await expect(panel).toContainText('03/14/2026');
    await expect(notes).toHaveCount(1);
  });
});
