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

/** A model made ready for reading: a feature's row (-1 when the model has none), and the weights packed three to a row. */
interface Compiled {
  rowOf: (feature: string) => number;
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
    compiled = { rowOf: (feature) => rows.get(feature) ?? -1, weights, temperature: model.temperature };
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
/** Past this many remembered lookups the memory is cleared, so a long run over new words stays bounded. */
const MAX_REMEMBERED = 500_000;

/**
 * The committed weights, read as they are asked for. Building a table of all 75,000 features
 * costs more than reading a short article, and a one-article run asks for a few thousand; so the
 * rows stay as lines of text, found by binary search (they are sorted) and remembered once found.
 */
function lazyRows(text: string): Compiled['rowOf'] & { weights: Float64Array } {
  const lines = text.slice(text.indexOf(WEIGHTS_OPENING) + WEIGHTS_OPENING.length, text.lastIndexOf('\n ]')).split('\n');
  const weights = new Float64Array(lines.length * 3);
  const features: (string | undefined)[] = new Array(lines.length);
  const remembered = new Map<string, number>();
  const featureAt = (row: number): string => (features[row] ??= parseRow(lines[row]!, row, weights));
  const rowOf = (feature: string): number => {
    let row = remembered.get(feature);
    if (row === undefined) {
      row = -1;
      for (let low = 0, high = lines.length - 1; low <= high; ) {
        const middle = (low + high) >>> 1;
        const found = featureAt(middle);
        if (found === feature) {
          row = middle;
          break;
        }
        if (found < feature) low = middle + 1;
        else high = middle - 1;
      }
      if (remembered.size >= MAX_REMEMBERED) remembered.clear();
      remembered.set(feature, row);
    }
    return row;
  };
  return Object.assign(rowOf, { weights });
}

/** One line `  ["feature",w0,w1,w2],`: its weights go into `weights`, its feature is returned. */
function parseRow(line: string, row: number, weights: Float64Array): string {
  const end = line.endsWith(',') ? line.length - 2 : line.length - 1;
  const third = line.lastIndexOf(',', end);
  const second = line.lastIndexOf(',', third - 1);
  const first = line.lastIndexOf(',', second - 1);
  weights[row * 3] = Number(line.slice(first + 1, second));
  weights[row * 3 + 1] = Number(line.slice(second + 1, third));
  weights[row * 3 + 2] = Number(line.slice(third + 1, end));
  const quoted = line.slice(line.indexOf('['), first).slice(1);
  return quoted.includes('\\') ? (JSON.parse(quoted) as string) : quoted.slice(1, -1);
}

let loaded: StanceModel | null | undefined;

/** The committed model, or null where none has been trained. Loaded on first use. */
export function defaultModel(): StanceModel | null {
  if (loaded === undefined) {
    try {
      const text = readFileSync(new URL('../model/stance.json', import.meta.url), 'utf8');
      const head = JSON.parse(`${text.slice(0, text.indexOf(WEIGHTS_OPENING)).replace(/,\s*$/, '')}\n}`) as ModelHead;
      const rowOf = lazyRows(text);
      loaded = { weights: {}, temperature: head.temperature, provenance: head.provenance };
      compiledModels.set(loaded, { rowOf, weights: rowOf.weights, temperature: head.temperature });
    } catch {
      loaded = null;
    }
  }
  return loaded;
}

/** Adds the features' weights to `z` (three label scores). */
function addWeights(c: Compiled, features: readonly string[], z: Float64Array): void {
  let z0 = z[0]!;
  let z1 = z[1]!;
  let z2 = z[2]!;
  for (const f of features) {
    const row = c.rowOf(f);
    if (row < 0) continue;
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
    const row = c.rowOf(f);
    if (row < 0) continue;
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
