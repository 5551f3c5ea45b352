#!/usr/bin/env node
// Trains the stance reader on the corpus's train split, fits its temperature on dev and writes
// model/stance.json with its provenance. Deterministic: the same corpus and settings give the same
// file, byte for byte.
// usage: node scripts/train.mjs [--dry] [--out FILE] [--set key=value ...] [--drop-features PREFIX,...]
//   --dry   print dev scores, write nothing (for trying settings on dev)
//   --out   write the model there instead of model/stance.json (the reproducibility test)
// Settings default to those the committed model records, so a plain run rebuilds it.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { corpusSplit, labelledPairs, LABELS, trainingArticles } from './lib/corpus.mjs';
import { calibrationError, DEFAULT_SETTINGS, fit, fitTemperature, logits, softmax } from './lib/learn.mjs';

const root = path.join(path.dirname(new URL(import.meta.url).pathname), '..');
const args = process.argv.slice(2);
const dry = args.includes('--dry');
const committed = path.join(root, 'model', 'stance.json');
const recorded = fs.existsSync(committed) ? JSON.parse(fs.readFileSync(committed, 'utf8')).provenance?.settings : null;
const settings = { ...DEFAULT_SETTINGS, ...(args.includes('--defaults') ? {} : recorded) };
args.forEach((a, i) => {
  if (a !== '--set') return;
  const [key, value] = args[i + 1].split('=');
  settings[key] = Number.isNaN(Number(value)) ? value : Number(value);
});
const dropIdx = args.indexOf('--drop-features');
const dropped = dropIdx >= 0 ? args[dropIdx + 1].split(',') : [];
const keep = (f) => !dropped.some((prefix) => f.startsWith(prefix));

const pairsOf = (articles) =>
  articles.flatMap((a) => labelledPairs(a, a.kind === 'fixture' ? settings.fixtureWeight : 1)).map((p) => ({ ...p, features: p.features.filter(keep) }));
const train = trainingArticles(settings);
const dev = corpusSplit('dev');
const trainPairs = pairsOf(train);
const devPairs = pairsOf(dev);

const model = fit(trainPairs, settings);
const temperature = fitTemperature(model.weights, devPairs);

function evaluate(pairs) {
  const cm = LABELS.map(() => [0, 0, 0]);
  const predictions = pairs.map((p) => {
    const probs = softmax(logits(model.weights, p.features), temperature);
    const best = probs.indexOf(Math.max(...probs));
    cm[p.label][best]++;
    return { confidence: probs[best], right: best === p.label };
  });
  const accuracy = predictions.filter((x) => x.right).length / (pairs.length || 1);
  const f1s = LABELS.map((_, k) => {
    const tp = cm[k][k];
    const fp = cm.reduce((n, row, j) => n + (j === k ? 0 : row[k]), 0);
    const fn = cm[k].reduce((n, v, j) => n + (j === k ? 0 : v), 0);
    return tp ? (2 * tp) / (2 * tp + fp + fn) : 0;
  });
  return {
    pairs: pairs.length,
    accuracy: Number(accuracy.toFixed(4)),
    macroF1: Number((f1s.reduce((a, b) => a + b, 0) / 3).toFixed(4)),
    calibrationError: Number(calibrationError(predictions).toFixed(4)),
  };
}

const devScores = evaluate(devPairs);
const summary = { settings, temperature, train: { articles: train.length, ...model.counts }, dev: { articles: dev.length, ...devScores } };
if (dry) {
  console.log(JSON.stringify(summary));
  process.exit(0);
}

function corpusHash(articles) {
  const h = createHash('sha256');
  for (const a of articles) h.update(a.name).update('\0').update(a.text).update('\0').update(JSON.stringify(a.gold)).update('\0');
  return h.digest('hex');
}
let corpusCommit = null;
try {
  corpusCommit = execFileSync('git', ['log', '-1', '--format=%H', '--', 'corpus/articles', 'corpus/splits.json'], { cwd: root, encoding: 'utf8' }).trim() || null;
} catch {
  corpusCommit = null;
}

const out = {
  provenance: {
    what: 'nkmsg stance reader: multinomial logistic regression over named pair features (src/features.ts)',
    trainedBy: 'npm run train (scripts/train.mjs)',
    corpusCommit,
    trainSha256: corpusHash(train),
    devSha256: corpusHash(dev),
    split: 'train (fitted), dev (temperature)',
    droppedFeatures: dropped,
    settings,
    counts: { trainArticles: train.length, devArticles: dev.length, ...model.counts },
    dev: devScores,
  },
  labels: LABELS,
  temperature,
  weights: model.weights,
};
const target = args.includes('--out') ? path.resolve(args[args.indexOf('--out') + 1]) : committed;
fs.mkdirSync(path.dirname(target), { recursive: true });
// One feature a line, as [feature, cooperative, conflictual, neutral], sorted by feature: a
// reviewable diff when the model is retrained, and the reader finds a row by binary search over
// the lines without parsing the rest (src/reader.ts).
// Characters past ASCII are written as \u escapes: a file of ASCII alone is read into a one-byte
// string, half the memory of the two-byte string that one "é" would make of the whole 3.8 MB.
const byFeature = ([a], [b]) => (a < b ? -1 : a > b ? 1 : 0);
const asciiOnly = (json) => json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
const lines = Object.entries(out.weights).sort(byFeature).map(([f, w]) => `  ${asciiOnly(JSON.stringify([f, ...w]))}`);
const head = JSON.stringify({ provenance: out.provenance, labels: out.labels, temperature: out.temperature }, null, 1).slice(0, -2);
fs.writeFileSync(target, `${head},\n "weights": [\n${lines.join(',\n')}\n ]\n}\n`);
console.log(JSON.stringify(summary));
console.log(`wrote ${target === committed ? 'model/stance.json' : target} (${Object.keys(out.weights).length} features)`);
