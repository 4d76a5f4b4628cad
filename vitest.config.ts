import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // One test file at a time: the conformance suites drive servers and time boundaries, and a machine of two
    // cores shared with other test files makes their timing (not their verdicts) the thing under test.
    fileParallelism: false,
  },
});
