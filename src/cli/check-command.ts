/**
 * `nkmsg check`: analyse fixture articles and compare them with the
 * expectation files beside them (NAME.expect.json next to NAME.txt; a
 * NAME.actors.json there is the actor set for that fixture).
 * Exit 0 when all pass, 1 on any difference, failed analysis or missing
 * article (named, or an expectation file's), 2 on a broken expectation or
 * actor file, a path that names no fixture or (--update) an expectation file
 * the user may not write. Every fixture named is checked whatever happens to
 * the others, and the summary is always given.
 */
import { readFile, stat, access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Chalk, type ChalkInstance } from 'chalk';
import { DEFAULT_ACTORS } from '../data/actors.js';
import { isErrorRecord } from '../format/json.js';
import type { ActorDefinition, AnalysisResult } from '../types.js';
import { loadActorFile } from './actor-file.js';
import { colorLevel } from './color.js';
import { errorLine, errorReport, fileError, showPath, UsageError, warningLine } from './errors.js';
import { compare, ExpectationError, FIELDS, formatDifferences, parseExpectation, refresh, type Expectation } from '../check.js';
import { ARTICLE_EXTENSIONS, listFolder } from './inputs.js';
import type { CliIO } from './io.js';
import { fileSink, whyNotWritable } from './output.js';
import { runTask } from './task.js';

export interface CheckCommandOptions {
  update: boolean;
  actors?: string;
  color?: boolean;
  maxBytes: number;
}

interface Fixture {
  article: string;
  expectation: string;
  actors: string;
  /** Why the article is missing (an expectation file's whose article is gone, or an article named that is not there): a failure. */
  missing?: string;
}

/** An argument that names no fixture: an ERROR line (exit 2) in its place, and the other fixtures still checked. */
interface NoFixture {
  path: string;
  problem: string;
}

const EXPECT = '.expect.json';
const stem = (path: string): string => path.replace(/\.(txt|md)$/i, '');
const fixtureOf = (article: string): Fixture => ({ article, expectation: stem(article) + EXPECT, actors: stem(article) + '.actors.json' });
const exists = (path: string): Promise<boolean> => access(path).then(() => true, () => false);
const ARTICLE_NAME = /\.(txt|md)$/i;

/** An expectation file whose article is gone: a failure, whether the file is named or found in a folder. */
const orphan = (base: string): Fixture => {
  const fixture = fixtureOf(base + '.txt');
  return { ...fixture, missing: `${showPath(fixture.expectation)}: article missing (no ${showPath(fixture.article)} beside it); restore the article or delete the expectation file` };
};

/** The fixture an argument that is not there names, if it names one: an article or an expectation file, by its name. */
async function absent(arg: string): Promise<Fixture | null> {
  const base = arg.endsWith(EXPECT) ? arg.slice(0, -EXPECT.length) : ARTICLE_NAME.test(arg) ? stem(arg) : null;
  if (base === null) return null;
  if (await exists(base + EXPECT)) return orphan(base);
  if (arg.endsWith(EXPECT)) return { ...fixtureOf(base + '.txt'), missing: `${showPath(arg)}: article missing (no such file, and no article ${showPath(base)}.txt or .md); check the path` };
  const fixture = fixtureOf(arg);
  return { ...fixture, missing: `${showPath(arg)}: article missing (no such file, and no expectation file ${showPath(fixture.expectation)}); check the path` };
}

/**
 * The fixtures named by the arguments: folders give their articles that have
 * an expectation file. An argument that names no fixture is listed in its
 * place, to be reported while the others are checked.
 */
