/**
 * Typed readings of the values a message carries, for tailored fixes. Pure functions: the island,
 * the error pages and the tests share them. Nothing here returns HTML.
 */
import { groupDigits } from './digits';

export { groupDigits };

export interface DayDate {
  /** Date in UTC midnight. */
  date: Date;
  /** The order the parts were read in, for writing a date back the way the person wrote it: month first, year first, or day first. */
  style: 'us' | 'iso' | 'dm';
}

/** A date in two-digit parts, year last: 03/14/2026, 14.03.26. */
const SLASHED = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$/;

/**
 * Whether the dates of one message are written day first (14/03/2026, as a company outside the US
 * prints them): one of them has a first part that no month has, and none a second part that no
 * month has. Dates that could be either are read month first, as the help article writes the
 * message (MM/DD/YYYY).
 */
export function dayFirst(texts: readonly string[]): boolean {
  const parts = texts.flatMap((t) => {
    const m = SLASHED.exec(t.trim());
    return m ? [[Number(m[1]), Number(m[2])] as const] : [];
  });
  return parts.some(([a]) => a > 12) && !parts.some(([, b]) => b > 12);
}

/** Reads 03/14/2026, 3/14/2026, 3-14-26 (US month/day order, as QuickBooks Online US prints; day first when `byDay`: dayFirst) or 2026-03-14. */
export function parseDate(text: string, byDay = false): DayDate | undefined {
  const t = text.trim();
  let y: number;
  let m: number;
  let d: number;
  let style: DayDate['style'];
  let match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(t);
  if (match) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
    style = 'iso';
  } else {
    match = SLASHED.exec(t);
    if (!match) return undefined;
    [m, d, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (byDay) [m, d] = [d, m];
    if (y < 100) y += 2000;
    style = byDay ? 'dm' : 'us';
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return undefined;
  return { date, style };
}

const pad = (n: number) => String(n).padStart(2, '0');

export function formatDate(d: DayDate): string {
  const { date } = d;
  const [y, m, day] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
  if (d.style === 'iso') return `${y}-${pad(m)}-${pad(day)}`;
  return d.style === 'dm' ? `${pad(day)}/${pad(m)}/${y}` : `${pad(m)}/${pad(day)}/${y}`;
}

const DAY = 86_400_000;

export interface ClosingDateAdvice {
  txnDate: string;
  closingDate: string;
  /** Whole days the transaction date lies before the closing date (0 if the same day). */
  daysBefore: number;
  /** What to set the closing date to for the re-sync: the day before the transaction date. */
  moveTo: string;
}

/** A transaction date against the closing date, both read (parseDate), written back as the closing date is. */
export function closingDateAdvice(t: DayDate, c: DayDate): ClosingDateAdvice {
  const daysBefore = Math.round((c.date.getTime() - t.date.getTime()) / DAY);
  const moveTo = formatDate({ date: new Date(t.date.getTime() - DAY), style: c.style });
  return { txnDate: formatDate({ ...t, style: c.style }), closingDate: formatDate(c), daysBefore, moveTo };
}

/**
 * Reads 1,234.50, $1,234.50, -20 or 1234.5: commas only between groups of three digits, so a
 * decimal comma (250,00) is no amount, rather than 25,000.
 */
export function parseAmount(text: string): number | undefined {
  const t = text.trim().replace(/[$\s]/g, '');
  if (!/^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/.test(t)) return undefined;
  return Number(t.replace(/,/g, ''));
}

export interface AmountAdvice {
  depositTotal: number;
  paymentsTotal: number;
  /** Deposit total minus payments total, rounded to cents. */
  difference: number;
}

export function amountAdvice(deposit: string, payments: string): AmountAdvice | undefined {
  const d = parseAmount(deposit);
  const p = parseAmount(payments);
  if (d === undefined || p === undefined) return undefined;
  return { depositTotal: d, paymentsTotal: p, difference: Math.round((d - p) * 100) / 100 };
}

/** An amount with two decimals and grouped thousands: -1234.5 → "-1,234.50". */
export const formatMoney = (n: number) => {
  const [whole = '0', cents = '00'] = Math.abs(n).toFixed(2).split('.');
  return `${n < 0 ? '-' : ''}${groupDigits(whole)}.${cents}`;
};

export interface AccountRow {
  number: string;
  name: string;
  type: string;
  subtype: string;
}

export interface AccountsList {
  rows: AccountRow[];
  /** False when the list was cut off or broken: rows holds what could be read. */
  complete: boolean;
}

const field = (obj: string, key: string) => {
  const m = new RegExp(`"${key}"\\s*:\\s*"((?:[^"\\\\]|\\\\.){0,200})"`, 'i').exec(obj);
  return m ? m[1]!.replace(/\\(.)/g, '$1') : '';
};

/**
 * Reads the "Accounts were not found" JSON list. Broken or cut-off JSON still gives every account
 * object that is whole, plus `complete: false`.
 */
/** A JSON scalar as text; objects, arrays and absent values are ''. */
const scalar = (v: unknown): string =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';

export function parseAccounts(json: string): AccountsList {
  const text = json.trim();
  try {
    const data: unknown = JSON.parse(text);
    if (Array.isArray(data)) {
      const rows = data
        .filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null)
        .map((x) => ({
          number: scalar(x['AccountNumber']),
          name: scalar(x['AccountName']),
          type: scalar(x['AccountType']),
          subtype: scalar(x['AccountSubtype'] ?? x['AccountSubType']),
        }));
      return { rows, complete: true };
    }
  } catch {
    /* fall through to the tolerant reading */
  }
  const rows: AccountRow[] = [];
  for (const m of text.matchAll(/\{[^{}]{0,2000}\}/g)) {
    const obj = m[0];
    const row = {
      number: field(obj, 'AccountNumber'),
      name: field(obj, 'AccountName'),
      type: field(obj, 'AccountType'),
      subtype: field(obj, 'AccountSubtype'),
    };
    if (row.name || row.number) rows.push(row);
  }
  return { rows, complete: false };
}

/** Reads ["101","202"] (or a cut-off list) into its items. */
export function parseIdList(json: string): string[] {
  try {
    const data: unknown = JSON.parse(json);
    if (Array.isArray(data)) return data.map(String);
  } catch {
    /* tolerant reading below */
  }
  return [...json.matchAll(/"([^"]{1,80})"/g)].map((m) => m[1]!);
}

/**
 * A value as a person reads it: the "Accounts were not found" JSON list as its accounts
 * ("1200 Undeposited Funds, 2200 Sales Tax Payable"), a JSON list of ids as "1041, 1187", anything
 * else as it is.
 */
export function readableValue(value: string): string {
  const text = value.trim();
  if (!/^[[{]/.test(text)) return value;
  if (/"AccountN(ame|umber)"/i.test(text)) {
    const { rows, complete } = parseAccounts(text);
    const names = rows.map((r) => [r.number, r.name].filter(Boolean).join(' '));
    return `${names.join(', ') || '(none readable)'}${complete ? '' : ' (list cut off)'}`;
  }
  const ids = parseIdList(text);
  return ids.length ? ids.join(', ') : value;
}

/** Every distinct value of every occurrence, by placeholder name, in paste order. */
export function valuesSeen(
  all: readonly Readonly<Record<string, string>>[],
  max = 20,
): Record<string, string[]> {
  const seen: Record<string, string[]> = {};
  for (const values of all)
    for (const [k, v] of Object.entries(values)) {
      const list = (seen[k] ??= []);
      if (v && !list.includes(v) && list.length < max) list.push(v);
    }
  return seen;
}
