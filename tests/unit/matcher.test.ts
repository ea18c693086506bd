import { describe, expect, it } from 'vitest';
import { triageRows } from '../../src/lib/triage';
import { matcherFromContent } from '../../src/lib/node/matcher-from-content';
import { messageVariants } from '../../src/lib/matcher/variants';
import { fullMatcher, matcherOfIndex } from '../../src/lib/matcher/full';
import { createMatcher, type Scored } from '../../src/lib/matcher/match';
import { createFuzzy } from '../../src/lib/matcher/fuzzy';
import {
  decodeEntities,
  otherSystem,
  stackFrame,
  unwrapFaults,
  type Fault,
} from '../../src/lib/matcher/unwrap';
import { scalePages, syntheticPages } from '../../bench/synthetic';
import { gzipSync } from 'node:zlib';
import Fuse from 'fuse.js';
import { normalizeInput, repairMojibake } from '../../src/lib/matcher/normalize';
import { fuzzyKey, keywordWords } from '../../src/lib/matcher/words';
import { KEYWORDS_FIELD } from '../../src/lib/matcher/types';
import { MAX_FAULT_PAGES, MAX_INPUT_CHARS, MESSAGE_PREVIEW_CHARS } from '../../src/lib/matcher/limits';
import { buildIndex, indexSource } from '../../src/lib/matcher/build-index';
import type { FeatureName } from '../../src/lib/matcher/model';

const { matcher, entries } = matcherFromContent();
const top = (text: string) => matcher.match(text).results[0];
const matches = (text: string) =>
  matcher
    .match(text)
    .results.filter((r) => r.verdict === 'match')
    .map((r) => r.slug);

describe('exact patterns with typed values', () => {
  it.each([
    [
      'BadRequest. Details: The account period has closed. Txn Date=03/14/2026 is before book closing date=03/31/2026',
      'txn-date-before-closing-date',
      { txnDate: '03/14/2026', closingDate: '03/31/2026' },
    ],
    [
      'QBO Class "Plumbing" was not found for Business Unit "Plumbing - Commercial".',
      'class-not-found',
      { qboClass: 'Plumbing', businessUnit: 'Plumbing - Commercial' },
    ],
    [
      'BadRequest. Details: Duplicate Document Number Error : You must specify a different number. This number has already been used. DocNumber=10 is assigned to TxnType=Journal Entry with TxnId=57211',
      'duplicate-document-number',
      { docNumber: '10', txnType: 'Journal Entry', txnId: '57211' },
    ],
    [
      "Deposit total 1,250.00 doesn't match sum of payments 1,175.50.",
      'deposit-total-mismatch',
      { depositTotal: '1,250.00', paymentsTotal: '1,175.50' },
    ],
    // Wrapped inside the pattern's longest literal run, which the matcher looks for before the regex runs.
    ['There was an error while communicating\r\nwith the  Ids Server.', 'ids-server-error', {}],
    [
      'QBO Class "HVAC" was not found for Business\nUnit "HVAC - Residential".',
      'class-not-found',
      { qboClass: 'HVAC', businessUnit: 'HVAC - Residential' },
    ],
  ])('%s → %s', (text, slug, values) => {
    const r = top(text);
    expect(r?.slug).toBe(slug);
    expect(r?.verdict).toBe('match');
    expect(r?.values).toMatchObject(values);
  });
});

describe('near-duplicates are told apart, or honestly not', () => {
  it.each([
    [
      'Validation Exception was thrown.Details:The name supplied already exists. : null.',
      ['account-name-already-exists'],
    ],
    ['BadRequest. Details: The name supplied already exists. : null', ['name-already-exists']],
    [
      'The name supplied already exists. : Another account is already using this name. Please use a different name.',
      ['account-name-already-exists'],
    ],
    [
      'The name supplied already exists. : Another customer, vendor or employee is already using this name.',
      ['name-already-exists'],
    ],
    // The account page's wrapper, but QuickBooks' detail names a customer, vendor or employee: two
    // pages' patterns on one line, which the full model weighs.
    [
      'Validation Exception was thrown.Details:The name supplied already exists. : Another customer, vendor or employee is already using this name. Please use a different name.',
      ['name-already-exists'],
    ],
    [
      'BadRequest. Details: The account period has closed and the account books cannot be updated through the QBO Services API.',
      ['account-period-closed'],
    ],
  ])('%s → only %j is a match', (text, expected) => {
    expect(matches(text)).toEqual(expected);
  });

  it.each([
    ['The name supplied already exists. : null', ['account-name-already-exists', 'name-already-exists']],
    ['The account period has closed', ['account-period-closed', 'txn-date-before-closing-date']],
    ['Error code 6240', ['account-name-already-exists', 'name-already-exists']],
    ['Details:The name suplied already exists', ['account-name-already-exists', 'name-already-exists']],
  ])('%s → both pages possible, none a match', (text, slugs) => {
    const { results } = matcher.match(text);
    expect(results.filter((r) => r.verdict === 'match')).toEqual([]);
    expect(results.map((r) => r.slug)).toEqual(expect.arrayContaining(slugs));
  });

  it('a cut-off message whose words both near-duplicates share is no match, and one of them comes first', () => {
    // Cut where the two part ("closed and the account books…", "closed. Txn Date=…"): "…closed and
    // the" is account-period-closed's alone, and a `match` for it since session 20.
    const { results } = matcher.match('BadRequest. Details: The account period has closed');
    expect(results.filter((r) => r.verdict === 'match')).toEqual([]);
    expect(['account-period-closed', 'txn-date-before-closing-date']).toContain(results[0]?.slug);
  });
});

