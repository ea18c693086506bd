/**
 * The fitted model but the exact-hit part and `quoted`, each in a file of its own: `right`, the
 * thresholds and the confidence shown (model.json, written by `npm run calibrate`). Only fuzzy
 * search's scoring (score.ts, fuzzy.ts), calibrate and the CLI import it, so a paste the exact stage
 * answers loads none of it.
 */
// Named imports: the bundle carries the weights and thresholds, not the record of what they were
// fitted on (`fittedOn`, which calibrate writes for people reading model.json, and which the bench
// and the unit tests read: bench/corpora.ts fittedOn).
import { after, guess, match, possible, right, shown } from './model.json';
import { EXACT_MODEL, logit, sigmoid, type Model } from './model';

/** The model but `quoted`, which is in a file of its own (quoted.ts) that only fuzzy search imports. */
export const MODEL: Omit<Model, 'quoted'> = {
  right,
  match,
  possible,
  shown,
  guess,
  after,
  exact: EXACT_MODEL,
};

/**
 * The confidence shown for a first result: a `match` by `shown` (Platt-scaled with the verdict), a
 * `possible` by `guess` (with the segment's `trouble`), so that first results shown at 80% are right
 * about 80% of the time, `match`es and guesses each.
 */
export function shownConfidence(
  p: number,
  match: boolean,
  trouble: number,
  model: Pick<Model, 'shown' | 'guess'> = MODEL,
): number {
  return match
    ? sigmoid(model.shown.a * logit(p) + model.shown.m + model.shown.b)
    : sigmoid(model.guess.a * logit(p) + model.guess.t * trouble + model.guess.b);
}

/**
 * The confidence shown for a `possible` after the paste's first result: its `right` probability
 * beside the first result's (`after`; a runner-up is less likely right the surer the first is).
 */
export function afterConfidence(p: number, first: number, model: Pick<Model, 'after'> = MODEL): number {
  return sigmoid(model.after.a * logit(p) + model.after.c * logit(first) + model.after.b);
}
