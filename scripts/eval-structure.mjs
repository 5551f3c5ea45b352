#!/usr/bin/env node
// Scores the structure stage (src/structure.ts) against mentions whose part in their clause was
// labelled by hand, blind to the code (corpus/structure/sample-N.tsv; how they were made:
// corpus/structure/README.md): per sample, the share of roles right, the share of hand-labelled
// agents and targets read right, and precision, recall and F1 per label (so that reading agent or
// target where the hand says place or other costs what it should).
// usage: npm run build && node scripts/eval-structure.mjs [--json] [--errors]
import fs from 'node:fs';
import path from 'node:path';
import { analyze } from '../dist/index.js';
import { corpusSplit } from './lib/corpus.mjs';

const root = path.join(path.dirname(new URL(import.meta.url).pathname), '..');
const dir = path.join(root, 'corpus', 'structure');
const args = process.argv.slice(2);
/** The stage's roles as the hand labels name them: "of" and "noverb" are neither agent, target, place nor topic. */
const AS_LABELLED = { agent: 'agent', target: 'target', place: 'place', topic: 'topic', of: 'other', noverb: 'other' };

function readSample(file) {
  const [header, ...lines] = fs.readFileSync(file, 'utf8').trim().split('\n');
  const keys = header.split('\t');
  return lines.map((line) => Object.fromEntries(line.split('\t').map((v, i) => [keys[i], /^\d+$/.test(v) && keys[i] !== 'surface' ? Number(v) : v])));
}

/** A second annotator's labels of a sample (sample-N.second.tsv), by item id, where there is one. */
function readSecond(name) {
  const file = path.join(dir, `${name}.second.tsv`);
  return fs.existsSync(file) ? new Map(readSample(file).map((x) => [x.id, x.role])) : null;
}
const samples = fs.readdirSync(dir).filter((f) => /^sample-\d+\.tsv$/.test(f)).sort().map((f) => {
  const name = f.replace(/\.tsv$/, '');
  return { name, items: readSample(path.join(dir, f)), second: readSecond(name) };
});
const wanted = new Set(samples.flatMap((s) => s.items.map((x) => x.article)));
const roles = new Map();
for (const article of corpusSplit('dev').filter((a) => wanted.has(a.name))) {
  const sentences = new Map();
  const result = analyze(article.text, {
    actorSet: article.actorSet,
    onStructure: (index, readings) => sentences.set(index, readings),
  });
  for (const s of result.sentences) for (const r of sentences.get(s.index) ?? []) roles.set(`${article.name}|${s.index}|${r.mention.start - s.start}`, AS_LABELLED[r.role]);
}

const LABELS = ['agent', 'target', 'place', 'topic', 'other'];
const share = (a, b) => (b === 0 ? 0 : Math.round((a / b) * 1000) / 1000);

/** How far two annotators agree: share of roles, of the first one's agents and targets, and Cohen's kappa. */
function agreement(items, second) {
  const both = items.filter((x) => second.has(x.id));
  const same = both.filter((x) => second.get(x.id) === x.role).length;
  const agentTarget = both.filter((x) => x.role === 'agent' || x.role === 'target');
  const chance = LABELS.reduce((sum, label) => sum + (both.filter((x) => x.role === label).length / both.length) * (both.filter((x) => second.get(x.id) === label).length / both.length), 0);
  const observed = same / both.length;
  return {
    items: both.length,
    rolesAgreed: share(same, both.length),
    agentTargetAgreed: share(agentTarget.filter((x) => second.get(x.id) === x.role).length, agentTarget.length),
    kappa: share(observed - chance, 1 - chance),
  };
}

const report = samples.map(({ name, items, second }) => {
  let right = 0, agentTarget = 0, agentTargetRight = 0;
  const confusion = {};
  const errors = [];
  for (const x of items) {
    const got = roles.get(`${x.article}|${x.sentence}|${x.start}`) ?? 'missing';
    (confusion[x.role] ??= {})[got] = (confusion[x.role][got] ?? 0) + 1;
    if (got === x.role) right++;
    else errors.push(`${name} #${x.id} ${x.article} sentence ${x.sentence} "${x.surface}": hand ${x.role}, got ${got}`);
    if (x.role === 'agent' || x.role === 'target') {
      agentTarget++;
      if (got === x.role) agentTargetRight++;
    }
  }
  const missing = items.filter((x) => !roles.has(`${x.article}|${x.sentence}|${x.start}`)).length;
  const labels = {};
  for (const label of LABELS) {
    const tp = confusion[label]?.[label] ?? 0;
    const hand = Object.values(confusion[label] ?? {}).reduce((a, b) => a + b, 0);
    const read = Object.values(confusion).reduce((n, row) => n + (row[label] ?? 0), 0);
    const precision = share(tp, read);
    const recall = share(tp, hand);
    labels[label] = { hand, read, precision, recall, f1: share(2 * precision * recall, precision + recall) };
  }
  let humans = null;
  if (second) {
    // The stage against the items both annotators read alike: the labels that are not in doubt.
    const agreed = items.filter((x) => second.get(x.id) === x.role);
    const read = (x) => roles.get(`${x.article}|${x.sentence}|${x.start}`);
    const agreedAgentTarget = agreed.filter((x) => x.role === 'agent' || x.role === 'target');
    humans = {
      ...agreement(items, second),
      stageOnAgreed: { items: agreed.length, rolesRight: share(agreed.filter((x) => read(x) === x.role).length, agreed.length), agentsAndTargets: agreedAgentTarget.length, agentTargetRight: share(agreedAgentTarget.filter((x) => read(x) === x.role).length, agreedAgentTarget.length) },
    };
  }
  return { sample: name, mentions: items.length, missing, rolesRight: share(right, items.length), agentsAndTargets: agentTarget, agentTargetRight: share(agentTargetRight, agentTarget), labels, confusion, humans, errors };
});

if (args.includes('--json')) console.log(JSON.stringify(report.map(({ errors, ...r }) => r), null, 1));
else {
  console.log('sample     mentions  roles right  agents+targets  right');
  for (const r of report) {
    console.log(`${r.sample.padEnd(10)} ${String(r.mentions).padStart(8)}  ${r.rolesRight.toFixed(3).padStart(11)}  ${String(r.agentsAndTargets).padStart(14)}  ${r.agentTargetRight.toFixed(3)}${r.missing ? `  (${r.missing} not found)` : ''}`);
    if (r.humans) {
      const h = r.humans;
      console.log(`           two annotators: roles agreed ${h.rolesAgreed.toFixed(3)}, agents+targets ${h.agentTargetAgreed.toFixed(3)}, kappa ${h.kappa.toFixed(3)}; the stage on the ${h.stageOnAgreed.items} agreed: roles ${h.stageOnAgreed.rolesRight.toFixed(3)}, agents+targets ${h.stageOnAgreed.agentTargetRight.toFixed(3)} of ${h.stageOnAgreed.agentsAndTargets}`);
    }
    console.log(`           ${Object.entries(r.labels).map(([label, l]) => `${label} P ${l.precision.toFixed(2)} R ${l.recall.toFixed(2)} F1 ${l.f1.toFixed(2)}`).join(' | ')}`);
  }
  if (args.includes('--errors')) for (const r of report) for (const e of r.errors) console.log(e);
}
