/**
 * A long article's NDJSON line and pretty JSON are written in pieces: joined,
 * they must be exactly what formatNdjson(), formatJson() and jsonArrayItem() make.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/analyze.js';
import { formatJson, formatNdjson, jsonArrayItem, jsonPieces, ndjsonPieces, type ErrorRecord } from '../src/format/json.js';
import { fixtures } from './analysis/support.js';

describe('ndjsonPieces', () => {
  it.each(fixtures().map((f) => [f.name, f] as const))('joins to formatNdjson for fixture %s', (_, fixture) => {
    const result = analyze(fixture.text, fixture.actorSet ? { actorSet: fixture.actorSet } : {});
    const pieces = [...ndjsonPieces(result, 1)];
    expect(pieces.length).toBeGreaterThan(result.sentences.length);
    expect(pieces.join('')).toBe(formatNdjson(result));
    expect([...ndjsonPieces(result)]).toEqual([formatNdjson(result)]);
  });

  it('escapes in every piece as in the whole line', () => {
    const result = analyze('Seoul\u2028warned Pyongyang\u0085 on Monday.\n\nNorth Korea\u202e replied.');
    expect([...ndjsonPieces(result, 1)].join('')).toBe(formatNdjson(result));
  });

  it('gives an error record whole', () => {
    const record: ErrorRecord = { schemaVersion: 1, input: { path: 'a.txt' }, error: { code: 'not-text', message: 'binary' } };
    expect([...ndjsonPieces(record, 1)]).toEqual([formatNdjson(record)]);
  });
});

describe('jsonPieces', () => {
  it.each(fixtures().map((f) => [f.name, f] as const))('joins to formatJson and jsonArrayItem for fixture %s', (_, fixture) => {
    const result = analyze(fixture.text, fixture.actorSet ? { actorSet: fixture.actorSet } : {});
    const pieces = [...jsonPieces(result, '', 1)];
    expect(pieces.length).toBeGreaterThan(result.sentences.length);
    expect(pieces.join('')).toBe(formatJson(result));
    expect([...jsonPieces(result, '  ', 1)].join('')).toBe(jsonArrayItem(result));
    expect([...jsonPieces(result)]).toEqual([formatJson(result)]);
  });

  it('writes a result without sentences, and escapes, as the whole text does', () => {
    for (const text of ['', 'Seoul\u2028warned Pyongyang\u0085 on Monday.\n\nNorth Korea\u202e replied.']) {
      const result = analyze(text);
      expect([...jsonPieces(result, '', 1)].join('')).toBe(formatJson(result));
      expect([...jsonPieces(result, '  ', 1)].join('')).toBe(jsonArrayItem(result));
    }
  });

  it('gives an error record whole', () => {
    const record: ErrorRecord = { schemaVersion: 1, input: { path: 'a.txt' }, error: { code: 'not-text', message: 'binary' } };
    expect([...jsonPieces(record, '', 1)]).toEqual([formatJson(record)]);
    expect([...jsonPieces(record, '  ', 1)]).toEqual([jsonArrayItem(record)]);
  });
});
