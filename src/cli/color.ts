/**
 * Whether and how much to colour stdout, decided here rather than by chalk
 * (chalk ignores NO_COLOR). Order: --no-color / --color, then FORCE_COLOR
 * (which, as in Node itself, wins over NO_COLOR), then NO_COLOR, a non-TTY
 * stdout and TERM=dumb turn colour off.
 */
export type ColorLevel = 0 | 1 | 2 | 3;

export interface ColorInputs {
  /** true for --color, false for --no-color, undefined when neither was given. */
  flag: boolean | undefined;
  env: Record<string, string | undefined>;
  isTTY: boolean;
}

/** The depth the terminal claims, for when colour is on. */
function depth(env: Record<string, string | undefined>): ColorLevel {
  const colorterm = env['COLORTERM']?.toLowerCase();
  if (colorterm === 'truecolor' || colorterm === '24bit') return 3;
  if (/-256(color)?$/i.test(env['TERM'] ?? '')) return 2;
  return 1;
}

export function colorLevel({ flag, env, isTTY }: ColorInputs): ColorLevel {
  if (flag === false) return 0;
  if (flag === true) return depth(env);
  const force = env['FORCE_COLOR'];
  if (force !== undefined) {
    if (force === '0' || force.toLowerCase() === 'false') return 0;
    if (force === '1' || force === '2' || force === '3') return Number(force) as ColorLevel;
    return Math.max(1, depth(env)) as ColorLevel;
  }
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return 0;
  if (!isTTY) return 0;
  if (env['TERM'] === 'dumb') return 0;
  return depth(env);
}
