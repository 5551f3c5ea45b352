/** The CLI's heap keeper for long inputs (src/cli/memory.ts). */
import { setImmediate as nextTick } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { fullCollection, heapKeeper, KEEP } from '../src/cli/memory.js';

const MB = 1024 * 1024;

describe('heapKeeper', () => {
  it('collects only when the heap has grown by half and 64 MB since the last collection', () => {
    const heap = [100 * MB];
    let collections = 0;
    const keep = heapKeeper(
      KEEP.longInput,
      () => heap[0]!,
      () => {
        collections++;
        heap[0] = heap[0]! / 2;
      },
    );
    heap[0] = 200 * MB; // below 100 * 1.5 + 64
    keep();
    expect(collections).toBe(0);
    heap[0] = 215 * MB;
    keep();
    expect(collections).toBe(1);
    // The floor is now what the collection left (107.5 MB): the next one waits for 225.25 MB.
    heap[0] = 220 * MB;
    keep();
    expect(collections).toBe(1);
    heap[0] = 230 * MB;
    keep();
    expect(collections).toBe(2);
  });

  it('reaches V8 itself: an object nothing refers to is gone after a full collection', async () => {
    const ref = new WeakRef({ payload: new Array(1000).fill('x') });
    await nextTick(); // a WeakRef's target lives at least until the job that made it ends
    fullCollection()();
    expect(ref.deref()).toBeUndefined();
  });
});
