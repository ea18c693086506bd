/**
 * Tailored fixes: what the values in a person's message mean for the fix. Driven by placeholder
 * names, not page slugs, so any page whose pattern names a value (txnDate, closingDate, accounts…)
 * gets the same advice. Each note is anchored on a placeholder name; the page's `valueSteps`
 * frontmatter says at which fix step that note belongs. Returns plain text only.
 */
import {
  amountAdvice,
  closingDateAdvice,
  formatMoney,
  parseAccounts,
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

export function tailor(values: Readonly<Record<string, string>>): TailoredNote[] {
  const v = values;
  const notes: TailoredNote[] = [];
  if (v['txnDate'] && v['closingDate']) {
    const a = closingDateAdvice(v['txnDate'], v['closingDate']);
    if (a) {
      const gap = a.daysBefore === 1 ? '1 day' : `${a.daysBefore} days`;
      notes.push({
        anchor: 'closingDate',
        text: `The transaction is dated ${a.txnDate}, ${gap} before the closing date ${a.closingDate}. Move the closing date to ${a.moveTo} (the day before the transaction), re-sync, then set it back to ${a.closingDate}.`,
      });
    }
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
    notes.push({
      anchor: 'sourceAccount',
      text: `The source account ${q(v['sourceAccount'])} is typed ${v['sourceType'] ?? '?'}, but the target account ${q(v['targetAccount'])} in QuickBooks Online is typed ${v['targetType'] ?? '?'}. Make the two types match.`,
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
    const extra = parseIdList(v['entryBusinessUnits']).filter((id) => !peer.has(id));
    notes.push({
      anchor: 'entryBusinessUnits',
      text: `The journal entry holds business unit${extra.length === 1 ? '' : 's'} ${extra.join(', ') || '(none listed)'} that sync peer ${v['syncPeer'] ?? ''} is not set up for (it is set up for ${[...peer].join(', ') || 'none'}).`.replace(
        '  ',
        ' ',
      ),
    });
  }
  if (v['docNumber']) {
    notes.push({
      anchor: 'docNumber',
      text: `In QuickBooks Online, find ${v['txnType'] ?? 'the transaction'} number ${v['docNumber']}${v['txnId'] ? ` (TxnId ${v['txnId']})` : ''} and delete it, then re-sync.`,
    });
  }
  if (v['depositTotal'] && v['paymentsTotal']) {
    const a = amountAdvice(v['depositTotal'], v['paymentsTotal']);
    if (a) {
      const diff = Math.abs(a.difference);
      const rel =
        a.difference === 0
          ? 'equals'
          : a.difference > 0
            ? `is ${formatMoney(diff)} more than`
            : `is ${formatMoney(diff)} less than`;
      notes.push({
        anchor: 'depositTotal',
        text: `The deposit total ${formatMoney(a.depositTotal)} ${rel} the sum of payments ${formatMoney(a.paymentsTotal)} (difference ${formatMoney(a.difference)}).`,
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
    notes.push({
      anchor: 'account',
      text: `Look for ${q(v['account'])} in QuickBooks Online. If it is a sub-account there, name it in ServiceTitan as “Parent Account:${v['account']}”.`,
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
export function oneLine(values: Readonly<Record<string, string>>): string | undefined {
  return tailor(values)[0]?.text;
}
