#!/usr/bin/env node
// Writes model/stance.idx, the lookup index of model/stance.json's weights (src/model-index.ts),
// as the last step of `npm run build`. The index is derived data and git does not keep it; the
// reader uses it only when it was made from the weights the JSON holds, and reads the JSON
// otherwise, so a missing or stale index costs time, never a different result.
import fs from 'node:fs';
import path from 'node:path';
import { rowsFingerprint, writeIndex } from '../dist/model-index.js';

const modelDir = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'model');
const target = path.join(modelDir, 'stance.idx');
const skip = (why) => {
  fs.rmSync(target, { force: true });
  console.error(`model/stance.idx not written: ${why}`);
};

let model;
try {
  model = JSON.parse(fs.readFileSync(path.join(modelDir, 'stance.json'), 'utf8'));
} catch (error) {
  skip(`model/stance.json could not be read (${error.message})`);
  process.exit(0);
}
const claimed = model.provenance?.weightsSha256;
const fingerprint = rowsFingerprint(model.weights);
if (claimed !== fingerprint) {
  skip(claimed === undefined ? 'the model records no weightsSha256 (retrain it with npm run train)' : 'the weights are not those the model records (weightsSha256)');
} else {
  const index = writeIndex(model.weights);
  if (index instanceof Error) skip(index.message);
  else fs.writeFileSync(target, index);
}
