/** `nkmsg report` as users run it: formats, saved results, NDJSON records with dates and sources, filters, bad input. */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nkmsgInProcess, noStackTrace, ROOT, tempDir } from './helpers.js';

const COLLECTION = join(ROOT, 'examples', 'collection');
const schema = JSON.parse(readFileSync(join(ROOT, 'schema', 'report.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true, allowUnionTypes: true }).compile(schema);
const tmp = tempDir('nkmsg-report-');
afterAll(tmp.cleanup);

let direct: { counts: Record<string, number>; dyads: unknown[]; actors: { id: string }[] };
let saved = '';

beforeAll(async () => {
  const run = await nkmsgInProcess(['report', '--format', 'json', '--jobs', '2', COLLECTION]);
  expect(run.code, run.stderr).toBe(0);
  direct = JSON.parse(run.stdout);
  saved = join(tmp.dir, 'results.ndjson');
  const analysed = await nkmsgInProcess(['analyze', '--format', 'ndjson', '-o', saved, COLLECTION]);
  expect(analysed.code, analysed.stderr).toBe(0);
}, 180_000);

describe('nkmsg report', () => {
  it('writes JSON that validates against the shipped schema', () => {
    expect(validate(direct), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(direct.counts).toMatchObject({ inputs: 59, analysed: 59, failed: 0, dated: 56, undated: 3 });
  });

  it('gives the same report from saved results as from the articles', async () => {
    const run = await nkmsgInProcess(['report', '--format', 'json', '--from-results', saved]);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(direct);
  });

  it('reads a saved --format json array as well', async () => {
    const array = join(tmp.dir, 'results.json');
    writeFileSync(array, `[\n${readFileSync(saved, 'utf8').trim().split('\n').join(',\n')}\n]\n`);
    const run = await nkmsgInProcess(['report', '--format', 'json', '--from-results', array]);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).dyads).toEqual(direct.dyads);
  });

  it('picks the format from the --output name, writes the file and says what it holds', async () => {
    const html = join(tmp.dir, 'report.html');
    const run = await nkmsgInProcess(['report', '--from-results', saved, '-o', html]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/report\.html: 59 articles \(56 dated, 3 undated\); by quarter/);
    const page = readFileSync(html, 'utf8');
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page.match(/<svg /g)?.length).toBe(5);
    // Self-contained: no script, stylesheet link, image or frame to fetch.
    expect(page).not.toMatch(/<script|<link |<img |<iframe|url\((?!#)|@import/i);
    expect(page).not.toMatch(/(?:src|href)="(?:https?:)?\/\//i);
  });

  it('counts an article once however often it is given: saved results twice, saved and analysed, a folder and its file', async () => {
    const copy = join(tmp.dir, 'results-again.ndjson');
    writeFileSync(copy, readFileSync(saved));
    const one = join(COLLECTION, readdirSync(COLLECTION).filter((f) => f.endsWith('.txt')).sort()[0]!);
    for (const [args, skipped] of [
      [['--from-results', saved, '--from-results', saved], 'skipped 59 duplicate inputs'],
      [['--from-results', saved, '--from-results', copy], 'skipped 59 duplicate inputs'],
      [['--from-results', saved, COLLECTION], 'skipped 59 duplicate inputs'],
      [[COLLECTION, one], 'skipped 1 duplicate input '],
    ] as const) {
      const run = await nkmsgInProcess(['report', '--format', 'json', ...args]);
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout), args.join(' ')).toEqual(direct);
      expect(run.stderr.split('\n'), args.join(' ')).toHaveLength(2);
      expect(run.stderr).toContain(`nkmsg: warning: ${skipped}`);
    }
    const quiet = await nkmsgInProcess(['report', '--format', 'json', '--quiet', '--from-results', saved, '--from-results', saved]);
    expect(quiet.stderr).toBe('');
  }, 60_000);

  it('counts an article once when its saved result was made from another folder (paths saved relative to it)', async () => {
    const relative = join(tmp.dir, 'relative.ndjson');
    const analysed = await nkmsgInProcess(['analyze', '--format', 'ndjson', '-o', relative, join('examples', 'collection')], { cwd: ROOT });
    expect(analysed.code, analysed.stderr).toBe(0);
    const run = await nkmsgInProcess(['report', '--format', 'json', '--from-results', relative, 'collection'], { cwd: join(ROOT, 'examples') });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).counts).toEqual(direct.counts);
    expect(run.stderr).toContain('nkmsg: warning: skipped 59 duplicate inputs');
  }, 60_000);

  it("refuses saved results given as an article (without --from-results), saying so, and writes no report", async () => {
    const out = join(tmp.dir, 'oops.html');
    const run = await nkmsgInProcess(['report', saved, '-o', out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`nkmsg: error: ${saved}: is nkmsg's own JSON output (saved results), not an article; to report on saved results give them to nkmsg report --from-results\n`);
    expect(existsSync(out)).toBe(false);
  });

  it('counts a failed input given twice once, and names it terminal-safe', async () => {
    const missing = join(tmp.dir, 'gone\u001b[31m.txt');
    const run = await nkmsgInProcess(['report', '--format', 'json', join(ROOT, 'fixtures', 'russia-nk-opening.txt'), missing, missing.replace(tmp.dir, `${tmp.dir}/.`)]);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).counts).toMatchObject({ inputs: 2, analysed: 1, failed: 1 });
    expect(run.stderr).toContain('nkmsg: warning: skipped 1 duplicate input (');
    expect(run.stderr).not.toContain('\u001b');
  });

  it('warns once when the results counted were made with different actor sets', async () => {
    const set = (name: string, actors: [string, string, string][]): string => {
      const file = join(tmp.dir, `${name}.json`);
      writeFileSync(file, JSON.stringify(actors.map(([id, n, country]) => ({ id, name: n, country }))));
      return file;
    };
    const berlinAnkara = set('berlin-ankara', [['berlin', 'Berlin', 'Germany'], ['ankara', 'Ankara', 'Turkey']]);
    const seoulTokyo = set('seoul-tokyo', [['seoul', 'Seoul', 'South Korea'], ['tokyo', 'Tokyo', 'Japan']]);
    const results = async (name: string, actors: string, article: string): Promise<string> => {
      const out = join(tmp.dir, `${name}.ndjson`);
      const run = await nkmsgInProcess(['analyze', '--format', 'ndjson', '--actors', actors, '-o', out, join(ROOT, 'fixtures', article)]);
      expect(run.code, run.stderr).toBe(0);
      return out;
    };
    const turkey = await results('turkey', berlinAnkara, 'turkey-four-addressees.txt');
    const russia = await results('russia', seoulTokyo, 'russia-nk-opening.txt');
    const obama = await results('obama', seoulTokyo, 'obama-asia-tour-signals.txt');

    const mixed = await nkmsgInProcess(['report', '--format', 'json', '--from-results', turkey, '--from-results', russia]);
    expect(mixed.code, mixed.stderr).toBe(0);
    expect(JSON.parse(mixed.stdout).counts).toMatchObject({ analysed: 2 });
    expect(mixed.stderr).toBe(
      'nkmsg: warning: the results counted were made with 2 different actor sets (berlin, ankara; seoul, tokyo); an actor is counted only in the articles read with a set that has it, ' +
        'so figures across sets do not compare; analyse the articles again with one --actors file to compare them\n',
    );
    const same = await nkmsgInProcess(['report', '--format', 'json', '--from-results', russia, '--from-results', obama]);
    expect(same.stderr).toBe('');
    const analysedToo = await nkmsgInProcess(['report', '--format', 'json', '--from-results', russia, join(ROOT, 'fixtures', 'turkey-four-addressees.txt')]);
    expect(analysedToo.stderr).toMatch(/^nkmsg: warning: the results counted were made with 2 different actor sets \(seoul, tokyo; moscow, seoul, tokyo, washington, beijing, pyongyang\)/);
    const analysedWithTheSet = await nkmsgInProcess(['report', '--format', 'json', '--actors', seoulTokyo, '--from-results', russia, join(ROOT, 'fixtures', 'obama-asia-tour-signals.txt')]);
    expect(analysedWithTheSet.stderr).toBe('');
    const quiet = await nkmsgInProcess(['report', '--format', 'json', '--quiet', '--from-results', turkey, '--from-results', russia]);
    expect(quiet.stderr).toBe('');
  }, 60_000);

  it('takes --actor from the actors of the saved results with --from-results, and from the actor set when articles are analysed', async () => {
    const turkey = join(tmp.dir, 'tk.ndjson');
    const fixture = (name: string): string => join(ROOT, 'fixtures', name);
    const made = await nkmsgInProcess(['analyze', '--format', 'ndjson', '--actors', fixture('turkey-four-addressees.actors.json'), '-o', turkey, fixture('turkey-four-addressees.txt')]);
    expect(made.code, made.stderr).toBe(0);
    const russia = join(tmp.dir, 'ru.ndjson');
    expect((await nkmsgInProcess(['analyze', '--format', 'ndjson', '-o', russia, fixture('russia-nk-opening.txt')])).code).toBe(0);
    const report = async (...args: string[]) => {
      const run = await nkmsgInProcess(['report', '--format', 'json', '--quiet', ...args]);
      return { ...run, json: run.code === 0 ? JSON.parse(run.stdout) : null };
    };
    const ankara = await report('--from-results', turkey, '--actor', 'ankara');
    expect(ankara.code, ankara.stderr).toBe(0);
    expect(ankara.json.filters.actors).toEqual(['ankara']);
    expect(ankara.json.actors.map((a: { id: string }) => a.id)).toEqual(['ankara']);
    // By name, in any case; and from either of two sets mixed.
    expect((await report('--from-results', turkey, '--actor', 'BERLIN')).json.actors.map((a: { id: string }) => a.id)).toEqual(['berlin']);
    const mixed = await report('--from-results', turkey, '--from-results', russia, '--actor', 'berlin', '--actor', 'tokyo');
    expect(mixed.code, mixed.stderr).toBe(0);
    expect(mixed.json.filters.actors).toEqual(['berlin', 'tokyo']);
    expect(mixed.json.counts).toMatchObject({ analysed: 2, included: 2 });
    // Saved results and articles analysed with the default set: an actor of either is fine.
    const both = await report('--from-results', turkey, fixture('russia-nk-opening.txt'), '--actor', 'ankara,tokyo');
    expect(both.code, both.stderr).toBe(0);
    expect(both.json.filters.actors).toEqual(['tokyo', 'ankara']);
    // An actor of none: a usage error naming the actors there are, and no report.
    const out = join(tmp.dir, 'atlantis.json');
    const none = await nkmsgInProcess(['report', '--from-results', turkey, '--actor', 'atlantis', '-o', out]);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe('nkmsg: error: --actor "atlantis" is not an actor of the saved results; use an id or a name: ankara, berlin, tehran, moscow, athens\n');
    expect(existsSync(out)).toBe(false);
    const noneMixed = await nkmsgInProcess(['report', '--format', 'json', '--from-results', turkey, fixture('russia-nk-opening.txt'), '--actor', 'atlantis']);
    expect(noneMixed.code).toBe(2);
    expect(noneMixed.stderr).toBe(
      'nkmsg: error: --actor "atlantis" is not an actor of the saved results or of the set the articles are analysed with; use an id or a name: moscow, seoul, tokyo, washington, beijing, pyongyang, ankara, berlin, tehran, athens\n',
    );
    // Articles alone are still checked against the set before anything is analysed.
    const articles = await nkmsgInProcess(['report', '--format', 'json', fixture('turkey-four-addressees.txt'), '--actor', 'ankara']);
    expect(articles.code).toBe(2);
    expect(articles.stderr).toMatch(/^nkmsg: error: --actor "ankara" is not an actor of the set; use an id or a name: moscow, seoul/);
  }, 60_000);

  it('warns that --as-of and --actors are ignored with --from-results alone', async () => {
    const actors = join(ROOT, 'fixtures', 'turkey-four-addressees.actors.json');
    const run = await nkmsgInProcess(['report', '--format', 'json', '--from-results', saved, '--as-of', '2000-01-01', '--actors', actors]);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(direct);
    expect(run.stderr).toBe(
      'nkmsg: warning: --as-of applies to articles analysed in the run; it is ignored with --from-results alone\n' +
        'nkmsg: warning: --actors applies to articles analysed in the run (saved results keep the actors they were made with); it is ignored with --from-results alone\n',
    );
    const quiet = await nkmsgInProcess(['report', '--format', 'json', '--quiet', '--from-results', saved, '--as-of', '2000-01-01']);
    expect(quiet.stderr).toBe('');
    const analysing = await nkmsgInProcess(['report', '--format', 'json', '--from-results', saved, '--as-of', '2000-01-01', join(COLLECTION, readdirSync(COLLECTION).sort()[0]!)]);
    expect(analysing.stderr).not.toContain('ignored');
  });

  it('writes Markdown to stdout by default', async () => {
    const run = await nkmsgInProcess(['report', '--from-results', saved]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^# nkmsg report\n/);
    expect(run.stdout).toContain('## Dyads');
  });

  it('escapes Markdown and HTML in article text, publishers and actor names as analyze --format markdown does', async () => {
    const dir = join(tmp.dir, 'markup');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'a.txt'),
      'Turkey warns Germany <script>alert(1)</script>\n\npublished by\nGlobal <b>Times</b>\n on December 2, 2014\n\n' +
        'Turkey sharply criticised Germany over <img src=x onerror=alert(1)> sanctions | and *stars*.\n',
    );
    const actors = join(tmp.dir, 'markup-actors.json');
    writeFileSync(actors, JSON.stringify([{ id: 'ankara', name: 'Ankara <b>x</b> *bold*', country: 'Turkey' }, { id: 'berlin', name: 'Berlin | pipe', country: 'Germany' }]));
    const run = await nkmsgInProcess(['report', dir, '--actors', actors, '--evidence', '100']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toMatch(/(?<!\\)[<>]/);
    expect(run.stdout).toContain('“Turkey warns Germany \\<script\\>alert(1)\\</script\\>”');
    expect(run.stdout).toContain('“Turkey sharply criticised Germany over \\<img src=x onerror=alert(1)\\> sanctions \\| and \\*stars\\*.”');
    expect(run.stdout).toContain('| Global \\<b\\>Times\\</b\\> (1) | Ankara \\<b\\>x\\</b\\> \\*bold\\* |');
    expect(run.stdout).toContain('### Ankara \\<b\\>x\\</b\\> \\*bold\\* → Berlin \\| pipe');
    const html = await nkmsgInProcess(['report', dir, '--actors', actors, '--format', 'html']);
    expect(html.stdout).not.toMatch(/<script|<img|<b>/);
    expect(html.stdout).toContain('Global &lt;b&gt;Times&lt;/b&gt;');
  });

  it('takes "date" and "source" from NDJSON records, and filters by them', async () => {
    const articles = ['russia-nk-opening.txt', 'obama-asia-tour-signals.txt', 'pyongyang-missile-mail.txt'].map((f) => readFileSync(join(ROOT, 'fixtures', f), 'utf8'));
    const lines = [
      { id: 'a', date: '2020-01-05', source: 'Feed One', text: articles[0] },
      { id: 'b', date: '2020-02-10T08:00:00Z', source: 'Feed Two', text: articles[1] },
      { id: 'c', source: 'Feed One', text: 'Moscow and Tokyo met.' },
    ];
    const input = lines.map((l) => JSON.stringify(l)).join('\n') + '\n';
    const all = await nkmsgInProcess(['report', '--input-format', 'ndjson', '--format', 'json'], { input });
    expect(all.code, all.stderr).toBe(0);
    const report = JSON.parse(all.stdout);
    expect(report.span).toEqual({ from: '2020-01-05', to: '2020-02-10' });
    expect(report.sources.map((s: { name: string; articles: number }) => [s.name, s.articles])).toEqual([['Feed One', 2], ['Feed Two', 1]]);
    expect(report.undated).toEqual([{ path: '-', id: 'c', line: 3, title: null }]);

    const one = await nkmsgInProcess(['report', '--input-format', 'ndjson', '--format', 'json', '--source', 'feed two', '--actor', 'Tokyo'], { input });
    const filtered = JSON.parse(one.stdout);
    expect(filtered.counts).toMatchObject({ included: 1, excluded: 2 });
    expect(filtered.actors.map((a: { id: string }) => a.id)).toEqual(['tokyo']);
  });

  it('lists a failed input with its error, reports the rest and exits 1', async () => {
    const missing = join(tmp.dir, 'missing.txt');
    const run = await nkmsgInProcess(['report', '--format', 'json', join(ROOT, 'fixtures', 'russia-nk-opening.txt'), missing]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.counts).toMatchObject({ analysed: 1, failed: 1 });
    expect(report.failures[0]).toMatchObject({ path: missing, code: 'not-found' });
    expect(run.stderr).toContain('missing.txt');
  });

  it('lists a saved result it cannot count (an odd stance, a date no calendar has) as a failure, and counts the rest', async () => {
    const [first, second, ...rest] = readFileSync(saved, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    first.sentences.find((x: { stances: object }) => Object.keys(x.stances).length > 0).stances = { moscow: 'friendly' };
    second.input.date = '2020-02-30';
    const edited = join(tmp.dir, 'edited.ndjson');
    writeFileSync(edited, [first, second, ...rest].map((r) => JSON.stringify(r)).join('\n') + '\n');
    const run = await nkmsgInProcess(['report', '--format', 'json', '--period', 'week', '--from-results', edited]);
    expect(run.code).toBe(1);
    expect(noStackTrace(run.stderr)).toBe(true);
    const report = JSON.parse(run.stdout);
    expect(report.counts).toMatchObject({ analysed: rest.length, failed: 2 });
    expect(report.failures.map((f: { line: number; code: string }) => [f.line, f.code])).toEqual([[1, 'bad-result'], [2, 'bad-result']]);
    expect(run.stderr).toContain('has the stance "friendly"');
    expect(run.stderr).toContain('not a real calendar date');
  });

  it('writes nothing when no input could be analysed', async () => {
    const out = join(tmp.dir, 'never.html');
    const run = await nkmsgInProcess(['report', join(tmp.dir, 'nope.txt'), '-o', out]);
    expect(run.code).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect(run.stderr).toContain('not written');
  });

  /** An empty input file, and a report already there that a run of nothing must leave as it is. */
  const emptyInputAndReport = (input: string, report: string): { empty: string; old: string } => {
    const empty = join(tmp.dir, input);
    writeFileSync(empty, '');
    const old = join(tmp.dir, report);
    writeFileSync(old, '{"kept": true}\n');
    return { empty, old };
  };

  it.each([
    ['an empty --from-results file', (empty: string) => ['--from-results', empty]],
    ['--from-results /dev/null', () => ['--from-results', '/dev/null']],
  ])('leaves an existing report unchanged, and writes no new one, for %s (exit 1)', async (_what, args) => {
    const { empty, old } = emptyInputAndReport('empty.ndjson', 'old-report.json');
    const kept = await nkmsgInProcess(['report', ...args(empty), '-o', old]);
    expect(kept.code).toBe(1);
    expect(readFileSync(old, 'utf8')).toBe('{"kept": true}\n');
    expect(kept.stderr).toBe(`nkmsg: nothing to report: the inputs hold no article or result; ${old} left unchanged\n`);
    const fresh = join(tmp.dir, 'new.html');
    const none = await nkmsgInProcess(['report', ...args(empty), '-o', fresh]);
    expect(none.code).toBe(1);
    expect(existsSync(fresh)).toBe(false);
    expect(none.stderr).toBe(`nkmsg: nothing to report: the inputs hold no article or result; ${fresh} not written\n`);
    const stdout = await nkmsgInProcess(['report', ...args(empty)]);
    expect(stdout.code).toBe(1);
    expect(stdout.stdout).toBe('');
    expect(stdout.stderr).toBe('nkmsg: nothing to report: the inputs hold no article or result; no report\n');
  });

  it.each([
    ['an empty NDJSON input', (empty: string) => ['--input-format', 'ndjson', empty]],
    ['an empty --from-results file and an empty NDJSON input', (empty: string) => ['--from-results', empty, '--input-format', 'ndjson', empty]],
  ])('leaves an existing report unchanged for %s: the NDJSON input has no records, a failed input (exit 1)', async (_what, args) => {
    const { empty, old } = emptyInputAndReport('empty-input.ndjson', 'old-report-2.json');
    const kept = await nkmsgInProcess(['report', ...args(empty), '-o', old]);
    expect(kept.code).toBe(1);
    expect(readFileSync(old, 'utf8')).toBe('{"kept": true}\n');
    expect(kept.stderr).toContain(`nkmsg: error: ${empty}: has no records (it is empty or has only blank lines)`);
    expect(kept.stderr).toContain(`nkmsg: no input could be analysed; ${old} left unchanged\n`);
    const fresh = join(tmp.dir, 'new-2.html');
    const none = await nkmsgInProcess(['report', ...args(empty), '-o', fresh]);
    expect(none.code).toBe(1);
    expect(existsSync(fresh)).toBe(false);
  });

  it('makes no report when the filters leave out every article, saying what the articles hold (exit 1)', async () => {
    const old = join(tmp.dir, 'old-filtered.html');
    writeFileSync(old, 'kept\n');
    const sources = (direct as unknown as { sources: { name: string | null }[] }).sources.flatMap((s) => (s.name === null ? [] : [s.name]));
    const nope = await nkmsgInProcess(['report', '--from-results', saved, '--source', 'Nope', '-o', old]);
    expect(nope.code).toBe(1);
    expect(readFileSync(old, 'utf8')).toBe('kept\n');
    expect(nope.stderr).toBe(`nkmsg: nothing to report: the filters leave out all 59 articles (no article has the source "Nope"; the sources are ${sources.slice(0, 10).join(', ')} and ${sources.length - 10} more); ${old} left unchanged\n`);
    const fresh = join(tmp.dir, 'filtered.json');
    const dates = await nkmsgInProcess(['report', '--from-results', saved, '--from', '1990-01-01', '--to', '1990-12-31', '-o', fresh]);
    expect(dates.code).toBe(1);
    expect(existsSync(fresh)).toBe(false);
    expect(dates.stderr).toBe(`nkmsg: nothing to report: the filters leave out all 59 articles (they are dated 2016-02-08 to 2019-11-12, and 3 have no date); ${fresh} not written\n`);
    const stdout = await nkmsgInProcess(['report', '--from-results', saved, '--source', 'Nope']);
    expect([stdout.code, stdout.stdout]).toEqual([1, '']);
    expect(stdout.stderr).toMatch(/; no report\n$/);
  });

  it('takes a --source with stray spaces as the name, and refuses an empty one', async () => {
    const name = (direct as unknown as { sources: { name: string }[] }).sources[0]!.name;
    const spaced = await nkmsgInProcess(['report', '--format', 'json', '--from-results', saved, '--source', `  ${name.toUpperCase()} `]);
    expect(spaced.code, spaced.stderr).toBe(0);
    expect(JSON.parse(spaced.stdout).filters.sources).toEqual([name.toUpperCase()]);
    const empty = await nkmsgInProcess(['report', '--format', 'json', '--from-results', saved, '--source', ' ']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toBe('nkmsg: error: --source " " names no source; give a source or publisher as the articles name it\n');
  });

  it('leaves an existing report unchanged when every input failed (exit 1)', async () => {
    const old = join(tmp.dir, 'old-failed.json');
    writeFileSync(old, '{"kept": true}\n');
    const run = await nkmsgInProcess(['report', join(tmp.dir, 'nope.txt'), '-o', old]);
    expect(run.code).toBe(1);
    expect(readFileSync(old, 'utf8')).toBe('{"kept": true}\n');
    expect(run.stderr).toContain(`nkmsg: no input could be analysed; ${old} left unchanged\n`);
  });

  it.each([
    [['--from', '2019-01-01', '--to', '2018-01-01'], /--from 2019-01-01 is after --to 2018-01-01/],
    [['--actor', 'Atlantis'], /--actor "Atlantis" is not an actor of the set/],
    [['-o', 'report.pdf'], /say which format to write with --format/],
    [['-o', 'new-folder/'], /^nkmsg: error: --output new-folder\/: names a folder \(it ends in "\/"\); give a file name\n$/],
    [['-o', 'fixtures'], /^nkmsg: error: --output fixtures: is a folder; give a file name\n$/],
    [['--period', 'decade'], /--period/],
    [['--from', '2019-13-01'], /'2019-13-01' is invalid: it is not a real calendar date; use one such as 2014-12-02\./],
    [['--to', 'May 2019'], /'May 2019' is invalid: use a date written YYYY-MM-DD/],
    [['--evidence', '0'], /--evidence/],
  ])('refuses %j with a usage error (exit 2)', async (args, message) => {
    const run = await nkmsgInProcess(['report', ...args, join(ROOT, 'fixtures', 'russia-nk-opening.txt')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(noStackTrace(run.stderr)).toBe(true);
  });

  it('refuses to write the report over its saved results', async () => {
    const copy = join(tmp.dir, 'copy.json');
    writeFileSync(copy, readFileSync(saved));
    const before = statSync(copy).size;
    const run = await nkmsgInProcess(['report', '--from-results', copy, '--format', 'json', '-o', copy]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/is also the --from-results file/);
    expect(statSync(copy).size).toBe(before);
  });

  it.each([
    ['an article', () => join(ROOT, 'fixtures', 'russia-nk-opening.txt'), 'line 1'],
    ['NDJSON input records', () => join(ROOT, 'examples', 'articles.ndjson'), 'line 1'],
    ['a report', () => (writeFileSync(join(tmp.dir, 'a-report.json'), JSON.stringify(direct, null, 2)), join(tmp.dir, 'a-report.json')), 'its JSON value'],
    ['an array of something else', () => (writeFileSync(join(tmp.dir, 'numbers.json'), '[1, 2]\n'), join(tmp.dir, 'numbers.json')), 'its first item'],
    ['a first line that is not valid JSON', () => (writeFileSync(join(tmp.dir, 'broken.ndjson'), `{"schemaVersion":1,\n${readFileSync(saved, 'utf8')}`), join(tmp.dir, 'broken.ndjson')), 'line 1'],
  ])('refuses %s given as --from-results in one line (exit 2)', async (_what, file, where) => {
    const path = file();
    const run = await nkmsgInProcess(['report', '--format', 'json', '--from-results', path]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')).toHaveLength(2);
    expect(run.stderr).toContain(`${where} is not a result record of nkmsg analyze, so it is not a results file`);
  });

  it('reads one result saved with --format json (a pretty-printed object)', async () => {
    const one = join(tmp.dir, 'one.json');
    const analysed = await nkmsgInProcess(['analyze', '--format', 'json', '-o', one, join(ROOT, 'fixtures', 'russia-nk-opening.txt')]);
    expect(analysed.code, analysed.stderr).toBe(0);
    const run = await nkmsgInProcess(['report', '--format', 'json', '--from-results', one]);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).counts).toMatchObject({ inputs: 1, analysed: 1, failed: 0 });
  });

  it('reads saved results up to 16 times --max-bytes a line, and lists a longer line with its limit and the option to raise', async () => {
    const lines = readFileSync(saved, 'utf8').trim().split('\n');
    const sizes = lines.map((l) => Buffer.byteLength(l));
    const limit = 16 * 2048;
    const over = sizes.flatMap((n, i) => (n > limit ? [i + 1] : []));
    expect(over.length).toBeGreaterThan(0);
    expect(over.length).toBeLessThan(lines.length);
    const run = await nkmsgInProcess(['report', '--format', 'json', '--max-bytes', '2K', '--from-results', saved]);
    expect(run.code).toBe(1);
    expect(noStackTrace(run.stderr)).toBe(true);
    const report = JSON.parse(run.stdout);
    expect(report.counts).toMatchObject({ analysed: lines.length - over.length, failed: over.length });
    expect(report.failures.map((f: { line: number; code: string }) => [f.line, f.code])).toEqual(over.map((line) => [line, 'too-large']));
    expect(run.stderr.split('\n')[0]).toBe(`nkmsg: error: ${saved}: line ${over[0]} is over 32 KiB, the limit for a saved result (16 times --max-bytes); raise --max-bytes`);
    // Lines more than twice the limit: each is listed, none ends the run as an unexpected failure.
    const tiny = await nkmsgInProcess(['report', '--format', 'json', '--max-bytes', '1K', '--from-results', saved]);
    expect(tiny.code).toBe(1);
    expect(tiny.stderr).not.toContain('unexpected failure');
    expect(tiny.stderr).toContain(`: line 1 is over 16 KiB, the limit for a saved result (16 times --max-bytes); raise --max-bytes\n`);
    expect(JSON.parse(tiny.stdout).counts.failed).toBe(sizes.filter((n) => n > 16 * 1024).length);
    // A saved --format json array over the limit is refused whole, with the same figures.
    const array = join(tmp.dir, 'large.json');
    writeFileSync(array, `[\n${lines.join(',\n')}\n]\n`);
    const whole = await nkmsgInProcess(['report', '--format', 'json', '--max-bytes', '2K', '--from-results', array]);
    expect(whole.code).toBe(2);
    expect(whole.stderr).toBe(`nkmsg: error: --from-results ${array}: is a JSON text over 32 KiB, the limit for saved results (16 times --max-bytes); save results with --format ndjson instead, or raise --max-bytes\n`);
  });

  it('counts a saved line that is not a result as a failure', async () => {
    const bad = join(tmp.dir, 'bad.ndjson');
    writeFileSync(bad, `${readFileSync(saved, 'utf8').split('\n')[0]}\n{"hello": 1}\nnot json\n`);
    const run = await nkmsgInProcess(['report', '--format', 'json', '--from-results', bad]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.counts).toMatchObject({ analysed: 1, failed: 2 });
    expect(report.failures.map((f: { line: number; code: string }) => [f.line, f.code])).toEqual([[2, 'bad-result'], [3, 'bad-result']]);
  });
});
