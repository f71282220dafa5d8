import { defineConfig } from 'vitest/config';

/**
 * Three suites (see README, "Tests"): unit (src/lib and islands), content (the data against the
 * source documents) and site (the built dist/). Browser tests run under Playwright instead.
 */
export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.{ts,tsx}'], environment: 'node' },
      },
      { extends: true, test: { name: 'content', include: ['tests/content/**/*.test.ts'] } },
      { extends: true, test: { name: 'site', include: ['tests/site/**/*.test.ts'] } },
    ],
  },
});
