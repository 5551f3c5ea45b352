#!/usr/bin/env node
/**
 * nkmsg's benchmark (`npm run bench`, which builds dist/ first). It reports;
 * it never fails because a target is missed (exit code 0), only when the
 * benchmark itself cannot run. See bench/README.md for what each figure is.
 *
 *   node bench/run.mjs [--articles N] [--largest MB]
 *
 * Progress goes to stderr; stdout gets the table and, as its last line, one
 * JSON object with every figure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildCorpus, buildLongArticle } from './corpus.mjs';
import { makeSides } from './sides.mjs';
import { snapshotBuild } from './snapshot.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES = join(ROOT, 'fixtures');
const SEED = join(FIXTURES, 'russia-nk-opening.txt');
const TIME = '/usr/bin/time';

const argValue = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const ARTICLES = argValue('--articles', 1000);
/** Articles of the whole-process throughput runs (the first of the corpus, by name). */
const WHOLE_ARTICLES = Math.min(600, ARTICLES);
const WHOLE_REPEATS = 3;
/** One article of each size (MB) through the CLI; --largest caps them (the 50 MB run takes a minute or two). */
const LONG_SIZES_MB = [1, 10, 50].filter((mb) => mb <= argValue('--largest', 50));
const THROUGHPUT_ROUNDS = 4;
/** Articles per turn when the two sides take turns in a throughput round. */
const CHUNK = 50;
const SPAWN_REPEATS = 15;
const PARALLEL_REPEATS = 3;
const SCALE_TIMEOUT_MS = 180_000;

const TARGETS = {
  /** Whole process, as a user waits for it. */
  throughputRatio: 0.6,
  coldStartRatio: 1.3,
  helpRatio: 1.5,
  // --jobs 2 against --jobs 1, as a share of what a second thread gives bare wink-nlp in the same run.
  jobsShareOfCeiling: 0.9,
  peakRssMB: 250,
  scalingRatio: 1.5,
  /** Peak RSS of one long article through the CLI, by size in MB. */
  longRssMB: { 10: 450, 50: 1536 },
  /** Time of the 10 MB article against the 1 MB one. */
  longTimeRatio: 12,
};

const say = (line) => process.stderr.write(`bench: ${line}\n`);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x, digits = 2) => (x === null || x === undefined || !Number.isFinite(x) ? null : Number(x.toFixed(digits)));

// ---------------------------------------------------------------- set-up

const tmp = mkdtempSync(join(os.tmpdir(), 'nkmsg-bench-'));
let cleaned = false;
const cleanUp = () => {
  if (!cleaned) rmSync(tmp, { recursive: true, force: true });
  cleaned = true;
};
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    cleanUp();
    process.exit(130);
  });
}

// Everything is measured on a private copy of the build (made in main()):
// others may rebuild dist/ while the benchmark runs.
let build;
let BIN;
let analyze;

function machine() {
  const cpus = os.cpus();
  let commit = null;
  let dirty = null;
  const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
  if (head.status === 0) {
    commit = head.stdout.trim();
    const status = spawnSync('git', ['status', '--porcelain', '--', 'src'], { cwd: ROOT, encoding: 'utf8' });
    dirty = status.status === 0 ? status.stdout.trim() !== '' : null;
  }
  const version = (pkg) => JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')).version;
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    availableParallelism: os.availableParallelism(),
    memoryGB: round(os.totalmem() / 1024 ** 3, 1),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    winkNlp: version('wink-nlp'),
    winkModel: version('wink-eng-lite-web-model'),
    nkmsgCommit: commit,
    srcModified: dirty,
  };
}

function writeCorpus() {
  const names = readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const fixtures = names.map((f) => readFileSync(join(FIXTURES, f), 'utf8'));
  const corpus = buildCorpus(fixtures, ARTICLES);
  const dir = join(tmp, 'corpus');
  mkdirSync(dir);
  const whole = join(tmp, `corpus-${WHOLE_ARTICLES}`);
  mkdirSync(whole);
  for (const { name, text } of corpus) writeFileSync(join(dir, name), text);
  for (const { name, text } of [...corpus].sort((a, b) => (a.name < b.name ? -1 : 1)).slice(0, WHOLE_ARTICLES)) writeFileSync(join(whole, name), text);
  return { dir, whole, fixtures: names.length, texts: corpus.map((a) => a.text) };
}

