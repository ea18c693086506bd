import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // No unit test asserts a time (speed targets live in `npm run bench`), and the machine may be
    // shared: with the bench and another test run on its two cores, tests that take 1–2.4 s alone
    // took 4.9–6.3 s, and one failed at Vitest's default of 5 s (session 31). Generous for all;
    // a test that needs more says so (parts.test.ts).
    testTimeout: 60_000,
  },
});
