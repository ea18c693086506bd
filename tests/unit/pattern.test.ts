import { describe, expect, it } from 'vitest';
import { indexSource } from '../../src/lib/matcher/build-index';
import {
  compilePattern,
  fillTemplate,
  PATTERN_FLAGS,
  PatternError,
  templateNeedle,
  templateText,
} from '../../src/lib/matcher/pattern';
import { normalizeTemplate } from '../../src/lib/matcher/normalize';
import { SHORTHAND, sequenceWords } from '../../src/lib/matcher/words';
import { markMessage } from '../../src/lib/matcher/mark';
import { markPlaceholders } from '../../src/lib/message-placeholders';
import { aboutQuickBooks, findCodes, otherSystem } from '../../src/lib/matcher/unwrap';
import { loadErrors } from '../../src/lib/node/load-content';
import { scalePages } from '../../bench/synthetic';

describe('template syntax errors are explained', () => {
  it.each([
    ['Txn Date={txnDate:datetime}', /unknown type "datetime"/],
    ['Txn Date={txnDate}', /must look like \{name:type\}/],
    ['Txn Date={a:date}{b:date} closing', /touch/],
    ['Txn {d:date} and {d:date} closing date', /used twice/],
    ['{x:text}', /at least 6 letters/],
    ['closing date {open:date', /never closed/],
    // Free placeholders three in a row, each able to hold the short literal that should end it.
    [
      'Failure {a:text} x {b:text} x {c:text} x {d:text} x {e:text} endmark',
      /"\{a\}", "\{b\}", "\{c\}" follow each other/,
    ],
    ['Accounts {a:json}, {b:json}, {c:text} were not found', /follow each other/],
  ])('%s', (template, message) => {
    expect(() => compilePattern(template)).toThrow(PatternError);
    expect(() => compilePattern(template)).toThrow(message);
  });
});

/** Adversarial inputs: long runs of what each placeholder accepts, with the next literal missing. */
function adversarial(template: string): string[] {
  const filler = [
    'a'.repeat(50_000),
    '1'.repeat(50_000),
    ' '.repeat(50_000),
    '"'.repeat(20_000),
    'a '.repeat(25_000),
    `[${'{"a":"b"},'.repeat(5_000)}`,
  ];
  const head = template.split('{')[0] ?? '';
  return filler.map((f) => head + f);
}

describe('one placeholder grammar', () => {
  /** A text's word sequence, as one string. */
  const words = (s: string) => sequenceWords(s).join(' ');
  it('fills placeholders by name and type, and unescapes doubled braces', () => {
    expect(fillTemplate('Class "{cls:text}" {{{n:int}}} on {d:date}', (p) => `<${p.name}:${p.type}>`)).toBe(
      'Class "<cls:text>" {<n:int>} on <d:date>',
    );
  });
  it('reads a template as the same words as a message with values in it', () => {
    expect(
      sequenceWords(templateText('Txn Date={txnDate:date} is before book closing date={closing:date}')),
    ).toEqual(sequenceWords('Txn Date=03/14/2026 is before book closing date=03/31/2026'));
  });
  it('reads a quoted name as a value, and a quoted sentence as words', () => {
    expect(sequenceWords('Class "HVAC - Residential" was not found')).toEqual([
      'class',
      '#',
      'was',
      'not',
      'found',
    ]);
    expect(sequenceWords('fails with "Entity with Key does not exist" again')).toEqual(
      'fails with entity with key does not exist again'.split(' '),
    );
  });
  it('reads every "n\'t", with or without its apostrophe, as "not", and "can\'t" as "cannot"', () => {
    expect(words("Deposit total doesn't match")).toBe('deposit total does not match');
    expect(words('Deposit total doesnt match')).toBe('deposit total does not match');
    expect(words('Deposit total doesn\u2019t match')).toBe('deposit total does not match');
    expect(words("You can't change it; you can not; you cannot; you cant")).toBe(
      'you cannot change it you cannot you cannot you cannot',
    );
    expect(words("QBO won't let me, it didnt connect, we dont know, it isn't")).toBe(
      'qbo will not let me it did not connect we do not know it is not',
    );
    // Words that only end like a contraction stay as they are.
    expect(words('Recent payment, event, agent, want')).toBe('recent payment event agent want');
  });
  it('reads an identifier of three humps or more as its words, as people type it', () => {
    expect(words('JournalEntryConfigurationInvalid - BusinessUnitsNotSupported - Sync peer')).toBe(
      'journal entry configuration invalid business units not supported sync peer',
    );
    // Two humps are a name, not a phrase.
    expect(words('QuickBooks BadRequest ServiceTitan ThrottleExceeded')).toBe(
      'quickbooks badrequest servicetitan throttleexceeded',
    );
  });
  it('writes bookkeeping shorthand out: "JE", "BU", "A/R", "COA", "acct", "pmt", "dupe"', () => {
    expect(words('JE for the Solar BU hits A/R; two JEs, three BUs')).toBe(
      'journal entry for the solar business unit hits accounts receivable two journal entries three business units',
    );
    expect(words('COA says the acct is a dupe; AP and AR accts')).toBe(
      'chart of accounts says the account is a duplicate accounts payable and accounts receivable accounts',
    );
    expect(words('pmt 5 of 7 pmts')).toBe('payment # of # payments');
    // QuickBooks' own word stays as its message writes it.
    expect(words('Txn Date=03/14/2026')).toBe('txn date #');
    // The capitals' forms need capitals: "bu", "je", "ar" and "ap" in lower case are left alone.
    expect(words('je ne sais pas, bu, ar, ap')).toBe('je ne sais pas bu ar ap');
  });
  it('reads an HTTP status said as one with its reason phrase, unless words follow it', () => {
    // axios' "status code 401" was a slot like any number: 401, 429 and 500 read the same.
    expect(words('Error: Request failed with status code 401')).toBe(
      'error request failed with status code # unauthorized',
    );
    expect(words('errorCode=003001; statusCode=429')).toBe('errorcode # statuscode # too many requests');
    expect(words('Http Status Code [400]: Request is not made')).toBe(
      'http status code # bad request request is not made',
    );
    expect(words('HTTP/1.1 503')).toBe('http # service unavailable');
    // Already said, or not a status: as before.
    expect(words('HTTP 401 Unauthorized')).toBe('http # unauthorized');
    expect(words('status 418, error code 500, 401 items')).toBe('status # error code # items');
  });
  it("rewrites no word of the pages' own wordings (messages, patterns, QBO titles): they are quoted as QuickBooks writes them", () => {
    const rewritten = loadErrors().flatMap((e) =>
      [...e.data.messages, ...e.data.patterns, ...(e.data.qboTitles ?? [])].filter((w) =>
        SHORTHAND.some(([re]) => new RegExp(re.source, re.flags).test(w)),
      ),
    );
    expect(rewritten).toEqual([]);
  });
  it('reads a long quoted name in title case as a value, not as a sentence', () => {
    expect(sequenceWords('GL account "Cost of Goods Sold:Equipment" does not exist')).toEqual(
      'gl account # does not exist'.split(' '),
    );
  });
});

