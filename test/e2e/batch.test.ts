/**
 * Many inputs where only a real process shows the behaviour: a run killed
 * half-way, standard input redirected from the output file, pipes whose
 * reader goes away (the bin's EPIPE handling) and terminals. The rest of the
 * batch behaviour runs in process: ../batch.test.ts.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, mkdirSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, cleanEnv, FIXTURE_ARTICLES, fixtureArticle, parseLines, ROOT, tempDir } from '../helpers.js';

const tmp = tempDir();
afterAll(tmp.cleanup);

describe('--output FILE', () => {
  it('leaves an existing file untouched when the run is killed half-way', async () => {
    const dir = join(tmp.dir, 'out2');
    mkdirSync(dir);
    const out = join(dir, 'results.json');
    writeFileSync(out, 'OLD CONTENT\n');
    // Killed once its temporary file exists, so the kill lands half-way, however fast the machine.
    const many = Array.from({ length: 300 }, (_, i) => fixtureArticle(i));
    const child = spawn(process.execPath, [BIN, 'analyze', '--json', '--jobs', '1', '-o', out, ...many], { cwd: ROOT, env: cleanEnv(), stdio: 'ignore' });
    const closed = new Promise((r) => child.on('close', r));
    let halfWay = false;
    for (let waited = 0; waited < 20_000 && !halfWay && child.exitCode === null; waited += 10) {
      halfWay = readdirSync(dir).some((f) => f.endsWith('.tmp'));
      if (!halfWay) await new Promise((r) => setTimeout(r, 10));
    }
    expect(halfWay).toBe(true);
    child.kill('SIGKILL');
    await closed;
    expect(readFileSync(out, 'utf8')).toBe('OLD CONTENT\n');
    // The killed run could not remove its temporary file; the next run into the folder does.
    const left = readdirSync(dir).filter((f) => f.endsWith('.tmp'));
    expect(left).toHaveLength(1);
    const next = spawnSync(process.execPath, [BIN, 'analyze', '--json', '-o', out, fixtureArticle(0)], { cwd: ROOT, env: cleanEnv() });
    expect(next.status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['results.json']);
  });

  it('refuses the file standard input is redirected from, exit 2', () => {
    const dir = join(tmp.dir, 'out4');
    mkdirSync(dir);
    const input = join(dir, 'in.txt');
    copyFileSync(fixtureArticle(0), input);
    const before = readFileSync(input, 'utf8');
    // `nkmsg analyze --json -o in.txt - < in.txt`, and the same with stdin implied
    for (const args of [['-'], []]) {
      const fd = openSync(input, 'r');
      try {
        const redirected = spawnSync(process.execPath, [BIN, 'analyze', '--json', '-o', input, ...args], { cwd: ROOT, env: cleanEnv(), stdio: [fd, 'pipe', 'pipe'], encoding: 'utf8' });
        expect(redirected.status).toBe(2);
        expect(redirected.stderr).toBe(`nkmsg: error: --output ${input}: is also an input (standard input is read from it); write the results to another file\n`);
      } finally {
        closeSync(fd);
      }
    }
    expect(readFileSync(input, 'utf8')).toBe(before);
    expect(readdirSync(dir)).toEqual(['in.txt']);
  });
});

/** The built binary on `args`, killed after `ms`: its exit code, or null when it had to be killed. */
function runWithin(args: string[], ms: number): Promise<number | null> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: cleanEnv(), stdio: 'ignore' });
  const timer = setTimeout(() => child.kill('SIGKILL'), ms);
  return new Promise((done) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      done(code);
    }),
  );
}

describe.runIf(spawnSync('mkfifo', ['--version']).status === 0)('a named FIFO as an input', () => {
  it('is opened once and read to its end, never waiting for a writer that has gone (10 runs)', async () => {
    const dir = join(tmp.dir, 'fifo-in');
    mkdirSync(dir);
    for (let i = 0; i < 10; i++) {
      const fifo = join(dir, `in${i}.fifo`);
      const out = join(dir, `out${i}.ndjson`);
      expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
      // The writer waits in its open before nkmsg starts: a second open of the FIFO would then wait for ever.
      const writer = spawn('sh', ['-c', `cat "$0" > "$1"`, fixtureArticle(0), fifo], { stdio: 'ignore' });
      await new Promise((r) => setTimeout(r, 100));
      const code = await runWithin(['analyze', '--format', 'ndjson', '-o', out, fifo], 20_000);
      writer.kill();
      expect(code, `run ${i + 1} of 10`).toBe(0);
      expect(parseLines(readFileSync(out, 'utf8'))[0].input).toMatchObject({ path: fifo, bytes: readFileSync(fixtureArticle(0)).length });
    }
  });
});

