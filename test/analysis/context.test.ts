/**
 * The reader's second stage: what it reads of a pair's article, and where the analysis uses it.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { contextFeatures, defaultContextModel, FEATURE_NAMES, readInContext, type FirstReading } from '../../src/context.js';

const reading = (sentence: number, paragraph: number, actor: string, probabilities: number[], cued = true): FirstReading => ({
  sentence,
  paragraph,
  actor,
  probabilities,
  cued,
  rule: 'neutral',
});

// Three sentences in two paragraphs; Seoul in all three, Tokyo beside it in the second.
const ARTICLE = [
  reading(0, 0, 'seoul', [0.8, 0.1, 0.1]),
  reading(1, 0, 'seoul', [0.2, 0.2, 0.6], false),
  reading(1, 0, 'tokyo', [0.1, 0.7, 0.2]),
  reading(2, 1, 'seoul', [0.6, 0.3, 0.1]),
];

describe('the context of a pair', () => {
  const [, seoul, tokyo] = contextFeatures(ARTICLE);

  it('is the same actor elsewhere in the article, its paragraph and either side, the pair itself left out', () => {
    expect(seoul!['article:cooperative']).toBeCloseTo(0.7);
    expect(seoul!['para:cooperative']).toBeCloseTo(0.8);
    expect(seoul!['prev:cooperative']).toBeCloseTo(0.8);
    expect(seoul!['next:cooperative']).toBeCloseTo(0.6);
    expect(seoul!['others:conflictual']).toBeCloseTo(0.7);
  });

  it('says where there is none', () => {
    expect(tokyo!['article:none']).toBe(1);
    expect(tokyo!['prev:none']).toBe(1);
    expect(tokyo!['prevAny:cooperative']).toBeCloseTo(0.8);
  });

  it('weighs the context by the pair’s doubt and by its sentence having no cue', () => {
    expect(seoul!['unsure']).toBeCloseTo(0.4);
    expect(seoul!['no-cue']).toBe(1);
    expect(seoul!['article*unsure:cooperative']).toBeCloseTo(0.28);
    expect(seoul!['article*no-cue:cooperative']).toBeCloseTo(0.7);
    expect(tokyo!['no-cue']).toBeUndefined();
  });

  it('names only features of the fixed list the model is read over', () => {
    for (const x of contextFeatures(ARTICLE)) for (const name of Object.keys(x)) expect(FEATURE_NAMES).toContain(name);
  });
});

describe('the committed second stage', () => {
  const model = defaultContextModel()!;

  it('gives every pair a stance and a confidence, in the order of the readings', () => {
    const read = readInContext(model, ARTICLE, 2);
    expect(read).toHaveLength(ARTICLE.length);
    for (const r of read) {
      expect(r.confidence).toBeGreaterThan(1 / 3);
      expect(r.because.length).toBeLessThanOrEqual(2);
      for (const b of r.because) expect(b.feature).toMatch(/^context:/);
    }
  });

  it('decides the analysis’s stances; without it the first stage’s stand', () => {
    const text = 'Moscow praised Seoul for its restraint.\n\nSeoul got the reverse from Tokyo.\n\nTokyo warned Beijing over the islands.';
    const both = analyze(text);
    const first = analyze(text, { contextModel: null });
    expect(Object.keys(both.sentences[1]!.confidence)).toEqual(Object.keys(first.sentences[1]!.confidence));
    expect(both.sentences.map((s) => s.confidence)).not.toEqual(first.sentences.map((s) => s.confidence));
    expect(analyze(text, { reader: 'rules' }).sentences.every((s) => Object.keys(s.confidence).length === 0)).toBe(true);
  });
});