describe('real paste shapes', () => {
  it.each([
    [
      'json fault',
      '{"Fault":{"Error":[{"Message":"Duplicate Name Exists Error","Detail":"The name supplied already exists. : Another customer, vendor or employee is already using this name. Please use a different name.","code":"6240","element":""}],"type":"ValidationFault"},"time":"2026-03-14T10:22:01.512-07:00"}',
      'name-already-exists',
    ],
    [
      'json fault, lowercase keys',
      '{"fault":{"error":[{"message":"Deposited Transaction cannot be changed","detail":"This transaction has been deposited. If you want to change or delete it, you must edit the deposit it appears on and remove it first.","code":"6540"}],"type":"ValidationFault"}}',
      'transaction-deposited',
    ],
    [
      'xml fault',
      '<IntuitResponse xmlns="http://schema.intuit.com/finance/v3"><Fault type="ValidationFault"><Error code="6140"><Message>Duplicate Document Number Error</Message><Detail>You must specify a different number. This number has already been used. DocNumber=2231 is assigned to TxnType=Journal Entry with TxnId=8812</Detail></Error></Fault></IntuitResponse>',
      'duplicate-document-number',
    ],
    [
      'code and title only',
      'QB Exception 6540: Deposited Transaction cannot be changed',
      'transaction-deposited',
    ],
    [
      'log prefix',
      '2026-03-14 09:12:44,118 ERROR [GLExportWorker] There was an error while communicating with the Ids Server.',
      'ids-server-error',
    ],
    [
      'smart quotes and NBSP',
      'QBO\u00a0Class \u201cHVAC\u201d was not found for Business Unit \u201cHVAC - Residential\u201d.',
      'class-not-found',
    ],
    [
      'line wrap',
      'BadRequest. Details: The account period has closed. Txn Date=03/14/2026 is before\r\nbook closing date=03/31/2026',
      'txn-date-before-closing-date',
    ],
    [
      'prose around',
      'Hi team, since Monday every export fails with "Entity with Key = \'BusinessUnit, (0)\' does not exist" — please help',
      'business-unit-missing',
    ],
    [
      'csv export cell, quotes doubled',
      'Journal Entry,70461,"Garage Doors",3/7/2026,"6228.90",Failed,"GL account ""Subcontractors"" does not exist in QB"',
      'gl-account-does-not-exist',
    ],
    [
      'tab-separated cell',
      'Payment\t97717\tFailed\t"QBO Class ""Electrical:Service"" was not found for Business Unit ""Electrical - Service""."',
      'class-not-found',
    ],
    ['typo', 'There was an eror while comunicating with the Ids Server', 'ids-server-error'],
    [
      'cut off',
      'You cannot delete this transaction because it is matched to a transaction that was…',
      'matched-to-different-account',
    ],
    // Copied from HTML (a ticket system's source): its character references are read. Before, a
    // guess at 98%: "doesn&#39;t" is not the pattern's "doesn't".
    [
      'html',
      '<div>Export failed:<br>Deposit total 1,250.00 doesn&#39;t match sum of payments 1,175.50.</div>',
      'deposit-total-mismatch',
    ],
    [
      'html, named references',
      'QBO Class &quot;Plumbing&quot; was not found for Business&nbsp;Unit &ldquo;Plumbing &amp; Drains&rdquo;.',
      'class-not-found',
    ],
  ])('%s', (_kind, text, slug) => {
    expect(top(text)?.slug).toBe(slug);
    expect(matches(text), 'a confident match, and the only one').toEqual([slug]);
  });

  it('a short title in its wrapper, its detail cut off, puts its page first', () => {
    // Cut before the detail says which page: the right page first, at least as a `possible`.
    const { results } = matcher.match(
      'BadRequest. Details: Permission Denied Error : To access this, sign in aga…',
    );
    expect(results[0]?.slug).toBe('permission-denied');
    expect(results[0]?.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('finds a page from a person’s own words, without claiming a match', () => {
    const { results } = matcher.match('closing date error when exporting');
    expect(results.map((r) => r.slug)).toEqual(expect.arrayContaining(['txn-date-before-closing-date']));
  });
});

/** The exact stage alone, as the browser runs it before fuzzy search is loaded. */
const exactOnly = createMatcher(buildIndex(entries.map(indexSource)).core);

describe('an XML fault body with its XML declaration', () => {
  const body =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<IntuitResponse xmlns="http://schema.intuit.com/finance/v3"><Fault type="ValidationFault"><Error code="5010"><Message>Stale Object Error</Message><Detail>Stale Object Error : You and Dana Ruiz were working on this at the same time. Dana Ruiz finished before you did, so your work was not saved.</Detail></Error></Fault></IntuitResponse>';
  it.each([
    ['on a line of its own', body],
    ['on the same line', body.replace('\n', '')],
  ])('%s: answered by the exact stage alone, no line left for fuzzy search', (_name, text) => {
    const outcome = exactOnly.match(text);
    expect(outcome.results.map((r) => [r.slug, r.verdict])).toEqual([['stale-object', 'match']]);
    expect(outcome.unmatched).toEqual([]);
    expect(outcome.needsFuzzy).toBe(false);
  });

  it('after the words of an SDK: only those words are left over', () => {
    const outcome = exactOnly.match(
      `QuickbooksException: Error reading json response: ${body.replace('\n', '')}`,
    );
    expect(outcome.results.map((r) => [r.slug, r.verdict])).toEqual([['stale-object', 'match']]);
    expect(outcome.unmatched).toEqual(['QuickbooksException: Error reading json response:']);
  });
});

describe('character references', () => {
  it.each([
    ['doesn&#39;t', "doesn't"],
    ['&quot;Fuel&quot; &amp; &lt;Gas&gt;', '"Fuel" & <Gas>'],
    ['A&nbsp;B&#x2019;s &hellip;', 'A B’s …'],
    ['&copy; and &unknown; stay', '&copy; and &unknown; stay'],
    ['&#0; &#1114112;', '   '],
  ])('%s', (text, read) => expect(decodeEntities(text)).toBe(read));
});

describe('an HTTP status without its words', () => {
  it.each([
    // Each was throttling at 47% and a server error at 37%, whatever the status.
    ['Error: Request failed with status code 401', 'reconnect-quickbooks'],
    ['Error: Request failed with status code 429', 'throttle-exceeded'],
    ['Error: Request failed with status code 500', 'qbo-server-error'],
    // Three guesses at 50-53% before, the outage and company-status pages close behind.
    ['QuickBooks returned status 401', 'reconnect-quickbooks'],
  ])('%s → %s', (text, slug) => {
    const [first, second] = matcher.match(text).results;
    expect(first).toMatchObject({ slug, verdict: 'possible' });
    expect(first!.confidence).toBeGreaterThan(0.6);
    expect(second?.confidence ?? 0).toBeLessThan(0.4);
  });
});

describe('text that went through another encoding', () => {
  it.each([
    ['doesnâ€™t', 'doesn’t'],
    ['Ã©tÃ© cafÃ©', 'été café'],
    ['â€œFuelâ€\u009d', '“Fuel”'],
    ['ðŸ˜€ and â‚¬5', '😀 and €5'],
    // Not UTF-8 written out: Latin text, a lead character alone, a sequence UTF-8 does not allow.
    ['naïve café à la', 'naïve café à la'],
    ['Ã alone', 'Ã alone'],
    ['Ã€Ã', 'ÀÃ'],
    ['ð€', 'ð€'],
  ])('%s reads %s', (text, read) => expect(repairMojibake(text)).toBe(read));

  it.each([
    // UTF-8 read as Windows-1252 (a CSV opened in a spreadsheet): no result at all before, as the
    // apostrophe's three characters hid its "not".
    'Deposit total 1,250.00 doesnâ€™t match sum of payments 1,175.50.',
    // A log that writes its JSON escapes out: a 38% guess before.
    'sync failed: "Deposit total 1,250.00 doesn\\u2019t match sum of payments 1,175.50."',
  ])('the message is found by its pattern, values and all: %s', (text) => {
    expect(matcher.match(text).results[0]).toMatchObject({
      slug: 'deposit-total-mismatch',
      verdict: 'match',
      values: { depositTotal: '1,250.00', paymentsTotal: '1,175.50' },
    });
  });
});

describe('the frames of a stack trace', () => {
  it.each([
    'at Intuit.Ipp.DataService.DataService.Add[T](T entity)',
    '   at Intuit.Ipp.Core.Rest.SyncRestHandler.GetResponse(HttpWebRequest request) in C:\\src\\Sync.cs:line 42',
    'at com.intuit.ipp.interceptors.HandleResponseInterceptor.execute(HandleResponseInterceptor.java:99)',
    'at Object.<anonymous> (/srv/sync/export.js:10:5)',
    'at async QboExporter.push (/srv/sync/export.js:88:13)',
    '--- End of inner exception stack trace ---',
    'File "/srv/sync/qbo.py", line 212, in push_invoice',
    // JavaScript's frames of a function without a dotted name, and of none (axios' 401, for one).
    '    at settle (/app/node_modules/axios/lib/core/settle.js:17:12)',
    'at async run (file:///app/export.mjs:10:3)',
    'at /app/index.js:3:9',
    'at run (C:\\app\\export.js:1:2)',
  ])('%s is a frame', (line) => expect(stackFrame(line)).toBe(true));

  it.each([
    'at least one line must be entered',
    'at Intuit: the account period has closed',
    'Duplicate Document Number Error at JE 10422',
    'File not found: export.csv',
    'at 10:30:45',
    'at noon (12:30:45)',
  ])('%s is not', (line) => expect(stackFrame(line)).toBe(false));

  it('are neither searched nor listed as lines that matched nothing', () => {
    const paste = [
      'Intuit.Ipp.Exception.ValidationException: Validation Exception was thrown. Details: The account period has closed and the account books cannot be updated through the QBO Services API. Please use the QBO website to make these changes.',
      '   at Intuit.Ipp.Exception.IdsExceptionManager.HandleException(IdsException idsException)',
      '   at Intuit.Ipp.Core.Rest.SyncRestHandler.GetResponse(HttpWebRequest request)',
      '   at Intuit.Ipp.DataService.DataService.Add[T](T entity)',
    ].join('\n');
    const outcome = exactOnly.match(paste);
    expect(outcome.results.map((r) => [r.slug, r.verdict])).toEqual([['account-period-closed', 'match']]);
    expect(outcome.unmatched).toEqual([]);
    expect(outcome.needsFuzzy).toBe(false);
    expect(outcome.lines).toBe(4);
  });
});

describe('a QBO code or title is evidence, not an override', () => {
  it.each([
    ['bare code on a QuickBooks failure line', 'QuickBooks returned 6140 for this journal entry'],
    ['short title alone', 'Duplicate Document Number Error'],
  ])('%s: its page comes first, and nothing else is a match', (_kind, text) => {
    expect(top(text)?.slug).toBe('duplicate-document-number');
    expect(matches(text).filter((s) => s !== 'duplicate-document-number')).toEqual([]);
  });
});

describe('what decides `match` weighs the features together (boosted trees)', () => {
  // A logistic regression gave each feature one weight whatever the others said: a QBO code with
  // its title and nothing else, or the second half of a message, stayed a suggestion (q 0.1–0.6).
  it.each([
    [
      'a QBO code and its title, alone',
      'Error code 6140: Duplicate Document Number Error',
      'duplicate-document-number',
    ],
    [
      'the second half of a message',
      'transaction which is 365 days or older',
      'transaction-older-than-365-days',
    ],
    [
      'the second half of a message, with its values',
      "doesn't match sum of payments 7,210.35.",
      'deposit-total-mismatch',
    ],
  ])('%s is a match: %s', (_kind, text, slug) => {
    expect(matches(text)).toEqual([slug]);
  });

  it('a `match` the logistic is unsure of is shown with the confidence matches earn', () => {
    // The confidence shown was Platt-scaled from `right` alone, so this `match` (the trees are sure:
    // it quotes the message, typos and all) showed 66%, less than many a `possible`. Matches are
    // right nearly every time; the scaling now reads the verdict too.
    const text =
      'Object Not Foud : Something your trying to use has been made inactve. Check the fields with acounts, customers, items, vendors or employes.';
    expect(matches(text)).toEqual(['object-not-found-inactive']);
    expect(top(text)?.confidence).toBeGreaterThanOrEqual(0.8);
  });

  it('a near-miss from another system that holds a pattern of a page is still no match', () => {
    const text =
      'GitLab: Missing permission on repository to Push. Ask a project maintainer to give you the Developer role.';
    expect(matches(text)).toEqual([]);
  });

  // Trees alone gave these q 0.70–0.87 (5a76b44), under the 0.92 line: fragments of a message that
  // carried the page's QBO title were labelled "not a quote", so a short segment with the title was
  // not one.
  it.each([
    ['Error 5010: Stale Object Error', 'stale-object'],
    ['3200 AuthenticationFailed', 'reconnect-quickbooks'],
    ['QBO 2170 Invalid Enumeration', 'invalid-enumeration'],
    ['Error 120 Authorization Failure', 'authorization-failure'],
  ])('a QBO code with its title, nothing else, is a match: %s', (text, slug) => {
    expect(matches(text)).toEqual([slug]);
  });

  // The trees start from a linear term: a rare feature that says much keeps its weight.
  it.each([
    [
      'the opposite news ("was found")',
      'QBO Class "Plumbing" was found for Business Unit "Plumbing - Commercial" (mapping OK).',
    ],
    [
      'another word in place of the message\'s own ("Currency" for "Classification")',
      'Currency mismatch between Source Account (Operating Checking, USD) and Target Account (Canada Savings, CAD).',
    ],
  ])('a near-miss that says %s is no match', (_kind, text) => {
    expect(matches(text)).toEqual([]);
  });
});

describe('typos, cut-offs and halves put their page first, and nothing else is a match', () => {
  it.each([
    // Typing slips corrected, the exact patterns decide, so the near-duplicates stay apart.
    [
      'Validation Exeption was thrown.Details:The name suplied already exists. : null.',
      'account-name-already-exists',
      'typo',
    ],
    ['BadReqeust. Details: The name suplied already exists. : null', 'name-already-exists', 'typo'],
    ["Entity with Kye = 'BusinessUnit, (0)' does not exsit", 'business-unit-missing', 'typo'],
    ['GL acount "Fuel Expense" dose not exist in QB', 'gl-account-does-not-exist', 'typo'],
    // "can not" is "cannot"; the rest is a run of the message's words from its first to its last.
    [
      'This operation can not be preformed after the request has been submited.',
      'request-already-submitted',
      'fuzzy',
    ],
    // "doesnt" is "doesn't" typed without its apostrophe: a slip like the others.
    ['Deposit totl 4,120.00 doesnt match sum of paymets 4,320.00', 'deposit-total-mismatch', 'typo'],
    ['Sorry but the app didnt conect', 'app-did-not-connect', 'typo'],
    // A word written with its apostrophe is taken whole: "didn't" is no slip of "did" ("did't").
    ["Sory but the app didn't conect", 'app-did-not-connect', 'typo'],
    // "can't" says "cannot": the message's "not" is still there.
    ["You can't change transaction which is 365 days or older", 'transaction-older-than-365-days', 'fuzzy'],
    // "acount" is one slip from "account" and from "amount": the dropped letter wins.
    [
      'The acount period has closed and the account books cannot be updated through the QBO Services API.',
      'account-period-closed',
      'typo',
    ],
    // A run of the message's words that only one page has.
    [
      'BadRequest. Details: The account period has closed and the account books cannot be upd…',
      'account-period-closed',
      'fuzzy',
    ],
    ['You cannot change transaction which is 365 d...', 'transaction-older-than-365-days', 'fuzzy'],
    ['is before book closing date=03/31/2026', 'txn-date-before-closing-date', 'fuzzy'],
    ['but was not found with key (55120).', 'payment-not-synchronized', 'fuzzy'],
    [
      'were not found in QBO: [{"AccountNumber":"6120","AccountName":"Merchant Fees","AccountType":"Expense"}]',
      'accounts-not-found',
      'fuzzy',
    ],
  ])('%s → %s', (text, slug, via) => {
    // The model decides `match` or `possible` (model.json); the page comes first either way.
    expect(top(text)?.slug).toBe(slug);
    expect(matches(text).filter((s) => s !== slug)).toEqual([]);
    if (via !== 'fuzzy') expect(top(text)?.via).toBe(via);
  });

  it.each([
    ['QBO returned error 120 (Authorization Failure) for the invoice export', 'authorization-failure'],
    ['Export stopped: QuickBooks code 5010 (Stale Object Error)', 'stale-object'],
    ['QBO returned error 5010 "Stale Object Error" on the invoice export', 'stale-object'],
    ['Export failed: QBO said “Object Not Found” for the customer', 'object-not-found-inactive'],
  ])('a QBO title in brackets or quotes is the error named, not a value: %s', (text, slug) => {
    // Read as a bracketed or quoted value, the title said nothing, and a page that has "QuickBooks",
    // "returned" or "export" among its words came first (payment-not-synchronized for the quoted
    // "Stale Object Error"). The model decides `match` or `possible`.
    expect(top(text)?.slug).toBe(slug);
    expect(matches(text).filter((s) => s !== slug)).toEqual([]);
  });

  it.each([
    ['QuickBooks export failed: Throttle Exceeded', 'throttle-exceeded', 'match'],
    ['QBO error 3001 (Throttle Exceeded) on the journal entry export', 'throttle-exceeded', 'match'],
    ['Sync stopped, QBO said authentication_failed', 'reconnect-quickbooks', 'possible'],
  ])('a QBO title is read however its words are spaced: %s', (text, slug, verdict) => {
    // QBO writes "ThrottleExceeded" and "AuthenticationFailed"; with a space or an underscore the
    // title went unread, and in brackets it was a value: another page came first.
    expect(top(text)).toMatchObject({ slug, verdict });
    expect(matches(text).filter((s) => s !== slug)).toEqual([]);
  });

  it('a QBO fault type names a failure: the code beside it is read', () => {
    // `\bfault\b` does not hold inside "SystemFault", so the line read no code and found nothing.
    expect(top('QBO answered the invoice export with SystemFault 10000')?.slug).toBe('qbo-server-error');
  });

  it("a sentence in brackets after a code is read, not taken for a value: a code with another error's words is no match", () => {
    // Read as a bracketed value, the sentence said nothing and the code alone made permission-denied a
    // match at 100%; its words are not the page's, so it is a guess at most.
    const text = 'QuickBooks returned code 5020 (the field you sent is no longer supported in this version)';
    expect(matcher.match(text).results.filter((r) => r.verdict === 'match')).toEqual([]);
  });

  it("a log line with Intuit's errorCode=003001 is that code's page, a match", () => {
    // The code in Intuit's six digits was not read as 3001: the log gave no result at all.
    const text =
      '2026-07-31 23:50:14 WARN qbo realm=9130356611904472 HTTP 429 ThrottleExceeded (errorCode=003001) on POST /journalentry - 412 items queued, backing off 60s';
    expect(top(text)).toMatchObject({ slug: 'throttle-exceeded', verdict: 'match' });
  });

  it.each([
    'Classification mismatch between Source Account (Warranty Reserve, Liabil…',
    'Classification mismatch between Source Account (Undeposited Funds, Ass',
  ])('a message cut off inside a value is a match: %s', (text) => {
    // The open parenthesis holds a value, as a closed one does: its words are not the paste's own
    // words that the page fails to explain (a `possible` at 98% before).
    expect(top(text)).toMatchObject({ slug: 'classification-mismatch', verdict: 'match' });
  });

  it('puts the page first for a cut-off that says too little to decide', () => {
    // "This transaction has been depos" is a run of the deposited-transaction message only, but
    // just two of its words say anything: a suggestion, ahead of the page that shares the wrapper.
    expect(
      top('Error: Validation Exception was thrown. Details: This transaction has been depos'),
    ).toMatchObject({ slug: 'transaction-deposited', verdict: 'possible' });
  });

  it('keeps the typo-corrected values from the paste', () => {
    expect(top('QBO Clas "Plumbing" was not fuond for Business Unit "Plumbing - Commercial".')).toMatchObject(
      {
        slug: 'class-not-found',
        verdict: 'match',
        via: 'typo',
        values: { qboClass: 'Plumbing', businessUnit: 'Plumbing - Commercial' },
      },
    );
  });
});

describe("QuickBooks' own API errors find their pages", () => {
  it.each([
    [
      "Object Not Found: Something you're trying to use has been made inactive. Check the fields with accounts, customers, items, vendors or employees.",
      'object-not-found-inactive',
    ],
    ['message=AuthenticationFailed; errorCode=003200; statusCode=401', 'reconnect-quickbooks'],
    [
      '<IntuitResponse><Fault type="ValidationFault"><Error code="5010"><Message>Stale Object Error</Message><Detail>Stale Object Error : You and Dana Ruiz were working on this at the same time. Dana Ruiz finished before you did, so your work was not saved.</Detail></Error></Fault></IntuitResponse>',
      'stale-object',
    ],
    ['message=ThrottleExceeded; errorCode=003001; statusCode=429', 'throttle-exceeded'],
    // A 6000 fault goes to the page of its detail, not to the 6000 family page.
    [
      '{"Fault":{"Error":[{"Message":"A business validation error has occurred while processing your request","Detail":"Business Validation Error: Make sure all your transactions have a GST/HST rate before you save.","code":"6000"}],"type":"ValidationFault"}}',
      'gst-hst-rate-required',
    ],
  ])('%s → %s', (text, slug) => {
    expect(top(text)?.slug).toBe(slug);
    expect(matches(text).filter((s) => s !== slug)).toEqual([]);
  });
});

describe('QBO\'s 120 detail without its "-11014-" prefix', () => {
  // The page's pattern started at "11014-": the detail copied from its words on was a suggestion at
  // best (a pattern of its own since session 42).
  it.each([
    'You do not have access to use QuickBooks Online., statusCode: 401',
    'ERROR export: You do not have access to use QuickBooks Online Advanced. (401)',
  ])('%s is a match for authorization-failure', (text) => {
    expect(top(text)).toMatchObject({ slug: 'authorization-failure', verdict: 'match' });
    expect(matches(text)).toEqual(['authorization-failure']);
  });
});

/** A matcher of the knowledge base without one page: an error it does not have yet. */
const without = (slug: string) => fullMatcher(entries.filter((e) => e.id !== slug).map(indexSource));

describe('an error the knowledge base does not have yet is no `match` for its near-duplicate', () => {
  // Each page taken out in turn: its near-duplicate keeps the QBO code and title, which no other
  // page shares any more, and QuickBooks' detail says something else.
  it.each([
    [
      'name-already-exists',
      'QB Exception 6240: The name supplied already exists. : Another customer, vendor or employee is already using this name.',
      'account-name-already-exists',
    ],
    [
      'account-period-closed',
      '{"Fault":{"Error":[{"Message":"Account Period Closed, Cannot Update Through Services API","Detail":"The account period has closed and the account books cannot be updated through the QBO Services API. Please use the QBO user interface to update this transaction.","code":"6210"}],"type":"ValidationFault"}}',
      'txn-date-before-closing-date',
    ],
  ])('without %s, its paste is not a `match` for another page', (slug, text, sibling) => {
    expect(matches(text)).toEqual([slug]);
    const { results } = without(slug).match(text);
    expect(results.filter((r) => r.verdict === 'match')).toEqual([]);
    expect(results[0]?.slug).toBe(sibling);
  });
});

describe('a QBO code looked up on its own', () => {
  it.each([
    ['2500', ['invalid-reference-id']],
    ['QBO 5010', ['stale-object']],
    ['610', ['object-not-found-inactive', 'object-not-found-deleted']],
    ['6000', ['business-validation-error']],
  ])('%s finds the pages of that code first', (text, slugs) => {
    const { results } = matcher.match(text);
    expect(
      results.slice(0, slugs.length).map((r) => r.slug),
      JSON.stringify(results),
    ).toEqual(expect.arrayContaining(slugs));
  });

  it('a number that is no QBO code finds nothing', () => {
    expect(matcher.match('1234').results).toEqual([]);
  });
});

describe('unrelated errors never get a match', () => {
  it.each([
    // Other systems: an OAuth server's own invalid_grant, an HTTP client, another accounting system.
    'POST https://login.example-crm.com/services/oauth2/token -> 400 {"error":"invalid_grant","error_description":"expired access/refresh token"}',
    'cURL error 28: Operation timed out after 30001 milliseconds with 0 bytes received',
    'java.net.SocketTimeoutException: Read timed out',
    'Sage 50: The period is closed. You cannot post a transaction to a closed period.',
    'duplicate key value violates unique constraint "users_email_key"',
    'Your card was declined.',
    'Please call me back about my invoice',
    'Journal entry must balance: total debits 100.00 do not equal total credits 90.00',
    '502 Bad Gateway nginx/1.24.0',
    // The wrapper and "This transaction has been" are the deposited-transaction message's first
    // eight words, but wrappers say nothing about which error it is.
    'Validation Exception was thrown. Details: This transaction has been reconciled. Changing it could affect your reconciled balance.',
    // A record's number that happens to be a QBO code (6140, 5020, 6210) is not that code.
    'QuickBooks export failed for Invoice 6140',
    'QBO error on payment 5020: card declined',
    'Error: Job 6210 failed in QuickBooks sync',
    // The start of a known message that then goes on in other words is another message.
    "Deposit total 500.00 doesn't match the bank statement",
    'This operation cannot be performed because the invoice is voided.',
    'You cannot delete this transaction because it is reconciled.',
    "Sorry but the app didn't load. Please refresh the page.",
    'Payment application can not be processed at this moment. Try later.',
    // A QBO short title inside another system's message.
    'Permission Denied Error: Windows could not access the shared folder',
    'Duplicate Document Number Error in Xero: invoice number INV-001 already exists',
    'Permission Denied Error: Windows could not access \\\\FS01\\Accounting\\QBO Exports. You might not have permission to use this network resource.',
    'GL account "Fuel" does not have a default class',
    // The permission message's words about another service's object, with a name of several words.
    'Missing permission on bucket fs-backups to read (Service: Amazon S3; Status Code: 403; Error Code: AccessDenied)',
    // A known message's tail after other words is not that message's second half.
    'Currency mismatch between Source Account (Operating Checking, USD) and Target Account (Canada Savings, CAD).',
    'Export finished successfully. See Export History in ServiceTitan for more details.',
    'Payroll settings cannot be updated through the QBO Payroll API. Please use the QBO website to make these changes.',
    // Every word of the message but its "not": the opposite news.
    'QBO Class "Plumbing" was found for Business Unit "Plumbing - Commercial" (mapping OK).',
    // One key word swapped (Export → Import), or the message's words about another app.
    'Import finished with errors. See Pending Import Report in ServiceTitan for more details.',
    "Mobile: the app didn't connect to the Bluetooth card reader. Turn the reader off and on, then pair it again.",
    // A how-to question that shares "business unit" and "QuickBooks Online" with three pages: they
    // may be suggested (the fitted model puts the first near one in two), never a `match`.
    'Can you tell me how to set up the QuickBooks Online integration for a new business unit?',
  ])('%s', (text) => {
    expect(matches(text)).toEqual([]);
  });

  it.each([
    'Export started 03/14/2026 06:00:02 AM Exported 54 invoices Exported 12 payments Export completed successfully.',
    'Class tracking is turned off in QuickBooks',
    'The system cannot find the file specified. (0x80070002)',
    'This transaction has been voided.',
  ])('"nothing close" when the paste shares only a word or two with any page: %s', (text) => {
    // A weak guess may be shown, but as a `possible` under one in two.
    const { results } = matcher.match(text);
    expect(results.filter((r) => r.verdict === 'match' || r.confidence >= 0.5)).toEqual([]);
  });
});

describe('good news said in so many words is no error', () => {
  // A status line that says it went well shares the message's words but tells the opposite news:
  // before, each was a guess at the error it names (79%, 78%, 43%, 96%).
  it.each([
    'Payment application for invoice 1043 journaled successfully',
    'Your request was submitted successfully',
    'Sync completed: 12 invoices, 0 errors',
    'Export finished successfully: 212 records exported, 0 left on the Pending Export Report.',
  ])('%s', (text) => {
    expect(matcher.match(text).results).toEqual([]);
  });
  it.each([
    ['Export completed with errors: invoice number already used in QBO', 'duplicate-document-number'],
    ['Export completed with warnings: someone else edited the invoice at the same time', 'stale-object'],
    // Written as one name: the word sequence splits it; before, "completed" was good news and
    // "Errors" went unseen.
    [
      'run 8841 status=CompletedWithErrors message="invoice number already used in QBO"',
      'duplicate-document-number',
    ],
    [
      'run 8841 status=completed_with_errors: invoice number already used in QBO',
      'duplicate-document-number',
    ],
    ['ExportCompletedWithWarnings: someone else edited the invoice at the same time', 'stale-object'],
  ])('"completed with errors" is no good news: %s', (text, slug) => {
    // Before, "completed" read as good news, and the line had no result at all.
    expect(top(text)?.slug).toBe(slug);
  });
  it('a line that says success and trouble is still its error', () => {
    expect(matches('Export completed with 1 failed: Duplicate Document Number Error')).toEqual([
      'duplicate-document-number',
    ]);
  });
});

describe('a line logged at a routine level that says no trouble is no error', () => {
  const { core, fuzzy } = buildIndex(entries.map(indexSource));
  const routineSearch = createFuzzy(Fuse, fuzzy, core.pages.length);
  // An INFO, DEBUG or TRACE line tells of work done: before, the first two were guesses at the
  // errors whose words they share (79%, 61%).
  it.each([
    '2026-11-30 04:10:12 INFO [DepositSync] Deposit 7781 posted to QuickBooks: total equals the 9 payments applied',
    '[12:01:07] TRACE token refresh for realm 9341 done, access token expires in 3600s',
    'DEBUG journal entry JE-5521 sent to QBO with its accounts mapped to class Plumbing',
  ])('%s', (text) => {
    expect(matcher.match(text).results).toEqual([]);
  });
  it('a routine line that tells of an error is still its error', () => {
    expect(matches('2026-11-30 04:10:12 INFO invoice 4410 skipped: Duplicate Document Number Error')).toEqual(
      ['duplicate-document-number'],
    );
    expect(
      top(
        '2026-11-30 04:10:12 INFO export ended with 1 error: the deposit total does not match the sum of payments',
      )?.slug,
    ).toBe('deposit-total-mismatch');
  });
  it.each([
    ['2026-11-30 04:10:12 INFO [Sync] done', true],
    ['[info] token refreshed', true],
    ['2026-11-30 04:10:12 ERROR [Sync] done', false],
    ['INFO export ended with 2 errors', false],
    ['INFO export ended: 0 errors', true],
    ['INFO export ended: 0 errors, 1 warning', false],
    ['INFO deposit total does not match', false],
    ['INFO run 8841 status=CompletedWithErrors', false],
    ['QboInfo: token refreshed', false],
    ['the INFO tab shows the deposit', false],
    // The level said elsewhere than the opening prefix (before session 37's fix, none was routine).
    ['[04:10:12 INF] Journal entry 31 sent to QuickBooks', true],
    ['{"level":30,"time":1764990000000,"msg":"Journal entry 31 sent to QuickBooks"}', true],
    ['{"level":"debug","message":"Journal entry 31 sent to QuickBooks"}', true],
    ['ts=2026-12-01T04:10:12Z level=info msg="Journal entry 31 sent to QuickBooks"', true],
    ['I1201 04:10:12.512301   88 sync.go:41] Journal entry 31 sent to QuickBooks', true],
    ['2026-12-01 04:10:12,512 - qbo.sync - INFO - Journal entry 31 sent to QuickBooks', true],
    ['Dec  1 04:10:12 app01 qbo-sync[881]: NOTICE Journal entry 31 sent to QuickBooks', true],
    ['{"level":50,"time":1764990000000,"msg":"Journal entry 31 sent to QuickBooks"}', false],
    ['ts=2026-12-01T04:10:12Z level=warn msg="Journal entry 31 sent to QuickBooks"', false],
    ['2026-12-01 04:10:12,512 - qbo.sync - INFO - Journal entry 31 failed', false],
    ['level=info msg="Journal entry 31 rejected: 429 Too Many Requests"', false],
    ['We set the log level to info in the QuickBooks connector', false],
    // A number alone is no HTTP status (session 36's fix read "500" in "146/500" as one).
    ['DEBUG rate budget: 146/500 requests used this minute', true],
    ['INFO exported 400 invoices to QuickBooks', true],
    ['INFO QuickBooks answered status=429 for invoice 5521', false],
    // A QBO error's own words of trouble (before session 37's fix, each of these was routine).
    ['DEBUG qbo: Duplicate Document Number', false],
    ['INFO qbo: Throttle exceeded, waiting 60s', false],
    ['INFO qbo: Unsupported Operation', false],
    ['INFO 0 duplicates found in 12 invoices', true],
    // .NET's name for the level (before session 37's fix, neither was routine).
    ['2026-12-01 04:10:12 [Information] Journal entry 31 sent to QuickBooks', true],
    ['Information: Journal entry 31 sent to QuickBooks', true],
    // Serilog's compact JSON: "@l" is the level, and it is left out at Information.
    [
      '{"@t":"2026-12-01T04:10:12Z","@l":"Debug","@mt":"Journal entry {Id} sent to QuickBooks","Id":31}',
      true,
    ],
    ['{"@t":"2026-12-01T04:10:12Z","@mt":"Journal entry {Id} sent to QuickBooks","Id":31}', true],
    [
      '{"@t":"2026-12-01T04:10:12Z","@l":"Warning","@mt":"Journal entry {Id} sent to QuickBooks","Id":31}',
      false,
    ],
    // Syslog's priority: severity 6 (info), 5 (notice) and 7 (debug) are routine, 3 (error) and 4 not.
    ['<14>1 2026-12-01T04:10:12.512Z app01 qbo-sync 2406 - - Journal entry 31 sent to QuickBooks', true],
    ['<29>Dec  1 04:10:12 app01 qbo-sync[12]: Journal entry 31 sent to QuickBooks', true],
    ['<15>Dec  1 04:10:12 app01 qbo-sync[12]: Journal entry 31 sent to QuickBooks', true],
    ['<11>1 2026-12-01T04:10:12.512Z app01 qbo-sync 2406 - - Journal entry 31 sent to QuickBooks', false],
    ['<12>Dec  1 04:10:12 app01 qbo-sync[12]: Journal entry 31 sent to QuickBooks', false],
  ])('%j is routine: %s', (line, routine) => {
    expect(routineSearch.routine(line)).toBe(routine);
  });
  it("a stack trace's own lines are not lines that matched nothing", () => {
    // Before session 37's fix, each line below but the first and the frames was listed.
    const python = [
      'Traceback (most recent call last):',
      '  File "/opt/exporter/run.py", line 40, in main',
      '    push_deposit(dep)',
      '  File "/opt/exporter/qbo.py", line 7, in push_deposit',
      '    raise QboError(resp.text)',
      'exporter.qbo.QboError: Deposit total does not match sum of payments',
      '',
      'During handling of the above exception, another exception occurred:',
      '  File "/opt/exporter/run.py", line 44, in main',
      'KeyError: the widget frobnicator',
    ].join('\n');
    const outcome = matcher.match(python);
    expect(outcome.results[0]?.slug).toBe('deposit-total-mismatch');
    expect(outcome.unmatched).toEqual(['KeyError: the widget frobnicator']);
    const java = [
      'java.lang.IllegalStateException: the widget frobnicator turned the request away',
      '\tat com.example.export.Sync.run(Sync.java:41)',
      '\t... 12 more',
      '\t... 3 common frames omitted',
    ].join('\n');
    expect(matcher.match(java).unmatched).toEqual([
      'java.lang.IllegalStateException: the widget frobnicator turned the request away',
    ]);
  });
  it('routine lines are not lines that matched nothing: the error line that matched nothing is', () => {
    // Before, all three were listed, and in a long log the routine lines buried the error lines.
    const outcome = matcher.match(
      [
        '2026-12-01 02:00:00 INFO export run 5521 started',
        '2026-12-01 02:00:04 ERROR Invoice 1043: the widget frobnicator turned the request away',
        '2026-12-01 02:00:05 INFO export run 5521 finished',
      ].join('\n'),
    );
    expect(outcome.results).toEqual([]);
    expect(outcome.unmatched).toEqual([
      '2026-12-01 02:00:04 ERROR Invoice 1043: the widget frobnicator turned the request away',
    ]);
    expect(outcome.lines).toBe(3);
    expect(outcome.routine).toBe(2);
  });
  it.each([
    ['[INFO] Retrying in 30s: QuickBooks returned 429 Too Many Requests', 'throttle-exceeded'],
    ['INFO QuickBooks returned HTTP 503 Service Unavailable, retrying', 'qbo-server-error'],
    ['INFO token refresh got 401 Unauthorized, reconnecting', 'reconnect-quickbooks'],
  ])('an HTTP error or a retry is no routine work, whatever the level: %s', (text, slug) => {
    // Before this fix (and after the first version of the routine level), each got nothing.
    expect(top(text)?.slug).toBe(slug);
  });
  it('a routine line whose level is a field gets no guess, and the same line at error level does', () => {
    // Before session 37's fix, the first was a guess at deposit-total-mismatch (59%).
    const said = (level: string) =>
      matcher.match(
        `level=${level} msg="Deposit 7781 posted to QuickBooks: total equals the 9 payments applied"`,
      ).results;
    expect(said('info')).toEqual([]);
    expect(said('error')[0]?.slug).toBe('deposit-total-mismatch');
  });
  it('an error line among routine ones is still read', () => {
    const text = [
      '2026-11-30 04:10:00 INFO export run 88 started',
      '2026-11-30 04:10:12 ERROR deposit total does not match the sum of payments',
    ].join('\n');
    expect(top(text)?.slug).toBe('deposit-total-mismatch');
  });
});

describe("a terminal's colours in a log", () => {
  // Saved from a terminal, a log keeps its escape sequences (ESC[32m … ESC[0m). Before, the ESC went
  // and "[32m" stayed: a green INFO line was no routine line (a 74% guess), and its words were read.
  it('are no text', () => {
    expect(normalizeInput('\u001B[32mINFO\u001B[0m export run 8 started\u001B]0;sync\u0007').text).toBe(
      'INFO export run 8 started',
    );
  });
  it('leave a green routine line routine, and a red error line its error', () => {
    const log = [
      '\u001B[32mINFO\u001B[0m Deposit 7781 posted to QuickBooks: total equals the 9 payments applied',
      '\u001B[1;31mERROR\u001B[0m Deposit total does not match sum of payments',
    ];
    expect(matcher.match(log[0]!).results).toEqual([]);
    expect(top(log[1]!)).toMatchObject({ slug: 'deposit-total-mismatch', verdict: 'match' });
  });
});

describe('a log level opening a line is no other system', () => {
  // `Severe:` and `Fatal:` were read as the name of a system no page knows (the feature `elsewhere`),
  // as `GitLab:` is: before, the first two were a `possible` (93%, 54%) and the last got nothing.
  it.each([
    ['Severe: Stale Object Error : Jane Doe and you were working on this at the same time', 'stale-object'],
    [
      'Fatal: object not found, something you are trying to use has been made inactive',
      'object-not-found-inactive',
    ],
  ])('%s', (text, slug) => {
    expect(top(text)).toMatchObject({ slug, verdict: 'match' });
  });
  it('a NOTICE line is read as its error', () => {
    expect(top('NOTICE: journal entry 77 skipped - JournalEntryConfigurationInvalid')?.slug).toMatch(
      /^(?:multi-level-auto-export|business-units-not-supported)$/,
    );
  });
  it('a name that is no log level still is another system', () => {
    expect(otherSystem('Zendesk: ticket 88 could not be saved', () => false)).toBe(true);
    expect(otherSystem('Warning: ticket 88 could not be saved', () => false)).toBe(false);
    expect(otherSystem('NOTICE: ticket 88 could not be saved', () => false)).toBe(false);
  });
});

describe('a word of trouble counted as none is no error', () => {
  // "0 failed" says nothing failed: before, each was a guess at an error whose words it shares
  // (87%, 46%, 30%, 28%).
  it.each([
    'Deposits: 12 exported, 0 failed',
    'Payments applied to invoices in QBO: 40, errors: 0',
    'Class mapping check for business units: 0 failures',
    '2026-11-30 03:00:41 INFO sync of 31 deposits and 80 payments to QuickBooks done, 0 failed',
  ])('%s', (text) => {
    expect(matcher.match(text).results).toEqual([]);
  });
  it('a line that counts no errors but tells of one is still its error', () => {
    expect(
      top('Export finished: 0 errors, 2 warnings. Duplicate Document Number Error on invoice 4410')?.slug,
    ).toBe('duplicate-document-number');
  });
});

describe('an HTTP status is not a QBO code', () => {
  // QBO's code 500 is "Unsupported Operation" (characters that are not UTF-8); an HTTP 500 is a
  // server error, and says nothing about characters.
  it.each(['QuickBooks 500 Internal Server Error', 'QuickBooks error: HTTP 500'])('%s', (text) => {
    expect(matcher.match(text).results.map((r) => r.slug)).not.toContain('unsupported-operation');
  });
  it('QBO error 500 is still its code', () => {
    expect(top('QBO error 500 Unsupported Operation')?.slug).toBe('unsupported-operation');
  });
});

describe("a description in a person's own words finds its page as a suggestion", () => {
  it.each([
    [
      "QBO won't let the payment update because it has already been deposited; it wants me to edit the deposit and take it off first",
      'transaction-deposited',
    ],
    [
      "The journal entry won't export because some transactions in it are set to auto export and others aren't",
      'multi-level-auto-export',
    ],
    ['duplicate document number', 'duplicate-document-number'],
    // Two-letter words count: "GL" and "QB" are what sets this page apart.
    [
      "Export keeps saying our GL account doesn't exist in QB but I can see it in the chart of accounts in QuickBooks",
      'gl-account-does-not-exist',
    ],
    ['communicating', 'ids-server-error'],
    // A "not" said in another word ("missing", "insufficient", "different") is not the opposite
    // news (`negation`): the three found nothing before (session 28).
    ['QuickBooks class is missing for our Plumbing business unit', 'class-not-found'],
    ['the access token has insufficient scope in QuickBooks', 'app-authorization-failed'],
    ['deposit total is different from the sum of the payments', 'deposit-total-mismatch'],
    // Bookkeeping shorthand written out (normalize.ts): both found nothing before (session 28).
    ["invoices missing BU, batch won't go", 'business-unit-missing'],
    ["JE won't sync, the A/R line has no customer on it", 'accounts-receivable-needs-customer'],
    // Hidden at `possible` p 0.11; shown at 0.09, the threshold calibrate chose once qbo-api 2 A was
    // fitted on (session 20).
    [
      "Some transactions in the journal entry are set to auto export and some aren't, and the JE won't export.",
      'multi-level-auto-export',
    ],
  ])('%s → %s', (text, slug) => {
    expect(top(text)).toMatchObject({ slug, verdict: 'possible' });
  });

  it.each([
    "Bookkeeper: we can't get the deposit to export, QuickBooks says its total is different from the payments in it.",
    'Accountant: my journal entry keeps failing because the period is closed in QuickBooks',
    'Dispatcher: QuickBooks keeps telling us the customer name is already used by a vendor. What do we do?',
  ])("a speaker's label in a pasted ticket costs the description little: %s", (text) => {
    // Read as another system speaking ("GitLab: …"), the label took the first result's confidence
    // from 0.86 to 0.32 (the first text), and to 0.19 and 0.24 from 0.74 and 0.77 (the others).
    const labelled = matcher.match(text).results;
    const bare = matcher.match(text.replace(/^\w+: /, '')).results;
    expect(labelled.map((r) => r.slug)).toEqual(bare.map((r) => r.slug));
    expect(labelled[0]!.confidence).toBeGreaterThan(bare[0]!.confidence - 0.15);
  });

  it('a short chat about one problem is read whole too: what no one line says, its lines together do', () => {
    // Each line alone says too little: the chat found nothing until its lines were also read as one.
    const text =
      "Customer: the deposit from Friday won't go over to QuickBooks.\nAgent: it says the total doesn't add up to the payments inside it.";
    expect(top(text)).toMatchObject({ slug: 'deposit-total-mismatch', verdict: 'possible' });
  });

  it('a few lines the model is sure of read whole are one error: no guesses from a line alone, counted once', () => {
    // An SDK exception's header line and its detail: before, the header alone drew two guesses
    // (another page that opens with "Validation Exception was thrown", and the throttling page),
    // and the page was "seen 2 times", once for each line.
    const text = [
      'Intuit.Ipp.Exception.ValidationException: ValidationException was thrown.',
      '  Details: Duplicate Name Exists Error: The name supplied already exists.',
      '   at Intuit.Ipp.DataService.DataService.Add[T](T entity)',
    ].join('\n');
    const { results } = matcher.match(text);
    expect(results[0]).toMatchObject({ slug: 'account-name-already-exists', verdict: 'match', count: 1 });
    // What else is shown is the whole reading's: its near-duplicate, which shares the QuickBooks title.
    expect(results.slice(1).map((r) => [r.slug, r.verdict])).toEqual([['name-already-exists', 'possible']]);
  });

  it('a page found on a line and again in the paste read whole is on that line once', () => {
    // An email around one fault: its page was counted once but listed at line 1 (the whole
    // reading's start) and line 5, and the triage said "Count 2".
    const text = [
      'Hi team,',
      'our invoice export failed last night with this:',
      '',
      'Invoice #4471 - A business validation error has occurred while processing your request: Business Validation Error: You must select an account for this transaction.',
      'Can you help?',
      'Thanks, Maria',
    ].join('\n');
    const outcome = matcher.match(text);
    expect(outcome.results[0]).toMatchObject({ slug: 'business-validation-error', count: 1 });
    expect(outcome.results[0]!.occurrences.map((o) => o.line)).toEqual([4]);
    expect(triageRows(outcome, (s) => s)[0]).toMatchObject({ count: 1, lines: ['line 4 (Invoice #4471)'] });
  });

  it('a paste that tells of an error ("QuickBooks says", "we sent") is read as a description: its page is suggested', () => {
    // The `prose` feature: without it, this gave no result at all.
    const text =
      'QuickBooks says a business rule failed on the payment we sent, something about the payment not having a total amount.';
    expect(matcher.match(text).results).toContainEqual(
      expect.objectContaining({ slug: 'business-validation-error', verdict: 'possible' }),
    );
  });

  it('a long description gets the same answer whatever was pasted before it (the features remembered per segment)', () => {
    // The two differ only in "we our" past the words the word runs read, glue words fuzzy search
    // drops: the remembered features of the first were once given to the second.
    const first =
      `the deposit total in quickbooks is different from the sum of the payments ${'filler word '.repeat(40)}`.trim();
    const second = `${first} we our`;
    const index = buildIndex(entries.map(indexSource));
    // Every candidate the model scores for the second, shown or not (a description so long may show none).
    const scoredFor = (before: string[]) => {
      const got: Scored[] = [];
      const m = matcherOfIndex(index, { segment: (candidates) => got.push(...candidates) });
      for (const text of before) m.match(text);
      got.length = 0;
      return { results: m.match(second).results, scored: got };
    };
    const alone = scoredFor([]);
    expect(scoredFor([first])).toEqual(alone);
    expect(alone.scored[0]?.features.prose).toBe(1);
  });

  it('a word hidden inside another word does not count as shared ("date" in "updated")', () => {
    // 198 synthetic pages of real and made-up words, as in the scale benchmark; one of them holds
    // "invoice", "after", "updated" and "doesn".
    const sources = entries.map(indexSource);
    const big = fullMatcher([...sources, ...syntheticPages(198, sources)]);
    expect(
      big.match('Invoice date is after the due date').results.filter((r) => r.verdict === 'match'),
    ).toEqual([]);
  });
});

describe('several errors in one paste', () => {
  it('gives one result per distinct error, counts repeats and ignores noise', () => {
    const paste = [
      'Export started 2026-03-14 10:00',
      "Deposit total 100.50 doesn't match sum of payments 90.25.",
      'Exported 54 invoices',
      'BadRequest. Details: The account period has closed. Txn Date=03/01/2026 is before book closing date=03/31/2026',
      "Deposit total 200.00 doesn't match sum of payments 150.00.",
      'BadRequest. Details: The account period has closed. Txn Date=03/02/2026 is before book closing date=03/31/2026',
      'Export finished',
    ].join('\n');
    const { results } = matcher.match(paste);
    expect(results.map((r) => [r.slug, r.verdict, r.count])).toEqual([
      ['deposit-total-mismatch', 'match', 2],
      ['txn-date-before-closing-date', 'match', 2],
    ]);
    expect(results[1]?.occurrences.map((o) => o.values['txnDate'])).toEqual(['03/01/2026', '03/02/2026']);
  });

  it('lists the noise lines of a report as lines that matched nothing', () => {
    const paste = [
      'BadRequest. Details: The account period has closed. Txn Date=03/01/2026 is before book closing date=03/31/2026',
      'Exported batch 7: 12 invoices, 3 payments',
      'Exported batch 8: 12 invoices, 3 payments',
    ].join('\n');
    const outcome = matcher.match(paste);
    expect(outcome.results.map((r) => r.slug)).toEqual(['txn-date-before-closing-date']);
    expect(outcome.unmatched).toEqual([
      'Exported batch 7: 12 invoices, 3 payments',
      'Exported batch 8: 12 invoices, 3 payments',
    ]);
  });
});

describe('bad input gets a clear answer, never a crash', () => {
  it.each([
    ['empty', ''],
    ['whitespace', ' \n\t '],
    ['binary', '\u0000\u0001\u0002\uFFFD\u0007'.repeat(1000)],
    ['emoji', '🔥💥🧾'.repeat(100)],
    ['right-to-left', 'خطأ في التصدير إلى كويك بوكس'],
    ['not a string', 42 as unknown as string],
  ])('%s', (_kind, text) => {
    const outcome = matcher.match(text);
    expect(outcome.results.filter((r) => r.verdict === 'match')).toEqual([]);
  });

  it('cuts a 1 MB paste and says so', () => {
    const big = `Deposit total 1.00 doesn't match sum of payments 2.00.\n${'x'.repeat(1_000_000)}`;
    const outcome = matcher.match(big);
    expect(outcome.truncated).toBe(true);
    expect(outcome.results[0]?.slug).toBe('deposit-total-mismatch');
  });

  it('keeps the cap after normalising: a paste that NFKC writes out 18-fold is cut and says so', () => {
    const wide = 'ﷺ'.repeat(MAX_INPUT_CHARS / 10);
    expect(normalizeInput(wide).text.length).toBeLessThanOrEqual(MAX_INPUT_CHARS);
    expect(normalizeInput(wide).truncated).toBe(true);
    expect(matcher.match(`Deposit total 1.00 doesn't match sum of payments 2.00.\n${wide}`).truncated).toBe(
      true,
    );
  });

  it('handles 10,000 lines and caps fuzzy work', () => {
    // Noise lines made of words the index knows, in 8,000 different combinations, so fuzzy search
    // has real work to do and the cap has to kick in.
    const V =
      'account deposit payment journal entry class business unit closing date name supplied transaction invoice customer vendor permission server period books'.split(
        ' ',
      );
    const lines = Array.from({ length: 10_000 }, (_, i) =>
      i % 100 === 0
        ? `Deposit total ${i}.00 doesn't match sum of payments 1.00.`
        : `${V[i % 20]} ${V[Math.floor(i / 20) % 20]} ${V[Math.floor(i / 400) % 20]}`,
    );
    const outcome = matcher.match(lines.join('\n'));
    expect(outcome.results[0]).toMatchObject({ slug: 'deposit-total-mismatch', count: 100 });
    expect(outcome.fuzzyCapped).toBe(true);
  });

  it.each([
    ['doubled quotes', `a,"${'""'.repeat(150_000)}`],
    ['open cells', `x,"${'a,"'.repeat(100_000)}`],
    ['cells without an end', `${',"'.repeat(50_000)}${'b'.repeat(100_000)}`],
    // Wrappers (`Intuit.Ipp.Exception.IdsException:`, `Validation Exception was thrown`).
    ['dotted names', `${'a.'.repeat(1000)}Exception `.repeat(100)],
    ['long dotted names', `${'x'.repeat(29)}.`.repeat(10_000)],
    ['wrapper words', 'Validation Exception was thrown '.repeat(10_000)],
    // An XML fault whose <Error> elements never close (269 ms per 100 KB before the scan was linear).
    ['unclosed XML errors', `<Fault>${'<Error>'.repeat(30_000)}`],
    // A terminal's escape sequences that never end (each reads at most its bounded length).
    ['unended escape sequences', `\u001B]${'0;'.repeat(50_000)}\u001B[${'1;'.repeat(50_000)}`],
    // Ruby's fault with no detail line after it: each start reads at most its 300 characters.
    ['Ruby faults without a detail', 'Quickbooks::IntuitRequestException: x: '.repeat(7_000)],
    // A message with two JSON lists, repeated on one line: a hit every 108 characters (1.6 s for
    // 290 KB before each hit read only the line's start).
    [
      'business units on one long line',
      'Sync peer Qbo:1/2 is setup for BusinessUnits ["1", "2"]. However, the journal entry contains BusinessUnits ['.repeat(
        2_700,
      ),
    ],
  ])('input built to be slow stays linear in time: %s', (_kind, text) => {
    // The fastest of three runs: a garbage collection or a busy core is not the matcher's time.
    const fastest = (input: string) =>
      Math.min(
        ...[0, 1, 2].map(() => {
          const t0 = performance.now();
          matcher.match(input);
          return performance.now() - t0;
        }),
      );
    const small = fastest(text.slice(0, text.length / 10));
    // 10× the input may cost about 10× the time, not 100×: generous noise, and a floor. The floor
    // is 1 s: the XML case takes 80–100 ms warm on a quiet machine and went over 200 ms at load 13,
    // and each slow case this guards took many seconds (the XML one 12 s).
    expect(fastest(text)).toBeLessThan(Math.max(1000, small * 40));
  });

  it.each([
    // QBO's query parser error (4000): no page covers it.
    [
      'a JSON fault',
      '{"Fault":{"Error":[{"Message":"Error parsing query","Detail":"QueryParserError: Encountered \\" <EOF> \\"","code":"4000"}],"type":"ValidationFault"}}',
      { code: '4000', title: 'Error parsing query' },
    ],
    [
      'an XML fault',
      '<IntuitResponse><Fault type="ValidationFault"><Error code="4000"><Message>Error parsing query</Message></Error></Fault></IntuitResponse>',
      { code: '4000', title: 'Error parsing query' },
    ],
    [
      'a code on a QuickBooks line',
      'QuickBooks returned error code 7777 for the export',
      { code: '7777', title: '' },
    ],
  ])('says which QuickBooks fault it saw when nothing matches: %s', (_kind, text, fault) => {
    const outcome = matcher.match(text);
    expect(outcome.results).toEqual([]);
    expect(outcome.fault).toEqual(fault);
  });

  it("reads a fault as Ruby's SDK raises it (message, then its detail on the next line) as one fault", () => {
    // quickbooks-ruby: IntuitRequestException.new("#{message}:\n\t#{detail}"). Before, the title line
    // alone was scored: a `match` for the one page with that title, whatever the detail said.
    // (Whether the not-found box then names the fault depends on `possible`: a guess with the fault's
    // QBO title, shown since session 32's `possible`, says it instead. So the reading is checked here.)
    const paste =
      'Quickbooks::IntuitRequestException: Unsupported Operation:\n\tOperation Could not find resource for relative : /v3/company/123/salesreceipt of full path';
    const found: Fault[] = [];
    unwrapFaults(paste, found);
    expect(found).toEqual([
      {
        code: '',
        message: 'Unsupported Operation',
        detail: 'Operation Could not find resource for relative : /v3/company/123/salesreceipt of full path',
      },
    ]);
    const other = matcher.match(paste);
    expect(other.results.filter((r) => r.verdict === 'match')).toEqual([]);
    const known = matcher.match(
      'Quickbooks::IntuitRequestException: Invalid Reference Id:\n\tInvalid Reference Id : Product/Service assigned to this transaction has been deleted. Before you can modify this transaction, you must restore Product/Service',
    );
    expect(known.results[0]).toMatchObject({ slug: 'invalid-reference-id', verdict: 'match' });
  });

  it('names the QBO title of a log line that matched nothing, and its page; not a title on a line about something else', () => {
    // Before: no fault at all, so the box said only "not in the knowledge base".
    const log = matcher.match(
      'WARN qbo realm=9130 HTTP 429 ThrottleExceeded on POST /journalentry - 412 items queued, backing off 60s',
    );
    expect(log.results).toEqual([]);
    expect(log.fault).toMatchObject({ code: '', title: 'ThrottleExceeded', pageCount: 1 });
    expect(log.fault?.pages?.map((p) => p.slug)).toEqual(['throttle-exceeded']);
    const windows = matcher.match(
      'ERROR windows: Permission Denied Error while opening the shared folder on the file server for the nightly backup job',
    );
    expect(windows.results).toEqual([]);
    expect(windows.fault).toBeUndefined();
  });

  it('names the pages that have the QBO code of a fault that matched nothing, not "not in the knowledge base"', () => {
    // 6000 is the code of every business rule; a code said with no rule does not say which. (Since
    // session 20's refit, "QuickBooks returned error 6000 for the export" shows the code's general
    // page as a weak guess instead.)
    const outcome = matcher.match('QuickBooks returned error code 6000 for the export');
    const withCode = entries.filter((e) => e.data.qboCodes?.includes(6000));
    expect(withCode.length).toBeGreaterThan(1);
    expect(outcome.results).toEqual([]);
    expect(outcome.fault?.code).toBe('6000');
    expect(outcome.fault?.pages?.map((p) => p.slug).sort()).toEqual(withCode.map((e) => e.id).sort());
    expect(outcome.fault?.pageCount).toBe(withCode.length);
  });

  it('finds the page of an identifier that a person types out as words', () => {
    // Before session 26 the page's "BusinessUnitsNotSupported" was one word: nothing was shown.
    const r = matcher.match('JournalEntryConfigurationInvalid, something like business units not supported');
    expect(r.results[0]?.slug).toBe('business-units-not-supported');
  });

  it('names a fault that only drew guesses, unless a guess has its code or title', () => {
    // QBO 6430 ("Invalid account type used") is on no page. Before, its weak guess (the business
    // validation page, which has 6000) stood alone, and nothing said which error it was.
    const other = matcher.match(
      '{"Fault":{"Error":[{"Message":"Invalid account type used","Detail":"Invalid account type : You need to select a different type of account for this transaction.","code":"6430"}],"type":"ValidationFault"}}',
    );
    expect(other.results.length).toBeGreaterThan(0);
    expect(other.results.filter((r) => r.verdict === 'match')).toEqual([]);
    expect(other.fault).toMatchObject({ code: '6430', title: 'Invalid account type used' });
    // 11014 is in the authorization-failure page's messages (its QBO code is 120): the guess may be it.
    const known = matcher.match(
      'Error 11014 on export: no access to QuickBooks Online since our admin left the company',
    );
    expect(known.results[0]?.slug).toBe('authorization-failure');
    expect(known.fault).toBeUndefined();
    // A guess with the fault's code (6000) is not told apart from it either.
    const general = matcher.match(
      'QuickBooks error 6000 - A business validation error has occurred while processing your request',
    );
    expect(general.results[0]?.slug).toBe('business-validation-error');
    expect(general.fault).toBeUndefined();
  });

  it("a fault whose detail no page has goes to its code's general page (qboGeneral), not to another detail's page", () => {
    // Before the general page was a feature: business-validation-error at 37%, gst-hst-rate-required at 35%.
    const fault = (detail: string) =>
      `{"Fault":{"Error":[{"Message":"A business validation error has occurred while processing your request","Detail":"Business Validation Error: ${detail}","code":"6000","element":""}],"type":"ValidationFault"}}`;
    const unknown = matcher.match(fault('Transactions must be in balance.')).results;
    expect(unknown[0]?.slug).toBe('business-validation-error');
    expect(unknown[0]?.features?.general).toBeGreaterThan(0);
    expect(unknown[0]?.via).toBe('general');
    // The general page is the one `match`; since session 26's refit (identifiers read as words),
    // GST/HST is a weak guess under it (19%), never ahead of it.
    expect(unknown.filter((r) => r.verdict === 'match').map((r) => r.slug)).toEqual([
      'business-validation-error',
    ]);
    // A detail that has its own page goes there: the general page has nothing to add.
    const known = matcher.match(
      fault('When you use Accounts Receivable, you must choose a customer in the Name field.'),
    );
    expect(known.results.filter((r) => r.verdict === 'match').map((r) => r.slug)).toEqual([
      'accounts-receivable-needs-customer',
    ]);
    expect(known.results.map((r) => r.slug)).not.toContain('business-validation-error');
  });

  it("a 6000 fault whose rule says other words than a page's (Payable, vendor) also suggests the general page", () => {
    // `general` reads how much of the line the other pages explain, less the words they would say
    // in place of the paste's: accounts-receivable-needs-customer explains most of these words, but
    // says "Receivable" and "customer" where the paste says "Payable" and "vendor".
    const results = matcher.match(
      `{"Fault":{"Error":[{"Message":"A business validation error has occurred while processing your request","Detail":"Business Validation Error: When you use Accounts Payable, you must choose a vendor in the Name field.","code":"6000","element":""}],"type":"ValidationFault"}}`,
    ).results;
    expect(results.filter((r) => r.verdict === 'match')).toEqual([]);
    expect(results.find((r) => r.slug === 'business-validation-error')?.features?.general).toBeGreaterThan(
      0.5,
    );
  });

  it('lists at most MAX_FAULT_PAGES of the pages a fault code names, and counts them all', () => {
    const sources = Array.from({ length: MAX_FAULT_PAGES + 2 }, (_, i) => ({
      slug: `rule-${i}`,
      title: `Business rule ${i}`,
      patterns: [`Business rule number ${'abcdefghij'[i]} was broken`],
      qboCodes: [6000],
    }));
    const fault = fullMatcher(sources).match('QuickBooks error 6000').fault;
    expect(fault?.pages?.map((p) => p.slug)).toEqual(sources.slice(0, MAX_FAULT_PAGES).map((s) => s.slug));
    expect(fault?.pageCount).toBe(sources.length);
  });

  it('returns HTML in a paste as plain values, untouched', () => {
    const r = top(
      'QBO Class "<img src=x onerror=alert(1)>" was not found for Business Unit "<script>alert(1)</script>".',
    );
    expect(r?.values['businessUnit']).toBe('<script>alert(1)</script>');
  });
});

describe('every example keeps its page under realistic variants', () => {
  describe.each(entries.map((e) => [e.id, e] as const))('%s', (slug, e) => {
    it.each(e.data.examples.flatMap((ex) => messageVariants(ex).map((v) => [v.kind, v] as const)))(
      '%s variant',
      (_kind, v) => {
        const { results } = matcher.match(v.text);
        if (v.exact) expect(results.find((r) => r.slug === slug)?.verdict).toBe('match');
        else expect(results.map((r) => r.slug)).toContain(slug);
        expect(results.filter((r) => r.slug !== slug && r.verdict === 'match')).toEqual([]);
      },
    );
  });
});

describe('the fuzzy index', () => {
  it("keeps each page's parts in one row, so gzip finds its words again: at 2,200 pages, at most 80 B a page", () => {
    // 110 B a page (243 KB) when messages, word sequences, Fuse records and summaries were four
    // lists: a page's parts lay farther apart than gzip looks back. 67 B (147 KB) in rows.
    const sources = entries.map(indexSource);
    const all = [...sources, ...scalePages(2200, sources)];
    const bytes = gzipSync(JSON.stringify(buildIndex(all).fuzzy)).length;
    expect(bytes / all.length).toBeLessThanOrEqual(80);
  });

  it('carries each keyword once, as a phrase: its Fuse field built again from them is the one Fuse.js builds from the keywords', () => {
    const sources = entries.map(indexSource);
    const all = [...sources, ...syntheticPages(198, sources)];
    const { fuzzy } = buildIndex(all);
    const words = (keywords: readonly string[]) =>
      [...new Set(keywords.flatMap((k) => fuzzyKey(k).split(' ')).filter(Boolean))].join(' ');
    const direct = Fuse.createIndex(
      ['k'],
      all.map((src) => ({ k: words(src.keywords ?? []) })),
    ).toJSON();
    const again = Fuse.createIndex(
      ['k'],
      fuzzy.pages.map(([, , , , phrases]) => ({ k: keywordWords(phrases) })),
    ).toJSON();
    expect(again.records).toEqual(direct.records);
    expect(fuzzy.pages.every(([, , fields]) => !(KEYWORDS_FIELD in fields))).toBe(true);
    expect(fuzzy.pages.find(([, , , , phrases]) => phrases.includes('server error'))).toBeDefined();
  });
});

describe('the message a possible card previews', () => {
  const page = (slug: string, message: string) => ({
    slug,
    title: slug,
    patterns: [`Unique wording of ${slug}`],
    messages: [message],
  });
  it('is whole when it fits, and says it was cut when it does not', () => {
    const fits = 'x'.repeat(MESSAGE_PREVIEW_CHARS);
    const long = `${'y'.repeat(MESSAGE_PREVIEW_CHARS)} and more`;
    const { pages } = buildIndex([page('fits', fits), page('long', long)]).fuzzy;
    expect(pages[0]?.[0]).toBe(fits);
    expect(pages[1]?.[0]).toBe(`${'y'.repeat(MESSAGE_PREVIEW_CHARS - 1)}…`);
  });
});

/** Every candidate the model scored for the last paste, shown or not (as `npm run match -- --explain` lists them). */
const scored: Scored[] = [];
const traced = matcherFromContent({ segment: (candidates) => scored.push(...candidates) });

/** A model feature of one candidate page of a paste, whether or not the page is shown. */
const featureOf =
  (name: FeatureName) =>
  (text: string, slug: string): number | undefined => {
    scored.length = 0;
    traced.matcher.match(text);
    return scored.find((c) => traced.slugs[c.page] === slug)?.features[name];
  };

describe('the `keyword` feature: what people call the error, said in their words', () => {
  const keyword = featureOf('keyword');

  it('glue words may stand between a keyword phrase\'s words ("QuickBooks down")', () => {
    // Before, only "quickbooks down" word after word held it; "is" between broke the phrase.
    for (const slug of ['qbo-server-error', 'ids-server-error', 'request-already-submitted'])
      expect(keyword('quickbooks is down', slug), slug).toBeGreaterThan(0);
  });

  it('a "not" or a word of trouble between them breaks the phrase', () => {
    expect(keyword('quickbooks not down', 'qbo-server-error')).toBe(0);
    expect(keyword('quickbooks failed down', 'qbo-server-error')).toBe(0);
  });
});

describe('the `negation` feature: the message with its "not" left out', () => {
  const negation = featureOf('negation');

  it('a near-miss that drops the "not" between words it shares with the message counts', () => {
    expect(
      negation(
        'QBO Class "Plumbing" was found for Business Unit "Plumbing - Commercial".',
        'class-not-found',
      ),
    ).toBe(1);
  });

  it.each([
    // "You cannot change…": the "not" is in the half that was not pasted.
    ['its second half', 'transaction which is 365 days or older', 'transaction-older-than-365-days'],
    // The page's other wording says "didn't connect"; this one says no "not".
    [
      'a cut-off of a wording without "not"',
      'You need admin permissions to connect this a…',
      'app-did-not-connect',
    ],
  ])('%s does not', (_what, text, slug) => {
    expect(negation(text, slug)).toBe(0);
  });
});

describe('the model knows what a left-out "not" means from every page, not from one near-miss', () => {
  // calibrate fits on each page's message with its "not" taken out (no right page), so `quoted`
  // reads a paste that shares most of a message, in order and without its "not", as news it can
  // trust; the match threshold could come down from p 0.84 (out of fold, near-misses that drop a
  // "not" no longer get a `match`).
  it.each([
    [
      'Source Account (Shop Supplies, Expense) and Target Account (Shop Supplies, Liability).',
      'classification-mismatch',
    ],
    ['is before book closing date=06/30/2026', 'txn-date-before-closing-date'],
  ])('the second half of a message, with new values, is a `match`: %s', (text, slug) => {
    expect(top(text)).toMatchObject({ slug, verdict: 'match' });
    expect(matches(text)).toEqual([slug]);
  });

  it('a four-word second half is its page first and trusted, unlike its opposite below', () => {
    // A `match` until session 23's refits (fitted on logs A too): this fragment is now a `possible`
    // at 86%. Its opposite ("… does exist") stays under 50% (the test after this one).
    const first = top("'BusinessUnit, (4)' does not exist");
    expect(first).toMatchObject({ slug: 'business-unit-missing' });
    expect(first!.confidence).toBeGreaterThan(0.8);
  });

  it.each([
    ["Entity with Key = 'BusinessUnit, (3)' does exist", 'business-unit-missing'],
    [
      'The account period has closed and the account books can be updated through the QBO Services API.',
      'account-period-closed',
    ],
    ['Deposit total 120.00 does match sum of payments 120.00.', 'deposit-total-mismatch'],
  ])(
    'a message saying the opposite is no `match`, and its page at most a weak suggestion: %s',
    (text, slug) => {
      expect(matches(text)).toEqual([]);
      const first = top(text);
      // Under 0.5 until session 27; the confidence refitted on pastes the model never saw
      // (calibrate --confidence) shows guesses higher, and the deposit's opposite went 0.36 → 0.62.
      if (first?.slug === slug) expect(first.confidence).toBeLessThan(0.7);
    },
  );
});

describe('the `replaced` feature: words said in place of the message’s own', () => {
  const replaced = featureOf('replaced');

  it('a near-miss that swaps a word of the message counts it', () => {
    // "Currency" where the classification-mismatch message says "Classification".
    expect(
      replaced(
        'Currency mismatch between Source Account (Operating Checking, USD) and Target Account (Canada Savings, CAD).',
        'classification-mismatch',
      ),
    ).toBeGreaterThan(0);
  });

  it.each([
    ['its second half', "doesn't match sum of payments 7,210.35.", 'deposit-total-mismatch'],
    ['a cut-off', 'You need admin permissions to connect this a…', 'app-did-not-connect'],
    ['a typo', 'Deposit totl 3,215.00 doesnt match sum of payments 3,540.75.', 'deposit-total-mismatch'],
  ])('%s leaves words out but replaces none', (_what, text, slug) => {
    expect(replaced(text, slug)).toBe(0);
  });
});

describe('the `codeBare` feature: a QBO code or title said with little else', () => {
  const codeBare = featureOf('codeBare');

  it('a bare code counts nearly in full, and puts the one page that has it first', () => {
    expect(codeBare('QBO error 6140', 'duplicate-document-number')).toBeGreaterThanOrEqual(0.8);
    // A code says which page but quotes none of its message: the fitted model makes it a `match`
    // or a confident `possible`, never another page.
    expect(top('QBO error 6140')).toMatchObject({ slug: 'duplicate-document-number' });
    expect(top('QBO error 6140')?.confidence).toBeGreaterThanOrEqual(0.9);
    expect(matches('QBO error 6140').filter((s) => s !== 'duplicate-document-number')).toEqual([]);
  });

  it('a whole fault that names the code counts nothing: its detail says which page', () => {
    // The customer page taken out, the account page alone has code 6240 and its title.
    const text =
      'QB Exception 6240: The name supplied already exists. : Another customer, vendor or employee is already using this name.';
    const account = without('name-already-exists')
      .match(text)
      .results.find((r) => r.slug === 'account-name-already-exists');
    expect(account?.features?.code).toBe(1);
    expect(account?.features?.codeBare).toBe(0);
  });
});
