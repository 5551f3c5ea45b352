import type { Posture, Tally } from './types.js';

export const emptyTally = (): Tally => ({ cooperative: 0, conflictual: 0, neutral: 0 });

/** Adds `from`'s counts to `into`. */
export function addTally(into: Tally, from: Tally): void {
  into.cooperative += from.cooperative;
  into.conflictual += from.conflictual;
  into.neutral += from.neutral;
}

/** An actor's posture from its tally (ANALYSIS.md): friendly, hostile, mixed or neutral. */
export function postureOf(tally: Tally): Posture {
  const c = tally.cooperative;
  const k = tally.conflictual;
  if (c > 0 && c >= 2 * k) return 'friendly';
  if (k > 0 && k >= 2 * c) return 'hostile';
  if (c > 0 && k > 0) return 'mixed';
  return 'neutral';
}
