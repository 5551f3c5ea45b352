#!/usr/bin/env node
// Draws the corpus plan: one slot per article to write, with its kind, era, sender, actor set and
// layout, spread so that each writer gets the same mix. Deterministic (a fixed-seed generator).
// usage: node corpus/tools/plan.mjs > corpus/plan.json
// Batch 1: writers 1-8, 40 slots each (a001-a320). Batch 2: writers 9-15, 80 slots each
// (a321-a880), written after the test split was frozen: its articles go to train and dev only.
// Batches 3 and 4: writers 16-22 and 23-29, 40 slots each (a881-a1440), drawn when the learning
// curve showed that more training text pays; their articles go to train only (see build.mjs).
// Batch 5: writers 30-36, 40 slots each (a1441-a1720), train only, drawn for the same reason.
// Batch 6: writers 37-43, 40 slots each (a1721-a2000), train only, likewise.
// Batch 7: writers 44-50, 40 slots each (a2001-a2280), train only, likewise.
const BATCHES = [
  { writers: [1, 2, 3, 4, 5, 6, 7, 8], perWriter: 40, seed: 20261201 },
  { writers: [9, 10, 11, 12, 13, 14, 15], perWriter: 80, seed: 20261202 },
  { writers: [16, 17, 18, 19, 20, 21, 22], perWriter: 40, seed: 20261203 },
  { writers: [23, 24, 25, 26, 27, 28, 29], perWriter: 40, seed: 20261204 },
  { writers: [30, 31, 32, 33, 34, 35, 36], perWriter: 40, seed: 20261205 },
  { writers: [37, 38, 39, 40, 41, 42, 43], perWriter: 40, seed: 20261206 },
  { writers: [44, 45, 46, 47, 48, 49, 50], perWriter: 40, seed: 20261207 },
];
const KINDS = [
  ['wire', 10], ['op-ed', 8], ['analysis', 6], ['state-media', 4], ['briefing', 4], ['long-read', 3], ['short', 5],
];
const ERAS = [['1955-1989', 6], ['1990-1999', 6], ['2000-2009', 8], ['2010-2019', 10], ['2020-2026', 10]];
const DEFAULT = ['moscow', 'seoul', 'tokyo', 'washington', 'beijing', 'pyongyang'];
const CUSTOM = [
  ['ankara', 'berlin', 'tehran', 'moscow', 'washington'],
  ['delhi', 'beijing', 'islamabad', 'washington', 'moscow'],
  ['kyiv', 'moscow', 'warsaw', 'berlin', 'brussels'],
  ['riyadh', 'tehran', 'jerusalem', 'washington', 'cairo'],
  ['canberra', 'beijing', 'jakarta', 'washington', 'wellington'],
  ['hanoi', 'beijing', 'manila', 'washington', 'tokyo'],
  ['paris', 'london', 'berlin', 'washington', 'moscow'],
  ['brasilia', 'buenosaires', 'washington', 'beijing', 'caracas'],
  ['pretoria', 'abuja', 'nairobi', 'beijing', 'london'],
  ['taipei', 'beijing', 'washington', 'tokyo', 'manila'],
];
let seed = 0;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (weighted) => {
  const total = weighted.reduce((t, [, w]) => t + w, 0);
  let r = rand() * total;
  for (const [v, w] of weighted) if ((r -= w) < 0) return v;
  return weighted[weighted.length - 1][0];
};
const kindDeck = KINDS.flatMap(([k, n]) => Array(n).fill(k));
const slots = [];
let id = 1;
for (const batch of BATCHES) {
  seed = batch.seed;
  for (const w of batch.writers) {
    const kinds = Array.from({ length: batch.perWriter / kindDeck.length }, () => kindDeck).flat().sort(() => rand() - 0.5);
    kinds.forEach((kind, i) => {
      const custom = i % 7 === 3;
      const actors = custom ? CUSTOM[(w + i) % CUSTOM.length] : DEFAULT;
      const sender =
        kind === 'wire' ? (rand() < 0.85 ? 'none' : 'one of the actors') :
        kind === 'short' ? (rand() < 0.5 ? 'none' : 'one of the actors') :
        kind === 'analysis' ? (rand() < 0.25 ? 'none' : 'one of the actors') : 'one of the actors';
      const r = rand();
      const layout = r < 0.1 ? { layout: 'crlf' } : r < 0.2 ? { wrap: 72 } : r < 0.28 ? { bom: 'yes' } : {};
      slots.push({ slot: `a${String(id++).padStart(3, '0')}`, writer: w, kind, era: pick(ERAS), actors: custom ? actors : 'default', sender, ...layout });
    });
  }
}
console.log(JSON.stringify(slots, null, 1));
