#!/usr/bin/env node
// A second, independent annotation of a sample of the corpus, and the agreement between the two.
//   node corpus/tools/agreement.mjs sample N [--after-slot S]
//                                                  choose N more articles of train and dev (stratified
//                                                  by kind, deterministic; those chosen before stay)
//                                                  and write their sentence lists; with --after-slot,
//                                                  only articles of slots after S (a later batch)
//   node corpus/tools/agreement.mjs score          Cohen's kappa on stance, mention, posture and
//                                                  sender agreement, between the two annotations as
//                                                  made (before adjudication); the disagreements not
//                                                  yet adjudicated go to disagreements.txt
// The second annotator sees the article and its numbered analysed sentences (corpus/agreement/
// NAME.sentences.txt), never the first gold, and writes NAME.second.txt:
//   sender: moscow | none
//   12: seoul C; tokyo K          (sentence index: actor and label per actor it finds mentioned)
// The test split is never sampled, so adjudication never touches it.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const root = path.join(path.dirname(new URL(import.meta.url).pathname), '..');
const dir = path.join(root, 'agreement');
const LABEL = { C: 'cooperative', K: 'conflictual', N: 'neutral', A: 'ambiguous' };
const ANALYSED = new Set(['title', 'deck', 'body']);
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'manifest.json'), 'utf8'));
const gold = (name) => JSON.parse(fs.readFileSync(path.join(root, 'articles', `${name}.gold.json`), 'utf8'));

function posture(t) {
  const c = t.cooperative ?? 0;
  const k = t.conflictual ?? 0;
  if (c > 0 && c >= 2 * k) return 'friendly';
  if (k > 0 && k >= 2 * c) return 'hostile';
  if (c > 0 && k > 0) return 'mixed';
  return 'neutral';
}

/** Chooses `n` more articles of train and dev (all of them the first time), keeping those chosen before. */
function sample(n, afterSlot = 0) {
  fs.mkdirSync(dir, { recursive: true });
  const samplePath = path.join(dir, 'sample.json');
  const before = fs.existsSync(samplePath) ? JSON.parse(fs.readFileSync(samplePath, 'utf8')) : [];
  const hash = (s) => createHash('sha256').update(`agreement:${s}`).digest('hex');
  const slot = (name) => Number(/^a(\d+)-/.exec(name)?.[1] ?? 0);
  const pool = manifest.filter((r) => r.split !== 'test' && !before.includes(r.name) && slot(r.name) > afterSlot).sort((a, b) => (hash(a.name) < hash(b.name) ? -1 : 1));
  const kinds = [...new Set(pool.map((r) => r.kind))].sort();
  const chosen = [];
  // Round-robin over kinds, so the sample has the corpus's mix.
  const queues = kinds.map((k) => pool.filter((r) => r.kind === k));
  while (chosen.length < n && queues.some((q) => q.length)) for (const q of queues) if (q.length && chosen.length < n) chosen.push(q.shift());
  for (const r of chosen) {
    const g = gold(r.name);
    const lines = g.sentences.filter((s) => ANALYSED.has(s.role)).map((s) => `${s.index}: ${s.text}`);
    const actors = fs.existsSync(path.join(root, 'articles', `${r.name}.actors.json`)) ? `actor file: corpus/articles/${r.name}.actors.json` : 'actors: the default six';
    fs.writeFileSync(path.join(dir, `${r.name}.sentences.txt`), `article: corpus/articles/${r.name}.txt\n${actors}\n\n${lines.join('\n')}\n`);
  }
  fs.writeFileSync(samplePath, JSON.stringify([...before, ...chosen.map((r) => r.name)], null, 1) + '\n');
  console.log(`${chosen.length} more articles sampled (${before.length + chosen.length} in all): ${JSON.stringify(chosen.reduce((m, r) => ((m[r.kind] = (m[r.kind] ?? 0) + 1), m), {}))}`);
  return chosen.map((r) => r.name);
}

function parseSecond(text) {
  const out = { sender: undefined, stances: new Map() };
  for (const line of text.split(/\r?\n/)) {
    const s = /^sender:\s*(\S+)/.exec(line);
    if (s) out.sender = s[1] === 'none' ? null : s[1];
    const m = /^(\d+):\s*(.*)$/.exec(line);
    if (!m) continue;
    const labels = {};
    for (const part of m[2].split(';').map((x) => x.trim()).filter(Boolean)) {
      const p = /^([a-z]+)\s+([CKNA])$/.exec(part);
      if (p) labels[p[1]] = LABEL[p[2]];
    }
    out.stances.set(Number(m[1]), labels);
  }
  return out;
}

