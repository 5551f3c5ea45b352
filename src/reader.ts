/**
 * The learned reader: a multinomial logistic regression over a pair's named
 * features, with its weights in model/stance.json (made by `npm run train`).
 * Inference only; training lives in scripts/train.mjs.
 */
import { createRequire } from 'node:module';
import type { Stance } from './types.js';

export const LABELS: readonly Stance[] = ['cooperative', 'conflictual', 'neutral'];

export interface StanceModel {
  /** Weights per feature, one per label in LABELS order. */
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

let loaded: StanceModel | null | undefined;

/** The committed model, or null where none has been trained. Loaded on first use. */
export function defaultModel(): StanceModel | null {
  if (loaded === undefined) {
    try {
      const require = createRequire(import.meta.url);
      loaded = require('../model/stance.json') as StanceModel;
    } catch {
      loaded = null;
    }
  }
  return loaded;
}

/** The weights as a Map, made once per model: a Map looks up 25,000 keys faster than an object does. */
const weightMaps = new WeakMap<StanceModel, Map<string, number[]>>();
function weightsOf(model: StanceModel): Map<string, number[]> {
  let map = weightMaps.get(model);
  if (!map) {
    map = new Map(Object.entries(model.weights));
    weightMaps.set(model, map);
  }
  return map;
}

/** Label probabilities for one pair's features. */
export function scores(model: StanceModel, features: string[]): number[] {
  const weights = weightsOf(model);
  let z0 = 0;
  let z1 = 0;
  let z2 = 0;
  for (const f of features) {
    const w = weights.get(f);
    if (!w) continue;
    z0 += w[0]!;
    z1 += w[1]!;
    z2 += w[2]!;
  }
  return softmax([z0, z1, z2], model.temperature);
}

export function softmax(z: number[], temperature = 1): number[] {
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp((v - max) / temperature));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

export function classify(model: StanceModel, features: string[], explain = 0): Reading {
  const p = scores(model, features);
  let best = 0;
  for (let k = 1; k < p.length; k++) if (p[k]! > p[best]!) best = k;
  const because: FeatureWeight[] = [];
  if (explain > 0) {
    const weights = weightsOf(model);
    for (const f of features) {
      const w = weights.get(f);
      if (!w) continue;
      const others = w.filter((_, k) => k !== best);
      const margin = w[best]! - others.reduce((a, b) => a + b, 0) / others.length;
      because.push({ feature: f, weight: Math.round(margin * 1000) / 1000 });
    }
    because.sort((a, b) => b.weight - a.weight || (a.feature < b.feature ? -1 : 1));
    because.length = Math.min(because.length, explain);
  }
  return { stance: LABELS[best]!, confidence: Math.round(p[best]! * 1000) / 1000, because };
}
