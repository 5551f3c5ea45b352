/**
 * Many inputs, in process: folders, parallel runs, failures that lose nothing,
 * --output. A run killed half-way, standard input redirected from the output
 * file, pipes (EPIPE) and terminals need a real process: e2e/batch.test.ts.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURE_ARTICLES, FIXTURES, fixtureArticle, nkmsgInProcess, noStackTrace, parseLines, tempDir } from './helpers.js';

const tmp = tempDir();
afterAll(tmp.cleanup);

describe('folders', () => {
  it('are expanded to their *.txt and *.md files, recursively, in sorted order, hidden files skipped', async () => {
    const dir = join(tmp.dir, 'tree');
    mkdirSync(join(dir, 'b', 'deeper'), { recursive: true });
    mkdirSync(join(dir, '.git'));
    for (const [name, i] of [['c.md', 0], ['a.txt', 1], ['b/z.TXT', 2], ['b/deeper/y.txt', 3], ['.hidden.txt', 4], ['.git/x.txt', 5]] as const) {
      copyFileSync(fixtureArticle(i), join(dir, name));
    }
    writeFileSync(join(dir, 'notes.json'), '{}');
    const run = await nkmsgInProcess(['analyze', '--format', 'ndjson', dir]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(parseLines(run.stdout).map((r) => r.input.path.slice(dir.length + 1))).toEqual(['a.txt', 'b/deeper/y.txt', 'b/z.TXT', 'c.md']);
  });

  it('report a link to an article that cannot be followed to a file as a failed input, saying why; other links to non-files are skipped', async () => {
    const dir = join(tmp.dir, 'links');
    mkdirSync(dir);
    mkdirSync(join(dir, 'sub'));
    copyFileSync(fixtureArticle(0), join(dir, 'a.txt'));
    symlinkSync('gone.txt', join(dir, 'b.txt'));
    symlinkSync('c.txt', join(dir, 'c.txt'));
    symlinkSync('sub', join(dir, 'd.txt'));
    symlinkSync('gone', join(dir, 'notes'));
    const run = await nkmsgInProcess(['analyze', '--format', 'ndjson', dir]);
    expect(run.code).toBe(1);
    expect(parseLines(run.stdout).map((r) => [r.input.path.slice(dir.length + 1), r.error?.code ?? 'ok'])).toEqual([
      ['a.txt', 'ok'],
      ['b.txt', 'not-found'],
      ['c.txt', expect.any(String)],
      ['d.txt', expect.any(String)],
    ]);
    expect(run.stderr.split('\n')).toEqual([
      `nkmsg: error: ${join(dir, 'b.txt')}: is a symbolic link to a file that does not exist; fix or remove the link`,
      `nkmsg: error: ${join(dir, 'c.txt')}: too many symbolic links; check where the link points`,
      `nkmsg: error: ${join(dir, 'd.txt')}: is a folder, not a file; give a file inside it`,
      'nkmsg: 1 of 4 inputs analysed, 3 failed',
      '',
    ]);
  });

  it('with no article in it is a failed input', async () => {
    const empty = join(tmp.dir, 'empty');
    mkdirSync(empty);
    const run = await nkmsgInProcess(['analyze', empty]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`nkmsg: error: ${empty}: has no *.txt or *.md files; give a folder of articles or the files themselves\n`);
  });
});

describe('a folder of 20 articles (more than two batches of eight for the workers) with --jobs 2', () => {
  it('gives one NDJSON line per article in input order, the broken one as an error record, exit 1', async () => {
    const dir = join(tmp.dir, 'corpus');
    mkdirSync(dir);
    for (let i = 0; i < 20; i++) copyFileSync(fixtureArticle(i), join(dir, `article-${String(i).padStart(3, '0')}.txt`));
    writeFileSync(join(dir, 'article-013.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]));
    const run = await nkmsgInProcess(['analyze', dir, '--format', 'ndjson', '--jobs', '2']);
    expect(run.code).toBe(1);
    const lines = parseLines(run.stdout);
    expect(lines).toHaveLength(20);
    expect(lines.map((l) => l.input.path)).toEqual(Array.from({ length: 20 }, (_, i) => join(dir, `article-${String(i).padStart(3, '0')}.txt`)));
    expect(lines[13]).toEqual({
      schemaVersion: 1,
      input: { path: join(dir, 'article-013.txt') },
      error: { code: 'not-text', message: expect.stringMatching(/^not a text file \(it contains NUL bytes\)/) },
    });
    expect(lines.filter((l) => 'error' in l)).toHaveLength(1);
    for (const [i, l] of lines.entries()) if (i !== 13) expect(l.input.sha256).toBe(createHash('sha256').update(readFileSync(fixtureArticle(i))).digest('hex'));
    expect(run.stderr).toBe(
      `nkmsg: error: ${join(dir, 'article-013.txt')}: not a text file (it contains NUL bytes); give a plain-text article (UTF-8, UTF-16 with a byte-order mark, or Windows-1252)\n` +
        'nkmsg: 19 of 20 inputs analysed, 1 failed\n',
    );
    // parallel and in-process runs agree
    const single = await nkmsgInProcess(['analyze', join(dir, 'article-007.txt'), '--format', 'ndjson', '--jobs', '1']);
    expect(JSON.parse(single.stdout)).toEqual(lines[7]);
  });
});

describe('a batch of 20 inputs with 5 broken ones', () => {
  it('loses none of the 15 results and reports each failure', async () => {
    const dir = join(tmp.dir, 'fifty');
    mkdirSync(dir);
    const args: string[] = [];
    for (let i = 0; i < 15; i++) {
      const path = join(dir, `ok-${String(i).padStart(2, '0')}.txt`);
      copyFileSync(fixtureArticle(i), path);
      args.push(path);
    }
    const broken = {
      missing: join(dir, 'missing.txt'),
      binary: join(dir, 'image.txt'),
      utf16NoBom: join(dir, 'utf16.txt'),
      large: join(dir, 'large.txt'),
      emptyFolder: join(dir, 'nothing-here'),
    };
    writeFileSync(broken.binary, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]));
    writeFileSync(broken.utf16NoBom, Buffer.from('Moscow warns Tokyo.', 'utf16le'));
    writeFileSync(broken.large, 'Moscow warns Tokyo. '.repeat(4000));
    mkdirSync(broken.emptyFolder);
    for (const [i, path] of Object.values(broken).entries()) args.splice(i * 4 + 1, 0, path);

    const run = await nkmsgInProcess(['analyze', '--format', 'json', '--max-bytes', '64k', '--jobs', '2', ...args]);
    expect(run.code).toBe(1);
    const results = JSON.parse(run.stdout) as any[];
    expect(results).toHaveLength(20);
    expect(results.map((r) => r.input.path)).toEqual(args);
    const failed = results.filter((r) => 'error' in r);
    expect(failed.map((r) => [r.input.path, r.error.code])).toEqual(
      args.filter((a) => Object.values(broken).includes(a)).map((a) => [a, { [broken.missing]: 'not-found', [broken.binary]: 'not-text', [broken.utf16NoBom]: 'not-text', [broken.large]: 'too-large', [broken.emptyFolder]: 'empty-folder' }[a]]),
    );
    expect(results.filter((r) => !('error' in r) && r.schemaVersion === 1 && r.actors.length === 6)).toHaveLength(15);
    const errors = run.stderr.split('\n').filter((l) => l.startsWith('nkmsg: error: '));
    expect(errors).toHaveLength(5);
    expect(run.stderr).toContain(`nkmsg: error: ${broken.large}: is 78.1 KiB, over the --max-bytes limit of 64 KiB; raise --max-bytes or split the input\n`);
    expect(run.stderr.endsWith('nkmsg: 15 of 20 inputs analysed, 5 failed\n')).toBe(true);
    expect(noStackTrace(run.stderr)).toBe(true);

    const text = await nkmsgInProcess(['analyze', '--max-bytes', '64k', ...args]);
    expect(text.code).toBe(1);
    expect(text.stdout.match(/^Sender: /gm)).toHaveLength(15);
    expect(text.stderr.split('\n').filter((l) => l.startsWith('nkmsg: error: '))).toHaveLength(5);
  });
});

describe('--output FILE', () => {
  it('takes the format from the file name when none is given, and text for other names', async () => {
    const dir = join(tmp.dir, 'named');
    mkdirSync(dir);
    const at = (name: string): string => join(dir, name);
    for (const name of ['r.json', 'r.ndjson', 'r.md', 'r.csv', 'r.txt']) expect((await nkmsgInProcess(['analyze', '-o', at(name), fixtureArticle(0), fixtureArticle(1)])).code).toBe(0);
    expect(JSON.parse(readFileSync(at('r.json'), 'utf8'))).toHaveLength(2);
    expect(parseLines(readFileSync(at('r.ndjson'), 'utf8'))).toHaveLength(2);
    expect(readFileSync(at('r.md'), 'utf8')).toMatch(/^## /m);
    expect(readFileSync(at('r.csv'), 'utf8')).toMatch(/^input,id,title,/);
    expect(readFileSync(at('r.txt'), 'utf8')).toMatch(/^Sender: /m);
    // A format given wins over the name.
    await nkmsgInProcess(['analyze', '--format', 'text', '-o', at('r.json'), fixtureArticle(0)]);
    expect(readFileSync(at('r.json'), 'utf8')).toMatch(/^Sender: /m);
  });

  it('writes the results to the file, not stdout, leaving no temporary file', async () => {
    const dir = join(tmp.dir, 'out1');
    mkdirSync(dir);
    const out = join(dir, 'results.ndjson');
    writeFileSync(out, 'OLD CONTENT\n');
    const run = await nkmsgInProcess(['analyze', '--format', 'ndjson', '-o', out, fixtureArticle(0), fixtureArticle(1)]);
    expect(run).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(parseLines(readFileSync(out, 'utf8'))).toHaveLength(2);
    expect(readdirSync(dir)).toEqual(['results.ndjson']);
  });

  it('leaves an existing file untouched when the run fails to start (killed half-way: e2e)', async () => {
    const dir = join(tmp.dir, 'out2');
    mkdirSync(dir);
    const out = join(dir, 'results.json');
    writeFileSync(out, 'OLD CONTENT\n');
    const bad = await nkmsgInProcess(['analyze', '--json', '--sender', 'nowhere', '-o', out, fixtureArticle(0)]);
    expect(bad.code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('OLD CONTENT\n');

    expect(readFileSync(out, 'utf8')).toBe('OLD CONTENT\n');
  });

  it('never overwrites an input file, however it is named', async () => {
    const dir = join(tmp.dir, 'out3');
    mkdirSync(dir);
    const input = join(dir, 'article.txt');
    copyFileSync(fixtureArticle(0), input);
    const before = readFileSync(input, 'utf8');
    for (const out of [input, join(dir, '.', '..', 'out3', 'article.txt')]) {
      const run = await nkmsgInProcess(['analyze', '--json', '-o', out, input]);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(`nkmsg: error: --output ${out}: is also an input; write the results to another file\n`);
    }
    linkSync(input, join(dir, 'hardlink.txt'));
    const viaLink = await nkmsgInProcess(['analyze', '--json', '-o', join(dir, 'hardlink.txt'), dir]);
    expect(viaLink.code).toBe(2);
    expect(viaLink.stderr).toContain('is also an input');
    expect(readFileSync(input, 'utf8')).toBe(before);
  });

  it('refuses the --actors file, exit 2 (standard input redirected from the output: e2e)', async () => {
    const dir = join(tmp.dir, 'out4');
    mkdirSync(dir);
    const actors = join(dir, 'actors.json');
    writeFileSync(actors, (await nkmsgInProcess(['actors', '--json'])).stdout);
    const actorsBefore = readFileSync(actors, 'utf8');
    const input = join(dir, 'in.txt');
    copyFileSync(fixtureArticle(0), input);
    const before = readFileSync(input, 'utf8');

    const run = await nkmsgInProcess(['analyze', '--actors', actors, '--json', '-o', actors, fixtureArticle(0)]);
    expect(run).toEqual({ code: 2, stdout: '', stderr: `nkmsg: error: --output ${actors}: is the --actors file; write the results to another file\n` });
    expect(readFileSync(actors, 'utf8')).toBe(actorsBefore);

    expect(readFileSync(input, 'utf8')).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(['actors.json', 'in.txt']);
  });

  it('follows a symbolic link: the file it points to is replaced whole, the link stays a link', async () => {
    const dir = join(tmp.dir, 'out5');
    const elsewhere = join(tmp.dir, 'out5-real');
    mkdirSync(dir);
    mkdirSync(elsewhere);
    const real = join(elsewhere, 'results.ndjson');
    writeFileSync(real, 'OLD CONTENT\n');
    const link = join(dir, 'link.ndjson');
    symlinkSync(real, link);
    const run = await nkmsgInProcess(['analyze', '--format', 'ndjson', '-o', link, fixtureArticle(0), fixtureArticle(1)]);
    expect(run).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(real);
    expect(parseLines(readFileSync(real, 'utf8')).map((r) => r.input.path)).toEqual([fixtureArticle(0), fixtureArticle(1)]);
    expect(readdirSync(dir)).toEqual(['link.ndjson']);
    expect(readdirSync(elsewhere)).toEqual(['results.ndjson']);

    // A link to a file that does not exist yet: the file is created where it points.
    const dangling = join(dir, 'dangling.ndjson');
    symlinkSync('new.ndjson', dangling);
    expect((await nkmsgInProcess(['analyze', '--format', 'ndjson', '-o', dangling, fixtureArticle(0)])).code).toBe(0);
    expect(lstatSync(dangling).isSymbolicLink()).toBe(true);
    expect(parseLines(readFileSync(join(dir, 'new.ndjson'), 'utf8'))).toHaveLength(1);
  });

  it.runIf(spawnSync('mkfifo', ['--version']).status === 0)('writes into a FIFO as a stream, leaving it a FIFO', async () => {
    const dir = join(tmp.dir, 'out6');
    mkdirSync(dir);
    const fifo = join(dir, 'results.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = spawn('cat', [fifo], { stdio: ['ignore', 'pipe', 'ignore'] });
    let read = '';
    reader.stdout.setEncoding('utf8').on('data', (d: string) => (read += d));
    const readerDone = new Promise((r) => reader.on('close', r));
    const run = await nkmsgInProcess(['analyze', '--format', 'ndjson', '-o', fifo, fixtureArticle(0), fixtureArticle(1)]);
    // Had the FIFO been replaced, cat would wait for a writer for ever.
    const timer = setTimeout(() => reader.kill(), 3000);
    await readerDone;
    clearTimeout(timer);
    expect(run).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(parseLines(read).map((r) => r.input.path)).toEqual([fixtureArticle(0), fixtureArticle(1)]);
    expect(readdirSync(dir)).toEqual(['results.fifo']);
  });

  it('writes into a device node without replacing it', async (context) => {
    const dir = join(tmp.dir, 'out7');
    mkdirSync(dir);
    const device = join(dir, 'null');
    // A copy of /dev/null in the temporary folder, so that a failure cannot harm the real one.
    if (spawnSync('mknod', ['-m', '666', device, 'c', '1', '3']).status !== 0) context.skip('mknod needs root (CAP_MKNOD)');
    const run = await nkmsgInProcess(['analyze', '--json', '-o', device, fixtureArticle(0)]);
    expect(run).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(lstatSync(device).isCharacterDevice()).toBe(true);
    expect(readdirSync(dir)).toEqual(['null']);
  });

  it('keeps an existing file, and leaves no temporary file, when no input could be analysed', async () => {
    // A copy of the fixtures, the output written beside them, as a user would.
    const dir = join(tmp.dir, 'out8');
    mkdirSync(dir);
    for (const name of FIXTURE_ARTICLES) copyFileSync(join(FIXTURES, name), join(dir, name));
    const out = join(dir, 'out.json');
    const listing = [...FIXTURE_ARTICLES, 'out.json'].sort();

    const ok = await nkmsgInProcess(['analyze', '--format', 'json', '-o', out, dir]);
    expect(ok).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(JSON.parse(readFileSync(out, 'utf8'))).toHaveLength(FIXTURE_ARTICLES.length);
    expect(readdirSync(dir).sort()).toEqual(listing);

    writeFileSync(out, '{"precious":true}\n');
    const missing = join(dir, 'missing.txt');
    const failed = await nkmsgInProcess(['analyze', '--json', '-o', out, missing]);
    expect(failed).toEqual({
      code: 1,
      stdout: '',
      stderr: `nkmsg: error: ${missing}: no such file or folder; check the path and the current folder\nnkmsg: ${out} left unchanged: no input could be analysed\n`,
    });
    expect(readFileSync(out, 'utf8')).toBe('{"precious":true}\n');
    expect(readdirSync(dir).sort()).toEqual(listing);

    const allFailed = await nkmsgInProcess(['analyze', '--format', 'ndjson', '-o', out, missing, join(dir, 'gone.txt')]);
    expect(allFailed.code).toBe(1);
    expect(allFailed.stderr.endsWith(`nkmsg: 0 of 2 inputs analysed, 2 failed\nnkmsg: ${out} left unchanged: no input could be analysed\n`)).toBe(true);
    expect(readFileSync(out, 'utf8')).toBe('{"precious":true}\n');

    const fresh = join(dir, 'fresh.json');
    const notWritten = await nkmsgInProcess(['analyze', '--json', '-o', fresh, missing]);
    expect(notWritten.code).toBe(1);
    expect(notWritten.stderr.endsWith(`nkmsg: ${fresh} not written: no input could be analysed\n`)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(listing);

    // One input analysed is a result: the file is replaced, the failure kept as its error record.
    const some = await nkmsgInProcess(['analyze', '--format', 'ndjson', '-o', out, join(dir, FIXTURE_ARTICLES[0]!), missing]);
    expect(some.code).toBe(1);
    expect(parseLines(readFileSync(out, 'utf8')).map((r) => r.error?.code ?? 'ok')).toEqual(['ok', 'not-found']);
    expect(readdirSync(dir).sort()).toEqual(listing);
  });

  it('refuses a folder or a missing folder as the output, exit 2', async () => {
    const run = await nkmsgInProcess(['analyze', '--json', '-o', tmp.dir, fixtureArticle(0)]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`nkmsg: error: --output ${tmp.dir}: is a folder; give a file name\n`);
    const missing = join(tmp.dir, 'no', 'such', 'out.json');
    const run2 = await nkmsgInProcess(['analyze', '--json', '-o', missing, fixtureArticle(0)]);
    expect(run2.code).toBe(2);
    expect(run2.stderr).toBe(`nkmsg: error: --output ${missing}: its folder does not exist; create it first\n`);
  });

  it('refuses, before the run and with the true reason, a folder name ending in "/" and a path through a file, exit 2', async () => {
    const dir = join(tmp.dir, 'no-place');
    mkdirSync(dir);
    const file = join(dir, 'file.txt');
    writeFileSync(file, 'not a folder');
    const cases: [string[], string][] = [
      [['-o', join(dir, 'newdir') + '/'], 'names a folder (it ends in "/"); give a file name'],
      [['-f', 'ndjson', '--resume', '-o', join(dir, 'newdir') + '/'], 'names a folder (it ends in "/"); give a file name'],
      [['-o', join(file, 'x')], `${file} is a file, so no file can be made inside it; give a path through folders`],
      [['-o', join(file, 'x', 'y.json')], `${file} is a file, so no file can be made inside it; give a path through folders`],
    ];
    for (const [args, reason] of cases) {
      const run = await nkmsgInProcess(['analyze', ...args, join(FIXTURES, 'no-such-article.txt')]);
      expect(run.code).toBe(2);
      // Refused up front: the missing input is never reported.
      expect(run.stderr).toBe(`nkmsg: error: --output ${args.at(-1)}: ${reason}\n`);
    }
    expect(readdirSync(dir)).toEqual(['file.txt']);
  });
});
