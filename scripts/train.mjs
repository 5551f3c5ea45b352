#!/usr/bin/env node
// Trains the stance reader on the corpus's train split, fits its temperature on dev and writes
// model/stance.json with its provenance; then its second stage (src/context.ts), fitted on the
// first stage's out-of-fold readings of train (folds by article), into model/context.json.
// Deterministic: the same corpus and settings give the same files, byte for byte.
// usage: node scripts/train.mjs [--dry] [--out FILE] [--set key=value ...] [--drop-features PREFIX,...]
//   --dry   print dev scores, write nothing (for trying settings on dev)
//   --out   write the model there instead of model/stance.json, and the second stage beside it as
//           context.json (the reproducibility test)
// Settings default to those the committed model records, so a plain run rebuilds it.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { contextFeatures, cueAndRule } from '../dist/context.js';
import { rowsFingerprint } from '../dist/model-index.js';
import { corpusSplit, LABELS, readPairs, trainingArticles } from './lib/corpus.mjs';
import { writeIndexFile } from './lib/stance-index.mjs';
import { calibrationError, CONTEXT_SETTINGS, DEFAULT_SETTINGS, fit, fitTemperature, fitTemperatureOf, fitValued, logits, softmax, valuedLogits } from './lib/learn.mjs';

const root = path.join(path.dirname(new URL(import.meta.url).pathname), '..');
const args = process.argv.slice(2);
const dry = args.includes('--dry');
const committed = path.join(root, 'model', 'stance.json');
const committedContext = path.join(root, 'model', 'context.json');
const recordedIn = (file) => (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')).provenance?.settings : null);
const settings = { ...DEFAULT_SETTINGS, ...(args.includes('--defaults') ? {} : recordedIn(committed)) };
const contextSettings = { ...CONTEXT_SETTINGS, ...(args.includes('--defaults') ? {} : recordedIn(committedContext)) };
args.forEach((a, i) => {
  if (a !== '--set') return;
  const [key, value] = args[i + 1].split('=');
  (key in CONTEXT_SETTINGS ? contextSettings : settings)[key] = Number.isNaN(Number(value)) ? value : Number(value);
});
const dropIdx = args.indexOf('--drop-features');
const dropped = dropIdx >= 0 ? args[dropIdx + 1].split(',') : [];
const keep = (f) => !dropped.some((prefix) => f.startsWith(prefix));

/** Each article's pairs (see readPairs), with the dropped features left out. */
function readArticles(articles) {
  return articles.map((a) => {
    const { all, labelled } = readPairs(a, a.kind === 'fixture' ? settings.fixtureWeight : 1);
    for (const p of all) p.features = p.features.filter(keep);
    for (const p of labelled) p.features = all[p.pair].features;
    return { all, labelled };
  });
}
const train = trainingArticles(settings);
const dev = corpusSplit('dev');
const trainRead = readArticles(train);
const devRead = readArticles(dev);
const trainPairs = trainRead.flatMap((a) => a.labelled);
const devPairs = devRead.flatMap((a) => a.labelled);

const model = fit(trainPairs, settings);
const temperature = fitTemperature(model.weights, devPairs);

/** An article's pairs as the first stage with `weights` reads them (src/context.ts's FirstReading). */
const firstReadings = (article, weights) =>
  article.all.map((p) => ({ sentence: p.sentence, paragraph: p.paragraph, actor: p.actor, probabilities: softmax(logits(weights, p.features), temperature), ...cueAndRule(p.features) }));

/** The second stage's examples of an article: the context features of its labelled pairs, read by a first stage with `weights`. */
function contextExamples(article, weights) {
  const x = contextFeatures(firstReadings(article, weights));
  return article.labelled.map((p) => ({ x: x[p.pair], label: p.label, ...(p.weight !== undefined ? { weight: p.weight } : {}) }));
}

// Out of fold: each train article read by a first stage fitted on the other folds, as the second
// stage will meet unseen text; dev read by the first stage fitted on all of train.
const folds = contextSettings.contextFolds;
const outOfFold = [];
for (let k = 0; k < folds; k++) {
  const foldModel = fit(trainRead.filter((_, i) => i % folds !== k).flatMap((a) => a.labelled), settings);
  trainRead.forEach((a, i) => {
    if (i % folds === k) outOfFold[i] = contextExamples(a, foldModel.weights);
  });
}
const contextTrain = outOfFold.flat();
const contextDev = devRead.flatMap((a) => contextExamples(a, model.weights));
const context = fitValued(contextTrain, contextSettings);
const contextTemperature = fitTemperatureOf(contextDev.map((e) => ({ z: valuedLogits(context.weights, e.x), label: e.label })));

/** Scores of label probabilities `probabilitiesOf(pair)` over labelled pairs. */
function evaluate(pairs, probabilitiesOf) {
  const cm = LABELS.map(() => [0, 0, 0]);
  const predictions = pairs.map((p) => {
    const probs = probabilitiesOf(p);
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

const devScores = evaluate(devPairs, (p) => softmax(logits(model.weights, p.features), temperature));
const contextScores = evaluate(contextDev, (e) => softmax(valuedLogits(context.weights, e.x), contextTemperature));
const summary = {
  settings,
  temperature,
  train: { articles: train.length, ...model.counts },
  dev: { articles: dev.length, ...devScores },
  context: { settings: contextSettings, temperature: contextTemperature, train: context.counts, dev: contextScores },
};
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
const byFeature = ([a], [b]) => (a < b ? -1 : a > b ? 1 : 0);
const rows = Object.entries(out.weights).sort(byFeature).map(([f, w]) => [f, ...w]);
// What model/stance.idx is checked against before it is used (src/model-index.ts).
out.provenance.weightsSha256 = rowsFingerprint(rows);
const target = args.includes('--out') ? path.resolve(args[args.indexOf('--out') + 1]) : committed;
fs.mkdirSync(path.dirname(target), { recursive: true });
// One feature a line, as [feature, cooperative, conflictual, neutral], sorted by feature: a
// reviewable diff when the model is retrained, and the reader finds a row by binary search over
// the lines without parsing the rest (src/reader.ts).
// Characters past ASCII are written as \u escapes: a file of ASCII alone is read into a one-byte
// string, half the memory of the two-byte string that one "é" would make of the whole 5.3 MB.
const asciiOnly = (json) => json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
const lines = rows.map((row) => `  ${asciiOnly(JSON.stringify(row))}`);
const head = JSON.stringify({ provenance: out.provenance, labels: out.labels, temperature: out.temperature }, null, 1).slice(0, -2);
fs.writeFileSync(target, `${head},\n "weights": [\n${lines.join(',\n')}\n ]\n}\n`);
if (target === committed) writeIndexFile(rows);

const contextOut = {
  provenance: {
    what: 'nkmsg stance reader, second stage: multinomial logistic regression over the first stage\'s readings of a pair and of its article (src/context.ts)',
    trainedBy: 'npm run train (scripts/train.mjs)',
    corpusCommit,
    trainSha256: out.provenance.trainSha256,
    devSha256: out.provenance.devSha256,
    split: `train (fitted on the first stage's readings out of ${folds} folds by article), dev (temperature)`,
    firstStage: { settings, droppedFeatures: dropped, dev: devScores },
    settings: contextSettings,
    counts: context.counts,
    dev: contextScores,
  },
  labels: LABELS,
  temperature: contextTemperature,
  weights: Object.fromEntries(Object.entries(context.weights).sort(byFeature)),
};
const contextTarget = target === committed ? committedContext : path.join(path.dirname(target), 'context.json');
fs.writeFileSync(contextTarget, `${JSON.stringify(contextOut, null, 1)}\n`);
console.log(JSON.stringify(summary));
console.log(`wrote ${target === committed ? 'model/stance.json' : target} (${Object.keys(out.weights).length} features)`);
console.log(`wrote ${contextTarget === committedContext ? 'model/context.json' : contextTarget} (${Object.keys(context.weights).length} features)`);