function kappa(pairs) {
  const labels = ['cooperative', 'conflictual', 'neutral', 'ambiguous'];
  const n = pairs.length;
  if (!n) return null;
  const agree = pairs.filter(([a, b]) => a === b).length / n;
  const expected = labels.reduce((e, l) => e + (pairs.filter(([a]) => a === l).length / n) * (pairs.filter(([, b]) => b === l).length / n), 0);
  return (agree - expected) / (1 - expected);
}

/**
 * The first annotator's labels as they were before adjudication: an adjudicated batch's
 * disagreements (disagreements-K.txt) record them; elsewhere the gold still has them.
 */
function originalFirstLabels() {
  const original = new Map();
  for (const f of fs.readdirSync(dir).filter((x) => /^disagreements-\d+\.txt$/.test(x))) {
    for (const line of fs.readFileSync(path.join(dir, f), 'utf8').split('\n')) {
      const m = /^(\S+) #(\d+) ([a-z]+): first ([a-z]+), second ([a-z]+)/.exec(line);
      if (m) original.set(`${m[1]} #${m[2]} ${m[3]}`, m[4]);
    }
  }
  return original;
}

function score() {
  const names = JSON.parse(fs.readFileSync(path.join(dir, 'sample.json'), 'utf8')).filter((n) => fs.existsSync(path.join(dir, `${n}.second.txt`)));
  const original = originalFirstLabels();
  const pairs = [];
  let mentionBoth = 0;
  let mentionFirst = 0;
  let mentionSecond = 0;
  let postures = 0;
  let posturesSame = 0;
  let senders = 0;
  let sendersSame = 0;
  const disagreements = [];
  const perArticle = [];
  for (const name of names) {
    const g = gold(name);
    const second = parseSecond(fs.readFileSync(path.join(dir, `${name}.second.txt`), 'utf8'));
    const tallies = [{}, {}];
    let local = 0;
    let localSame = 0;
    for (const s of g.sentences) {
      if (!ANALYSED.has(s.role)) continue;
      const a = Object.fromEntries(Object.entries(s.stances ?? {}).map(([actor, label]) => [actor, original.get(`${name} #${s.index} ${actor}`) ?? label]));
      const b = second.stances.get(s.index) ?? {};
      for (const [t, labels] of [[tallies[0], a], [tallies[1], b]]) {
        for (const [actor, label] of Object.entries(labels)) {
          t[actor] ??= { cooperative: 0, conflictual: 0, neutral: 0 };
          if (label !== 'ambiguous') t[actor][label]++;
        }
      }
      for (const actor of new Set([...Object.keys(a), ...Object.keys(b)])) {
        if (actor in a && actor in b) {
          mentionBoth++;
          pairs.push([a[actor], b[actor]]);
          local++;
          if (a[actor] === b[actor]) localSame++;
          else if (!original.has(`${name} #${s.index} ${actor}`)) disagreements.push(`${name} #${s.index} ${actor}: first ${a[actor]}, second ${b[actor]} | ${s.text}`);
        } else if (actor in a) mentionFirst++;
        else mentionSecond++;
      }
    }
    for (const actor of new Set([...Object.keys(tallies[0]), ...Object.keys(tallies[1])])) {
      if (actor === g.sender) continue;
      postures++;
      if (posture(tallies[0][actor] ?? {}) === posture(tallies[1][actor] ?? {})) posturesSame++;
    }
    if (second.sender !== undefined) {
      senders++;
      if (second.sender === g.sender) sendersSame++;
    }
    perArticle.push({ name, pairs: local, agreement: local ? Number((localSame / local).toFixed(3)) : null });
  }
  const r = (v) => (v === null ? null : Number(v.toFixed(3)));
  const report = {
    articles: names.length,
    stancePairs: pairs.length,
    stanceAgreement: r(pairs.filter(([a, b]) => a === b).length / (pairs.length || 1)),
    stanceKappa: r(kappa(pairs)),
    mentionAgreement: r(mentionBoth / (mentionBoth + mentionFirst + mentionSecond || 1)),
    postureAgreement: r(posturesSame / (postures || 1)),
    postures,
    senderAgreement: r(sendersSame / (senders || 1)),
    perArticle,
  };
  fs.writeFileSync(path.join(dir, 'report.json'), JSON.stringify(report, null, 1) + '\n');
  fs.writeFileSync(path.join(dir, 'disagreements.txt'), disagreements.join('\n') + '\n');
  const { perArticle: _, ...summary } = report;
  console.log(JSON.stringify(summary));
}

const [command, arg, ...rest] = process.argv.slice(2);
const afterSlot = rest[0] === '--after-slot' ? Number(rest[1]) : 0;
if (command === 'sample') sample(Number(arg ?? 60), afterSlot);
else if (command === 'score') score();
else console.error('usage: agreement.mjs sample N [--after-slot S] | score');
