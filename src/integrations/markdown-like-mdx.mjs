// @ts-check
/**
 * The Markdown processor, with a `.md` page's HTML the same as the page gave as `.mdx` (a page that
 * imports no component is plain Markdown: README, "Scale"). `.mdx` pages are left to the processor.
 * Sätteri's HTML serializer ends a `.md` page with a newline that MDX's output has not (a
 * whitespace text node before the page's closing `</div>`); this drops it. One difference stays: a
 * `"` in text, which MDX's JSX writes `&quot;` and Sätteri `"` (the same DOM); making them agree
 * would take a visitor on every text node of every page.
 */

/** @typedef {ReturnType<typeof import('@astrojs/markdown-satteri').satteri>} Processor */

/**
 * @param {Processor} processor
 * @returns {Processor}
 */
export function markdownLikeMdx(processor) {
  return {
    // The same name and options object: @astrojs/mdx reads both, and integrations add plugins there.
    ...processor,
    async createRenderer(shared) {
      const renderer = await processor.createRenderer(shared);
      return {
        async render(content, opts) {
          const result = await renderer.render(content, opts);
          return { ...result, code: result.code.replace(/\n$/, '') };
        },
      };
    },
  };
}
