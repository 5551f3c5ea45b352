/** The pool worker: each task is a batch of jobs, each run and rendered exactly as in process. */
import type { Rendered } from './render.js';
import { runAndRender, type Job } from './task.js';
import { heapKeeper, KEEP } from './memory.js';

const keepHeap = heapKeeper(KEEP.worker);

export default async function work(jobs: Job[]): Promise<Rendered[]> {
  const results: Rendered[] = [];
  for (const job of jobs) {
    const rendered = await runAndRender(job);
    // Pieces made as they are written cannot cross to the main thread: they are made here.
    results.push(rendered.more ? { ...rendered, more: [...rendered.more] } : rendered);
  }
  keepHeap();
  return results;
}
