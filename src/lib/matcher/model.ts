/**
 * The scoring model over a few named features of one (segment, page) pair: a logistic regression
 * for the confidence shown (`right`), and boosted trees that start from a linear term for the
 * `match` decision (`quoted`). Their parameters, and the thresholds that turn probabilities into a
 * verdict, are fitted by `npm run calibrate` (scripts/calibrate.ts) on labelled pastes and written
 * to model.json (fitted.ts; the exact-hit model to model-exact.json, the trees to model-quoted.json,
 * quoted.ts); nothing here is tuned by hand. `contributions` (and trees.ts's `treeContributions`) say what each feature
 * contributed.
 */
// The exact-hit model alone: the exact stage, which every paste runs, reads it. The rest of the
// fitted model (model.json) comes with fuzzy search, through fitted.ts.
import exact from './model-exact.json';
import type { Boosted } from './trees';

/** The unit of `evidenceNats`: what the explained words' summed rarity is over (clipped to 1). */
export const EVIDENCE_NATS = 15;

/**
 * The unit of `evidence`, in rarest words: EVIDENCE_NATS at the 39 pages the installed model was
 * fitted at, where a word on one page says ln 40 nats. Summed in nats (`evidenceNats`), evidence grew with the
 * knowledge base and saturated: at 2,200 pages `quoted` gave 3 more unrelated pastes and 6 more
 * descriptions a `match` on the blind halves (session 42). In rarest words it keeps its fitted scale
 * at 39 pages and means the same at any size.
 */
export const EVIDENCE_WORDS = EVIDENCE_NATS / Math.log(40);

