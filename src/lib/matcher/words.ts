/**
 * The one tokenizer the model's word features read: a text as its normalised word sequence (lower
 * case, every value one slot, contractions and shorthand written out), for the paste and for each
 * page's wordings alike, and the key fuzzy search compares. Apart from normalize.ts (what every
 * paste goes through) because only fuzzy search and the build need it: the exact stage's worker
 * does not load it.
 */

import { HTTP_REASONS, HTTP_STATUS_SAID } from './http';

/**
 * Words that say nothing about which error it is: English glue words and the words every export
 * error shares (every QuickBooks error has a code, and a client "returned" it: the code itself is
 * the `code` feature). Dropped from both sides of fuzzy search, so "closing date error when
 * exporting" is compared as "closing date".
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a an and are as at be been but by can could did do does for from get gets getting got had has have hi hello i if in into is it its ' +
    'me my of on or our please so that the their there this to us was we were what when where which while who why will with you your ' +
    'how tell set up new some any all also just like need want try tried trying am any again still now then than them they he she him her ' +
    'error errors code codes returned exception export exported exporting exports fails failed failing keep keeps qbo quickbooks online says said help thanks team issue'
  ).split(' '),
);

/** Lowercase words only, values and glue words dropped: what fuzzy search compares, free of the message's values. */
export function fuzzyKey(text: string): string {
  return keyOfWords(sequenceWords(text, false));
}

/** fuzzyKey of a text already read as words (sequenceWords without JSON keys). */
export const keyOfWords = (words: readonly string[]): string =>
  words.filter((w) => w !== SLOT && !STOPWORDS.has(w)).join(' ');

/** A keyword as a phrase: its words in order (sequenceWords; a keyword is words people say, so no JSON key is read). */
export const keywordPhrase = (keyword: string): string => sequenceWords(keyword, false).join(' ');

/**
 * The distinct words of a page's keyword phrases, values and glue words aside, in order: their Fuse
 * record field (each keyword's fuzzyKey words, since a phrase is its sequenceWords).
 */
export const keywordWords = (phrases: readonly string[]): string =>
  [...new Set(phrases.flatMap((p) => p.split(' ')).filter((w) => w && w !== SLOT && !STOPWORDS.has(w)))].join(
    ' ',
  );

/** Quoted text of this many words or more, most of them in lower case, is a quoted message, not a value. */
const QUOTED_MESSAGE_WORDS = 5;

/**
 * A quoted sentence: five words or more, most of them starting in lower case, as messages are
 * written ("Entity with Key … does not exist"). Names are written in title case, however long
 * ("Cost of Goods Sold:Equipment"), and stay a value.
 */
function quotedSentence(inner: string): boolean {
  const words = inner.match(/\p{L}+/gu) ?? [];
  return (
    words.length >= QUOTED_MESSAGE_WORDS && words.filter((w) => /^\p{Ll}/u.test(w)).length * 2 > words.length
  );
}

/** Words whose "n't" leaves no doubt when its apostrophe is left out ("doesnt", "didnt"; "cant", "wont"). */
const CONTRACTION_STEMS = 'do|does|did|is|was|were|are|has|have|had|could|would|should|must|need';
/** A "n't" typed without its apostrophe: a typing slip (fuzzy.ts corrects it before exact patterns are tried again). */
export const APOSTROPHE_LEFT_OUT = new RegExp(`^(?:${CONTRACTION_STEMS}|ca|wo)nt$`);
/** "n't", and the same typed without its apostrophe where the word leaves no doubt. */
const CONTRACTED = new RegExp(String.raw`\b(\p{L}+)n['’]t\b|\b(${CONTRACTION_STEMS})nt\b`, 'gu');

/** An identifier of three humps or more, written as one word (`JournalEntryConfigurationInvalid`). */
export const IDENTIFIER = /\b\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+){2,}\b/gu;

/** A value slot in a word sequence: a placeholder, a number, a date, a quoted name, a bracketed key. */
export const SLOT = '#';

/** A JSON key ("AccountNumber":…): a word of the message, where other quoted text is a value. */
const JSON_KEY = /"([a-z_][a-z0-9_]{0,40})"\s*:/gi;

/**
 * The paste or message as a sequence of lowercase words, glue words and JSON keys kept and every
 * value one slot (`#`): placeholders, numbers, quoted and bracketed parts (names and values such as
 * "HVAC - Residential"), and the article's MM/DD/YYYY, NNN and XXX. So "Txn Date=03/14/2026 is
 * before" and the template "Txn Date={txnDate:date} is before" (as text: `templateText`) are the
 * same sequence. Fragment matching compares
 * runs of these words; fuzzy search compares them without slots, glue words and JSON keys (fuzzyKey).
 */
