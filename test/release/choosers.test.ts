/**
 * The sender and section choosers: `node scripts/train-sender.mjs` and
 * `node scripts/train-sections.mjs` rebuild the committed weights
 * (model/sender.json, model/sections.json) byte for byte, so each file is
 * what the train split and the candidate features give.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

describe('the choosers', () => {
  it.concurrent.for([
    ['sender', 'train-sender.mjs'],
    ['sections', 'train-sections.mjs'],
  ])('model/%s.json is rebuilt byte for byte by scripts/%s', async ([name, script], { expect }) => {
    const out = join(mkdtempSync(join(tmpdir(), `nkmsg-${name}-`)), `${name}.json`);
    await promisify(execFile)(process.execPath, [join(root, 'scripts', script), '--out', out], { cwd: root, maxBuffer: 1 << 26 });
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(root, 'model', `${name}.json`), 'utf8'));
  }, 480_000);
});
