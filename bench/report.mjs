#!/usr/bin/env node
/**
 * The collection report at scale (`npm run bench:report`, which builds dist/
 * first): 10,000 articles made from the fixtures (bench/corpus.mjs), each an
 * NDJSON record with a date over six years and one of twelve sources, run
 * through `nkmsg analyze` alone and through `nkmsg report -o report.html`,
 * as whole processes, the two taking turns. Reports the ratio of their wall
 * times (target: the report at most 2x the analysis), the HTML's size
 * (target: under 5 MB), a report from the saved results, and peak RSS.
 *
 *   node bench/report.mjs [--articles N] [--rounds N]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { buildCorpus, prng } from './corpus.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'nkmsg.js');
const argValue = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const ARTICLES = argValue('--articles', 10_000);
const ROUNDS = argValue('--rounds', 2);
const SOURCES = ['Global Times', 'Korea Herald', 'Japan Times', 'TASS', 'KCNA', 'Yonhap', 'Asahi Shimbun', 'Xinhua', 'RIA Novosti', 'Nikkei Asia', 'The Diplomat', 'NK News'];
const say = (line) => process.stderr.write(`bench: ${line}\n`);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const tmp = mkdtempSync(join(os.tmpdir(), 'nkmsg-bench-report-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));

const fixtures = readdirSync(join(ROOT, 'fixtures'))
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(join(ROOT, 'fixtures', f), 'utf8'));
const random = prng(20261201);
const start = Date.parse('2014-01-01T00:00:00Z');
const days = 6 * 365;
const corpus = join(tmp, 'corpus.ndjson');
const lines = buildCorpus(fixtures, ARTICLES).map(({ name, text }, i) => {
  const record = { id: name, source: SOURCES[Math.floor(random() * SOURCES.length)], text };
  // One article in fifty has no date of its own (and the fixtures' datelines then stand).
  if (i % 50 !== 49) record.date = new Date(start + Math.floor(random() * days) * 86_400_000).toISOString().slice(0, 10);
  return JSON.stringify(record);
});
writeFileSync(corpus, lines.join('\n') + '\n');
say(`corpus: ${ARTICLES.toLocaleString('en-US')} NDJSON records, ${(statSync(corpus).size / 2 ** 20).toFixed(1)} MiB`);

/** Runs nkmsg as a user waits for it: a whole process, timed by wall clock, with its peak RSS. */
function run(args) {
  const t0 = performance.now();
  const child = spawnSync('/usr/bin/time', ['-v', process.execPath, BIN, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - t0;
  if (child.status !== 0) throw new Error(`nkmsg ${args.join(' ')} exited ${child.status}: ${child.stderr.slice(-2000)}`);
  const rssKb = Number(/Maximum resident set size \(kbytes\):\s*(\d+)/.exec(child.stderr)?.[1] ?? NaN);
  return { ms, rssMB: rssKb / 1024 };
}

const results = join(tmp, 'results.ndjson');
const html = join(tmp, 'report.html');
const analysis = [];
const report = [];
for (let round = 1; round <= ROUNDS; round++) {
  analysis.push(run(['analyze', '--quiet', '--input-format', 'ndjson', '--format', 'ndjson', '-o', results, corpus]));
  say(`round ${round}: analyze ${(analysis.at(-1).ms / 1000).toFixed(1)} s`);
  report.push(run(['report', '--quiet', '--input-format', 'ndjson', '-o', html, corpus]));
  say(`round ${round}: report ${(report.at(-1).ms / 1000).toFixed(1)} s`);
}
const fromResults = run(['report', '--quiet', '--from-results', results, '-o', join(tmp, 'again.html')]);
const json = join(tmp, 'report.json');
run(['report', '--quiet', '--input-format', 'ndjson', '--from-results', results, '-o', json]);
const aggregate = JSON.parse(readFileSync(json, 'utf8'));

const figures = {
  articles: ARTICLES,
  rounds: ROUNDS,
  analyzeSeconds: median(analysis.map((r) => r.ms)) / 1000,
  reportSeconds: median(report.map((r) => r.ms)) / 1000,
  fromResultsSeconds: fromResults.ms / 1000,
  htmlMB: statSync(html).size / 2 ** 20,
  analyzePeakRssMB: Math.max(...analysis.map((r) => r.rssMB)),
  reportPeakRssMB: Math.max(...report.map((r) => r.rssMB)),
  period: aggregate.period,
  dated: aggregate.counts.dated,
  undated: aggregate.counts.undated,
  dyads: aggregate.dyads.length,
  quoted: aggregate.dyads.reduce((n, d) => n + d.evidence.length, 0),
  omitted: aggregate.dyads.reduce((n, d) => n + d.omitted, 0),
};
figures.ratio = figures.reportSeconds / figures.analyzeSeconds;
const row = (label, value, target = '', met = '') => `${label.padEnd(46)}${String(value).padStart(12)}  ${target.padEnd(10)}${met}`;
console.log(`nkmsg report benchmark: ${os.cpus()[0]?.model ?? 'cpu'}, ${os.availableParallelism()} cores, node ${process.version}`);
console.log(`corpus: ${ARTICLES.toLocaleString('en-US')} articles from ${fixtures.length} fixtures as NDJSON with dates and sources; median of ${ROUNDS} rounds, the two commands taking turns`);
console.log('');
console.log(row('nkmsg analyze (NDJSON out), s', figures.analyzeSeconds.toFixed(1)));
console.log(row('nkmsg report -o report.html, s', figures.reportSeconds.toFixed(1)));
console.log(row('  report vs analysis alone', `${figures.ratio.toFixed(2)}x`, '<= 2x', figures.ratio <= 2 ? 'yes' : 'NO'));
console.log(row('nkmsg report --from-results, s', figures.fromResultsSeconds.toFixed(1)));
console.log(row('HTML report, MB', figures.htmlMB.toFixed(2), '< 5 MB', figures.htmlMB < 5 ? 'yes' : 'NO'));
console.log(row('Peak RSS, analyze / report, MB', `${figures.analyzePeakRssMB.toFixed(0)} / ${figures.reportPeakRssMB.toFixed(0)}`));
console.log(row('Report: period, dated / undated', `${figures.period}, ${figures.dated} / ${figures.undated}`));
console.log(row('Report: dyads, sentences quoted / not', `${figures.dyads}, ${figures.quoted} / ${figures.omitted}`));
console.log(JSON.stringify(figures));
