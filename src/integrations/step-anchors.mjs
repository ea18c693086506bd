// @ts-check
/**
 * Sätteri hast plugin: every item of a top-level ordered list gets a stable anchor
 * (`id="step-1"`, `id="step-2"`, …), numbered through the file, so a support ticket can link to
 * one step of a fix, and a visible "Link to step N" (a plain link without JS; error pages copy it
 * with JS). Items of nested lists are left alone. Step anchors must never change meaning: add new
 * steps at the end. Runs on both .md and .mdx pages, with the same output.
 */

/** @typedef {import('satteri').HastPluginEntry} HastPluginEntry */

/** @type {HastPluginEntry} */
export const stepAnchors = ({ sourceFormat }) => {
  // A bare `data-pagefind-ignore` in both pipelines: Markdown's serializer writes `true` bare and ''
  // as `=""`; MDX's JSX (Astro's attributes) writes '' bare and `true` as `="true"`.
  const bare = sourceFormat === 'mdx' ? '' : true;
  let n = 0;
  return {
    name: 'step-anchors',
    element: {
      filter: ['li'],
      visit(node, ctx) {
        const list = ctx.parent(node);
        if (!list || list.type !== 'element' || list.tagName !== 'ol') return;
        /** @type {import('hast').Parents | undefined} */
        let p = list;
        while (p && p.type !== 'root') {
          p = ctx.parent(p);
          if (p?.type === 'element' && p.tagName === 'li') return;
        }
        n += 1;
        ctx.setProperty(node, 'id', `step-${n}`);
        ctx.setProperty(node, 'className', ['step']);
        ctx.setProperty(node, 'dataStep', String(n));
        ctx.appendChild(node, [
          { type: 'text', value: ' ' },
          {
            type: 'element',
            tagName: 'a',
            properties: { className: ['step-link'], href: `#step-${n}`, dataPagefindIgnore: bare },
            children: [{ type: 'text', value: `Link to step ${n}` }],
          },
        ]);
      },
    },
  };
};
