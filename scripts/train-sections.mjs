#!/usr/bin/env node
// Trains the section chooser (src/sections.ts) on the corpus's train split and writes
// model/sections.json with its provenance. Each body sentence of an article with a sender is an
// example: its candidates given the gold section the previous sentence was in, and the gold receiver
// among them. Deterministic: the same corpus and settings give the same file, byte for byte.
// usage: npm run build && node scripts/train-sections.mjs [--dry] [--out FILE] [--set key=value ...]
//   --dry   print dev's message-section F1 with the chooser and with the rule, write nothing
import fs from 'node:fs';
import path from 'node:path';
import { analyze } from '../dist/index.js';
import { sectionCandidates } from '../dist/sections.js';
import { corpusSplit } from './lib/corpus.mjs';
import { alignSentences, scoreArticle } from './lib/score.mjs';
import { CHOOSER_SETTINGS, fitChooser, fitChooserTemperature } from './lib/choose.mjs';

const root = path.join(path.dirname(new URL(import.meta.url).pathname), '..');
const args = process.argv.slice(2);
const out = args.includes('--out') ? args[args.indexOf('--out') + 1] : path.join(root, 'model', 'sections.json');
const settings = { ...CHOOSER_SETTINGS, epochs: 30 };
args.forEach((a, i) => {
  if (a === '--set') {
    const [key, value] = args[i + 1].split('=');
    settings[key] = Number(value);
  }
});

/** An article's examples: per body sentence gold reads, its candidates and the gold one's index. */
function examples(article) {
  if (article.gold.sender === null) return [];
  let view = null;
  const result = analyze(article.text, { actorSet: article.actorSet, reader: 'rules', sender: article.gold.sender, sectionModel: null, onSections: (v) => (view = v) });
  const { align } = alignSentences(article.gold, result);
  const goldAt = new Map();
  article.gold.sentences.forEach((g, i) => { if (align[i]) goldAt.set(align[i].index, g.messageTo ?? null); });
  const found = [];
  let current = null;
  let since = 0;
  const addressed = new Set();
  for (const s of result.sentences) {
    const candidates = sectionCandidates(view, s.index, { current, addressed: new Set(addressed), since });
    if (!candidates) continue;
    if (!goldAt.has(s.index)) { since++; continue; }
    const want = goldAt.get(s.index);
    found.push({ candidates, right: candidates.findIndex((c) => c.actor === want) });
    since = want === current ? since + 1 : 0;
    current = want;
    if (want !== null) addressed.add(want);
  }
  return found;
}

const train = corpusSplit('train').flatMap(examples);
const usable = train.filter((e) => e.right >= 0);
console.error(`train: ${train.length} sentences, ${usable.length} with the gold receiver among the candidates`);
const weights = fitChooser(usable, settings);

function messageF1(articles, options) {
  let tp = 0, fp = 0, fn = 0;
  for (const a of articles) {
    const m = scoreArticle(a.gold, analyze(a.text, { actorSet: a.actorSet, reader: 'rules', ...options(a) })).messages;
    tp += m.tp; fp += m.fp; fn += m.fn;
  }
  return Number(((2 * tp) / (2 * tp + fp + fn)).toFixed(4));
}
if (args.includes('--dry')) {
  const dev = corpusSplit('dev');
  const withSender = dev.filter((a) => a.gold.sender !== null);
  const model = { weights, temperature: 1, provenance: {} };
  console.log(JSON.stringify({
    devChosenSender: { chooser: messageF1(dev, () => ({ sectionModel: model })), rule: messageF1(dev, () => ({ sectionModel: null })) },
    devGoldSender: { chooser: messageF1(withSender, (a) => ({ sender: a.gold.sender, sectionModel: model })), rule: messageF1(withSender, (a) => ({ sender: a.gold.sender, sectionModel: null })) },
    weights,
  }, null, 1));
  process.exit(0);
}
const model = { provenance: { trainedOn: 'corpus train split', sentences: train.length, usable: usable.length, settings }, temperature: 1, weights };
fs.writeFileSync(out, JSON.stringify(model, null, 1) + '\n');
console.log(`wrote ${path.relative(root, out)}: ${Object.keys(weights).length} weights`);
