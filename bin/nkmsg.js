#!/usr/bin/env node
// A thin shell: all behaviour is in dist/cli/main.js, which returns an exit code.
import { isatty } from 'node:tty';
import { main } from '../dist/cli/main.js';

// A reader that goes away (`nkmsg ... | head -1`) is a normal end, not an error.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
});

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
});
