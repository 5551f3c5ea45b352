/**
 * The one module that talks to wink-nlp. It returns plain tokens and sentence
 * spans with character offsets, so nothing else depends on wink's helpers.
 */
import { createRequire } from 'node:module';
import type { Span } from './types.js';

export interface Token extends Span {
  text: string;
  /** Lower-case form, for lexicon look-ups. */
  lower: string;
  lemma: string;
  pos: string;
}

export interface NlpDocument {
  /** Every non-whitespace token, in order. */
  tokens: Token[];
  /** wink-nlp's sentence boundaries, as character spans without edge whitespace. */
  sentences: Span[];
}

interface WinkItemCollection {
  out(accessor?: unknown): unknown;
  length(): number;
}
interface WinkDoc {
  tokens(): WinkItemCollection;
  sentences(): WinkItemCollection;
}
interface WinkNlp {
  readDoc(text: string): WinkDoc;
  its: Record<string, unknown>;
}

let cached: WinkNlp | null = null;

/** Loads the model on first use only: `nkmsg --help` should not pay for it. */
function nlp(): WinkNlp {
  if (!cached) {
    const require = createRequire(import.meta.url);
    const winkNLP = require('wink-nlp') as (model: unknown, pipe?: string[]) => WinkNlp;
    const model = require('wink-eng-lite-web-model') as unknown;
    // Sentence boundaries and part of speech are all nkmsg reads; NER,
    // negation and sentiment would only cost time.
    cached = winkNLP(model, ['sbd', 'pos']);
  }
  return cached;
}

export function readText(text: string): NlpDocument {
  const engine = nlp();
  const its = engine.its;
  const doc = engine.readDoc(text);
  const all = doc.tokens();
  const values = all.out(its.value) as string[];
  const spaces = all.out(its.precedingSpaces) as string[];
  const tags = all.out(its.pos) as string[];
  const lemmas = all.out(its.lemma) as string[];

  const tokens: Token[] = [];
  // wink token index -> index in `tokens` (or of the next kept token)
  const keptIndex = new Int32Array(values.length + 1);
  let offset = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] ?? '';
    offset += (spaces[i] ?? '').length;
    if (!text.startsWith(value, offset)) {
      // wink normally reproduces the input exactly; if a token was rewritten, resynchronise.
      const found = text.indexOf(value, offset);
      if (found >= 0) offset = found;
    }
    keptIndex[i] = tokens.length;
    if (value.trim() !== '') {
      tokens.push({
        text: value,
        lower: value.toLowerCase(),
        lemma: (lemmas[i] ?? value).toLowerCase(),
        pos: tags[i] ?? 'X',
        start: offset,
        end: offset + value.length,
      });
    }
    offset += value.length;
  }
  keptIndex[values.length] = tokens.length;

  const sentences: Span[] = [];
  for (const span of doc.sentences().out(its.span) as [number, number][]) {
    const first = keptIndex[span[0]] ?? tokens.length;
    const last = (keptIndex[span[1] + 1] ?? tokens.length) - 1;
    const a = tokens[first];
    const b = tokens[last];
    if (a && b && last >= first) sentences.push({ start: a.start, end: b.end });
  }
  return { tokens, sentences };
}
