/** The collection report's library: periods, digests and the aggregate, against real analyses and hand-made digests. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../src/analyze.js';
import { netTone, ReportBuilder } from '../src/collection/aggregate.js';
import { actorAnchor, dyadAnchor } from '../src/collection/charts.js';
import { digestOf } from '../src/collection/digest.js';
import { periodFor, periodOf } from '../src/collection/periods.js';
import type { ArticleDigest, ReportAggregate } from '../src/collection/types.js';
import { mdText } from '../src/format/markdown.js';
import { formatReportHtml } from '../src/format/report-html.js';
import { formatReportMarkdown } from '../src/format/report-markdown.js';
import type { AnalysisResult, Stance, Tally } from '../src/types.js';
import { ROOT } from './helpers.js';
import * as library from '../src/index.js';

const COLLECTION = join(ROOT, 'examples', 'collection');
const schema = JSON.parse(readFileSync(join(ROOT, 'schema', 'report.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true, allowUnionTypes: true }).compile(schema);

const tally = (cooperative: number, conflictual: number, neutral: number): Tally => ({ cooperative, conflictual, neutral });

function digest(path: string, date: string | null, extra: Partial<ArticleDigest> = {}): ArticleDigest {
  return {
    path,
    title: path,
    date,
    source: 'Wire',
    sender: 'moscow',
    actors: [
      { id: 'moscow', name: 'Moscow', tally: tally(1, 0, 1) },
      { id: 'tokyo', name: 'Tokyo', tally: tally(0, 2, 0) },
    ],
    dyads: [],
    ...extra,
  };
}

const evidence = (path: string, sentence: number, stance: Stance) => ({ path, title: null, date: null, sentence, stance, text: `${stance} ${sentence}` });

describe('periods', () => {
  it.each([
    ['2016-06-02', 'day', '2016-06-02', '2016-06-02'],
    ['2016-06-02', 'week', '2016-W22', '2016-05-30'],
    ['2016-01-01', 'week', '2015-W53', '2015-12-28'],
    ['2018-12-31', 'week', '2019-W01', '2018-12-31'],
    ['2016-06-02', 'month', '2016-06', '2016-06-01'],
    ['2016-11-30', 'quarter', '2016-Q4', '2016-10-01'],
    ['2016-06-02', 'year', '2016', '2016-01-01'],
  ] as const)('%s by %s is %s, from %s', (date, period, label, start) => {
    expect(periodOf(date, period)).toEqual({ period: label, start });
  });

  it('is chosen from the span of dates', () => {
    expect(periodFor('2016-01-01', '2016-01-20')).toBe('day');
    expect(periodFor('2016-01-01', '2016-05-01')).toBe('week');
    expect(periodFor('2016-01-01', '2018-06-01')).toBe('month');
    expect(periodFor('2016-01-01', '2024-01-01')).toBe('quarter');
    expect(periodFor('1956-01-01', '2024-01-01')).toBe('year');
    expect(periodFor(null, null)).toBe('month');
  });
});

describe('ReportBuilder', () => {
  it('counts actors per period, with the articles behind each point', () => {
    const b = new ReportBuilder({ period: 'year' });
    b.add(digest('a', '2016-03-01'));
    b.add(digest('b', '2016-09-01'));
    b.add(digest('c', '2018-01-01', { actors: [{ id: 'tokyo', name: 'Tokyo', tally: tally(3, 0, 0) }] }));
    const r = b.finish();
    expect(r.periods).toEqual([
      { period: '2016', start: '2016-01-01', articles: 2 },
      { period: '2018', start: '2018-01-01', articles: 1 },
    ]);
    const tokyo = r.actors.find((a) => a.id === 'tokyo')!;
    expect(tokyo.articles).toBe(3);
    expect(tokyo.tally).toEqual(tally(3, 4, 0));
    expect(tokyo.series.map((p) => [p.period, p.articles, p.cooperative, p.conflictual, p.posture])).toEqual([
      ['2016', 2, 0, 4, 'hostile'],
      ['2018', 1, 3, 0, 'friendly'],
    ]);
    expect(r.actors.find((a) => a.id === 'moscow')!.series.map((p) => p.period)).toEqual(['2016']);
    expect(r.span).toEqual({ from: '2016-03-01', to: '2018-01-01' });
  });

  it('lists undated articles apart: in the totals, not in the series', () => {
    const b = new ReportBuilder();
    b.add(digest('dated', '2016-03-01'));
    b.add(digest('undated', null, { id: 'x7', line: 7 }));
    const r = b.finish();
    expect(r.counts).toMatchObject({ included: 2, dated: 1, undated: 1 });
    expect(r.undated).toEqual([{ path: 'undated', id: 'x7', line: 7, title: 'undated' }]);
    expect(r.actors.find((a) => a.id === 'tokyo')!.articles).toBe(2);
    expect(r.actors.find((a) => a.id === 'tokyo')!.series[0]!.articles).toBe(1);
  });

  it('applies --from, --to, --source and --actor, and counts what they left out', () => {
    const b = new ReportBuilder({ filters: { from: '2016-01-01', to: '2016-12-31', sources: ['wire'], actors: ['tokyo'] } });
    b.add(digest('in', '2016-05-01'));
    b.add(digest('too-early', '2015-05-01'));
    b.add(digest('undated', null));
    b.add(digest('other-source', '2016-05-01', { source: 'Gazette' }));
    b.add(digest('no-tokyo', '2016-05-01', { actors: [{ id: 'moscow', name: 'Moscow', tally: tally(1, 0, 0) }] }));
    const r = b.finish();
    expect(r.counts).toMatchObject({ analysed: 5, included: 1, excluded: 4 });
    expect(r.actors.map((a) => a.id)).toEqual(['tokyo']);
  });

  it('quotes at most the cap of a cell, sentences with a tone first, and counts the rest', () => {
    const b = new ReportBuilder({ evidenceCap: 2 });
    const dyads = [{ source: 'moscow', target: 'tokyo', tally: tally(1, 1, 2), evidence: [evidence('a', 0, 'neutral'), evidence('a', 1, 'neutral'), evidence('a', 2, 'conflictual'), evidence('a', 3, 'cooperative')] }];
    b.add(digest('a', '2016-01-01', { dyads }));
    const [cell] = b.finish().dyads;
    expect(cell!.evidence.map((e) => e.sentence)).toEqual([2, 3]);
    expect(cell!.omitted).toBe(2);
    expect(cell!.net).toBe(0);
  });

  it('keeps failures with their error, and caps the lists by name', () => {
    const b = new ReportBuilder({ listCap: 1 });
    b.addFailure({ path: 'x.txt', code: 'not-found', message: 'no such file' });
    b.addFailure({ path: 'y.txt', code: 'not-found', message: 'no such file' });
    const r = b.finish();
    expect(r.counts.failed).toBe(2);
    expect(r.failures).toEqual([{ path: 'x.txt', code: 'not-found', message: 'no such file' }]);
    expect(r.omitted.failures).toBe(1);
  });

  it('net tone runs from -1 to 1', () => {
    expect(netTone(tally(0, 3, 0))).toBe(-1);
    expect(netTone(tally(2, 0, 0))).toBe(1);
    expect(netTone(tally(1, 0, 2))).toBe(0.333);
    expect(netTone(tally(0, 0, 0))).toBe(0);
  });
});

describe('a report over the example collection', () => {
  let results: AnalysisResult[];
  let report: ReportAggregate;
  beforeAll(() => {
    const files = readdirSync(COLLECTION).filter((f) => f.endsWith('.txt')).sort();
    results = files.map((f) => analyze(readFileSync(join(COLLECTION, f), 'utf8'), { input: { path: f, bytes: 0, encoding: 'utf-8', sha256: '0'.repeat(64) } }));
    const builder = new ReportBuilder();
    for (const r of results) builder.add(digestOf(r, 5));
    report = builder.finish();
  });

  it('validates against schema/report.schema.json', () => {
    expect(validate(report), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('has at least 40 dated articles over at least three years', () => {
    expect(report.counts.dated).toBeGreaterThanOrEqual(40);
    expect(Number(report.span.to!.slice(0, 4)) - Number(report.span.from!.slice(0, 4))).toBeGreaterThanOrEqual(3);
  });

  it("adds up to the articles' own results: actor tallies and dyads", () => {
    for (const actor of report.actors) {
      const sum = tally(0, 0, 0);
      for (const r of results) {
        const own = r.actors.find((a) => a.id === actor.id && a.mentions > 0);
        if (own) for (const k of ['cooperative', 'conflictual', 'neutral'] as const) sum[k] += own.tally[k];
      }
      expect(actor.tally).toEqual(sum);
    }
    for (const cell of report.dyads) {
      const own = results.flatMap((r) => r.dyads.filter((d) => d.source === cell.source && d.target === cell.target));
      expect([cell.cooperative, cell.conflictual, cell.neutral, cell.articles]).toEqual([
        own.reduce((n, d) => n + d.cooperative, 0),
        own.reduce((n, d) => n + d.conflictual, 0),
        own.reduce((n, d) => n + d.neutral, 0),
        own.length,
      ]);
    }
  });

  it('quotes evidence that is the sentence it names, with its stance toward the target', () => {
    const byPath = new Map(results.map((r) => [r.input.path, r]));
    const quoted = report.dyads.flatMap((d) => d.evidence.map((e) => ({ d, e })));
    expect(quoted.length).toBeGreaterThan(50);
    for (const { d, e } of quoted) {
      const sentence = byPath.get(e.path)!.sentences[e.sentence]!;
      expect(sentence.text.replace(/\s+/g, ' ').trim().startsWith(e.text.replace(/…$/, ''))).toBe(true);
      expect(sentence.stances[d.target] ?? 'neutral').toBe(e.stance);
      expect(sentence.mentions.some((m) => m.actor === d.source) && sentence.mentions.some((m) => m.actor === d.target)).toBe(true);
    }
  });

  it("is made as README's Library section shows, one argument each: digests kept to the default cap, the HTML with tables and no charts", async () => {
    const b = new ReportBuilder();
    for (const r of results) b.add(library.digestOf(r));
    const rep = b.finish();
    expect(rep).toEqual(report);
    const html = library.formatReportHtml(rep);
    expect(html).toBe(formatReportHtml(report, {}));
    expect(html).not.toContain('<svg');
    expect(results.map((r) => library.digestOf(r))).toEqual(results.map((r) => digestOf(r, library.DEFAULT_EVIDENCE_CAP)));
    // The charts, drawn as the command line draws them.
    expect(library.formatReportHtml(rep, await library.renderReportCharts(rep)).match(/<svg /g)).toHaveLength(5);
  });

  it('formats as Markdown and HTML with the same figures', () => {
    const markdown = formatReportMarkdown(report);
    const html = formatReportHtml(report, {});
    for (const a of report.actors) {
      expect(markdown).toContain(`| ${a.name} | ${a.articles} | ${a.tally.cooperative} | ${a.tally.conflictual} | ${a.tally.neutral} |`);
      expect(html).toContain(`id="actor-${a.id}"`);
    }
    for (const d of report.dyads) expect(html).toContain(`id="dyad-${d.source}--${d.target}"`);
  });
});

describe('a report of one undated article', () => {
  it('says "1 article" in Markdown and has no trend table without a dated article, as the HTML report', () => {
    const b = new ReportBuilder();
    b.add(digest('undated.txt', null));
    const report = b.finish();
    const markdown = formatReportMarkdown(report);
    expect(markdown).toContain('\n1 article counted (0 dated, 1 undated), 0 failed, 0 left out by filters; no dated article.\n');
    expect(markdown).toContain('\n## Actors over time\n\nNo dated article names an actor of the set.\n\n## Dyads\n');
    expect(markdown).not.toMatch(/by month|\| month \|/);
    expect(formatReportHtml(report, {})).toContain('No dated article names an actor of the set.');
    const two = new ReportBuilder();
    two.add(digest('a.txt', '2016-01-01'));
    two.add(digest('b.txt', '2016-01-02'));
    expect(formatReportMarkdown(two.finish())).toContain('\n2 articles counted (2 dated, 0 undated), 0 failed, 0 left out by filters; 2016-01-01 to 2016-01-02, by day.\n');
  });
});

describe('anchors in the HTML report', () => {
  const tricky = ['moscow', 'a-b', 'a--b', 'a_b', 'a__b', 'A-b', 'a b', 'a.b', 'a', 'a-', '-b', 'b', 'x', '', 'é', 'e\u0301', 'a_2d_b', 'a-b-c', 'a--b--c'];

  it('are unique for any two distinct ids, actors and dyads alike, and read as the id for an ordinary one', () => {
    expect(new Set(tricky.map(actorAnchor)).size).toBe(tricky.length);
    const pairs = tricky.flatMap((s) => tricky.map((t) => [s, t] as const));
    expect(new Set(pairs.map(([s, t]) => dyadAnchor(s, t))).size).toBe(pairs.length);
    for (const id of tricky) expect(actorAnchor(id)).toMatch(/^[a-z0-9_-]+$/);
    expect(actorAnchor('moscow')).toBe('actor-moscow');
    expect(dyadAnchor('moscow', 'tokyo')).toBe('dyad-moscow--tokyo');
  });

  it('give custom actors a-b and a--b an id each in the page, and links to them', () => {
    const b = new ReportBuilder();
    const actors = [
      { id: 'a-b', name: 'AB', tally: tally(1, 0, 0) },
      { id: 'a--b', name: 'A B', tally: tally(0, 1, 0) },
    ];
    b.add(digest('x.txt', '2016-01-01', { actors, dyads: [{ source: 'a-b', target: 'a--b', tally: tally(0, 1, 0), evidence: [evidence('x.txt', 0, 'conflictual')] }] }));
    b.add(digest('y.txt', '2016-01-02', { actors, dyads: [{ source: 'a--b', target: 'a-b', tally: tally(1, 0, 0), evidence: [evidence('y.txt', 0, 'cooperative')] }] }));
    const html = formatReportHtml(b.finish(), {});
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
    for (const [, target] of html.matchAll(/href="#([^"]+)"/g)) expect(ids).toContain(target);
  });
});

describe('article text in the report', () => {
  it('is escaped in HTML and stripped of terminal controls in Markdown', () => {
    const b = new ReportBuilder();
    const text = 'Moscow <script>alert(1)</script> warned \u001b[31mTokyo\u001b[0m & "friends"';
    b.add(digest('evil.txt', '2016-01-01', { title: '<img src=x onerror=alert(1)>', dyads: [{ source: 'moscow', target: 'tokyo', tally: tally(0, 1, 0), evidence: [{ ...evidence('evil.txt', 0, 'conflictual'), text }] }] }));
    const r = b.finish();
    const html = formatReportHtml(r, {});
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('\u001b');
    const markdown = formatReportMarkdown(r);
    expect(markdown).not.toContain('\u001b');
  });

  it('is escaped in HTML wherever a saved result or an actor file puts it: names, sources, paths, dates and periods', () => {
    const b = new ReportBuilder({ period: 'day' });
    const date = '<i>2016</i>';
    const actors = [
      { id: 'moscow', name: 'Ankara <b>x</b>', tally: tally(1, 0, 1) },
      { id: 'tokyo', name: 'Tokyo', tally: tally(0, 2, 0) },
    ];
    b.add(digest('<u>a</u>.txt', date, { source: 'Global <b>Times</b>', actors, dyads: [{ source: 'moscow', target: 'tokyo', tally: tally(0, 1, 0), evidence: [{ ...evidence('<u>a</u>.txt', 0, 'conflictual'), date }] }] }));
    const html = formatReportHtml(b.finish(), {});
    expect(html).not.toMatch(/<(?:b|i|u)>/);
    for (const escaped of ['Ankara &lt;b&gt;x&lt;/b&gt;', 'Global &lt;b&gt;Times&lt;/b&gt;', '&lt;u&gt;a&lt;/u&gt;.txt', 'data-period="&lt;i&gt;2016&lt;/i&gt;"']) expect(html).toContain(escaped);
  });

  it('is escaped in Markdown as analyze --format markdown escapes it, and keeps every table row whole', () => {
    const b = new ReportBuilder({ period: 'day' });
    const names = { moscow: 'Ankara <b>x</b> *bold*', tokyo: 'Berlin | pipe' };
    const text = 'Moscow <script>alert(1)</script> warned Tokyo over <img src=x onerror=alert(1)> | a [link](http://x) & *stars*';
    const title = '<img src=x onerror=alert(1)> | _title_';
    const actors = [
      { id: 'moscow', name: names.moscow, tally: tally(1, 0, 1) },
      { id: 'tokyo', name: names.tokyo, tally: tally(0, 2, 0) },
    ];
    const quoted = { ...evidence('evil|a.txt', 0, 'conflictual'), title, date: '2016-01-01', text };
    b.add(digest('evil|a.txt', '2016-01-01', { title, source: 'Global <b>Times</b> | wire', actors, dyads: [{ source: 'moscow', target: 'tokyo', tally: tally(0, 1, 0), evidence: [quoted] }] }));
    b.add(digest('undated <i>.txt', null, { title, actors }));
    b.addFailure({ path: 'bad.ndjson', line: 2, code: 'bad-result', message: 'line 2 <b>is</b> | not *json*' });
    const markdown = formatReportMarkdown(b.finish());
    expect(markdown).not.toMatch(/(?<!\\)[<>[\]_]/);
    for (const piece of [text, title, 'Global <b>Times</b> | wire', names.moscow, names.tokyo, 'evil|a.txt', 'undated <i>.txt', 'line 2 <b>is</b> | not *json*']) {
      expect(markdown).toContain(mdText(piece));
    }
    expect(markdown).toContain(`### ${mdText(names.moscow)} → ${mdText(names.tokyo)}`);
    expect(markdown).toContain(`“${mdText(text)}” (${mdText('evil|a.txt')}, sentence 0, 2016-01-01)`);
    // A table row has as many unescaped | as its header.
    const pipes = (line: string): number => line.replace(/\\./g, '').split('|').length;
    let header = 0;
    for (const line of markdown.split('\n')) {
      if (!line.startsWith('|')) header = 0;
      else if (header === 0) header = pipes(line);
      else expect(pipes(line), line).toBe(header);
    }
  });
});
