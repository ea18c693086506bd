/**
 * The exact stage's index in parts (src/lib/matcher/parts.ts): a paste answered once the parts its
 * needles point to have arrived gets the outcome the whole index gives, at 39 pages and at 2,200.
 */
import { describe, expect, it } from 'vitest';
import { corpora } from '../../bench/corpora';
import { scalePages, syntheticEntries } from '../../bench/synthetic';
import { CATEGORY_KEYS } from '../../src/consts';
import { buildIndex, indexSource, splitIndex } from '../../src/lib/matcher/build-index';
import { createMatcher, needleText } from '../../src/lib/matcher/match';
import { eachRun, GATE_CHARS, gramHash, needleGrams, partGate } from '../../src/lib/matcher/needle-gate';
import { joinParts, PART_PAGES, streamBody, type MatchPart } from '../../src/lib/matcher/parts';
import { streamLine, streamParts } from '../../src/lib/matcher/stream';
import { templateNeedle } from '../../src/lib/matcher/pattern';
import { loadErrors } from '../../src/lib/node/load-content';

const entries = loadErrors();
const sources = entries.map(indexSource);
/** Pastes that may be looked at: the development corpus and the A halves, every kind. */
const texts = [
  ...corpora()
    .filter((c) => c.showMisses)
    .flatMap((c) => [...c.single, ...c.ambiguous, ...c.unrelated, ...c.multi].map((x) => x.text)),
  ...entries.flatMap((e) => e.data.examples),
];

describe('needle grams', () => {
  it('a run of a text hashes as the gram it is, at any place, at its length only', () => {
    const gram = 'for business';
    const text = `qbo class "x" was not found ${gram}s unit "y".`;
    const seen = (lengths: number[]) => {
      const out: [number, number][] = [];
      eachRun(text, lengths, (l, h) => out.push([l, h]));
      return out;
    };
    expect(seen([gram.length])).toContainEqual([gram.length, gramHash(gram)]);
    expect(seen([gram.length + 1]).map(([, h]) => h)).not.toContain(gramHash(gram));
  });

  it("is the needle's run that the fewest needles hold, and a short needle itself", () => {
    expect(needleGrams(['account not found here', 'account not found there', 'short one'])).toEqual([
      ' not found h',
      ' not found t',
      'short one',
    ]);
  });
});

describe('the index in parts', () => {
  it('at 39 pages is one file: the head brings every page', () => {
    const { head, parts, stream } = splitIndex(buildIndex(sources));
    expect(sources.length).toBeLessThanOrEqual(PART_PAGES);
    expect(head.parts).toEqual([]);
    expect(head.stream).toBe('');
    expect(parts).toEqual([]);
    expect(stream).toBeUndefined();
    expect(head.first.map(([p]) => p).sort((a, b) => a - b)).toEqual(sources.map((_, p) => p));
  });

  it("at 2,200 pages, the head brings the article's pages, and a paste gets what the whole index gives once the parts its needles point to are here", () => {
    const synthetic = scalePages(2200, sources);
    const built = buildIndex([...sources, ...synthetic]);
    const { head, parts, stream } = splitIndex(built);
    const article = entries.filter((e) => !e.data.source?.url).map((e) => e.id);
    expect(article.length).toBeGreaterThan(20);
    const inHead = new Set(head.first.map(([, slug]) => slug));
    expect(article.filter((slug) => !inHead.has(slug))).toEqual([]);
    expect(parts.length).toBe(Math.ceil((2200 - article.length) / PART_PAGES));

    // The file is JSON as a whole, and its lines are the parts.
    expect(JSON.parse(stream!.body)).toEqual(parts);
    expect(stream!.body.split('\n').map(streamLine).filter(Boolean)).toEqual(parts);
    const bodies = parts;
    const whole = createMatcher(joinParts(head, bodies));
    const full = createMatcher(built.core);
    const gate = partGate(head);
    const examples = syntheticEntries(synthetic, CATEGORY_KEYS)
      .filter((_, i) => i % 10 === 0)
      .flatMap((e) => e.data.examples);
    let needed = 0;
    const byNeed = new Map<string, ReturnType<typeof createMatcher>>();
    for (const text of [...texts, ...examples]) {
      const need = gate(needleText(text));
      needed += need.length;
      const key = need.join(',');
      if (!byNeed.has(key)) {
        // Sparse, as the worker's arrived parts are.
        const arrived: MatchPart[] = [];
        for (const i of need) arrived[i] = bodies[i]!;
        byNeed.set(key, createMatcher(joinParts(head, arrived)));
      }
      expect(byNeed.get(key)!.match(text), text).toEqual(full.match(text));
    }
    expect(whole.match(examples[0]!)).toEqual(full.match(examples[0]!));
    // Most pastes need one part or none: a needle hash seldom collides.
    expect(needed / (texts.length + examples.length)).toBeLessThan(1.2);
  }, 120_000);

  it('a paste over GATE_CHARS waits for every part', () => {
    const built = buildIndex([...sources, ...scalePages(400, sources)]);
    const { head } = splitIndex(built);
    expect(partGate(head)('x'.repeat(GATE_CHARS + 1))).toEqual(head.parts.map((_, i) => i));
  });

  it("holds every template's needle hash in its own part", () => {
    const built = buildIndex([...sources, ...scalePages(400, sources)]);
    const { head, parts } = splitIndex(built);
    const gate = partGate(head);
    parts.forEach((p, i) => {
      for (const [, , ...templates] of p)
        for (const t of templates) expect(gate(`… ${templateNeedle(t)} …`)).toContain(i);
    });
  });
});

