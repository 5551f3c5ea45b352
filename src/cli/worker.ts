/** The pool worker: each task is a batch of jobs, each run and rendered exactly as in process. */
import type { Rendered } from './render.js';
import { runAndRender, type Job } from './task.js';
import { heapKeeper } from './memory.js';

const keep = heapKeeper(undefined, undefined, Number(process.env['KG'] ?? 1.5), Number(process.env['KS'] ?? 64) * 1024 * 1024);

export default async function work(jobs: Job[]): Promise<Rendered[]> {
  const results: Rendered[] = [];
  for (const job of jobs) {
    const rendered = await runAndRender(job);
    // Pieces made as they are written cannot cross to the main thread: they are made here.
    results.push(rendered.more ? { ...rendered, more: [...rendered.more] } : rendered);
  }
  keep();
  return results;
}
