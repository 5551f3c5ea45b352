/**
 * NDJSON input from a real pipe: a stream without line ends is stopped with
 * bounded memory. The other attacks on NDJSON input run in process:
 * ../ndjson-input.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers.js';

const records = (stdout: string) => stdout.trim().split('\n').map((l) => JSON.parse(l));

describe('NDJSON input', () => {
  it('stops a stream without line ends within twice --max-bytes, with a clear error and bounded memory', () => {
    const r = spawnSync('bash', ['-c', `head -c 50000000 /dev/zero | tr '\\0' 'x' | node ${BIN} analyze --input-format ndjson --format ndjson --max-bytes 1M`], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(records(r.stdout)[0].error).toEqual({ code: 'too-large', message: 'has no line end within 2 MiB; NDJSON input needs one JSON record a line, each within --max-bytes' });
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
