/**
 * Gradient-boosted regression trees on the logistic loss, for the `quoted` model (what `match`
 * reads; src/lib/matcher/model.ts evaluates them). Each tree is two levels deep, so a feature can
 * count for more or less depending on another (a QBO code with its title and nothing else, or the
 * same code beside a detail no page has). Splits and leaves are XGBoost's: a split maximises the
 * gain G²/(H+λ) of its sides, a leaf is the Newton step −G/(H+λ), shrunk by the learning rate.
 *
 * The trees start from a logistic regression on the same features (`linear`), fitted first: a
 * feature that is rare but says much (`negation`, `elsewhere`: "was found" for "was not found", a
 * line that opens with `GitLab:`) keeps its weight, where trees alone never split on it (too few
 * rows to gain from a split). With it the five-fold validation loss went from 371.6 to 355.9
 * (same labels, 2,017 pastes), and the out-of-fold `match`es on unrelated pastes at p 0.84 from 4
 * to 2 of 532.
 *
 * How many trees: five-fold cross-validation on the labelled pastes (folds by paste, so a paste's
 * candidates are never on both sides), the fewest trees whose validation loss is within 2% of the
 * lowest (more trees cost the browser bytes and buy little).
 */
import { linearPart, treeLeaf, type Boosted, type TreeNode } from '../src/lib/matcher/trees';

export interface BoostOptions {
  /** The learning rate: each tree's leaves are shrunk by it. */
  rate: number;
  /** L2 penalty on leaf values (λ). */
  lambda: number;
  /** The least summed Hessian p(1 − p) on each side of a split: no leaf for a handful of rows. */
  minHessian: number;
  /** Cut points per feature, at most: quantiles of its values. */
  cuts: number;
  /** Start from a logistic regression on the same features (its weights kept with the trees). */
  linear: boolean;
}

/**
 * Chosen by five-fold validation loss, never by a held-out figure. With the linear start (2,017
 * pastes, the chosen number of trees each): rate 0.3, λ 5, min Hessian 2 gave 335.3; rate 0.2
 * 344.1; rate 0.1 356.0; λ 20 349.4; min Hessian 10 352.8.
 */
export const BOOST: BoostOptions = { rate: 0.3, lambda: 5, minHessian: 2, cuts: 24, linear: true };

/** The most trees cross-validation tries. */
const MAX_TREES = 300;
/** Folds for cross-validation: a row of paste `group` is in fold `foldOf(group)`. */
export const FOLDS = 5;
/** CALIBRATE_FOLD_SEED: 0 (the default) deals pastes into folds in turn; another seed, by a hash of it. */
const FOLD_SEED = Number(process.env['CALIBRATE_FOLD_SEED'] ?? 0);
/**
 * A paste's fold: its group modulo FOLDS, or with a seed, a hash of the group and the seed. Another
 * seed deals the same pastes into other folds: with `calibrate --dry`, how far the figures move when
 * nothing but the folds changes (a difference smaller than that says nothing).
 */
