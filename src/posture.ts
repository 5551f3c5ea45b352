import type { Posture, Tally } from './types.js';

/** An actor's posture from its tally (ANALYSIS.md): friendly, hostile, mixed or neutral. */
export function postureOf(tally: Tally): Posture {
  const c = tally.cooperative;
  const k = tally.conflictual;
  if (c > 0 && c >= 2 * k) return 'friendly';
  if (k > 0 && k >= 2 * c) return 'hostile';
  if (c > 0 && k > 0) return 'mixed';
  return 'neutral';
}
