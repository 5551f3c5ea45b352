/**
 * The built binary where its output cannot go: a full standard output, a
 * folder or file another user cannot write, descriptors the shell opened,
 * signals while writing. One clear line on stderr, the right exit code. The
 * cases that need no real process are in ../cli-streams.test.ts.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, nkmsg, ROOT, tempDir } from '../helpers.js';

const ARTICLE = 'fixtures/russia-nk-opening.txt';
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const shell = (command: string) => spawnSync('bash', ['-c', command], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

describe('output that cannot be written', () => {
  it('reports a full disk on stdout in one line, exit 1, no stack trace', () => {
    const run = shell(`node ${BIN} analyze ${ARTICLE} > /dev/full`);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('nkmsg: error: cannot write the results to standard output: no space left on device; redirect it to a file that can be written, or use --output FILE\n');
  });

  it.skipIf(process.getuid?.() !== 0)('says what is wrong when --output is in a folder its user cannot write into', async () => {
    const tmp = tempDir();
    try {
      shell(`chmod 755 ${tmp.dir} && mkdir ${tmp.dir}/ro && chmod 555 ${tmp.dir}/ro`);
      const probe = await nkmsg(['--version'], { uid: 65534, gid: 65534 }).catch(() => null);
      if (probe?.code !== 0) return;
      const run = await nkmsg(['analyze', ARTICLE, '-o', join(tmp.dir, 'ro', 'out.txt')], { uid: 65534, gid: 65534 });
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(`nkmsg: error: cannot write ${join(tmp.dir, 'ro', 'out.txt')}: permission denied (its folder is not writable); choose another folder\n`);
    } finally {
      tmp.cleanup();
    }
  });
});

describe('--output that cannot be written', () => {
  const isRoot = process.getuid?.() === 0;
  const NOBODY = 65534;

  it.skipIf(!isRoot)('reports a full disk naming the target, removes its temporary file and leaves the target as it was', async () => {
    const tmp = tempDir();
    const disk = join(tmp.dir, 'disk');
    try {
      shell(`mkdir -p ${disk} && mount -t tmpfs -o size=64k tmpfs ${disk}`);
      const mounted = shell(`mountpoint -q ${disk}`).status === 0;
      if (!mounted) return; // no tmpfs here: nothing to fill
      const target = join(disk, 'out.json');
      writeFileSync(target, 'before\n');
      const run = await nkmsg(['analyze', '--format', 'json', '-o', target, 'fixtures/']);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`nkmsg: error: ${target}: cannot write: no space left on device`);
      expect(shell(`ls -A ${disk}`).stdout).toBe('out.json\n');
      expect(shell(`cat ${target}`).stdout).toBe('before\n');
    } finally {
      shell(`umount ${disk} 2>/dev/null`);
      tmp.cleanup();
    }
  });

  it.skipIf(!isRoot)('refuses to replace a file its user cannot write, and keeps the mode and owner of a file it replaces', async () => {
    const tmp = tempDir();
    try {
      shell(`chmod 777 ${tmp.dir}`);
      const theirs = join(tmp.dir, 'theirs.txt');
      writeFileSync(theirs, 'keep\n', { mode: 0o644 });
      // The unprivileged user must be able to run the checkout at all (CI's clone may not be readable to it).
      const probe = await nkmsg(['--version'], { uid: NOBODY, gid: NOBODY }).catch(() => null);
      if (probe?.code !== 0) return;
      const refused = await nkmsg(['analyze', ARTICLE, '-o', theirs], { uid: NOBODY, gid: NOBODY });
      expect(refused.code).toBe(2);
      expect(refused.stderr).toBe(`nkmsg: error: cannot write ${theirs}: permission denied; choose a file you can write\n`);
      expect(shell(`cat ${theirs}`).stdout).toBe('keep\n');
      const mine = join(tmp.dir, 'mine.txt');
      writeFileSync(mine, 'x\n', { mode: 0o640 });
      shell(`chown ${NOBODY} ${mine}`);
      const replaced = await nkmsg(['analyze', ARTICLE, '-o', mine]);
      expect(replaced.code).toBe(0);
      expect(shell(`stat -c '%u %a' ${mine}`).stdout).toBe(`${NOBODY} 640\n`);
    } finally {
      tmp.cleanup();
    }
  });
});

describe('check --update on an expectation file its user may not write', () => {
  // Root may write anything, so as root the runs are as "nobody", which must reach the checkout and node.
  const asRoot = process.getuid?.() === 0;
  const user = asRoot ? { uid: 65534, gid: 65534 } : {};
  const canRun = async (): Promise<boolean> => !asRoot || (await nkmsg(['--version'], user).catch(() => null))?.code === 0;
  const pin = '{"sender":"tokyo"}\n';

  it('leaves a read-only expectation file as it was, updates the others and exits 2 with a remedy and the summary', async (context) => {
    const tmp = tempDir();
    try {
      shell(`chmod 777 ${tmp.dir} && cp ${ARTICLE} ${tmp.dir}/a.txt && cp ${ARTICLE} ${tmp.dir}/b.txt`);
      writeFileSync(join(tmp.dir, 'a.expect.json'), pin, { mode: 0o444 });
      writeFileSync(join(tmp.dir, 'b.expect.json'), pin, { mode: 0o666 });
      shell(`chmod 444 ${tmp.dir}/a.expect.json && chmod 666 ${tmp.dir}/b.expect.json`);
      if (!(await canRun())) context.skip('this checkout or node is not readable by an unprivileged user');
      const owner = shell(`stat -c '%u %a' ${tmp.dir}/a.expect.json`).stdout;
      const run = await nkmsg(['check', '--update', tmp.dir], user);
      expect(run.stdout).toBe(`ERROR ${tmp.dir}/a.txt\nUPDATED ${tmp.dir}/b.expect.json\n\n2 fixture(s): 1 expectation file(s) written, 1 not writable\n`);
      expect(run.stderr).toBe(
        `nkmsg: error: ${tmp.dir}/a.expect.json: cannot write: permission denied (the file is read-only for you), left as it was; make it writable (chmod u+w, as its owner) or run as a user who may write it\n`,
      );
      expect(run.code).toBe(2);
      expect(shell(`cat ${tmp.dir}/a.expect.json`).stdout).toBe(pin);
      expect(shell(`stat -c '%u %a' ${tmp.dir}/a.expect.json`).stdout).toBe(owner);
      expect(shell(`ls -A ${tmp.dir}`).stdout).toBe('a.expect.json\na.txt\nb.expect.json\nb.txt\n');
    } finally {
      tmp.cleanup();
    }
  });

  it('refuses an expectation file in a folder its user cannot write, with a remedy, exit 2', async (context) => {
    const tmp = tempDir();
    try {
      shell(`cp ${ARTICLE} ${tmp.dir}/a.txt`);
      writeFileSync(join(tmp.dir, 'a.expect.json'), pin, { mode: 0o666 });
      // The file is writable, the folder not: the new file renamed over it cannot be made.
      shell(`chmod 666 ${tmp.dir}/a.expect.json && chmod 555 ${tmp.dir}`);
      if (!(await canRun())) context.skip('this checkout or node is not readable by an unprivileged user');
      const run = await nkmsg(['check', '--update', join(tmp.dir, 'a.txt')], user);
      expect(run.stdout).toBe(`ERROR ${tmp.dir}/a.txt\n\n1 fixture(s): 0 expectation file(s) written, 1 not writable\n`);
      expect(run.stderr).toBe(
        `nkmsg: error: ${tmp.dir}/a.expect.json: cannot write: permission denied (its folder is not writable for you, and the file is written new and renamed into it), left as it was; make the folder writable (chmod u+w, as its owner) or run as a user who may write there\n`,
      );
      expect(run.code).toBe(2);
      expect(shell(`cat ${tmp.dir}/a.expect.json`).stdout).toBe(pin);
    } finally {
      shell(`chmod 755 ${tmp.dir}`);
      tmp.cleanup();
    }
  });
});

describe('--output to a descriptor the shell opened', () => {
  it('appends to the file stdout is redirected to, and writes into a pipe, never renaming anything', () => {
    const tmp = tempDir();
    try {
      const log = join(tmp.dir, 'log.txt');
      writeFileSync(log, 'an old line\n');
      const appended = shell(`node ${BIN} analyze ${ARTICLE} --format csv -o /dev/stdout >> ${log} && cat ${log}`);
      expect(appended.status).toBe(0);
      expect(appended.stdout.startsWith('an old line\ninput,id,title,')).toBe(true);
      const piped = shell(`node ${BIN} analyze ${ARTICLE} --format csv -o /dev/stdout | head -1`);
      expect(piped.stdout).toBe('input,id,title,date,sender,actor,name,mentions,sentences,cooperative,conflictual,neutral,posture,verdict,error\r\n');
      const fd = shell(`node ${BIN} analyze ${ARTICLE} --format csv -o /proc/self/fd/3 3>> ${log} && wc -l < ${log}`);
      expect(fd.status).toBe(0);
      expect(Number(fd.stdout.trim())).toBeGreaterThan(10);
      expect(shell(`ls -A ${tmp.dir}`).stdout).toBe('log.txt\n');
    } finally {
      tmp.cleanup();
    }
  });
});

describe('standard input when inputs are named', () => {
  /**
   * The flags of the child's fd 0 sampled while it runs. Opening stdin as a stream makes it
   * non-blocking (O_NONBLOCK, 04000 octal) for every process sharing it, so a reader beside
   * the run fails: `nkmsg report a/ | cmp - <(nkmsg report a/)` gave "cmp: -: Resource
   * temporarily unavailable".
   */
  const stdinFlags = (args: string[]): Promise<number[]> =>
    new Promise((done, fail) => {
      const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['pipe', 'ignore', 'ignore'] });
      const seen: number[] = [];
      const sample = setInterval(() => {
        try {
          const flags = /^flags:\s+(\d+)/m.exec(readFileSync(`/proc/${child.pid}/fdinfo/0`, 'utf8'))?.[1];
          if (flags !== undefined) seen.push(parseInt(flags, 8));
        } catch {
          // the child is gone
        }
      }, 20);
      child.on('error', fail);
      child.on('close', () => {
        clearInterval(sample);
        child.stdin.destroy();
        done(seen);
      });
    });

  it.skipIf(!existsSync('/proc/self/fdinfo/0')).each([
    ['report', ['report', ARTICLE, '--format', 'json', '-q']],
    ['analyze', ['analyze', ARTICLE, '--format', 'json']],
  ])('%s leaves it as it is, blocking', async (_command, args) => {
    const flags = await stdinFlags(args);
    expect(flags.length).toBeGreaterThan(0);
    expect(flags.filter((f) => (f & 0o4000) !== 0)).toEqual([]);
  });
});

