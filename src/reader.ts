/**
 * The learned reader: a multinomial logistic regression over a pair's named
 * features, with its weights in model/stance.json (made by `npm run train`).
 * Its readings go on to a second stage that reads them in the article's
 * context (context.ts). Inference only; training lives in scripts/train.mjs.
 */
import { isAscii } from 'node:buffer';
import { onFirstUse, parseCommitted, parseCommittedStart } from './model-file.js';
import { readIndex, type WeightIndex } from './model-index.js';
import type { Stance } from './types.js';

export const LABELS: readonly Stance[] = ['cooperative', 'conflictual', 'neutral'];

export interface StanceModel {
  /** Weights per feature, one per label in LABELS order (model/stance.json keeps them as rows: [feature, w0, w1, w2]). */
  weights: Record<string, number[]>;
  /** Softmax temperature fitted on dev, so that confidences are calibrated. */
  temperature: number;
  provenance: Record<string, unknown>;
}

export interface FeatureWeight {
  feature: string;
  /** How much the feature pushed toward the chosen label over the others. */
  weight: number;
}

export interface Reading {
  stance: Stance;
  confidence: number;
  /** The probability of each label, in LABELS order (what the second stage reads, src/context.ts). */
  probabilities: number[];
  /** The features that weighed most for the chosen label, strongest first. */
  because: FeatureWeight[];
}

/** A model made ready for reading: a feature's three weights, or undefined when the model has none. */
interface Compiled {
  weightsOf: (feature: string) => ArrayLike<number> | undefined;
  temperature: number;
}

const compiledModels = new WeakMap<StanceModel, Compiled>();

function compile(model: StanceModel): Compiled {
  let compiled = compiledModels.get(model);
  if (!compiled) {
    const weights = new Map(Object.entries(model.weights));
    compiled = { weightsOf: (feature) => weights.get(feature), temperature: model.temperature };
    compiledModels.set(model, compiled);
  }
  return compiled;
}

/** model/stance.json as written by scripts/train.mjs: its head, then one `[feature, w0, w1, w2]` row a line, sorted by feature. */
interface ModelHead {
  provenance: Record<string, unknown>;
  temperature: number;
}

const WEIGHTS_OPENING = '\n "weights": [\n';
const WEIGHTS_CLOSING = '\n ]';

/** What the lazy reader needs of the file: its text, or its bytes where they are ASCII (the same offsets, no decoding). */
interface ModelText {
  length: number;
  indexOf(search: string, from?: number): number;
  lastIndexOf(search: string, from?: number): number;
  slice(start: number, end: number): string;
}

/** The text with its line ends made LF (a checkout may have made them CRLF). */
const withLineFeeds = (text: string): ModelText => (text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text);

/**
 * The bytes of a file that is ASCII with LF line ends, as train.mjs writes it, searched as they
 * are: 5.3 MB need not be decoded to find a few thousand rows. Null for any other file.
 */
function asciiText(file: Uint8Array): ModelText | null {
  const bytes = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  if (!isAscii(bytes) || bytes.includes(13)) return null;
  return {
    length: bytes.length,
    indexOf: (search, from) => bytes.indexOf(search, from),
    lastIndexOf: (search, from) => bytes.lastIndexOf(search, from),
    slice: (start, end) => bytes.toString('latin1', start, end),
  };
}

/**
 * The committed weights, read as they are asked for. Parsing all 119,000 rows into a table costs
 * more than reading a short article, and a one-article run asks for a few thousand; so the rows
 * stay in the file, found by binary search over its sorted lines; a Feature keeps what was found for it.
 */
function lazyWeights(text: ModelText, first: number, end: number): Compiled['weightsOf'] {
  // Each Feature remembers what it found (see Feature.readFrom), so nothing is remembered here.
  return (feature) => {
    let found: Float64Array | undefined;
    // Offsets of whole lines: `low` always starts a line, `high` ends the range (exclusive).
    for (let low = first, high = end; low < high && found === undefined; ) {
      const start = text.lastIndexOf('\n', (low + high) >>> 1) + 1 || low;
      const lineStart = Math.max(start, low);
      const lineEnd = Math.min(text.indexOf('\n', lineStart) >>> 0, high);
      const line = text.slice(lineStart, lineEnd);
      const rowAt = rowFeature(line);
      if (rowAt === feature) found = rowWeights(line).weights;
      else if (rowAt < feature) low = lineEnd + 1;
      else high = lineStart - 1;
    }
    return found;
  };
}

/** The three weights of one line `  ["feature",w0,w1,w2],`, and where its feature ends. */
function rowWeights(line: string): { featureEnd: number; weights: Float64Array } {
  const end = line.endsWith(',') ? line.length - 2 : line.length - 1;
  const third = line.lastIndexOf(',', end);
  const second = line.lastIndexOf(',', third - 1);
  const first = line.lastIndexOf(',', second - 1);
  return { featureEnd: first, weights: Float64Array.of(Number(line.slice(first + 1, second)), Number(line.slice(second + 1, third)), Number(line.slice(third + 1, end))) };
}

