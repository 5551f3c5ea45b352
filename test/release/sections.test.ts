/**
 * The section chooser: `node scripts/train-sections.mjs` rebuilds the
 * committed weights (model/sections.json) byte for byte, so the file is what
 * the train split and the candidate features give.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

describe('the section chooser', () => {
  it('is rebuilt byte for byte by scripts/train-sections.mjs', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'nkmsg-sections-')), 'sections.json');
    await promisify(execFile)(process.execPath, [join(root, 'scripts', 'train-sections.mjs'), '--out', out], { cwd: root, maxBuffer: 1 << 26 });
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(root, 'model', 'sections.json'), 'utf8'));
  }, 480_000);
});
