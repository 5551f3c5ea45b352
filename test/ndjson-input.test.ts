/**
 * NDJSON input under attack: lines past --max-bytes, ids that are not ids,
 * texts that are not text, duplicates; every record keeps its line number.
 * A stream without line ends, through a real pipe: e2e/ndjson-input.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { nkmsgInProcess } from './helpers.js';

const run = (input: string | Buffer, args: string[] = []) => nkmsgInProcess(['analyze', '--input-format', 'ndjson', '--format', 'ndjson', ...args], { input });
const records = (stdout: string) => stdout.trim().split('\n').map((l) => JSON.parse(l));

describe('NDJSON input', () => {
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
