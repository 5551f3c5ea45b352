#!/usr/bin/env node
// How often each hand-ordered way of choosing the sender is right on the corpus's train split: the
// figures behind SENDER_METHOD_ACCURACY in src/messages.ts, the sender's confidence where the learned
// chooser does not decide (a text too short for it). Run without the chooser; pass --chooser to see
// how the chooser's picks fare per method instead.
// usage: npm run build && node scripts/sender-methods.mjs [split]
import { analyze } from '../dist/index.js';
import { corpusSplit } from './lib/corpus.mjs';

const split = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'train';
const chooser = process.argv.includes('--chooser');
const methods = {};
for (const a of corpusSplit(split)) {
  const r = analyze(a.text, { actorSet: a.actorSet, reader: 'rules', ...(chooser ? {} : { senderModel: null }) });
  const m = (methods[r.senderEvidence.method] ??= { articles: 0, right: 0 });
  m.articles++;
  if (r.sender === a.gold.sender) m.right++;
}
for (const [method, m] of Object.entries(methods)) console.log(`${method.padEnd(9)} ${String(m.articles).padStart(4)} articles, right ${(m.right / m.articles).toFixed(2)}`);
