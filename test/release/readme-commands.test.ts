/**
 * Every command of the README's shell examples, run as written, in order,
 * in a copy of the folders they read (so that `check --update` and the
 * files they write touch nothing here), with `nkmsg` on the PATH as the
 * quick start's `npm link` puts it. Only the several-machine GNU parallel
 * line is left out: it needs hosts.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, cleanEnv, noStackTrace, ROOT, tempDir } from '../helpers.js';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
/** Commands of the ```sh blocks that run nkmsg (the npm, node and bash lines are the developer's loop). */
const COMMANDS = [...README.matchAll(/```sh\n([\s\S]*?)```/g)]
  .flatMap((block) => block[1]!.split('\n'))
  .map((line) => line.replace(/\s+#\s.*$/, '').trim())
  .filter((line) => /^(nkmsg|parallel) /.test(line));
const UNTESTED = (line: string): boolean => / -S /.test(line);

const tmp = tempDir('nkmsg-readme-commands-');
afterAll(tmp.cleanup);
let env: Record<string, string>;

beforeAll(() => {
  cpSync(join(ROOT, 'fixtures'), join(tmp.dir, 'fixtures'), { recursive: true });
  cpSync(join(ROOT, 'examples'), join(tmp.dir, 'examples'), { recursive: true });
  const shim = join(tmp.dir, 'bin', 'nkmsg');
  cpSync(join(ROOT, 'package.json'), join(tmp.dir, 'package.json'));
  writeFileSync(join(tmp.dir, 'nkmsg-shim'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  cpSync(join(tmp.dir, 'nkmsg-shim'), shim);
  chmodSync(shim, 0o755);
  env = cleanEnv({ PATH: `${join(tmp.dir, 'bin')}:${process.env['PATH'] ?? '/usr/bin:/bin'}` });
});

describe('the README examples, run as written', () => {
  it('finds the commands', () => {
    expect(COMMANDS.length).toBeGreaterThanOrEqual(15);
    expect(COMMANDS.filter(UNTESTED)).toHaveLength(1);
  });

  for (const command of COMMANDS.filter((c) => !UNTESTED(c))) {
    it(command, () => {
      const run = spawnSync('bash', ['-o', 'pipefail', '-c', command], { cwd: tmp.dir, env, encoding: 'utf8', timeout: 120_000 });
      expect(run.status, run.stderr).toBe(0);
      expect(noStackTrace(run.stderr)).toBe(true);
    }, 130_000);
  }
});
