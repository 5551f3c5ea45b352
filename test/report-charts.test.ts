/** The report's charts: the Vega-Lite specifications, and what they draw once rendered to SVG. */
import { describe, expect, it } from 'vitest';
import { ReportBuilder } from '../src/collection/aggregate.js';
import { dyadMatrixSpec, networkSpec, trendSpec, wholeTicks, type VegaLiteSpec } from '../src/collection/charts.js';
import { nextPeriodStart, periodCount } from '../src/collection/periods.js';
import type { ArticleDigest, Period, ReportAggregate } from '../src/collection/types.js';
import { formatReportHtml } from '../src/format/report-html.js';
import { renderReportCharts, renderSvg } from '../src/format/svg.js';

const tally = (cooperative: number, conflictual: number, neutral: number) => ({ cooperative, conflictual, neutral });

function digest(path: string, date: string, ids: string[] = ['moscow', 'tokyo']): ArticleDigest {
  const names: Record<string, string> = { moscow: 'Moscow', tokyo: 'Tokyo', seoul: 'Seoul' };
  return { path, title: path, date, source: 'Wire', sender: ids[0]!, actors: ids.map((id) => ({ id, name: names[id]!, tally: tally(2, 1, 1) })), dyads: [] };
}

function report(digests: ArticleDigest[], period: Period): ReportAggregate {
  const b = new ReportBuilder({ period });
  for (const d of digests) b.add(d);
  return b.finish();
}

/** Every unit or layer view of a spec, depth first. */
function views(spec: VegaLiteSpec): VegaLiteSpec[] {
  const children = ['vconcat', 'hconcat', 'layer'].flatMap((key) => (Array.isArray(spec[key]) ? (spec[key] as VegaLiteSpec[]) : []));
  return [spec, ...children.flatMap(views)];
}
const markType = (v: VegaLiteSpec): unknown => (typeof v['mark'] === 'object' && v['mark'] !== null ? (v['mark'] as { type: string }).type : v['mark']);

describe('periods, one after another', () => {
  it.each([
    ['2016-06-02', 'day', '2016-06-03'],
    ['2016-12-31', 'day', '2017-01-01'],
    ['2016-05-30', 'week', '2016-06-06'],
    ['2016-12-01', 'month', '2017-01-01'],
    ['2016-10-01', 'quarter', '2017-01-01'],
    ['2016-01-01', 'year', '2017-01-01'],
  ] as const)('after %s by %s comes %s', (start, period, next) => {
    expect(nextPeriodStart(start, period)).toBe(next);
  });

  it('counts the periods of a span, both ends included', () => {
    expect(periodCount('1956-01-01', '2025-01-01', 'year')).toBe(70);
    expect(periodCount('2016-01-01', '2017-10-01', 'quarter')).toBe(8);
    expect(periodCount('2016-11-01', '2017-02-01', 'month')).toBe(4);
    expect(periodCount('2016-05-30', '2016-06-13', 'week')).toBe(3);
    expect(periodCount('2016-02-28', '2016-03-01', 'day')).toBe(3);
  });
});