export function sequenceWords(text: string, jsonKeys = true): string[] {
  const read = text.replace(/#/g, ' ');
  return wordsOf(jsonKeys ? read.replace(JSON_KEY, ' $1 ') : read);
}

/**
 * A text's word sequence both ways (sequenceWords): with its JSON keys read as words, and without
 * (what fuzzyKey reads). A text with no JSON key is read once, the same both ways.
 */
export function sequenceWordsBoth(text: string): { keyed: string[]; plain: string[] } {
  const read = text.replace(/#/g, ' ');
  const keyedRead = read.replace(JSON_KEY, ' $1 ');
  const plain = wordsOf(read);
  return { keyed: keyedRead === read ? plain : wordsOf(keyedRead), plain };
}

/**
 * Bookkeeping shorthand, written out: "JE" is "journal entry", "BU" "business unit", "A/R"
 * "accounts receivable". Capitals only where the letters are also a word or a name (`AR`, `JE`).
 * Never a word of QuickBooks' own messages ("Txn Date=…" stays "txn"): the pages' wordings are
 * quoted, not rewritten, so a description that spells them out is not read as quoting them.
 */
export const SHORTHAND: [RegExp, string][] = [
  [/\bBUs\b/g, 'business units'],
  [/\bBU\b/g, 'business unit'],
  [/\bJEs\b/g, 'journal entries'],
  [/\bJE\b/g, 'journal entry'],
  [/\bA\/R\b|\bAR\b/g, 'accounts receivable'],
  [/\bA\/P\b|\bAP\b/g, 'accounts payable'],
  [/\bC[Oo]A\b/g, 'chart of accounts'],
  [/\baccts\b/gi, 'accounts'],
  [/\bacct\b/gi, 'account'],
  [/\bpmts\b/gi, 'payments'],
  [/\bpmt\b/gi, 'payment'],
  [/\bdupes?\b|\bdups?\b/gi, 'duplicate'],
];
/** The statuses in it with their reason phrases: a 401 says "unauthorized" as the words "401 Unauthorized" do. */
const spellStatuses = (text: string): string =>
  text.replace(HTTP_STATUS_SAID, (m, status: string) =>
    HTTP_REASONS[status] ? `${m} ${HTTP_REASONS[status]}` : m,
  );
const spellOut = (text: string): string =>
  SHORTHAND.reduce((t, [re, words]) => t.replace(re, words), spellStatuses(text));

/** sequenceWords of a text whose `#` are spaces and whose JSON keys, if read, are words already. */
function wordsOf(read: string): string[] {
  const words = spellOut(read)
    // A quoted name or value is a slot; a quoted sentence is a message quoted in prose
    // (`fails with "Entity with Key = … does not exist"`), kept as words. Read before lower case,
    // which tells the two apart.
    .replace(/"([^"\n]{0,80})"/g, (_quoted, inner: string) => (quotedSentence(inner) ? ` ${inner} ` : ' # '))
    // So is a sentence in brackets ("code 5020 (Deprecated field is used in the request)"); a name
    // or an account in brackets stays a value, below.
    .replace(/\(([^()\n]{0,80})\)/g, (whole, inner: string) => (quotedSentence(inner) ? ` ${inner} ` : whole))
    // An identifier of three humps or more is the words it joins: "BusinessUnitsNotSupported" is
    // "business units not supported" as people type it ("QuickBooks" and "BadRequest" stay words).
    .replace(IDENTIFIER, (id) => id.replace(/(\p{Ll})(?=\p{Lu})/gu, '$1 '))
    .toLowerCase()
    // "can not" and "cannot" are one word (the article writes both), and so are "can't" and "cant";
    // every other "n't" is "not", typed with or without its apostrophe ("doesnt" is "does not").
    .replace(/\bcan\s+not\b|\bcan['’]?t\b/g, 'cannot')
    .replace(/\bwon['’]?t\b/g, 'will not')
    .replace(CONTRACTED, (_n, a?: string, b?: string) => `${a ?? b} not`)
    // Every other bracket is a value; so is one that held a bracketed sentence, which the pass
    // above has opened (`sum(rate(…))`): one pass would not see it.
    .replace(/\([^()\n]{0,80}\)/g, ' # ')
    // A value the paste's end cuts off (`Source Account (Warranty Reserve, Liabil…`) is a value still.
    .replace(/\([^()#\n]{0,40}$/, ' # ')
    .replace(/\b(?:mm\/dd\/yyyy|n{2,}|x{3,})\b/g, ' # ')
    .replace(/\p{N}+/gu, ' # ')
    .replace(/[^\p{L}#]+/gu, ' ')
    .split(' ');
  const out: string[] = [];
  for (const w of words) if (w && !(w === SLOT && out[out.length - 1] === SLOT)) out.push(w);
  return out;
}
