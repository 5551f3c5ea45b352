/**
 * NDJSON input from a real pipe: a stream without line ends is read with
 * bounded memory, and one that is no NDJSON is stopped at once. The other
 * attacks on NDJSON input run in process: ../ndjson-input.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers.js';

const records = (stdout: string) => stdout.trim().split('\n').map((l) => JSON.parse(l));
const pipe = (producer: string) => spawnSync('bash', ['-c', `${producer} | node ${BIN} analyze --input-format ndjson --format ndjson --max-bytes 1M`], { cwd: ROOT, encoding: 'utf8' });

describe('NDJSON input', () => {
  it('skips a record without a line end, 50 times --max-bytes long, in bounded memory, with its line number', () => {
    const r = pipe(`(printf '{"text":"'; head -c 50000000 /dev/zero | tr '\\0' 'x')`);
    expect(r.status).toBe(1);
    expect(records(r.stdout)).toEqual([{ schemaVersion: 1, input: { path: '-', line: 1 }, error: { code: 'too-large', message: 'line 1 is over the --max-bytes limit of 1 MiB; raise --max-bytes' } }]);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('stops a stream without line ends that is no NDJSON as soon as it passes --max-bytes', () => {
    // `yes` never ends: only stopping reading ends the run.
    const r = pipe(`yes x | tr -d '\\n'`);
    expect(r.status).toBe(1);
    expect(records(r.stdout)[0].error.code).toBe('not-ndjson');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
