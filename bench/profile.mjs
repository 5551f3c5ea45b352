#!/usr/bin/env node
/**
 * Where the full analysis spends its time: runs analyze() over the benchmark
 * corpus under `node --cpu-prof` and prints the functions with the most self
 * time, overall and in nkmsg's own code (dist/). Build first (npm run build).
 *
 *   node bench/profile.mjs [--articles N] [--rounds N] [--top N] [--keep]
 *
 * --keep leaves the .cpuprofile in the temporary folder (its path is
 * printed) for Chrome DevTools or speedscope.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildCorpus } from './corpus.mjs';
import { readTree, snapshotBuild } from './snapshot.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES = join(ROOT, 'fixtures');
const argValue = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const ARTICLES = argValue('--articles', 1000);
const ROUNDS = argValue('--rounds', 3);
const TOP = argValue('--top', 20);

const corpus = () =>
  buildCorpus(
    readdirSync(FIXTURES)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => readFileSync(join(FIXTURES, f), 'utf8')),
    ARTICLES,
  ).map((a) => a.text);

let distSnapshot = new Map();
let buildRoot = ROOT;

if (process.argv.includes('--loop')) {
  // The profiled process: one warm-up pass, then ROUNDS passes.
  const { analyze } = await import(pathToFileURL(process.argv[process.argv.indexOf('--loop') + 1]).href);
  const texts = corpus();
  let sink = 0;
  for (let r = 0; r <= ROUNDS; r++) for (const t of texts) sink += analyze(t).sentences.length;
  if (sink === -1) console.log(sink);
} else {
  const dir = mkdtempSync(join(os.tmpdir(), 'nkmsg-profile-'));
  try {
    // A private copy of the build: others may rebuild dist/ meanwhile.
    const build = snapshotBuild(ROOT, join(dir, 'build'));
    distSnapshot = readTree(build.dist);
    buildRoot = build.root;
    const child = spawnSync(
      process.execPath,
      ['--cpu-prof', '--cpu-prof-dir', dir, fileURLToPath(import.meta.url), '--loop', build.index, '--articles', String(ARTICLES), '--rounds', String(ROUNDS)],
      { cwd: ROOT, stdio: 'inherit' },
    );
    if (child.status !== 0) throw new Error(`the profiled run exited with ${child.status}`);
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    report(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    if (process.argv.includes('--keep')) console.log(`\nprofile kept: ${join(dir, file)}`);
  } finally {
    if (!process.argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
  }
}

function report(profile) {
  const self = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const where = (url) => {
    if (!url) return '';
    const path = url.startsWith('file://') ? fileURLToPath(url) : url;
    if (path.startsWith(buildRoot + '/')) return relative(buildRoot, path);
    return path.startsWith(ROOT + '/') ? relative(ROOT, path) : path;
  };
  // Self time by function (name + file + line), and by area.
  const byFunction = new Map();
  const byArea = new Map();
  for (const node of profile.nodes) {
    const us = self.get(node.id) ?? 0;
    if (us === 0) continue;
    const f = node.callFrame;
    const file = where(f.url);
    const key = `${f.functionName || '(anonymous)'}  ${file}${file ? `:${f.lineNumber + 1}` : ''}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
    const area = file.startsWith('dist/')
      ? 'nkmsg (dist/)'
      : file.includes('node_modules/wink-nlp/')
        ? 'wink-nlp'
        : file.includes('node_modules/wink-eng-lite-web-model/')
          ? 'wink model'
          : file.includes('node_modules/')
          ? 'other packages'
          : f.functionName === '(garbage collector)'
            ? 'garbage collector'
            : f.functionName === '(program)' || f.functionName === '(idle)'
              ? '(program)/(idle)'
              : file.startsWith('node:') || file === ''
                ? 'node internals / native'
                : 'bench';
    byArea.set(area, (byArea.get(area) ?? 0) + us);
  }
  const pct = (us) => `${((100 * us) / total).toFixed(1).padStart(5)}%`;
  const ms = (us) => `${(us / 1000).toFixed(0).padStart(7)} ms`;
  const git = (...args) => spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' }).stdout?.trim() ?? '';
  const commit = git('rev-parse', '--short', 'HEAD') || '?';
  const modified = git('status', '--porcelain', '--', 'src') !== '' ? ' + uncommitted src changes' : '';
  console.log(`CPU profile of analyze() over ${ARTICLES} articles x ${ROUNDS + 1} passes: ${(total / 1e6).toFixed(1)} s sampled`);
  console.log(`nkmsg ${commit}${modified}, node ${process.version}; line numbers are those of dist/ as profiled\n`);
  console.log('Self time by area');
  for (const [area, us] of [...byArea].sort((a, b) => b[1] - a[1])) console.log(`  ${pct(us)} ${ms(us)}  ${area}`);
  const list = (title, filter) => {
    console.log(`\n${title}`);
    const rows = [...byFunction].filter(([k]) => filter(k)).sort((a, b) => b[1] - a[1]).slice(0, TOP);
    for (const [k, us] of rows) console.log(`  ${pct(us)} ${ms(us)}  ${k}`);
  };
  list(`Top ${TOP} functions by self time, everything`, () => true);
  list(`Top ${TOP} functions by self time in nkmsg's own code (dist/)`, (k) => k.includes(' dist/'));
  // Total (inclusive) time: each node's self time counted once for every distinct function on its stack.
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const nodeById = new Map(profile.nodes.map((n) => [n.id, n]));
  const keyOf = (node) => {
    const f = node.callFrame;
    const file = where(f.url);
    return `${f.functionName || '(anonymous)'}  ${file}${file ? `:${f.lineNumber + 1}` : ''}`;
  };
  const inclusive = new Map();
  for (const [id, us] of self) {
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const key = keyOf(nodeById.get(at));
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + us);
    }
  }
  console.log(`\nTop ${TOP} functions in dist/ by total time (self + callees, wink included)`);
  for (const [k, us] of [...inclusive].filter(([k]) => k.includes(' dist/')).sort((a, b) => b[1] - a[1]).slice(0, TOP)) {
    console.log(`  ${pct(us)} ${ms(us)}  ${k}`);
  }
  list(`Top 10 in node internals / native code (builtins are charged here, not to their callers)`, (k) => !k.includes(' dist/') && !k.includes('node_modules/') && !k.startsWith('('));
  const byFile = new Map();
  for (const [k, us] of byFunction) {
    const file = / (dist\/[^:]+):/.exec(k)?.[1];
    if (file) byFile.set(file, (byFile.get(file) ?? 0) + us);
  }
  console.log('\nSelf time by file in dist/');
  for (const [file, us] of [...byFile].sort((a, b) => b[1] - a[1])) console.log(`  ${pct(us)} ${ms(us)}  ${file}`);

  // Hot lines (from V8's per-line sample counts), with the compiled line's text.
  const ticks = new Map();
  let allTicks = 0;
  for (const node of profile.nodes) {
    const file = where(node.callFrame.url);
    for (const { line, ticks: n } of node.positionTicks ?? []) {
      allTicks += n;
      if (!file.startsWith('dist/')) continue;
      const key = `${file}:${line}`;
      const entry = ticks.get(key) ?? { file, line, fn: node.callFrame.functionName || '(anonymous)', n: 0 };
      entry.n += n;
      ticks.set(key, entry);
    }
  }
  const sources = new Map();
  const text = (file, line) => {
    if (!sources.has(file)) sources.set(file, (distSnapshot.get(file.slice('dist/'.length)) ?? '').split('\n'));
    const t = (sources.get(file)[line - 1] ?? '').trim();
    return t.length > 90 ? `${t.slice(0, 87)}...` : t;
  };
  console.log(`\nTop ${TOP} hot lines in dist/ (share of all line-attributed samples)`);
  for (const e of [...ticks.values()].sort((a, b) => b.n - a.n).slice(0, TOP)) {
    console.log(`  ${((100 * e.n) / allTicks).toFixed(1).padStart(5)}%  ${e.file}:${e.line} (${e.fn})  ${text(e.file, e.line)}`);
  }
}
