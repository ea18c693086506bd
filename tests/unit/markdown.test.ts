/**
 * Pasted text in the triage and ticket Markdown stays text: rendered by a real Markdown renderer
 * (marked, GFM), no image, no HTML and no link of its own comes out, and the words are all there.
 * The ticket's code spans and fences hold any run of backticks.
 */
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { mdCode, mdFence } from '../../src/lib/markdown';
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
/** The text a reader sees of rendered HTML's character references. */
const decode = (html: string) =>
  html.replace(
    /&(lt|gt|quot|#39|amp);/g,
    (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e]!,
  );

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

  it('stays text in a ticket, and every pasted value is still there as text', () => {
    const ticket = ticketText({
      title: 'A QuickBooks class is missing',
      url: 'http://help.test/errors/class-not-found/',
      message: `QBO Class "${attack}" was not found\n\`\`\`\n${attack}`,
      values: { qboClass: attack, businessUnit: `\`${attack}\`` },
      steps: ['Check the class.'],
      notes: [{ text: `Map the business unit to the class “${attack}”.`, step: 1 }],
    });
    const html = render(ticket);
    expect(live(html)).toEqual([]);
    const codes = [...html.matchAll(/<code>([^<]*)<\/code>/g)].map((m) => decode(m[1]!));
    expect(codes).toContain(attack);
    expect(codes).toContain(`\`${attack}\``);
    expect(codes.some((c) => c.includes(`"${attack}" was not found\n\`\`\`\n${attack}`))).toBe(true);
  });
});

describe('code for pasted text', () => {
  it.each([
    ['plain', 'plain', '`plain`'],
    ['a backtick inside', 'a`b', '``a`b``'],
    ['runs of backticks', 'a``b```c', '````a``b```c````'],
    ['a backtick at the edge', '`x', '`` `x ``'],
    ['a line break', 'a\n- b', '`a - b`'],
  ])('an inline code span: %s', (_, value, span) => {
    expect(mdCode(value)).toBe(span);
    expect(decode(/<code>([^<]*)<\/code>/.exec(render(`- ${span}`))![1]!)).toBe(value.replace(/\n/g, ' '));
  });

  it('a fenced block longer than any run of backticks inside', () => {
    const text = 'a\n```\n````\n<img src=x onerror=alert(1)>';
    expect(mdFence(text)).toBe(`\`\`\`\`\`\n${text}\n\`\`\`\`\``);
    const html = render(mdFence(text));
    expect(html.match(/<pre>/g)).toHaveLength(1);
    expect(decode(/<code>([^<]*)<\/code>/.exec(html)![1]!)).toBe(`${text}\n`);
  });
});