describe('the trend chart', () => {
  it('breaks a line at a period in which no article names the actor', async () => {
    // Tokyo is named in 2010, 2011 and 2015; Moscow only in 2010 and 2015 (the Seoul-only articles keep the years dated).
    const r = report([digest('a', '2010-03-01'), digest('b', '2011-03-01', ['tokyo', 'seoul']), digest('c', '2013-03-01', ['seoul']), digest('d', '2015-03-01')], 'year');
    const spec = trendSpec(r)!;
    const rows = (spec['data'] as { values: { i: number; start: string; stance?: string; sentences?: number | null }[] }).values;
    const tokyo = r.actors.findIndex((a) => a.id === 'tokyo');
    const empty = rows.filter((row) => row.i === tokyo && row.stance !== undefined && row.sentences === null);
    // One empty point right after the last period with data: 2012, between 2011 and 2015.
    expect(empty.map((row) => row.start)).toEqual(['2012-01-01', '2012-01-01', '2012-01-01']);
    const lines = views(spec).filter((v) => markType(v) === 'line');
    expect(lines).toHaveLength(3);
    for (const v of lines) expect((v['mark'] as { invalid: string }).invalid).toMatch(/^break-paths/);

    // Drawn: Tokyo's cooperative line is two pieces (2010-2011, then 2015 alone), not one line through 2013.
    const svg = await renderSvg(spec);
    const paths = [...svg.matchAll(/<path[^>]*aria-roledescription="line mark"[^>]*d="([^"]*)"/g)].map((m) => m[1]!);
    expect(paths.length).toBeGreaterThan(0);
    const broken = paths.filter((d) => (d.match(/M/g) ?? []).length > 1);
    expect(broken.length).toBeGreaterThan(0);
  });

  it('writes the article counts only where they have room, and always draws them as bars', () => {
    // 70 yearly periods, up to 12 articles: two-digit labels 9 px apart would overprint.
    const dense = report(
      Array.from({ length: 70 }, (_, y) => Array.from({ length: y % 7 === 0 ? 12 : 1 }, (_, k) => digest(`d${y}-${k}`, `${1956 + y}-06-01`))).flat(),
      'year',
    );
    const sparse = report([digest('a', '2010-03-01'), digest('b', '2011-03-01'), digest('c', '2015-03-01')], 'year');
    for (const [r, labelled] of [[dense, false], [sparse, true]] as const) {
      const spec = trendSpec(r)!;
      expect(views(spec).filter((v) => markType(v) === 'bar')).toHaveLength(r.actors.length);
      expect(views(spec).filter((v) => markType(v) === 'text')).toHaveLength(labelled ? r.actors.length : 0);
      expect(JSON.stringify(spec)).not.toContain('n=');
    }
  });
});

describe('the dyad network', () => {
  const dyad = (source: string, target: string, n: number) => ({ source, target, tally: tally(n, 0, 0), evidence: [] });
  const withDyads = (dyads: ReturnType<typeof dyad>[]): ReportAggregate => report([{ ...digest('a', '2016-01-01', ['moscow', 'tokyo', 'seoul']), dyads }], 'year');
  const layers = (spec: VegaLiteSpec) => spec['layer'] as { data: { values: Record<string, number>[] }; mark: { type: string }; encoding: Record<string, { legend?: { values: number[]; format: string } }> }[];

  it('labels the width legend with whole numbers', () => {
    expect(wholeTicks(1)).toEqual([1]);
    expect(wholeTicks(3)).toEqual([1, 2, 3]);
    expect(wholeTicks(70)).toEqual([20, 40, 60]);
    expect(wholeTicks(433)).toEqual([100, 200, 300, 400]);
    for (const dyads of [[dyad('moscow', 'tokyo', 1)], [dyad('moscow', 'tokyo', 2), dyad('tokyo', 'moscow', 3)]]) {
      const legend = layers(networkSpec(withDyads(dyads))!)[0]!.encoding['strokeWidth']!.legend!;
      expect(legend.format).toBe('d');
      for (const v of legend.values) expect(Number.isInteger(v)).toBe(true);
    }
  });

  it('ends every arrow at the rim of its target, with a head as wide as the arrow at least', () => {
    const spec = networkSpec(withDyads([dyad('moscow', 'tokyo', 40), dyad('tokyo', 'moscow', 1), dyad('seoul', 'tokyo', 20)]))!;
    const [rules, heads, nodes, ...labels] = layers(spec);
    expect([rules, heads, nodes].map((l) => l!.mark.type)).toEqual(['rule', 'point', 'circle']);
    expect(labels.every((l) => l.mark.type === 'text')).toBe(true); // names drawn last, over everything
    const px = 420 / 2.7;
    const centres = nodes!.data.values;
    for (const e of heads!.data.values) {
      // The tip is just outside one node's circle (radius 12 px and its stroke), and no nearer any other.
      const gaps = centres.map((c) => Math.hypot(e['tipX']! - c['x']!, e['tipY']! - c['y']!) * px);
      expect(Math.min(...gaps)).toBeGreaterThan(12.75);
      expect(Math.min(...gaps)).toBeLessThan(16);
      // The line stops inside the head, so the head is not hidden under it or under the circle.
      const head = Math.sqrt(e['head']!) / 2;
      const stop = Math.hypot(e['tipX']! - e['x2']!, e['tipY']! - e['y2']!) * px;
      expect(stop).toBeLessThan(head);
      expect(stop).toBeGreaterThan(head / 2);
    }
    // The widest arrow's head is wider than its line (9 px).
    expect(Math.max(...heads!.data.values.map((e) => Math.sqrt(e['head']!) / 2))).toBeGreaterThan(9);
  });
});

