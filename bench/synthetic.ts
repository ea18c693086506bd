/**
 * Synthetic error pages for the scale benchmark: made-up messages that mix pseudo-words with the
 * real pages' words (so fuzzy search has real competition) and carry typed placeholders.
 */
import type { IndexSource } from '../src/lib/matcher/build-index';
import { fuzzyKey } from '../src/lib/matcher/normalize';

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const SYLLABLES = 'ka lo mi ne ru ta vo xe zu pri stel gor ban dex fil mur quon rast tiv yel'.split(' ');
const PLACEHOLDERS = ['{amount:number}', '"{name:text}"', '{when:date}', '{ref:int}', '{key:id}'];

/** `count` synthetic pages whose words are partly the `real` pages' message words. */
export function syntheticPages(count: number, real: readonly IndexSource[], seed = 7): IndexSource[] {
  const realWords = [
    ...new Set(real.flatMap((s) => fuzzyKey([...(s.messages ?? []), ...s.patterns].join(' ')).split(' '))),
  ].filter(Boolean);
  const rnd = prng(seed);
  const pick = <T>(a: readonly T[]) => a[Math.floor(rnd() * a.length)]!;
  const pseudo = () => Array.from({ length: 2 + Math.floor(rnd() * 2) }, () => pick(SYLLABLES)).join('');
  return Array.from({ length: count }, (_, i) => {
    const words = Array.from({ length: 8 + Math.floor(rnd() * 6) }, () =>
      rnd() < 0.35 ? pick(realWords) : pseudo(),
    );
    // A unique leading code word keeps every synthetic page distinct from every other.
    const head = `${pseudo()}${i.toString(36)}`;
    const ph = pick(PLACEHOLDERS);
    const at = 3 + Math.floor(rnd() * (words.length - 4));
    const message = [head, ...words.slice(0, at), ph, ...words.slice(at)].join(' ');
    return {
      slug: `synthetic-${i}`,
      title: `Synthetic error ${i} ${words.slice(0, 3).join(' ')}`,
      patterns: [message],
      messages: [message.replace(/\{(\w+):\w+\}/g, 'NNN')],
      keywords: [words.slice(0, 2).join(' ')],
    };
  });
}
