// @ts-check
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      '.astro/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      'bench/results/',
      'scratch/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...astro.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.astro'],
      },
    },
    rules: {
      // Numbers in messages and figures are the point of most template strings here.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // tsconfig's noUncheckedIndexedAccess (astro/tsconfigs/strictest) types every indexed read as
      // possibly undefined; `!` after a bounds check or a regex group that must exist is the idiom.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // `{ omitted, ...rest }` is how a key is left out of a copy.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      // `(e) => el.remove()` as a callback reads better than braces; a void return in other places still fails.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },
  {
    files: ['**/*.astro'],
    // astro-eslint-parser reads `project`, not `projectService` (it warns once per file otherwise).
    languageOptions: { parserOptions: { projectService: false, project: true } },
    rules: {
      // Types imported into a component's frontmatter reach the type-aware rules as the error type
      // (astro-eslint-parser's virtual TSX does not resolve astro:content), so these report every
      // collection entry; `astro check` type-checks the same code with the real types.
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  {
    // Plain JavaScript config and data scripts are not part of the TypeScript program.
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
