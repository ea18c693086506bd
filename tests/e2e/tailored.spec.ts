/**
 * Using the pasted values: tailored fixes at the step where they matter, batch triage, ticket-ready
 * output, and link stability (aliases, step anchors). Against the built site in Chromium.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { marked } from 'marked';
import { expect, test } from './fixtures';
import { copiedBy, homeWith } from './quality-helpers';

const open = (page: Page, slug: string, message: string) =>
  page.goto(`/errors/${slug}/#m=${encodeURIComponent(message)}`);
/** Pasted text that would be a tracking image, live HTML and a script link if Markdown rendered it. */
const ATTACKS = [
  '![x](http://evil.test/pixel.png)',
  '<img src=x onerror=alert(1)>',
  '[a](javascript:alert(1))',
];

/** Copied text as a Markdown ticket tool shows it (marked, GFM). */
const render = (md: string) => marked.parse(md, { gfm: true, async: false });
/** The text a reader sees of HTML's character references. */
const decodeText = (html: string) =>
  html.replace(
    /&(lt|gt|quot|#39|amp);/g,
    (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e]!,
  );
/** The text of every code span and code block of rendered HTML. */
const codeTexts = (html: string) =>
  [...html.matchAll(/<code>([^<]*)<\/code>/g)].map((m) => decodeText(m[1]!));
/** What a reader of rendered Markdown could load or click beyond the site's own links: images, HTML elements, links. */
function live(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<(img|script|iframe|svg)\b[^>]*>/gi)) out.push(m[0]);
  for (const m of html.matchAll(/<a [^>]*href="([^"]*)"/gi))
    if (!/^http:\/\/localhost:\d+\//.test(m[1]!)) out.push(m[0]);
  for (const m of html.matchAll(/<[a-z][^>]*\son[a-z]+=/gi)) out.push(m[0]);
  return out;
}

const noteAt = (page: Page, step: number) => page.locator(`li#step-${step} [data-testid="tailored-note"]`);

/** Each error that carries values: a realistic message, and what must appear at which step. */
const TAILORED: { slug: string; message: string; step: number; expect: string[] }[] = [
  {
    slug: 'txn-date-before-closing-date',
    message:
      'BadRequest. Details: The account period has closed. Txn Date=03/14/2026 is before book closing date=03/31/2026',
    step: 1,
    expect: [
      '03/14/2026',
      '17 days before the closing date 03/31/2026',
      'Move the closing date to 03/13/2026',
      'set it back to 03/31/2026',
    ],
  },
  {
    slug: 'classification-mismatch',
    message:
      'Classification mismatch between Source Account (Customer Refunds, Liability) and Target Account (Customer Refunds, Revenue).',
    step: 1,
    expect: ['“Customer Refunds” is typed Liability', 'typed Revenue'],
  },
  {
    slug: 'class-not-found',
    message: 'QBO Class "Plumbing" was not found for Business Unit "Plumbing - Commercial".',
    step: 1,
    expect: ['“Plumbing - Commercial”', 'class “Plumbing”'],
  },
  {
    slug: 'business-units-not-supported',
    message:
      'JournalEntryConfigurationInvalid - BusinessUnitsNotSupported - Sync peer Qbo:4620816365/9130350912 is setup for BusinessUnits ["1041", "1187"]. However, the journal entry contains BusinessUnits ["52330617","1041"].',
    step: 1,
    expect: ['business unit 52330617', '4620816365/9130350912', 'set up for 1041, 1187'],
  },
  {
    slug: 'duplicate-document-number',
    message:
      'BadRequest. Details: Duplicate Document Number Error : You must specify a different number. This number has already been used. DocNumber=10 is assigned to TxnType=Journal Entry with TxnId=57211',
    step: 1,
    expect: ['Journal Entry number 10', 'TxnId 57211'],
  },
  {
    slug: 'deposit-total-mismatch',
    message: "Deposit total 1,250.00 doesn't match sum of payments 1,175.50.",
    step: 1,
    expect: ['1,250.00', '1,175.50', 'is 74.50 more than'],
  },
  {
    slug: 'payment-not-synchronized',
    message:
      'Applied Payment type journal entry sync error to QBO "Payment application can not be journaled at this moment. Related invoice ID=48213 is not synchronized yet."',
    step: 1,
    expect: ['Invoice ID 48213'],
  },
  {
    slug: 'gl-account-does-not-exist',
    message:
      'Error: GL account "Sales Tax Payable" does not exist in QB, but the account exists in QuickBooks Online',
    step: 1,
    expect: ['“Sales Tax Payable”', 'Parent Account:Sales Tax Payable'],
  },
  {
    slug: 'permission-denied',
    message:
      'BadRequest. Details: Permission Denied Error : To access this, sign in again or contact an administrator. Missing permission on Account to Read',
    step: 1,
    expect: ['permission to Read Account'],
  },
];

