/** Site-wide constants. */
export const SITE_TITLE = 'QuickBooks Online export errors';
export const SITE_DESCRIPTION =
  'Paste a QuickBooks Online export error and get to the fix: every Touchless Integration (QBO) export error, what it means and how to fix it.';

/** The groups on the home page, in display order. Keys are the `category` values in error frontmatter. */
export const CATEGORIES = {
  'permissions-connection': {
    label: 'Permissions and connection',
    blurb: 'QuickBooks refuses the user or the app connection.',
  },
  'closed-books': { label: 'Closed books', blurb: 'The QuickBooks closing date blocks the transaction.' },
  'qbo-outages': {
    label: 'QuickBooks outages',
    blurb: 'QuickBooks servers are down or busy; wait and retry.',
  },
  duplicates: {
    label: 'Duplicate names and numbers',
    blurb: 'A name or document number is already used in QuickBooks.',
  },
  'chart-of-accounts': {
    label: 'Chart of accounts',
    blurb: 'GL accounts are missing, named differently or typed differently.',
  },
  'business-units-classes': {
    label: 'Business units and classes',
    blurb: 'Business units are unmapped, unassigned or on another QuickBooks company.',
  },
  'journal-entry-setup': {
    label: 'Journal entry setup',
    blurb: 'The journal entry was generated with conflicting export settings.',
  },
  'payments-deposits': {
    label: 'Payments and deposits',
    blurb: 'Payments, deposits and bank matches block a re-sync.',
  },
  'support-only': { label: 'Support only', blurb: 'Only Technical Support can resolve these.' },
  'qbo-api': {
    label: 'QuickBooks API errors',
    blurb: 'Faults QuickBooks Online’s API returns, by code, from Intuit’s documentation.',
  },
} as const;

export type CategoryKey = keyof typeof CATEGORIES;
/** Errors the home page shows under each category; /errors/ lists them all. */
export const HOME_PER_CATEGORY = 3;
export const CATEGORY_KEYS = Object.keys(CATEGORIES) as [CategoryKey, ...CategoryKey[]];

/** The source article every page without a `source` of its own comes from. */
export const ARTICLE_SOURCE = { title: 'Resolve Touchless Integration export errors (QBO)' } as const;

/** Where the fix happens. */
export const FIX_IN = {
  qbo: 'QuickBooks Online',
  platform: 'The platform (ServiceTitan)',
  both: 'Both QuickBooks Online and the platform',
  support: 'Technical Support',
} as const;
export type FixInKey = keyof typeof FIX_IN;
export const FIX_IN_KEYS = Object.keys(FIX_IN) as [FixInKey, ...FixInKey[]];
