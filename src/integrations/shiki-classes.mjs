// @ts-check
/**
 * Shiki transformer: code blocks without a single `style=` attribute, so they render under the
 * site's CSP (`style-src 'self'`, no inline styles). With Shiki's css-variables theme every token
 * colour is `color: var(--astro-code-<name>)`; this turns each into a class (`ac-<name>`) that
 * src/styles/global.css colours, and drops the rest (Astro's `overflow-x`, the background, which
 * the stylesheet sets too).
 */

/** @typedef {import('hast').Element} Element */
/** @typedef {import('hast').Root | Element} Parent */

const COLOR = /(?:^|;)\s*color:\s*var\(--astro-code-([\w-]+)\)/;
const NO_SELECT = /user-select:\s*none/;

/** @param {Parent} node */
function walk(node) {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    const style = child.properties['style'];
    if (style !== undefined) {
      const text = String(style);
      const classes = [];
      const color = COLOR.exec(text)?.[1];
      if (color) classes.push(`ac-${color}`);
      if (NO_SELECT.test(text)) classes.push('ac-no-select');
      delete child.properties['style'];
      if (classes.length) {
        // Astro's own transformer writes `class` (a string), hast's name is `className` (a list).
        const existing = [child.properties['className'], child.properties['class']]
          .flatMap((c) => (Array.isArray(c) ? c : c ? String(c).split(/\s+/) : []))
          .map(String);
        delete child.properties['class'];
        child.properties['className'] = [...existing, ...classes];
      }
    }
    walk(child);
  }
}

/** @type {import('shiki').ShikiTransformer} */
export const shikiClasses = {
  name: 'shiki-classes',
  root(root) {
    walk(root);
  },
};
