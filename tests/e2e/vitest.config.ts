import { defineConfig } from 'vitest/config';

// Real-browser suites. One file at a time: each launches Chromium or Firefox, and the machine has two cores.
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    fileParallelism: false,
    // Browser start-up on a loaded CI machine can be slow; a flaky launch is retried, assertions are not loosened.
    retry: 1,
    reporters: ['verbose'],
  },
});