test.describe('tailored fixes name the values at the step where they matter', () => {
  for (const t of TAILORED) {
    test(t.slug, async ({ page }) => {
      await open(page, t.slug, t.message);
      await expect(page.getByRole('heading', { name: 'Your message' })).toBeVisible();
      const note = noteAt(page, t.step);
      await expect(note).toHaveCount(1);
      for (const text of t.expect) await expect(note).toContainText(text);
    });
  }

  test("a duplicate number on an invoice is named, and the journal entry's fix is not turned on it", async ({
    page,
  }) => {
    // QuickBooks gives the error for any transaction type; the article's fix (remove it, resync) is a journal entry's.
    const message =
      'BadRequest. Details: Duplicate Document Number Error : You must specify a different number. This number has already been used. DocNumber=1043 is assigned to TxnType=Invoice with TxnId=8812';
    await open(page, 'duplicate-document-number', message);
    const note = noteAt(page, 1);
    await expect(note).toContainText('QuickBooks Online already has Invoice number 1043 (TxnId 8812).');
    await expect(note).toContainText('contact Technical Support before you delete it');
    await expect(note).not.toContainText('delete it, then re-sync');
  });

  test('the journal entry key of a missing journal entry', async ({ page }) => {
    await open(
      page,
      'payment-not-synchronized',
      'Journal Entry was expected in external system, but was not found with key (JE-7781).',
    );
    await expect(noteAt(page, 1)).toContainText('key JE-7781');
  });

  test.describe('date advice works for every common date format', () => {
    for (const [txn, closing, moveTo] of [
      ['3/14/2026', '3/31/2026', '03/13/2026'],
      ['2026-03-14', '2026-03-31', '2026-03-13'],
      ['03/01/2026', '03/31/2026', '02/28/2026'],
    ]) {
      test(`${txn} before ${closing}`, async ({ page }) => {
        await open(
          page,
          'txn-date-before-closing-date',
          `The account period has closed. Txn Date=${txn} is before book closing date=${closing}`,
        );
        await expect(noteAt(page, 1)).toContainText(`Move the closing date to ${moveTo}`);
      });
    }
  });

  test('the accounts checklist is parsed from the JSON list', async ({ page }) => {
    await open(
      page,
      'accounts-not-found',
      'The following Accounts were not found in QBO: [{"AccountNumber":"1200","AccountName":"Undeposited Funds","AccountType":"Asset","AccountSubtype":"Undeposited Funds"},{"AccountNumber":"2200","AccountName":"Sales Tax Payable","AccountType":"Liability","AccountSubtype":"Current Liability"}]',
    );
    const table = noteAt(page, 1).getByRole('table');
    await expect(table.getByRole('row')).toHaveCount(3);
    await expect(table.getByRole('row').nth(1)).toContainText(
      '1200 Undeposited FundsAsset (Undeposited Funds)',
    );
    await expect(table.getByRole('row').nth(2)).toContainText(
      '2200 Sales Tax PayableLiability (Current Liability)',
    );
    await expect(noteAt(page, 1)).toContainText('2 accounts to create');
    await table.getByRole('checkbox', { name: 'Done: Sales Tax Payable' }).check();
  });

  test('a cut-off JSON list still gives the rows that parsed, and says so', async ({ page }) => {
    await open(
      page,
      'accounts-not-found',
      'The following Accounts were not found in QBO: [{"AccountNumber":"4000","AccountName":"Service Revenue","AccountType":"Revenue","AccountSubtype":"Service/Fee Income"},{"AccountNumber":"5100","AccountName":"Mater',
    );
    const note = noteAt(page, 1);
    await expect(note.getByRole('row')).toHaveCount(2);
    await expect(note).toContainText('Service Revenue');
    await expect(note).toContainText('cut off or broken: only the first 1 could be read');
  });

  test('a value holding HTML is shown as text', async ({ page }) => {
    await open(
      page,
      'class-not-found',
      'QBO Class "<img src=x onerror=window.__xss=1>" was not found for Business Unit "<b>HVAC</b>".',
    );
    await expect(noteAt(page, 1)).toContainText('“<b>HVAC</b>”');
    await expect(
      page.locator('[data-testid="tailored-note"] b, [data-testid="tailored-note"] img'),
    ).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  });

  test('the result card shows the one-line version', async ({ page }) => {
    await page.goto('/');
    await page
      .getByLabel('Paste an error message')
      .fill("Deposit total 1,250.00 doesn't match sum of payments 1,175.50.");
    await expect(page.getByTestId('tailored-line')).toContainText('is 74.50 more than');
  });
});

