import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { fixtures } from './support.js';

const schema = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'schema', 'result.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true }).compile(schema);

describe('the JSON Schema', () => {
  it.each(fixtures().map((f) => [f.name, f] as const))('accepts the result for %s', (_name, fixture) => {
    const result = JSON.parse(JSON.stringify(analyze(fixture.text, { actorSet: fixture.actorSet })));
    expect(validate(result), JSON.stringify(validate.errors)).toBe(true);
    // OUTPUT.md: cue weights run 0 to 10 in steps of 0.5 (the schema checks the range).
    const weights: number[] = result.sentences.flatMap((s: { cues: { weight: number }[] }) => s.cues.map((c) => c.weight));
    expect(weights.filter((w) => !Number.isInteger(w * 2))).toEqual([]);
  });

  it('accepts an empty result and an error record', () => {
    expect(validate(JSON.parse(JSON.stringify(analyze(''))))).toBe(true);
    expect(validate({ schemaVersion: 1, input: { path: 'x.txt' }, error: { code: 'ENOENT', message: 'no such file' } })).toBe(true);
  });

  it('accepts the library result with explain, which has sentences[].because', () => {
    const fixture = fixtures()[0]!;
    const result = JSON.parse(JSON.stringify(analyze(fixture.text, { actorSet: fixture.actorSet, explain: true })));
    expect(result.sentences.some((s: { because?: unknown }) => s.because !== undefined)).toBe(true);
    expect(validate(result), JSON.stringify(validate.errors)).toBe(true);
  });

  it('rejects a result whose stance is not one of the three', () => {
    const result = JSON.parse(JSON.stringify(analyze('A Title\n\nMoscow praised Seoul.')));
    result.sentences[1].stances.moscow = 'friendly';
    expect(validate(result)).toBe(false);
  });
});
