/**
 * One table of CLI cases, run two ways: every case in process against main()
 * with captured streams (cli.test.ts), and the cases marked `smoke` against
 * the spawned bin too (e2e/cli.test.ts): one for each thing only a real
 * process shows (exit code, stdin, a pipe, the environment, the model loaded
 * from the built package).
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { Run } from './helpers.js';
import { noStackTrace, ROOT } from './helpers.js';

export interface CliCase {
  name: string;
  args: string[];
  input?: string;
  env?: Record<string, string>;
  /** Run against the spawned bin as well. */
  smoke?: true;
  code: number;
  /** Checks of stdout and stderr, together with the exit code. */
  check: (run: Run) => void;
}

const VERSION = (JSON.parse(readFileSync(`${ROOT}/package.json`, 'utf8')) as { version: string }).version;
const ARTICLE = 'fixtures/russia-nk-opening.txt';
const TITLE = readFileSync(`${ROOT}/${ARTICLE}`, 'utf8').split('\n')[0]!;
const parse = (s: string): any => JSON.parse(s);
const quietStderr = (run: Run): void => expect(run.stderr).toBe('');

export const CASES: CliCase[] = [
  { name: '--version prints the version', smoke: true, args: ['--version'], code: 0, check: (r) => (expect(r.stdout).toBe(`${VERSION}\n`), quietStderr(r)) },
  {
    name: '--help starts with Usage, then gives examples and lists exit codes',
    args: ['--help'],
    code: 0,
    check: (r) => {
      expect(r.stdout.startsWith('Usage: nkmsg [options] [command]\n')).toBe(true);
      expect(r.stdout).toMatch(/\n {2}help \[command\] +display help for command\n\nExamples:\n {2}nkmsg analyze article\.txt .*\n(?: {2}nkmsg .*\n)+\nExit codes:\n/);
      expect(r.stdout).toMatch(/Exit codes:\n {2}0 {4}success\n {2}1 {4}.*\n {2}2 {4}usage.*\n {2}129 {2}interrupted by SIGHUP, 130 by SIGINT, 143 by SIGTERM/);
      quietStderr(r);
    },
  },
  {
    name: 'analyze --help starts with Usage, documents every option and gives examples',
    args: ['analyze', '--help'],
    code: 0,
    check: (r) => {
      expect(r.stdout.startsWith('Usage: nkmsg analyze [options] [input...]\n')).toBe(true);
      expect(r.stdout).toMatch(/\n\nExamples:\n {2}nkmsg analyze article\.txt\n/);
      for (const o of ['--json', '--format', '--actors', '--sender', '--top', '--explain', '--jobs', '--output', '--color', '--no-color', '--quiet', '--input-format', '--max-bytes']) {
        expect(r.stdout).toContain(o);
      }
      quietStderr(r);
    },
  },
  {
    name: 'check --help starts with Usage and gives examples after the options',
    args: ['check', '--help'],
    code: 0,
    check: (r) => (expect(r.stdout.startsWith('Usage: nkmsg check [options] [fixture...]\n')).toBe(true), expect(r.stdout).toMatch(/ show help\n\nExamples:\n {2}nkmsg check fixtures\//)),
  },
  {
    name: 'help with an unknown command says so in one line, exit 2',
    smoke: true,
    args: ['help', 'bogus'],
    code: 2,
    check: (r) => (expect(r.stdout).toBe(''), expect(r.stderr).toBe("nkmsg: error: unknown command 'bogus'; run nkmsg --help to see the commands\n")),
  },
  { name: 'help COMMAND prints that command\'s help, exit 0', args: ['help', 'check'], code: 0, check: (r) => (expect(r.stdout).toContain('Usage: nkmsg check [options] [fixture...]'), quietStderr(r)) },
  { name: 'help alone prints the help, exit 0', args: ['help'], code: 0, check: (r) => (expect(r.stdout).toContain('Usage: nkmsg [options] [command]'), expect(r.stdout).toMatch(/^ {2}help \[command\] +display help for command$/m), quietStderr(r)) },
  { name: 'no command prints help on stderr, exit 2', smoke: true, args: [], code: 2, check: (r) => (expect(r.stdout).toBe(''), expect(r.stderr).toContain('Usage: nkmsg')) },
  {
    name: 'an unknown option gets a "did you mean"',
    smoke: true,
    args: ['analyze', '--jsno', ARTICLE],
    code: 2,
    check: (r) => (expect(r.stdout).toBe(''), expect(r.stderr).toBe("nkmsg: error: unknown option '--jsno'; did you mean --json?\n")),
  },
  { name: '-v gets a hint towards -V, --version', args: ['-v'], code: 2, check: (r) => expect(r.stderr).toBe("nkmsg: error: unknown option '-v'; did you mean -V, --version?\n") },
  { name: 'an unknown command gets a "did you mean"', args: ['analyse', ARTICLE], code: 2, check: (r) => expect(r.stderr).toBe("nkmsg: error: unknown command 'analyse'; did you mean analyze?\n") },
  { name: 'an unknown command with no near one says where to look', args: ['bogus'], code: 2, check: (r) => expect(r.stderr).toBe("nkmsg: error: unknown command 'bogus'; run nkmsg --help to see the commands\n") },
  { name: 'an unknown option with no near one says where to look', args: ['analyze', '--bogus', ARTICLE], code: 2, check: (r) => expect(r.stderr).toBe("nkmsg: error: unknown option '--bogus'; run nkmsg analyze --help to see its options\n") },
  {
    name: '--resume without --output is a usage error that says why',
    args: ['analyze', '--format', 'ndjson', '--resume', ARTICLE],
    code: 2,
    check: (r) => (expect(r.stdout).toBe(''), expect(r.stderr).toBe('nkmsg: error: --resume needs --output FILE: it skips the inputs whose results are already in FILE and appends the others; add -o results.ndjson\n')),
  },
  {
    name: '--resume with another format than ndjson is a usage error that says why',
    args: ['analyze', '--format', 'markdown', '-o', 'report.md', '--resume', ARTICLE],
    code: 2,
    check: (r) => expect(r.stderr).toBe('nkmsg: error: --resume works with --format ndjson only (one record a line can be appended to a file; markdown cannot); add --format ndjson\n'),
  },
  { name: 'a bad --format is a usage error', args: ['analyze', '--format', 'xml', ARTICLE], code: 2, check: (r) => expect(r.stderr).toMatch(/^nkmsg: error: option '-f, --format <format>' argument 'xml' is invalid\. Allowed choices are text, json/) },
  ...(
    [
      [['analyze', ARTICLE, '--actors', ''], '--actors <file>', "'' is invalid: give a file name (it is empty)"],
      [['analyze', ARTICLE, '--sender', ''], '--sender <actor>', "'' is invalid: give an actor id or name (it is empty)"],
      [['report', ARTICLE, '--actor', ''], '--actor <actor>', "'' is invalid: give an actor id or name (it is empty)"],
      [['report', ARTICLE, '--actor', 'moscow', '--actor', ''], '--actor <actor>', "'' is invalid: give an actor id or name (it is empty)"],
      [['analyze', ARTICLE, '--sender', ' '], '--sender <actor>', "' ' is invalid: give an actor id or name (it is only spaces)"],
      [['report', '--from-results', ''], '--from-results <file>', "'' is invalid: give a file name (it is empty)"],
      [['report', ARTICLE, '--actors', ''], '--actors <file>', "'' is invalid: give a file name (it is empty)"],
      [['check', ARTICLE, '--actors', ''], '--actors <file>', "'' is invalid: give a file name (it is empty)"],
      [['actors', '--actors', ''], '--actors <file>', "'' is invalid: give a file name (it is empty)"],
    ] as const
  ).map(
    ([args, option, reason]): CliCase => ({
      name: `an empty value is refused, not taken as no option: ${args.join(' ')}`,
      args: [...args],
      code: 2,
      check: (r) => (expect(r.stdout).toBe(''), expect(r.stderr).toBe(`nkmsg: error: option '${option}' argument ${reason}.\n`)),
    }),
  ),
  { name: 'a bad --top is a usage error', args: ['analyze', '--top', 'many', ARTICLE], code: 2, check: (r) => expect(r.stderr).toMatch(/--top <n>' argument 'many' is invalid: use a whole number, 1 or more\.\n$/) },
  {
    name: 'a --top past the largest whole number is a usage error naming the upper bound',
    args: ['analyze', '--top', '99999999999999999999', ARTICLE],
    code: 2,
    check: (r) => expect(r.stderr).toBe("nkmsg: error: option '--top <n>' argument '99999999999999999999' is invalid: it is too large.\n"),
  },
  {
    name: 'a --max-bytes of 1 is "1 byte"',
    args: ['analyze', '--max-bytes', '1', ARTICLE],
    code: 1,
    check: (r) => expect(r.stderr).toBe(`nkmsg: error: ${ARTICLE}: is 4.2 KiB, over the --max-bytes limit of 1 byte; raise --max-bytes or split the input\n`),
  },
  {
    name: 'an --as-of written YYYY-MM-DD that is no real day is named as such',
    args: ['analyze', '--as-of', '2020-02-30', ARTICLE],
    code: 2,
    check: (r) => expect(r.stderr).toBe("nkmsg: error: option '--as-of <date>' argument '2020-02-30' is invalid: it is not a real calendar date; use one such as 2014-12-02.\n"),
  },
  {
    name: 'an NDJSON "date" written YYYY-MM-DD that is no real day is warned about as such',
    args: ['analyze', '--input-format', 'ndjson', '--format', 'ndjson'],
    input: '{"id":"a","text":"Moscow warns Tokyo.","date":"2020-02-30"}\n',
    code: 0,
    check: (r) => (expect(r.stderr).toBe('nkmsg: warning: -: line 1: "date" "2020-02-30" is not a real calendar date; it is ignored\n'), expect(parse(r.stdout).input).not.toHaveProperty('date')),
  },
  {
    name: 'report names an NDJSON record\'s line in its warnings and errors as analyze does',
    args: ['report', '--input-format', 'ndjson', '--format', 'json'],
    input: '{"id":"a","text":"Moscow warns Tokyo.","date":"2020-02-30"}\n{"id":"b","text": 3}\n',
    code: 1,
    check: (r) =>
      expect(r.stderr.split('\n').slice(0, 2)).toEqual([
        'nkmsg: warning: -: line 1: "date" "2020-02-30" is not a real calendar date; it is ignored',
        expect.stringMatching(/^nkmsg: error: -: line 2[ :]/),
      ]),
  },
  { name: 'a --jobs beyond its range is a usage error naming the range', args: ['analyze', '--jobs', '1000', ARTICLE], code: 2, check: (r) => expect(r.stderr).toMatch(/--jobs <n>' argument '1000' is invalid: use a whole number from 1 to 64/) },
  { name: 'a bad --as-of is a usage error', args: ['analyze', '--as-of', '2014-12-1', ARTICLE], code: 2, check: (r) => expect(r.stderr).toMatch(/--as-of <date>' argument '2014-12-1' is invalid: use a date written YYYY-MM-DD/) },
  { name: 'a bad --max-bytes is a usage error', args: ['analyze', '--max-bytes', 'lots', ARTICLE], code: 2, check: (r) => expect(r.stderr).toMatch(/--max-bytes <size>' argument 'lots' is invalid/) },
  { name: '--json contradicting --format is a usage error', args: ['analyze', '--json', '--format', 'csv', ARTICLE], code: 2, check: (r) => expect(r.stderr).toBe('nkmsg: error: --json and --format csv contradict each other; give one of them\n') },
  {
    name: 'an unknown --sender is a usage error listing the ids',
    args: ['analyze', '--sender', 'paris', ARTICLE],
    code: 2,
    check: (r) => (expect(r.stdout).toBe(''), expect(r.stderr).toBe('nkmsg: error: --sender "paris" is not an actor of the set; use an id or a name: moscow, seoul, tokyo, washington, beijing, pyongyang\n')),
  },
  {
    name: '--sender takes a name or an id in any case',
    args: ['analyze', '--sender', 'BEIJING', '--json', ARTICLE],
    code: 0,
    check: (r) => expect(parse(r.stdout).sender).toBe('beijing'),
  },
  {
    name: '--sender naming an actor the article never mentions is taken, with a warning',
    args: ['analyze', '--sender', 'moscow', '--json', 'fixtures/washington-singapore-four-capitals.txt'],
    code: 0,
    check: (r) => (
      expect(parse(r.stdout).sender).toBe('moscow'),
      expect(r.stderr).toBe('nkmsg: warning: fixtures/washington-singapore-four-capitals.txt: the sender given, "moscow", is never mentioned in the article\n')
    ),
  },
  {
    name: 'text output of one article',
    smoke: true,
    args: ['analyze', ARTICLE],
    code: 0,
    check: (r) => {
      expect(r.stdout.split('\n')[0]).toBe(TITLE);
      expect(r.stdout).toMatch(/^Sender: \w+/m);
      expect(r.stdout).toMatch(/^Actor +Mentions/m);
      expect(r.stdout).not.toContain('\u001b');
      quietStderr(r);
    },
  },
  {
    name: 'text output with --explain lists the sentences',
    args: ['analyze', '--explain', ARTICLE],
    code: 0,
    check: (r) => (expect(r.stdout).toContain('\nSentences\n'), expect(r.stdout).toMatch(/^\[\d+\] body · tone (cooperative|conflictual|neutral)/m), quietStderr(r)),
  },
  {
    name: '--json gives one object following the contract',
    smoke: true,
    args: ['analyze', '--json', ARTICLE],
    code: 0,
    check: (r) => {
      const result = parse(r.stdout);
      expect(result).toMatchObject({ schemaVersion: 1, tool: { name: 'nkmsg', version: VERSION }, input: { path: ARTICLE, encoding: 'utf-8' } });
      expect(result.input.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(result.actors.map((a: { id: string }) => a.id)).toEqual(['moscow', 'seoul', 'tokyo', 'washington', 'beijing', 'pyongyang']);
      quietStderr(r);
    },
  },
  {
    name: '--sender and --top shape the messages',
    args: ['analyze', '--format', 'json', '--sender', 'tokyo', '--top', '1', ARTICLE],
    code: 0,
    check: (r) => {
      const result = parse(r.stdout);
      expect(result.sender).toBe('tokyo');
      for (const a of result.actors) if (a.message) expect(a.message.summary.length).toBeLessThanOrEqual(1);
    },
  },
  {
    name: 'ndjson with two inputs gives two lines in input order',
    args: ['analyze', '--format', 'ndjson', 'fixtures/washington-sanctions-signals.txt', ARTICLE],
    code: 0,
    check: (r) => {
      const lines = r.stdout.trimEnd().split('\n').map(parse);
      expect(lines.map((l) => l.input.path)).toEqual(['fixtures/washington-sanctions-signals.txt', ARTICLE]);
      quietStderr(r);
    },
  },
  {
    name: 'json with two inputs gives one array',
    args: ['analyze', '--json', ARTICLE, 'fixtures/washington-sanctions-signals.txt'],
    code: 0,
    check: (r) => expect(parse(r.stdout).map((x: { input: { path: string } }) => x.input.path)).toEqual([ARTICLE, 'fixtures/washington-sanctions-signals.txt']),
  },
  {
    name: 'markdown is a pasteable report',
    args: ['analyze', '--format', 'markdown', ARTICLE],
    code: 0,
    check: (r) => (expect(r.stdout.startsWith(`## ${TITLE.replace(/[\\`*_[\]<>|#~!]/g, (c) => `\\${c}`)}\n`)).toBe(true), expect(r.stdout).toContain('| Actor | Mentions |')),
  },
  {
    name: 'csv has a header and one row per actor',
    args: ['analyze', '--format', 'csv', ARTICLE],
    code: 0,
    check: (r) => {
      const rows = r.stdout.split('\r\n').filter(Boolean);
      expect(rows[0]).toBe('input,id,title,date,sender,actor,name,mentions,sentences,cooperative,conflictual,neutral,posture,verdict,error');
      expect(rows).toHaveLength(7);
      expect(rows.slice(1).every((row) => row.startsWith(`${ARTICLE},,`))).toBe(true);
    },
  },
  {
    name: 'piped stdin with no input argument is read',
    smoke: true,
    args: ['analyze', '--json'],
    input: 'Moscow warns Tokyo.\n\nMoscow praises Beijing.\n',
    code: 0,
    check: (r) => (expect(parse(r.stdout).input).toMatchObject({ path: '-', bytes: 45, encoding: 'utf-8' }), quietStderr(r)),
  },
  {
    name: '- reads stdin among other inputs',
    args: ['analyze', '--format', 'ndjson', ARTICLE, '-'],
    input: 'Seoul talks with Pyongyang.\n',
    code: 0,
    check: (r) => expect(r.stdout.trimEnd().split('\n').map((l) => parse(l).input.path)).toEqual([ARTICLE, '-']),
  },
  { name: '- given twice is a usage error', args: ['analyze', '-', '-'], code: 2, check: (r) => expect(r.stderr).toBe('nkmsg: error: "-" (standard input) can be given only once\n') },
  {
    name: 'an empty article is analysed with a warning',
    args: ['analyze', '--json'],
    input: '',
    code: 0,
    check: (r) => {
      expect(parse(r.stdout).warnings.length).toBeGreaterThan(0);
      expect(r.stderr).toMatch(/^nkmsg: warning: -: no analysable text/);
    },
  },
  { name: '--quiet silences warnings', args: ['analyze', '--json', '--quiet'], input: '   \n', code: 0, check: quietStderr },
  {
    name: 'ndjson input gives results that carry the record ids',
    args: ['analyze', '--input-format', 'ndjson', '--format', 'ndjson'],
    input: '{"id":"a1","text":"Moscow warns Tokyo."}\n\n{"id":2,"text":"Seoul talks with Pyongyang.","source":"x"}\n{"text":"Beijing."}\n',
    code: 0,
    check: (r) => {
      const lines = r.stdout.trimEnd().split('\n').map(parse);
      expect(lines.map((l) => l.input.id)).toEqual(['a1', 2, 4]);
      expect(lines.every((l) => l.input.path === '-')).toBe(true);
    },
  },
  {
    name: 'a bad ndjson record is an error record, the others are analysed',
    smoke: true,
    args: ['analyze', '--input-format', 'ndjson', '--format', 'ndjson'],
    input: '{"id":"a","text":"Moscow warns Tokyo."}\n{broken\n{"id":"c","text":"Seoul talks."}\n',
    code: 1,
    check: (r) => {
      const lines = r.stdout.trimEnd().split('\n').map(parse);
      expect(lines).toHaveLength(3);
      expect(lines[1]).toEqual({ schemaVersion: 1, input: { path: '-', line: 2 }, error: { code: 'bad-record', message: expect.stringMatching(/^line 2 is not valid JSON/) } });
      expect(lines[2].input.id).toBe('c');
      expect(r.stderr).toMatch(/^nkmsg: error: -: line 2 is not valid JSON .*; each line must be one JSON object like/m);
      expect(noStackTrace(r.stderr)).toBe(true);
    },
  },
  {
    name: 'actors prints the default set',
    args: ['actors'],
    code: 0,
    check: (r) => (expect(r.stdout).toMatch(/^moscow {2}Moscow \(Russia\)\n {4}/), expect(r.stdout).toMatch(/^pyongyang {2}Pyongyang \(North Korea\)/m)),
  },
  {
    name: 'actors --json prints an actor file',
    args: ['actors', '--json'],
    code: 0,
    check: (r) => {
      const file = parse(r.stdout);
      expect(file.map((a: { id: string }) => a.id)).toEqual(['moscow', 'seoul', 'tokyo', 'washington', 'beijing', 'pyongyang']);
      expect(file[0]).toMatchObject({ id: 'moscow', name: 'Moscow', country: 'Russia', aliases: expect.any(Array), leaders: expect.any(Array) });
    },
  },
  {
    name: 'actors respects --actors',
    args: ['actors', '--json', '--actors', 'fixtures/turkey-four-addressees.actors.json'],
    code: 0,
    check: (r) => expect(parse(r.stdout).map((a: { id: string }) => a.id)).toEqual(['ankara', 'berlin', 'tehran', 'moscow', 'athens']),
  },
  {
    name: 'analyze with --actors uses that set',
    args: ['analyze', '--json', '--actors', 'fixtures/turkey-four-addressees.actors.json', 'fixtures/turkey-four-addressees.txt'],
    code: 0,
    check: (r) => expect(parse(r.stdout).actors.map((a: { id: string }) => a.id)).toEqual(['ankara', 'berlin', 'tehran', 'moscow', 'athens']),
  },
  {
    name: 'FORCE_COLOR colours output to a pipe',
    smoke: true,
    args: ['analyze', ARTICLE],
    env: { FORCE_COLOR: '1' },
    code: 0,
    check: (r) => expect(r.stdout).toContain('\u001b[1m'),
  },
  { name: '--no-color wins over FORCE_COLOR', args: ['analyze', '--no-color', ARTICLE], env: { FORCE_COLOR: '1' }, code: 0, check: (r) => expect(r.stdout).not.toContain('\u001b') },
  { name: '--color colours output to a pipe', args: ['analyze', '--color', ARTICLE], code: 0, check: (r) => expect(r.stdout).toContain('\u001b[') },
  { name: 'NO_COLOR keeps a pipe plain', smoke: true, args: ['analyze', ARTICLE], env: { NO_COLOR: '1' }, code: 0, check: (r) => expect(r.stdout).not.toContain('\u001b') },
  {
    name: 'report counts an article given twice once, with one warning',
    args: ['report', '--format', 'json', ARTICLE, `./${ARTICLE}`],
    code: 0,
    check: (r) => {
      expect(parse(r.stdout).counts).toMatchObject({ inputs: 1, analysed: 1, included: 1 });
      expect(r.stderr).toBe(`nkmsg: warning: skipped 1 duplicate input (./${ARTICLE}): a file given again, or a saved result of an input already counted, counts once\n`);
    },
  },
  {
    name: 'report --from-results refuses a file that is not results in one line, exit 2',
    smoke: true,
    args: ['report', '--from-results', ARTICLE],
    code: 2,
    check: (r) => {
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(
        `nkmsg: error: --from-results ${ARTICLE}: line 1 is not a result record of nkmsg analyze, so it is not a results file; give the output of nkmsg analyze --format ndjson, or give articles without --from-results\n`,
      );
    },
  },
];

export async function runCase(c: CliCase, run: (args: string[], options: { input?: string; env?: Record<string, string> }) => Promise<Run>): Promise<void> {
  const result = await run(c.args, { ...(c.input !== undefined ? { input: c.input } : {}), ...(c.env ? { env: c.env } : {}) });
  expect({ code: result.code, stderr: result.stderr }).toMatchObject({ code: c.code });
  c.check(result);
  expect(noStackTrace(result.stderr)).toBe(true);
}
