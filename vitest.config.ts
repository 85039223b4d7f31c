import { defineConfig } from 'vitest/config';

/**
 * Three groups, run one after the other so that the heavy ones do not starve
 * each other on a 2-core machine: the fast tests in parallel; then the
 * property test (1000 random worlds on CI) alone; then the browser tests, one
 * file at a time.
 */
const PROPERTY = 'test/integration/access-property.test.ts';
const BROWSER = 'test/e2e/**/*.test.ts';

export default defineConfig({
  test: {
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'fast',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: [PROPERTY, BROWSER, '**/node_modules/**'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: { name: 'property', include: [PROPERTY], sequence: { groupOrder: 1 } },
      },
      {
        extends: true,
        test: { name: 'browser', include: [BROWSER], fileParallelism: false, sequence: { groupOrder: 2 } },
      },
    ],
  },
});