test.describe('batch triage', () => {
  const lines: string[] = [];
  for (let i = 0; i < 500; i++) {
    if (i % 5 === 0)
      lines.push(
        `2026-03-14 09:${String(i % 60).padStart(2, '0')}:00 ERROR BadRequest. Details: The account period has closed. Txn Date=03/${String((i % 28) + 1).padStart(2, '0')}/2026 is before book closing date=03/31/2026`,
      );
    else if (i % 10 === 1) lines.push(`Deposit total ${i}.00 doesn't match sum of payments ${i - 1}.50.`);
    else if (i % 25 === 2)
      lines.push(`QBO Class "Class ${i % 3}" was not found for Business Unit "Unit ${i % 3}".`);
    else lines.push(`Exported batch ${i}: 12 invoices, 3 payments`);
  }
  const counts = { 'txn-date-before-closing-date': 100, 'deposit-total-mismatch': 50, 'class-not-found': 20 };

  test('a 500-line mixed paste gets one row per distinct error with its count', async ({ page }) => {
    await page.goto('/');
    await page.evaluate((t) => {
      const box = document.querySelector<HTMLTextAreaElement>('#paste-box')!;
      box.value = t;
      box.dispatchEvent(new Event('input', { bubbles: true }));
    }, lines.join('\n'));
    await expect(page.getByTestId('match-results')).toHaveAttribute('data-state', 'ready');
    const rows = page.getByTestId('triage-row');
    await expect(rows).toHaveCount(3);
    for (const [slug, n] of Object.entries(counts))
      await expect(page.locator(`[data-testid="triage-row"][data-slug="${slug}"]`)).toHaveAttribute(
        'data-count',
        String(n),
      );
    await expect(page.locator('[data-testid="triage-row"][data-slug="class-not-found"]')).toContainText(
      'Business unit: Unit 2, Unit 0, Unit 1',
    );
    await expect(page.getByTestId('unmatched-lines')).toContainText('matched nothing');
  });

  test('a report line that matched nothing can be looked up alone, in a new tab that shows its guess', async ({
    page,
    context,
  }) => {
    // In a report only sure matches count, so this line's guess (the class page, said in other
    // words) is not in the triage; before, the list of lines that matched nothing had no way to it.
    const line = 'Export invoice 1044 failed: QBO Class "Plumbing" not found for business unit Service';
    await homeWith(page, context, `${lines[0]}\n${line}`);
    await expect(page.getByTestId('triage-row')).toHaveCount(1);
    const unmatched = page.getByTestId('unmatched-lines');
    await unmatched.locator('summary').click();
    const link = unmatched.getByRole('link', { name: 'look it up alone' });
    await expect(link).toHaveAttribute('href', `/#q=${encodeURIComponent(line)}`);
    const [tab] = await Promise.all([context.waitForEvent('page'), link.click()]);
    await expect(tab.locator('#paste-box')).toHaveValue(line);
    await expect(tab.locator('[data-testid="match-result"][data-slug="class-not-found"]')).toBeVisible();
    // The report stays where it was.
    await expect(page.getByTestId('triage-row')).toHaveCount(1);
  });

  test("a log's routine lines and a stack trace's own lines are not listed as lines that matched nothing", async ({
    page,
    context,
  }) => {
    // Before session 37's fixes, the JSON line logged at info, the traceback's header and its
    // source line were listed with the one error line that matched nothing.
    await homeWith(
      page,
      context,
      [
        '{"level":"info","time":"2026-12-01T02:00:00Z","msg":"Deposit run 31 started for 4 deposits"}',
        'Traceback (most recent call last):',
        '  File "/opt/exporter/qbo.py", line 7, in push_deposit',
        '    raise QboError(resp.text)',
        'exporter.qbo.QboError: Deposit total does not match sum of payments',
        'KeyError: the widget frobnicator',
      ].join('\n'),
    );
    await expect(
      page.locator('[data-testid="triage-row"][data-slug="deposit-total-mismatch"]'),
    ).toBeVisible();
    const unmatched = page.getByTestId('unmatched-lines');
    await unmatched.locator('summary').click();
    await expect(unmatched.locator('li code')).toHaveText(['KeyError: the widget frobnicator']);
  });

  test('copies as Markdown and downloads as CSV', async ({ page, context }) => {
    await homeWith(page, context, lines.slice(0, 30).join('\n'));
    await expect(page.getByTestId('triage-row')).toHaveCount(3);
    const md = await copiedBy(page, 'Copy as Markdown');
    expect(md).toContain('| Error | Count | Lines | Values seen | Fix |');
    expect(md).toMatch(
      /\| Transaction date is before the QuickBooks closing date \| 6 \| line 1, line 6, .* \| Txn date: .*03\/01\/2026.* \| http:\/\/localhost:\d+\/errors\/txn-date-before-closing-date\/ \|/,
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.split('\r\n')[0]).toBe('error,slug,verdict,count,lines,values_seen,fix_url');
    expect(csv).toContain(
      '"Transaction date is before the QuickBooks closing date","txn-date-before-closing-date","match","6"',
    );
  });
});

