import { describe, expect, it } from 'vitest';
import { HELP_ARTICLES, helpHref, type HelpArticle } from '../../src/lib/help-articles';

describe('help-site links (HELP_BASE_URL)', () => {
  it.each(Object.keys(HELP_ARTICLES) as HelpArticle[])(
    '%s: a link under the base, or none without one',
    (key) => {
      expect(helpHref(key, undefined)).toBeUndefined();
      for (const base of ['https://help.test/kb', 'https://help.test/kb/'])
        expect(helpHref(key, base)).toBe(`https://help.test/kb/${HELP_ARTICLES[key].path}`);
    },
  );
});
