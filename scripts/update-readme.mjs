#!/usr/bin/env node
// Rewrites the README's example blocks from the current build (npm run build first).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { refreshExamples } from './readme-examples.mjs';
import { scoresBlock } from './readme-scores.mjs';

const root = join(import.meta.dirname, '..');
const path = join(root, 'README.md');
let text = refreshExamples(readFileSync(path, 'utf8'));
const scores = scoresBlock(root);
if (scores) text = text.replace(/<!-- scores -->[\s\S]*?<!-- \/scores -->/, `<!-- scores -->\n${scores}\n<!-- /scores -->`);
writeFileSync(path, text);
console.log('README examples and scores refreshed');
