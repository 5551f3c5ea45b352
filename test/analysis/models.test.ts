/**
 * Where a committed model cannot be read (a copy of the build without model/), the analysis falls
 * back (the rules for stance and sections, the hand-ordered methods for the sender) and says so in its warnings.
 */
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';

const ROOT = join(import.meta.dirname, '..', '..');
const copy = mkdtempSync(join(tmpdir(), 'nkmsg-no-models-'));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

const ARTICLE = 'Moscow praised Seoul for its restraint.\n\nTokyo warned Beijing over the islands.';

describe('the committed models', () => {
  it('are read: no fallback warning', () => {
    expect(analyze(ARTICLE).warnings).toEqual([]);
  });

  it('when missing, leave a warning for each and a reading by the rules', async () => {
    cpSync(join(ROOT, 'package.json'), join(copy, 'package.json'));
    cpSync(join(ROOT, 'dist'), join(copy, 'dist'), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
    const withoutModels = (await import(pathToFileURL(join(copy, 'dist', 'index.js')).href)) as typeof import('../../src/index.js');
    const result = withoutModels.analyze(ARTICLE);
    expect(result.warnings).toEqual([
      'the stance model (model/stance.json) could not be read; stances come from the rules alone',
      'the sender chooser (model/sender.json) could not be read; the sender comes from the hand-ordered methods',
      'the section chooser (model/sections.json) could not be read; message sections come from the rule alone',
    ]);
    expect(result.sentences.map((s) => s.stances)).toEqual(analyze(ARTICLE, { reader: 'rules' }).sentences.map((s) => s.stances));
  });
});
