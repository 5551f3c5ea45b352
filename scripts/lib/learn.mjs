// Multinomial logistic regression over named features, trained with AdaGrad in a fixed order so
// that the same data and settings give the same weights, byte for byte. Plus temperature scaling
// and calibration error, for confidences that mean what they say.

export const DEFAULT_SETTINGS = {
  minCount: 2,
  epochs: 15,
  learningRate: 0.02,
  l2: 0.001,
  classWeights: 'sqrt',
  seed: 1,
  decimals: 4,
  withFixtures: 1,
  fixtureWeight: 1,
};

/** Deterministic pseudo-random numbers (a 32-bit linear congruential generator). */
function generator(seed) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

/**
 * How much a pair of a label with `n` of `total` pairs weighs: 'balanced' as if every label were
 * equally common, 'sqrt' half-way there (on dev: more accurate than 'balanced', a better
 * macro-F1 than none), anything else 1.
 */
function classWeightOf(scheme, total, n) {
  if (n === 0) return 1;
  if (scheme === 'balanced') return total / (3 * n);
  if (scheme === 'sqrt') return Math.sqrt(total / (3 * n));
  return 1;
}

/** Weights per feature (one per label) from labelled pairs `{features, label}`. */
export function fit(pairs, settings = DEFAULT_SETTINGS) {
  const s = { ...DEFAULT_SETTINGS, ...settings };
  const counts = new Map();
  for (const p of pairs) for (const f of p.features) counts.set(f, (counts.get(f) ?? 0) + 1);
  const vocabulary = [...counts].filter(([, n]) => n >= s.minCount).map(([f]) => f).sort();
  const index = new Map(vocabulary.map((f, i) => [f, i]));
  const examples = pairs.map((p) => ({ ids: Int32Array.from(p.features.map((f) => index.get(f)).filter((i) => i !== undefined)), label: p.label, weight: p.weight ?? 1 }));
  const perLabel = [0, 0, 0];
  for (const e of examples) perLabel[e.label]++;
  const classWeight = perLabel.map((n) => classWeightOf(s.classWeights, examples.length, n));

  const W = new Float64Array(vocabulary.length * 3);
  const G = new Float64Array(vocabulary.length * 3);
  const random = generator(s.seed);
  const order = examples.map((_, i) => i);
  const z = [0, 0, 0];
  for (let epoch = 0; epoch < s.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const n of order) {
      const { ids, label, weight } = examples[n];
      z[0] = z[1] = z[2] = 0;
      for (const id of ids) {
        z[0] += W[id * 3];
        z[1] += W[id * 3 + 1];
        z[2] += W[id * 3 + 2];
      }
      const p = softmax(z);
      const cw = classWeight[label] * weight;
      for (let k = 0; k < 3; k++) {
        const g0 = (p[k] - (k === label ? 1 : 0)) * cw;
        for (const id of ids) {
          const at = id * 3 + k;
          const g = g0 + s.l2 * W[at];
          G[at] += g * g;
          W[at] -= (s.learningRate * g) / (Math.sqrt(G[at]) + 1e-8);
        }
      }
    }
  }
  const weights = {};
  const round = (v) => Number(v.toFixed(s.decimals));
  vocabulary.forEach((f, i) => {
    const w = [round(W[i * 3]), round(W[i * 3 + 1]), round(W[i * 3 + 2])];
    if (w.some((v) => Math.abs(v) >= 10 ** -s.decimals)) weights[f] = w.map((v) => (Object.is(v, -0) ? 0 : v));
  });
  return { weights, settings: s, counts: { pairs: examples.length, perLabel, features: vocabulary.length, kept: Object.keys(weights).length } };
}

export function softmax(z, temperature = 1) {
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp((v - max) / temperature));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

export function logits(weights, features) {
  const z = [0, 0, 0];
  for (const f of features) {
    const w = weights[f];
    if (!w) continue;
    z[0] += w[0];
    z[1] += w[1];
    z[2] += w[2];
  }
  return z;
}

/** The temperature (on a fixed grid) that minimises the negative log-likelihood of `pairs`. */
export function fitTemperature(weights, pairs) {
  return fitTemperatureOf(pairs.map((p) => ({ z: logits(weights, p.features), label: p.label })));
}