describe('QBO codes in a line', () => {
  const known = new Set(['3200', '2500', '6140', '6190']);
  it.each([
    ['2500', false, [2500]],
    ['QBO 2500', false, [2500]],
    ['3200 AuthenticationFailed', true, [3200]],
    ['3200 AuthenticationFailed', false, []],
    ['Invoice 6140 AuthenticationFailed', true, []],
    ['error code 7777', false, [7777]],
    // Intuit writes its codes in six digits after `errorCode=` (3200 as 003200); statusCode is HTTP's.
    ['message=AuthenticationFailed; errorCode=003200; statusCode=401', false, [3200]],
    ['HTTP 429 ThrottleExceeded (errorCode=003001) on POST /journalentry', false, [3001]],
    // QBO's fault types (`<Fault type="SystemFault">`) report a failure as "fault" alone does.
    ['QuickBooks sent a SystemFault 2500 back', false, [2500]],
    ['QBO ValidationFault 6140 on the invoice', false, [6140]],
    ['QuickBooks sent 2500 invoices back', false, []],
    // A status is three digits: the number after a QBO title that ends in "Status" is its code.
    ['Invalid Company Status (6190) - subscription ended', true, [6190]],
    ['Invalid Company Status 6190 on export', true, [6190]],
  ])('%s (with a QBO title: %s) → %j', (line, titled, codes) => {
    expect(findCodes(line, known, titled)).toEqual(codes);
  });

  // QBO's code 500 is "Unsupported Operation"; HTTP's 500 is a server error. 503 is here as a code
  // too, so that its case fails without the HTTP rule.
  const withHttp = new Set(['500', '503', '2500']);
  it.each([
    ['QuickBooks 500 Internal Server Error', []],
    ['QuickBooks export failed: 500 - InternalServerError', []],
    ['Call to the endpoint returned a 503- Service Unavailable response (QuickBooks error)', []],
    ['QuickBooks error: HTTP 500', []],
    ['QuickBooks error: HTTP/1.1 500', []],
    ['QBO returned statusCode=500', []],
    ['Http Status Code [500]: Request is not made successful. Response Code:[500] (QBO)', []],
    ['QBO error 500 Unsupported Operation', [500]],
    ['ERROR CODE:500, ERROR MESSAGE:Unsupported Operation', [500]],
    ['<Error code="500" element=""><Message>Unsupported Operation</Message>', [500]],
    ['QuickBooks returned HTTP 400 with error 2500', [2500]],
  ])('%s → %j (an HTTP status is not a QBO code)', (line, codes) => {
    expect(findCodes(line, withHttp)).toEqual(codes);
  });
});

