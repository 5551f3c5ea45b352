/**
 * The sender chooser: `node scripts/train-sender.mjs` rebuilds the committed
 * weights (model/sender.json) byte for byte, so the file is what the train
 * split and the candidate features give.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

describe('the sender chooser', () => {
  it('is rebuilt byte for byte by scripts/train-sender.mjs', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'nkmsg-sender-')), 'sender.json');
    await promisify(execFile)(process.execPath, [join(root, 'scripts', 'train-sender.mjs'), '--out', out], { cwd: root, maxBuffer: 1 << 26 });
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(root, 'model', 'sender.json'), 'utf8'));
  }, 480_000);
});
