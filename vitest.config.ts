import { defineConfig } from 'vitest/config';

/**
 * Two projects. `unit` runs in process: stages, rules, formats, fixture and
 * golden scoring, and the CLI through its exported cli() with captured
 * streams (`npm run test:unit`, the quick loop). `e2e` spawns the built
 * binary, one smoke test per behaviour that needs a real process: exit
 * codes, signals, terminals, pipes, stdin, permissions, the bin's EPIPE and
 * full-disk handling, the package, the README's commands; and test/model,
 * the model's retraining (`npm run test:e2e`). `npm test` builds, then runs both.
 */
export default defineConfig({
  test: {
    // Vitest's default on two cores is one worker, which runs the files one at a time;
    // most e2e tests wait on a child process, so two workers keep both cores busy.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'test/model/**'],
          // The CLI runs in process from dist/: rebuilt first when a source file is newer.
          globalSetup: ['test/build-if-stale.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          // test/model retrains the stance reader in a child process: slow, so not in the quick loop.
          include: ['test/e2e/**/*.test.ts', 'test/model/**/*.test.ts'],
          globalSetup: ['test/build-if-stale.ts'],
          // Each spawned binary loads the language model (about 0.6 s); a busy machine is slower.
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
