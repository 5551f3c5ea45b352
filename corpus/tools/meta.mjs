#!/usr/bin/env node
// The corpus's metadata as each article's text states it (docs/ANALYSIS.md §1a), annotated blind:
// first annotators read every article (corpus/meta/first.json), a second annotator a sample
// (second.json); an adjudicator decided the disagreements and the cases the annotators marked
// unclear (adjudicated.json, reasons in decisions.txt). This writes corpus/meta.json (first, with
// the adjudicator's decisions) and prints the agreement of the two annotations as made.
//   node corpus/tools/meta.mjs
// The gold files' own `meta` keeps the writers' headers (the shared gold format requires a
// publisher and a full date, even where the text gives neither).
import fs from 'node:fs';
import path from 'node:path';

const root = path.join(path.dirname(new URL(import.meta.url).pathname), '..');
const read = (name) => JSON.parse(fs.readFileSync(path.join(root, 'meta', name), 'utf8'));
const FIELDS = ['author', 'publisher', 'date'];
const plain = (v) => (v == null ? null : String(v).toLowerCase().replace(/\s+/g, ' ').trim());

const first = read('first.json');
const second = read('second.json');
const adjudicated = read('adjudicated.json');
const names = JSON.parse(fs.readFileSync(path.join(root, 'manifest.json'), 'utf8')).map((r) => r.name);

const missing = names.filter((n) => !first[n]);
if (missing.length) throw new Error(`no first annotation for ${missing.join(', ')}`);
for (const [name, m] of Object.entries({ ...first, ...second, ...adjudicated })) {
  if (!names.includes(name)) throw new Error(`${name} is not a corpus article`);
  if (m.date !== null && !/^\d{4}-\d{2}-\d{2}$/.test(m.date)) throw new Error(`${name}: date ${m.date} is not YYYY-MM-DD`);
}

const meta = Object.fromEntries(names.sort().map((n) => [n, Object.fromEntries(FIELDS.map((f) => [f, (adjudicated[n] ?? first[n])[f]]))]));
fs.writeFileSync(path.join(root, 'meta.json'), JSON.stringify(meta, null, 1) + '\n');

const sampled = Object.keys(second);
const agreement = Object.fromEntries(FIELDS.map((f) => [f, sampled.filter((n) => plain(first[n][f]) === plain(second[n][f])).length / sampled.length]));
const nulls = Object.fromEntries(FIELDS.map((f) => [f, Object.values(meta).filter((m) => m[f] === null).length]));
const changed = Object.fromEntries(FIELDS.map((f) => [f, Object.keys(adjudicated).filter((n) => plain(adjudicated[n][f]) !== plain(first[n][f])).length]));
const report = { articles: names.length, sampled: sampled.length, agreement, adjudicated: Object.keys(adjudicated).length, changedByAdjudication: changed, nulls };
fs.writeFileSync(path.join(root, 'meta', 'report.json'), JSON.stringify(report, null, 1) + '\n');
console.log(JSON.stringify(report));
