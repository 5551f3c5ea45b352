/** The bad input that needs a real process: a file its (unprivileged) reader may not open. */
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nkmsg, noStackTrace, tempDir } from '../helpers.js';

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir();
  chmodSync(tmp.dir, 0o755);
});
afterAll(() => tmp.cleanup());

const ARTICLE = 'Moscow Warns Tokyo\n\nMoscow is sending messages to Tokyo. Russia warns Japan against new sanctions.\n\nMoscow praises its partnership with Beijing.\n';

describe('paths', () => {
  it('a file without read permission: exit 1', async (context) => {
    const path = join(tmp.dir, 'secret.txt');
    writeFileSync(path, ARTICLE);
    chmodSync(path, 0o000);
    const asRoot = process.getuid?.() === 0;
    // Root reads anything, so the check runs as "nobody", which needs to reach the checkout and node.
    if (asRoot) {
      const probe = await nkmsg(['--version'], { uid: 65534, gid: 65534 }).catch(() => null);
      if (probe?.code !== 0) context.skip('this checkout or node is not readable by an unprivileged user');
    }
    const run = await nkmsg(['analyze', path], asRoot ? { uid: 65534, gid: 65534 } : {});
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`nkmsg: error: ${path}: permission denied; make the file readable (chmod +r) or run as its owner\n`);
    expect(noStackTrace(run.stderr)).toBe(true);
  });
});
