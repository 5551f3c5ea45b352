/**
 * Keeping a long input's memory near what it needs. V8 lets a heap grow to
 * about twice its live data before it collects in full: a 50 MB article,
 * whose analysis keeps under 1 GB alive, peaked at 1.8 GB of RSS. Collecting
 * whenever the heap has grown by half (and 64 MB) since the last collection
 * keeps the peak near the live data (1.1 GB); the heap grows geometrically
 * between collections, so their cost stays proportional to the input.
 * Ordinary articles never grow the heap that much and are never collected here.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

const GROWTH = 1.5;
const SLACK = 64 * 1024 * 1024;

let collect: (() => void) | null = null;

/** V8's full collection, made callable at run time (as `--expose-gc` would at start). */
export function fullCollection(): () => void {
  if (collect === null) {
    v8.setFlagsFromString('--expose-gc');
    collect = vm.runInNewContext('gc') as () => void;
  }
  return collect;
}

const heapUsed = (): number => v8.getHeapStatistics().used_heap_size;

/** A progress callback for analyze() that collects when the heap has grown too far since the last time. */
export function heapKeeper(used: () => number = heapUsed, collectNow: () => void = () => fullCollection()(), growth = GROWTH, slack = SLACK): () => void {
  let floor = used();
  return () => {
    if (used() < floor * growth + slack) return;
    collectNow();
    floor = used();
  };
}
