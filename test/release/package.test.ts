/**
 * The package as a user meets it: `npm pack`, installed into an empty
 * project (no install script, no build), run as `npx nkmsg`, imported as a
 * library whose types compile for a strict consumer without Node's types, and
 * the JSON Schema reachable as `nkmsg/schema.json`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
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

  it('brings type declarations that compile for a strict consumer without Node types', () => {
    // No @types/node anywhere tsc could find it: not in the project, not above it.
    for (let dir = project; ; dir = dirname(dir)) {
      expect(existsSync(join(dir, 'node_modules', '@types', 'node')), dir).toBe(false);
      if (dirname(dir) === dir) break;
    }
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          skipLibCheck: false,
          types: [],
          lib: ['es2022'],
          target: 'es2022',
          module: 'nodenext',
          moduleResolution: 'nodenext',
          noEmit: true,
        },
        files: ['use.ts'],
      }),
    );
    writeFileSync(
      join(project, 'use.ts'),
      `import {\n` +
        `  analyze, postureOf, ActorFileError, compileActorSet, defaultActorSet, parseActorFile, toActorFile,\n` +
        `  decode, NotTextError, formatText, formatExplain, formatMarkdown, formatCsv, csvHeader, csvRows,\n` +
        `  formatJson, formatJsonArray, formatNdjson, isErrorRecord, safeLine, VERSION,\n` +
        `  type AnalysisResult, type AnalyzeOptions, type ActorSet, type Decoded, type Encoding, type ErrorRecord,\n` +
        `  type FormatOptions, type Outcome, type Palette, type Posture, type Sentence, type Stance,\n` +
        `} from 'nkmsg';\n` +
        `const actorSet: ActorSet = compileActorSet(parseActorFile([{ id: 'x', name: 'X' }]));\n` +
        `const options: AnalyzeOptions = { actorSet, top: 3 };\n` +
        `const decoded: Decoded = decode(Uint8Array.from([116, 101, 120, 116]));\n` +
        `const encoding: Encoding = decoded.encoding;\n` +
        `const result: AnalysisResult = analyze(decoded.text, options);\n` +
        `const sentence: Sentence | undefined = result.sentences[0];\n` +
        `const stance: Stance = sentence?.tone ?? 'neutral';\n` +
        `const posture: Posture = postureOf({ cooperative: 1, conflictual: 0, neutral: 0 });\n` +
        `const none = (text: string): string => text;\n` +
        `const palette: Palette = { level: 0, bold: none, green: none, red: none, yellow: none, gray: none, strikethrough: none, cyan: Object.assign(none, { underline: none }) };\n` +
        `const format: FormatOptions = { chalk: palette };\n` +
        `// @ts-expect-error the colours are typed, not any\n` +
        `formatText(result, { chalk: 42 });\n` +
        `const outcomes: Outcome[] = [result];\n` +
        `const failed: ErrorRecord[] = outcomes.filter(isErrorRecord);\n` +
        `const text: string[] = [formatText(result, format), formatExplain(result), formatMarkdown(result), formatCsv(outcomes),\n` +
        `  csvHeader(), csvRows(result), formatJson(result), formatJsonArray(outcomes), formatNdjson(result), safeLine(VERSION)];\n` +
        `const errors: Error[] = [new ActorFileError('bad'), new NotTextError('binary')];\n` +
        `export { defaultActorSet, toActorFile, encoding, stance, posture, failed, text, errors };\n`,
    );
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const run = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: project, encoding: 'utf8' });
    expect(run.stdout + run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