export function foldOf(group: number): number {
  if (!FOLD_SEED) return group % FOLDS;
  let h = Math.imul(group + 1, 0x9e3779b1) ^ Math.imul(FOLD_SEED, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  return ((h ^ (h >>> 15)) >>> 0) % FOLDS;
}
/** The fewest trees whose validation loss is within this share of the lowest. */
const LOSS_SLACK = 0.02;

const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;

/**
 * A feature's cut points: midpoints between neighbouring distinct values, at most `n`, rounded to
 * four places as model-quoted.json keeps them (leaves keep three). The fit rounds as it goes, so
 * the trees it chose thresholds for are the trees written. Fewer places saved bytes but cost
 * accuracy: cuts to three places raised the validation loss from 329 to 337 (to 336 with leaves to
 * two places as well).
 */
function cutPoints(values: number[], n: number): number[] {
  const v = [...new Set(values)].sort((a, b) => a - b);
  const mids: number[] = [];
  const step = Math.max(1, v.length / (n + 1));
  for (let k = step; k < v.length; k += step) {
    const i = Math.floor(k);
    const c = round((v[i - 1]! + v[i]!) / 2, 4);
    // Rounding must not move the cut onto or past a value it separates.
    if (c >= v[i - 1]! && c < v[i]!) mids.push(c);
  }
  return [...new Set(mids)];
}

/** Logistic regression by Newton's method with an L2 penalty (the bias is not penalised). */
export function fit<N extends string>(
  names: readonly N[],
  rows: { x: Record<N, number>; y: number }[],
  l2 = 0.5,
): number[] {
  const d = names.length + 1;
  const X = rows.map((r) => [1, ...names.map((n) => r.x[n])]);
  let w = new Array<number>(d).fill(0);
  for (let iter = 0; iter < 50; iter++) {
    const g = new Array<number>(d).fill(0);
    const H = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    X.forEach((x, k) => {
      const p = 1 / (1 + Math.exp(-x.reduce((z, xi, i) => z + xi * w[i]!, 0)));
      const err = p - rows[k]!.y;
      const s = p * (1 - p);
      for (let i = 0; i < d; i++) {
        g[i]! += err * x[i]!;
        for (let j = 0; j < d; j++) H[i]![j]! += s * x[i]! * x[j]!;
      }
    });
    for (let i = 1; i < d; i++) {
      g[i]! += l2 * w[i]!;
      H[i]![i]! += l2;
    }
    const step = solve(H, g);
    w = w.map((wi, i) => wi - step[i]!);
    if (Math.max(...step.map(Math.abs)) < 1e-8) break;
  }
  return w;
}

/** Solves A x = b by Gaussian elimination with partial pivoting. */
function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r]![c]!) > Math.abs(M[piv]![c]!)) piv = r;
    [M[c], M[piv]] = [M[piv]!, M[c]!];
    const pivot = M[c]![c]! || 1e-12;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = M[r]![c]! / pivot;
      for (let k = c; k <= n; k++) M[r]![k]! -= f * M[c]![k]!;
    }
  }
  return M.map((row, i) => row[n]! / (M[i]![i]! || 1e-12));
}

interface Fitted<N extends string> {
  model: Boosted<N>;
  /** Log-odds added by each tree, per row of `test` (cross-validation reads the loss after each). */
  trace: Float64Array[];
}