describe('--output naming a descriptor', () => {
  const sh = (script: string, cwd: string) => spawnSync('bash', ['-c', script], { cwd, encoding: 'utf8', env: cleanEnv() });
  const bin = `"${process.execPath}" "${BIN}"`;

  it('refuses, before reading anything, one the shell did not open (Node keeps its own there) or standard input, and leaves every file as it was', () => {
    const dir = join(tmp.dir, 'descriptors');
    mkdirSync(dir);
    copyFileSync(fixtureArticle(0), join(dir, 'a.txt'));
    const before = readFileSync(join(dir, 'a.txt'), 'utf8');
    for (const fd of [3, 5, 7, 12]) {
      const run = sh(`${bin} analyze a.txt --format json -o /dev/fd/${fd}`, dir);
      expect(run.status, `fd ${fd}: ${run.stderr}`).toBe(2);
      expect(run.stderr).toBe(`nkmsg: error: --output /dev/fd/${fd}: names descriptor ${fd}, which the shell did not open for this run; open it (${fd}>FILE) or give a file\n`);
    }
    for (const script of [`${bin} analyze a.txt -o /dev/stdin < a.txt`, `${bin} analyze a.txt -o /dev/fd/0 < a.txt`]) {
      const run = sh(script, dir);
      expect(run.status, script).toBe(2);
      expect(run.stderr).toMatch(/: is standard input; give a file, or \/dev\/stdout\n$/);
    }
    const readOnly = sh(`${bin} analyze a.txt -o /dev/fd/3 3< a.txt`, dir);
    expect(readOnly.stderr).toBe('nkmsg: error: --output /dev/fd/3: names descriptor 3, which is open for reading only; open it for writing (3>FILE)\n');
    const onInput = sh(`${bin} analyze a.txt -o /dev/fd/3 3<> a.txt`, dir);
    expect(onInput.stderr).toBe('nkmsg: error: --output /dev/fd/3: is also an input; write the results to another file\n');
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe(before);
  });

  it('writes to one the shell opened: a file, and a pipe to another process', () => {
    const dir = join(tmp.dir, 'descriptors-open');
    mkdirSync(dir);
    copyFileSync(fixtureArticle(0), join(dir, 'a.txt'));
    const file = sh(`${bin} analyze a.txt --format json -o /dev/fd/3 3> out.json`, dir);
    expect(file.status, file.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')).input.path).toBe('a.txt');
    const pipe = sh(`${bin} analyze a.txt --format json -o /dev/fd/3 3> >(cat > piped.json); wait`, dir);
    expect(pipe.status, pipe.stderr).toBe(0);
    expect(readFileSync(join(dir, 'out.json'), 'utf8')).toBe(readFileSync(join(dir, 'piped.json'), 'utf8'));
  });
});

describe('--jobs 2 when one article takes its worker down (out of memory)', () => {
  it('fails that article alone: the others of its batch are analysed again, on their own', () => {
    const dir = join(tmp.dir, 'worker-dies');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a-long.txt'), readFileSync(join(ROOT, 'fixtures', 'russia-nk-opening.txt'), 'utf8').repeat(500));
    for (let i = 1; i <= 3; i++) copyFileSync(fixtureArticle(i), join(dir, `b${i}.txt`));
    const out = join(tmp.dir, 'worker-dies.ndjson');
    // A heap the short articles fit in and the 2 MB one does not.
    const run = spawnSync(process.execPath, [BIN, 'analyze', dir, '--format', 'ndjson', '--jobs', '2', '-q', '-o', out], {
      encoding: 'utf8',
      env: cleanEnv({ NODE_OPTIONS: '--max-old-space-size=60' }),
    });
    expect(run.status, run.stderr).toBe(1);
    const records = parseLines(readFileSync(out, 'utf8'));
    expect(records.map((r) => [r.input.path.split('/').at(-1), r.error?.code ?? 'result'])).toEqual([
      ['a-long.txt', 'analysis-failed'],
      ['b1.txt', 'result'],
      ['b2.txt', 'result'],
      ['b3.txt', 'result'],
    ]);
    expect(records[0].error.message).toMatch(/memory.*NODE_OPTIONS=--max-old-space-size/);
  }, 120_000);
});

describe('standard output redirected into the folder analysed', () => {
  it('is not read back as an article: the file is skipped with a warning', () => {
    const folder = join(tmp.dir, 'redirected');
    mkdirSync(folder);
    copyFileSync(fixtureArticle(0), join(folder, 'a.txt'));
    const run = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" analyze . --format markdown > all.md`], { cwd: folder, encoding: 'utf8', env: cleanEnv() });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe('nkmsg: warning: all.md: skipped: it is where this run writes its output\n');
    expect(readFileSync(join(folder, 'all.md'), 'utf8').match(/^## /gm)).toHaveLength(1);
  });
});

describe('pipes', () => {
  it('ends quietly when the reader goes away (| head -1), exit 0', () => {
    const run = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${BIN}" analyze --format ndjson --jobs 2 fixtures/ | head -1 | cut -c1-15`], {
      cwd: ROOT,
      env: cleanEnv(),
      encoding: 'utf8',
    });
    expect(run.stdout).toBe('{"schemaVersion\n');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('goes on to the end when the reader of stderr goes away (2>&1 >/dev/null | head -1)', () => {
    // 40 Windows-1252 articles, each with a warning written after the model has loaded, by when
    // head has taken its line and gone: most warnings are written to a pipe with no reader.
    const dir = join(tmp.dir, 'cp1252');
    mkdirSync(dir);
    for (let i = 0; i < 40; i++) writeFileSync(join(dir, `a${String(i).padStart(3, '0')}.txt`), Buffer.from(`Moscow praised Tokyo\x92s caf\xe9 diplomacy ${i}.\n`, 'latin1'));
    const out = join(tmp.dir, 'cp1252.ndjson');
    for (const output of [[], ['-o', out]]) {
      const run = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" analyze --format ndjson ${output.join(' ')} "${dir}" 2>&1 >/dev/null | head -1; exit \${PIPESTATUS[0]}`], {
        cwd: ROOT,
        env: cleanEnv(),
        encoding: 'utf8',
      });
      expect(run.stdout).toMatch(/^nkmsg: warning: .*a000\.txt: not valid UTF-8; decoded as Windows-1252/);
      expect(run.stdout.split('\n')).toHaveLength(2);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
    }
    expect(parseLines(readFileSync(out, 'utf8'))).toHaveLength(40);
    expect(readdirSync(tmp.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  // The fixtures make about 0.4 MB, several times a pipe's 64 KiB, written as two workers finish them.
  it('never cuts output piped to a file short', () => {
    const out = join(tmp.dir, 'piped.ndjson');
    const run = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" analyze --format ndjson --jobs 2 fixtures/ | cat > "${out}"`], { cwd: ROOT, env: cleanEnv(), encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(parseLines(readFileSync(out, 'utf8'))).toHaveLength(FIXTURE_ARTICLES.length);
  });
});

/** Runs a shell command under `script`, which gives it a terminal for stdin, stdout and stderr. */
function inTerminal(command: string, env: Record<string, string> = {}): { status: number | null; screen: string } {
  const run = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: ROOT, env: cleanEnv({ TERM: 'xterm', ...env }), encoding: 'utf8', input: '' });
  return { status: run.status, screen: run.stdout };
}
const hasScript = spawnSync('script', ['--version']).status === 0;
const nk = `"${process.execPath}" "${BIN}"`;

describe.runIf(hasScript)('terminals', () => {
  it('a terminal stdin with no input prints short help, exit 2', () => {
    const { status, screen } = inTerminal(`${nk} analyze`);
    expect(status).toBe(2);
    expect(screen).toContain('nkmsg analyze: no input given.');
    expect(screen).toContain('Run "nkmsg analyze --help" for every option.');
  });

  it('colours a terminal, but not with NO_COLOR or TERM=dumb', () => {
    expect(inTerminal(`${nk} analyze fixtures/russia-nk-opening.txt`).screen).toContain('\u001b[1m');
    expect(inTerminal(`${nk} analyze fixtures/russia-nk-opening.txt`, { NO_COLOR: '1' }).screen).not.toContain('\u001b[');
    expect(inTerminal(`${nk} analyze fixtures/russia-nk-opening.txt`, { TERM: 'dumb' }).screen).not.toContain('\u001b[');
  });

  it('draws progress on a terminal stderr for several inputs, never with --quiet or one input', () => {
    const out = join(tmp.dir, 'progress.ndjson');
    const many = inTerminal(`${nk} analyze --format ndjson --jobs 2 fixtures/ > "${out}"`);
    expect(many.status).toBe(0);
    expect(many.screen).toMatch(/\[#+-*\] \d+\/\d+ \d+\.\d\/s fixtures\//);
    expect(many.screen.endsWith('\r\u001b[2K')).toBe(true);
    expect(parseLines(readFileSync(out, 'utf8'))).toHaveLength(FIXTURE_ARTICLES.length);
    expect(inTerminal(`${nk} analyze --quiet --format ndjson --jobs 1 fixtures/ > "${out}"`).screen).toBe('');
    expect(inTerminal(`${nk} analyze --format ndjson fixtures/russia-nk-opening.txt > "${out}"`).screen).toBe('');
  });

  it('clears the progress bar before results written to the same terminal, so they never share a line', () => {
    const { status, screen } = inTerminal(`${nk} analyze --format ndjson --jobs 2 fixtures/`);
    expect(status).toBe(0);
    expect(screen).toMatch(/\[#+-*\] \d+\/\d+ /); // the bar was drawn
    const starts = [...screen.matchAll(/\{"schemaVersion"/g)].map((m) => m.index);
    expect(starts).toHaveLength(FIXTURE_ARTICLES.length);
    for (const at of starts) expect(at === 0 || screen.endsWith('\n', at) || screen.endsWith('\r\u001b[2K', at)).toBe(true);
    expect(screen.endsWith('\r\u001b[2K')).toBe(true);
  });
});
