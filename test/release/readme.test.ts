/** The README's examples are what the current code prints: a drifting example fails here. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// Plain ESM shared with scripts/update-readme.mjs.
import { EXAMPLE, runExample } from '../../scripts/readme-examples.mjs';

const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
const examples = [...readme.matchAll(EXAMPLE)].map((m) => [m[1]!, m[2]!] as const);
const hasJq = (() => {
  try {
    execFileSync('jq', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('README examples', () => {
  it('has examples to check', () => {
    expect(examples.length).toBeGreaterThanOrEqual(4);
  });

  const plain = examples.filter(([command]) => !command.includes('| jq'));
  const withJq = examples.filter(([command]) => command.includes('| jq'));
  it.each(plain)('`%s` prints what the README shows', (command, shown) => {
    expect(runExample(command)).toBe(shown);
  });

  // jq is not part of the project: without it these examples show as skipped, not passed.
  it.skipIf(!hasJq).each(withJq)('`%s` prints what the README shows (needs jq)', (command, shown) => {
    expect(runExample(command)).toBe(shown);
  });
});
