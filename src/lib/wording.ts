/**
 * Every sentence the shared modules write for a person, in one place (as Fuse.js keeps its messages
 * in core/errorMessages.ts): the "Copy for ticket" and support-request text (ticket.ts), batch
 * triage and its Markdown and CSV (triage.ts, triage-export.ts), the tailored notes (tailor.ts), a
 * value read for a person (values.ts) and value labels (labels.ts). The build, the CLI and the
 * island share these modules, so the sentences live here, not in src/client/; the island's own
 * sentences are in src/client/text.ts, which re-exports what it shows from here. Messages that
 * take values are functions; layout (colons, Markdown, line breaks) stays with the code that lays out.
 */
import type { Verdict } from './matcher/types';

/** Between alternatives: "A or B". */
export const or = ' or ';

/** An empty cell (no lines, no values). */
export const noValue = '—';

/** "a and b", "a, b and c". */
const listed = (items: readonly string[]) =>
  items.length < 3 ? items.join(' and ') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;

/** A name from the message, quoted. */
const q = (s: string) => `“${s}”`;

/** "Copy for ticket" (ticket.ts): labels before each part; ticket.ts adds the colons and Markdown. */
export const ticket = {
  title: 'QuickBooks export error',
  verdict: 'Verdict',
  verdicts: {
    match: 'Match: the troubleshooter recognised this message.',
    possible:
      'Possible match, not confirmed: the message only resembles this error. Check it against the message on the page before following the steps.',
  } satisfies Record<Verdict, string>,
  message: 'Message',
  valuesSeen: 'Values seen',
  forThisMessage: 'For this message',
  step: (n: number) => `step ${n}`,
  howToFix: 'How to fix it',
  fix: 'Fix',
  details: 'Details',
} as const;

/** "Not in the knowledge base?": the request to send to support (ticket.ts's notFoundText). */
export const supportRequest = {
  intro: 'I got a QuickBooks Online export error that is not in the knowledge base:',
  checked: (pageUrl: string) =>
    `Checked with the troubleshooter at ${pageUrl}. Please help with a fix, or add an article for this error.`,
} as const;

/** Batch triage rows (triage.ts). */
export const triage = {
  /** Where an error occurs: "line 3 (JE-10422)". */
  line: (n: number, ref: string | undefined) => `line ${n}${ref ? ` (${ref})` : ''}`,
  /** Last in a row's lines when it occurs on more than were kept. */
  more: '…',
  /** After a row's title: a near-duplicate group of `n` pages. */
  groupNote: (n: number) => ` (possible: one of these ${n})`,
  /** After a row's title: a `possible` result. */
  possibleNote: ' (possible)',
} as const;

/** Batch triage copied as Markdown or downloaded as CSV (triage-export.ts). */
export const triageExport = {
  markdownColumns: ['Error', 'Count', 'Lines', 'Values seen', 'Fix'],
  unmatchedHeading: (n: number) => `Lines that matched nothing (${n}):`,
  csvColumns: ['error', 'slug', 'verdict', 'count', 'lines', 'values_seen', 'fix_url'],
  /** The error column of a CSV row for a line that matched nothing. */
  csvUnmatched: '(matched nothing)',
} as const;

/** A value read for a person (values.ts's readableValue). */
export const values = {
  /** An accounts list in which no account could be read. */
  noneReadable: '(none readable)',
  /** After an accounts list that was cut off or broken. */
  cutOff: ' (list cut off)',
} as const;

/** Words a value label keeps in capitals (labels.ts): "qboClass" → "QBO class". */
export const labelAcronyms: Readonly<Record<string, string>> = { qbo: 'QBO', id: 'ID' };

const dayCount = (n: number) => (n === 1 ? '1 day' : `${n} days`);

