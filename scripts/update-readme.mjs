#!/usr/bin/env node
// Rewrites the README's example blocks from the current build (npm run build first).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { refreshExamples } from './readme-examples.mjs';

const path = join(import.meta.dirname, '..', 'README.md');
writeFileSync(path, refreshExamples(readFileSync(path, 'utf8')));
console.log('README examples refreshed');
