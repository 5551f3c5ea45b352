#!/usr/bin/env node
// Writes dist/help.txt, what `nkmsg --help` prints, as a step of `npm run build`: the bin prints
// it without loading the command line (commander and the rest cost about a third of --help's
// time). The text is the program's own, written at a fixed width; the bin uses it only while it
// is at least as new as dist/cli/main.js, so a build without this step never shows stale help.
import fs from 'node:fs';
import { Writable } from 'node:stream';
import { main } from '../dist/cli/main.js';

let text = '';
const stdout = new Writable({
  write(chunk, _encoding, done) {
    text += chunk;
    done();
  },
});
const code = await main({ argv: ['--help'], stdin: process.stdin, stdout, stderr: process.stderr, env: {} });
if (code !== 0 || text === '') {
  console.error(`help-text: nkmsg --help gave exit ${code} and ${text.length} characters; dist/help.txt not written`);
  process.exit(1);
}
fs.writeFileSync(new URL('../dist/help.txt', import.meta.url), text);
