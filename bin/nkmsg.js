#!/usr/bin/env node
// A thin shell: all behaviour is in dist/cli/main.js, which returns an exit code.
import { fstatSync } from 'node:fs';
import { isatty } from 'node:tty';
import { main } from '../dist/cli/main.js';

// A reader that goes away (`nkmsg ... | head -1`) is a normal end, not an error.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
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

process.exitCode = await main({
  argv: process.argv.slice(2),
  get stdin() {
    return process.stdin;
  },
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  stdinIsTTY: isatty(0),
  stdoutIsTTY: isatty(1),
  stderrIsTTY: isatty(2),
  stdinFile: () => {
    try {
      const info = fstatSync(0);
      return info.isFile() ? { dev: info.dev, ino: info.ino } : null;
    } catch {
      return null;
    }
  },
});
