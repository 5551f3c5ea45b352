import { describe, it } from 'vitest';
import { CASES, runCase } from './cli-cases.js';
import { nkmsgInProcess } from './helpers.js';

describe('CLI cases in process (main)', () => {
  for (const c of CASES) it(c.name, () => runCase(c, nkmsgInProcess));
});