test.describe('triage "Copy as Markdown"', () => {
  test('pasted links, images and HTML stay text in "Values seen" and "Lines that matched nothing"', async ({
    page,
    context,
  }) => {
    await homeWith(
      page,
      context,
      [
        ...ATTACKS.map((a) => `QBO Class "${a}" was not found for Business Unit "Plumbing".`),
        `Deposit total 100.50 doesn't match sum of payments 90.25.`,
        ...ATTACKS.map((a) => `Widget frobnication ${a} quota exhausted`),
      ].join('\n'),
    );
    await expect(page.getByTestId('triage-row')).toHaveCount(2);
    const md = await copiedBy(page, 'Copy as Markdown');
    const html = render(md);
    expect(live(html), 'links, images and HTML that came out live').toEqual([]);
    expect(html).toContain('<table>');
    // What a reader sees: every pasted value, and every line that matched nothing, as text.
    const seen = decodeText(html.replace(/<[^>]+>/g, ''));
    for (const a of ATTACKS) {
      expect(seen).toContain(a);
      expect(seen).toContain(`Widget frobnication ${a} quota exhausted`);
    }
  });
});

test.describe('ticket-ready output', () => {
  test('"Copy for ticket" on a result gives title, verdict, message, values, the numbered steps and the link', async ({
    page,
    context,
  }) => {
    await homeWith(page, context, "Deposit total 1,250.00 doesn't match sum of payments 1,175.50.");
    const text = await copiedBy(page, 'Copy for ticket');
    expect(text).toContain('QuickBooks export error: Deposit total');
    expect(text).toContain(
      "Message:\n```\nDeposit total 1,250.00 doesn't match sum of payments 1,175.50.\n```",
    );
    expect(text).toContain('Deposit total: `1,250.00`');
    expect(text).toContain('Verdict: Match');
    expect(text).toMatch(/How to fix it:\n1\. Unmatch the deposit .+\n2\. Re-sync/);
    expect(text).toContain('is 74.50 more than');
    expect(text).toMatch(/Details: http:\/\/localhost:\d+\/errors\/deposit-total-mismatch\/$/m);
  });

  test('"Copy for ticket" gives one text that is safe as Markdown: pasted links, images and HTML stay text', async ({
    page,
    context,
  }) => {
    await homeWith(
      page,
      context,
      [
        `QBO Class "${ATTACKS[0]}" was not found for Business Unit "${ATTACKS[1]}".`,
        `QBO Class "${ATTACKS[2]}" was not found for Business Unit "Plumbing".`,
      ].join('\n'),
    );
    const ticket = await copiedBy(page, 'Copy for ticket');
    const html = render(ticket);
    expect(live(html), 'links, images and HTML that came out live').toEqual([]);
    // Every value is still there, as text a reader sees (in code), and the page and steps are linked.
    const codes = codeTexts(html);
    for (const attack of [...ATTACKS, 'Plumbing']) expect(codes).toContain(attack);
    expect(codes.some((c) => c.includes(`QBO Class "${ATTACKS[0]}"`))).toBe(true);
    expect(html).toMatch(/<ol>\s*<li>/);
    expect(html).toMatch(/<a href="http:\/\/localhost:\d+\/errors\/class-not-found\/">/);
  });

  test('"Copy for ticket" on a possible match says the match is not confirmed', async ({ page, context }) => {
    await homeWith(
      page,
      context,
      "QBO won't let the payment update because it has already been deposited; it wants me to edit the deposit and take it off first",
    );
    const card = page.locator('[data-testid="match-result"][data-verdict="possible"]').first();
    await expect(card).toHaveAttribute('data-slug', 'transaction-deposited');
    const text = await copiedBy(card, 'Copy for ticket');
    expect(text).toContain('Verdict: Possible match, not confirmed');
    expect(text).not.toContain('Verdict: Match');
    expect(text).toMatch(/Details: http:\/\/localhost:\d+\/errors\/transaction-deposited\/$/m);
  });

  test('"Copy for ticket" on an error page links the chosen step', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/errors/account-period-closed/#step-4');
    await page.getByRole('button', { name: 'Copy for ticket' }).click();
    const text = await page.evaluate(() => navigator.clipboard.readText());
    expect(text).toContain('QuickBooks export error: ');
    expect(text).toMatch(/Details: http:\/\/localhost:\d+\/errors\/account-period-closed\/#step-4$/m);
  });

  test('"Not in the knowledge base?" offers a request with the message in it', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/');
    // As a build with SUPPORT_EMAIL writes it (src/components/Troubleshooter.astro).
    await page
      .locator('error-matcher')
      .evaluate((el) => el.setAttribute('data-support-email', 'help@support.test'));
    await page.getByLabel('Paste an error message').fill('Widget frobnication quota exhausted for tenant 42');
    await expect(page.getByTestId('not-found')).toBeVisible();
    expect(await copiedBy(page, 'Copy request for support')).toContain(
      'Widget frobnication quota exhausted for tenant 42',
    );
    const mailto = await page
      .getByRole('link', { name: 'Email it to help@support.test' })
      .getAttribute('href');
    expect(decodeURIComponent(mailto ?? '')).toContain('Widget frobnication quota exhausted');
  });

  test('the request under guesses lists the pages shown, with their confidence and address', async ({
    page,
    context,
  }) => {
    // Before, it held the message alone: support could not see which pages the user had already read.
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/');
    await page
      .locator('error-matcher')
      .evaluate((el) => el.setAttribute('data-support-email', 'help@support.test'));
    await page
      .getByLabel('Paste an error message')
      .fill(
        "QBO won't let the payment update because it has already been deposited; it wants me to edit the deposit and take it off first",
      );
    const first = page.getByTestId('match-result').first();
    await expect(first).toHaveAttribute('data-verdict', 'possible');
    const title = (await first.getByRole('link').first().textContent())?.trim() ?? '';
    const percent = Math.round(Number(await first.getAttribute('data-confidence')) * 100);
    const line = new RegExp(
      `^- ${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(possible match, ${percent}% confidence\\): http://localhost:\\d+/errors/transaction-deposited/$`,
      'm',
    );
    expect(await copiedBy(page, 'Copy request for support')).toMatch(line);
    const mailto = await page
      .getByRole('link', { name: 'Email it to help@support.test' })
      .getAttribute('href');
    expect(decodeURIComponent(mailto ?? '')).toMatch(line);
  });
});

