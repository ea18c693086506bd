/**
 * Unwraps QuickBooks fault bodies (JSON or XML, any key case) into plain message lines, and
 * finds QBO error codes and log-line noise. Everything is linear scanning; nothing here throws.
 */

import { HTTP_BEFORE, HTTP_REASON } from './http';

export interface Fault {
  message: string;
  detail: string;
  code: string;
}

const MAX_FIELD = 4000;

/** One JSON escape read (what follows its backslash): `u2019` its character, `n`, `r` and `t` a space, any other itself. */
const readEscape = (_m: string, c: string): string =>
  c.length === 5
    ? String.fromCharCode(parseInt(c.slice(1), 16))
    : c === 'n' || c === 'r' || c === 't'
      ? ' '
      : c;

function unescapeJson(s: string): string {
  return s.replace(/\\(u[0-9a-fA-F]{4}|.)/g, readEscape);
}

/** The named character references XML and HTML write in QuickBooks' messages, and what they stand for. */
const NAMED: Readonly<Record<string, string>> = {
  quot: '"',
  apos: "'",
  lt: '<',
  gt: '>',
  amp: '&',
  nbsp: ' ',
  lsquo: "'",
  rsquo: "'",
  ldquo: '"',
  rdquo: '"',
  ndash: '-',
  mdash: '-',
  hellip: '…',
};

/**
 * Character references read as their characters (`doesn&#39;t`, `&quot;Fuel&quot;`): an XML fault's
 * message, and a paste copied from HTML (a ticket system's source, a log of a web page).
 */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&([a-z]{2,6}|#\d{1,7}|#x[0-9a-f]{1,6});/gi, (m, e: string) => {
    const k = e.toLowerCase();
    if (!k.startsWith('#')) return NAMED[k] ?? m;
    const n = k.startsWith('#x') ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10);
    return n > 0 && n < 0x110000 ? String.fromCodePoint(n) : ' ';
  });
}

const decodeXml = (s: string): string => decodeEntities(s.replace(/<!\[CDATA\[|\]\]>/g, ''));

/** End of the JSON value that starts at `start` (a `{`), string-aware; the text end if it is cut off. */
function jsonEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return text.length;
}

const JSON_FIELD = (key: string) =>
  new RegExp(`"${key}"\\s*:\\s*(?:"((?:[^"\\\\]|\\\\.){0,${MAX_FIELD}})"?|(\\d{1,6}))`, 'gi');

function jsonFaults(body: string): Fault[] {
  const grab = (key: string) =>
    [...body.matchAll(JSON_FIELD(key))].map((m) => unescapeJson(m[1] ?? m[2] ?? '').trim());
  const messages = grab('message');
  const details = grab('detail');
  const codes = grab('code');
  const n = Math.max(messages.length, details.length, codes.length);
  return Array.from({ length: n }, (_, i) => ({
    message: messages[i] ?? '',
    detail: details[i] ?? '',
    code: codes[i] ?? '',
  }));
}

const XML_ERROR_OPEN = /<Error\b([^>]{0,200})>/gi;
const XML_TAG = (tag: string) => new RegExp(`<${tag}>([^<]{0,${MAX_FIELD}})`, 'i');
const MAX_ERROR_BODY = 8000;

/**
 * The <Error> elements of an XML fault. Linear: each element's body ends at the first `</Error>`
 * after it (found with a pointer that only moves forward), at the next `<Error`, or 8,000
 * characters on, whichever comes first.
 */
