/**
 * The command line: parses arguments with commander (a new Command per
 * call), runs one command and returns its exit code. It never exits the
 * process and never writes a stack trace unless NKMSG_DEBUG=1.
 * Exit codes: 0 success, 1 an input failed or a check found a difference,
 * 2 usage or configuration error.
 * The analysis and formatters are imported only when a command runs, so
 * --help and --version stay quick.
 */
import { availableParallelism } from 'node:os';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { PERIODS, REPORT_FORMATS, type Period, type ReportFormat } from '../collection/types.js';
import { isCalendarDate } from '../dates.js';
import { FORMATS, formatNamedBy, type Format } from '../format/framing.js';
import { VERSION } from '../version.js';
import { errorLine, OutputError, safeLines, UsageError } from './errors.js';
import type { CliIO } from './io.js';

export type { CliIO } from './io.js';

const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/** Where an unknown command or option sends its user. */
const USAGE_HINT = {
  command: 'run nkmsg --help to see the commands',
  option: (command: string | null): string => (command ? `run nkmsg ${command} --help to see its options` : 'run nkmsg --help to see the options'),
};

/**
 * Commander's usage error as one line: its suggestion ("(Did you mean --json?)" on a line of
 * its own) joined on, or else a pointer to the help of the command it came from.
 */
function usageErrorLine(message: string, command: string | null): string {
  const text = message.replace(/\n$/, '');
  const suggested = /^(.*)\n\(Did you mean (.*)\?\)$/s.exec(text);
  if (suggested) return `${suggested[1]}; did you mean ${suggested[2]}?\n`;
  // "-v" is how many tools spell --version; commander finds no near option to suggest for it.
  if (/unknown option '-v'$/.test(text)) return `${text}; did you mean -V, --version?\n`;
  const unknown = /^error: unknown (command|option) /.exec(text);
  // "argument '0' is invalid. use a whole number ...": the reason read on as one sentence.
  if (!unknown) return message.replace(/ is invalid\. (?=\p{Ll})/u, ' is invalid: ');
  return `${text}; ${unknown[1] === 'command' ? USAGE_HINT.command : USAGE_HINT.option(command)}\n`;
}

/** The formats an analyze --output name implies; other names, and none, give text. */
const ANALYZE_FORMAT_BY_EXTENSION: Record<string, Format> = { '.json': 'json', '.ndjson': 'ndjson', '.jsonl': 'ndjson', '.md': 'markdown', '.markdown': 'markdown', '.csv': 'csv' };

const EXIT_CODES = `
Exit codes:
  0    success
  1    an input could not be analysed, a check found a difference, or the results could not be written
  2    usage or configuration error (bad option, actor file or expectation file, an --output that may not be written)
  129  interrupted by SIGHUP, 130 by SIGINT, 143 by SIGTERM (an --output file being replaced is left as it was)

Set NKMSG_DEBUG=1 to see stack traces of unexpected errors.`;

const wholeNumber =
  (min: number, max = Number.MAX_SAFE_INTEGER) =>
  (value: string): number => {
    const unbounded = max === Number.MAX_SAFE_INTEGER;
    const range = unbounded ? `, ${min} or more` : ` from ${min} to ${max}`;
    if (!/^\d+$/.test(value) || Number(value) < min) throw new InvalidArgumentError(`use a whole number${range}.`);
    if (Number(value) > max) throw new InvalidArgumentError(unbounded ? 'it is too large.' : `use a whole number${range}.`);
    return Number(value);
  };

/** More worker threads than this only cost memory: each holds its own language model. */
const MAX_JOBS = 64;

/**
 * An option's value that may not be empty or blank: an empty value (a script's
 * unset variable, `--actors "$ACTORS"`) is refused, not taken as the option left out.
 */
const nonEmpty =
  (what: string) =>
  (value: string): string => {
    if (value.trim() === '') throw new InvalidArgumentError(`give ${what} (it is ${value === '' ? 'empty' : 'only spaces'}).`);
    return value;
  };
const nonEmptyPath = nonEmpty('a file name');

