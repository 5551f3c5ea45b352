/**
 * The package as a user meets it: `npm pack`, installed into an empty
 * project (no install script, no build), run as `npx nkmsg`, imported as a
 * library with its types, and the JSON Schema reachable as `nkmsg/schema.json`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const npm = (args: string[], cwd: string): string =>
  execFileSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false' } });

let project = '';
let files: string[] = [];
/** What `npm install` of the tarball printed, stdout and stderr together. */
let installLog = '';

beforeAll(() => {
  const packs = mkdtempSync(join(tmpdir(), 'nkmsg-pack-'));
  // --ignore-scripts: dist/ is already built by `npm test`, and rebuilding it here would race the other tests.
  const listing = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', packs], ROOT)) as { filename: string; files: { path: string }[] }[];
  files = listing[0]!.files.map((f) => f.path);
  const tarball = join(packs, readdirSync(packs).find((f) => f.endsWith('.tgz'))!);
  project = mkdtempSync(join(tmpdir(), 'nkmsg-user-'));
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'user-project', private: true, type: 'module' }));
  // The project is outside the repository, so it sees only what this install puts in its node_modules.
  const install = spawnSync('npm', ['install', '--prefer-offline', '--no-package-lock', '--loglevel=warn', tarball], {
    cwd: project,
    encoding: 'utf8',
    env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false' },
  });
  installLog = `${install.stdout}\n${install.stderr}`;
  if (install.status !== 0) throw new Error(`npm install of the tarball failed:\n${installLog}`);
}, 240_000);

describe('the npm package', () => {
  it('ships only what is needed', () => {
    expect(files).toContain('bin/nkmsg.js');
    expect(files).toContain('dist/index.js');
    expect(files).toContain('dist/index.d.ts');
    expect(files).toContain('schema/result.schema.json');
    expect(files).toContain('README.md');
    expect(files).toContain('LICENSE');
    expect(files.filter((f) => /^(src|test|fixtures|bench|scripts)\//.test(f))).toEqual([]);
  });

  it('runs as npx nkmsg from the installing project', () => {
    const article = join(ROOT, 'fixtures', 'russia-nk-opening.txt');
    const out = execFileSync('npx', ['--no-install', 'nkmsg', 'analyze', '--no-color', article], { cwd: project, encoding: 'utf8' });
    expect(out).toContain('Sender: Moscow');
    expect(out).toContain('Moscow -> Tokyo: hostile');
  });

  it('imports as a library, with the schema beside it', () => {
    const script = `
      import { analyze, formatMarkdown, parseActorFile } from 'nkmsg';
      import { createRequire } from 'node:module';
      const schema = createRequire(import.meta.url)('nkmsg/schema.json');
      const result = analyze('Moscow Warns Tokyo\\n\\nMoscow threatened Tokyo with sanctions.');
      console.log(JSON.stringify({ sender: result.sender, title: schema.title, md: formatMarkdown(result).startsWith('#'), actors: parseActorFile([{ id: 'x', name: 'X' }]).length }));
    `;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: project, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({ sender: 'moscow', title: 'nkmsg analysis result', md: true, actors: 1 });
  });

  it('installs without running a script or needing a build', () => {
    const installed = join(project, 'node_modules', 'nkmsg');
    // npm runs these for a tarball, file or git dependency (prepare only for those), and newer npm warns about them.
    const { scripts = {} } = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
    expect(Object.keys(scripts).filter((name) => ['preinstall', 'install', 'postinstall', 'prepare'].includes(name))).toEqual([]);
    expect(installLog).not.toMatch(/install[- ]script/i);
    expect(existsSync(join(installed, 'dist', 'index.js'))).toBe(true);
    expect(existsSync(join(installed, 'dist', 'index.d.ts'))).toBe(true);
    expect(existsSync(join(installed, 'dist', 'cli', 'main.js'))).toBe(true);
  });

  it('brings its type declarations', () => {
    writeFileSync(
      join(project, 'use.ts'),
      `import { analyze, type AnalysisResult, type Stance } from 'nkmsg';\n` +
        `const result: AnalysisResult = analyze('text');\nconst stance: Stance = result.sentences[0]?.tone ?? 'neutral';\nexport { stance };\n`,
    );
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const args = ['--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--skipLibCheck', 'use.ts'];
    expect(() => execFileSync(process.execPath, [tsc, ...args], { cwd: project, encoding: 'utf8' })).not.toThrow();
  });
});
