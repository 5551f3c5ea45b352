// Writes model/stance.idx, the lookup index of the stance model's weights (src/model-index.ts), or
// removes a stale one where the rows cannot be indexed: the reader then reads the JSON.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeIndex } from '../../dist/model-index.js';

export const INDEX_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'model', 'stance.idx');

/** Writes the index of `rows`, or says why there is none (a reason for the error instead of rows). */
export function writeIndexFile(rows) {
  const index = rows instanceof Error ? rows : writeIndex(rows);
  if (index instanceof Error) {
    fs.rmSync(INDEX_FILE, { force: true });
    console.error(`model/stance.idx not written: ${index.message}`);
  } else {
    fs.writeFileSync(INDEX_FILE, index);
  }
}
