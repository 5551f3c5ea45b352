import { describe, expect, it } from 'vitest';
import { CASES, runCase } from '../cli-cases.js';
import { nkmsg } from '../helpers.js';

const SMOKE = CASES.filter((c) => c.smoke);

describe('CLI smoke cases against the built binary', () => {
  it('has a smoke case for each exit code', () => {
    expect(new Set(SMOKE.map((c) => c.code))).toEqual(new Set([0, 1, 2]));
  });
  for (const c of SMOKE) it.concurrent(c.name, () => runCase(c, nkmsg));
});
