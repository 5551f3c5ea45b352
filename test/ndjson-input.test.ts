/**
 * NDJSON input under attack: lines past --max-bytes, ids that are not ids,
 * texts that are not text, duplicates; every record keeps its line number.
 * A stream without line ends, through a real pipe: e2e/ndjson-input.test.ts.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, nkmsgInProcess, tempDir } from './helpers.js';

const tmp = tempDir();
afterAll(tmp.cleanup);

const run = (input: string | Buffer, args: string[] = []) => nkmsgInProcess(['analyze', '--input-format', 'ndjson', '--format', 'ndjson', ...args], { input });
const records = (stdout: string) => stdout.trim().split('\n').map((l) => JSON.parse(l));

describe('NDJSON input', () => {
  it('names a bad record\'s line once on stderr, as in its error record', async () => {
    const r = await run('{"id":1.5,"text":"Russia warns Japan."}\n{"id":"f","text":"\\u0000 x"}\n{"id":"g"}\n');
    const out = records(r.stdout);
    expect(out.map((x) => x.error.message.match(/^line \d+\b/)?.[0])).toEqual(['line 1', 'line 2', 'line 3']);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines.slice(0, 3).map((l) => l.match(/^nkmsg: error: -: (line \d+)/)?.[1])).toEqual(['line 1', 'line 2', 'line 3']);
    for (const l of lines) expect(l).not.toMatch(/line (\d+)\b.*line \1\b/);
    expect(r.code).toBe(1);
  });

  it('turns a line past --max-bytes into an error record and goes on with the next line', async () => {
    const long = `{"id":"big","text":"${'x'.repeat(1500)}"}`;
    const r = await run(`{"id":"a","text":"Seoul met Tokyo."}\n${long}\n{"id":"b","text":"Moscow waited."}\n`, ['--max-bytes', '1000']);
    const out = records(r.stdout);
    expect(out.map((x) => [x.input.line, x.input.id ?? null, x.error?.code ?? 'ok'])).toEqual([
      [1, 'a', 'ok'],
      [2, null, 'too-large'],
      [3, 'b', 'ok'],
    ]);
    expect(r.code).toBe(1);
  });

  it('skips a line past twice --max-bytes too, in bounded memory, and reads every line after it', async () => {
    const long = `{"id":"big","text":"${'x'.repeat(5000)}"}`;
    const r = await run(`{"id":"a","text":"Seoul met Tokyo."}\n${long}\n\n{"id":"b","text":"Moscow waited."}\n`, ['--max-bytes', '1000']);
    expect(records(r.stdout).map((x) => [x.input.line, x.input.id ?? null, x.error?.code ?? 'ok'])).toEqual([
      [1, 'a', 'ok'],
      [2, null, 'too-large'],
      [4, 'b', 'ok'],
    ]);
    expect(r.stderr).toBe('nkmsg: error: -: line 2 is over the --max-bytes limit of 1000 bytes; raise --max-bytes\nnkmsg: 2 of 3 inputs analysed, 1 failed\n');
    expect(r.code).toBe(1);
  });

  it('refuses ids that are not strings or safe integers and texts that are not text, warns on duplicate ids and bad UTF-8', async () => {
    const lines = [
      '{"id":"a","text":"Seoul met Tokyo."}',
      '{"id":"a","text":"Beijing spoke."}',
      '{"id":1e400,"text":"Tokyo spoke."}',
      '{"id":"n","text":"bad \\u0000 nul"}',
    ].join('\n');
    const bad = Buffer.concat([Buffer.from(lines + '\n{"id":"u","text":"Seoul '), Buffer.from([0xff]), Buffer.from(' met."}\n')]);
    const r = await run(bad);
    const out = records(r.stdout);
    expect(out.map((x) => [x.input.line, x.error?.code ?? 'ok'])).toEqual([
      [1, 'ok'],
      [2, 'ok'],
      [3, 'bad-record'],
      [4, 'not-text'],
      [5, 'ok'],
    ]);
    expect(out[1].warnings).toContain('id "a" is used by an earlier line too');
    expect(out[2].error.message).toContain('"id" must be a string or a whole number');
    expect(out[4].warnings).toContain('the line is not valid UTF-8; the bad bytes became U+FFFD');
    expect(r.code).toBe(1);
  });
});

describe('NDJSON input that holds no records', () => {
  const precious = '{"precious":true}\n';
  it.each([
    ['an empty stream', ''],
    ['blank lines only', '\n  \n\r\n'],
  ])('%s is a failed input, like a folder without articles: an existing --output is left unchanged, exit 1', async (_, input) => {
    for (const format of ['ndjson', 'json']) {
      const out = join(tmp.dir, `kept.${format}`);
      writeFileSync(out, precious);
      const r = await nkmsgInProcess(['analyze', '--input-format', 'ndjson', '--format', format, '-o', out], { input });
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(`nkmsg: error: -: ${NO_RECORDS}\nnkmsg: ${out} left unchanged: no input could be analysed\n`);
      expect(readFileSync(out, 'utf8')).toBe(precious);
    }
  });

  it('as a file: its error record names it, and no new --output is made', async () => {
    const empty = join(tmp.dir, 'empty.ndjson');
    writeFileSync(empty, '');
    const r = await nkmsgInProcess(['analyze', '--input-format', 'ndjson', '--format', 'ndjson', empty]);
    expect(r.code).toBe(1);
    expect(records(r.stdout)).toEqual([{ schemaVersion: 1, input: { path: empty }, error: { code: 'no-records', message: NO_RECORDS } }]);
    expect(r.stderr).toBe(`nkmsg: error: ${empty}: ${NO_RECORDS}\n`);
    const fresh = join(tmp.dir, 'fresh.ndjson');
    const none = await nkmsgInProcess(['analyze', '--input-format', 'ndjson', '-o', fresh, empty]);
    expect(none.code).toBe(1);
    expect(readdirSync(tmp.dir)).not.toContain('fresh.ndjson');
  });
});

describe('input that is not NDJSON', () => {
  const ADVICE = '--input-format ndjson reads one JSON object a line, like {"id": "a1", "text": "..."}';
  const article = readFileSync(join(FIXTURES, 'russia-nk-opening.txt'));
  it.each([
    ['an article', article, `does not look like NDJSON: line 1 does not start with "{"; ${ADVICE}; an article is read without --input-format ndjson`],
    ['an article after blank lines', Buffer.concat([Buffer.from('\n\n'), article]), `does not look like NDJSON: line 3 does not start with "{"; ${ADVICE}; an article is read without --input-format ndjson`],
    ['UTF-16 NDJSON', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"text":"Seoul met Tokyo."}\n{"text":"Moscow waited."}\n', 'utf16le')]), `is UTF-16 text, not NDJSON; ${ADVICE}, in UTF-8`],
    ['a JSON array', Buffer.from('[\n{"text":"Seoul met Tokyo."}\n]\n'), `does not look like NDJSON: line 1 starts a JSON array; ${ADVICE} (jq -c '.[]' writes an array that way)`],
    ['a first line over --max-bytes that is no record', Buffer.from('x'.repeat(5000) + '\n{"text":"Seoul met Tokyo."}\n'), `does not look like NDJSON: line 1 does not start with "{"; ${ADVICE}; an article is read without --input-format ndjson`],
  ])('%s gives one error for the input, not one a line', async (_, input, message) => {
    const r = await run(input, ['--max-bytes', '1000']);
    expect(r.code).toBe(1);
    expect(records(r.stdout)).toEqual([{ schemaVersion: 1, input: { path: '-' }, error: { code: 'not-ndjson', message } }]);
    expect(r.stderr).toBe(`nkmsg: error: -: ${message}\n`);
  });

  it('a stream that starts as NDJSON keeps one error a line for the lines that are not', async () => {
    const r = await run('{"text":"Seoul met Tokyo."}\nnot json\n[1]\n');
    expect(records(r.stdout).map((x) => [x.input.line, x.error?.code ?? 'ok'])).toEqual([
      [1, 'ok'],
      [2, 'bad-record'],
      [3, 'bad-record'],
    ]);
  });
});

const NO_RECORDS = 'has no records (it is empty or has only blank lines); --input-format ndjson reads one JSON object a line, like {"id": "a1", "text": "..."}';