describe('signals while writing --output', () => {
  it.concurrent.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('%s removes the temporary file, leaves the target as it was and exits %i', async (signal, code) => {
    const tmp = tempDir();
    try {
      const big = join(tmp.dir, 'big.txt');
      const article = shell(`cat ${ARTICLE}`).stdout;
      writeFileSync(big, Array.from({ length: 10 }, () => article).join('\n\n'));
      const target = join(tmp.dir, 'out.json');
      writeFileSync(target, 'before\n');
      const child = spawn(process.execPath, [BIN, 'analyze', '--format', 'json', '--jobs', '1', '-o', target, ...Array.from({ length: 150 }, () => big)], { cwd: ROOT, stdio: 'ignore' });
      // Signalled once its temporary file exists (the handlers are set as it is opened), so mid-run.
      const exited = new Promise<number | null>((done) => child.on('exit', (c) => done(c)));
      for (let waited = 0; waited < 20_000 && child.exitCode === null && !readdirSync(tmp.dir).some((f) => f.endsWith('.tmp')); waited += 10) {
        await new Promise((done) => setTimeout(done, 10));
      }
      await new Promise((done) => setTimeout(done, 100));
      expect(child.exitCode).toBe(null);
      child.kill(signal);
      expect(await exited).toBe(code);
      expect(shell(`ls -A ${tmp.dir}`).stdout).toBe('big.txt\nout.json\n');
      expect(shell(`cat ${target}`).stdout).toBe('before\n');
    } finally {
      tmp.cleanup();
    }
  });
});