async function findFixtures(args: string[], update: boolean): Promise<(Fixture | NoFixture)[]> {
  const fixtures: (Fixture | NoFixture)[] = [];
  for (const arg of args) {
    const info = await stat(arg).catch((error: unknown) => error as NodeJS.ErrnoException);
    if (info instanceof Error) {
      const gone = info.code === 'ENOENT' || info.code === 'ENOTDIR';
      const fixture = gone ? await absent(arg) : null;
      if (fixture !== null) fixtures.push(fixture);
      else {
        const why = gone ? 'no such file or folder; name fixture articles (NAME.txt or NAME.md), their NAME.expect.json files, or folders of them' : fileError(info, arg).message;
        fixtures.push({ path: arg, problem: `${showPath(arg)}: ${why}` });
      }
      continue;
    }
    if (info.isDirectory()) {
      const articles = await listFolder(arg, ARTICLE_EXTENSIONS);
      const found: Fixture[] = [];
      for (const article of articles) if (await exists(fixtureOf(article).expectation)) found.push(fixtureOf(article));
      // An expectation whose article is gone is a failure, not something to skip in silence.
      for (const expectation of await listFolder(arg, [EXPECT])) {
        const base = expectation.slice(0, -EXPECT.length);
        if (!(await exists(base + '.txt')) && !(await exists(base + '.md'))) found.push(orphan(base));
      }
      if (found.length === 0) {
        fixtures.push({ path: arg, problem: `${showPath(arg)}: no article in it has an expectation file (NAME${EXPECT} beside NAME.txt); create one with nkmsg check --update ARTICLE` });
      }
      fixtures.push(...found);
      continue;
    }
    if (arg.endsWith(EXPECT)) {
      const base = arg.slice(0, -EXPECT.length);
      const article = (await exists(base + '.txt')) ? base + '.txt' : (await exists(base + '.md')) ? base + '.md' : null;
      fixtures.push(article ? fixtureOf(article) : orphan(base));
      continue;
    }
    const fixture = fixtureOf(arg);
    if (!update && !(await exists(fixture.expectation))) {
      fixtures.push({ path: arg, problem: `${showPath(arg)}: no expectation file ${showPath(fixture.expectation)}; create one with nkmsg check --update ${showPath(arg)}` });
      continue;
    }
    fixtures.push(fixture);
  }
  return fixtures;
}

/**
 * Each fixture once, however many ways it is named (its article, its
 * expectation file, its folder; a.txt and ./a.txt), by resolved path: its
 * article's, or for one whose article is missing its expectation file's.
 * An argument that names no fixture is reported once too.
 */
