#!/usr/bin/env node
// Scores the stance reader the way a user meets it: the whole analysis on each article, scored
// against its gold with the project's scorer, pooled per split. Prints per-split scores for the
// learned reader (both stages), its first stage alone and the rules alone, the confusion matrix, scores per article kind, calibration,
// dev again as typeset text (curly apostrophes and quotes), and a learning curve (25 / 50 / 100 % of train, scored on dev).
// usage: node scripts/eval.mjs [--test] [--json FILE] [--errors] [--no-curve] [--model FILE] [--context FILE]
//   --model, --context  the first and second stage to score (model/stance.json, model/context.json)
//   --test    also score the frozen test split (milestones only; its errors are never printed)
//   --errors  print dev's stance errors, for error analysis
import fs from 'node:fs';
import { analyze } from '../dist/index.js';
import { corpusSplit, fixtureArticles, labelledPairs, LABELS, trainingArticles } from './lib/corpus.mjs';
import { calibrationError, fit, fitTemperature } from './lib/learn.mjs';
import { scoreArticle } from './lib/score.mjs';

const args = process.argv.slice(2);
const withTest = args.includes('--test');
const showErrors = args.includes('--errors');
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : null;

const modelPath = args.includes('--model') ? args[args.indexOf('--model') + 1] : new URL('../model/stance.json', import.meta.url);
const model = JSON.parse(fs.readFileSync(modelPath, 'utf8'));
model.weights = Object.fromEntries(model.weights.map(([feature, ...w]) => [feature, w]));
const contextPath = args.includes('--context') ? args[args.indexOf('--context') + 1] : new URL('../model/context.json', import.meta.url);
const contextModel = JSON.parse(fs.readFileSync(contextPath, 'utf8'));
// Scored with the models as read from their files (the committed ones unless --model / --context name others).
const reading = { model: { weights: model.weights, temperature: model.temperature, provenance: model.provenance }, contextModel };
const firstStage = { ...reading, contextModel: null };

const METADATA = ['title', 'author', 'publisher', 'date'];
const plain = (v) => (v == null ? null : String(v).toLowerCase().replace(/\s+/g, ' ').trim());

/** Counts, per metadata field the expected record has (null included), how often the result's equals it. */
function countMetadata(counts, expected, got) {
  for (const field of METADATA) {
    if (!(field in expected)) continue;
    const c = (counts[field] ??= { right: 0, of: 0 });
    c.of++;
    if (plain(expected[field]) === plain(got[field])) c.right++;
  }
}

const metadataShares = (counts) =>
  Object.fromEntries(Object.entries(counts).map(([field, { right, of }]) => [field, { right, of, share: Number((right / (of || 1)).toFixed(3)) }]));

