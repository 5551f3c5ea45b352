#!/usr/bin/env node
// A copy of the gold scorer that the project was specified with, kept here so the tests run from a clean clone.
// Scores one nkmsg JSON result against one gold file (shared/spec/ANALYSIS.md).
// usage: score.mjs GOLD.json RESULT.json [--verbose]   -> prints one JSON object of metrics
import { readFileSync } from 'node:fs';
import { scoreArticle } from './lib/score.mjs';

const [goldPath, resultPath] = process.argv.slice(2);
const verbose = process.argv.includes('--verbose');
const gold = JSON.parse(readFileSync(goldPath, 'utf8'));
const res = JSON.parse(readFileSync(resultPath, 'utf8'));

const out = scoreArticle(gold, res, verbose);
delete out.confusion;
console.log(JSON.stringify(out, null, verbose ? 1 : 0));
