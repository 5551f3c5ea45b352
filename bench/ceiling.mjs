/**
 * The machine's own parallel ceiling for this kind of work: bare wink-nlp
 * (readDoc, sentences, sentiment) over the corpus in one worker thread, then
 * split over two, in one process. The ratio says how much a second thread
 * can give here at all (on some virtual machines two "cores" give far less
 * than 2x to memory-heavy work), so the --jobs 2 figure can be read against it.
 *   node bench/ceiling.mjs CORPUS_DIR   -> prints {"oneThreadMs", "twoThreadsMs", "speedup"}
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { makeSides } from './sides.mjs';

if (isMainThread) {
  const dir = process.argv[2];
  const files = readdirSync(dir).sort().map((f) => join(dir, f));
  const run = (parts) =>
    Promise.all(
      parts.map(
        (part) =>
          new Promise((resolve, reject) => {
            const worker = new Worker(new URL(import.meta.url), { workerData: part });
            worker.once('message', resolve);
            worker.once('error', reject);
          }),
      ),
    ).then((times) => Math.max(...times));
  const one = await run([files]);
  const two = await run([files.filter((_, i) => i % 2 === 0), files.filter((_, i) => i % 2 === 1)]);
  console.log(JSON.stringify({ oneThreadMs: Math.round(one), twoThreadsMs: Math.round(two), speedup: Number((one / two).toFixed(3)) }));
} else {
  const { bare } = makeSides(null);
  const texts = workerData.map((f) => readFileSync(f, 'utf8'));
  for (const t of texts.slice(0, 20)) bare(t); // warm up
  const t0 = performance.now();
  for (const t of texts) bare(t);
  parentPort.postMessage(performance.now() - t0);
}