function xmlFaults(body: string): Fault[] {
  const out: Fault[] = [];
  const lower = body.toLowerCase();
  const opens = [...body.matchAll(XML_ERROR_OPEN)];
  let close = -1;
  for (const [k, m] of opens.entries()) {
    const from = m.index + m[0].length;
    if (close < from) {
      const at = lower.indexOf('</error>', from);
      close = at < 0 ? Infinity : at;
    }
    const next = opens[k + 1]?.index ?? body.length;
    const to = Math.min(close, next, from + MAX_ERROR_BODY);
    const attrs = m[1] ?? '';
    const inner = body.slice(from, to);
    out.push({
      code: /code\s*=\s*["']?(\d{1,6})/i.exec(attrs)?.[1] ?? '',
      message: decodeXml(XML_TAG('Message').exec(inner)?.[1] ?? '').trim(),
      detail: decodeXml(XML_TAG('Detail').exec(inner)?.[1] ?? '').trim(),
    });
  }
  return out;
}

/** One line per fault error: "Message. Details: Detail (QBO error code 6240)". */
export function faultLine(f: Fault): string {
  const parts = [f.message, f.detail && `Details: ${f.detail}`].filter(Boolean).join(' ');
  return f.code ? `${parts} (QBO error code ${f.code})` : parts;
}

/** An XML declaration right before a fault body, whitespace between (looked for in DECLARATION_CHARS before it). */
const XML_DECLARATION = /<\?xml\b[^?<>]{0,200}\?>\s*$/i;
const DECLARATION_CHARS = 300;

/**
 * The fault as Ruby's quickbooks-ruby gem raises it: `IntuitRequestException.new("#{message}:\n\t#{detail}")`
 * (service/base_service.rb), its message and detail on two lines (the tab gone once normalized).
 */
const RUBY_FAULT = /\bQuickbooks::IntuitRequestException: ?([^\n]{1,300}):[ \t]*\n[ \t]*([^\n]{1,2000})/g;

/**
 * Replaces each JSON or XML fault body in the text with one line per error it holds (pushed to
 * `found` when given), and a fault the Ruby SDK raised with its one line. Text around the bodies
 * (log prefixes, prose) is kept.
 */
export function unwrapFaults(text: string, found?: Fault[]): string {
  let out = text.includes('IntuitRequestException')
    ? text.replace(RUBY_FAULT, (_, message: string, detail: string) => {
        const fault = { code: '', message: message.trim(), detail: detail.trim() };
        found?.push(fault);
        return faultLine(fault);
      })
    : text;
  for (let guard = 0; guard < 50; guard++) {
    const lower = out.toLowerCase();
    const j = lower.search(/"fault"\s*:/);
    const x = lower.search(/<(?:intuitresponse|fault)\b/);
    if (j < 0 && x < 0) break;
    if (j >= 0 && (x < 0 || j < x)) {
      const start = out.lastIndexOf('{', j);
      const from = start < 0 ? j : start;
      const end = jsonEnd(out, from);
      const faults = jsonFaults(out.slice(from, end));
      found?.push(...faults);
      const lines = faults.map(faultLine).filter(Boolean);
      out = `${out.slice(0, from)}\n${lines.join('\n')}\n${out.slice(end)}`;
    } else {
      const closeTag = lower.startsWith('<intuitresponse', x) ? '</intuitresponse>' : '</fault>';
      const close = lower.indexOf(closeTag, x);
      const end = close < 0 ? out.length : close + closeTag.length;
      const faults = xmlFaults(out.slice(x, end));
      found?.push(...faults);
      const lines = faults.map(faultLine).filter(Boolean);
      // The body's XML declaration (`<?xml version="1.0" …?>`) goes with it: left alone it was a
      // line that matched nothing, and sent a fault already answered to fuzzy search.
      const before = out.slice(Math.max(0, x - DECLARATION_CHARS), x);
      const declaration = XML_DECLARATION.exec(before);
      const from = declaration ? x - before.length + declaration.index : x;
      out = `${out.slice(0, from)}\n${lines.join('\n')}\n${out.slice(end)}`;
    }
  }
  return out;
}

/**
 * JSON-escaped text outside a fault body (`{"errors":["GL account \\"Fuel\\" …"]}`, a log's
 * `doesn\\u2019t`): plain quotes, slashes and \\u escapes.
 */
export function unescapeJsonText(text: string): string {
  // Only these three: outside a JSON string, a backslash before `n` or another backslash may be a
  // Windows path's (`C:\new`).
  return /\\["/u]/.test(text) ? text.replace(/\\(u[0-9a-fA-F]{4}|["/])/g, readEscape) : text;
}

/**
 * Quoted cells of a CSV or tab-separated export (`Failed,"GL account ""Fuel"" does not exist in QB"`):
 * the cell's quotes dropped and its doubled quotes made single. A cell starts after a comma, a tab
 * (a space once normalized) or the line start and ends before one or the line end; only cells that
 * hold doubled quotes change. Each scan stops at the next lone quote.
 */
