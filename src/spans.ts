/** Searches over spans in text order. */
import type { Span } from './types.js';

/** Index of the first of `spans` (in text order) that ends after `offset`: a binary search. */
export function firstEndingAfter(spans: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
