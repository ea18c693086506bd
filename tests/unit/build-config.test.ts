/** The build's configuration (astro.config.mjs). */
import { describe, expect, it } from 'vitest';
import config from '../../astro.config.mjs';

describe('build configuration', () => {
  it("highlights code with Shiki's css-variables theme, as classes: no inline style for the CSP to block", () => {
    expect(config.markdown?.shikiConfig?.theme).toBe('css-variables');
  });
});
