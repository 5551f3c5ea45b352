#!/usr/bin/env node
// npm run test:spark: the README's Spark recipe (examples/spark_nkmsg.py) in local mode, checked
// against a plain run. It installs PySpark from PyPI into a scratch virtual environment (removed at
// the end) and needs a Java runtime: the machine's, or Debian's openjdk-17-jre-headless, which it
// installs when it runs as root. Prints "spark: passed" or "spark: failed: WHY"; exit 0 or 1.
// .ci/run runs it only when NKMSG_SPARK=1.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.join(path.dirname(new URL(import.meta.url).pathname), '..');
const PYSPARK = 'pyspark==3.5.3';
const RECORDS = 24;
const scratch = mkdtempSync(path.join(os.tmpdir(), 'nkmsg-spark-'));

const run = (command, args, options = {}) => spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 28, ...options });
const fail = (why) => {
  console.log(`spark: failed: ${why}`);
  rmSync(scratch, { recursive: true, force: true });
  process.exit(1);
};

function javaRuntime() {
  if (run('java', ['-version']).status === 0) return;
  if (process.getuid?.() !== 0) fail('no Java runtime; install one (Debian: apt-get install openjdk-17-jre-headless)');
  console.log('spark: installing Debian\'s openjdk-17-jre-headless');
  const apt = run('bash', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless']);
  if (apt.status !== 0) fail(`could not install a Java runtime: ${apt.stderr.trim().split('\n').at(-1)}`);
}

function pyspark() {
  const venv = path.join(scratch, 'venv');
  if (run('python3', ['-m', 'venv', venv]).status !== 0) fail('python3 -m venv failed (Debian: apt-get install python3-venv)');
  console.log(`spark: installing ${PYSPARK} from PyPI into a scratch folder`);
  const pip = run(path.join(venv, 'bin', 'pip'), ['install', '--quiet', '--disable-pip-version-check', PYSPARK]);
  if (pip.status !== 0) fail(`could not install ${PYSPARK}: ${(pip.stderr || pip.stdout).trim().split('\n').at(-1)}`);
  return path.join(venv, 'bin', 'python');
}

function corpus() {
  const fixtures = readdirSync(path.join(root, 'fixtures')).filter((f) => f.endsWith('.txt')).sort();
  const lines = Array.from({ length: RECORDS }, (_, i) =>
    JSON.stringify({ id: `r${i}`, text: readFileSync(path.join(root, 'fixtures', fixtures[i % fixtures.length]), 'utf8') }),
  );
  const file = path.join(scratch, 'articles.ndjson');
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

const records = (text) => text.split('\n').filter(Boolean).map((l) => JSON.parse(l));
// The same record wherever it ran: a partition numbers its own lines.
const comparable = (r) => JSON.stringify({ ...r, input: { ...r.input, line: undefined } });

javaRuntime();
const python = pyspark();
const articles = corpus();
const nkmsg = `${process.execPath} ${path.join(root, 'bin', 'nkmsg.js')}`;
const target = path.join(scratch, 'results');
console.log('spark: running examples/spark_nkmsg.py in local mode (local[2], 4 partitions)');
const job = run(python, [path.join(root, 'examples', 'spark_nkmsg.py'), articles, target, '--master', 'local[2]', '--partitions', '4', '--command', nkmsg], {
  env: { ...process.env, PYSPARK_PYTHON: python },
});
if (job.status !== 0) fail(`the Spark job exited with ${job.status}: ${job.stderr.trim().split('\n').slice(-3).join(' | ')}`);
const parts = readdirSync(target).filter((f) => f.startsWith('part-')).sort();
const spark = parts.flatMap((f) => records(readFileSync(path.join(target, f), 'utf8')));
const plain = run(process.execPath, [path.join(root, 'bin', 'nkmsg.js'), 'analyze', '--input-format', 'ndjson', '--format', 'ndjson', '--jobs', '1'], { input: readFileSync(articles) });
if (plain.status !== 0) fail(`the plain run exited with ${plain.status}`);
const whole = records(plain.stdout);
const byId = (rs) => rs.map(comparable).sort();
if (parts.length < 2) fail(`the job wrote ${parts.length} part; the corpus was not split`);
if (spark.length !== RECORDS) fail(`the job wrote ${spark.length} records, not ${RECORDS}`);
const same = JSON.stringify(byId(spark)) === JSON.stringify(byId(whole));
if (!same) fail("the Spark run's records differ from a plain run's");
console.log(`spark: passed (${RECORDS} records in ${parts.length} parts equal a plain run's)`);
rmSync(scratch, { recursive: true, force: true });
