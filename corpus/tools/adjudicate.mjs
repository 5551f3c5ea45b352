#!/usr/bin/env node
// Applies an adjudicator's decisions on the two annotations' disagreements to the first
// annotation's sheets, then leaves rebuilding to tools/build.mjs.
// usage: node corpus/tools/adjudicate.mjs corpus/agreement/decisions.txt
// Each decision line: NAME #INDEX actor LABEL | reason   (LABEL: C, K, N or A)
import fs from 'node:fs';
import path from 'node:path';

const root = path.join(path.dirname(new URL(import.meta.url).pathname), '..');
const LABEL = { C: 'C', K: 'K', N: 'N', A: 'A' };
const sheets = new Map();
for (const writer of fs.readdirSync(path.join(root, 'sheets'))) {
  for (const f of fs.readdirSync(path.join(root, 'sheets', writer))) if (f.endsWith('.sheet')) sheets.set(f.slice(0, -6), path.join(root, 'sheets', writer, f));
}

/** Line numbers of each sentence's stance line (or where one would go), by sentence index. */
function stanceLines(lines) {
  const out = [];
  let inHeader = true;
  lines.forEach((line, i) => {
    if (line.startsWith('==')) inHeader = false;
    if (inHeader || !line.trim() || line.startsWith('==') || line.startsWith('//') || /^\s/.test(line)) return;
    out.push({ sentence: i, stance: null });
  });
  for (const s of out) {
    for (let j = s.sentence + 1; j < lines.length && /^\s/.test(lines[j]) && lines[j].trim(); j++) if (lines[j].trim().startsWith('=')) s.stance = j;
  }
  return out;
}

const decisions = fs.readFileSync(process.argv[2], 'utf8').split('\n').map((l) => /^(\S+) #(\d+) ([a-z]+) ([CKNA])\b/.exec(l.trim())).filter(Boolean);
const changed = new Map();
let applied = 0;
let same = 0;
for (const [, name, index, actor, label] of decisions) {
  const file = sheets.get(name);
  if (!file) {
    console.log(`no sheet for ${name}`);
    continue;
  }
  const lines = changed.get(file) ?? fs.readFileSync(file, 'utf8').split('\n');
  const at = stanceLines(lines)[Number(index)];
  if (!at || at.stance === null) {
    console.log(`${name} #${index}: no stance line`);
    continue;
  }
  const before = lines[at.stance];
  const after = before.replace(new RegExp(`\\b${actor} [CKNA]\\b`), `${actor} ${LABEL[label]}`);
  if (!new RegExp(`\\b${actor} [CKNA]\\b`).test(before)) {
    console.log(`${name} #${index}: ${actor} has no stance there`);
    continue;
  }
  if (after === before) same++;
  else applied++;
  lines[at.stance] = after;
  changed.set(file, lines);
}
for (const [file, lines] of changed) fs.writeFileSync(file, lines.join('\n'));
console.log(`${decisions.length} decisions: ${applied} labels changed, ${same} kept as the first annotator had them`);