describe('another system speaking is told from QuickBooks', () => {
  const knows = (w: string) => ['error', 'servicetitan'].includes(w.toLowerCase());
  it.each([
    ['GitLab: Missing permission on repository to Push', true],
    ['POST https://login.example-crm.com/services/oauth2/token -> 400', true],
    ['POST https://quickbooks.api.intuit.com/v3/company/123/invoice -> 400', false],
    ['user=dana@smithplumbing.com realm=9130350912', false],
    ['Error: Missing permission on Account to Read', false],
    ['ServiceTitan: Missing permission on Timesheets to Approve', false],
    ['QuickBooksOnline: Stale Object Error', false],
    // Java's and .NET's dotted names are not hosts, though they hold "com", "org" or "Net".
    [
      'Operation com.sun.org.apache.xerces.internal.impl.io.MalformedByteSequenceException: Invalid byte',
      false,
    ],
    ['---> System.Net.WebException: The operation has timed out', false],
    ['upstream api.example-crm.io/v2/leads returned 502', true],
    // A speaker's label in a pasted ticket or chat: a person speaks after it, not a system.
    ["Bookkeeper: we can't get the deposit to export", false],
    ['Tech: did QuickBooks change something?', false],
    ['Dispatcher: I tried the export twice', false],
    ['Windows: I/O error on drive D', true],
    ['Stripe: Your card was declined.', true],
  ])('%s → %s', (line, other) => {
    expect(otherSystem(line, knows)).toBe(other);
  });
  it.each(['intuitlib.exceptions.AuthClientError: HTTP status 400', 'intuit_tid 1-6650e2a1', 'QBO export'])(
    '%s names QuickBooks',
    (line) => {
      expect(aboutQuickBooks(line)).toBe(true);
    },
  );
});

describe('compiled patterns run in linear time', () => {
  const templates = loadErrors().flatMap((e) => e.data.patterns);
  it.each(templates)('%s', (template) => {
    const re = new RegExp(compilePattern(template).source, PATTERN_FLAGS);
    // The fastest of three runs: a busy machine (CI shares its cores) delays a run, never speeds it.
    const time = (text: string) =>
      Math.min(
        ...[0, 1, 2].map(() => {
          const t0 = performance.now();
          re.lastIndex = 0;
          re.exec(text);
          return performance.now() - t0;
        }),
      );
    for (const input of adversarial(template)) {
      const large = time(input);
      const small = time(input.slice(0, input.length / 10));
      // 10× the input may cost about 10× the time, not 100×: allow generous noise, and a floor.
      expect(large).toBeLessThan(Math.max(50, small * 40));
    }
  });
});

describe("a template's needle, read without parsing", () => {
  // The matcher reads only needles before the first result (templateNeedle); it must be the needle
  // compilePattern finds, for every kind of template the knowledge base has or could have.
  const real = loadErrors().map(indexSource);
  const templates = [
    ...real.flatMap((s) => s.patterns),
    ...scalePages(2200, real).flatMap((s) => s.patterns),
    'Widget {widgetId:int} could not be exported to the ledger',
    'QBO Class "{className:text}" was not found for Business Unit "{unit:text}"',
    '{{literal}} braces around {n:int} widgets are fine here',
    'Curly “quotes” and a – dash in {n:int} exported rows',
    'Two  spaces and a\nline break before {n:int} EXPORTED ROWS',
    'Ends with a number 12345 then {n:int}: a longer run of plain words',
    'UPPER lower MiXeD {a:id}-{b:int} same-length runs abcdef ghijkl',
  ];
  it.each(templates.slice(-7))('%s', (template) => {
    expect(templateNeedle(template)).toBe(compilePattern(template).needle);
  });
  it(`is compilePattern's needle for all ${templates.length} templates of a 2,200-page knowledge base`, () => {
    const differ = templates.filter((t) => templateNeedle(t) !== compilePattern(t).needle);
    expect(differ).toEqual([]);
  });
});

describe("a page's message shows its own placeholders as varying", () => {
  const stale = loadErrors().find((e) => e.id === 'stale-object')!.data;
  const sources = stale.patterns.map((p) => compilePattern(p).source);

  it('a value said twice and one no pattern pulls out are marked too, named when a pattern names the same text', () => {
    // The page marked only the first "<other user name>": the second and "<entity name>" read as
    // literal text under "Highlighted parts vary".
    const parts = markPlaceholders(markMessage(stale.messages[0]!, sources).parts);
    expect(parts.filter((p) => p.name !== undefined).map((p) => [p.name, p.text])).toEqual([
      ['otherUser', '<other user name>'],
      ['otherUser', '<other user name>'],
      ['', '<entity name>'],
    ]);
    expect(parts.map((p) => p.text).join('')).toBe(normalizeTemplate(stale.messages[0]!));
  });

  it.each([
    ['restore XXXX (deleted)', ['XXXX']],
    ['total NNNNN.N of NN', ['NNNNN.N']],
    ['You cannot change transaction which is 365 days or older', []],
    ['a <b and c> d', ['<b and c>']],
  ])('%s', (text, marked) => {
    const parts = markPlaceholders([{ text }]);
    expect(parts.filter((p) => p.name !== undefined).map((p) => p.text)).toEqual(marked);
    expect(parts.map((p) => p.text).join('')).toBe(text);
  });
});
