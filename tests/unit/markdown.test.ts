/**
 * Pasted text in the triage and ticket Markdown stays text: rendered by a real Markdown renderer
 * (marked, GFM), no image, no HTML and no link of its own comes out, and the words are all there.
 */
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { ticketText } from '../../src/lib/ticket';
import type { TriageRow } from '../../src/lib/triage';
import { triageMarkdown } from '../../src/lib/triage-export';

const ATTACKS = [
  '![x](http://tracker.test/pixel.png)',
  '<img src=x onerror=alert(1)>',
  '[a](javascript:alert(1))',
  '<a href="http://evil.test">click</a>',
  '[b]: http://ref.test',
  'see www.evil.test or http://evil.test/x or mail me@evil.test',
  'a | b | c',
  '`code` **bold** _em_ ~~del~~',
];

const row = (value: string): TriageRow => ({
  pages: [
    {
      slug: 'class-not-found',
      title: 'A QuickBooks class is missing',
      url: 'http://help.test/errors/class-not-found/',
    },
  ],
  verdict: 'match',
  count: 1,
  lines: ['line 1'],
  values: { qboClass: [value] },
});

/** What a reader of the rendered Markdown could click or load, beyond the site's own links. */
function live(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<(img|script|iframe)\b[^>]*>/gi)) out.push(m[0]);
  for (const m of html.matchAll(/<a [^>]*href="([^"]*)"/gi))
    if (!m[1]!.startsWith('http://help.test/')) out.push(m[0]);
  for (const m of html.matchAll(/<[a-z][^>]*\son[a-z]+=/gi)) out.push(m[0]);
  return out;
}

const render = (md: string) => marked.parse(md, { gfm: true, async: false });

describe.each(ATTACKS)('pasted %s', (attack) => {
  it('stays text in "Values seen"', () => {
    const html = render(triageMarkdown([row(attack)], []));
    expect(live(html)).toEqual([]);
    expect(html).toContain('<table>');
    expect(html.match(/<td[ >]/g)).toHaveLength(5);
  });

  it('stays text in "Lines that matched nothing"', () => {
    const html = render(triageMarkdown([], [`Export failed: ${attack}`]));
    expect(live(html)).toEqual([]);
    expect(html).toContain('Export failed:');
  });

  it('stays text in a ticket', () => {
    const { markdown } = ticketText({
      title: 'A QuickBooks class is missing',
      url: 'http://help.test/errors/class-not-found/',
      message: `QBO Class "${attack}" was not found`,
      values: { qboClass: attack },
      fix: 'Map the business unit.',
      notes: [{ text: `Map the business unit to the class “${attack}”.`, step: 1 }],
      steps: [`Check the class ${attack}.`],
    });
    expect(live(render(markdown))).toEqual([]);
  });
});
