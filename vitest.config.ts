import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // CLI tests spawn the built binary, which loads the language model on each run.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
