/**
 * Articles of the platform's help site that the pages name. With HELP_BASE_URL set at build, each
 * becomes a link to `HELP_BASE_URL` + its path (src/components/HelpLink.astro); without it, the
 * name stays plain text. The paths are the help site's: check them against it when you set
 * HELP_BASE_URL (a wrong path is a broken link on every page that names the article).
 */
export const HELP_ARTICLES = {
  'export-permissions': { title: 'QuickBooks export permissions', path: 'quickbooks-export-permissions' },
  'onboarding-step-7': {
    title: 'QBO Onboarding Step 7: Create classes in QuickBooks Online',
    path: 'qbo-onboarding-step-7-create-classes-in-quickbooks-online',
  },
  'journal-entries': { title: 'Journal entries overview', path: 'journal-entries-overview' },
  'accounting-periods': { title: 'Use Accounting Periods', path: 'use-accounting-periods' },
} as const;

export type HelpArticle = keyof typeof HELP_ARTICLES;

/** The article's link under `base`, or undefined without one. */
export function helpHref(article: HelpArticle, base: string | undefined): string | undefined {
  return base ? new URL(HELP_ARTICLES[article].path, base.replace(/\/?$/, '/')).href : undefined;
}
