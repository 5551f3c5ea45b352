#!/usr/bin/env node
// Rebuilds corpus/articles from the sheets, writes corpus/manifest.json (one row per article: kind,
// date, sender, layout, writer, words, pairs, split) and gives each new article a split.
// Splits are stratified by kind (60 % train, 20 % dev, 20 % test) and frozen: an article keeps the
// split it was first given, so adding articles never moves one between splits. Once
// corpus/test-frozen.json exists (the test split's names, written once), new articles go to train
// and dev only (75 / 25): the test split is never added to. Batches 3 and 4 (slots after a880,
// see plan.mjs) go to train only: dev's 8,400 pairs already measure to about 0.005, and the
// learning curve says training text is what pays.
// usage: node corpus/tools/build.mjs
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { buildArticle, parseSheet } from './sheet.mjs';

const root = path.join(path.dirname(new URL(import.meta.url).pathname), '..');
const sheetsDir = path.join(root, 'sheets');
const articlesDir = path.join(root, 'articles');
const splitsPath = path.join(root, 'splits.json');
const manifestPath = path.join(root, 'manifest.json');
const frozenPath = path.join(root, 'test-frozen.json');
const TARGETS = fs.existsSync(frozenPath) ? { train: 0.75, dev: 0.25 } : { train: 0.6, dev: 0.2, test: 0.2 };

const sheets = fs.readdirSync(sheetsDir).flatMap((writer) =>
  fs.readdirSync(path.join(sheetsDir, writer)).filter((f) => f.endsWith('.sheet')).map((f) => ({ writer, file: path.join(sheetsDir, writer, f) })),
).sort((a, b) => (path.basename(a.file) < path.basename(b.file) ? -1 : 1));

fs.mkdirSync(articlesDir, { recursive: true });
const rows = [];
let failed = 0;
for (const { writer, file } of sheets) {
  const name = path.basename(file, '.sheet');
  const sheet = parseSheet(fs.readFileSync(file, 'utf8'), path.basename(file));
  const built = buildArticle(sheet, name);
  const errors = [...sheet.errors, ...built.errors];
  if (errors.length) {
    failed++;
    console.log(`FAIL ${name}: ${errors[0]}`);
    continue;
  }
  fs.writeFileSync(path.join(articlesDir, `${name}.txt`), built.text);
  fs.writeFileSync(path.join(articlesDir, `${name}.gold.json`), JSON.stringify(built.gold, null, 1) + '\n');
  const actors = file.replace(/\.sheet$/, '.actors.json');
  if (fs.existsSync(actors)) fs.copyFileSync(actors, path.join(articlesDir, `${name}.actors.json`));
  const pairs = built.gold.sentences.reduce((n, s) => n + Object.values(s.stances ?? {}).filter((v) => v !== 'ambiguous').length, 0);
  const h = sheet.header;
  rows.push({
    name,
    kind: h.kind ?? 'unknown',
    date: h.date,
    sender: built.gold.sender,
    actors: fs.existsSync(actors) ? 'own' : 'default',
    layout: [h.layout === 'crlf' ? 'crlf' : null, Number(h.wrap ?? 0) ? 'wrapped' : null, h.bom === 'yes' ? 'bom' : null].filter(Boolean).join('+') || 'plain',
    writer,
    words: (built.text.match(/\S+/g) ?? []).length,
    pairs,
  });
}

// Only articles whose gold passes the shared validator enter the manifest (an annotator may be mid-fix).
const validator = process.env.NKMSG_VALIDATOR ?? path.join(root, '..', '..', 'shared', 'tools', 'validate-gold.mjs');
let report = '';
try {
  report = execFileSync(process.execPath, [validator, articlesDir], { encoding: 'utf8', maxBuffer: 1 << 26 });
} catch (error) {
  report = String(error.stdout ?? '');
}
const invalid = new Set([...report.matchAll(/^FAIL (\S+)\.gold\.json/gm)].map((m) => m[1]));
for (const name of invalid) console.log(`invalid gold, left out: ${name}`);
rows.splice(0, rows.length, ...rows.filter((r) => !invalid.has(r.name)));

const splits = fs.existsSync(splitsPath) ? JSON.parse(fs.readFileSync(splitsPath, 'utf8')) : {};
const hash = (s) => createHash('sha256').update(s).digest('hex');
const fresh = rows.filter((r) => !(r.name in splits)).sort((a, b) => (hash(a.name) < hash(b.name) ? -1 : 1));
const TRAIN_ONLY_AFTER_SLOT = 880;
for (const row of fresh) {
  if (Number(/^a(\d+)-/.exec(row.name)?.[1] ?? 0) > TRAIN_ONLY_AFTER_SLOT) {
    splits[row.name] = 'train';
    continue;
  }
  const same = rows.filter((r) => r.kind === row.kind && r.name in splits && splits[r.name] in TARGETS);
  const count = (split) => same.filter((r) => splits[r.name] === split).length;
  const n = same.length + 1;
  let best = 'train';
  let deficit = -Infinity;
  for (const [split, share] of Object.entries(TARGETS)) {
    const d = share * n - count(split);
    if (d > deficit + 1e-9) {
      deficit = d;
      best = split;
    }
  }
  splits[row.name] = best;
}
for (const r of rows) r.split = splits[r.name];
if (fs.existsSync(frozenPath)) {
  const frozen = new Set(JSON.parse(fs.readFileSync(frozenPath, 'utf8')));
  const test = Object.keys(splits).filter((n) => splits[n] === 'test');
  const moved = [...test.filter((n) => !frozen.has(n)), ...[...frozen].filter((n) => splits[n] !== 'test')];
  if (moved.length) throw new Error(`the frozen test split changed: ${moved.join(', ')}`);
}
const sorted = Object.fromEntries(Object.entries(splits).sort(([a], [b]) => (a < b ? -1 : 1)));
fs.writeFileSync(splitsPath, JSON.stringify(sorted, null, 1) + '\n');
fs.writeFileSync(manifestPath, JSON.stringify(rows, null, 1) + '\n');
const by = (key) => rows.reduce((m, r) => ((m[r[key]] = (m[r[key]] ?? 0) + 1), m), {});
console.log(`${rows.length} articles (${failed} sheets failing), ${rows.reduce((n, r) => n + r.pairs, 0)} pairs; splits ${JSON.stringify(by('split'))}`);
