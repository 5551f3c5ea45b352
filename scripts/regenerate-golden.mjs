#!/usr/bin/env node
// Rewrites test/golden/NAME.json from the current analysis of every fixture
// with a gold file. Run after a deliberate change to the analysis, then read
// the diff: every changed stance, mention or section is in it.
//   npm run build && node scripts/regenerate-golden.mjs
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, compileActorSet, parseActorFile } from '../dist/index.js';
import { goldenView } from '../test/golden/view.mjs';

const root = join(import.meta.dirname, '..');
const fixtures = join(root, 'fixtures');
const out = join(root, 'test', 'golden');
mkdirSync(out, { recursive: true });
for (const file of readdirSync(fixtures).filter((f) => f.endsWith('.gold.json')).sort()) {
  const name = file.replace(/\.gold\.json$/, '');
  const actorsPath = join(fixtures, `${name}.actors.json`);
  const actorSet = existsSync(actorsPath) ? compileActorSet(parseActorFile(JSON.parse(readFileSync(actorsPath, 'utf8')))) : undefined;
  const result = analyze(readFileSync(join(fixtures, `${name}.txt`), 'utf8'), { actorSet });
  writeFileSync(join(out, `${name}.json`), `${JSON.stringify(goldenView(result), null, 1)}\n`);
  console.log(`wrote test/golden/${name}.json`);
}