/** The temperature (on a fixed grid) that minimises the negative log-likelihood of label scores `{z, label}`. */
export function fitTemperatureOf(zs) {
  let best = 1;
  let bestLoss = Infinity;
  for (let t = 0.3; t <= 4.0001; t += 0.05) {
    let loss = 0;
    for (const { z, label } of zs) loss -= Math.log(Math.max(softmax(z, t)[label], 1e-12));
    if (loss < bestLoss - 1e-12) {
      bestLoss = loss;
      best = Number(t.toFixed(2));
    }
  }
  return best;
}

/** Expected calibration error over ten equal-width bins of the top probability. */
export function calibrationError(predictions) {
  const bins = Array.from({ length: 10 }, () => ({ n: 0, confidence: 0, right: 0 }));
  for (const { confidence, right } of predictions) {
    const b = bins[Math.min(9, Math.floor(confidence * 10))];
    b.n++;
    b.confidence += confidence;
    b.right += right ? 1 : 0;
  }
  const total = predictions.length || 1;
  return bins.reduce((e, b) => e + (b.n ? (b.n / total) * Math.abs(b.confidence / b.n - b.right / b.n) : 0), 0);
}

/** Settings of the second stage (src/context.ts): its folds over train, and its fit over real-valued features. */
export const CONTEXT_SETTINGS = {
  contextFolds: 3,
  contextIterations: 300,
  contextLearningRate: 0.1,
  contextL2: 0.0001,
  /** Class weights as (pairs / (3 * pairs of the label)) to this power: 0.5 is 'sqrt'; on dev 0.35 is more accurate with a better macro-F1. */
  contextClassWeightPower: 0.35,
};

/**
 * Weights per feature (one per label) from examples `{x: {feature: value}, label}` with real
 * values: full-batch AdaGrad over every example at each step, so that the result does not depend
 * on any order but the features' (sorted by name).
 */
export function fitValued(examples, settings = CONTEXT_SETTINGS) {
  const s = { ...CONTEXT_SETTINGS, decimals: DEFAULT_SETTINGS.decimals, ...settings };
  const names = [...new Set(examples.flatMap((e) => Object.keys(e.x)))].sort();
  const index = new Map(names.map((f, i) => [f, i]));
  const rows = examples.map((e) => {
    const entries = Object.entries(e.x).filter(([, v]) => v !== 0);
    return { ids: Int32Array.from(entries.map(([f]) => index.get(f))), values: Float64Array.from(entries.map(([, v]) => v)), label: e.label, weight: e.weight ?? 1 };
  });
  const perLabel = [0, 0, 0];
  for (const r of rows) perLabel[r.label]++;
  const classWeight = perLabel.map((n) => (n ? (rows.length / (3 * n)) ** s.contextClassWeightPower : 1));
  const total = rows.reduce((sum, r) => sum + classWeight[r.label] * r.weight, 0);
  const W = new Float64Array(names.length * 3);
  const G = new Float64Array(names.length * 3);
  const gradient = new Float64Array(names.length * 3);
  const z = [0, 0, 0];
  for (let step = 0; step < s.contextIterations; step++) {
    gradient.fill(0);
    for (const { ids, values, label, weight } of rows) {
      z[0] = z[1] = z[2] = 0;
      for (let n = 0; n < ids.length; n++) for (let k = 0; k < 3; k++) z[k] += W[ids[n] * 3 + k] * values[n];
      const p = softmax(z);
      const cw = classWeight[label] * weight;
      for (let k = 0; k < 3; k++) {
        const g = (p[k] - (k === label ? 1 : 0)) * cw;
        for (let n = 0; n < ids.length; n++) gradient[ids[n] * 3 + k] += g * values[n];
      }
    }
    for (let i = 0; i < W.length; i++) {
      const g = gradient[i] / total + s.contextL2 * W[i];
      G[i] += g * g;
      W[i] -= (s.contextLearningRate * g) / (Math.sqrt(G[i]) + 1e-8);
    }
  }
  const round = (v) => {
    const r = Number(v.toFixed(s.decimals));
    return Object.is(r, -0) ? 0 : r;
  };
  const weights = {};
  names.forEach((f, i) => (weights[f] = [round(W[i * 3]), round(W[i * 3 + 1]), round(W[i * 3 + 2])]));
  return { weights, counts: { pairs: rows.length, perLabel, features: names.length } };
}

/** Label scores of real-valued features `x` under weights from fitValued. */
export function valuedLogits(weights, x) {
  const z = [0, 0, 0];
  for (const [f, v] of Object.entries(x)) {
    const w = weights[f];
    if (!w) continue;
    for (let k = 0; k < 3; k++) z[k] += w[k] * v;
  }
  return z;
}