function onceEach(named: (Fixture | NoFixture)[]): (Fixture | NoFixture)[] {
  const seen = new Set<string>();
  return named.filter((f) => {
    const key = !('article' in f) ? `none:${resolve(f.path)}` : f.missing !== undefined ? `missing:${resolve(f.expectation)}` : `article:${resolve(f.article)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

async function readExpectation(path: string, ids: string[]): Promise<Expectation | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new UsageError(`${showPath(path)}: ${fileError(error, path).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new UsageError(`${showPath(path)}: not valid JSON (${error instanceof Error ? error.message : String(error)}); fix the file or delete it and run nkmsg check --update`);
  }
  try {
    return parseExpectation(data, ids);
  } catch (error) {
    if (error instanceof ExpectationError) throw new UsageError(`${showPath(path)}: ${error.message}`);
    throw error;
  }
}

interface CheckCounts {
  passed: number;
  failed: number;
  broken: number;
  written: number;
  unwritable: number;
  /** Arguments that named no fixture: a missing path that is no article or expectation file's name, a folder without fixtures, an article without an expectation file. */
  unnamed: number;
}

/** With --update, an expectation file the user may not write: left as it was, exit 2 as for an --output refused. */
class NotWritable extends UsageError {}

/** How a fixture's lines are written: the verdict to stdout, its reasons to stderr. */
interface CheckOutput {
  chalk: ChalkInstance;
  out: (text: string) => void;
  err: (text: string) => void;
  debug: boolean;
}

export async function runCheck(args: string[], options: CheckCommandOptions, io: CliIO): Promise<number> {
  if (args.length === 0) throw new UsageError('no fixture given; name fixture articles or a folder of them, e.g. nkmsg check fixtures/');
  const output: CheckOutput = {
    chalk: new Chalk({ level: colorLevel({ flag: options.color, env: io.env, isTTY: !!io.stdoutIsTTY }) }),
    out: (text) => void io.stdout.write(text),
    err: (text) => void io.stderr.write(text),
    debug: io.env['NKMSG_DEBUG'] === '1',
  };
  const defaultActors: ActorDefinition[] | null = options.actors ? await loadActorFile(options.actors) : null;
  const named = onceEach(await findFixtures(args, options.update));
  const fixtures = named.filter((f): f is Fixture => 'article' in f);
  const counts: CheckCounts = { passed: 0, failed: 0, broken: 0, written: 0, unwritable: 0, unnamed: 0 };
  for (const fixture of named) {
    if (!('article' in fixture)) {
      counts.unnamed++;
      output.out(`${output.chalk.red('ERROR')} ${showPath(fixture.path)}\n`);
      output.err(errorLine(null, fixture.problem));
      continue;
    }
    try {
      await checkFixture(fixture, defaultActors, options, output, counts);
    } catch (error) {
      // A snapshot nested deeper than the comparison can follow is a broken expectation too.
      const tooDeep = error instanceof RangeError && /call stack/i.test(error.message);
      if (!(error instanceof UsageError) && !tooDeep) throw error;
      if (error instanceof NotWritable) counts.unwritable++;
      else counts.broken++;
      output.out(`${output.chalk.red('ERROR')} ${showPath(fixture.article)}\n`);
      output.err(errorLine(null, tooDeep ? `${showPath(fixture.expectation)}: nested too deeply to compare; regenerate it with nkmsg check --update` : (error as Error).message));
    }
  }
  const summary = options.update
    ? `${fixtures.length} fixture(s): ${counts.written} expectation file(s) written${counts.failed > 0 ? `, ${counts.failed} failed` : ''}`
    : `${fixtures.length} fixture(s): ${counts.passed} passed, ${counts.failed} failed`;
  const errors = `${counts.broken > 0 ? `, ${counts.broken} broken` : ''}${counts.unwritable > 0 ? `, ${counts.unwritable} not writable` : ''}`;
  const unnamed = counts.unnamed > 0 ? `; ${counts.unnamed} path${counts.unnamed === 1 ? '' : 's'} named no fixture` : '';
  output.out(`\n${summary}${errors}${unnamed}\n`);
  return counts.broken + counts.unwritable + counts.unnamed > 0 ? 2 : counts.failed > 0 ? 1 : 0;
}

/** Analyses one fixture and compares it with its expectation (or, with --update, writes the expectation). */
async function checkFixture(fixture: Fixture, defaultActors: ActorDefinition[] | null, options: CheckCommandOptions, output: CheckOutput, counts: CheckCounts): Promise<void> {
  const { chalk, out, err } = output;
  if (fixture.missing) {
    counts.failed++;
    out(`${chalk.red('FAIL')} ${showPath(fixture.article)}\n`);
    err(errorLine(null, fixture.missing));
    return;
  }
  const actors = (await exists(fixture.actors)) ? await loadActorFile(fixture.actors, 'actor file') : defaultActors;
  const expectation = await readExpectation(fixture.expectation, (actors ?? DEFAULT_ACTORS).map((a) => a.id));
  const outcome = await runTask({ kind: 'file', path: fixture.article, settings: { actors, maxBytes: options.maxBytes, debug: output.debug } });
  if (isErrorRecord(outcome)) {
    counts.failed++;
    out(`${chalk.red('FAIL')} ${showPath(fixture.article)}\n`);
    err(errorReport(fixture.article, outcome.error.message, output.debug));
    return;
  }
  if (options.update) {
    await updateExpectation(fixture, expectation, outcome, output, counts);
    return;
  }
  const diffs = compare(expectation!, outcome);
  if (diffs.length === 0) {
    counts.passed++;
    out(`${chalk.green('PASS')} ${showPath(fixture.article)}\n`);
    // A check that cannot fail guards nothing: say so, as CI would otherwise pass it forever.
    if (!FIELDS.some((field) => expectation![field] !== undefined)) {
      err(warningLine(fixture.expectation, `pins nothing (none of ${FIELDS.join(', ')}); delete it and run nkmsg check --update ${showPath(fixture.article)} to pin sender, postures and tallies`));
    }
  } else {
    counts.failed++;
    out(`${chalk.red('FAIL')} ${showPath(fixture.article)}\n${formatDifferences(diffs, chalk)}`);
  }
}

/** Writes the refreshed expectation (atomically) when it differs from the file's. */
async function updateExpectation(fixture: Fixture, expectation: Expectation | null, outcome: AnalysisResult, output: CheckOutput, counts: CheckCounts): Promise<void> {
  const { chalk, out } = output;
  const next = JSON.stringify(refresh(expectation, outcome), null, 2) + '\n';
  const before = expectation === null ? null : await readFile(fixture.expectation, 'utf8');
  counts.passed++;
  if (before === next) {
    out(`${chalk.gray('UNCHANGED')} ${showPath(fixture.expectation)}\n`);
    return;
  }
  const refusal = await whyNotWritable(fixture.expectation);
  if (refusal !== null) {
    const where = showPath(fixture.expectation);
    throw new NotWritable(
      refusal === 'file'
        ? `${where}: cannot write: permission denied (the file is read-only for you), left as it was; make it writable (chmod u+w, as its owner) or run as a user who may write it`
        : `${where}: cannot write: permission denied (its folder is not writable for you, and the file is written new and renamed into it), left as it was; make the folder writable (chmod u+w, as its owner) or run as a user who may write there`,
    );
  }
  const sink = await fileSink(fixture.expectation);
  try {
    await sink.write(next);
    await sink.finish();
  } catch (error) {
    await sink.abort();
    throw error;
  }
  counts.written++;
  out(`${chalk.cyan(expectation === null ? 'CREATED' : 'UPDATED')} ${showPath(fixture.expectation)}\n`);
}