/** The features, each in [0, 1] or [-1, 1]; computed in fuzzy.ts and match.ts. */
export const FEATURES = [
  /** An exact pattern of the page holds on the segment (a hit the exact-hit model was not sure of). */
  'exact',
  /** An exact pattern of the page holds once typing slips are corrected. */
  'typo',
  /** The segment reads as QuickBooks speaking: it names QuickBooks, wears its wrappers, or carries the page's QBO code or title. */
  'quickbooks',
  /** Another system speaks: the line opens with a name no page knows (`GitLab: …`) or names a host that is not Intuit's. */
  'elsewhere',
  /** QBO error codes in the segment that the page has, each worth 1 / (pages sharing the code); a code that pages sharing it claim by a pattern anywhere in the paste, 1 / (those pages) to them alone. */
  'code',
  /** QBO short fault titles in the segment that the page has, each worth 1 / (pages sharing it), when the segment reads as QuickBooks speaking. */
  'title',
  /** The same title inside a line that goes on about something else and never names QuickBooks. */
  'titleWeak',
  /** Rarity-weighted share of the segment's words that the page's words (messages, title, keywords, summary) hold; an unknown word counts as the rarest. */
  'explained',
  /** The same over the page's message words only. */
  'message',
  /** Share of the page's message words that the segment holds. */
  'ofPage',
  /** Longest run of the segment's words, in order, in one of the page's messages (typos allowed), as a share of the segment's words. */
  'run',
  /** That run is the whole segment, from its first word to its last or to a visible cut (…). */
  'runWhole',
  /** That run starts where one of the page's wordings (message, pattern, QBO title) starts, give or take a two-word wrapper. */
  'runHead',
  /** The run's length in words, over 10 (clipped to 1): a long quoted stretch of the message. */
  'runLength',
  /** The segment's words that the page's words do not hold, over 10 (clipped to 1): the paste goes on about something else. */
  'unexplained',
  /** The segment leaves out a "not" that the page's best-aligned wording says between words they share, aligns with at least half its words, and says no "not" of its own: the opposite news. */
  'negation',
  /** Content words the paste says in place of the page's own, in the best in-order alignment with one of its messages, over 3 (clipped to 1): "Currency mismatch" for "Classification mismatch". */
  'replaced',
  /** Fuse.js token-search similarity (1 − score), 0 when Fuse does not return the page. */
  'fuse',
  /**
   * One of the page's keyword phrases (what people call the error) in the segment, word for word and
   * in order (typos allowed): its words' rarity, each over the rarest a word can be, summed, over 2
   * (clipped to 1). A description in a person's own words ("a 500 server error").
   */
  'keyword',
  /** `explained` minus the best other candidate's. */
  'margin',
  /** The run's length minus the best other candidate's, in words, over 10 (clipped to ±1). */
  'runMargin',
  /**
   * How much the explained words say: their summed rarity, each word's over the rarest a word can be
   * (a word on one page says 1, whatever the knowledge base's size), over EVIDENCE_WORDS (clipped to
   * 1). What `quoted` reads; `right` reads `evidenceNats`.
   */
  'evidence',
  /**
   * The same in nats: the explained words' summed rarity over EVIDENCE_NATS (clipped to 1). It
   * grows with the knowledge base (a word on one page says ln(1 + pages)): only `right` reads it,
   * and at the 39 pages the model was fitted at it equals `evidence`.
   */
  'evidenceNats',
  /** How long the segment is: its words (wrappers aside) over 10 (clipped to 1). */
  'words',
  /** The segment tells of an error in a person's words ("we", "our", "it says", "keeps": words no page's wording uses), over 2 (clipped to 1): a description, not a message. */
  'prose',
  /**
   * The segment says a word of failure: its own "not", a word of an error or an HTTP error, or a word
   * a person tells trouble by ("rejected", "stuck", "problem", "fix"). Read by the first result's
   * confidence shown only (`shown.t`), neither by `right` nor by `quoted`.
   */
  'trouble',
  /** The page's QBO code or title (the larger of `code` and `title`) times 1 − `words`: said in a short segment, with nothing else to tell near-duplicates apart by. */
  'codeBare',
  /**
   * The page is the general page of a QBO code the segment carries (the schema's `qboGeneral`),
   * times 1 − the best `explained` of the other candidates (each times 1 − its `replaced`: a page
   * that says other words in the paste's place explains it less), times the segment's content words
   * (wrappers, values and glue words aside) over 10, clipped to 1; 0 when another page's pattern
   * holds anywhere in the paste. A fault whose detail no page explains (a 6000 whose business rule
   * no page has); a bare code or a fault cut before its detail says nothing to explain.
   */
  'general',
  /**
   * The segment carries a QBO code the page has, and another page with that code has its pattern
   * somewhere in the paste: the fault's header line (`QB Exception 6000: A business validation
   * error…`) whose detail, on another line, is that other page's.
   */
  'claimed',
] as const;

export type FeatureName = (typeof FEATURES)[number];
export type Features = Record<FeatureName, number>;

/**
 * Features that tell of a description in a person's own words: `right` reads them (the confidence,
 * the order, `possible`), and `quoted`, which decides a `match` (does the segment quote the page's
 * message?), is fitted without them.
 */
export const DESCRIBING: readonly FeatureName[] = ['keyword'];

/**
 * The features `quoted` reads: evidence in rarest words, not in nats, and no description's. Pure:
 * the matcher never reads the list (calibrate and the tests do), so the bundles leave it out.
 */
export const QUOTED_FEATURES = /* @__PURE__ */ FEATURES.filter(
  (n) => !DESCRIBING.includes(n) && n !== 'evidenceNats' && n !== 'trouble',
);

/** The features `right` reads: evidence in nats (`evidenceNats`), not in rarest words. */
export const RIGHT_FEATURES = FEATURES.filter(
  (n): n is RightFeatureName => n !== 'evidence' && n !== 'trouble',
);
export type RightFeatureName = Exclude<FeatureName, 'evidence' | 'trouble'>;

