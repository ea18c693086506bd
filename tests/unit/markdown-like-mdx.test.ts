/**
 * The site's Markdown processor (astro.config.mjs): a page gives the same HTML as `.md` as it gave
 * as `.mdx`. The build's output is compared whole in the check (README, "Scale"); these
 * pin the two differences found there: the step link's bare `data-pagefind-ignore`, and no
 * newline after the page's last element.
 */
import { describe, expect, it } from 'vitest';
import config from '../../astro.config.mjs';

const PAGE = '## How to fix it\n\n1. Open the record.\n2. Export again.\n';
const processor = config.markdown?.processor;

describe('the Markdown processor', () => {
  it('is Sätteri (@astrojs/mdx reads its name and options for .mdx pages)', () => {
    expect(processor?.name).toBe('satteri');
  });

  it('renders a .md page with step anchors, a bare data-pagefind-ignore and no final newline', async () => {
    const renderer = await processor!.createRenderer({ syntaxHighlight: false });
    const { code } = await renderer.render(PAGE);
    expect(code).toContain('<h2 id="how-to-fix-it">How to fix it</h2>');
    expect(code).toContain(
      '<li id="step-2" class="step" data-step="2">Export again. <a class="step-link" href="#step-2" data-pagefind-ignore>Link to step 2</a></li>',
    );
    expect(code.endsWith('</ol>')).toBe(true);
  });

  it("gives a .mdx page's step link the empty attribute, which Astro renders bare", async () => {
    const renderer = await processor!.createMdxRenderer!({ syntaxHighlight: false }, { optimize: false });
    const { code } = await renderer.process(PAGE, '/tmp/page.mdx', {});
    expect(code).toContain('"data-pagefind-ignore": ""');
    expect(code).not.toContain('"data-pagefind-ignore": true');
  });
});
