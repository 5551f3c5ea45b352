/**
 * NDJSON input from a real pipe: a stream without line ends is read with
 * bounded memory, and one that is no NDJSON is stopped at once. The other
 * attacks on NDJSON input run in process: ../ndjson-input.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, tempDir } from '../helpers.js';

const records = (stdout: string) => stdout.trim().split('\n').map((l) => JSON.parse(l));
const pipe = (producer: string, env: NodeJS.ProcessEnv = process.env) =>
  spawnSync('bash', ['-c', `${producer} | node --import ./bench/rss-report.mjs ${BIN} analyze --input-format ndjson --format ndjson --max-bytes 1M`], { cwd: ROOT, encoding: 'utf8', env });

const tmp = tempDir();
afterAll(tmp.cleanup);

describe('NDJSON input', () => {
  it('skips a record without a line end, 50 times --max-bytes long, in bounded memory, with its line number', () => {
    const rss = join(tmp.dir, 'rss');
    const r = pipe(`(printf '{"text":"'; head -c 50000000 /dev/zero | tr '\\0' 'x')`, { ...process.env, NKMSG_BENCH_RSS_FILE: rss });
    expect(r.status).toBe(1);
    expect(records(r.stdout)).toEqual([{ schemaVersion: 1, input: { path: '-', line: 1 }, error: { code: 'too-large', message: 'line 1 is over the --max-bytes limit of 1 MiB; raise --max-bytes' } }]);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    // About 95 MB here, reading and dropping the line; holding its 50 MB would pass 145 MB.
    expect(Number(readFileSync(rss, 'utf8')) / 1024).toBeLessThan(140);
  });

  it('stops a stream without line ends that is no NDJSON as soon as it passes --max-bytes', () => {
    // `yes` never ends: only stopping reading ends the run.
    const r = pipe(`yes x | tr -d '\\n'`);
    expect(r.status).toBe(1);
    expect(records(r.stdout)[0].error.code).toBe('not-ndjson');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
