#!/usr/bin/env node
// A thin shell: all behaviour is in dist/cli/main.js, which returns an exit code.
import { fstatSync, readFileSync, statSync } from 'node:fs';
import { isatty } from 'node:tty';

const REASONS = { ENOSPC: 'no space left on device', EBADF: 'standard output is closed', EIO: 'input/output error', EDQUOT: 'disk quota exceeded' };
/** One line on stderr and exit 1: the results could not be written, and no stack trace helps with that. */
const cannotWrite = (error) => {
  const reason = REASONS[error.code] ?? String(error.message).replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
  try {
    process.stderr.write(`nkmsg: error: cannot write the results to standard output: ${reason}; redirect it to a file that can be written, or use --output FILE\n`);
  } finally {
    process.exit(1);
  }
};

// A reader that goes away (`nkmsg ... | head -1`) is a normal end, not an error; any other
// failure to write the results (a full disk, a closed stdout) is.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') cannotWrite(error);
});

// The same for stderr (`nkmsg ... 2>&1 >/dev/null | head -1`): the run goes on
// and finishes its results; messages written after the reader left are dropped.
let stderrGone = false;
process.stderr.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
  stderrGone = true;
});
const writeStderr = process.stderr.write.bind(process.stderr);
process.stderr.write = (chunk, encoding, callback) => {
  if (!stderrGone && !process.stderr.destroyed) return writeStderr(chunk, encoding, callback);
  const done = typeof encoding === 'function' ? encoding : callback;
  if (typeof done === 'function') process.nextTick(done);
  return true;
};

/**
 * `nkmsg --help` as the build wrote it (scripts/help-text.mjs), so that help comes without
 * loading the command line; null unless asked for, or where it is older than the build.
 */
function prebuiltHelp(argv) {
  if (argv.length !== 1 || (argv[0] !== '--help' && argv[0] !== '-h')) return null;
  try {
    const help = new URL('../dist/help.txt', import.meta.url);
    return statSync(help).mtimeMs >= statSync(new URL('../dist/cli/main.js', import.meta.url)).mtimeMs ? readFileSync(help, 'utf8') : null;
  } catch {
    return null;
  }
}

const argv = process.argv.slice(2);
const help = prebuiltHelp(argv);
if (help !== null) process.stdout.write(help);
else if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
else await run();

async function run() {
  // Reading process.stdin opens it as a stream, which makes fd 0 non-blocking for every process
  // sharing it (`nkmsg report a/ | cmp - <(nkmsg report a/)`: "cmp: -: Resource temporarily
  // unavailable"). chalk's supports-color imports node:process as an ES module, and Node fills
  // that module's exports by reading each enumerable property of process, stdin among them; so
  // stdin is made non-enumerable first, and is read only where "-" or piped input is.
  Object.defineProperty(process, 'stdin', { enumerable: false });
  const { main } = await import('../dist/cli/main.js');
  process.exitCode = await main({
    argv,
    get stdin() {
      return process.stdin;
    },
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    stdinIsTTY: isatty(0),
    stdoutIsTTY: isatty(1),
    stderrIsTTY: isatty(2),
    stdinFile: () => regularFile(0),
    stdoutFile: () => regularFile(1),
  });
}

/** The identity of the regular file descriptor `fd` is open on, else null (a terminal, a pipe, closed). */
function regularFile(fd) {
  try {
    const info = fstatSync(fd);
    return info.isFile() ? { dev: info.dev, ino: info.ino } : null;
  } catch {
    return null;
  }
}
