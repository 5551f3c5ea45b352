/**
 * Running tasks: in process for one input or --jobs 1, otherwise in a
 * tinypool of worker threads (each loads the language model once).
 */
import { errorRecord } from '../input.js';
import { render, type Rendered } from './render.js';
import { runAndRender, type Job } from './task.js';

export interface Runner {
  run(job: Job): Promise<Rendered>;
  close(): Promise<void>;
}


export const inProcess = (): Runner => ({
  run: (task) => runAndRender(task),
  close: async () => undefined,
});

/**
 * Jobs go to the workers in batches: a task costs the pool a message round
 * trip and a memory reading, which a profile showed to be worth more than
 * the parallelism on two cores when every article was a task of its own.
 */
export const BATCH_SIZE = 8;

export async function workerPool(threads: number): Promise<Runner> {
  const { Tinypool } = await import('tinypool');
  const pool = new Tinypool({
    filename: new URL('./worker.js', import.meta.url).href,
    minThreads: 1,
    maxThreads: threads,
    idleTimeout: 1000,
    // A young generation of 16 MB per worker: over the benchmark's 1,000 articles --jobs 2 took a
    // median 11.6 s against 12.4 s at 8 MB (peak RSS 243 against 235 MB); 32 MB took 260 MB.
    resourceLimits: { maxYoungGenerationSizeMb: 16 },
  });
  const failure = (job: Job, error: unknown): Rendered => {
    const message = error instanceof Error ? error.message : String(error);
    const advice = /memory/i.test(message)
      ? 'analyse it on its own with more memory (NODE_OPTIONS=--max-old-space-size=4096) or split it'
      : 'retry with --jobs 1 and report this with the input';
    return render(errorRecord(job, 'analysis-failed', `the analysis worker failed (${message}); ${advice}`), job.render);
  };
  let pending: { job: Job; resolve: (rendered: Rendered) => void }[] = [];
  let flushSoon: NodeJS.Immediate | null = null;
  const flush = (): void => {
    if (flushSoon) clearImmediate(flushSoon);
    flushSoon = null;
    const batch = pending;
    pending = [];
    if (batch.length === 0) return;
    (pool.run(batch.map((b) => b.job)) as Promise<Rendered[]>).then(
      (results) => batch.forEach((b, i) => b.resolve(results[i] ?? failure(b.job, 'no result'))),
      (error: unknown) => {
        // A worker that died (out of memory on one long article) takes its batch with it: each of
        // the batch's jobs is run again on its own, so that only the one that kills a worker fails.
        if (batch.length === 1) batch[0]!.resolve(failure(batch[0]!.job, error));
        else for (const b of batch) (pool.run([b.job]) as Promise<Rendered[]>).then((results) => b.resolve(results[0] ?? failure(b.job, 'no result')), (again: unknown) => b.resolve(failure(b.job, again)));
      },
    );
  };
  return {
    run: (job) =>
      new Promise<Rendered>((resolve) => {
        pending.push({ job, resolve });
        // A full batch goes now; a partial one as soon as the producer pauses (a slow stdin stream).
        if (pending.length >= BATCH_SIZE) flush();
        else flushSoon ??= setImmediate(flush);
      }),
    close: () => pool.destroy(),
  };
}
