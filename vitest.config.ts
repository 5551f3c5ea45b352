import { defineConfig } from 'vitest/config';

/**
 * Three projects.
 * - `unit` runs in process: stages, rules, formats, fixture and golden scoring, and the CLI
 *   through its exported cli() with captured streams (`npm run test:unit`, the quick loop).
 * - `e2e` spawns the built binary, one smoke test per behaviour that needs a real process: exit
 *   codes, signals, terminals, pipes, stdin, permissions, the bin's EPIPE and full-disk
 *   handling, a run killed half-way. `npm test` builds, then runs `unit` and `e2e`.
 * - `release` checks what a release promises rather than a behaviour, each slow: the model's
 *   retraining byte for byte and its floors on the corpus, the npm tarball installed in a new
 *   project, every README command run as written, the GNU parallel recipe, the HTML report in
 *   Chromium (`npm run test:release`; CI runs it after `npm test`).
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
          exclude: ['test/e2e/**', 'test/release/**'],
          // The files share their worker's modules: wink-nlp's language model and the stance
          // model load once per worker instead of once per file (half the project's CPU time).
          // No test changes module state that another relies on.
          isolate: false,
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
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/build-if-stale.ts'],
          // Each spawned binary loads the language model (about 0.6 s); a busy machine is slower.
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'release',
          include: ['test/release/**/*.test.ts'],
          globalSetup: ['test/build-if-stale.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
