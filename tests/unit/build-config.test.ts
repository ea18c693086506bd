/**
 * The build log: astro.config.mjs drops Rolldown's warning about Astro's own "use astro:head-inject"
 * marker (one ten-line warning per MDX file) and passes every other warning on.
 */
import { describe, expect, it } from 'vitest';
import config from '../../astro.config.mjs';

type Log = { code?: string; message: string };
type OnLog = (level: 'warn', log: Log, handler: (level: 'warn', log: Log) => void) => void;
const onLog = config.vite?.build?.rolldownOptions?.onLog as OnLog | undefined;

/** Whether the config passes this warning on to the log. */
function passed(warning: Log): boolean {
  let shown = false;
  onLog?.('warn', warning, () => (shown = true));
  return shown;
}

describe('build log', () => {
  it('drops the per-MDX-file MODULE_LEVEL_DIRECTIVE warning for "use astro:head-inject"', () => {
    expect(onLog).toBeTypeOf('function');
    expect(
      passed({
        code: 'MODULE_LEVEL_DIRECTIVE',
        message:
          'The semantics of the module level directive "use astro:head-inject" in "content/errors/permission-denied.mdx?astroPropagatedAssets" may not be preserved when bundling.',
      }),
    ).toBe(false);
  });

  it('passes every other warning on, other directives included', () => {
    expect(
      passed({
        code: 'MODULE_LEVEL_DIRECTIVE',
        message:
          'The semantics of the module level directive "use client" in "src/x.ts" may not be preserved.',
      }),
    ).toBe(true);
    expect(
      passed({ code: 'CIRCULAR_DEPENDENCY', message: 'Circular dependency: a.ts -> b.ts -> a.ts' }),
    ).toBe(true);
    expect(passed({ message: 'a warning without a code' })).toBe(true);
  });

  it("highlights code with Shiki's css-variables theme, as classes: no inline style for the CSP to block", () => {
    expect(config.markdown?.shikiConfig?.theme).toBe('css-variables');
  });
});