/** The features of an exact-pattern hit, computed from the paste and the core index alone (no fuzzy index). */
export const EXACT_FEATURES = [
  /** Share of the segment's words (log prefix and QuickBooks wrappers aside) that the hit spans. */
  'whole',
  /** The segment's words outside the hit (log prefix and wrappers aside), over 10 (clipped to 1). */
  'rest',
  /** The segment reads as QuickBooks speaking: it names QuickBooks, wears its wrappers, or carries the page's QBO code or title. */
  'quickbooks',
  /** How much literal text the pattern holds: its specificity over 80 characters (clipped to 1). */
  'specific',
  /** Another page's pattern holds just as specifically on the same text. */
  'tied',
] as const;

export type ExactFeatureName = (typeof EXACT_FEATURES)[number];
export type ExactFeatures = Record<ExactFeatureName, number>;

/** A logistic regression: a bias and one weight per feature. */
export interface Logistic<F> {
  bias: number;
  weights: F;
}

export interface Model {
  /** P(the page is the segment's error): the confidence shown, and what `possible` reads. */
  right: Logistic<Record<RightFeatureName, number>>;
  /**
   * P(the page is the error and the segment quotes its message rather than describing it): what
   * `match` reads. Trees, not a regression: whether a QBO code says enough depends on what else the
   * segment says (the features work together). Only segments that fuzzy search scores read it, so
   * it is a file of its own (model-quoted.json, quoted.ts) that comes with fuzzy search, not with
   * every page's first load.
   */
  quoted: Boosted<FeatureName>;
  /** `match` when the first result's `quoted` probability is at least `p` and beats the runner-up's by `margin`. */
  match: { p: number; margin: number };
  /** Results whose `right` probability is under this are not shown. */
  possible: number;
  /**
   * Platt scaling of `right` for the confidence shown: sigmoid(a · logit(p) + m · match + b), where
   * match is 1 for a `match`; fitted on first results out of fold.
   */
  shown: { a: number; b: number; m: number };
  /**
   * The confidence shown for a first result that is a `possible`: sigmoid(a · logit(p) + t · trouble
   * + b), `trouble` the segment's feature (a guess where the paste tells no trouble is right less
   * often). A `match` keeps `shown`.
   */
  guess: { a: number; b: number; t: number };
  /**
   * The confidence shown for a `possible` after the paste's first result:
   * sigmoid(a · logit(p) + c · logit(first) + b), where first is the first result's probability
   * (`right`'s, or the exact-hit model's). A runner-up is a guess beside a better one: `shown`,
   * fitted on first results, showed second results at 85% that were right one time in eleven
   * (session 44). Fitted on such guesses of pastes the model was not fitted on.
   */
  after: { a: number; b: number; c: number };
  /** The exact-hit model, and the probability at which a hit no other page ties is a `match` without the full model. */
  exact: Logistic<ExactFeatures> & { match: number };
  /** What the fit was run on, for the record. */
  fittedOn?: string;
  /** What `shown` was refitted on when it was refitted apart from the model (`calibrate --confidence` or `--possible`), for the record. */
  shownOn?: string;
  /** What `possible` was chosen on when it was chosen alone (`calibrate --possible`), for the record. */
  possibleOn?: string;
  /** What `guess` was fitted on, for the record. */
  guessOn?: string;
  /** What `after` was fitted on, for the record. */
  afterOn?: string;
}

/** The exact-hit model (model-exact.json): what the exact stage reads. */
export const EXACT_MODEL: Model['exact'] = exact;

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** The log-odds of a probability, kept finite at 0 and 1. */
export const logit = (p: number) => {
  const q = Math.min(1 - 1e-9, Math.max(1e-9, p));
  return Math.log(q / (1 - q));
};

/** A regression's probability for a feature record. */
export function logistic<N extends string>(
  names: readonly N[],
  f: Record<N, number>,
  m: Logistic<Record<N, number>>,
): number {
  let z = m.bias;
  for (const name of names) z += f[name] * m.weights[name];
  return sigmoid(z);
}

/** Each feature's contribution to a regression's log-odds. */
export function contributions<N extends string>(
  names: readonly N[],
  f: Record<N, number>,
  m: Logistic<Record<N, number>>,
): [N, number][] {
  return names.map((name) => [name, f[name] * m.weights[name]]);
}
