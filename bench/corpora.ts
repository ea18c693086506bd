/**
 * The labelled corpora (bench/corpus/), read once for the bench and the fitting script.
 *
 * `dev` (bench/corpus/*.json) and the A halves are for fitting and for looking at; B halves are
 * for figures only: their misses are never printed. Held-out folders are split by position (even
 * index: A, odd: B), so a half never changes when cases are relabelled in place. An unrelated case
 * that a later page came to cover is relabelled in place (its `expect` becomes that slug) and
 * counts as a single-error paste of its half. A description in a person's own words that quotes
 * QuickBooks (its page's QBO code, QBO title or pattern) is relabelled in place by the standing
 * labelling rules (bench/labels.ts, `npm run relabel`, which counts and never prints a case; a unit
 * test checks every folder follows them). Session 25: 23 in told and 2 in own words, by the first
 * rule alone; session 26: 5 in voices (2 in A, 3 in B); session 29: 3 by the pattern rule.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../src/lib/node/load-content';
import model from '../src/lib/matcher/model.json';

export type Expect = string | string[] | null;
export interface Case {
  text: string;
  expect: Expect;
  kind: string;
}
export interface Corpus {
  name: string;
  single: Case[];
  ambiguous: Case[];
  unrelated: Case[];
  multi: Case[];
  /** Misses may be printed (dev and A halves). */
  showMisses: boolean;
  /** `npm run calibrate` fits on it: dev, A halves and spent B halves. */
  training: boolean;
}

export const KINDS = ['single', 'ambiguous', 'unrelated', 'multi'] as const;
type Cases = Record<(typeof KINDS)[number], Case[]>;

/** Where the corpora live: bench/corpus/ (dev) and one folder per held-out corpus. */
export const CORPUS_DIR = join(ROOT, 'bench/corpus');

/** A corpus folder's file of one kind of case (`single`, `unrelated`, …); `dir` '' is dev. */
export const corpusFile = (dir: string, name: (typeof KINDS)[number]): string =>
  join(CORPUS_DIR, dir, `${name}.json`);

const readCases = (dir: string, name: (typeof KINDS)[number]): Case[] => {
  const file = corpusFile(dir, name);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Case[]) : [];
};

/** Unrelated cases relabelled to a page count as single-error pastes (to two pages or more: ambiguous). */
function settle(c: Cases): Cases {
  return {
    ...c,
    single: [...c.single, ...c.unrelated.filter((x) => typeof x.expect === 'string')],
    ambiguous: [...c.ambiguous, ...c.unrelated.filter((x) => Array.isArray(x.expect))],
    unrelated: c.unrelated.filter((x) => x.expect === null),
  };
}

const readCorpus = (dir: string): Cases =>
  Object.fromEntries(KINDS.map((k) => [k, readCases(dir, k)])) as Cases;

