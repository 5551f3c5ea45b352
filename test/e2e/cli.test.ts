import { readFileSync, renameSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CASES, runCase } from '../cli-cases.js';
import { nkmsg, ROOT } from '../helpers.js';

const SMOKE = CASES.filter((c) => c.smoke);

describe('CLI smoke cases against the built binary', () => {
  it('has a smoke case for each exit code', () => {
    expect(new Set(SMOKE.map((c) => c.code))).toEqual(new Set([0, 1, 2]));
  });
  for (const c of SMOKE) it.concurrent(c.name, () => runCase(c, nkmsg));
});

describe('--help from the binary', () => {
  it('prints, for --help and -h, exactly what the command line writes (the build keeps it ready), and falls back to it once the build is newer', async () => {
    const { nkmsgInProcess } = await import('../helpers.js');
    const written = await nkmsgInProcess(['--help']);
    expect(written.code).toBe(0);
    for (const flag of ['--help', '-h']) expect(await nkmsg([flag])).toEqual(written);
    // A help.txt older than the build is not used: the command line writes the help itself.
    const help = join(ROOT, 'dist', 'help.txt');
    const kept = readFileSync(help);
    const { atime, mtime } = statSync(help);
    const built = statSync(join(ROOT, 'dist', 'cli', 'main.js')).mtime;
    // Each version is put in place whole, its time already set, for other tests that ask for help meanwhile.
    const putInPlace = (content: Buffer | string, time: Date): void => {
      const next = `${help}.${process.pid}.tmp`;
      writeFileSync(next, content);
      utimesSync(next, atime, time);
      renameSync(next, help);
    };
    try {
      putInPlace('stale help\n', new Date(built.getTime() - 3_600_000));
      expect(await nkmsg(['--help'])).toEqual(written);
    } finally {
      putInPlace(kept, mtime);
    }
  });
});

describe('--version from the binary', () => {
  it('prints, for --version and -V, exactly what the command line writes, without loading it', async () => {
    const { nkmsgInProcess } = await import('../helpers.js');
    const written = await nkmsgInProcess(['--version']);
    expect(written).toMatchObject({ code: 0, stdout: expect.stringMatching(/^\d+\.\d+\.\d+.*\n$/) });
    for (const flag of ['--version', '-V']) expect(await nkmsg([flag])).toEqual(written);
  });
});
