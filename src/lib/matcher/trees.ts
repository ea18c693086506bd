/**
 * Boosted regression trees: their shape, their probability (the `quoted` model, model.ts) and what
 * `--explain` reports. A file of its own because model.ts is in every page's worker: only code that
 * loads with fuzzy search (fuzzy.ts, quoted.ts) and Node (calibrate, the CLI, tests) import this.
 */

/**
 * A regression tree's node: [feature, cut, the node for a value at or under the cut, the node for
 * one over it]; a leaf is a number, added to the log-odds.
 */
export type TreeNode<N extends string = string> = number | [N, number, TreeNode<N>, TreeNode<N>];

/** Boosted trees: the log-odds are the bias, the linear term and one leaf of every tree. */
export interface Boosted<N extends string = string> {
  bias: number;
  /** Weights of a linear term the trees start from (a feature not named adds nothing). */
  linear?: Partial<Record<N, number>>;
  trees: TreeNode<N>[];
}

/** A linear term's log-odds for a feature record. */
export function linearPart<N extends string>(
  f: Record<N, number>,
  linear?: Partial<Record<N, number>>,
): number {
  let z = 0;
  if (linear) for (const n in linear) z += (linear[n] ?? 0) * f[n];
  return z;
}

/** The side of a split a feature record takes. */
const side = <N extends string>(node: [N, number, TreeNode<N>, TreeNode<N>], f: Record<N, number>) =>
  f[node[0]] <= node[1] ? node[2] : node[3];

/** The leaf a feature record reaches in one tree. */
export function treeLeaf<N extends string>(node: TreeNode<N>, f: Record<N, number>): number {
  while (typeof node !== 'number') node = side(node, f);
  return node;
}

/** Each model's flat layout (compileBoosted), made at its first use. */
const compiled = new WeakMap<Boosted, (f: Record<string, number>) => number>();

/** Boosted trees' probability for a feature record (compileBoosted's, laid out once per model). */
export function boosted<N extends string>(f: Record<N, number>, m: Boosted<N>): number {
  let p = compiled.get(m);
  if (!p) {
    p = compileBoosted(m as Boosted);
    compiled.set(m, p);
  }
  return p(f);
}

/**
 * Boosted trees laid out flat, for a model read many times a paste (fuzzy search asks it about every
 * candidate page): each split names its feature by number, and a record's features are read once,
 * not looked up by name at every split: the bias, the linear term (its weights in the order
 * written) and one leaf of every tree, summed in that order.
 */
export function compileBoosted<N extends string>(m: Boosted<N>): (f: Record<N, number>) => number {
  // The features the splits read, numbered in the order first met.
  const names: N[] = [];
  const numberOf = (n: N) => {
    const at = names.indexOf(n);
    return at >= 0 ? at : names.push(n) - 1;
  };
  // Every node of every tree: its feature's number (-1 for a leaf), its cut (a leaf's value), and
  // the nodes for a value at or under the cut and over it.
  const feature: number[] = [];
  const cut: number[] = [];
  const low: number[] = [];
  const high: number[] = [];
  const lay = (node: TreeNode<N>): number => {
    const at = feature.push(-1) - 1;
    cut.push(typeof node === 'number' ? node : node[1]);
    low.push(-1);
    high.push(-1);
    if (typeof node !== 'number') {
      feature[at] = numberOf(node[0]);
      low[at] = lay(node[2]);
      high[at] = lay(node[3]);
    }
    return at;
  };
  const roots = m.trees.map(lay);
  const linear = Object.entries(m.linear ?? {}) as [N, number | undefined][];
  const features = Int32Array.from(feature);
  const cuts = Float64Array.from(cut);
  const lows = Int32Array.from(low);
  const highs = Int32Array.from(high);
  // The record's values of `names`, read once per record.
  const values = new Float64Array(names.length);
  return (f) => {
    let lin = 0;
    for (const [n, w] of linear) lin += (w ?? 0) * f[n];
    let z = m.bias + lin;
    for (let i = 0; i < names.length; i++) values[i] = f[names[i]!];
    for (const root of roots) {
      let node = root;
      while (features[node]! >= 0)
        node = values[features[node]!]! <= cuts[node]! ? lows[node]! : highs[node]!;
      z += cuts[node]!;
    }
    return 1 / (1 + Math.exp(-z));
  };
}

/** A node's value: its leaf, or the mean of its two sides' values (what `treeContributions` measures from). */
const nodeValue = (node: TreeNode): number =>
  typeof node === 'number' ? node : (nodeValue(node[2]) + nodeValue(node[3])) / 2;

/**
 * What each feature added to boosted trees' log-odds, and the base (the bias and every tree's root
 * value): a feature's linear term, and along a record's path through a tree, each split's feature is
 * credited with how far the value moves from the node to the side taken. Base plus contributions is
 * the log-odds.
 */
export function treeContributions<N extends string>(
  names: readonly N[],
  f: Record<N, number>,
  m: Boosted<N>,
): { base: number; contributions: [N, number][] } {
  const by = new Map<N, number>(names.map((n) => [n, (m.linear?.[n] ?? 0) * f[n]]));
  let base = m.bias;
  for (const tree of m.trees) {
    base += nodeValue(tree);
    let node = tree;
    while (typeof node !== 'number') {
      const next = side(node, f);
      by.set(node[0], (by.get(node[0]) ?? 0) + nodeValue(next) - nodeValue(node));
      node = next;
    }
  }
  return { base, contributions: names.map((n) => [n, by.get(n) ?? 0]) };
}

/** How many splits of the trees read each feature (what calibrate prints, and a test checks the names of). */
export function splitCounts(trees: readonly TreeNode[]): Map<string, number> {
  const counts = new Map<string, number>();
  const walk = (node: TreeNode): void => {
    if (typeof node === 'number') return;
    counts.set(node[0], (counts.get(node[0]) ?? 0) + 1);
    walk(node[2]);
    walk(node[3]);
  };
  trees.forEach(walk);
  return counts;
}
