/**
 * The model's reading of one segment that the exact stage left open: every candidate page scored
 * with its features (model.ts), and the verdicts. It comes with fuzzy search (fuzzy.ts's `score`),
 * so a paste the exact stage answers loads none of it.
 */
import { MAX_SHOWN } from './limits';
import { MODEL, shownConfidence } from './fitted';
import { EVIDENCE_NATS, EVIDENCE_WORDS, logistic, RIGHT_FEATURES, type Features } from './model';
import { aboutQuickBooks, otherSystem, stripWrappers } from './unwrap';
import type { FuzzySearch } from './fuzzy';
import type { Hit } from './match';
import type { Verdict, Via } from './types';

export interface Scored {
  page: number;
  /** The model's probability that the page is the error (shown as the confidence). */
  p: number;
  /** …and that the segment quotes its message (decides `match`). */
  quoted: number;
  features: Features;
  verdict: Verdict;
  confidence: number;
  via: Via;
  values: Record<string, string>;
  types: Record<string, string>;
}

/** What the matcher read on a segment before it is scored. */
export interface Segment {
  /** The line(s), as pasted. */
  segment: string;
  /** The segment without its log prefix (what the word features read). */
  bare: string;
  /** Its words as fuzzy search compares them (fuzzyKey). */
  query: string;
  /** Pages whose patterns hold somewhere in the paste. */
  hitPages: ReadonlySet<number>;
  /** The QBO codes on it, each worth 1 / (pages sharing it) to the pages that have it (match.ts codesAndTitles). */
  code: ReadonlyMap<number, number>;
  /** The QBO titles on it, likewise. */
  title: ReadonlyMap<number, number>;
  /** The title stands in a line that goes on about something else and never names QuickBooks. */
  weak: boolean;
  /** Pages that share a code another page claims by a pattern in the paste. */
  claimed: ReadonlySet<number>;
  /** A line of routine work (fuzzy.ts routine): good news. */
  routine: boolean;
  /** The exact hits on it, by page, that the exact-hit model was not sure of. */
  exact: ReadonlyMap<number, Hit>;
}

/** What scoring needs of the matcher beyond fuzzy search: its exact stage, and the general pages of QBO codes. */
export interface ScoreContext {
  /** The exact stage's hits on a text (a typo-corrected line). */
  exactHits: (text: string) => Hit[];
  /** The general pages of QBO codes (the schema's `qboGeneral`). */
  general: ReadonlySet<number>;
}

/**
 * Scores every candidate page of one segment with the fitted model (model.ts) and turns the
 * probabilities into results: the first is a `match` when its probability and its lead over the
 * runner-up clear the fitted thresholds; results under the fitted `possible` threshold are not shown.
 * Every candidate, best first (`scored`, what a trace sees), and the results (`shown`).
 */
