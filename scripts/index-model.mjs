#!/usr/bin/env node
// Writes model/stance.idx, the lookup index of model/stance.json's weights (src/model-index.ts),
// as the last step of `npm run build`. The index is derived data and git does not keep it; the
// reader uses it only when it was made from the weights the JSON holds, and reads the JSON
// otherwise, so a missing or stale index costs time, not a different result.
import fs from 'node:fs';
import path from 'node:path';
import { rowsFingerprint } from '../dist/model-index.js';
import { INDEX_FILE, writeIndexFile } from './lib/stance-index.mjs';

/** The model's rows, or why they cannot be indexed. */
function indexedRows() {
  let model;
  try {
    model = JSON.parse(fs.readFileSync(path.join(path.dirname(INDEX_FILE), 'stance.json'), 'utf8'));
  } catch (error) {
    return new Error(`model/stance.json could not be read (${error.message})`);
  }
  const claimed = model.provenance?.weightsSha256;
  if (claimed === undefined) return new Error('the model records no weightsSha256 (retrain it with npm run train)');
  if (claimed !== rowsFingerprint(model.weights)) return new Error('the weights are not those the model records (weightsSha256)');
  return model.weights;
}

writeIndexFile(indexedRows());
