/**
 * The CLI in process where its output cannot go, or where argv or a user's
 * file carries control characters: one clear line on stderr, the right exit
 * code, nothing raw reaching the terminal. What needs a real process (a full
 * stdout, descriptors the shell opened, signals, other users) is in
 * e2e/cli-streams.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nkmsgInProcess, ROOT, tempDir } from './helpers.js';

const ARTICLE = 'fixtures/russia-nk-opening.txt';
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const shell = (command: string) => spawnSync('bash', ['-c', command], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

describe('output that cannot be written', () => {
  it('says what is wrong when --output is /dev/full', async () => {
    const full = await nkmsgInProcess(['analyze', ARTICLE, '-o', '/dev/full']);
    expect(full.code).toBe(1);
    expect(full.stderr).toBe('nkmsg: error: /dev/full: cannot write: no space left on device\n');
  });

  it('gives the true reason for an --output in /proc, whose folder exists but takes no new files', async () => {
    const run = await nkmsgInProcess(['analyze', ARTICLE, '-o', '/proc/version']);
    expect(run.code).toBe(2);
    // Root may write the file (access(2) says so) and gets as far as making the new file; any other user is refused before.
    expect(run.stderr).toBe(
      process.getuid?.() === 0
        ? 'nkmsg: error: --output /proc/version: cannot write: its folder takes no new files (a special file system such as /proc), and the output is first written to a new file beside it; choose a file in an ordinary folder\n'
        : 'nkmsg: error: cannot write /proc/version: permission denied; choose a file you can write\n',
    );
  });

  it('refuses an empty --output path as a usage error', async () => {
    const run = await nkmsgInProcess(['analyze', '-o', '', ARTICLE]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("argument '' is invalid: give a file name (it is empty).");
  });
});

describe('error records and escapes in every machine format', () => {
  it('writes the error record of a single failing input with --json', async () => {
    const run = await nkmsgInProcess(['analyze', '--json', 'no-such-article.txt']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual({ schemaVersion: 1, input: { path: 'no-such-article.txt' }, error: { code: 'not-found', message: expect.any(String) } });
  });

  it('escapes control characters from argv in the option parser errors', async () => {
    const run = await nkmsgInProcess(['analyze', '--x\u001b[2J\u001b]52;c;ZXZpbA==\u0007']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown option');
    expect(RAW_CONTROL.test(run.stderr)).toBe(false);
  });

  it('writes an actor file with C1 and BIDI controls escaped, as results are', async () => {
    const tmp = tempDir();
    try {
      const file = join(tmp.dir, 'actors.json');
      writeFileSync(file, JSON.stringify([{ id: 'x', name: 'X\u009b31m\u202eY' }]));
      const run = await nkmsgInProcess(['actors', '--json', '--actors', file]);
      expect(run.code).toBe(0);
      expect(RAW_CONTROL.test(run.stdout)).toBe(false);
      expect(JSON.parse(run.stdout)[0].name).toBe('X\u009b31m\u202eY');
    } finally {
      tmp.cleanup();
    }
  });
});

describe('file names that are not valid UTF-8', () => {
  it('says what is wrong with the name, and analyses the rest of the folder', async () => {
    const tmp = tempDir();
    try {
      shell(`cp ${ARTICLE} ${tmp.dir}/ok.txt && cp ${ARTICLE} "${tmp.dir}/bad$(printf '\\377').txt"`);
      const r = await nkmsgInProcess(['analyze', tmp.dir, '--format', 'ndjson']);
      const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
      expect(out.map((x) => x.error?.code ?? 'ok')).toEqual(['bad-file-name', 'ok']);
      expect(r.stderr).toContain('its name is not valid UTF-8 (the bad bytes are shown as \ufffd), so it cannot be opened by that name; rename it to UTF-8');
      expect(r.code).toBe(1);
    } finally {
      tmp.cleanup();
    }
  });
});