test.describe('link stability', () => {
  test('an old slug redirects to its page and keeps the step anchor', async ({ page }) => {
    await page.goto('/errors/closing-date/#step-2');
    await expect(page).toHaveURL(/\/errors\/txn-date-before-closing-date\/#step-2$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Transaction date is before the QuickBooks closing date',
    );
  });

  test('an old slug redirects without JavaScript too', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/errors/closing-date/');
    await expect(page).toHaveURL(/\/errors\/txn-date-before-closing-date\/$/);
    await context.close();
  });

  // Step anchors never change meaning: a ticket that links #step-2 must keep pointing at the same
  // instruction. Changing a step's wording on purpose means updating step-anchors.json in review.
  const snapshot = JSON.parse(
    readFileSync(fileURLToPath(new URL('./step-anchors.json', import.meta.url)), 'utf8'),
  ) as Record<string, Record<string, string>>;
  for (const [slug, steps] of Object.entries(snapshot)) {
    test(`step anchors of ${slug} keep their meaning`, async ({ page }) => {
      await page.goto(`/errors/${slug}/`);
      for (const [id, start] of Object.entries(steps)) {
        const text = (await page.locator(`li#${id}`).innerText()).replace(/\s+/g, ' ').trim();
        expect(text.startsWith(start), `${slug} #${id}: "${text.slice(0, 60)}"`).toBe(true);
      }
    });
  }
});