/** The feature of one line: the JSON string after its opening bracket, up to the comma before the weights. */
function rowFeature(line: string): string {
  const open = line.indexOf('[') + 1;
  // A feature without escapes is the text between its quotes; the three weights follow it.
  if (!line.includes('\\')) return line.slice(open + 1, line.lastIndexOf('",'));
  return JSON.parse(line.slice(open, rowWeights(line).featureEnd)) as string;
}

/** model/stance.json as JSON.parse reads it whole. */
interface ModelFile extends ModelHead {
  weights: [string, number, number, number][];
}

/**
 * A model from a file train.mjs wrote (its text, or its bytes). Laid out as it writes it, the rows
 * are read as they are asked for; a file laid out otherwise is parsed whole.
 */
export function readModel(file: string | Uint8Array): StanceModel {
  const text = typeof file === 'string' ? withLineFeeds(file) : (asciiText(file) ?? withLineFeeds(new TextDecoder().decode(file)));
  const opening = text.indexOf(WEIGHTS_OPENING);
  const first = opening + WEIGHTS_OPENING.length;
  const end = text.lastIndexOf(WEIGHTS_CLOSING);
  if (opening < 0 || !rowsLaidOut(text, first, end)) {
    const whole = JSON.parse(text.slice(0, text.length)) as ModelFile;
    return { weights: Object.fromEntries(whole.weights.map(([feature, ...w]) => [feature, w])), temperature: whole.temperature, provenance: whole.provenance };
  }
  return laidOutModel(parseHead(text, opening), lazyWeights(text, first, end));
}

/** The head of a model file: everything before its weights, closed as an object of its own. */
const parseHead = (text: ModelText, opening: number): ModelHead => JSON.parse(`${text.slice(0, opening).replace(/,\s*$/, '')}\n}`) as ModelHead;

function laidOutModel(head: ModelHead, weightsOf: Compiled['weightsOf']): StanceModel {
  const model: StanceModel = { weights: {}, temperature: head.temperature, provenance: head.provenance };
  compiledModels.set(model, { weightsOf, temperature: head.temperature });
  return model;
}

/** How much of model/stance.json to read for its head: the provenance is a few kilobytes. */
const HEAD_BYTES = 64 * 1024;

/** Rows of the file's start checked against an index before it is trusted (a start of 64 KB holds about 1,500). */
const ROWS_CHECKED = 16;

/** Whether the index gives the first whole rows after `first` as the file writes them. */
function indexAgrees(text: ModelText, first: number, index: WeightIndex): boolean {
  const lines = text.slice(first, text.length).split('\n').slice(0, ROWS_CHECKED + 1);
  lines.pop(); // the last may be cut off where the start ends
  const rows = lines.filter((line) => ROW.test(line));
  return rows.length > 0 && rows.every((line) => {
    const got = index.weightsOf(rowFeature(line));
    const want = rowWeights(line).weights;
    return got !== undefined && got.every((w, k) => w === want[k]);
  });
}

/**
 * A model read through an index of its weights (model-index.ts), from no more of the model file
 * than its start; null where the head is not there whole, the index was made from other weights
 * (the fingerprint), or reads the first rows otherwise than the file (an index made another way).
 */
export function modelFromIndex(fileStart: Uint8Array, index: WeightIndex): StanceModel | null {
  const text = asciiText(fileStart);
  const opening = text ? text.indexOf(WEIGHTS_OPENING) : -1;
  if (!text || opening < 0) return null;
  const head = parseHead(text, opening);
  if (head.provenance?.['weightsSha256'] !== index.fingerprint || !indexAgrees(text, opening + WEIGHTS_OPENING.length, index)) return null;
  return laidOutModel(head, index.weightsOf);
}

/** The committed model through its index where that can be trusted, else from the JSON; null where neither can be read. */
function readCommittedModel(): StanceModel | null {
  const index = parseCommitted('stance.idx', readIndex);
  const indexed = index && parseCommittedStart('stance.json', HEAD_BYTES, (start) => modelFromIndex(start, index));
  return indexed ?? parseCommitted('stance.json', readModel);
}

/** A row as train.mjs writes it, one to a line: `  ["feature",w0,w1,w2],`. */
const ROW = /^  \[".*",-?[\d.e-]+,-?[\d.e-]+,-?[\d.e-]+\],?$/;

/** Whether the first and last lines of the weights are whole rows (not, say, a row spread over lines). */
function rowsLaidOut(text: ModelText, first: number, end: number): boolean {
  const firstLine = text.slice(first, text.indexOf('\n', first));
  const lastLine = text.slice(text.lastIndexOf('\n', end - 1) + 1, end);
  return end > first && ROW.test(firstLine) && ROW.test(lastLine);
}

