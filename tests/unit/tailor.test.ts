/**
 * Tailored advice must be right: every occurrence counts, dates that do not fit the error are
 * called so, names already in Parent:Sub form are recognised, amounts are said once with what to
 * look for; and the ticket carries all of it.
 */
import { describe, expect, it } from 'vitest';
import { tailor } from '../../src/lib/tailor';
import { ticketText } from '../../src/lib/ticket';
import { readableValue, valuesSeen } from '../../src/lib/values';

const text = (values: Record<string, string>, all?: Record<string, string>[]) =>
  tailor(values, all).map((n) => n.text);

describe('closing date', () => {
  it('two occurrences: the earliest date decides, and both are listed', () => {
    const all = [
      { txnDate: '02/27/2026', closingDate: '02/28/2026' },
      { txnDate: '01/31/2026', closingDate: '02/28/2026' },
    ];
    const [note] = text(all[0]!, all);
    expect(note).toContain('dated 01/31/2026 and 02/27/2026');
    expect(note).toContain('the earliest, 01/31/2026, is 28 days before the closing date 02/28/2026');
    expect(note).toContain('Move the closing date to 01/30/2026');
    expect(note).not.toContain('02/26/2026');
  });

  it.each([
    ['04/27/2026', '04/13/2026'],
    ['03/31/2026', '03/31/2026'],
  ])(
    'txn %s against closing %s: the dates do not fit this error, no negative count',
    (txnDate, closingDate) => {
      const [note] = text({ txnDate, closingDate });
      expect(note).toContain('do not fit this error');
      expect(note).not.toMatch(/-\d+ days|0 days|Move the closing date/);
    },
  );

  it('one date that fits and one that does not: advice from the one that fits, the other named', () => {
    const all = [
      { txnDate: '03/14/2026', closingDate: '03/31/2026' },
      { txnDate: '04/14/2026', closingDate: '03/31/2026' },
    ];
    const [note] = text(all[0]!, all);
    expect(note).toContain('Move the closing date to 03/13/2026');
    expect(note).toContain('One more date is not before the closing date');
  });

  it('dates written day first, as a company outside the US prints them, are read day first', () => {
    // No note before: 31/03/2026 is no month-first date.
    expect(text({ txnDate: '14/03/2026', closingDate: '31/03/2026' })[0]).toBe(
      'The transaction is dated 14/03/2026, 17 days before the closing date 31/03/2026. Move the closing date to 13/03/2026 (the day before the transaction), re-sync, then set it back to 31/03/2026.',
    );
    // One date that can only be day first decides for the others of the message, occurrences too.
    const all = [
      { txnDate: '03/04/2026', closingDate: '30/04/2026' },
      { txnDate: '10/04/2026', closingDate: '30/04/2026' },
    ];
    expect(text(all[1]!, all)[0]).toContain(
      'the earliest, 03/04/2026, is 27 days before the closing date 30/04/2026',
    );
    expect(text(all[1]!, all)[0]).toContain('Move the closing date to 02/04/2026');
  });

  it('dates that could be either are read month first, as the message is written; dates that disagree get no note', () => {
    expect(text({ txnDate: '03/04/2026', closingDate: '05/04/2026' })[0]).toContain('61 days before');
    expect(text({ txnDate: '13/03/2026', closingDate: '03/31/2026' })).toEqual([]);
  });

  it('one date, as before', () => {
    expect(text({ txnDate: '03/14/2026', closingDate: '03/31/2026' })[0]).toBe(
      'The transaction is dated 03/14/2026, 17 days before the closing date 03/31/2026. Move the closing date to 03/13/2026 (the day before the transaction), re-sync, then set it back to 03/31/2026.',
    );
  });
});

describe('GL account names', () => {
  it('a name already in Parent:Sub form is not prefixed again', () => {
    const [note] = text({ account: 'Sales:Plumbing Service' });
    expect(note).toContain('already in Parent:Sub form');
    expect(note).toContain('“Sales” exists with the sub-account “Plumbing Service”');
    expect(note).not.toContain('Parent Account:Sales');
  });

  it('a plain name gets the Parent Account: advice', () => {
    expect(text({ account: 'Sales Tax Payable' })[0]).toContain('“Parent Account:Sales Tax Payable”');
  });
});

