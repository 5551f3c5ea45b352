// A conditional logistic regression: each example is a set of candidates with named feature
// values, one of them right; a candidate's score is its values times the weights, and softmax over
// the candidates gives their chances. Trained with AdaGrad in a fixed order (as learn.mjs), so the
// same data and settings give the same weights, byte for byte.

export const CHOOSER_SETTINGS = { epochs: 300, learningRate: 0.1, l2: 0.001, seed: 1, decimals: 4, folds: 5 };

function generator(seed) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

const score = (weights, features) => Object.entries(features).reduce((z, [f, v]) => z + (weights.get?.(f) ?? weights[f] ?? 0) * v, 0);

export function chances(weights, candidates, temperature = 1) {
  const z = candidates.map((c) => score(weights, c.features) / temperature);
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

/** Weights from examples `{candidates: [{features}], right: index}`. */
export function fitChooser(examples, settings = CHOOSER_SETTINGS) {
  const s = { ...CHOOSER_SETTINGS, ...settings };
  const W = new Map();
  const G = new Map();
  const random = generator(s.seed);
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < s.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const n of order) {
      const { candidates, right } = examples[n];
      const p = chances(W, candidates);
      const grad = new Map();
      candidates.forEach((c, k) => {
        const g0 = p[k] - (k === right ? 1 : 0);
        for (const [f, v] of Object.entries(c.features)) grad.set(f, (grad.get(f) ?? 0) + g0 * v);
      });
      for (const f of [...grad.keys()].sort()) {
        const w = W.get(f) ?? 0;
        const g = grad.get(f) + s.l2 * w;
        const acc = (G.get(f) ?? 0) + g * g;
        G.set(f, acc);
        W.set(f, w - (s.learningRate * g) / (Math.sqrt(acc) + 1e-8));
      }
    }
  }
  const weights = {};
  for (const f of [...W.keys()].sort()) {
    const v = Number(W.get(f).toFixed(s.decimals));
    if (v !== 0) weights[f] = Object.is(v, -0) ? 0 : v;
  }
  return weights;
}

/** The temperature (on a fixed grid) that minimises the negative log-likelihood of `predictions` ({candidates, right, weights}). */
export function fitChooserTemperature(predictions) {
  let best = 1;
  let bestLoss = Infinity;
  for (let t = 0.3; t <= 4.0001; t += 0.05) {
    let loss = 0;
    for (const { weights, candidates, right } of predictions) loss -= Math.log(Math.max(chances(weights, candidates, t)[right], 1e-12));
    if (loss < bestLoss - 1e-12) {
      bestLoss = loss;
      best = Number(t.toFixed(2));
    }
  }
  return best;
}
