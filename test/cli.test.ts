import { describe, it } from 'vitest';
import { CASES, runCase } from './cli-cases.js';
import { nkmsg, nkmsgInProcess } from './helpers.js';

describe('CLI cases in process (main)', () => {
  for (const c of CASES) it(c.name, () => runCase(c, nkmsgInProcess));
});

describe('CLI cases against the built binary', () => {
  for (const c of CASES) it.concurrent(c.name, () => runCase(c, nkmsg));
});
