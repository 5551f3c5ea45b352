/**
 * The bare baseline for cold start: a node process that loads wink-nlp and
 * its English model, reads the article and runs readDoc with sentences and
 * sentiment, the same work bench/run.mjs measures in process. It prints
 * nothing; run.mjs times the whole process.
 */
import { readFileSync } from 'node:fs';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

const nlp = winkNLP(model);
const doc = nlp.readDoc(readFileSync(process.argv[2], 'utf8'));
doc.sentences().out();
doc.out(nlp.its.sentiment);
