/** The pool worker: each task is a batch of jobs, each run and rendered exactly as in process. */
import type { Rendered } from './render.js';
import { runAndRender, type Job } from './task.js';

export default async function work(jobs: Job[]): Promise<Rendered[]> {
  const results: Rendered[] = [];
  for (const job of jobs) results.push(await runAndRender(job));
  return results;
}