/** Held-out folders: written apart from the matcher. `spentB`: its B half has been looked at. */
const HELD_OUT = [
  { dir: 'unseen', name: 'held-out', spentB: false },
  { dir: 'fresh', name: 'fresh', spentB: false },
  // Looked at in session 3, after its blind figure was taken.
  { dir: 'redteam', name: 'red-team', spentB: true },
  { dir: 'blind', name: 'blind', spentB: false },
  // Session 19: three of its B cases were seen (the first lines of single.json, printed while
  // looking for an A case's source), after its blind figure was taken; bench/corpus/qbo2 replaces it.
  { dir: 'qbo', name: 'qbo-api', spentB: true },
  // Session 16: the hard shapes (a code with its title, cut-offs, second halves, SDKs, logs) and
  // other systems' near-misses, written by a helper who saw the article and the pages only.
  { dir: 'shapes', name: 'shapes', spentB: false },
  // Session 19: QuickBooks' own API errors again (fault bodies, SDK exceptions, logs, and faults no
  // page covers), written by a helper who saw the article, the pages and public sources only.
  // Its A half is fitted on since session 20: the fault that held the `match` threshold at p 0.98
  // ("Unsupported Operation: … Could not find resource …" as Ruby's SDK raises it) is now read as
  // a fault body (unwrap.ts, RUBY_FAULT), its detail on the same line as its title.
  { dir: 'qbo2', name: 'qbo-api 2', spentB: false },
  // Session 21: descriptions in people's own words above all (258 of 608 single pastes), other
  // systems' and QuickBooks' near-misses told in words, written by a helper who saw the article,
  // the pages and public sources only.
  // Session 25: two of its B cases were seen (relabelled own-words → code-title, below, and shown
  // by a diff), after its blind figure was taken; bench/corpus/told replaces it.
  { dir: 'words', name: 'own words', spentB: true },
  // Session 22: export and integration logs above all (114 of 200 single pastes are log lines or
  // SDK exceptions, about 63 with an HTTP status), and other systems' HTTP errors and QBO faults
  // with codes no page lists, written by a helper who saw the article, the pages and the
  // validator only. Its A half fitted on since session 23. Session 25: one of its B cases was seen
  // (single.json's second, printed while checking the file format), after its blind figure was
  // taken (session 24); bench/corpus/pastes replaces it.
  { dir: 'logs', name: 'logs', spentB: true },
  // Session 25: descriptions in people's own words (330, each page 8 to 10 times, in pairs of a
  // short fragment and a longer ticket; 23 of them quote the code or title, above), and 120
  // unrelated problems told in words, written by a helper who saw the article, the pages, the
  // validator and public sources only.
  { dir: 'told', name: 'told', spentB: false },
  // Session 25, replacing logs B: pasted errors in the shapes blind halves confirm least often (logs
  // 92, SDK exceptions 60, cut-offs 50, second halves 40, a code with its title 40, typos 40, …; 466
  // in all) and 204 unrelated pastes (near-misses 60, other systems 40, QBO faults no page lists
  // 68, …), written by a helper who saw the article, the pages, the validator and public sources only.
  { dir: 'pastes', name: 'pastes', spentB: false },
  // Session 26: descriptions in people's own words again (312 of 468 single pastes, each page 8
  // times: search-box queries, questions, tickets, paraphrases; no role labels), pasted messages in
  // every shape (156), and 160 unrelated (near-misses 50, QBO faults no page lists 50, …), written by
  // a helper who saw the article, the pages without their keywords, the validator and public sources only.
  { dir: 'voices', name: 'voices', spentB: false },
  // Session 26 again: own words (234, each page 6 times, none with a 5-word run of any page's
  // wording or a QBO title) and pasted messages (234, 11 shapes, each 16 times or more), and 160
  // unrelated, written by a helper who saw what voices' helper saw; it judges experiment T2.
  { dir: 'desk', name: 'desk', spentB: false },
  // Session 27: own words (234, each page 6 times, 59 of them pasted tickets or chats with speaker
  // labels, none with a 5-word run of any page's wording, a code or a full QBO title), pasted
  // messages (234, 11 shapes) and 160 unrelated, written by a helper who saw what desk's helper saw;
  // it judges experiments R and F.
  { dir: 'queue', name: 'queue', spentB: false },
  // Session 27 again: own words (234, each page 6 times, 46 of them with speaker labels or email
  // headers), pasted messages (234, 11 shapes) and 160 unrelated, written by a helper who saw what
  // queue's helper saw; it judges experiments V0 and P4.
  { dir: 'inbox', name: 'inbox', spentB: false },
  // Session 27, a third: pasted messages above all (312, each page 8 times, every shape 24 times or
  // more), 156 own words and 160 unrelated, written by a helper who saw what inbox's helper saw; it
  // judges experiment K.
  { dir: 'ledger', name: 'ledger', spentB: false },
  // Session 27, a fourth: own words above all (312, each page 8 times, 196 of them tickets, chats
  // or emails of two to five lines), 156 pasted messages and 160 unrelated (78 of several lines),
  // written by a helper who saw what ledger's helper saw; it judges experiment J.
  { dir: 'thread', name: 'thread', spentB: false },
  // Session 28: own words above all (312, each page 8 times, 104 of several lines: chats, tickets,
  // emails), 156 pasted messages (11 shapes) and 160 unrelated (46 of several lines), written by a
  // helper who saw the article, the pages without their keywords and public sources only; it
  // judges experiments A1 (bookkeeping shorthand) and N (words of absence).
  { dir: 'counter', name: 'counter', spentB: false },
  // Session 28 again: the same shape as counter (312 own words, a third of several lines; here
  // HTTP statuses and other numbers people mention are allowed, the page's QBO code is not), 156
  // pasted messages and 160 unrelated, written by a helper who saw what counter's helper saw; it
  // judges experiment N2 (words of absence, a second time).
  { dir: 'docket', name: 'docket', spentB: false },
  // Session 28, a third: the same shape as docket (312 own words, a third of several lines; 156
  // pasted messages; 160 unrelated, 44 of several lines), written by a helper who saw what docket's
  // helper saw; it judges experiment N3 (words of trouble in the paste's own negation).
  { dir: 'roster', name: 'roster', spentB: false },
  // Session 29: the same shape (312 own words, 117 of several lines: emails with headers, ticket
  // notes, chats with speaker labels; 156 pasted messages; 160 unrelated, 49 of several lines),
  // written by a helper who saw the article, the pages without their keywords, the validator and
  // public sources only; it judges experiment L (people's labels are not another system).
  { dir: 'tally', name: 'tally', spentB: false },
  // Session 29 again: the same shape (312 own words, 117 of several lines: call notes, hand-offs
  // between colleagues, chats; 86 search-box queries of 3 to 8 words; 156 pasted messages; 160
  // unrelated, 48 of several lines), written by a helper who saw what tally's helper saw; it judges
  // experiment L2 (L again).
  { dir: 'slate', name: 'slate', spentB: false },
  // Session 29, a third and a fourth: the same shape (312 own words, 117 and 118 of several lines:
  // forum posts with a title line, tickets and emails in folio; team-chat threads, text messages
  // and terse notes in memo; 156 pasted messages; 160 unrelated, 48 and 47 of several lines),
  // written by helpers who saw what tally's helper saw; together they judge experiment L3.
  { dir: 'folio', name: 'folio', spentB: false },
  { dir: 'memo', name: 'memo', spentB: false },
  // Session 30: pasted messages above all (312, each page 8 times, 11 shapes; a code with its title
  // only for pages whose code and title are theirs alone), 156 own words (a third of several lines:
  // tickets with a subject line and call transcripts in quire; notes to an accountant and forum
  // questions in ream; 30 or more one-liners) and 160 unrelated (56 QBO faults no page lists; 47 and
  // 56 of several lines), written by helpers who saw the article, the pages without their keywords,
  // the validator and public sources only; together with tally A and slate A they judge experiment S.
  { dir: 'quire', name: 'quire', spentB: false },
  { dir: 'ream', name: 'ream', spentB: false },
  // Session 30 again: unrelated pastes above all (320: 112 near-misses, among them good news and
  // checks that passed; 104 QBO faults no page lists; 103 of several lines), 156 own words (52 of
  // several lines) and 156 pasted messages, written by a helper who saw what quire's helper saw. It
  // judges nothing yet: its A half is left unread for a later session's rule on unrelated `match`.
  { dir: 'sheaf', name: 'sheaf', spentB: false },
  // Session 31: own words above all (234, each page 6 times: tickets with a subject line, emails,
  // chat threads, call notes, forum questions, to-dos and search-box queries; 78 of several lines,
  // 78 of 3 to 9 words), 156 pasted messages and 240 unrelated pastes (104 near-misses, 40 people's
  // own words about other problems, 64 QBO faults no page lists; 80 of several lines), written by a
  // helper who saw what quire's helper saw. It judges nothing yet: kept for a `possible` chosen on
  // pastes the model never saw (the trade session 31 measured, own words found against unrelated
  // pastes shown a guess). Session 32: it judged that `possible` (0.06, chosen by calibrate
  // --possible on the other unfitted A halves, tally, slate, quire and sheaf A among them, which the
  // confidence shown is now fitted on too); figures only, no case read.
  { dir: 'leaf', name: 'leaf', spentB: false },
  // Session 32: 234 own words (each page 6 times: tickets with a subject line, emails, chat threads,
  // call notes, forum questions, hand-offs, to-dos and search-box queries; 90 of several lines, 81 of
  // 3 to 9 words), 156 pasted messages (11 shapes) and 240 unrelated (100 near-misses, 40 people's
  // own words about other problems, 60 QBO faults no page lists, 20 other systems, 20 log lines; 86
  // of several lines), written by a helper who saw the article, the pages without their keywords,
  // the validator and public sources only. Kept for the next rule (the A halves that judged
  // `possible` and the confidence are spent for that), it judged experiment G (glue words added to
  // STOPWORDS: not installed); figures only, no case read.
  { dir: 'codex', name: 'codex', spentB: false },
  // Session 33: pasted messages above all (312, each page 8 times in 8 of 11 shapes: 50 log lines, 45
  // fault bodies, 27 SDK exceptions, 32 second halves, 26 typos, 23 cut-offs, 19 codes with their
  // title), 117 own words (each page 3 times) and 220 unrelated (80 near-misses, among them good news
  // and checks that passed; 60 QBO faults no page lists; 20 other systems, 20 log lines, 40 people's
  // words about other problems; 74 of several lines), written by a helper who saw the article, the
  // pages without their keywords, the validator and public sources only. Kept for the next rule.
  { dir: 'scroll', name: 'scroll', spentB: false },
  // Session 35: short inputs (1 to 6 words, a few more), as people type them into a search box: 160
  // searches in their own words that point to one page (each page about 4 times), 80 vague ones
  // that fit two to six pages (ambiguous: "payments keep failing"), and 160 that no page answers
  // (60 near-misses, good news and status lines turned from the pages' messages; 50 vague or
  // off-topic words; 25 other systems' errors; 25 log lines with no error), written by a helper who
  // saw the article, the pages without their keywords and the validator only. Kept for a rule on
  // short and vague pastes (own probes: "payments" alone was a 99% guess).
  { dir: 'brief', name: 'brief', spentB: false },
  // Session 37: log lines at mixed levels (200 pastes, each of the 39 pages 5 or 6 times, 95 of them
  // with the error on an INFO, DEBUG, TRACE or NOTICE line only; 40 logs of 10 to 53 lines with two
  // to four pages' errors among routine lines) and 200 unrelated (112 routine log excerpts that
  // report nothing wrong, counts of none and successful retries among them; 55 near-misses, errors
  // no page covers; 33 other systems' errors), in many formats (log4j, Serilog, Python, pino and
  // winston JSON lines, syslog, logfmt, .NET, Kubernetes and Docker prefixes), written by a helper
  // who saw the article, the pages without their keywords and the validator only. First figures
  // taken before any case was read; it judges the routine-level rules.
  { dir: 'levels', name: 'levels', spentB: false },
  // Session 38: QuickBooks error codes and titles (240 pastes, each of the 39 pages 3 to 11 times;
  // 122 name the error by its code and title alone, as SDKs, logs and people write them, the rest
  // carry the detail too), 40 codes and titles that several pages share (ambiguous), and 200 that
  // no page answers (90 real QBO faults no page lists, 40 near-misses and status lines, 40 other
  // systems' codes, 30 routine log lines naming QBO codes), written by a helper who saw the
  // article, the pages without their keywords, the validator and Intuit's public error lists only.
  // First figures taken before any case was read.
  { dir: 'titles', name: 'titles', spentB: false },
  // Session 40: three corpora of every shape (312 pasted messages, each page 8 times over 11
  // shapes, 36 or more codes with their title, 30 or more cut-offs and second halves; 117 own
  // words; 220 unrelated: 90 near-misses, 42 to 45 of them good news or resolved errors that name a
  // page's error, 65 QBO faults no page lists, other systems, routine log lines, other problems told
  // in words), in two voices: a field-service office (vellum and octavo, two helpers with the same
  // brief) and IT staff and integrators (parchment), written by helpers who saw the article, the
  // pages without their keywords, the validator and public sources only. First figures taken on
  // both halves before any case was read: they judged the installed model against refits on pastes
  // neither was chosen on (the B halves above have judged many adoptions, which may favour the
  // installed model there). Their A halves were then read (unrelated pastes given a `match`); the B
  // halves stay blind.
  { dir: 'vellum', name: 'vellum', spentB: false },
  { dir: 'octavo', name: 'octavo', spentB: false },
  { dir: 'parchment', name: 'parchment', spentB: false },
  // Session 41: three more of the same brief in three other voices: bookkeepers and outside
  // accountants (quarto), integration developers and IT staff (papyrus), dispatchers and field
  // technicians typing on phones (tablet); written by helpers who saw the article, the pages without
  // their keywords, the validator and public sources only. Both halves unread when their first
  // figures were taken: pastes on which no model was chosen, to judge refits against the installed one.
  // Their A halves' own-words misses were read afterwards; the B halves stay blind.
  { dir: 'quarto', name: 'quarto', spentB: false },
  { dir: 'papyrus', name: 'papyrus', spentB: false },
  { dir: 'tablet', name: 'tablet', spentB: false },
  // Session 43: what people type into the box that is a question (240 unrelated: 160 how-to,
  // accounting, vague and off-topic questions, 80 questions on a page's topic that do not report its
  // error; 160 questions from someone who met one page's error, in their own words, no code, title
  // or five-word run of the page's wordings), written by a helper who saw the article, the pages
  // and the validator only. First figures taken on both halves before any case was read.
  { dir: 'asked', name: 'asked', spentB: false },
  // Session 45: pastes that say something is over (240 single: an error happening now, in a paste
  // that also tells of a fix, a success or a closed ticket about something else, each page 6 or 7
  // times, 78 written in the person's own words, 16 of them relabelled by the standing rules as
  // quoting QuickBooks; 240 unrelated: 170 near-misses that name a page's error and say it is
  // over, resolved, retried with success or counted as none, every page 4 or 5 times, and 70
  // others), written by a helper who saw the article, the pages and the validator only. First
  // figures taken on both halves before any case was read.
  { dir: 'coda', name: 'coda', spentB: false },
] as const;

