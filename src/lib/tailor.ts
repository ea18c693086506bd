/**
 * Tailored fixes: what the values in a person's message mean for the fix. Driven by placeholder
 * names, not page slugs, so any page whose pattern names a value (txnDate, closingDate, accounts…)
 * gets the same advice. Each note is anchored on a placeholder name; the page's `valueSteps`
 * frontmatter says at which fix step that note belongs. Returns plain text only; the sentences are
 * in wording.ts.
 */
import {
  amountAdvice,
  closingDateAdvice,
  formatMoney,
  parseAccounts,
  parseDate,
  parseIdList,
  type AccountRow,
  type ClosingDateAdvice,
} from './values';
import { tailored as W } from './wording';

export interface TailoredNote {
  /** The placeholder the note is about; `valueSteps` maps it to a fix step. */
  anchor: string;
  text: string;
  /** A checklist table (accounts not found). */
  rows?: AccountRow[];
}

/**
 * The notes for a message's values. `all` holds the values of every occurrence of the error in
 * the paste (default: just these), so a note can weigh them all: the earliest of several
 * transaction dates decides where the closing date must go.
 */
export function tailor(
  values: Readonly<Record<string, string>>,
  all: readonly Readonly<Record<string, string>>[] = [values],
): TailoredNote[] {
  const v = values;
  const notes: TailoredNote[] = [];
  if (v['txnDate'] && v['closingDate']) {
    const note = closingDateNote(all.length ? all : [values]);
    if (note) notes.push(note);
  }
  if (v['accounts']) {
    const { rows, complete } = parseAccounts(v['accounts']);
    const n = rows.length;
    notes.push({
      anchor: 'accounts',
      text: W.accounts(n, complete),
      rows,
    });
  }
  if (v['sourceAccount'] && v['targetAccount']) {
    notes.push({
      anchor: 'sourceAccount',
      text: W.accountTypes(v['sourceAccount'], v['sourceType'], v['targetAccount'], v['targetType']),
    });
  }
  if (v['businessUnit'] && v['qboClass']) {
    notes.push({
      anchor: 'businessUnit',
      text: W.businessUnitClass(v['businessUnit'], v['qboClass']),
    });
  }
  if (v['entryBusinessUnits'] && v['peerBusinessUnits']) {
    const peer = new Set(parseIdList(v['peerBusinessUnits']));
    const extra = parseIdList(v['entryBusinessUnits']).filter((id) => !peer.has(id));
    notes.push({
      anchor: 'entryBusinessUnits',
      text: W.businessUnits(extra, v['syncPeer'], [...peer]),
    });
  }
  if (v['docNumber']) {
    notes.push({
      anchor: 'docNumber',
      text: W.docNumber(v['txnType'], v['docNumber'], v['txnId']),
    });
  }
  if (v['depositTotal'] && v['paymentsTotal']) {
    const a = amountAdvice(v['depositTotal'], v['paymentsTotal']);
    if (a) {
      const deposit = formatMoney(a.depositTotal);
      const payments = formatMoney(a.paymentsTotal);
      const diff = formatMoney(Math.abs(a.difference));
      notes.push({
        anchor: 'depositTotal',
        text:
          a.difference === 0
            ? W.depositAgrees(deposit)
            : a.difference > 0
              ? W.depositMore(deposit, diff, payments)
              : W.depositLess(deposit, diff, payments),
      });
    }
  }
  if (v['invoiceId'])
    notes.push({
      anchor: 'invoiceId',
      text: W.invoice(v['invoiceId']),
    });
  if (v['journalKey'])
    notes.push({
      anchor: 'journalKey',
      text: W.journalKey(v['journalKey']),
    });
  if (v['account']) {
    const account = v['account'];
    const parts = account.split(':').map((p) => p.trim());
    notes.push({
      anchor: 'account',
      text:
        parts.length > 1 && parts.every(Boolean)
          ? W.accountParentSub(account, parts.slice(0, -1).join(':'), parts.at(-1)!)
          : W.accountLookFor(account),
    });
  }
  if (v['entity'] && v['action']) {
    notes.push({
      anchor: 'entity',
      text: W.permission(v['action'], v['entity']),
    });
  }
  return notes;
}

/** The first note, for the one-line version on a result card. */
export function oneLine(
  values: Readonly<Record<string, string>>,
  all?: readonly Readonly<Record<string, string>>[],
): string | undefined {
  return tailor(values, all)[0]?.text;
}

/**
 * Closing date: every occurrence's transaction date counts, and the earliest decides (moving the
 * date to the day before a later one leaves the earlier ones failing). Dates that are not before
 * the closing date do not fit this error, and the note says so rather than count negative days.
 */
function closingDateNote(all: readonly Readonly<Record<string, string>>[]): TailoredNote | undefined {
  const read = (name: string) =>
    [...new Set(all.map((o) => o[name] ?? ''))]
      .map((text) => ({ text, date: parseDate(text) }))
      .filter((d) => d.date !== undefined);
  // The books are closed to the latest closing date the paste names (normally there is one).
  const closing = read('closingDate').sort((a, b) => b.date!.date.getTime() - a.date!.date.getTime())[0];
  if (!closing) return undefined;
  const advice = read('txnDate')
    .map((t) => closingDateAdvice(t.text, closing.text))
    .filter((a): a is ClosingDateAdvice => a !== undefined);
  if (!advice.length) return undefined;
  const fitting = advice.filter((a) => a.daysBefore > 0).sort((a, b) => b.daysBefore - a.daysBefore);
  const anchor = 'closingDate';
  const closingText = advice[0]!.closingDate;
  const misfits = advice.length - fitting.length;
  if (!fitting.length) {
    return {
      anchor,
      text: W.closingMisfit(
        advice.map((a) => a.txnDate),
        closingText,
      ),
    };
  }
  const earliest = fitting[0]!;
  const lead =
    fitting.length === 1
      ? W.closingOne(earliest.txnDate, earliest.daysBefore, closingText)
      : W.closingMany(
          fitting.map((a) => a.txnDate),
          earliest.txnDate,
          earliest.daysBefore,
          closingText,
        );
  const rest = misfits ? W.closingSomeMisfit(misfits) : '';
  return {
    anchor,
    text: `${lead}${rest}${W.closingMove(earliest.moveTo, fitting.length !== 1, closingText)}`,
  };
}