describe('the dyad matrix', () => {
  const named = (names: Record<string, string>): ReportAggregate => {
    const ids = Object.keys(names);
    const dyads = ids.flatMap((s) => ids.filter((t) => t !== s).map((t) => ({ source: s, target: t, tally: tally(1, 1, 0), evidence: [] })));
    return report([{ ...digest('a', '2016-01-01'), sender: ids[0]!, actors: ids.map((id) => ({ id, name: names[id]!, tally: tally(2, 1, 0) })), dyads }], 'year');
  };
  const topAxis = (spec: VegaLiteSpec) => (spec['encoding'] as { x: { axis: Record<string, unknown> } }).x.axis;
  const longNames = { moscow: 'Russian Federation Government', washington: 'United States Administration', pyongyang: "Democratic People's Republic", tokyo: 'Tokyo' };

  it('keeps short column names level, and slants long ones so that they do not run into each other', () => {
    expect(topAxis(dyadMatrixSpec(named({ moscow: 'Moscow', washington: 'Washington', pyongyang: 'Pyongyang' }))!)['labelAngle']).toBe(0);
    expect(topAxis(dyadMatrixSpec(named(longNames))!)).toMatchObject({ labelAngle: -40, labelAlign: 'left' });
  });

  it('draws names of some thirty letters whole on both axes', async () => {
    const svg = await renderSvg(dyadMatrixSpec(named(longNames))!);
    // Each name labels a column and a row: two <text> elements holding it whole.
    const labels = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!.replace(/&#39;/g, "'"));
    for (const name of Object.values(longNames)) expect(labels.filter((l) => l === name)).toHaveLength(2);
    expect(svg).not.toContain('…');
  });
});

describe('the page around the charts', () => {
  const page = formatReportHtml(report([digest('a', '2016-01-01'), digest('b', '2017-01-01')], 'year'), {});
  const css = page.slice(page.indexOf('<style>'), page.indexOf('</style>'));
  const print = css.slice(css.indexOf('@media print'));

  it('lets a table take the width there is, beside a chart or under it, and scroll within itself, not the page', () => {
    expect(css).toMatch(/\.data \{ flex: 1 1 auto; min-width: 0; max-width: 100%; \}/);
    expect(css).toMatch(/table \{[^}]*max-width: 100%; overflow-x: auto; \}/);
    // Names wrap; figures and headings do not.
    expect(css).not.toMatch(/th, td \{[^}]*white-space: nowrap/);
    expect(css).toMatch(/thead th, td\.n, td:last-child \{ white-space: nowrap; \}/);
  });

  it('prints each chart whole, with no section kept whole that could leave a page blank', () => {
    expect(print).toMatch(/\.chart, figcaption \{ break-inside: avoid; \}/);
    expect(print).toMatch(/\.chart svg \{ width: auto; max-height: \d+mm; \}/);
    expect(print).not.toMatch(/(^|[\s,}])(figure|tr|section)(,[^{]*)? \{ break-inside: avoid/);
  });
});

/** Characters XML 1.0 allows (tab, line ends, and all else but C0 controls, lone surrogates and U+FFFE/FFFF). */
const xmlChar = (code: number): boolean =>
  code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);