/**
 * The corpora the installed model was fitted on, by name, as calibrate recorded them (model.json's
 * `fittedOn`). A half added since the last refit is `training` (the next fit takes it) but not here.
 */
export function fittedOn(): Set<string> {
  return namesOf(model.fittedOn);
}

/**
 * The corpora the confidence shown was refitted on apart from the model (model.json's `shownOn`,
 * written by `calibrate --confidence` or `--possible`): halves the model was not fitted on, read for
 * the confidence.
 */
export function shownOn(): Set<string> {
  return 'shownOn' in model ? namesOf(model.shownOn) : new Set();
}

/**
 * The corpora the confidence of a first guess (`guessOn`, `calibrate --guess`) and of the guesses
 * after it (`afterOn`, `calibrate --after`) were fitted on apart from the model (`--possible` writes
 * both).
 */
export function guessOn(): Set<string> {
  return 'guessOn' in model ? namesOf(model.guessOn) : new Set();
}
export function afterOn(): Set<string> {
  return 'afterOn' in model ? namesOf(model.afterOn) : new Set();
}

/** The corpus names of a record calibrate wrote ("dev, held-out A: 2967 pastes, …"). */
const namesOf = (record: string) => new Set(record.split(':')[0]!.split(', '));

export function corpora(): Corpus[] {
  const list: Corpus[] = [{ name: 'dev', ...settle(readCorpus('')), showMisses: true, training: true }];
  for (const { dir, name, spentB } of HELD_OUT) {
    const cases = readCorpus(dir);
    const half = (parity: number) =>
      settle(Object.fromEntries(KINDS.map((k) => [k, cases[k].filter((_, i) => i % 2 === parity)])) as Cases);
    if (cases.single.length)
      list.push(
        { name: `${name} A`, ...half(0), showMisses: true, training: true },
        { name: `${name} B${spentB ? ' (spent)' : ''}`, ...half(1), showMisses: false, training: spentB },
      );
  }
  return list;
}