/** A calendar date written YYYY-MM-DD. */
function isoDate(value: string): string {
  if (!isCalendarDate(value)) {
    throw new InvalidArgumentError(/^\d{4}-\d{2}-\d{2}$/.test(value) ? 'it is not a real calendar date; use one such as 2014-12-02.' : 'use a date written YYYY-MM-DD, such as 2014-12-02.');
  }
  return value;
}

/** "20M", "500k", "1G" (powers of 1024) or a plain number of bytes. */
export function parseSize(value: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(?:(k|m|g)(?:i?b)?|b)?$/i.exec(value.trim());
  if (!match) throw new InvalidArgumentError('use a number of bytes or a size such as 500k or 20M.');
  const unit = { k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[(match[2] ?? '').toLowerCase() as 'k' | 'm' | 'g'] ?? 1;
  const bytes = Math.floor(Number(match[1]) * unit);
  if (bytes < 1) throw new InvalidArgumentError('the limit must be at least 1 byte.');
  return bytes;
}

const maxBytesOption = (what: string, beside = ''): Option => new Option('--max-bytes <size>', `refuse ${what} larger than this${beside}`).argParser(parseSize).default(DEFAULT_MAX_BYTES, '20M');

/** The options analyze and report share: how inputs are read and analysed. */
/**
 * A core for each analysis but one, which the main thread keeps for reading
 * and writing: on two cores one analysis in process beat two workers in the
 * benchmark (1,000 articles: 7.96 s against 8.75 s), the second worker's
 * start-up and the cores' shared memory costing more than it gained.
 */
const defaultJobs = (cores: number = availableParallelism()): number => Math.max(1, cores - 1);

const jobsOption = (): Option => new Option('-j, --jobs <n>', `parallel analyses, 1 to ${MAX_JOBS} (default: one less than the cores, at least 1)`).argParser(wholeNumber(1, MAX_JOBS));
const inputFormatOption = (): Option =>
  new Option('--input-format <format>', 'read inputs as plain articles or as JSON lines {"id", "text", "date", "source"}').choices(['text', 'ndjson']).default('text');
const actorSetOption = (): Option =>
  new Option('--actors <file>', 'actor set to use instead of the default (see nkmsg actors --json); a NAME.actors.json beside an article counts only for check').argParser(nonEmptyPath);
const asOfOption = (whose = "the article's"): Option => new Option('--as-of <date>', `judge leaders' terms of office at this date (YYYY-MM-DD) instead of ${whose}`).argParser(isoDate);

export async function main(io: CliIO): Promise<number> {
  const exit = { code: 0 };
  const program = programFor(io);
  addAnalyzeCommand(program, io, exit);
  addReportCommand(program, io, exit);
  addCheckCommand(program, io, exit);
  addActorsCommand(program, io, exit);
  addHelpCommand(program);
  try {
    if (io.argv.length === 0) {
      io.stderr.write(program.helpInformation());
      return 2;
    }
    await program.parseAsync(io.argv, { from: 'user' });
    return exit.code;
  } catch (error) {
    return reportFailure(error, io);
  }
}

/** The same as main(), under the name the library's users look for. */
export const cli = main;

/** The program without its commands: name, version, help and how commander writes. */
function programFor(io: CliIO): Command {
  const program: Command = new Command()
    .name('nkmsg')
    .description('Reads foreign-policy articles and reports who is signalling what to whom.')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (s) => void io.stdout.write(s),
      // Commander quotes argv in its errors ("unknown option '--x'"): made terminal-safe like every stderr line.
      writeErr: (s) => void io.stderr.write(safeLines(s.replace(/\n$/, '')) + (s.endsWith('\n') ? '\n' : '')),
      outputError: (s, write) => write(`nkmsg: ${usageErrorLine(s, commandIn(io.argv, program))}`),
      getOutHelpWidth: () => 100,
      getErrHelpWidth: () => 100,
    })
    .addHelpText(
      'after',
      `
Examples:
  nkmsg analyze article.txt                       a report on one article
  nkmsg analyze articles/ --format ndjson > out   one JSON line per article (--jobs N: N at a time)
  nkmsg report articles/ -o report.html           trends, dyads and evidence over many articles
  nkmsg check fixtures/                           compare fixtures with their expectations (CI)
  nkmsg actors --json > my-actors.json            start a custom actor set`,
    )
    .addHelpText('after', EXIT_CODES);
  return program;
}