// ---------------------------------------------------------------- 1. throughput

function throughput(texts) {
  const { nlp, its, bare, ours, sink } = makeSides(analyze);

  // Token counts, from wink's own tokenisation, used for both sides.
  let tokens = 0;
  let words = 0;
  for (const text of texts) {
    const doc = nlp.readDoc(text);
    tokens += doc.tokens().length();
    for (const type of doc.tokens().out(its.type)) if (type === 'word') words++;
  }
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0);

  // Warm up both sides (JIT, model caches) on part of the corpus.
  const warm = texts.slice(0, Math.min(200, texts.length));
  for (let i = 0; i < 2; i++) {
    for (const t of warm) ours(t);
    for (const t of warm) bare(t);
  }

  const timed = (fn, chunk) => {
    const t0 = performance.now();
    for (const t of chunk) fn(t);
    return performance.now() - t0;
  };
  const chunks = [];
  for (let i = 0; i < texts.length; i += CHUNK) chunks.push(texts.slice(i, i + CHUNK));
  const bareMs = [];
  const oursMs = [];
  for (let r = 0; r < THROUGHPUT_ROUNDS; r++) {
    // Each round runs the whole corpus through both sides, CHUNK articles at a
    // time, the two sides taking turns going first: a busy moment of the
    // machine hits both, and neither always runs on the other's garbage.
    let b = 0;
    let o = 0;
    chunks.forEach((chunk, c) => {
      if ((c + r) % 2 === 0) {
        b += timed(bare, chunk);
        o += timed(ours, chunk);
      } else {
        o += timed(ours, chunk);
        b += timed(bare, chunk);
      }
    });
    bareMs.push(b);
    oursMs.push(o);
    say(`  throughput round ${r + 1}/${THROUGHPUT_ROUNDS}: bare ${b.toFixed(0)} ms, nkmsg ${o.toFixed(0)} ms`);
  }
  if (sink() === -1) console.error(sink());
  const ratios = bareMs.map((b, i) => b / oursMs[i]);
  const b = median(bareMs);
  const o = median(oursMs);
  return {
    articles: texts.length,
    bytes,
    tokens,
    words,
    rounds: THROUGHPUT_ROUNDS,
    chunk: CHUNK,
    bareMs: bareMs.map((x) => round(x, 1)),
    nkmsgMs: oursMs.map((x) => round(x, 1)),
    bareTokensPerSec: tokens / (b / 1000),
    nkmsgTokensPerSec: tokens / (o / 1000),
    bareArticlesPerSec: texts.length / (b / 1000),
    nkmsgArticlesPerSec: texts.length / (o / 1000),
    ratio: median(ratios),
    ratioMin: Math.min(...ratios),
    ratioMax: Math.max(...ratios),
    /** Fastest round of each side: noise from other processes only ever adds time. */
    ratioBest: Math.min(...bareMs) / Math.min(...oursMs),
  };
}

// ---------------------------------------------------------------- 2. cold start

