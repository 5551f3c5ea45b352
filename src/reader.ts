/**
 * The learned reader: a multinomial logistic regression over a pair's named
 * features, with its weights in model/stance.json (made by `npm run train`).
 * Inference only; training lives in scripts/train.mjs.
 */
import { readFileSync } from 'node:fs';
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
  /** The features that weighed most for the chosen label, strongest first. */
  because: FeatureWeight[];
}

/** A model made ready for reading: feature -> row, and the weights packed three to a row. */
interface Compiled {
  rows: Map<string, number>;
  weights: Float64Array;
  temperature: number;
}

const compiledModels = new WeakMap<StanceModel, Compiled>();

function compile(model: StanceModel): Compiled {
  let compiled = compiledModels.get(model);
  if (!compiled) {
    const entries = Object.entries(model.weights);
    const rows = new Map<string, number>();
    const weights = new Float64Array(entries.length * 3);
    entries.forEach(([feature, w], row) => {
      rows.set(feature, row);
      weights[row * 3] = w[0]!;
      weights[row * 3 + 1] = w[1]!;
      weights[row * 3 + 2] = w[2]!;
    });
    compiled = { rows, weights, temperature: model.temperature };
    compiledModels.set(model, compiled);
  }
  return compiled;
}

/** model/stance.json as written by scripts/train.mjs. */
interface ModelFile {
  provenance: Record<string, unknown>;
  temperature: number;
  weights: [string, number, number, number][];
}

let loaded: StanceModel | null | undefined;

/**
 * The committed model, or null where none has been trained. Loaded on first use, and read a row
 * at a time (see readModelFile), so that only its packed form stays in memory.
 */
export function defaultModel(): StanceModel | null {
  if (loaded === undefined) {
    try {
      const { head, rows, weights } = readModelFile(readFileSync(new URL('../model/stance.json', import.meta.url), 'utf8'));
      loaded = { weights: {}, temperature: head.temperature, provenance: head.provenance };
      compiledModels.set(loaded, { rows, weights, temperature: head.temperature });
    } catch {
      loaded = null;
    }
  }
  return loaded;
}

/** Where the rows of weights start and end in the file scripts/train.mjs writes: one row a line. */
const ROWS_START = ',\n "weights": [\n';
const ROWS_END = '\n ]\n}\n';

/**
 * model/stance.json packed: feature -> row, and the weights three to a row. One JSON.parse of the
 * whole file holds all its rows (some 75,000 arrays) at once, about 25 MB of heap that every
 * thread then keeps; parsed a row at a time, each row is garbage as soon as it is packed. A file
 * laid out otherwise is parsed whole.
 */
function readModelFile(text: string): { head: Omit<ModelFile, 'weights'>; rows: Map<string, number>; weights: Float64Array } {
  const start = text.indexOf(ROWS_START);
  if (start < 0 || !text.endsWith(ROWS_END)) return packRows(JSON.parse(text) as ModelFile);
  const head = JSON.parse(`${text.slice(0, start)}}`) as Omit<ModelFile, 'weights'>;
  const rows = new Map<string, number>();
  const values: number[] = [];
  const end = text.length - ROWS_END.length;
  for (let at = start + ROWS_START.length, row = 0; at < end; row++) {
    const next = text.indexOf(',\n', at);
    const lineEnd = next < 0 || next > end ? end : next;
    const [feature, w0, w1, w2] = JSON.parse(text.slice(at, lineEnd)) as ModelFile['weights'][number];
    rows.set(feature, row);
    values.push(w0, w1, w2);
    at = lineEnd + 2;
  }
  return { head, rows, weights: Float64Array.from(values) };
}

function packRows(file: ModelFile): { head: Omit<ModelFile, 'weights'>; rows: Map<string, number>; weights: Float64Array } {
  const rows = new Map<string, number>();
  const weights = new Float64Array(file.weights.length * 3);
  file.weights.forEach(([feature, w0, w1, w2], row) => {
    rows.set(feature, row);
    weights[row * 3] = w0;
    weights[row * 3 + 1] = w1;
    weights[row * 3 + 2] = w2;
  });
  return { head: { provenance: file.provenance, temperature: file.temperature }, rows, weights };
}

/** Adds the features' weights to `z` (three label scores). */
function addWeights(c: Compiled, features: readonly string[], z: Float64Array): void {
  let z0 = z[0]!;
  let z1 = z[1]!;
  let z2 = z[2]!;
  for (const f of features) {
    const row = c.rows.get(f);
    if (row === undefined) continue;
    z0 += c.weights[row * 3]!;
    z1 += c.weights[row * 3 + 1]!;
    z2 += c.weights[row * 3 + 2]!;
  }
  z[0] = z0;
  z[1] = z1;
  z[2] = z2;
}

export function softmax(z: ArrayLike<number>, temperature = 1): number[] {
  const max = Math.max(z[0]!, z[1]!, z[2]!);
  const e = [0, 1, 2].map((k) => Math.exp((z[k]! - max) / temperature));
  const sum = e[0]! + e[1]! + e[2]!;
  return e.map((v) => v / sum);
}

/** Label probabilities for one pair's features. */
export function scores(model: StanceModel, features: readonly string[]): number[] {
  const c = compile(model);
  const z = new Float64Array(3);
  addWeights(c, features, z);
  return softmax(z, c.temperature);
}

/**
 * The stance of every actor of a sentence: the sentence's shared features are weighed once,
 * each actor's own on top of them.
 */
export function classifySentence(model: StanceModel, shared: readonly string[], own: Map<string, string[]>, explain = 0): Map<string, Reading> {
  const c = compile(model);
  const base = new Float64Array(3);
  addWeights(c, shared, base);
  const readings = new Map<string, Reading>();
  for (const [actor, features] of own) {
    const z = Float64Array.from(base);
    addWeights(c, features, z);
    const p = softmax(z, c.temperature);
    let best = 0;
    for (let k = 1; k < 3; k++) if (p[k]! > p[best]!) best = k;
    readings.set(actor, {
      stance: LABELS[best]!,
      confidence: Math.round(p[best]! * 1000) / 1000,
      because: explain > 0 ? strongest(c, [...shared, ...features], best, explain) : [],
    });
  }
  return readings;
}

/** The features that pushed most toward label `best` over the others. */
function strongest(c: Compiled, features: string[], best: number, n: number): FeatureWeight[] {
  const because: FeatureWeight[] = [];
  for (const f of new Set(features)) {
    const row = c.rows.get(f);
    if (row === undefined) continue;
    const w = [c.weights[row * 3]!, c.weights[row * 3 + 1]!, c.weights[row * 3 + 2]!];
    const others = w.filter((_, k) => k !== best);
    because.push({ feature: f, weight: Math.round((w[best]! - (others[0]! + others[1]!) / 2) * 1000) / 1000 });
  }
  because.sort((a, b) => b.weight - a.weight || (a.feature < b.feature ? -1 : 1));
  return because.slice(0, n);
}

/** One pair's reading from all its features. */
export function classify(model: StanceModel, features: readonly string[], explain = 0): Reading {
  return classifySentence(model, [], new Map([['pair', [...features]]]), explain).get('pair')!;
}