/** Pooled scores of one reader over articles. */
function score(articles, options) {
  const cm = Object.fromEntries(LABELS.map((l) => [l, Object.fromEntries([...LABELS, 'none'].map((k) => [k, 0]))]));
  const totals = { pairs: 0, right: 0, postures: 0, posturesRight: 0, mtp: 0, mfp: 0, mfn: 0, senders: 0, sendersRight: 0, nullGold: 0, nullGot: 0, nullBoth: 0, xtp: 0, xfp: 0, xfn: 0 };
  const predictions = [];
  const postureGuesses = [];
  const kinds = {};
  const errors = [];
  const metadata = { stated: {}, headers: {} };
  for (const a of articles) {
    const result = analyze(a.text, { actorSet: a.actorSet, ...options });
    countMetadata(metadata.stated, a.stated ?? a.gold.meta, result.meta);
    countMetadata(metadata.headers, a.gold.meta, result.meta);
    const s = scoreArticle(a.gold, result, showErrors);
    for (const l of LABELS) for (const k of [...LABELS, 'none']) cm[l][k] += s.confusion[l][k];
    totals.pairs += s.stancePairs;
    totals.right += Math.round(s.stanceAccuracy * s.stancePairs);
    const [ok, n] = s.postures.split('/').map(Number);
    totals.posturesRight += ok;
    totals.postures += n;
    totals.mtp += s.mentions.tp;
    totals.mfp += s.mentions.fp;
    totals.mfn += s.mentions.fn;
    totals.senders++;
    if (s.sender.ok) totals.sendersRight++;
    if (s.sender.gold === null) totals.nullGold++;
    if (s.sender.got === null) totals.nullGot++;
    if (s.sender.gold === null && s.sender.got === null) totals.nullBoth++;
    totals.xtp += s.messages.tp;
    totals.xfp += s.messages.fp;
    totals.xfn += s.messages.fn;
    const k = (kinds[a.kind] ??= { articles: 0, pairs: 0, right: 0 });
    k.articles++;
    k.pairs += s.stancePairs;
    k.right += Math.round(s.stanceAccuracy * s.stancePairs);
    if (showErrors) errors.push(...(s.errors ?? []).filter((e) => e.startsWith('stance')).map((e) => `${a.name}: ${e}`));
    // Postures' calibration: every gold posture of an actor the analysis gave a likelihood to.
    for (const [actor, posture] of Object.entries(a.gold.postures ?? {})) {
      const got = result.actors.find((x) => x.id === actor);
      if (got?.postureConfidence != null) postureGuesses.push({ confidence: got.postureConfidence, right: got.posture === posture });
    }
    // Calibration: every gold pair the analysis gave a confidence to.
    const bySentence = new Map(result.sentences.map((x) => [x.text.replace(/\s+/g, ' ').trim(), x]));
    for (const g of a.gold.sentences) {
      const p = bySentence.get(g.text);
      for (const [actor, label] of Object.entries(g.stances ?? {})) {
        if (label === 'ambiguous' || !p || p.confidence?.[actor] === undefined) continue;
        predictions.push({ confidence: p.confidence[actor], right: p.stances[actor] === label });
      }
    }
  }
  const f1 = (tp, fp, fn) => (tp ? (2 * tp) / (2 * tp + fp + fn) : 0);
  const macro = LABELS.map((l) => f1(cm[l][l], LABELS.filter((x) => x !== l).reduce((n, x) => n + cm[x][l], 0), Object.entries(cm[l]).reduce((n, [k, v]) => n + (k === l ? 0 : v), 0)));
  const r = (v) => Number(v.toFixed(3));
  return {
    articles: articles.length,
    stancePairs: totals.pairs,
    stanceAccuracy: r(totals.right / (totals.pairs || 1)),
    stanceMacroF1: r(macro.reduce((a, b) => a + b, 0) / 3),
    postureAccuracy: r(totals.posturesRight / (totals.postures || 1)),
    mentionF1: r(f1(totals.mtp, totals.mfp, totals.mfn)),
    senderAccuracy: r(totals.sendersRight / (totals.senders || 1)),
    nullSender: { precision: r(totals.nullBoth / (totals.nullGot || 1)), recall: r(totals.nullBoth / (totals.nullGold || 1)) },
    messageF1: r(f1(totals.xtp, totals.xfp, totals.xfn)),
    calibrationError: predictions.length ? r(calibrationError(predictions)) : null,
    postureCalibrationError: postureGuesses.length ? r(calibrationError(postureGuesses)) : null,
    metadata: metadataShares(metadata.stated),
    metadataHeaders: metadataShares(metadata.headers),
    confusion: cm,
    byKind: Object.fromEntries(Object.entries(kinds).sort().map(([k, v]) => [k, { articles: v.articles, pairs: v.pairs, accuracy: r(v.right / (v.pairs || 1)) }])),
    errors,
  };
}

