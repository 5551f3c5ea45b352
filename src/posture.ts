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

/** Up to this many stances, a posture's likelihood is worked out exactly; beyond, from a normal approximation of the counts. */
const EXACT_UP_TO = 40;

/**
 * How likely `posture` is the one the stances' true labels give: the probability, with each
 * stance labelled independently by its reader's probabilities ([cooperative, conflictual,
 * neutral], calibrated on dev), that the tally they make reads as `posture`.
 */
export function postureLikelihood(stances: readonly ArrayLike<number>[], posture: Posture): number {
  const p = stances.length <= EXACT_UP_TO ? exactPostures(stances) : approximatePostures(stances);
  return Math.min(1, Math.max(0, p[posture]));
}

/** The probability of each posture, from every (cooperative, conflictual) count the stances can make. */
function exactPostures(stances: readonly ArrayLike<number>[]): Record<Posture, number> {
  const n = stances.length;
  const side = n + 1;
  // at[c * side + k]: the probability of c cooperative and k conflictual among the stances so far,
  // updated in place from the highest counts down, so each cell reads its neighbours' old values.
  const at = new Float64Array(side * side);
  at[0] = 1;
  for (let i = 0; i < n; i++) {
    const stance = stances[i]!;
    const coop = stance[0] ?? 0;
    const conflict = stance[1] ?? 0;
    const neutral = stance[2] ?? 0;
    for (let c = i + 1; c >= 0; c--) {
      for (let k = i + 1 - c; k >= 0; k--) {
        const cell = c * side + k;
        at[cell] = at[cell]! * neutral + (c > 0 ? at[cell - side]! * coop : 0) + (k > 0 ? at[cell - 1]! * conflict : 0);
      }
    }
  }
  const out: Record<Posture, number> = { friendly: 0, hostile: 0, mixed: 0, neutral: 0 };
  for (let c = 0; c <= n; c++) {
    for (let k = 0; c + k <= n; k++) out[postureOf({ cooperative: c, conflictual: k, neutral: 0 })] += at[c * side + k]!;
  }
  return out;
}

/**
 * The same for many stances: c - 2k and k - 2c as normal variables (friendly is c >= 2k with
 * c > 0, hostile k >= 2c with k > 0, and both hold only where c = k = 0, which is neutral).
 */
function approximatePostures(stances: readonly ArrayLike<number>[]): Record<Posture, number> {
  let meanC = 0, meanK = 0, varC = 0, varK = 0, cov = 0, logNone = 0;
  for (const stance of stances) {
    const coop = stance[0] ?? 0;
    const conflict = stance[1] ?? 0;
    const neutral = stance[2] ?? 0;
    meanC += coop;
    meanK += conflict;
    varC += coop * (1 - coop);
    varK += conflict * (1 - conflict);
    cov -= coop * conflict;
    logNone += Math.log(Math.max(neutral, Number.MIN_VALUE));
  }
  const neutral = Math.exp(logNone);
  const atLeastZero = (mean: number, variance: number): number => normalBelow((mean + 0.5) / Math.sqrt(Math.max(variance, 1e-12)));
  const friendly = Math.max(0, atLeastZero(meanC - 2 * meanK, varC + 4 * varK - 4 * cov) - neutral);
  const hostile = Math.max(0, atLeastZero(meanK - 2 * meanC, varK + 4 * varC - 4 * cov) - neutral);
  return { friendly, hostile, neutral, mixed: Math.max(0, 1 - friendly - hostile - neutral) };
}

/** The standard normal distribution function (Abramowitz and Stegun 26.2.17; error below 7.5e-8). */
function normalBelow(z: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(z));
  const density = Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI);
  const tail = density * t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return z >= 0 ? 1 - tail : tail;
}