/** The command the arguments run (their first word, if it names one), or null. */
function commandIn(argv: readonly string[], program: Command): string | null {
  const first = argv.find((a) => !a.startsWith('-'));
  return program.commands.some((c) => c.name() === first) ? first! : null;
}

/** A failure's one line on stderr (a stack only with NKMSG_DEBUG=1) and its exit code. */
function reportFailure(error: unknown, io: CliIO): number {
  const debug = io.env['NKMSG_DEBUG'] === '1';
  if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
  if (error instanceof UsageError) {
    io.stderr.write(errorLine(null, error.message));
    return 2;
  }
  if (error instanceof OutputError) {
    io.stderr.write(errorLine(error.target, `cannot write: ${error.message}`));
    return 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(errorLine(null, `unexpected failure (${message}); please report it with the command you ran${debug ? '' : ' (NKMSG_DEBUG=1 shows details)'}`));
  if (debug && error instanceof Error && error.stack) io.stderr.write(safeLines(error.stack) + '\n');
  return 1;
}

/** `nkmsg analyze`: articles in, one result each out. */
function addAnalyzeCommand(program: Command, io: CliIO, exit: { code: number }): void {
  program
    .command('analyze')
    .summary('analyse articles and report senders, receivers and postures')
    .description('Analyse articles: files, folders (their *.txt and *.md, recursively) or - for standard input.')
    .argument('[input...]', 'files, folders or - (standard input); piped input is read when none is given')
    .option('--json', 'same as --format json: one object for one named file, an array otherwise (use --format ndjson for folders)')
    .addOption(new Option('-f, --format <format>', 'output format (default: from the --output name, else text)').choices(FORMATS))
    .addOption(actorSetOption())
    .option('--sender <actor>', 'take this actor (an id or a name, any case) as the sender instead of finding it; message sections still start where the text names a receiver', nonEmpty('an actor id or name'))
    .addOption(asOfOption())
    .option('--top <n>', 'summary sentences per receiver', wholeNumber(1), 3)
    .option('--explain', 'list every sentence with its mentions and cues marked (text output)')
    .addOption(jobsOption())
    .option('-o, --output <file>', 'write results to this file (atomically) instead of stdout', nonEmptyPath)
    .option('--resume', 'with --format ndjson -o FILE: skip the inputs whose results FILE already holds and append the others')
    .option('--color', 'colour the output even when it is not a terminal')
    .option('--no-color', 'never colour the output')
    .option('-q, --quiet', 'no progress bar and no warnings (errors are still shown)')
    .addOption(inputFormatOption())
    .addOption(maxBytesOption('inputs'))
    .addHelpText(
      'after',
      `
Examples:
  nkmsg analyze article.txt
  nkmsg analyze article.txt --explain                 why each sentence counts as it does
  nkmsg analyze articles/ --format csv -o tally.csv   a spreadsheet of all articles
  curl -s URL | nkmsg analyze --json | jq .sender
  nkmsg analyze --input-format ndjson --format ndjson < corpus.ndjson > results.ndjson
  nkmsg analyze articles/ --format ndjson -o results.ndjson --resume   go on after a stopped run`,
    )
    .addHelpText('after', EXIT_CODES)
    .action(async (inputs: string[], opts: Record<string, unknown>) => {
      if (opts['json'] && opts['format'] && opts['format'] !== 'json') {
        throw new UsageError(`--json and --format ${String(opts['format'])} contradict each other; give one of them`);
      }
      const { runAnalyze } = await import('./analyze-command.js');
      exit.code = await runAnalyze(
        inputs,
        {
          format: opts['json'] ? 'json' : ((opts['format'] as Format | undefined) ?? (opts['output'] === undefined ? null : formatNamedBy(opts['output'] as string, ANALYZE_FORMAT_BY_EXTENSION)) ?? 'text'),
          top: opts['top'] as number,
          explain: !!opts['explain'],
          jobs: (opts['jobs'] as number | undefined) ?? defaultJobs(io.cpus),
          quiet: !!opts['quiet'],
          inputFormat: opts['inputFormat'] as 'text' | 'ndjson',
          maxBytes: opts['maxBytes'] as number,
          ...(opts['actors'] !== undefined ? { actors: opts['actors'] as string } : {}),
          ...(opts['sender'] !== undefined ? { sender: opts['sender'] as string } : {}),
          ...(opts['asOf'] !== undefined ? { asOf: opts['asOf'] as string } : {}),
          ...(opts['output'] !== undefined ? { output: opts['output'] as string } : {}),
          ...(opts['resume'] ? { resume: true } : {}),
          ...(opts['color'] !== undefined ? { color: opts['color'] as boolean } : {}),
        },
        io,
      );
    });
}

/** `nkmsg report`: many articles (or saved results) folded into one report. */
function addReportCommand(program: Command, io: CliIO, exit: { code: number }): void {
  const collect = (value: string, previous: string[] = []): string[] => [...previous, value];
  const collectNonEmpty =
    (what: string) =>
    (value: string, previous: string[] = []): string[] =>
      collect(nonEmpty(what)(value), previous);
  program
    .command('report')
    .summary('fold many articles into trends, a dyad map and an HTML report')
    .description(
      'Analyse articles (files, folders, - or NDJSON records with optional "date" and "source"), or read saved results, ' +
        'and report each actor over time, source -> target dyads with their evidence sentences, and figures per source and sender.',
    )
    .argument('[input...]', 'files, folders or - (standard input); piped input is read when none is given')
    .option('-o, --output <file>', 'write the report to this file (atomically); its name can set the format', nonEmptyPath)
    .addOption(new Option('-f, --format <format>', 'html, json or markdown (default: from the --output name, else markdown)').choices(REPORT_FORMATS))
    .option('--from-results <file>', 'read results saved by nkmsg analyze --format ndjson instead of analysing again (repeatable)', collectNonEmpty('a file name'))
    .addOption(new Option('--period <period>', 'time step of the trends (default: chosen from the span of dates)').choices(PERIODS))
    .option('--actor <actor>', 'only articles naming this actor, and figures for it (id or name; repeatable)', collectNonEmpty('an actor id or name'))
    .option('--source <name>', 'only articles from this source or publisher (repeatable)', collect)
    .option('--from <date>', 'only articles dated on or after this day (YYYY-MM-DD)', isoDate)
    .option('--to <date>', 'only articles dated on or before this day (YYYY-MM-DD)', isoDate)
    .option('--evidence <n>', 'sentences quoted per dyad, 1 to 100', wholeNumber(1, 100), 5)
    .addOption(actorSetOption())
    .addOption(asOfOption("each article's"))
    .addOption(jobsOption())
    .option('-q, --quiet', 'no progress bar, warnings or closing summary (errors are still shown)')
    .addOption(inputFormatOption())
    .addOption(maxBytesOption('inputs', ', a line of --from-results 16 times this'))
    .addHelpText(
      'after',
      `
Examples:
  nkmsg report articles/ -o report.html                 an HTML report to open in a browser
  nkmsg report articles/ --format json | jq .dyads      the figures as JSON
  nkmsg analyze articles/ --format ndjson > results.ndjson
  nkmsg report --from-results results.ndjson --actor tokyo --from 2016-01-01 -o tokyo.html`,
    )
    .addHelpText('after', EXIT_CODES)
    .action(async (inputs: string[], opts: Record<string, unknown>) => {
      const { runReport } = await import('./report-command.js');
      exit.code = await runReport(
        inputs,
        {
          fromResults: (opts['fromResults'] as string[] | undefined) ?? [],
          actor: (opts['actor'] as string[] | undefined) ?? [],
          source: (opts['source'] as string[] | undefined) ?? [],
          evidence: opts['evidence'] as number,
          jobs: (opts['jobs'] as number | undefined) ?? defaultJobs(io.cpus),
          quiet: !!opts['quiet'],
          inputFormat: opts['inputFormat'] as 'text' | 'ndjson',
          maxBytes: opts['maxBytes'] as number,
          ...(opts['format'] !== undefined ? { format: opts['format'] as ReportFormat } : {}),
          ...(opts['output'] !== undefined ? { output: opts['output'] as string } : {}),
          ...(opts['period'] !== undefined ? { period: opts['period'] as Period } : {}),
          ...(opts['from'] !== undefined ? { from: opts['from'] as string } : {}),
          ...(opts['to'] !== undefined ? { to: opts['to'] as string } : {}),
          ...(opts['actors'] !== undefined ? { actors: opts['actors'] as string } : {}),
          ...(opts['asOf'] !== undefined ? { asOf: opts['asOf'] as string } : {}),
        },
        io,
      );
    });
}

/** `nkmsg check`: fixtures compared with their expectation files. */
function addCheckCommand(program: Command, io: CliIO, exit: { code: number }): void {
  program
    .command('check')
    .summary('compare fixture articles with their expectation files (for CI)')
    .description(
      'Analyse each fixture article and compare it with NAME.expect.json beside it.\n' +
        'An expectation file pins any of: sender, postures, tallies, messages, mentions, snapshot.\n' +
        'A NAME.actors.json beside the article is used as its actor set.',
    )
    .argument('[fixture...]', 'fixture articles, their expectation files, or folders of them')
    .option('--update', 'write the current analysis into the expectation files (only the fields they have; sender, postures and tallies for a new one)')
    .option('--actors <file>', 'actor set for fixtures without their own NAME.actors.json', nonEmptyPath)
    .option('--color', 'colour the output even when it is not a terminal')
    .option('--no-color', 'never colour the output')
    .addOption(maxBytesOption('fixtures'))
    .addHelpText(
      'after',
      `
Examples:
  nkmsg check fixtures/                         pass/fail per fixture, a diff for each failure
  nkmsg check --update fixtures/new-article.txt pin sender, postures and tallies of a new fixture
  nkmsg check --update fixtures/                refresh every expectation file after a deliberate change`,
    )
    .addHelpText('after', EXIT_CODES)
    .action(async (fixtures: string[], opts: Record<string, unknown>) => {
      const { runCheck } = await import('./check-command.js');
      exit.code = await runCheck(
        fixtures,
        {
          update: !!opts['update'],
          maxBytes: opts['maxBytes'] as number,
          ...(opts['actors'] !== undefined ? { actors: opts['actors'] as string } : {}),
          ...(opts['color'] !== undefined ? { color: opts['color'] as boolean } : {}),
        },
        io,
      );
    });
}

/** `nkmsg help [command]`, in place of commander's, which prints the whole help and no error for a name it does not know. */
function addHelpCommand(program: Command): void {
  program
    .helpCommand(false)
    .command('help')
    .description('display help for command')
    .argument('[command]', 'the command to show help for')
    .action((name: string | undefined) => {
      if (name === undefined) program.help();
      const command = program.commands.find((c) => c.name() === name);
      if (command === undefined) throw new UsageError(`unknown command '${name}'; ${USAGE_HINT.command}`);
      command.help();
    });
}

/** `nkmsg actors`: the actor set in use. */
function addActorsCommand(program: Command, io: CliIO, exit: { code: number }): void {
  program
    .command('actors')
    .summary('print the actor set in use')
    .description('Print the actor set in use: the default one, or the one given with --actors.')
    .option('--json', 'print it as an actor file, a start for a custom set')
    .option('--actors <file>', 'check and print this actor file instead of the default set', nonEmptyPath)
    .addHelpText('after', '\nExamples:\n  nkmsg actors\n  nkmsg actors --json > my-actors.json\n  nkmsg actors --actors my-actors.json     check a custom file')
    .addHelpText('after', EXIT_CODES)
    .action(async (opts: Record<string, unknown>) => {
      const { runActors } = await import('./actors-command.js');
      exit.code = await runActors({ json: !!opts['json'], ...(opts['actors'] !== undefined ? { actors: opts['actors'] as string } : {}) }, io);
    });
}