export function unquoteCells(text: string): string {
  if (!text.includes('""')) return text;
  return text.replace(/(^|[,\t ])"((?:[^"\n]|""){0,4000})"(?=[,\t ]|$)/gm, (m, sep: string, cell: string) =>
    cell.includes('""') ? sep + cell.replace(/""/g, '"') : m,
  );
}

/** QBO error codes named as codes: `code="6240"`, `"code":"6240"`, `QB Exception 6240`, `error code 6240`, `Error 6240:`, and Intuit's `errorCode=003001` (3001). */
const CODE_RE =
  /(?:\b(?:error_?)?code\b["']?\s*[:=#]?\s*["']?0{0,2}|\bQB\s*Exception\s*|\berror\s+(?:code\s*)?#?)(\d{3,5})\b/gi;

/** A bare number and the word before it. */
const BARE_NUMBER = /(?:([\p{L}#]{1,20})[\s:.#-]{0,3})?\b(\d{3,5})\b/gu;
/** A number after one of these is a record's number (`Invoice 6140`, `payment #5020`), not a QBO code. */
const RECORD_WORD =
  /^(?:invoices?|payments?|deposits?|jobs?|customers?|vendors?|batch(?:es)?|entry|entries|je|records?|txn|transactions?|id|no|nr|number|#|items?|orders?|tickets?|bills?|estimates?|locations?|accounts?|class(?:es)?|units?|runs?|docnumber|txnid|line|lines|row|rows|page|step|version|port)$/i;

/**
 * QuickBooks' and Intuit's names, written once: Intuit's own count too, its OAuth library for
 * Python (`intuitlib`) and its request id (`intuit_tid`).
 */
const QBO_NAMES = String.raw`qbo|quickbooks(?:\s?online)?|intuit(?:lib|_tid)?`;
/** A line about QuickBooks that reports a failure: a bare number on it may be a QBO code. */
const QBO_CONTEXT = new RegExp(String.raw`(?<![\\])\b(?:${QBO_NAMES})\b`, 'i');
/** Words of failure, QBO's fault types among them (`<Fault type="SystemFault">`). */
const FAILURE_CONTEXT =
  /\b(?:error|code|exception|fault|returned|status|failed)\b|\b(?:Validation|System|Authentication|Authorization|Service)Fault\b/i;

/** A line that is nothing but a number, maybe after QuickBooks' name (`2500`, `QBO 5010`): someone looking a code up. */
const ONLY_A_CODE = new RegExp(String.raw`^\s*(?:(?:${QBO_NAMES})\s?[:#-]?\s?)?#?(\d{3,5})\s*$`, 'i');

/** Whether the line is nothing but a number that could be a QBO code (`2500`, `QBO 5010`). */
export const onlyACode = (line: string): boolean => ONLY_A_CODE.test(line);

/** The line names QuickBooks (QBO, QuickBooks, Intuit, intuitlib, intuit_tid); a Windows folder named QBO (`\\FS01\\QBO Exports`) does not count. */
export function aboutQuickBooks(segment: string): boolean {
  return QBO_CONTEXT.test(segment);
}

/**
 * A log level opening a line, what a logger writes before its message (log4j's, syslog's, Python's,
 * java.util.logging's), and what follows it up to the message.
 */
const LOG_LEVEL =
  /^(?:ERROR|ERR|WARN(?:ING)?|INFORMATION|INFO|DEBUG|FATAL|TRACE|NOTICE|VERBOSE|CRITICAL|SEVERE)\b[\s:|-]*/i;

/** `Name:` opening a line: one word, capitalised (`GitLab:`, `Okta:`, `Xero:`). */
const LEADING_NAME = /^\s*([A-Z][\p{L}\d]{1,30})\s*:(?!\/\/)/u;
/**
 * A host name (`login.salesforce.com`), not part of an email address, nor of a dotted name that
 * goes on after its "top-level domain": Java's and .NET's `com.sun.org.apache…`, `System.Net.WebException`.
 */
const HOST = /(?<![@\w.-])(?:[a-z\d-]+\.)+(?:com|net|org|io|dev|cloud|co|app|ai)\b(?!\.\w)/gi;
/** QuickBooks' names inside a word or a host (`QuickBooksOnline`, `quickbooks.api.intuit.com`). */
const QBO_NAME = new RegExp(QBO_NAMES, 'i');

/**
 * A person speaks, not a system: a word of the first person (`I`, `we`, `my`, `our`, `me`, `us`) or
 * a question. After a name opening a line, it is a speaker's label in a pasted ticket or chat
 * (`Bookkeeper: we exported twice and…`), not another system's message.
 */
const PERSON = /\b(?:I|[Ww]e|[Oo]ur|[Mm]y|me|us)\b(?!\/)|\?(?:\s|$)/;
/**
 * Another system speaks on this line: it opens with a name that no page knows (`GitLab: …`), not a
 * log level (`Warning: …`, `NOTICE: …`: what a logger writes), and no person speaks after it (PERSON), or
 * it names a host that is not Intuit's (`POST https://login.salesforce.com/…`). A model feature:
 * evidence against a page whose words the line shares, never a rule.
 */
export function otherSystem(line: string, knows: (word: string) => boolean): boolean {
  const lead = LEADING_NAME.exec(line);
  const name = lead?.[1];
  if (
    name &&
    !QBO_NAME.test(name) &&
    !LOG_LEVEL.test(name) &&
    !knows(name) &&
    !PERSON.test(line.slice(lead[0].length))
  )
    return true;
  for (const m of line.matchAll(HOST)) if (!QBO_NAME.test(m[0])) return true;
  return false;
}

/**
 * The number `digits`, ending at `end` in the line, is an HTTP status, not a QBO error code: HTTP's
 * name for a status comes just before it (`HTTP 500`, `statusCode=504`), or an error status's
 * reason phrase just after it (`500 Internal Server Error`, `503- Service Unavailable`). QBO has a
 * code 500 of its own ("Unsupported Operation"), which an HTTP 500 says nothing about. A status is
 * three digits, 100 to 599: the number after a QBO title that ends in "Status" is its code
 * (`Invalid Company Status (6190)`).
 */
function httpStatus(segment: string, end: number, digits: string): boolean {
  if (!/^[1-5]\d\d$/.test(digits)) return false;
  const at = end - digits.length;
  return (
    HTTP_BEFORE.test(segment.slice(Math.max(0, at - 40), at)) ||
    (/^[45]\d\d$/.test(digits) && HTTP_REASON.test(segment.slice(end, end + 40)))
  );
}

/**
 * QBO error codes in a line: numbers named as codes, a line that is nothing but one of the `known`
 * codes, and (on a line about QuickBooks reporting a failure, or one that carries a QBO fault title:
 * `titled`) bare numbers that are `known` codes. An HTTP status is not a code (httpStatus).
 */
export function findCodes(segment: string, known?: ReadonlySet<string>, titled = false): number[] {
  const codes = new Set<number>();
  for (const m of segment.matchAll(CODE_RE)) {
    const digits = m[1]!;
    if (!httpStatus(segment, m.index + m[0].length, digits)) codes.add(Number(digits));
  }
  const alone = ONLY_A_CODE.exec(segment)?.[1];
  if (alone && known?.has(alone)) codes.add(Number(alone));
  if (known && (titled || (aboutQuickBooks(segment) && FAILURE_CONTEXT.test(segment)))) {
    for (const m of segment.matchAll(BARE_NUMBER)) {
      const digits = m[2]!;
      if (
        known.has(digits) &&
        !RECORD_WORD.test(m[1] ?? '') &&
        !httpStatus(segment, m.index + m[0].length, digits)
      )
        codes.add(Number(digits));
    }
  }
  return [...codes];
}

const PREFIXES = [
  /^\[?\d{2,4}[-/.]\d{1,2}[-/.]\d{1,4}[T ]?[\d:.,]{0,15}\s?(?:Z|[AP]M|UTC|[+-]\d{2}:?\d{2})?\]?[\s|-]*/i,
  /^\[?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,6})?\s?(?:[AP]M)?\]?[\s|-]*/i,
  /^\[[^\]\n]{0,60}\][\s:|-]*/,
  LOG_LEVEL,
  /^(?:error|exception|failed|failure|message)\s*:\s*/i,
  /^[\w.$]{1,60}(?:Exception|Error|Service|Job|Worker|Exporter)\s*:\s*/,
  /^(?:>+|-|\*|\d{1,4}[.)])\s+/,
];

/**
 * A line of a stack trace: where an error was thrown, never what it says. A .NET, Java or
 * JavaScript frame (`at Intuit.Ipp.DataService.DataService.Add[T](T entity)`,
 * `at com.intuit.ipp.interceptors.HandleResponseInterceptor.execute(HandleResponseInterceptor.java:99)`,
 * `at Object.<anonymous> (/srv/sync.js:10:5)`: a dotted name, then its arguments or place, and
 * .NET's ` in C:\src\Sync.cs:line 42`; or JavaScript's `at settle (/app/settle.js:17:12)` and
 * `at /app/index.js:3:9`: a file's path, line and column), .NET's `--- End of inner exception stack trace ---`, or Python's
 * `File "sync.py", line 12, in push`. Each part of the name is free of dots, so the test is linear.
 */
const STACK_FRAME =
  /^(?:at\s+(?:async\s+)?[\w$<>`[\],]+(?:\.[\w$<>`[\],]+)+\s*(?:\([^()]{0,300}\))?(?:\s+in\s+.{1,300})?|at\s+(?:async\s+)?(?:[\w$<>.[\]]{1,200}\s+)?\((?:file:|node:|[a-z]:\\|[/.~])[^()\s]{0,300}:\d+:\d+\)|at\s+(?:async\s+)?(?:file:|node:|[a-z]:\\|[/.~])[^\s()]{0,300}:\d+:\d+|---\s*End of [\w ]{0,40}stack trace[\w ]{0,40}---|File\s+"[^"]{1,300}",\s+line\s+\d+(?:,\s+in\s+\S{1,100})?)$/i;
/**
 * A stack trace's own lines that tell no error: Java's `... 12 more`, logback's `... 3 common frames
 * omitted`, Python's `Traceback (most recent call last):` and the lines that chain two tracebacks.
 */
const TRACE_LINE =
  /^(?:\.\.\.\s\d{1,6}\s(?:more|common frames omitted)$|Traceback \(most recent call last\)|During handling of the above exception|The above exception was the direct cause)/;
export const stackFrame = (line: string): boolean => {
  const t = line.trim();
  return line.length <= 800 && (STACK_FRAME.test(t) || TRACE_LINE.test(t));
};

/** Of the stack frames (stackFrame), Python's (`File "sync.py", line 12, in push`): the line after it is its source line. */
export const pythonFrame = (frame: string): boolean => /^\s*File\s/.test(frame);
/** A line that reads as an exception (`quickbooks.exceptions.ValidationException: …`, `KeyError`), not source code. */
export const exceptionLine = (line: string): boolean => /^[\w.]{1,200}(?::\s|:?$)/.test(line.trim());

/** Strips timestamps, levels, tags and list markers from the start of a line. */
export function stripLogPrefix(line: string): string {
  let s = line.trim();
  for (let i = 0; i < 8; i++) {
    const before = s;
    for (const re of PREFIXES) s = s.replace(re, '');
    if (s === before) break;
  }
  return s.trim();
}

/** The platform's, the SDK's and QBO's own wrappers around a QuickBooks message: `BadRequest. Details:`, QBO's one Message for every 6000 detail (`A business validation error has occurred while processing your request`), `Validation Exception was thrown.Details:`, `QB Exception 6240:`, `Intuit.Ipp.Exception.IdsException:`. */
const WRAPPERS =
  /\b(?:BadRequest\.?\s?Details\s?:|A\s?business\s?validation\s?error\s?has\s?occurred\s?while\s?processing\s?your\s?request\.?(?:\s?Details\s?:)?|Validation\s?Exception\s(?:was\s)?thrown\.?\s?(?:Details\s?:)?|QB\s?Exception\s?\d{0,6}\s?:|(?:[A-Za-z]{1,30}\.){1,6}[A-Za-z]{0,40}Exception\s?:)/gi;

/** The line without those wrappers: what is left is the message itself. */
export function stripWrappers(line: string): string {
  return line.replace(WRAPPERS, ' ');
}
