/**
 * The bare baseline for whole-process throughput: one node process that loads
 * wink-nlp and its English model, reads every file of a folder in name order,
 * runs readDoc with sentences and sentiment on each (bench/sides.mjs's bare
 * side), and writes one NDJSON line per file, as a user's own script would.
 *   node bench/bare-batch.mjs CORPUS_DIR OUTPUT_FILE
 */
import { openSync, readdirSync, readFileSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

const [dir, output] = process.argv.slice(2);
const nlp = winkNLP(model);
const out = openSync(output, 'w');
for (const name of readdirSync(dir).sort()) {
  const doc = nlp.readDoc(readFileSync(join(dir, name), 'utf8'));
  const record = { path: name, sentences: doc.sentences().out(), sentiment: doc.out(nlp.its.sentiment) };
  writeSync(out, JSON.stringify(record) + '\n');
}
closeSync(out);
