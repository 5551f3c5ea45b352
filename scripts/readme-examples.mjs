/**
 * The README's examples: each `<!-- example: COMMAND -->` block holds what
 * COMMAND prints now. Shared by scripts/update-readme.mjs (which rewrites
 * the blocks) and test/release/readme.test.ts (which fails when they drift).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
export const EXAMPLE = /<!-- example: (.+?) -->\n```text\n([\s\S]*?)```\n<!-- \/example -->/g;

/** A folder with an `nkmsg` command that runs this checkout's bin. */
function shimFolder() {
  const dir = mkdtempSync(join(tmpdir(), 'nkmsg-readme-'));
  const shim = join(dir, 'nkmsg');
  writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${join(ROOT, 'bin', 'nkmsg.js')}" "$@"\n`);
  chmodSync(shim, 0o755);
  return dir;
}

let shims;

function colourless(env) {
  delete env.FORCE_COLOR;
  return { ...env, NO_COLOR: '1' };
}

/**
 * What a README command prints, run from the project folder without colour.
 * CSV rows end in CRLF (RFC 4180); the README shows them with plain line ends.
 */
export function runExample(command) {
  return printed(command).replace(/\r\n/g, '\n');
}

function printed(command) {
  shims ??= shimFolder();
  try {
    return execFileSync('bash', ['-o', 'pipefail', '-c', command], {
      cwd: ROOT,
      env: colourless({ ...process.env, PATH: `${shims}:${process.env.PATH}` }),
      encoding: 'utf8',
    });
  } catch (error) {
    // `nkmsg check` exits 1 on a difference; its output is still the example.
    if (typeof error.stdout === 'string' && error.status === 1) return error.stdout;
    throw error;
  }
}

/** The README with every example block refreshed. */
export function refreshExamples(readme) {
  return readme.replace(EXAMPLE, (_block, command) => `<!-- example: ${command} -->\n\`\`\`text\n${runExample(command)}\`\`\`\n<!-- /example -->`);
}
