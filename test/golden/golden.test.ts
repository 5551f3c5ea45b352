/**
 * Golden results: the analysis of every fixture, decision by decision.
 * A change that moves any mention, cue, stance or section fails here; if the
 * change is meant, regenerate with `node scripts/regenerate-golden.mjs` and
 * review the diff.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { fixtures } from '../analysis/support.js';
// A plain ESM helper, shared with scripts/regenerate-golden.mjs.
import { goldenView } from './view.mjs';

describe('golden results', () => {
  it.each(fixtures().map((f) => [f.name, f] as const))('%s matches its golden file', (name, fixture) => {
    const golden = JSON.parse(readFileSync(join(import.meta.dirname, `${name}.json`), 'utf8'));
    const now = JSON.parse(JSON.stringify(goldenView(analyze(fixture.text, { actorSet: fixture.actorSet }))));
    expect(now).toEqual(golden);
  });
});
