/**
 * Scaling, run by bench/run.mjs as its own process (so a slow or large run
 * can be stopped by a timeout and its memory does not disturb the other
 * measurements): one article of about 100 KB, 1 MB and 10 MB, made of fixture
 * paragraphs, through nkmsg's analyze() and through bare wink-nlp. Prints one
 * JSON line per size as soon as it is measured.
 *
 *   node bench/scale.mjs DIST_INDEX_JS FIXTURE_DIR [SIZE_BYTES...]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { buildLongArticle } from './corpus.mjs';
import { makeSides } from './sides.mjs';

const [index, dir, ...sizeArgs] = process.argv.slice(2);
const { analyze } = await import(pathToFileURL(index).href);
const sizes = sizeArgs.length > 0 ? sizeArgs.map(Number) : [100 * 1024, 1024 * 1024, 10 * 1024 * 1024];
const fixtures = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(join(dir, f), 'utf8'));

const { bare, ours, sink } = makeSides(analyze);
const time = (fn, text) => {
  const t0 = performance.now();
  fn(text);
  return performance.now() - t0;
};
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// Warm up both sides on the smallest size.
const warm = buildLongArticle(fixtures, sizes[0], 1);
for (let i = 0; i < 3; i++) {
  bare(warm);
  ours(warm);
}

for (const size of sizes) {
  const text = buildLongArticle(fixtures, size, size);
  const bytes = Buffer.byteLength(text, 'utf8');
  const mb = bytes / (1024 * 1024);
  // Small inputs are timed several times (median; a 100 KB run is short and
  // noisy), the largest once.
  const reps = size <= 200 * 1024 ? 15 : size <= 2 * 1024 * 1024 ? 3 : 1;
  const oursMs = [];
  const bareMs = [];
  for (let r = 0; r < reps; r++) {
    if (r % 2 === 0) {
      oursMs.push(time(ours, text));
      bareMs.push(time(bare, text));
    } else {
      bareMs.push(time(bare, text));
      oursMs.push(time(ours, text));
    }
  }
  const o = median(oursMs);
  const b = median(bareMs);
  process.stdout.write(
    JSON.stringify({ size, bytes, reps, nkmsgMs: o, bareMs: b, nkmsgMsPerMB: o / mb, bareMsPerMB: b / mb }) + '\n',
  );
}
if (sink() === -1) console.error(sink());
