#!/usr/bin/env node
// Trains the sender chooser (src/sender.ts) on the corpus's train split and writes model/sender.json
// with its provenance; its temperature is fitted on out-of-fold predictions over train, so that the
// sender's confidence means what it says. Deterministic: the same corpus and settings give the same
// file, byte for byte.
// usage: npm run build && node scripts/train-sender.mjs [--dry] [--out FILE] [--set key=value ...]
//   --dry   print train (out-of-fold) and dev accuracy, write nothing
import fs from 'node:fs';
import path from 'node:path';
import { analyze } from '../dist/index.js';
import { corpusSplit } from './lib/corpus.mjs';
import { CHOOSER_SETTINGS, chances, fitChooser, fitChooserTemperature } from './lib/choose.mjs';

const root = path.join(path.dirname(new URL(import.meta.url).pathname), '..');
const args = process.argv.slice(2);
const out = args.includes('--out') ? args[args.indexOf('--out') + 1] : path.join(root, 'model', 'sender.json');
const settings = { ...CHOOSER_SETTINGS };
args.forEach((a, i) => {
  if (a === '--set') {
    const [key, value] = args[i + 1].split('=');
    settings[key] = Number(value);
  }
});

/** An article's candidates, and which is the gold sender (null where gold names no candidate). */
function example(article) {
  let candidates = [];
  analyze(article.text, { actorSet: article.actorSet, reader: 'rules', senderModel: null, onSenderCandidates: (c) => (candidates = c) });
  const right = candidates.findIndex((c) => c.actor === article.gold.sender);
  return { name: article.name, candidates, right };
}

const train = corpusSplit('train').map(example);
const usable = train.filter((e) => e.right >= 0);
const outOfFold = [];
for (let fold = 0; fold < settings.folds; fold++) {
  const weights = fitChooser(usable.filter((_, i) => i % settings.folds !== fold), settings);
  for (const e of usable.filter((_, i) => i % settings.folds === fold)) outOfFold.push({ ...e, weights });
}
const temperature = fitChooserTemperature(outOfFold);
const weights = fitChooser(usable, settings);
const accuracy = (examples, w) => examples.filter((e) => { const p = chances(w ?? e.weights, e.candidates); return p.indexOf(Math.max(...p)) === e.right; }).length / examples.length;
const summary = { trainArticles: train.length, usable: usable.length, outOfFoldAccuracy: Number(((accuracy(outOfFold) * usable.length) / train.length).toFixed(4)), temperature };
if (args.includes('--dry')) {
  const dev = corpusSplit('dev').map(example);
  const devRight = dev.filter((e) => e.right >= 0 && (() => { const p = chances(weights, e.candidates); return p.indexOf(Math.max(...p)) === e.right; })()).length;
  console.log(JSON.stringify({ ...summary, devAccuracy: Number((devRight / dev.length).toFixed(4)), weights }, null, 1));
  process.exit(0);
}
const model = { provenance: { trainedOn: 'corpus train split', ...summary, settings }, temperature, weights };
fs.writeFileSync(out, JSON.stringify(model, null, 1) + '\n');
console.log(`wrote ${path.relative(root, out)}: ${Object.keys(weights).length} weights, temperature ${temperature}, out-of-fold train accuracy ${summary.outOfFoldAccuracy}`);