/** The tailored notes (tailor.ts): what the values in a message mean for its fix. */
export const tailored = {
  accounts: (n: number, complete: boolean) =>
    `${n} account${n === 1 ? '' : 's'} to create in QuickBooks Online, or to rename so the names match exactly${complete ? '' : ` (the list in your message was cut off or broken: ${n === 0 ? 'no account could be read' : `only the first ${n} could be read`})`}.`,
  accountTypes: (
    source: string,
    sourceType: string | undefined,
    target: string,
    targetType: string | undefined,
  ) =>
    `The source account ${q(source)} is typed ${sourceType ?? '?'}, but the target account ${q(target)} in QuickBooks Online is typed ${targetType ?? '?'}. Make the two types match.`,
  businessUnitClass: (unit: string, qboClass: string) =>
    `Map the business unit ${q(unit)} to the QuickBooks Online class ${q(qboClass)}, and make sure that class exists in QuickBooks Online.`,
  businessUnits: (extra: readonly string[], syncPeer: string | undefined, peer: readonly string[]) =>
    `The journal entry holds business unit${extra.length === 1 ? '' : 's'} ${extra.join(', ') || '(none listed)'} that sync peer ${syncPeer ?? ''} is not set up for (it is set up for ${peer.join(', ') || 'none'}).`.replace(
      '  ',
      ' ',
    ),
  docNumber: (txnType: string | undefined, docNumber: string, txnId: string | undefined) =>
    `In QuickBooks Online, find ${txnType ?? 'the transaction'} number ${docNumber}${txnId ? ` (TxnId ${txnId})` : ''} and delete it, then re-sync.`,
  depositAgrees: (deposit: string) =>
    `The deposit total and the sum of the payments are both ${deposit}: the amounts agree, so look at what the deposit was matched to in QuickBooks Online.`,
  depositMore: (deposit: string, diff: string, payments: string) =>
    `The deposit total ${deposit} is ${diff} more than the sum of the payments, ${payments}. Look on the deposit in QuickBooks Online for ${diff} that is not one of these payments: another payment, a fee or a transfer.`,
  depositLess: (deposit: string, diff: string, payments: string) =>
    `The deposit total ${deposit} is ${diff} less than the sum of the payments, ${payments}. Look for payments worth ${diff} (one payment, or several adding up to it) that are not on the deposit in QuickBooks Online.`,
  invoice: (invoiceId: string) => `Invoice ID ${invoiceId} has not synchronized to the GL yet.`,
  journalKey: (key: string) => `The journal entry QuickBooks Online could not find has the key ${key}.`,
  accountParentSub: (account: string, parent: string, sub: string) =>
    `${q(account)} is already in Parent:Sub form. In QuickBooks Online, check that ${q(parent)} exists with the sub-account ${q(sub)} under it, spelled exactly as here, and that both are active.`,
  accountLookFor: (account: string) =>
    `Look for ${q(account)} in QuickBooks Online. If it is a sub-account there, name it in ServiceTitan as “Parent Account:${account}”, with its parent’s real name.`,
  permission: (action: string, entity: string) =>
    `Your QuickBooks user is missing the permission to ${action} ${entity}.`,
  /** No transaction date is before the closing date: the dates do not fit this error. */
  closingMisfit: (txnDates: readonly string[], closing: string) =>
    `The transaction date${txnDates.length === 1 ? '' : 's'} ${listed(txnDates)} ${txnDates.length === 1 ? 'is' : 'are'} not before the closing date ${closing}, so the dates in this message do not fit this error. Check that the message was copied whole, and look at the closing date in QuickBooks Online.`,
  closingOne: (txnDate: string, daysBefore: number, closing: string) =>
    `The transaction is dated ${txnDate}, ${dayCount(daysBefore)} before the closing date ${closing}.`,
  closingMany: (txnDates: readonly string[], earliest: string, daysBefore: number, closing: string) =>
    `The transactions are dated ${listed(txnDates)}; the earliest, ${earliest}, is ${dayCount(daysBefore)} before the closing date ${closing}.`,
  /** Said when some (`misfits`) of several dates are not before the closing date. */
  closingSomeMisfit: (misfits: number) =>
    ` (${misfits === 1 ? 'One more date is' : `${misfits} more dates are`} not before the closing date: ${misfits === 1 ? 'it does' : 'they do'} not fit this error.)`,
  closingMove: (moveTo: string, several: boolean, closing: string) =>
    ` Move the closing date to ${moveTo} (the day before the ${several ? 'earliest transaction' : 'transaction'}), re-sync, then set it back to ${closing}.`,
} as const;
