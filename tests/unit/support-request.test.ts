import { describe, expect, it } from 'vitest';
import { matcherFromContent } from '../../src/lib/node/matcher-from-content';
import { notFoundText, REQUEST_PAGES } from '../../src/lib/support-request';
import { confidence } from '../../src/lib/outcome-words';

const { matcher } = matcherFromContent();
const SITE = 'https://help.example.test/qbo/';

describe('the request for support', () => {
  it('without guesses it holds the message and where it was checked, as before', () => {
    expect(notFoundText('Widget quota exhausted', SITE, matcher.match('Widget quota exhausted'))).toBe(
      [
        'I got a QuickBooks Online export error that is not in the knowledge base:',
        '',
        'Widget quota exhausted',
        '',
        `Checked with the troubleshooter at ${SITE}. Please help with a fix, or add an article for this error.`,
      ].join('\n'),
    );
  });

  it('says which pages the troubleshooter showed, with their confidence and address, so support sees what was looked at', () => {
    const message = 'the deposit total and the payments dont add up';
    const outcome = matcher.match(message);
    const first = outcome.results[0]!;
    expect(first.verdict).toBe('possible');
    const text = notFoundText(message, SITE, outcome);
    expect(text).toContain(
      `It showed these pages:\n- ${first.title} (possible match, ${Math.round(first.confidence * 100)}% confidence): ${SITE}errors/deposit-total-mismatch/\n`,
    );
    expect(
      text.endsWith(
        `Checked with the troubleshooter at ${SITE}. Please help with a fix, or add an article for this error.`,
      ),
    ).toBe(true);
  });

  it('names a code’s general page as the page for every rule of that code', () => {
    // A 6000 fault whose rule no page has: its general page is the `match`, and the box stays open.
    const message =
      'QB Exception 6000: A business validation error has occurred while processing your request\nBusiness Validation Error: Widget rounding not allowed';
    const outcome = matcher.match(message);
    expect(outcome.results[0]).toMatchObject({
      slug: 'business-validation-error',
      verdict: 'match',
      general: true,
    });
    expect(notFoundText(message, SITE, outcome)).toContain(
      `(match: the page for every rule of its QuickBooks code): ${SITE}errors/business-validation-error/\n`,
    );
  });

  it('says a page that is a sure match as such', () => {
    const outcome = matcher.match('Deposit total 1,250.00 doesn’t match sum of payments 1,175.50.');
    expect(outcome.results[0]).toMatchObject({ slug: 'deposit-total-mismatch', verdict: 'match' });
    expect(notFoundText('x', SITE, outcome)).toContain(`(match): ${SITE}errors/deposit-total-mismatch/\n`);
  });

  it('names the QuickBooks fault it read', () => {
    const message =
      '{"Fault":{"Error":[{"Message":"Widget Limit Error","Detail":"Widget limit reached for this company","code":"7321"}],"type":"ValidationFault"}}';
    const outcome = matcher.match(message);
    expect(outcome.fault).toMatchObject({ code: '7321', title: 'Widget Limit Error' });
    expect(notFoundText(message, SITE, outcome)).toContain(
      'The troubleshooter read it as QuickBooks error 7321 “Widget Limit Error”.\n',
    );
  });

  it(`lists at most ${REQUEST_PAGES} pages and says how many more a report showed`, () => {
    const one = matcher.match('the deposit total and the payments dont add up').results[0]!;
    const results = Array.from({ length: REQUEST_PAGES + 2 }, () => one);
    const text = notFoundText('report', SITE, { results });
    expect(text.split('\n').filter((l) => l.startsWith('- ') && l.includes('http'))).toHaveLength(
      REQUEST_PAGES,
    );
    expect(text).toContain('- …and 2 more\n');
  });
});

describe('a confidence in words', () => {
  it('is a whole percentage, and a guess that rounds to none is "under 1%", not "0%"', () => {
    expect(confidence(0.42)).toBe('42% confidence');
    expect(confidence(0.012)).toBe('1% confidence');
    expect(confidence(0.004)).toBe('under 1% confidence');
    expect(confidence(0)).toBe('under 1% confidence');
  });
});