/** The committed model, or null where none has been trained. Loaded on first use. */
export const defaultModel = onFirstUse(readCommittedModel);

/**
 * A named feature, made once and met again by identity: its weights are looked up by name once
 * per model, not at every pair that has it (see the families in features.ts).
 */
export class Feature {
  /** The model the weights below were read from. */
  private from: Compiled | undefined = undefined;
  /** Whether that model has the feature; its three weights, kept in the object (a typed array per feature costs more memory). */
  has = false;
  w0 = NaN;
  w1 = NaN;
  w2 = NaN;
  /** Free for whoever lists features to keep each once (features.ts marks the ones listed). */
  mark = 0;
  constructor(readonly name: string) {}

  /** Reads the weights from model `c` unless they were read from it already. */
  readFrom(c: Compiled): void {
    if (this.from === c) return;
    const w = c.weightsOf(this.name);
    this.has = w !== undefined;
    if (w !== undefined) {
      this.w0 = w[0]!;
      this.w1 = w[1]!;
      this.w2 = w[2]!;
    }
    this.from = c;
  }
}

/** Adds the features' weights to `z` (three label scores). */
function addWeights(c: Compiled, features: readonly Feature[], z: Float64Array): void {
  let z0 = z[0]!;
  let z1 = z[1]!;
  let z2 = z[2]!;
  for (const f of features) {
    f.readFrom(c);
    if (!f.has) continue;
    z0 += f.w0;
    z1 += f.w1;
    z2 += f.w2;
  }
  z[0] = z0;
  z[1] = z1;
  z[2] = z2;
}

export function softmax(z: ArrayLike<number>, temperature = 1): number[] {
  const max = Math.max(z[0]!, z[1]!, z[2]!);
  const e0 = Math.exp((z[0]! - max) / temperature);
  const e1 = Math.exp((z[1]! - max) / temperature);
  const e2 = Math.exp((z[2]! - max) / temperature);
  const sum = e0 + e1 + e2;
  return [e0 / sum, e1 / sum, e2 / sum];
}

/** Label probabilities for one pair's features. */
export function scores(model: StanceModel, features: readonly string[]): number[] {
  const c = compile(model);
  const z = new Float64Array(3);
  addWeights(c, features.map((f) => new Feature(f)), z);
  return softmax(z, c.temperature);
}

/** A sentence's features for the reader: see PairFeatures in features.ts. */
export interface SentenceFeatures {
  shared: readonly Feature[];
  own: Map<string, Feature[]>;
  byPart?: Map<string, Feature[]>;
  partOf?: Map<string, string>;
}

/**
 * The stance of every actor of a sentence: the sentence's shared features are weighed once, the
 * words of each part once per part, each actor's own on top of them.
 */
export function classifySentence(model: StanceModel, features: SentenceFeatures, explain = 0): Map<string, Reading> {
  const c = compile(model);
  const base = new Float64Array(3);
  addWeights(c, features.shared, base);
  const partScores = new Map<string, Float64Array>();
  const readings = new Map<string, Reading>();
  for (const [actor, own] of features.own) {
    const part = features.partOf?.get(actor);
    const words = part === undefined ? [] : (features.byPart?.get(part) ?? []);
    let z = part === undefined ? undefined : partScores.get(part);
    if (!z) {
      z = base.slice();
      addWeights(c, words, z);
      if (part !== undefined) partScores.set(part, z);
    }
    z = z.slice();
    addWeights(c, own, z);
    const p = softmax(z, c.temperature);
    let best = 0;
    for (let k = 1; k < 3; k++) if (p[k]! > p[best]!) best = k;
    readings.set(actor, {
      stance: LABELS[best]!,
      confidence: Math.round(p[best]! * 1000) / 1000,
      probabilities: p,
      because: explain > 0 ? strongest(c, [...features.shared, ...own, ...words].map((f) => f.name), best, explain) : [],
    });
  }
  return readings;
}

/** The features that pushed most toward label `best` over the others. */
function strongest(c: Compiled, features: string[], best: number, n: number): FeatureWeight[] {
  const because: FeatureWeight[] = [];
  for (const f of new Set(features)) {
    const weights = c.weightsOf(f);
    if (weights === undefined) continue;
    const w = [weights[0]!, weights[1]!, weights[2]!];
    const others = w.filter((_, k) => k !== best);
    because.push({ feature: f, weight: Math.round((w[best]! - (others[0]! + others[1]!) / 2) * 1000) / 1000 });
  }
  because.sort((a, b) => b.weight - a.weight || (a.feature < b.feature ? -1 : 1));
  return because.slice(0, n);
}

/** One pair's reading from all its features. */
export function classify(model: StanceModel, features: readonly string[], explain = 0): Reading {
  return classifySentence(model, { shared: [], own: new Map([['pair', features.map((f) => new Feature(f))]]) }, explain).get('pair')!;
}