function spawnMs(args) {
  const t0 = performance.now();
  const child = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (child.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${child.status}: ${child.stderr}`);
  return ms;
}

/** Runs each command `repeats` times, interleaved, after one untimed run each; medians in ms. */
function interleaved(commands, repeats) {
  const times = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  for (const args of Object.values(commands)) spawnMs(args);
  for (let i = 0; i < repeats; i++) {
    const keys = Object.keys(commands);
    if (i % 2) keys.reverse();
    for (const k of keys) times[k].push(spawnMs(commands[k]));
  }
  return Object.fromEntries(Object.entries(times).map(([k, ms]) => [k, { medianMs: median(ms), minMs: Math.min(...ms), maxMs: Math.max(...ms) }]));
}

function coldStart() {
  const analyzeRuns = interleaved(
    {
      nkmsgAnalyze: [BIN, 'analyze', SEED],
      bareWink: [join(ROOT, 'bench', 'cold-bare.mjs'), SEED],
    },
    SPAWN_REPEATS,
  );
  say(`  analyze <seed> ${analyzeRuns.nkmsgAnalyze.medianMs.toFixed(0)} ms, bare wink ${analyzeRuns.bareWink.medianMs.toFixed(0)} ms`);
  const quick = interleaved(
    {
      nkmsgHelp: [BIN, '--help'],
      nkmsgVersion: [BIN, '--version'],
      nodeE0: ['-e', '0'],
    },
    SPAWN_REPEATS,
  );
  say(`  --help ${quick.nkmsgHelp.medianMs.toFixed(0)} ms, --version ${quick.nkmsgVersion.medianMs.toFixed(0)} ms, node -e 0 ${quick.nodeE0.medianMs.toFixed(0)} ms`);
  return {
    repeats: SPAWN_REPEATS,
    ...analyzeRuns,
    ...quick,
    analyzeRatio: analyzeRuns.nkmsgAnalyze.medianMs / analyzeRuns.bareWink.medianMs,
    helpRatio: quick.nkmsgHelp.medianMs / quick.nodeE0.medianMs,
    versionRatio: quick.nkmsgVersion.medianMs / quick.nodeE0.medianMs,
  };
}

// ---------------------------------------------------------------- 3 + 4. parallel and peak RSS

const haveTime = existsSync(TIME) && spawnSync(TIME, ['-v', 'true'], { stdio: 'ignore' }).status === 0;

/** One CLI run over the corpus: wall time and the peak RSS of the nkmsg process (all its threads). */
function cliRun(corpusDir, jobs, output) {
  return measuredRun([BIN, 'analyze', corpusDir, '--format', 'ndjson', '--quiet', '--jobs', String(jobs), '--output', output], `jobs-${jobs}`);
}

/** A node process's wall time and peak RSS (all its threads). */
function measuredRun(nkmsg, label) {
  const rssFile = join(tmp, `rss-${label}.txt`);
  const [command, args, env] = haveTime
    ? [TIME, ['-v', '-o', rssFile, process.execPath, ...nkmsg], process.env]
    : [process.execPath, ['--import', pathToFileURL(join(ROOT, 'bench', 'rss-report.mjs')).href, ...nkmsg], { ...process.env, NKMSG_BENCH_RSS_FILE: rssFile }];
  const t0 = performance.now();
  const child = spawnSync(command, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', env });
  const ms = performance.now() - t0;
  if (child.status !== 0) throw new Error(`node ${nkmsg.join(' ')} exited with ${child.status}: ${child.stderr}`);
  const report = readFileSync(rssFile, 'utf8');
  const kb = haveTime ? Number(/Maximum resident set size \(kbytes\):\s*(\d+)/.exec(report)?.[1]) : Number(report);
  return { ms, rssMB: kb / 1024 };
}

function parallel(corpusDir, articles) {
  const out = { 1: join(tmp, 'out-jobs1.ndjson'), 2: join(tmp, 'out-jobs2.ndjson') };
  const runs = { 1: [], 2: [] };
  // 1, 2, 2, 1, 1, 2: neither setting always goes first.
  const order = [];
  for (let i = 0; i < PARALLEL_REPEATS; i++) order.push(...(i % 2 ? [2, 1] : [1, 2]));
  for (const jobs of order) {
    const run = cliRun(corpusDir, jobs, out[jobs]);
    runs[jobs].push(run);
    say(`  --jobs ${jobs}: ${run.ms.toFixed(0)} ms, peak RSS ${run.rssMB.toFixed(0)} MB`);
  }
  // The two settings must give the same output, one good record per article.
  const one = readFileSync(out[1], 'utf8');
  const two = readFileSync(out[2], 'utf8');
  const lines = one.split('\n').filter(Boolean);
  const errors = lines.filter((l) => 'error' in JSON.parse(l)).length;
  const summary = (jobs) => {
    const ms = median(runs[jobs].map((r) => r.ms));
    return {
      medianMs: ms,
      articlesPerSec: articles / (ms / 1000),
      runsMs: runs[jobs].map((r) => round(r.ms, 0)),
      peakRssMB: Math.max(...runs[jobs].map((r) => r.rssMB)),
    };
  };
  const jobs1 = summary(1);
  const jobs2 = summary(2);
  return {
    repeats: PARALLEL_REPEATS,
    jobs1,
    jobs2,
    speedup: jobs1.medianMs / jobs2.medianMs,
    outputsIdentical: one === two,
    records: lines.length,
    errorRecords: errors,
    outputMB: Buffer.byteLength(one) / 1024 / 1024,
    rssMeasuredWith: haveTime
      ? '/usr/bin/time -v: ru_maxrss of the nkmsg node process (main thread and worker threads)'
      : 'process.resourceUsage().maxRSS of the nkmsg node process at exit (main thread and worker threads), via --import bench/rss-report.mjs',
  };
}

/** What a second thread gives bare wink-nlp on this machine (bench/ceiling.mjs). */
function ceiling(corpusDir) {
  const child = spawnSync(process.execPath, [join(ROOT, 'bench', 'ceiling.mjs'), corpusDir], { cwd: ROOT, encoding: 'utf8' });
  if (child.status !== 0) return null;
  return JSON.parse(child.stdout.trim().split('\n').at(-1));
}

// ---------------------------------------------------------------- 1b. whole-process throughput

/**
 * What a user waits for: `nkmsg analyze DIR --format ndjson --jobs 1` against
 * bench/bare-batch.mjs over the same folder, each a whole process (start-up,
 * reading, analysis, writing), interleaved; medians.
 */
function wholeProcess(dir) {
  const runs = interleaved(
    {
      nkmsg: [BIN, 'analyze', dir, '--format', 'ndjson', '--quiet', '--jobs', '1', '--output', join(tmp, 'whole-nkmsg.ndjson')],
      bareWink: [join(ROOT, 'bench', 'bare-batch.mjs'), dir, join(tmp, 'whole-bare.ndjson')],
    },
    WHOLE_REPEATS,
  );
  say(`  nkmsg ${runs.nkmsg.medianMs.toFixed(0)} ms, bare wink ${runs.bareWink.medianMs.toFixed(0)} ms`);
  return { articles: WHOLE_ARTICLES, repeats: WHOLE_REPEATS, ...runs, ratio: runs.bareWink.medianMs / runs.nkmsg.medianMs };
}

// ---------------------------------------------------------------- 6. long articles

/** Wall time and peak RSS of `nkmsg analyze` on one article of each size, NDJSON to a file. */
function longArticles() {
  const fixtures = readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(FIXTURES, f), 'utf8'));
  const sizes = [];
  for (const mb of LONG_SIZES_MB) {
    const input = join(tmp, `long-${mb}MB.txt`);
    const output = join(tmp, `long-${mb}MB.ndjson`);
    writeFileSync(input, buildLongArticle(fixtures, mb * 1024 * 1024, mb * 1024 * 1024));
    const run = measuredRun([BIN, 'analyze', input, '--format', 'ndjson', '--quiet', '--max-bytes', '60M', '--output', output], `long-${mb}`);
    rmSync(input);
    rmSync(output, { force: true });
    say(`  ${mb} MB: ${(run.ms / 1000).toFixed(1)} s, peak RSS ${run.rssMB.toFixed(0)} MB`);
    sizes.push({ mb, ms: run.ms, rssMB: run.rssMB, msPerMB: run.ms / mb });
  }
  const at = (mb) => sizes.find((s) => s.mb === mb);
  return { sizes, timeRatio10to1: at(1) && at(10) ? at(10).ms / at(1).ms : null };
}

// ---------------------------------------------------------------- 5. scaling

function scaling() {
  const child = spawnSync(process.execPath, [join(ROOT, 'bench', 'scale.mjs'), build.index, FIXTURES], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: SCALE_TIMEOUT_MS,
    killSignal: 'SIGKILL',
    maxBuffer: 1 << 20,
  });
  const sizes = child.stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
  const timedOut = child.error?.code === 'ETIMEDOUT' || child.signal === 'SIGKILL';
  if (!timedOut && child.status !== 0) throw new Error(`bench/scale.mjs exited with ${child.status}: ${child.stderr}`);
  for (const s of sizes) say(`  ${label(s.size)}: nkmsg ${s.nkmsgMsPerMB.toFixed(0)} ms/MB, bare wink ${s.bareMsPerMB.toFixed(0)} ms/MB`);
  const first = sizes[0];
  const last = sizes.find((s) => s.size === 10 * 1024 * 1024);
  return {
    sizes: sizes.map((s) => ({ ...s, nkmsgMs: round(s.nkmsgMs, 1), bareMs: round(s.bareMs, 1), nkmsgMsPerMB: round(s.nkmsgMsPerMB, 1), bareMsPerMB: round(s.bareMsPerMB, 1) })),
    timedOut,
    timeoutMs: SCALE_TIMEOUT_MS,
    ratio: first && last ? last.nkmsgMsPerMB / first.nkmsgMsPerMB : null,
    bareRatio: first && last ? last.bareMsPerMB / first.bareMsPerMB : null,
  };
}

const label = (bytes) => (bytes >= 1024 * 1024 ? `${bytes / 1024 / 1024} MB` : `${bytes / 1024} KB`);

// ---------------------------------------------------------------- report

function table(r) {
  const rows = [];
  const fmt = (x, d = 0) => (x === null || x === undefined ? 'n/a' : Number(x).toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }));
  const ms = (x) => `${fmt(x)} ms`;
  const met = (ok) => (ok === null ? 'n/a' : ok ? 'yes' : 'NO');
  const row = (measure, nkmsg, baseline, ratio, target, ok) => rows.push([measure, nkmsg, baseline, ratio, target, met(ok)]);
  const w = r.wholeProcess;
  row(`Throughput, whole process (${fmt(w.articles)} articles)`, ms(w.nkmsg.medianMs), `${ms(w.bareWink.medianMs)} bare wink`, `${fmt(w.ratio, 2)}x`, `>= ${TARGETS.throughputRatio}x`, w.ratio >= TARGETS.throughputRatio);
  const t = r.throughput;
  row(`Throughput in process, tokens/s (${fmt(t.articles)})`, fmt(t.nkmsgTokensPerSec), `${fmt(t.bareTokensPerSec)} bare wink`, `${fmt(t.ratio, 2)}x`, '', null);
  row('Throughput in process, articles/s', fmt(t.nkmsgArticlesPerSec), `${fmt(t.bareArticlesPerSec)} bare wink`, `${fmt(t.ratio, 2)}x`, '', null);
  const c = r.coldStart;
  row('Cold start, analyze <seed>', ms(c.nkmsgAnalyze.medianMs), `${ms(c.bareWink.medianMs)} bare wink`, `${fmt(c.analyzeRatio, 2)}x`, `<= ${TARGETS.coldStartRatio}x`, c.analyzeRatio <= TARGETS.coldStartRatio);
  row('Cold start, --help', ms(c.nkmsgHelp.medianMs), `${ms(c.nodeE0.medianMs)} node -e 0`, `${fmt(c.helpRatio, 2)}x`, `<= ${TARGETS.helpRatio}x`, c.helpRatio <= TARGETS.helpRatio);
  row('Cold start, --version', ms(c.nkmsgVersion.medianMs), `${ms(c.nodeE0.medianMs)} node -e 0`, `${fmt(c.versionRatio, 2)}x`, `<= ${TARGETS.helpRatio}x`, c.versionRatio <= TARGETS.helpRatio);
  const p = r.parallel;
  const jobsTarget = p.ceiling ? TARGETS.jobsShareOfCeiling * p.ceiling.speedup : null;
  row('Parallel, --jobs 2 vs --jobs 1', `${fmt(p.jobs2.articlesPerSec)} art/s`, `${fmt(p.jobs1.articlesPerSec)} art/s --jobs 1`, `${fmt(p.speedup, 2)}x`, jobsTarget ? `>= ${fmt(jobsTarget, 2)}x` : 'n/a', jobsTarget ? p.speedup >= jobsTarget : null);
  if (p.ceiling) {
    row('  machine ceiling: bare wink, 2 threads vs 1', '', `${ms(p.ceiling.twoThreadsMs)} vs ${ms(p.ceiling.oneThreadMs)}`, `${fmt(p.ceiling.speedup, 2)}x`, '', null);
  }
  row('Peak RSS, --jobs 2 run', `${fmt(p.jobs2.peakRssMB)} MB`, '', '', `<= ${TARGETS.peakRssMB} MB`, p.jobs2.peakRssMB <= TARGETS.peakRssMB);
  row('Peak RSS, --jobs 1 run', `${fmt(p.jobs1.peakRssMB)} MB`, '', '', `<= ${TARGETS.peakRssMB} MB`, p.jobs1.peakRssMB <= TARGETS.peakRssMB);
  for (const size of r.longArticles.sizes) {
    const limit = TARGETS.longRssMB[size.mb];
    row(`Long article, ${size.mb} MB (CLI, NDJSON)`, `${fmt(size.rssMB)} MB`, `${fmt(size.ms / 1000, 1)} s`, '', limit ? `<= ${fmt(limit)} MB` : '', limit ? size.rssMB <= limit : null);
  }
  const lr = r.longArticles.timeRatio10to1;
  row('Long article, time 10 MB vs 1 MB', '', '', lr === null ? 'n/a' : `${fmt(lr, 1)}x`, `<= ${TARGETS.longTimeRatio}x`, lr === null ? null : lr <= TARGETS.longTimeRatio);
  const s = r.scaling;
  for (const size of s.sizes) {
    row(`Scaling, ${label(size.size)} article`, `${fmt(size.nkmsgMsPerMB)} ms/MB`, `${fmt(size.bareMsPerMB)} ms/MB bare wink`, '', '', null);
  }
  if (s.timedOut) row('Scaling', `stopped after ${fmt(s.timeoutMs / 1000)} s`, '', '', '', false);
  row('Scaling, ms/MB 10 MB vs 100 KB', '', s.bareRatio === null ? '' : `${fmt(s.bareRatio, 2)}x bare wink`, s.ratio === null ? 'n/a' : `${fmt(s.ratio, 2)}x`, `<= ${TARGETS.scalingRatio}x`, s.ratio === null ? false : s.ratio <= TARGETS.scalingRatio);

  const head = ['Measure', 'nkmsg', 'Baseline', 'Ratio', 'Target', 'Met'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells) => cells.map((cell, i) => (i === 0 || i === 2 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  const m = r.machine;
  return [
    `nkmsg benchmark: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, ${m.platform}, node ${m.node}, wink-nlp ${m.winkNlp}, model ${m.winkModel}, nkmsg ${m.nkmsgCommit ?? '?'}${m.srcModified ? ' + uncommitted src changes' : ''}, build ${r.build.distFingerprint}`,
    `corpus: ${fmt(t.articles)} articles from ${r.corpus.fixtures} fixtures, ${fmt(t.bytes / 1024 / 1024, 2)} MB, ${fmt(t.tokens)} wink tokens (${fmt(t.words)} words); throughput is the median of ${t.rounds} rounds (sides take turns every ${t.chunk} articles), ratio range ${fmt(t.ratioMin, 2)}-${fmt(t.ratioMax, 2)}x, best-of ${fmt(t.ratioBest, 2)}x`,
    `load average (1 min) ${fmt(r.loadAverage.start, 2)} at start, ${fmt(r.loadAverage.end, 2)} at end`,
    `parallel: median of ${p.repeats} runs each; outputs of --jobs 1 and 2 ${p.outputsIdentical ? 'identical' : 'DIFFER'}; ${p.records} records, ${p.errorRecords} errors; RSS by ${haveTime ? '/usr/bin/time -v' : 'process.resourceUsage()'}`,
    '',
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
  ].join('\n');
}

function roundAll(value) {
  if (typeof value === 'number') return Number.isInteger(value) ? value : round(value, 3);
  if (Array.isArray(value)) return value.map(roundAll);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, roundAll(v)]));
  return value;
}

async function main() {
  const started = performance.now();
  build = snapshotBuild(ROOT, join(tmp, 'build'));
  BIN = build.bin;
  ({ analyze } = await import(pathToFileURL(build.index).href));
  // Measured as users run it: with the committed models, not the rules they fall back to.
  const fallback = analyze('Moscow praised Seoul.').warnings.filter((w) => w.includes('could not be read'));
  if (fallback.length > 0) throw new Error(`the build under test lacks its models: ${fallback.join('; ')}`);
  const results = { bench: 'nkmsg', date: new Date().toISOString(), machine: machine(), loadAverage: { start: os.loadavg()[0] } };
  say(`building a ${ARTICLES}-article corpus in ${tmp}`);
  const corpus = writeCorpus();
  results.corpus = { articles: corpus.texts.length, fixtures: corpus.fixtures, seed: 20240601 };
  say('1/6 throughput (in process)');
  results.throughput = throughput(corpus.texts);
  corpus.texts.length = 0;
  say(`1b/6 throughput (whole process, ${WHOLE_ARTICLES} articles)`);
  results.wholeProcess = wholeProcess(corpus.whole);
  say('2/6 cold start');
  results.coldStart = coldStart();
  say('3-4/6 parallel and peak RSS (nkmsg analyze on the corpus folder)');
  results.parallel = parallel(corpus.dir, results.corpus.articles);
  results.parallel.ceiling = ceiling(corpus.dir);
  say('5/6 scaling in process (100 KB, 1 MB, 10 MB articles)');
  results.scaling = scaling();
  say(`6/6 long articles through the CLI (${LONG_SIZES_MB.join(', ')} MB)`);
  results.longArticles = longArticles();
  const w = results.wholeProcess;
  const l = results.longArticles;
  const t = results.throughput;
  const c = results.coldStart;
  const p = results.parallel;
  const s = results.scaling;
  results.targets = {
    throughputRatio: { target: `>= ${TARGETS.throughputRatio} (whole process)`, value: w.ratio, met: w.ratio >= TARGETS.throughputRatio },
    inProcessThroughputRatio: { target: 'none (shown beside the whole-process ratio)', value: t.ratio, met: null },
    coldStartRatio: { target: `<= ${TARGETS.coldStartRatio}`, value: c.analyzeRatio, met: c.analyzeRatio <= TARGETS.coldStartRatio },
    helpRatio: { target: `<= ${TARGETS.helpRatio}`, value: c.helpRatio, met: c.helpRatio <= TARGETS.helpRatio },
    versionRatio: { target: `<= ${TARGETS.helpRatio}`, value: c.versionRatio, met: c.versionRatio <= TARGETS.helpRatio },
    jobsSpeedup: p.ceiling
      ? { target: `>= ${TARGETS.jobsShareOfCeiling} x ceiling ${p.ceiling.speedup}`, value: p.speedup, met: p.speedup >= TARGETS.jobsShareOfCeiling * p.ceiling.speedup }
      : { target: `>= ${TARGETS.jobsShareOfCeiling} x ceiling (not measured)`, value: p.speedup, met: null },
    peakRssMB: { target: `<= ${TARGETS.peakRssMB}`, value: Math.max(p.jobs1.peakRssMB, p.jobs2.peakRssMB), met: Math.max(p.jobs1.peakRssMB, p.jobs2.peakRssMB) <= TARGETS.peakRssMB },
    scalingRatio: { target: `<= ${TARGETS.scalingRatio}`, value: s.ratio, met: s.ratio !== null && s.ratio <= TARGETS.scalingRatio },
    ...Object.fromEntries(
      l.sizes
        .filter((x) => TARGETS.longRssMB[x.mb])
        .map((x) => [`longArticle${x.mb}MBRssMB`, { target: `<= ${TARGETS.longRssMB[x.mb]}`, value: x.rssMB, met: x.rssMB <= TARGETS.longRssMB[x.mb] }]),
    ),
    longTimeRatio: { target: `<= ${TARGETS.longTimeRatio}`, value: l.timeRatio10to1, met: l.timeRatio10to1 === null ? null : l.timeRatio10to1 <= TARGETS.longTimeRatio },
  };
  results.loadAverage.end = os.loadavg()[0];
  results.build = { distFingerprint: build.fingerprint };
  results.benchSeconds = (performance.now() - started) / 1000;
  process.stdout.write(table(results));
  process.stdout.write(JSON.stringify(roundAll(results)) + '\n');
}

try {
  await main();
} finally {
  cleanUp();
}
