import { describe, expect, it } from 'vitest';
import { labelFor } from '../../src/lib/labels';
import { tailor } from '../../src/lib/tailor';
import { triageCsv } from '../../src/lib/triage-export';
import {
  amountAdvice,
  closingDateAdvice,
  formatMoney,
  groupDigits,
  parseAccounts,
  parseDate,
  parseIdList,
} from '../../src/lib/values';

describe('dates', () => {
  it.each([
    ['03/14/2026', '2026-03-14'],
    ['3/4/2026', '2026-03-04'],
    ['2026-03-14', '2026-03-14'],
    ['3-14-26', '2026-03-14'],
  ])('%s reads as %s', (text, iso) => {
    expect(parseDate(text)?.date.toISOString().slice(0, 10)).toBe(iso);
  });

  it.each(['02/30/2026', '13/01/2026', 'MM/DD/YYYY', ''])('%s is not a date', (text) => {
    expect(parseDate(text)).toBeUndefined();
  });

  it.each([
    ['03/14/2026', '03/31/2026', 17, '03/13/2026'],
    ['03/01/2026', '03/31/2026', 30, '02/28/2026'],
    ['2026-01-01', '2026-01-31', 30, '2025-12-31'],
  ])('txn %s, closing %s: %i days apart, move the closing date to %s', (txn, closing, days, moveTo) => {
    expect(closingDateAdvice(parseDate(txn)!, parseDate(closing)!)).toMatchObject({
      daysBefore: days,
      moveTo,
    });
  });
});

describe('amounts', () => {
  it.each([
    ['1,250.00', '1,175.50', 74.5],
    ['$90.25', '100.50', -10.25],
    ['NNNNN.N', '1', undefined],
  ])('%s against %s', (deposit, payments, difference) => {
    expect(amountAdvice(deposit, payments)?.difference).toBe(difference);
  });
});

describe('numbers as people read them (without Intl, whose first call is a long task)', () => {
  it.each([
    [0, '0'],
    [999, '999'],
    [1000, '1,000'],
    [230_000, '230,000'],
    [1_234_567, '1,234,567'],
  ])('%i characters → %s', (n, text) => {
    expect(groupDigits(n)).toBe(text);
  });

  it.each([
    [0, '0.00'],
    [74.5, '74.50'],
    [-10.25, '-10.25'],
    [1250, '1,250.00'],
    [1234567.891, '1,234,567.89'],
  ])('%d → %s, as toLocaleString would write it', (n, text) => {
    expect(formatMoney(n)).toBe(text);
    expect(formatMoney(n)).toBe(
      n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    );
  });
});

describe('accounts list', () => {
  it('reads a whole list', () => {
    const r = parseAccounts(
      '[{"AccountNumber":"1200","AccountName":"Undeposited Funds","AccountType":"Asset","AccountSubtype":"Undeposited Funds"}]',
    );
    expect(r).toEqual({
      complete: true,
      rows: [{ number: '1200', name: 'Undeposited Funds', type: 'Asset', subtype: 'Undeposited Funds' }],
    });
  });

  it('keeps the whole objects of a cut-off list and says it is incomplete', () => {
    const r = parseAccounts(
      '[{"AccountNumber":"4000","AccountName":"Service Revenue","AccountType":"Revenue","AccountSubtype":"Service/Fee Income"},{"AccountNumber":"5100","AccountNa',
    );
    expect(r.complete).toBe(false);
    expect(r.rows.map((x) => x.name)).toEqual(['Service Revenue']);
  });

  it('reads id lists, whole or cut off', () => {
    expect(parseIdList('["1041", "1187"]')).toEqual(['1041', '1187']);
    expect(parseIdList('["1041", "11')).toEqual(['1041']);
  });
});

describe('tailored notes', () => {
  it('name the business units a journal entry holds that the sync peer lacks', () => {
    const [note] = tailor({
      syncPeer: '4620816365/9130350912',
      peerBusinessUnits: '["1041", "1187"]',
      entryBusinessUnits: '["52330617","1041"]',
    });
    expect(note?.text).toBe(
      'The journal entry holds business unit 52330617 that sync peer 4620816365/9130350912 is not set up for (it is set up for 1041, 1187).',
    );
  });

  it('say nothing for values they cannot read', () => {
    expect(tailor({ txnDate: 'MM/DD/YYYY', closingDate: 'MM/DD/YYYY' })).toEqual([]);
  });
});

describe('labels and exports', () => {
  it.each([
    ['txnDate', 'Txn date'],
    ['qboClass', 'QBO class'],
    ['invoiceId', 'Invoice ID'],
  ])('%s → %s', (name, label) => expect(labelFor(name)).toBe(label));

  it('CSV quotes every field and defuses spreadsheet formulas', () => {
    const csv = triageCsv([], ['=HYPERLINK("http://x")', 'plain, "quoted"']);
    expect(csv).toContain(`"(matched nothing)","","","1","","'=HYPERLINK(""http://x"")",""`);
    expect(csv).toContain(`"plain, ""quoted"""`);
  });
});
