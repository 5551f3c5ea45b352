/**
 * nkmsg reads wink-eng-lite-web-model's core model with its own, faster
 * loader (src/nlp.ts, readCoreModel); it must build what the package's own
 * loader builds, to the last entry, or wink would read text differently.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { readCoreModel } from '../../src/nlp.js';

const require = createRequire(import.meta.url);

describe("wink's core model", () => {
  const packageModel = (require('wink-eng-lite-web-model/dist/load-core-model.js') as () => unknown)();
  const ours = readCoreModel(require) as unknown as Record<string, unknown>;

  it('is read as the package reads it: same tables, same word indexes, same typed arrays', () => {
    expect(ours).toStrictEqual(packageModel);
  });

  it('keeps its word index free of a prototype, so "constructor" or "toString" is only a word', () => {
    const lexeme = (ours as { features: { lexeme: { hash: Record<string, number> } } }).features.lexeme;
    expect(Object.getPrototypeOf(lexeme.hash)).toBeNull();
    expect(lexeme.hash['hasOwnProperty']).toBeUndefined();
  });

  it('gives each engine a copy of its own', () => {
    const a = readCoreModel(require) as unknown as { features: { lexeme: { list: string[] } } };
    const b = readCoreModel(require) as unknown as { features: { lexeme: { list: string[] } } };
    a.features.lexeme.list.push('zqx-learned-word');
    expect(b.features.lexeme.list).not.toContain('zqx-learned-word');
  });
});
