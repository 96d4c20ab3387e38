import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Every kubesim the tests run (in-process or as a binary) reconciles a state it takes to be
    // settled anyway, and fails if skipping would have been wrong (src/controllers/settled.ts).
    env: { KUBESIM_CHECK_SETTLED: '1' },
  },
});
