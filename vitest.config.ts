import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // Generous: a test asserts behaviour, never time, and a busy two-core machine can take minutes for a run that
    // starts its own servers (a test waits for each of its processes with a bound of its own besides).
    testTimeout: 300_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // One test file at a time: the conformance suites drive servers and time boundaries, and a machine of two
    // cores shared with other test files makes their timing (not their verdicts) the thing under test.
    fileParallelism: false,
  },
});
