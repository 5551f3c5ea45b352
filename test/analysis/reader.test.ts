/**
 * The committed model as the reader reads it: row by row, as features are asked for, by binary
 * search over the file's sorted lines. It must give what the whole file parsed at once gives.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classify, defaultModel, readModel, type StanceModel } from '../../src/reader.js';

const fileText = readFileSync(join(import.meta.dirname, '..', '..', 'model', 'stance.json'), 'utf8');
const file = JSON.parse(fileText) as {
  temperature: number;
  weights: [string, number, number, number][];
};
const whole: StanceModel = {
  weights: Object.fromEntries(file.weights.map(([feature, ...w]) => [feature, w])),
  temperature: file.temperature,
  provenance: {},
};
const features = file.weights.map(([feature]) => feature);

describe('the committed model', () => {
  it('keeps its rows sorted by feature, as the binary search needs', () => {
    expect(features.every((f, i) => i === 0 || features[i - 1]! < f)).toBe(true);
  });

  it('reads every row, quotes and backslashes included, as JSON.parse reads it', () => {
    const model = defaultModel()!;
    // Each feature alone, the first and last rows, features with escapes, and ones it lacks.
    const probes = [features[0]!, features.at(-1)!, ...features.filter((f) => /["\\]/.test(f)).slice(0, 50), ...features.filter((_, i) => i % 997 === 0), 'no such feature', '', '\uffff'];
    for (const feature of probes) {
      expect(classify(model, [feature], 3), feature).toEqual(classify(whole, [feature], 3));
    }
  });

  it('weighs a whole pair as the parsed model does', () => {
    const model = defaultModel()!;
    for (let start = 0; start < features.length; start += 4999) {
      const pair = features.slice(start, start + 40);
      expect(classify(model, pair, 3)).toEqual(classify(whole, pair, 3));
    }
  });

  it('reads the file the same with CRLF line ends (a checkout may make them) or laid out otherwise', () => {
    const pair = features.filter((_, i) => i % 2003 === 0);
    const expected = classify(whole, pair, 3);
    expect(classify(readModel(fileText.replace(/\n/g, '\r\n')), pair, 3)).toEqual(expected);
    expect(classify(readModel(JSON.stringify(file)), pair, 3)).toEqual(expected);
    // The same opening as train.mjs writes, but each row spread over several lines.
    expect(classify(readModel(JSON.stringify(file, null, 1)), pair, 3)).toEqual(expected);
  });

  it('reads the file from its bytes as from its text, and bytes it cannot search as they are (CRLF, non-ASCII) after decoding', () => {
    const pair = features.filter((_, i) => i % 1999 === 0);
    const expected = classify(whole, pair, 3);
    expect(classify(readModel(Buffer.from(fileText)), pair, 3)).toEqual(expected);
    expect(classify(readModel(Buffer.from(fileText.replace(/\n/g, '\r\n'))), pair, 3)).toEqual(expected);
    const accented = fileText.replace('"provenance": {', '"provenance": {"note": "caf\u00e9",');
    expect(accented).not.toBe(fileText);
    expect(classify(readModel(Buffer.from(accented)), pair, 3)).toEqual(expected);
  });
});