/** Fits `trees` trees; with `test`, also returns each tree's output on those rows. */
export function fitBoosted<N extends string>(
  names: readonly N[],
  rows: { x: Record<N, number>; y: number }[],
  trees: number,
  opts: BoostOptions = BOOST,
  test: { x: Record<N, number> }[] = [],
): Fitted<N> {
  const n = rows.length;
  const X = rows.map((r) => names.map((k) => r.x[k]));
  const cuts = names.map((_, j) =>
    cutPoints(
      X.map((x) => x[j]!),
      opts.cuts,
    ),
  );
  // Each row's bin per feature: the index of the first cut its value is at or under.
  const bins = X.map((x) =>
    Uint8Array.from(names, (_, j) => {
      let b = 0;
      while (b < cuts[j]!.length && x[j]! > cuts[j]![b]!) b++;
      return b;
    }),
  );
  const mean = rows.reduce((s, r) => s + r.y, 0) / Math.max(1, n);
  let bias = round(Math.log(Math.max(1e-6, mean) / Math.max(1e-6, 1 - mean)), 3);
  let linear: Partial<Record<N, number>> | undefined;
  if (opts.linear) {
    const w = fit(names, rows);
    bias = round(w[0]!, 3);
    linear = Object.fromEntries(names.map((k, j) => [k, round(w[j + 1]!, 3)])) as Record<N, number>;
  }
  const z = Float64Array.from(rows, (r) => bias + linearPart(r.x, linear));
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  const sum = (idx: number[]) => {
    let G = 0;
    let H = 0;
    for (const i of idx) {
      G += g[i]!;
      H += h[i]!;
    }
    return { G, H };
  };
  const leafOf = (idx: number[]) => {
    const { G, H } = sum(idx);
    return round((-G / (H + opts.lambda)) * opts.rate, 3);
  };
  /** The best split of rows `idx`, or undefined when none gains. */
  const split = (idx: number[]): { j: number; b: number } | undefined => {
    const { G, H } = sum(idx);
    const base = (G * G) / (H + opts.lambda);
    let best: { j: number; b: number; gain: number } | undefined;
    for (let j = 0; j < names.length; j++) {
      const m = cuts[j]!.length;
      if (!m) continue;
      const GB = new Float64Array(m + 1);
      const HB = new Float64Array(m + 1);
      for (const i of idx) {
        const b = bins[i]![j]!;
        GB[b]! += g[i]!;
        HB[b]! += h[i]!;
      }
      let gl = 0;
      let hl = 0;
      for (let b = 0; b < m; b++) {
        gl += GB[b]!;
        hl += HB[b]!;
        const gr = G - gl;
        const hr = H - hl;
        if (hl < opts.minHessian || hr < opts.minHessian) continue;
        const gain = (gl * gl) / (hl + opts.lambda) + (gr * gr) / (hr + opts.lambda) - base;
        if (gain > (best?.gain ?? 1e-9)) best = { j, b, gain };
      }
    }
    return best;
  };
  const node = (idx: number[], depth: number): TreeNode<N> => {
    const s = depth < 2 ? split(idx) : undefined;
    if (!s) return leafOf(idx);
    const left = idx.filter((i) => bins[i]![s.j]! <= s.b);
    const right = idx.filter((i) => bins[i]![s.j]! > s.b);
    return [names[s.j]!, cuts[s.j]![s.b]!, node(left, depth + 1), node(right, depth + 1)];
  };
  const all = Array.from({ length: n }, (_, i) => i);
  const out: TreeNode<N>[] = [];
  const trace: Float64Array[] = [];
  for (let m = 0; m < trees; m++) {
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-z[i]!));
      g[i] = p - rows[i]!.y;
      h[i] = p * (1 - p);
    }
    const tree = node(all, 0);
    if (typeof tree === 'number') break;
    out.push(tree);
    for (let i = 0; i < n; i++) z[i]! += treeLeaf(tree, rows[i]!.x);
    if (test.length) trace.push(Float64Array.from(test, (r) => treeLeaf(tree, r.x)));
  }
  return { model: { bias, ...(linear ? { linear } : {}), trees: out }, trace };
}

/**
 * The number of trees, by cross-validation (see the file's comment); the validation loss per number
 * of trees; and `outOfFold(group)`, the model with that many trees fitted without that paste's fold
 * (boosting adds trees in turn, so a fold's first `trees` trees are its model of that size): what
 * the thresholds are chosen on, since trees fit the pastes they were fitted on closer than new ones.
 */
export function chooseTrees<N extends string>(
  names: readonly N[],
  rows: { x: Record<N, number>; y: number; group: number; counted?: boolean }[],
  opts: BoostOptions = BOOST,
): { trees: number; loss: number[]; outOfFold: (group: number) => Boosted<N> } {
  const loss = new Array<number>(MAX_TREES).fill(0);
  const folds: Boosted<N>[] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const train = rows.filter((r) => foldOf(r.group) !== fold);
    const test = rows.filter((r) => foldOf(r.group) === fold);
    const { model, trace } = fitBoosted(names, train, MAX_TREES, opts, test);
    folds.push(model);
    const z = Float64Array.from(test, (r) => model.bias + linearPart(r.x, model.linear));
    for (let m = 0; m < MAX_TREES; m++) {
      const add = trace[m];
      let ll = 0;
      test.forEach((r, i) => {
        if (add) z[i]! += add[i]!;
        const p = 1 / (1 + Math.exp(-z[i]!));
        if (r.counted !== false) ll -= Math.log(Math.max(1e-12, r.y ? p : 1 - p));
      });
      loss[m]! += ll;
    }
  }
  const lowest = Math.min(...loss);
  const trees = loss.findIndex((l) => l <= lowest * (1 + LOSS_SLACK)) + 1;
  const sized = folds.map((m) => ({ ...m, trees: m.trees.slice(0, trees) }));
  return { trees, loss, outOfFold: (group) => sized[foldOf(group)]! };
}
