/**
 * Keeping heaps near what they need. V8 lets a heap grow to about twice its
 * live data before it collects in full: a 50 MB article, whose analysis keeps
 * under 1 GB alive, peaked at 1.8 GB of RSS, and a run of 1,000 articles with
 * --jobs 2 at 308 MB. A keeper collects whenever its heap has grown by a
 * share (and some MB) since the last collection; the heap grows
 * geometrically between collections, so their cost stays proportional to the
 * work. Measured in bench/ (peak RSS): 1.08 GB for the 50 MB article, 235-246 MB
 * for the 1,000 articles, neither slower.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

const MB = 1024 * 1024;

export interface KeepPolicy {
  /** The heap may grow to this multiple of what the last collection left ... */
  growth: number;
  /** ... plus this many bytes. */
  slack: number;
}

export const KEEP = {
  /** One long input, after each paragraph (analyze()'s progress): ordinary articles never grow the heap that far. */
  longInput: { growth: 1.5, slack: 64 * MB },
  /** A worker thread, after each batch of articles. */
  worker: { growth: 1.25, slack: 16 * MB },
  /** The main thread of a run with workers, after each piece it writes: it only reads, hashes and writes. */
  writer: { growth: 1.1, slack: 8 * MB },
} satisfies Record<string, KeepPolicy>;

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

/** A callback that collects when the heap has grown past `policy` since the last time. */
export function heapKeeper(policy: KeepPolicy, used: () => number = heapUsed, collectNow: () => void = () => fullCollection()()): () => void {
  let floor = used();
  return () => {
    if (used() < floor * policy.growth + policy.slack) return;
    collectNow();
    floor = used();
  };
}