describe('deposit totals', () => {
  it.each([
    // The difference only: where it lies (a fee, a transfer, payments left off) is not the article's
    // cause, a deposit already matched, whose fix is the step's own (session 33).
    ['137,074.50', '274,149.00', 'is 137,074.50 less than the sum of the payments, 274,149.00.', ''],
    ['1,250.00', '1,175.50', 'is 74.50 more than the sum of the payments, 1,175.50.', ''],
    ['10.00', '10.00', 'are both 10.00', 'look at what the deposit was matched to'],
  ])(
    '%s against %s: the difference once, and nothing the article does not say',
    (depositTotal, paymentsTotal, says, look) => {
      const [note] = text({ depositTotal, paymentsTotal });
      expect(note).toContain(says);
      if (look) expect(note).toContain(look);
      else expect(note).not.toMatch(/\b(?:look|fee|transfer)\b/i);
      expect(note).not.toMatch(/difference|-\d/);
      const amount = /is ([\d,.]+) (?:less|more)/.exec(note!)?.[1];
      if (amount) expect(note!.split(amount).length - 1, 'the difference said once').toBeLessThanOrEqual(3);
    },
  );

  it('an amount with a decimal comma is no amount to count with: no note rather than a hundredfold one', () => {
    // 250,00 read as 25,000: "The deposit total 25,000.00 is 7,450.00 more than … 17,550.00".
    expect(text({ depositTotal: '250,00', paymentsTotal: '175,50' })).toEqual([]);
    expect(text({ depositTotal: '1,2500.00', paymentsTotal: '1,175.50' })).toEqual([]);
    // Thousands grouped by commas, or not grouped, as before.
    expect(text({ depositTotal: '1,250', paymentsTotal: '1175.5' })[0]).toContain(
      'The deposit total 1,250.00 is 74.50 more than the sum of the payments, 1,175.50.',
    );
  });
});

describe('values that do not fit their error are said not to, rather than read as a cause', () => {
  it('a classification "mismatch" whose two types are the same', () => {
    // It said "is typed Liability, but the target account … is typed Liability. Make the two types match."
    const [note] = text({
      sourceAccount: 'Customer Refunds',
      sourceType: 'Liability',
      targetAccount: 'Customer Refunds',
      targetType: 'liability',
    });
    expect(note).toBe(
      'Both accounts are typed liability in this message, so the types do not fit this error. Check that the message was copied whole.',
    );
    expect(
      text({
        sourceAccount: 'Refunds',
        sourceType: 'Liability',
        targetAccount: 'Refunds',
        targetType: 'Revenue',
      })[0],
    ).toContain(
      'is typed Liability, but the target account “Refunds” in QuickBooks Online is typed Revenue.',
    );
  });

  it('business units the sync peer is set up for, every one', () => {
    // It said "The journal entry holds business units (none listed) that sync peer … is not set up for (it is set up for 1041)."
    const [note] = text({
      syncPeer: '4620816365/9130350912',
      peerBusinessUnits: '["1041"]',
      entryBusinessUnits: '["1041"]',
    });
    expect(note).toBe(
      'The journal entry holds only business units sync peer 4620816365/9130350912 is set up for (1041), so they do not fit this error. Check that the message was copied whole.',
    );
    expect(text({ peerBusinessUnits: '[]', entryBusinessUnits: '["1041"]' })[0]).toBe(
      'The journal entry holds business unit 1041 that sync peer is not set up for (it is set up for none).',
    );
  });
});

describe('values as people read them', () => {
  it('a JSON list of accounts reads as the accounts', () => {
    expect(
      readableValue(
        '[{"AccountNumber":"1200","AccountName":"Undeposited Funds","AccountType":"Asset"},{"AccountNumber":"2200","AccountName":"Sales Tax Payable"}]',
      ),
    ).toBe('1200 Undeposited Funds, 2200 Sales Tax Payable');
    expect(readableValue('[{"AccountNumber":"1200","AccountName":"Undep')).toBe(
      '(none readable) (list cut off)',
    );
    expect(readableValue('["1041", "1187"]')).toBe('1041, 1187');
    expect(readableValue('Plumbing')).toBe('Plumbing');
  });

  it('every occurrence’s values, distinct, in paste order', () => {
    expect(
      valuesSeen([
        { txnDate: 'a', closingDate: 'c' },
        { txnDate: 'b', closingDate: 'c' },
      ]),
    ).toEqual({
      txnDate: ['a', 'b'],
      closingDate: ['c'],
    });
  });
});

