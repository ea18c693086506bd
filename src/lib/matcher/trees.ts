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

/** Boosted trees' probability for a feature record. */
export function boosted<N extends string>(f: Record<N, number>, m: Boosted<N>): number {
  let z = m.bias + linearPart(f, m.linear);
  for (const tree of m.trees) z += treeLeaf(tree, f);
  return 1 / (1 + Math.exp(-z));
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
