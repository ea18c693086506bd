/**
 * Tailored fixes: what the values in a person's message mean for the fix. Driven by placeholder
 * names, not page slugs, so any page whose pattern names a value (txnDate, closingDate, accounts…)
 * gets the same advice. Each note is anchored on a placeholder name; the page's `valueSteps`
 * frontmatter says at which fix step that note belongs. Returns plain text only.
 */
import {
  amountAdvice,
  closingDateAdvice,
  dayFirst,
  formatMoney,
  parseAccounts,
  parseDate,
  parseIdList,
  type AccountRow,
} from './values';

export interface TailoredNote {
  /** The placeholder the note is about; `valueSteps` maps it to a fix step. */
  anchor: string;
  text: string;
  /** A checklist table (accounts not found). */
  rows?: AccountRow[];
}

const q = (s: string) => `“${s}”`;

/** A QuickBooks transaction type that is a journal entry, as faults write it (`Journal Entry`, `JournalEntry`). */
const JOURNAL_ENTRY = /^journal\s*entry$/i;
/** After values that do not fit their error: the message may have been cut or pasted in part. */
const COPIED_WHOLE = 'Check that the message was copied whole.';

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
      text: `${n} account${n === 1 ? '' : 's'} to create in QuickBooks Online, or to rename so the names match exactly${complete ? '' : ` (the list in your message was cut off or broken: ${n === 0 ? 'no account could be read' : `only the first ${n} could be read`})`}.`,
      rows,
    });
  }
  if (v['sourceAccount'] && v['targetAccount']) {
    const [source, target] = [v['sourceType'] ?? '?', v['targetType'] ?? '?'];
    notes.push({
      anchor: 'sourceAccount',
      // Types the message says are the same are no mismatch: say so, as for dates that do not fit.
      text:
        source.trim().toLowerCase() === target.trim().toLowerCase()
          ? `Both accounts are typed ${target} in this message, so the types do not fit this error. ${COPIED_WHOLE}`
          : `The source account ${q(v['sourceAccount'])} is typed ${source}, but the target account ${q(v['targetAccount'])} in QuickBooks Online is typed ${target}. Make the two types match.`,
    });
  }
  if (v['businessUnit'] && v['qboClass']) {
    notes.push({
      anchor: 'businessUnit',
      text: `Map the business unit ${q(v['businessUnit'])} to the QuickBooks Online class ${q(v['qboClass'])}, and make sure that class exists in QuickBooks Online.`,
    });
  }
  if (v['entryBusinessUnits'] && v['peerBusinessUnits']) {
    const peer = new Set(parseIdList(v['peerBusinessUnits']));
    const held = parseIdList(v['entryBusinessUnits']);
    const extra = held.filter((id) => !peer.has(id));
    const syncPeer = `sync peer ${v['syncPeer'] ?? ''}`.trim();
    notes.push({
      anchor: 'entryBusinessUnits',
      text:
        held.length && !extra.length
          ? `The journal entry holds only business units ${syncPeer} is set up for (${held.join(', ')}), so they do not fit this error. ${COPIED_WHOLE}`
          : `The journal entry holds business unit${extra.length === 1 ? '' : 's'} ${extra.join(', ') || '(none listed)'} that ${syncPeer} is not set up for (it is set up for ${[...peer].join(', ') || 'none'}).`,
    });
  }
  if (v['docNumber']) {
    const type = v['txnType'];
    const which = `${type ?? 'the transaction'} number ${v['docNumber']}${v['txnId'] ? ` (TxnId ${v['txnId']})` : ''}`;
    notes.push({
      anchor: 'docNumber',
      // The article's fix (remove it, then resync) is for a journal entry's number. QuickBooks gives
      // the same error for any transaction type, and telling someone to delete an invoice or a
      // payment would be advice the article never gives.
      text:
        !type || JOURNAL_ENTRY.test(type.trim())
          ? `In QuickBooks Online, find ${which} and delete it, then re-sync.`
          : `QuickBooks Online already has ${which}. These steps are for a journal entry's number: contact Technical Support before you delete it.`,
    });
  }
  if (v['depositTotal'] && v['paymentsTotal']) {
    const a = amountAdvice(v['depositTotal'], v['paymentsTotal']);
    if (a) {
      const [deposit, payments, diff] = [a.depositTotal, a.paymentsTotal, Math.abs(a.difference)].map(
        formatMoney,
      );
      notes.push({
        anchor: 'depositTotal',
        text:
          a.difference === 0
            ? `The deposit total and the sum of the payments are both ${deposit}: the amounts agree, so look at what the deposit was matched to in QuickBooks Online.`
            : // The difference, and nothing on where it lies: the article's cause is a deposit already
              // matched in QuickBooks Online, and its fix (unmatch, then re-sync) is the step's own.
              `The deposit total ${deposit} is ${diff} ${a.difference > 0 ? 'more' : 'less'} than the sum of the payments, ${payments}.`,
      });
    }
  }
  if (v['invoiceId'])
    notes.push({
      anchor: 'invoiceId',
      text: `Invoice ID ${v['invoiceId']} has not synchronized to the GL yet.`,
    });
  if (v['journalKey'])
    notes.push({
      anchor: 'journalKey',
      text: `The journal entry QuickBooks Online could not find has the key ${v['journalKey']}.`,
    });
  if (v['account']) {
    const account = v['account'];
    const parts = account.split(':').map((p) => p.trim());
    notes.push({
      anchor: 'account',
      text:
        parts.length > 1 && parts.every(Boolean)
          ? `${q(account)} is already in Parent:Sub form. In QuickBooks Online, check that ${q(parts.slice(0, -1).join(':'))} exists with the sub-account ${q(parts.at(-1)!)} under it, spelled exactly as here, and that both are active.`
          : `Look for ${q(account)} in QuickBooks Online. If it is a sub-account there, name it in ServiceTitan as “Parent Account:${account}”, with its parent’s real name.`,
    });
  }
  if (v['entity'] && v['action']) {
    notes.push({
      anchor: 'entity',
      text: `Your QuickBooks user is missing the permission to ${v['action']} ${v['entity']}.`,
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

const dayCount = (n: number) => (n === 1 ? '1 day' : `${n} days`);
const listed = (items: string[]) =>
  items.length < 3 ? items.join(' and ') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;

/**
 * Closing date: every occurrence's transaction date counts, and the earliest decides (moving the
 * date to the day before a later one leaves the earlier ones failing). Dates that are not before
 * the closing date do not fit this error, and the note says so rather than count negative days.
 */
function closingDateNote(all: readonly Readonly<Record<string, string>>[]): TailoredNote | undefined {
  // The paste's dates are all written one way: day first when one of them can only be.
  const byDay = dayFirst(all.flatMap((o) => [o['txnDate'] ?? '', o['closingDate'] ?? '']));
  const read = (name: string) =>
    [...new Set(all.map((o) => o[name] ?? ''))].flatMap((text) => parseDate(text, byDay) ?? []);
  // The books are closed to the latest closing date the paste names (normally there is one).
  const closing = read('closingDate').sort((a, b) => b.date.getTime() - a.date.getTime())[0];
  if (!closing) return undefined;
  const advice = read('txnDate').map((t) => closingDateAdvice(t, closing));
  if (!advice.length) return undefined;
  const fitting = advice.filter((a) => a.daysBefore > 0).sort((a, b) => b.daysBefore - a.daysBefore);
  const anchor = 'closingDate';
  const closingText = advice[0]!.closingDate;
  const misfits = advice.length - fitting.length;
  if (!fitting.length) {
    const dates = listed(advice.map((a) => a.txnDate));
    return {
      anchor,
      text: `The transaction date${advice.length === 1 ? '' : 's'} ${dates} ${advice.length === 1 ? 'is' : 'are'} not before the closing date ${closingText}, so the dates in this message do not fit this error. Check that the message was copied whole, and look at the closing date in QuickBooks Online.`,
    };
  }
  const earliest = fitting[0]!;
  const dates = fitting.map((a) => a.txnDate);
  const lead =
    fitting.length === 1
      ? `The transaction is dated ${earliest.txnDate}, ${dayCount(earliest.daysBefore)} before the closing date ${closingText}.`
      : `The transactions are dated ${listed(dates)}; the earliest, ${earliest.txnDate}, is ${dayCount(earliest.daysBefore)} before the closing date ${closingText}.`;
  const rest = misfits
    ? ` (${misfits === 1 ? 'One more date is' : `${misfits} more dates are`} not before the closing date: ${misfits === 1 ? 'it does' : 'they do'} not fit this error.)`
    : '';
  return {
    anchor,
    text: `${lead}${rest} Move the closing date to ${earliest.moveTo} (the day before the ${fitting.length === 1 ? 'transaction' : 'earliest transaction'}), re-sync, then set it back to ${closingText}.`,
  };
}
