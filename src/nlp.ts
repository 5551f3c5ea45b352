/**
 * The one module that talks to wink-nlp. It returns plain tokens and sentence
 * spans with character offsets, so nothing else depends on wink's helpers.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { PosTag } from './data/pos.js';
import type { Span } from './types.js';
import { LearnedWords, type WinkCache, type WordTable } from './learned-words.js';
import { isSpaceCode } from './words.js';

export type { PosTag } from './data/pos.js';

export interface Token extends Span {
  text: string;
  /** Lower-case form, for lexicon look-ups. */
  lower: string;
  lemma: string;
  /** wink-nlp's part-of-speech tag. */
  pos: PosTag;
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

interface Engine {
  nlp: WinkNlp;
  learned: LearnedWords;
}

/**
 * A fresh engine is made once wink has learned this many rows of words. The
 * model's contractions read as one token ("cannot" in "what Washington
 * cannot, an ...") take their lemma from row 131,072 or beyond (the model has
 * 87,593 rows): no word in a fresh process, unless one document learns some
 * 43,000 words, but a word learned from an earlier article once the table
 * grows that far. Renewing early keeps those rows empty for any document that
 * learns fewer than about 33,000 words.
 */
const RENEW_AFTER = 10_000;
/** The first row the model's one-token contractions take their lemma from (see above). */
const CONTRACTION_LEMMA_ROW = 131_072;

let cached: Engine | null = null;

type FeatureFns = Record<string, (text: string, category: number, cache: WinkCache) => unknown>;

/**
 * wink's cache is reachable only through the feature functions it calls when
 * it learns a word (it passes itself as the third argument): they are wrapped
 * until that first call, which hands the cache to `onCache`.
 */
function catchingCache(featureFn: (config: unknown) => FeatureFns, onCache: (cache: WinkCache) => void): (config: unknown) => FeatureFns {
  return (config) => {
    const features = featureFn(config);
    const originals = { ...features };
    for (const [name, fn] of Object.entries(originals)) {
      features[name] = (text, category, cache) => {
        Object.assign(features, originals);
        onCache(cache);
        return fn(text, category, cache);
      };
    }
    return features;
  };
}

type Loader = () => unknown;
interface CoreModel {
  features: { lexeme: WordTable };
}

interface PackedCoreModel {
  packing: { layout: Record<string, number[]> };
  features: Record<string, { list: unknown[]; hash?: Record<string, number>; intrinsicSize?: number; index?: number; maxIndex?: number }>;
  pos: { hash: Record<string, number> };
  lexicon: string | Uint32Array;
  xpansions: string | Uint32Array;
}

/** Each word of `list` to its index, in an object with no prototype (as wink's own loader builds it). */
function indexOf(list: unknown[]): Record<string, number> {
  // Filled as a plain object, then cut from its prototype: about half the time of filling an
  // Object.create(null), which is in dictionary mode from its first key. No list holds "__proto__".
  const index: Record<string, number> = {};
  for (let k = 0; k < list.length; k += 1) index[list[k] as string] = k;
  return Object.setPrototypeOf(index, null) as Record<string, number>;
}

