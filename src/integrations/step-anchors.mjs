// @ts-check
/**
 * Sätteri hast plugin: every item of a top-level ordered list gets a stable anchor
 * (`id="step-1"`, `id="step-2"`, …), numbered through the file, so a support ticket can link to
 * one step of a fix. Items of nested lists are left alone. Step anchors must never change meaning:
 * add new steps at the end.
 */

/** @typedef {import('satteri').HastPluginEntry} HastPluginEntry */

/** @type {HastPluginEntry} */
export const stepAnchors = () => {
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
      },
    },
  };
};