describe('the parts read as they arrive (stream.ts)', () => {
  // The last page's title has characters of several bytes (as real titles do: "can’t"), so a cut
  // can fall inside one.
  const synthetic = scalePages(400, sources);
  synthetic[synthetic.length - 1] = {
    ...synthetic.at(-1)!,
    title: `${synthetic.at(-1)!.title}: can’t — café`,
  };
  const built = buildIndex([...sources, ...synthetic]);
  const { head, parts, stream } = splitIndex(built);
  const bytes = new TextEncoder().encode(stream!.body);
  /** The file's bytes, handed over when `give(upTo)` says so (cut anywhere: mid-line, mid-character). */
  function feed() {
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
    return {
      body,
      give(upTo: number) {
        controller.enqueue(bytes.slice(sent, upTo));
        sent = upTo;
      },
      end: () => controller.close(),
      fail: () => controller.error(new Error('connection reset')),
    };
  }
  /** Where part i's line ends in the file's bytes, its comma and newline included (i before the last). */
  const endOf = (i: number) => new TextEncoder().encode(streamBody(parts.slice(0, i + 1))).length - 1;
  const settled = async (p: Promise<unknown>) =>
    Promise.race([
      p.then(
        () => 'in',
        () => 'failed',
      ),
      new Promise((r) => setTimeout(() => r('waiting'), 20)),
    ]);

  it('brings each part once its line is in, before the rest of the file', async () => {
    expect(parts.length).toBeGreaterThan(3);
    const f = feed();
    const s = streamParts(head, Promise.resolve(f.body), needleText);
    f.give(endOf(0) - 1);
    expect(await settled(s.parts[0]!)).toBe('waiting');
    f.give(endOf(0));
    expect(await settled(s.parts[0]!)).toBe('in');
    expect(await settled(s.parts[1]!)).toBe('waiting');
    // Cut inside a multi-byte character (the first of several bytes, and the next) or anywhere
    // else, every part comes out as it went in.
    const multi = bytes.findIndex((b, i) => i > endOf(0) && b >= 0xc0);
    expect(multi).toBeGreaterThan(0);
    f.give(multi + 1);
    for (let at = multi + 1; at < bytes.length; at += 997) f.give(at);
    f.give(bytes.length);
    f.end();
    expect(await Promise.all(s.parts)).toEqual(parts);
    expect(s.arrived).toEqual(parts);
    expect(createMatcher(await s.whole).match(texts[0]!)).toEqual(createMatcher(built.core).match(texts[0]!));
  });

  it('a file that fails or ends early fails the parts it did not bring, and only those', async () => {
    const f = feed();
    const s = streamParts(head, Promise.resolve(f.body), needleText);
    f.give(endOf(0));
    await expect(s.parts[0]).resolves.toEqual(parts[0]);
    f.fail();
    await expect(s.parts[1]).rejects.toThrow('connection reset');
    await expect(s.whole).rejects.toThrow('connection reset');

    const g = feed();
    const t = streamParts(head, Promise.resolve(g.body), needleText);
    g.give(endOf(1));
    g.end();
    await expect(t.parts[1]).resolves.toEqual(parts[1]);
    await expect(t.parts.at(-1)).rejects.toThrow(`ended after 2 of ${parts.length}`);
  });
});