function uint32From(base64: string): Uint32Array {
  const bytes = Buffer.from(base64, 'base64');
  return new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

/**
 * The model's core, as its `load-core-model` builds it, in about half the
 * time (a cold start's largest part): the package requires its 3 MB of JSON
 * and then copies it through JSON.stringify and JSON.parse for each engine,
 * and decodes base64 a character at a time; here the file is parsed once
 * per engine and decoded by Buffer. test/analysis/core-model.test.ts holds the two
 * results equal.
 */
export function readCoreModel(require: { resolve(id: string): string }): CoreModel {
  const file = require.resolve('wink-eng-lite-web-model/dist/languages/cur/models/eng-core-web-model.json');
  const model = JSON.parse(readFileSync(file, 'utf8')) as PackedCoreModel;
  const { packing, features, pos } = model;
  model.lexicon = uint32From(model.lexicon as string);
  model.xpansions = uint32From(model.xpansions as string);
  const efList: string[] = [];
  for (const name in packing.layout) {
    const layout = packing.layout[name]!;
    const feature = features[name]!;
    if (layout[3] === 0) {
      feature.hash = indexOf(feature.list);
      feature.intrinsicSize = feature.list.length;
      feature.index = feature.list.length;
      feature.maxIndex = layout[1]! >>> layout[2]!;
    }
    if (layout[4] === 1) efList.push(name);
  }
  Object.assign(packing, { efList });
  const lexeme = features.lexeme!;
  lexeme.hash = indexOf(lexeme.list);
  lexeme.intrinsicSize = lexeme.list.length;
  lexeme.index = lexeme.list.length;
  const clusters = features.posClusters!.list;
  for (let k = 0; k < clusters.length; k += 1) clusters[k] = new Set((clusters[k] as string).split('_').map((tag) => pos.hash[tag] || 0));
  return model as unknown as CoreModel;
}

/** A wink automaton that recognises nothing, in its JSON form. */
const NO_MACHINE = '[100,0,{"0":{}},{},{},{}]';

/**
 * The parts of wink-eng-lite-web-model that nkmsg's pipeline (sentences and
 * part of speech) uses, required one by one: the package's main module also
 * parses the NER, negation and sentiment models (about 600 KB of JSON), which
 * wink then builds into automata that this pipeline never runs. wink asks
 * for them all the same, so they are stood in for by models that recognise
 * nothing.
 */
function pipelineModel(require: NodeRequire): { core: () => CoreModel; featureFn: (config: unknown) => FeatureFns } & Record<string, unknown> {
  const part = (name: string): unknown => require(`wink-eng-lite-web-model/dist/${name}.js`);
  const addons = Object.assign(Object.create(null) as object, {
    stem: part('porter-stemmer'),
    lemmatize: part('lemmatize'),
    readabilityStats: part('readability-stats'),
    wordVectors: undefined,
  });
  const nothing = (): unknown => ({ machines: [NO_MACHINE], setter: () => undefined });
  return Object.assign(Object.create(null) as object, {
    core: () => readCoreModel(require),
    sbd: part('load-sbd-model') as Loader,
    pos: part('load-pos-model') as Loader,
    featureFn: part('feature') as (config: unknown) => FeatureFns,
    ner: () => ({ machines: [], transformers: [] }),
    negation: nothing,
    sa: nothing,
    metaCER: () => ({ machines: '', transformers: [null] }),
    addons,
  });
}

/** Loads the model on first use only: `nkmsg --help` should not pay for it. */
function makeEngine(): Engine {
  const require = createRequire(import.meta.url);
  const winkNLP = require('wink-nlp') as (model: unknown, pipe?: string[]) => WinkNlp;
  const model = pipelineModel(require);
  // Each engine reads its own copy of the core model (model.core() builds one); it is kept to reach its word table.
  let core: CoreModel | null = null;
  let learned: LearnedWords | null = null;
  const featureFn = catchingCache(model.featureFn, (cache) => learned!.install(cache));
  const nlp = winkNLP({ ...model, core: () => (core = model.core()), featureFn }, ['sbd', 'pos']);
  const words = core!.features.lexeme;
  learned = new LearnedWords(words, words.list.length);
  return { nlp, learned };
}

/**
 * Before each document the words learned from earlier ones are hidden (see
 * learned-words.ts), so every article is read as by a freshly started
 * process, whichever worker got which file.
 */
function engineForNextDocument(inputLength: number): WinkNlp {
  // A document learns at most a word for every two characters. One whose new words could reach
  // the contractions' row in this engine, after rows learned from earlier documents, but might
  // not in a fresh one, gets a fresh engine.
  const couldReach = cached !== null && cached.learned.count > 0 && cached.learned.rows + inputLength / 2 >= CONTRACTION_LEMMA_ROW;
  if (cached === null || cached.learned.count > RENEW_AFTER || couldReach) cached = makeEngine();
  cached.learned.nextDocument();
  return cached.nlp;
}

/** Longest run without spaces that wink is given whole. */
const MAX_RUN = 48;

/**
 * wink's tokenizer slows down sharply on long runs without spaces (its
 * e-mail pattern backtracks): a 20 KB run takes seconds. Such runs reach it
 * with a space every MAX_RUN characters, at the same length, so every offset
 * still points into the input. Nothing in a run that long is a word anyway.
 * A plain scan, not a regular expression: a regex over a run of megabytes
 * overflows the stack.
 */
function breakLongRuns(text: string): string {
  let out = '';
  let copied = 0;
  let runStart = -1;
  for (let i = 0; i <= text.length; i++) {
    const space = i === text.length || isSpaceCode(text.charCodeAt(i));
    if (!space) {
      if (runStart < 0) runStart = i;
      continue;
    }
    if (runStart >= 0 && i - runStart > MAX_RUN) {
      out += text.slice(copied, runStart);
      for (let at = runStart; at < i; at += MAX_RUN) {
        const piece = text.slice(at, Math.min(i, at + MAX_RUN));
        const last = piece.charCodeAt(piece.length - 1);
        // Never split a surrogate pair: a piece ending in a high surrogate keeps it.
        out += piece.length === MAX_RUN && !(last >= 0xd800 && last <= 0xdbff) ? `${piece.slice(0, -1)} ` : piece;
      }
      copied = i;
    }
    runStart = -1;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** Most tokens one sentence may have: a run-on "sentence" is cut so stance work stays linear. */
const MAX_SENTENCE_TOKENS = 120;

/** Cuts a sentence of more than MAX_SENTENCE_TOKENS tokens, after a comma or semicolon where there is one. */
function capSentence(tokens: Token[], first: number, last: number, out: Span[]): void {
  let from = first;
  while (last - from + 1 > MAX_SENTENCE_TOKENS) {
    let cut = from + MAX_SENTENCE_TOKENS - 1;
    for (let k = cut; k > from + MAX_SENTENCE_TOKENS / 2; k--) {
      if (tokens[k]!.text === ',' || tokens[k]!.text === ';') {
        cut = k;
        break;
      }
    }
    out.push({ start: tokens[from]!.start, end: tokens[cut]!.end });
    from = cut + 1;
  }
  out.push({ start: tokens[from]!.start, end: tokens[last]!.end });
}

export interface ReadOptions {
  /** The input's paragraphs, in order: windows are cut only at their starts. */
  paragraphs?: Span[];
  /** Characters given to wink at a time (whole paragraphs; a paragraph longer than this is one window). */
  window?: number;
}

/** Characters wink reads at a time by default: enough that windows cost nothing, few enough that its documents stay small. */
export const DEFAULT_WINDOW = 128 * 1024;

/** What wink read in one window: whole paragraphs of the input, from `start` to `end`. */
export interface TextWindow extends NlpDocument, Span {}

/**
 * Reads `input` in windows of whole paragraphs, each its own wink document
 * that is dropped before the next is read, so that wink's memory, and that of
 * the tokens while the caller reads them, is bounded by the window, not the
 * input. Words wink learns stay known from one window to the next, as they
 * would in one document: they are hidden once, before the first window.
 */
export function* readWindows(input: string, options: ReadOptions = {}): Generator<TextWindow> {
  const engine = engineForNextDocument(input.length);
  const paragraphs = options.paragraphs ?? [];
  const starts = windowStarts(input, paragraphs, options.window ?? DEFAULT_WINDOW);
  const breaks = new ParagraphStarts(paragraphs.map((p) => p.start));
  for (let k = 0; k < starts.length; k++) yield readWindow(engine, input, starts[k]!, starts[k + 1] ?? input.length, breaks);
}

/** All of `input` as one reading, its windows joined. */
export function readText(input: string, options: ReadOptions = {}): NlpDocument {
  const doc: NlpDocument = { tokens: [], sentences: [] };
  for (const window of readWindows(input, options)) {
    for (const token of window.tokens) doc.tokens.push(token);
    for (const sentence of window.sentences) doc.sentences.push(sentence);
  }
  return doc;
}

/** Paragraph starts in text order, asked about in text order. */
class ParagraphStarts {
  private at = 0;
  constructor(private readonly starts: number[]) {}

  /** Whether a paragraph starts after `after` and at or before `upTo`. */
  startsIn(after: number, upTo: number): boolean {
    while (this.at < this.starts.length && this.starts[this.at]! <= after) this.at++;
    return this.at < this.starts.length && this.starts[this.at]! <= upTo;
  }
}

/** Where each window starts: 0, then the first paragraph start at least `size` characters after the last. */
function windowStarts(input: string, paragraphs: Span[], size: number): number[] {
  const starts = [0];
  for (const p of paragraphs) if (p.start - starts[starts.length - 1]! >= size && p.start < input.length) starts.push(p.start);
  return starts;
}

/** Reads input[from, to) as one wink document: its tokens and sentences, with offsets into `input`. */
function readWindow(engine: WinkNlp, input: string, from: number, to: number, paragraphs: ParagraphStarts): TextWindow {
  const its = engine.its;
  const text = breakLongRuns(input.slice(from, to));
  const doc = engine.readDoc(text);
  const all = doc.tokens();
  const values = all.out(its.value) as string[];
  const tags = all.out(its.pos) as PosTag[];
  const lemmas = all.out(its.lemma) as string[];

  const tokens: Token[] = [];
  const sentences: Span[] = [];
  // wink token index -> index in `tokens` (or of the next kept token)
  const keptIndex = new Array<number>(values.length + 1).fill(0);
  let offset = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] ?? '';
    // wink keeps the input's text: each token is next after the spaces before it.
    if (!text.startsWith(value, offset)) {
      const found = text.indexOf(value, offset);
      if (found >= 0) offset = found;
    }
    keptIndex[i] = tokens.length;
    if (value.trim() !== '') {
      // wink's own string where it is the input's (all but the pieces of long runs): one string per
      // word for the whole run, whose hash the many look-ups of words compute once, not a fresh copy per token.
      const original = input.startsWith(value, from + offset) ? value : input.slice(from + offset, from + offset + value.length);
      tokens.push({
        text: original,
        lower: original.toLowerCase(),
        lemma: (lemmas[i] ?? value).toLowerCase(),
        pos: tags[i] ?? 'X',
        start: from + offset,
        end: from + offset + value.length,
      });
    }
    offset += value.length;
  }
  keptIndex[values.length] = tokens.length;

  for (const span of doc.sentences().out(its.span) as [number, number][]) {
    const first = keptIndex[span[0]] ?? tokens.length;
    const last = (keptIndex[span[1] + 1] ?? tokens.length) - 1;
    if (last >= first && tokens[first] && tokens[last]) splitSentence(tokens, first, last, paragraphs, sentences);
  }
  return { start: from, end: to, tokens, sentences };
}

/**
 * Cuts wink's sentence at the paragraph starts inside it (wink runs a title
 * without a full stop into the next paragraph when lines end in CRLF), then
 * caps each piece: the pieces are the same whether the paragraphs were read
 * in one window or in two.
 */
function splitSentence(tokens: Token[], first: number, last: number, paragraphs: ParagraphStarts, out: Span[]): void {
  let from = first;
  for (let k = first + 1; k <= last; k++) {
    const start = tokens[k]!.start;
    if (!paragraphs.startsIn(tokens[k - 1]!.end, start)) continue;
    capSentence(tokens, from, k - 1, out);
    from = k;
  }
  capSentence(tokens, from, last, out);
}
