/** The CLI's output, as main() writes it for the bin, against the JSON Schema the project ships. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { FIXTURES, nkmsgInProcess as nkmsg, ROOT } from './helpers.js';

const schema = JSON.parse(readFileSync(join(ROOT, 'schema', 'result.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true }).compile(schema);
const expectValid = (value: unknown): void => {
  expect(validate(value), JSON.stringify(validate.errors, null, 2)).toBe(true);
};

const RUSSIA = join(FIXTURES, 'russia-nk-opening.txt');
const TURKEY = join(FIXTURES, 'turkey-four-addressees.txt');

describe('CLI output against schema/result.schema.json', () => {
  it('--json for one fixture: one result object', async () => {
    const run = await nkmsg(['analyze', '--json', RUSSIA]);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expectValid(result);
    expect(result.input.path).toBe(RUSSIA);
    expect(result.sentences.length).toBeGreaterThan(0);
    expect('error' in result).toBe(false);
  });

  it('--json with --explain: no sentence has because (the reasons are for text output)', async () => {
    const run = await nkmsg(['analyze', '--json', '--explain', RUSSIA]);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expectValid(result);
    expect(result.sentences.filter((s: { because?: unknown }) => 'because' in s)).toEqual([]);
    expect(run.stderr).toContain('--explain adds to text output only');
  });

  it('--format json for two inputs: an array of a result and the error record of a missing file', async () => {
    const missing = join(FIXTURES, 'no-such-article.txt');
    const run = await nkmsg(['analyze', '--format', 'json', '--actors', join(FIXTURES, 'turkey-four-addressees.actors.json'), TURKEY, missing]);
    expect(run.code).toBe(1);
    const results = JSON.parse(run.stdout);
    expect(Array.isArray(results)).toBe(true);
    expect(results).toHaveLength(2);
    for (const result of results) expectValid(result);
    expect(results[0].input.path).toBe(TURKEY);
    expect(results[0].actors.length).toBeGreaterThan(0);
    expect(results[1]).toEqual({ schemaVersion: 1, input: { path: missing }, error: { code: 'not-found', message: expect.any(String) } });
  });

  it('--format ndjson with --input-format ndjson: every line valid, ids kept, error records with their line', async () => {
    const article = readFileSync(RUSSIA, 'utf8');
    const input = [
      JSON.stringify({ id: 'a1', text: article }),
      JSON.stringify({ id: 7, text: 'Moscow warns Tokyo.\n\nSeoul praises Beijing.' }),
      '{"id": "broken", "text": ',
      '',
      JSON.stringify({ text: 'Beijing and Seoul agree to talk.' }),
      JSON.stringify({ id: 'no-text' }),
    ].join('\n');
    const run = await nkmsg(['analyze', '--input-format', 'ndjson', '--format', 'ndjson'], { input });
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(5);
    for (const line of lines) expectValid(line);
    expect(lines.map((l) => ('error' in l ? `error at line ${l.input.line}` : l.input.id))).toEqual(['a1', 7, 'error at line 3', 5, 'error at line 6']);
    expect(lines[2].input).toEqual({ path: '-', line: 3 });
    expect(lines[4].input).toEqual({ path: '-', line: 6, id: 'no-text' });
    for (const failure of lines.filter((l) => 'error' in l)) {
      expect(failure.input.path).toBe('-');
      expect(failure.error.code).toBe('bad-record');
    }
    expect(lines[0].input).toMatchObject({ path: '-', id: 'a1', encoding: 'utf-8' });
  });

  it('the schema is not a rubber stamp: a wrong record is refused', () => {
    expect(validate({ schemaVersion: 1, input: { path: '-', line: 0 }, error: { code: 'bad-record', message: 'x' } })).toBe(false);
    expect(validate({ schemaVersion: 2, input: { path: '-' }, error: { code: 'bad-record', message: 'x' } })).toBe(false);
  });
});