describe('a folder of articles with an unreadable subfolder', () => {
  it.skipIf(process.getuid?.() !== 0)('reports that subfolder alone, with folder advice, and analyses every readable article, exit 1', async () => {
    const tmp = tempDir();
    try {
      const article = shell(`cat ${ARTICLE}`).stdout;
      shell(`mkdir -p ${tmp.dir}/tree/a ${tmp.dir}/tree/locked && chmod 755 ${tmp.dir} ${tmp.dir}/tree ${tmp.dir}/tree/a`);
      for (const f of ['tree/a/one.txt', 'tree/locked/two.txt', 'tree/z.txt']) writeFileSync(join(tmp.dir, f), article, { mode: 0o644 });
      shell(`chmod 000 ${tmp.dir}/tree/locked`);
      const probe = await nkmsg(['--version'], { uid: 65534, gid: 65534 }).catch(() => null);
      if (probe?.code !== 0) return;
      const run = await nkmsg(['analyze', join(tmp.dir, 'tree'), '--format', 'ndjson'], { uid: 65534, gid: 65534 });
      const records = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
      expect(records.map((r) => [r.input.path, r.error?.code ?? 'ok'])).toEqual([
        [join(tmp.dir, 'tree/a/one.txt'), 'ok'],
        [join(tmp.dir, 'tree/locked'), 'permission-denied'],
        [join(tmp.dir, 'tree/z.txt'), 'ok'],
      ]);
      expect(run.stderr).toContain(`${join(tmp.dir, 'tree/locked')}: is a folder that cannot be read; make it readable and searchable (chmod +rx)`);
      expect(run.code).toBe(1);
    } finally {
      shell(`chmod -R 755 ${tmp.dir}`);
      tmp.cleanup();
    }
  });
});
