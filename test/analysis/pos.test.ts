/**
 * The part-of-speech tags: PosTag lists exactly the tags wink-nlp's English
 * model can give, and every table keyed by a tag names one of them.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFLICTUAL, COOPERATIVE } from '../../src/data/lexicon.js';
import { POS_TAGS } from '../../src/data/pos.js';

const require = createRequire(import.meta.url);
const modelDir = dirname(require.resolve('wink-eng-lite-web-model/package.json'));

describe('part-of-speech tags', () => {
  it("are the tags of wink-nlp's English model", () => {
    const core = JSON.parse(readFileSync(join(modelDir, 'dist', 'languages', 'cur', 'models', 'eng-core-web-model.json'), 'utf8')) as {
      features: { pos: { list: string[] } };
    };
    expect([...POS_TAGS]).toEqual(core.features.pos.list);
  });

  it('key the lexicon entries for one part of speech ("talk:NOUN")', () => {
    const tags = new Set<string>(POS_TAGS);
    const keyed = [...Object.keys(COOPERATIVE), ...Object.keys(CONFLICTUAL)].filter((k) => k.includes(':'));
    expect(keyed.length).toBeGreaterThan(0);
    for (const key of keyed) expect(tags.has(key.slice(key.indexOf(':') + 1)), key).toBe(true);
  });
});