export function scoreSegment(
  fuzzy: FuzzySearch,
  { exactHits, general }: ScoreContext,
  { segment, bare, query, hitPages, code, title, weak, claimed, routine, exact }: Segment,
): { scored: Scored[]; shown: Scored[] } {
  const speaks = aboutQuickBooks(segment) || stripWrappers(bare) !== bare;
  const other = otherSystem(segment, (w) => fuzzy.knows(w)) ? 1 : 0;
  // Typing slips corrected, an exact pattern may now hold: the near-duplicates stay told apart.
  const fixed = fuzzy.repair(bare);
  const typo = new Map<number, Hit>();
  if (fixed) for (const h of exactHits(fixed)) if (!typo.has(h.page)) typo.set(h.page, h);
  const words = fuzzy.features(
    query,
    bare,
    [...exact.keys(), ...code.keys(), ...title.keys(), ...typo.keys()],
    routine,
  );
  const all = [...words.entries()];
  // The general page of a code on the line: how much of the line the other pages leave
  // unexplained (a page that says other words in the paste's place, `replaced`, explains it
  // less), times how much the line says beyond its wrappers, values and glue words (a bare
  // code, or a fault cut before its detail, says nothing to explain); 0 when another page's
  // pattern holds anywhere in the paste (a fault's detail on the next line is another page's).
  const generalHere = (page: number, bestOther: number, said: number) => {
    if (!general.has(page) || !code.has(page)) return 0;
    for (const p of hitPages) if (p !== page) return 0;
    return (1 - bestOther) * said;
  };
  // Each candidate's share of the segment explained, its run's length, and its share explained
  // less what it replaces: `margin`, `runMargin` and `general` read the best of the other candidates'.
  const explained = all.map(([, o]) => o.explained);
  const runWords = all.map(([, o]) => o.runWords);
  const explainedAsSaid = all.map(([, o]) => o.explained * (1 - o.replaced));
  /** The highest of `values` (one per candidate, in the order of `all`) but the k-th's, and 0. */
  const bestOther = (values: readonly number[], k: number) => {
    let best = 0;
    for (let i = 0; i < values.length; i++) if (i !== k) best = Math.max(best, values[i]!);
    return best;
  };
  const scored = all.map(([page, w], k): Scored => {
    // The best share of the segment another candidate explains (`margin` and `general` read it).
    const otherExplained = bestOther(explained, k);
    const f: Features = {
      exact: exact.has(page) ? 1 : 0,
      typo: typo.has(page) ? 1 : 0,
      quickbooks: speaks || code.has(page) || title.has(page) ? 1 : 0,
      elsewhere: other,
      code: code.get(page) ?? 0,
      title: weak ? 0 : (title.get(page) ?? 0),
      titleWeak: weak ? (title.get(page) ?? 0) : 0,
      explained: w.explained,
      message: w.message,
      ofPage: w.ofPage,
      run: w.run,
      runWhole: w.runWhole,
      runHead: w.runHead,
      runLength: w.runLength,
      unexplained: w.unexplained,
      words: w.words,
      prose: w.prose,
      trouble: w.trouble,
      negation: w.negation,
      replaced: w.replaced,
      fuse: w.fuse,
      keyword: w.keyword,
      margin: w.explained - otherExplained,
      runMargin: Math.max(-1, Math.min(1, (w.runWords - bestOther(runWords, k)) / 10)),
      evidence: Math.min(1, w.evidenceWords / EVIDENCE_WORDS),
      evidenceNats: Math.min(1, w.evidenceBits / EVIDENCE_NATS),
      // The code or title said in a short segment (a bare `QBO error 6140`), read apart from a
      // long fault whose detail may belong to a near-duplicate that shares the code.
      codeBare: Math.max(code.get(page) ?? 0, weak ? 0 : (title.get(page) ?? 0)) * (1 - w.words),
      general: generalHere(page, bestOther(explainedAsSaid, k), Math.min(1, w.saidWords / 10)),
      claimed: claimed.has(page) ? 1 : 0,
    };
    const t = exact.get(page) ?? typo.get(page);
    return {
      page,
      p: logistic(RIGHT_FEATURES, f, MODEL.right),
      quoted: fuzzy.quoted(f),
      features: f,
      verdict: 'possible',
      confidence: 0,
      via: exact.has(page)
        ? 'pattern'
        : t
          ? 'typo'
          : f.general > 0
            ? 'general'
            : code.has(page) || title.has(page)
              ? 'code'
              : 'fuzzy',
      values: t?.values ?? {},
      types: t?.types ?? {},
    };
  });
  scored.sort((a, b) => b.p - a.p || a.page - b.page);
  const shown = scored.filter((s) => s.p >= MODEL.possible).slice(0, MAX_SHOWN);
  const [first, second] = scored;
  if (
    first &&
    shown[0] === first &&
    first.quoted >= MODEL.match.p &&
    first.quoted - (second?.quoted ?? 0) >= MODEL.match.margin
  )
    first.verdict = 'match';
  for (const s of shown)
    s.confidence = Math.round(shownConfidence(s.p, s.verdict === 'match', s.features.trouble) * 100) / 100;
  return { scored, shown };
}
