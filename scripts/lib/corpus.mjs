// The annotated articles the reader learns from and is scored on: the corpus (by split), the
// project's fixtures and the seed; and the (features, gold label) pairs of an article.
import fs from 'node:fs';
import path from 'node:path';
import { analyze, compileActorSet, parseActorFile } from '../../dist/index.js';
import { alignSentences } from './score.mjs';

const root = path.join(path.dirname(new URL(import.meta.url).pathname), '..', '..');
export const LABELS = ['cooperative', 'conflictual', 'neutral'];

function load(dir, name, extra = {}) {
  const actorsPath = path.join(dir, `${name}.actors.json`);
  return {
    name,
    text: fs.readFileSync(path.join(dir, `${name}.txt`), 'utf8'),
    gold: JSON.parse(fs.readFileSync(path.join(dir, `${name}.gold.json`), 'utf8')),
    actorSet: fs.existsSync(actorsPath) ? compileActorSet(parseActorFile(JSON.parse(fs.readFileSync(actorsPath, 'utf8')))) : undefined,
    ...extra,
  };
}

/**
 * Corpus articles of one split ('train', 'dev', 'test'), in name order, with their manifest row and
 * `stated`: the metadata as the text states it (corpus/meta.json, annotated blind by docs/ANALYSIS.md §1a).
 */
export function corpusSplit(split) {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'corpus', 'manifest.json'), 'utf8'));
  const stated = JSON.parse(fs.readFileSync(path.join(root, 'corpus', 'meta.json'), 'utf8'));
  return manifest.filter((r) => r.split === split).map((r) => {
    const article = load(path.join(root, 'corpus', 'articles'), r.name, { kind: r.kind, row: r });
    return { ...article, stated: { title: article.gold.meta.title, ...stated[r.name] } };
  });
}

/** The project's fixtures with gold (the data the rules were developed on), the seed among them. */
export function fixtureArticles() {
  const dir = path.join(root, 'fixtures');
  return fs.readdirSync(dir).filter((f) => f.endsWith('.gold.json')).sort().map((f) => load(dir, f.replace(/\.gold\.json$/, ''), { kind: 'fixture' }));
}

/**
 * The article's (sentence, actor) pairs as the analysis found them, in text order (`all`: sentence,
 * paragraph, actor, the features the analysis computed), and those that gold labels (`labelled`:
 * features, gold label and `pair`, the index of the pair in `all`), in gold's order. Ambiguous gold
 * is left out.
 */
export function readPairs(article, weight = 1) {
  const features = new Map();
  const result = analyze(article.text, { actorSet: article.actorSet, reader: 'rules', onFeatures: (i, f) => features.set(i, f) });
  const all = [];
  const at = new Map();
  for (const [sentence, byActor] of features) {
    for (const [actor, f] of byActor) {
      at.set(`${sentence}\t${actor}`, all.length);
      all.push({ sentence, paragraph: result.sentences[sentence].paragraph, actor, features: f });
    }
  }
  const { align } = alignSentences(article.gold, result);
  const labelled = [];
  article.gold.sentences.forEach((g, i) => {
    const p = align[i];
    if (!p) return;
    for (const [actor, label] of Object.entries(g.stances ?? {})) {
      if (label === 'ambiguous') continue;
      const pair = at.get(`${p.index}\t${actor}`);
      if (pair !== undefined) labelled.push({ features: all[pair].features, label: LABELS.indexOf(label), ...(weight !== 1 ? { weight } : {}), pair });
    }
  });
  return { all, labelled };
}

/** The article's (sentence, actor) pairs that gold labels and the analysis found: their features and gold label. */
export const labelledPairs = (article, weight = 1) => readPairs(article, weight).labelled;

/** What the reader is fitted on: the train split, and with `withFixtures` the project's fixtures too. */
export function trainingArticles(settings) {
  return [...corpusSplit('train'), ...(settings.withFixtures ? fixtureArticles() : [])];
}