const splits = { dev: corpusSplit('dev'), fixtures: fixtureArticles() };
if (withTest) splits.test = corpusSplit('test');
const report = {
  model: { temperature: model.temperature, features: Object.keys(model.weights).length, provenance: model.provenance },
  context: { temperature: contextModel.temperature, features: Object.keys(contextModel.weights).length, provenance: contextModel.provenance },
  splits: {},
};
for (const [name, articles] of Object.entries(splits)) {
  const learned = score(articles, reading);
  const first = score(articles, firstStage);
  const rules = score(articles, { reader: 'rules' });
  if (name === 'test') learned.errors = first.errors = rules.errors = [];
  report.splits[name] = { learned, first, rules };
}
// Dev as published text sets it, with typographic apostrophes and quotes: the corpus is written with straight ones.
const typeset = (text) => text.replace(/'/g, '’').replace(/"(?=\S)/g, '“').replace(/"/g, '”');
const typesetAll = (record) => Object.fromEntries(Object.entries(record).map(([k, v]) => [k, typeof v === 'string' ? typeset(v) : v]));
const typesetDev = splits.dev.map((a) => ({
  ...a,
  text: typeset(a.text),
  stated: a.stated && typesetAll(a.stated),
  gold: { ...a.gold, meta: typesetAll(a.gold.meta), sentences: a.gold.sentences.map((s) => ({ ...s, text: typeset(s.text) })) },
}));
report.splits['dev-typeset'] = { learned: score(typesetDev, reading) };
const seed = splits.fixtures.filter((a) => a.name === 'russia-nk-opening');
report.splits.seed = { learned: score(seed, reading), first: score(seed, firstStage), rules: score(seed, { reader: 'rules' }) };

if (!args.includes('--no-curve')) {
  const train = trainingArticles(model.provenance.settings);
  const devPairs = splits.dev.flatMap((a) => labelledPairs(a));
  report.learningCurve = [0.25, 0.5, 1].map((share) => {
    const subset = train.filter((_, i) => Math.floor(i * share) !== Math.floor((i + 1) * share) || share === 1);
    const fitted = fit(subset.flatMap((a) => labelledPairs(a, a.kind === 'fixture' ? model.provenance.settings.fixtureWeight ?? 1 : 1)), model.provenance.settings);
    const temperature = fitTemperature(fitted.weights, devPairs);
    // The first stage alone: the second is fitted on readings of the whole of train.
    const s = score(splits.dev, { model: { weights: fitted.weights, temperature, provenance: {} }, contextModel: null });
    return { share, trainArticles: subset.length, devAccuracy: s.stanceAccuracy, devMacroF1: s.stanceMacroF1 };
  });
}

const line = (name, which, s) =>
  `${name.padEnd(11)} ${which.padEnd(8)} ${String(s.articles).padStart(4)} ${String(s.stancePairs).padStart(6)}  ${s.stanceAccuracy.toFixed(3)}  ${s.stanceMacroF1.toFixed(3)}  ${s.postureAccuracy.toFixed(3)}  ${s.mentionF1.toFixed(3)}  ${s.senderAccuracy.toFixed(3)}  ${s.calibrationError?.toFixed(3) ?? '  -  '}  ${s.postureCalibrationError?.toFixed(3) ?? '  -  '}`;
console.log('split       reader   arts  pairs  stance  macroF1 posture mentions sender  ECE    posture ECE');
for (const [name, { learned, first, rules }] of Object.entries(report.splits)) {
  console.log(line(name, 'learned', learned));
  if (first) console.log(line(name, 'first', first));
  if (rules) console.log(line(name, 'rules', rules));
}
for (const [name, { learned }] of Object.entries(report.splits)) {
  if (name === 'seed' || name === 'dev-typeset') continue;
  console.log(`\n${name}: confusion (gold row, predicted column: coop conf neut none)`);
  for (const l of LABELS) console.log(`  ${l.padEnd(12)} ${[...LABELS, 'none'].map((k) => String(learned.confusion[l][k]).padStart(5)).join(' ')}`);
  console.log(`  by kind: ${Object.entries(learned.byKind).map(([k, v]) => `${k} ${v.accuracy} (${v.pairs})`).join(', ')}`);
  console.log(`  sender null: precision ${learned.nullSender.precision}, recall ${learned.nullSender.recall}`);
  const shares = (m) => Object.entries(m).map(([field, v]) => `${field} ${v.right}/${v.of}`).join(', ');
  console.log(`  metadata as the text states it: ${shares(learned.metadata)}; against the writers' headers: ${shares(learned.metadataHeaders)}`);
}
if (report.learningCurve) {
  console.log('\nlearning curve (dev):');
  for (const p of report.learningCurve) console.log(`  ${String(p.share * 100).padStart(3)} % of train (${p.trainArticles} articles): accuracy ${p.devAccuracy}, macro-F1 ${p.devMacroF1}`);
}
if (showErrors) console.log('\n' + report.splits.dev.learned.errors.join('\n'));
if (jsonOut) {
  for (const s of Object.values(report.splits)) for (const r of Object.values(s)) delete r.errors;
  fs.writeFileSync(jsonOut, JSON.stringify(report, null, 1) + '\n');
}
