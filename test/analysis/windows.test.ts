/**
 * wink-nlp reads a long input in windows of whole paragraphs. The windows
 * must not show: every fixture and a sample of the corpus, read whole and
 * with windows so small that every paragraph is one, give the same result.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import type { ActorSet } from '../../src/actors.js';
import { readText } from '../../src/nlp.js';
import { paragraphSpans } from '../../src/segment.js';
import { fixtures } from './support.js';

const ARTICLES = join(import.meta.dirname, '..', '..', 'corpus', 'articles');

/** Every 40th corpus article: a couple of dozen, in a few seconds. */
const sample = readdirSync(ARTICLES)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .filter((_, i) => i % 40 === 0)
  .map((f) => ({ name: f.replace(/\.txt$/, ''), text: readFileSync(join(ARTICLES, f), 'utf8') }));

function expectSameInWindows(text: string, actorSet?: ActorSet): void {
  const options = actorSet ? { actorSet } : {};
  const whole = JSON.stringify(analyze(text, { ...options, window: Infinity }));
  // A window of one character ends at the next paragraph: one paragraph per window.
  expect(JSON.stringify(analyze(text, { ...options, window: 1 }))).toBe(whole);
  expect(JSON.stringify(analyze(text, { ...options, window: 600 }))).toBe(whole);
}

describe('a paragraph per window reads as the whole text', () => {
  it.each(fixtures().map((f) => [f.name, f.text] as const))('wink reads fixture %s the same, tokens and sentences', (_, text) => {
    for (const input of [text, text.replace(/\r?\n/g, '\r\n')]) {
      const paragraphs = paragraphSpans(input);
      expect(readText(input, { paragraphs, window: 1 })).toEqual(readText(input, { paragraphs, window: Infinity }));
    }
  });

  it.each(fixtures().map((f) => [f.name, f] as const))('fixture %s', (_, fixture) => {
    expectSameInWindows(fixture.text, fixture.actorSet);
    // wink runs a title into the next paragraph when lines end in CRLF.
    expectSameInWindows(fixture.text.replace(/\r?\n/g, '\r\n'), fixture.actorSet);
  });

  it('what wink learns in one window it knows in the next, as in one document', () => {
    // wink learns "Seoul's" from "Seoul's." and then keeps a later "Seoul's" whole.
    const input = 'They praised Seoul\'s.\n\nHe praised Seoul\'s "restraint."';
    const paragraphs = paragraphSpans(input);
    const windowed = readText(input, { paragraphs, window: 1 });
    expect(windowed).toEqual(readText(input, { paragraphs, window: Infinity }));
    expect(windowed.tokens.filter((t) => t.text === "Seoul's")).toHaveLength(2);
  });

  it.each(sample.map((a) => [a.name, a] as const))('corpus %s', (_, article) => {
    expectSameInWindows(article.text);
  });

  it('all fixtures as one input, in windows of 2,000 characters', () => {
    const text = fixtures()
      .map((f) => f.text.replace(/\r\n/g, '\n'))
      .join('\n\n');
    expect(JSON.stringify(analyze(text, { window: 2000 }))).toBe(JSON.stringify(analyze(text, { window: Infinity })));
  });
});
