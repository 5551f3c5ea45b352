/**
 * The README's GNU parallel recipe, run as written on one machine (only the block size made
 * small, so that a small corpus is split): its records are those of a plain run, in the same
 * order. CI installs Debian's parallel package; the -S form for several machines is not tested.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, cleanEnv, FIXTURE_ARTICLES, FIXTURES, nkmsg, ROOT, tempDir } from '../helpers.js';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The first command of the README's sh blocks that runs `parallel --pipe` on this machine, its continuation lines joined. */
function recipe(): string {
  for (const block of README.matchAll(/```sh\n([\s\S]*?)```/g)) {
    const command = block[1]!.replace(/\\\n\s*/g, '');
    const line = command.split('\n').find((l) => l.startsWith('parallel --pipe') && !l.includes(' -S '));
    if (line) return line.replace(/\s+#.*$/, '');
  }
  throw new Error('the README shows no parallel --pipe command');
}

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir();
  // `nkmsg` on the PATH, as after installing the package.
  mkdirSync(join(tmp.dir, 'bin'));
  symlinkSync(BIN, join(tmp.dir, 'bin', 'nkmsg'));
});
afterAll(() => tmp.cleanup());

describe('GNU parallel over NDJSON', () => {
  it("the README's recipe gives the records of a plain run, in input order", async () => {
    const found = spawnSync('parallel', ['--version'], { encoding: 'utf8' });
    if (found.error) throw new Error("GNU parallel is not installed: apt-get install parallel (.ci/run does)");
    const command = recipe();
    expect(command).toMatch(/^parallel --pipe --block 10M .*nkmsg analyze --input-format ndjson --format ndjson --jobs 1 < examples\/articles\.ndjson > results\.ndjson$/);
    const corpus = Array.from({ length: 24 }, (_, i) => JSON.stringify({ id: `r${i}`, text: readFileSync(join(FIXTURES, FIXTURE_ARTICLES[i % FIXTURE_ARTICLES.length]!), 'utf8') }) + '\n').join('');
    mkdirSync(join(tmp.dir, 'examples'));
    writeFileSync(join(tmp.dir, 'examples', 'articles.ndjson'), corpus);
    expect(corpus.length).toBeGreaterThan(3 * 25_000);

    const run = spawnSync('bash', ['-c', command.replace('--block 10M', '--block 25k')], {
      cwd: tmp.dir,
      encoding: 'utf8',
      env: cleanEnv({ PATH: `${join(tmp.dir, 'bin')}:${process.env['PATH'] ?? '/usr/bin:/bin'}`, HOME: tmp.dir }),
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    const plain = await nkmsg(['analyze', '--input-format', 'ndjson', '--format', 'ndjson', '--jobs', '1'], { input: corpus });
    expect(plain.code).toBe(0);

    const records = (text: string) => text.split('\n').slice(0, -1).map((l) => JSON.parse(l));
    const split = records(readFileSync(join(tmp.dir, 'results.ndjson'), 'utf8'));
    const whole = records(plain.stdout);
    // It was split: each part numbers its own lines from 1.
    expect(split.filter((r) => r.input.line === 1).length).toBeGreaterThanOrEqual(3);
    // Apart from input.line, the same records in the same order (--keep-order).
    const withoutLine = (r: { input: Record<string, unknown> }) => JSON.stringify({ ...r, input: { ...r.input, line: undefined } });
    expect(split.map(withoutLine)).toEqual(whole.map(withoutLine));
    expect(split.map((r) => r.input.id)).toEqual(Array.from({ length: 24 }, (_, i) => `r${i}`));
  });
});
