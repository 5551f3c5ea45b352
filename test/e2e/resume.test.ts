/**
 * `nkmsg analyze --resume` where a real process is needed: a run killed half-way and resumed
 * ends with the records of a run that was never stopped; --output /dev/stdout is refused.
 * The rest of --resume runs in process: ../resume.test.ts.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, cleanEnv, fixtureArticle, fixtureFolder, nkmsg, ROOT, sortedLines, tempDir, uninterruptedRecords } from '../helpers.js';

const tmp = tempDir();
afterAll(tmp.cleanup);

const folder = (name: string, n: number): string => fixtureFolder(tmp.dir, name, n);

describe('--resume, two runs on one FILE at once', () => {
  it('refuses the second while the first goes on, and the first, interrupted, removes its lock', async () => {
    // Enough articles that the first run is still going when the second has started and been refused.
    const dir = folder('pair', 150);
    const out = join(tmp.dir, 'pair.ndjson');
    const lock = join(tmp.dir, '.pair.ndjson.nkmsg-lock');
    const first = spawn(process.execPath, [BIN, 'analyze', dir, '--format', 'ndjson', '--jobs', '1', '-o', out, '--resume'], { cwd: ROOT, env: cleanEnv(), stdio: 'ignore' });
    const exited = new Promise<number | null>((done) => first.on('exit', (code) => done(code)));
    while (!existsSync(out) || statSync(out).size === 0) {
      expect(first.exitCode).toBeNull();
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(existsSync(lock)).toBe(true);
    const second = await nkmsg(['analyze', dir, '--format', 'ndjson', '-o', out, '--resume']);
    expect(second.code).toBe(2);
    expect(second.stderr).toBe(`nkmsg: error: --resume: another nkmsg run (process ${first.pid}) is writing ${out}; wait for it to end (if no such run is going, remove ${lock})\n`);
    // A plain run would replace FILE under the resumed one, whose records would go to the file replaced.
    const plain = await nkmsg(['analyze', fixtureArticle(0), '--format', 'ndjson', '-o', out]);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toBe(`nkmsg: error: --output ${out}: another nkmsg run (process ${first.pid}) is adding to it with --resume; wait for it to end, or write to another file (if no such run is going, remove ${lock})\n`);
    first.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(existsSync(lock)).toBe(false);
  });
});

describe('--resume after a run killed half-way', () => {
  it('ends with the same records as an uninterrupted run: none twice, no partial line', async () => {
    // 40 articles: enough for a run that is still going when a third of its output is written.
    const dir = folder('forty', 40);
    const whole = await uninterruptedRecords([dir], join(tmp.dir, 'whole.ndjson'));
    expect(whole).toHaveLength(40);
    const fullSize = statSync(join(tmp.dir, 'whole.ndjson')).size;

    // The first run, on a FILE that does not exist yet, is killed once it has written about half.
    const out = join(tmp.dir, 'killed.ndjson');
    const child = spawn(process.execPath, [BIN, 'analyze', dir, '--format', 'ndjson', '--jobs', '2', '-o', out, '--resume'], { cwd: ROOT, env: cleanEnv(), stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((done) => child.on('exit', (_code, signal) => done(signal)));
    for (;;) {
      const size = existsSync(out) ? statSync(out).size : 0;
      if (size >= fullSize * 0.4 || child.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const before = readFileSync(out, 'utf8');
    const wholeLines = before.split('\n').slice(0, -1);
    expect(wholeLines.length).toBeGreaterThan(0);
    expect(wholeLines.length).toBeLessThan(40);
    for (const line of wholeLines) expect(whole).toContain(line);

    const resumed = await nkmsg(['analyze', dir, '--format', 'ndjson', '--jobs', '2', '-o', out, '--resume']);
    expect(resumed.code).toBe(0);
    const done = wholeLines.length;
    expect(resumed.stderr).toMatch(new RegExp(`^(nkmsg: warning: ${out}: its last line has no line end.*\\n)?nkmsg: ${out}: ${done} of 40 inputs already done, skipped; ${40 - done} analysed, 0 failed\\n$`));
    expect(before.endsWith('\n')).toBe(!resumed.stderr.includes('has no line end'));
    const after = readFileSync(out, 'utf8');
    expect(after.endsWith('\n')).toBe(true);
    expect(sortedLines(out)).toEqual(whole);
    // What the killed run wrote whole stays where it was; the rest is appended.
    expect(after.startsWith(wholeLines.map((l) => `${l}\n`).join(''))).toBe(true);
  });
});

describe('--resume refuses', () => {
  it('--output /dev/stdout (the pipe the bin writes to) with a usage error that says why', async () => {
    const run = await nkmsg(['analyze', fixtureArticle(0), '--resume', '--format', 'ndjson', '-o', '/dev/stdout'], { cwd: tmp.dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('nkmsg: error: --resume: /dev/stdout is not a regular file; --resume reads the results in --output FILE and appends to it\n');
    expect(run.stdout).toBe('');
  });
});
