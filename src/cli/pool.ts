/**
 * Running tasks: in process for one input or --jobs 1, otherwise in a
 * tinypool of worker threads (each loads the language model once).
 */
import { availableParallelism } from 'node:os';
import type { Outcome } from '../format/json.js';
import { runTask, type Task } from './task.js';

export interface Runner {
  run(task: Task): Promise<Outcome>;
  close(): Promise<void>;
}

export const defaultJobs = (): number => availableParallelism();

export const inProcess = (): Runner => ({
  run: (task) => runTask(task),
  close: async () => undefined,
});

export async function workerPool(threads: number): Promise<Runner> {
  const { Tinypool } = await import('tinypool');
  const pool = new Tinypool({
    filename: new URL('./worker.js', import.meta.url).href,
    minThreads: 1,
    maxThreads: threads,
    idleTimeout: 1000,
  });
  return {
    async run(task) {
      try {
        return (await pool.run(task)) as Outcome;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return {
          schemaVersion: 1,
          input: { path: task.path, ...(task.id !== undefined ? { id: task.id } : {}) },
          error: { code: 'analysis-failed', message: `the analysis worker failed (${message}); retry with --jobs 1 and report this with the input` },
        };
      }
    },
    close: () => pool.destroy(),
  };
}