describe('"Copy for ticket"', () => {
  const input = {
    title: 'Transaction date is before the QuickBooks closing date',
    url: 'http://help.test/errors/txn-date-before-closing-date/',
    message:
      'Txn Date=02/27/2026 is before book closing date=02/28/2026\nTxn Date=01/31/2026 is before book closing date=02/28/2026',
    values: { txnDate: ['02/27/2026', '01/31/2026'], closingDate: ['02/28/2026'] },
    steps: ['Move the closing date back.', 'Re-sync the transaction.'],
    notes: [{ text: 'Move the closing date to 01/30/2026.', step: 1 }],
  };

  it('one text: verdict, every value, the note with its step link, the numbered steps, the page', () => {
    const t = ticketText({ ...input, verdict: 'match' });
    expect(t).toMatch(
      /^QuickBooks export error: Transaction date is before the QuickBooks closing date\n\nVerdict: Match/,
    );
    expect(t).toContain('- Txn date: `02/27/2026`, `01/31/2026`\n- Closing date: `02/28/2026`');
    expect(t).toContain(
      'For this message (step 1: http://help.test/errors/txn-date-before-closing-date/#step-1): Move the closing date to 01/30/2026.',
    );
    expect(t).toContain('How to fix it:\n1. Move the closing date back.\n2. Re-sync the transaction.');
    expect(t).not.toContain('Fix:');
    expect(t.split('\n').at(-1)).toBe('Details: http://help.test/errors/txn-date-before-closing-date/');
  });

  it('a possible match is marked unconfirmed', () => {
    expect(ticketText({ ...input, verdict: 'possible' })).toContain('Verdict: Possible match, not confirmed');
  });

  it("a guess at a code's general page asks no one to check it against the page's message, which it has not", () => {
    // The card shows no message to compare for such a page (session 33); the ticket still said to.
    const t = ticketText({ ...input, verdict: 'possible', general: true });
    expect(t).toContain(
      'Verdict: Possible match, not confirmed: the message only resembles this error, whose page covers every rule of one QuickBooks error code.',
    );
    expect(t).not.toContain('message on the page');
    expect(ticketText({ ...input, verdict: 'match', general: true })).toContain(
      'Verdict: Match: the troubleshooter recognised this message.',
    );
  });

  it('the message in a fenced block, its fence longer than any run of backticks in it', () => {
    expect(ticketText(input)).toContain(`Message:\n\`\`\`\n${input.message}\n\`\`\`\n`);
    const fenced = ticketText({ ...input, message: 'a ``` b\n````\nc' });
    expect(fenced).toContain('Message:\n`````\na ``` b\n````\nc\n`````\n');
  });

  it('without steps, the summary', () => {
    const t = ticketText({ ...input, steps: [], fix: 'Move the closing date.' });
    expect(t).toContain('\n\nFix: Move the closing date.\n\n');
    expect(t).not.toContain('How to fix it:');
  });
});

describe('duplicate document numbers', () => {
  it("a journal entry's number: find it and delete it, as the article says", () => {
    const [note] = text({ docNumber: '10', txnType: 'Journal Entry', txnId: '57211' });
    expect(note).toBe(
      'In QuickBooks Online, find Journal Entry number 10 (TxnId 57211) and delete it, then re-sync.',
    );
  });

  it('another type of transaction is named, and never to be deleted on our word', () => {
    for (const txnType of ['Invoice', 'Payment', 'SalesReceipt']) {
      const [note] = text({ docNumber: '1043', txnType, txnId: '8812' });
      expect(note).toContain(`QuickBooks Online already has ${txnType} number 1043 (TxnId 8812).`);
      expect(note).toContain('contact Technical Support before you delete it');
      expect(note).not.toMatch(/delete it, then/);
    }
  });
});