/** Why `xml` is not a well-formed XML document fragment (checked as an XML parser would), or null when it is. */
function xmlProblem(xml: string): string | null {
  for (const c of xml) if (!xmlChar(c.codePointAt(0)!)) return `character U+${c.codePointAt(0)!.toString(16)} is not allowed`;
  const name = '[A-Za-z_:][-A-Za-z0-9_:.]*';
  const text = (s: string): string | null => {
    if (/[<]/.test(s)) return `"<" in ${JSON.stringify(s)}`;
    for (const m of s.matchAll(/&([^;]*);?/g)) {
      const ref = m[1]!;
      if (!m[0].endsWith(';')) return `unfinished reference ${JSON.stringify(m[0])}`;
      const code = /^#x[0-9a-fA-F]+$/.test(ref) ? parseInt(ref.slice(2), 16) : /^#[0-9]+$/.test(ref) ? parseInt(ref.slice(1), 10) : null;
      if (code === null ? !['amp', 'lt', 'gt', 'quot', 'apos'].includes(ref) : !xmlChar(code)) return `bad reference &${ref};`;
    }
    return null;
  };
  const open: string[] = [];
  const token = new RegExp(`<!--[^]*?-->|<\\?[^]*?\\?>|</(${name})\\s*>|<(${name})((?:\\s+${name}\\s*=\\s*(?:"[^"]*"|'[^']*'))*)\\s*(/?)>|<|[^<]+`, 'g');
  for (const m of xml.matchAll(token)) {
    const [all, close, tag, attrs, empty] = m;
    if (all === '<') return `bad markup at ${JSON.stringify(xml.slice(m.index, m.index + 40))}`;
    if (close !== undefined) {
      if (open.pop() !== close) return `</${close}> closes nothing open`;
    } else if (tag !== undefined) {
      for (const a of attrs!.matchAll(/=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        const problem = text(a[1] ?? a[2]!);
        if (problem) return problem;
      }
      if (empty === '') open.push(tag);
    } else if (!all.startsWith('<')) {
      const problem = text(all);
      if (problem) return problem;
    }
  }
  return open.length === 0 ? null : `<${open.at(-1)}> is not closed`;
}

describe('text in the charts', () => {
  // An NDJSON record's "source" and an actor file's names can hold escape sequences, backspaces and BIDI overrides.
  const hostile = 'Src\u001b[31m | *b* <i>\u202e\u0008\u0008 & \u0085\u009b1m';
  const names: Record<string, string> = { moscow: 'Moscow\u202eX\u001b[31m\u0007', tokyo: 'Tokyo\u2066\u0008', seoul: 'Seoul' };
  const article = (path: string, date: string, source: string): ArticleDigest => ({
    path, title: path, date, source, sender: 'moscow',
    actors: Object.entries(names).map(([id, name]) => ({ id, name, tally: tally(2, 1, 1) })),
    dyads: [{ source: 'moscow', target: 'tokyo', tally: tally(1, 1, 0), evidence: [] }, { source: 'tokyo', target: 'seoul', tally: tally(0, 1, 0), evidence: [] }],
  });
  const r = report([article('a', '2015-01-01', hostile), article('b', '2015-02-01', 'Src\nNewline')], 'month');

  it('checks XML as a parser would', () => {
    expect(xmlProblem('<svg a="1"><text>A &amp; B</text><g/></svg>')).toBeNull();
    expect(xmlProblem('<svg><text>A\u001b[31m</text></svg>')).toMatch(/not allowed/);
    expect(xmlProblem('<svg><text>A &#x1b; B</text></svg>')).toMatch(/bad reference/);
    expect(xmlProblem('<svg><text>A</svg>')).toMatch(/closes nothing/);
  });

  it('draws every chart as well-formed XML with no control or BIDI formatting character, the names shown escaped as in the tables', async () => {
    const charts = await renderReportCharts(r, (message) => expect.fail(message));
    expect(Object.keys(charts).sort()).toEqual(['matrix', 'network', 'senders', 'sources', 'trend']);
    for (const [chart, svg] of Object.entries(charts)) {
      expect(xmlProblem(svg!), chart).toBeNull();
      // eslint-disable-next-line no-control-regex
      expect(svg, chart).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
    }
    expect(charts.trend).toContain('Moscow\\u202eX\\x07');
    expect(charts.sources).toContain('\\u202e\\x08\\x08');
    expect(charts.matrix).toContain('Tokyo\\u2066\\x08');
  });
});
