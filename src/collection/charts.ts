/**
 * The report's charts as Vega-Lite specifications (pure data; rendered to
 * SVG by format/svg.ts). Colours are the Okabe–Ito colour-blind-safe
 * palette, and stances also differ by point shape and line dash, so no
 * chart is read by colour alone.
 */
import { safeLine } from '../format/sanitize.js';
import type { Tally } from '../types.js';
import { nextPeriodStart, periodCount } from './periods.js';
import type { Period, ReportAggregate } from './types.js';

export type VegaLiteSpec = Record<string, unknown>;

export const STANCE_COLOURS = { cooperative: '#0072B2', conflictual: '#D55E00', neutral: '#8C8C8C' } as const;
const STANCES = ['cooperative', 'conflictual', 'neutral'] as const;
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

const CONFIG = {
  font: FONT,
  view: { stroke: null },
  axis: { labelFontSize: 11, titleFontSize: 11, grid: true, gridColor: '#e6e6e6' },
  legend: { labelFontSize: 11, titleFontSize: 11, orient: 'top' },
  header: { labelFontSize: 12, labelFontWeight: 'bold', labelAngle: 0, labelAlign: 'left', labelAnchor: 'start', labelOrient: 'top' },
};

/** Net tone from −1 (conflictual, vermillion) through white to 1 (cooperative, blue). */
const NET_SCALE = { domain: [-1, 1], range: ['#D55E00', '#f7f7f7', '#0072B2'] };
/** The same for lines on white, whose neutral middle must stay visible. */
const NET_LINE_SCALE = { domain: [-1, 1], range: ['#D55E00', '#a6a6a6', '#0072B2'] };

const DATE_FORMATS: Record<Period, string> = { day: '%d %b %Y', week: '%d %b %Y', month: '%b %Y', quarter: '%Y Q%q', year: '%Y' };

/** The anchor of a dyad's evidence list in the HTML report. */
export const dyadAnchor = (source: string, target: string): string => `dyad-${slug(source)}--${slug(target)}`;
export const actorAnchor = (id: string): string => `actor-${slug(id)}`;
/**
 * An id as it can stand in an anchor, one for one: lower-case letters and
 * digits as they are ("moscow"), any other character as its code point in hex
 * between underscores ("north-korea" is "north_2d_korea"). No slug holds "-",
 * so two distinct ids, or pairs of ids, never share an anchor.
 */
const slug = (id: string): string => [...id].map((c) => (/[a-z0-9]/.test(c) ? c : `_${c.codePointAt(0)!.toString(16)}_`)).join('');

const counts = (t: Tally): string => `${t.cooperative} coop · ${t.conflictual} confl · ${t.neutral} neutral`;

const TREND_WIDTH = 620;
/** Estimated width of a digit in the 9 px labels of the article strip. */
const DIGIT_WIDTH = 5.6;

/**
 * Stance counts per period for every actor: one chart per actor, its lines
 * broken where no article of a period names it, and under it a strip of bars,
 * the articles of each period that name the actor (on one scale for all
 * actors), with their count written above each bar where there is room.
 */
export function trendSpec(report: ReportAggregate): VegaLiteSpec | null {
  const actors = report.actors.filter((a) => a.series.length > 0);
  if (actors.length === 0) return null;
  const starts = actors.flatMap((a) => a.series.map((p) => p.start)).sort();
  const periods = periodCount(starts[0]!, starts[starts.length - 1]!, report.period);
  const step = TREND_WIDTH / Math.max(1, periods - 1);
  const most = Math.max(...actors.flatMap((a) => a.series.map((p) => p.articles)));
  const labelled = step >= String(most).length * DIGIT_WIDTH + 3;
  const rows = actors.flatMap((a, i) =>
    a.series.flatMap((p, j) => {
      const point = STANCES.map((stance) => ({ i, start: p.start, stance, sentences: p[stance] as number | null }));
      // A period in which no article names the actor breaks its lines: one empty point right after the last period with data.
      const next = a.series[j + 1];
      const after = nextPeriodStart(p.start, report.period);
      const gap = next !== undefined && next.start !== after ? STANCES.map((stance) => ({ i, start: after, stance, sentences: null })) : [];
      return [...point, ...gap];
    }),
  );
  const articleRows = actors.flatMap((a, i) => a.series.map((p) => ({ i, start: p.start, articles: p.articles, layer: 'articles' })));
  const x = (last: boolean): Record<string, unknown> => ({
    field: 'start',
    type: 'temporal',
    title: null,
    axis: last ? { format: DATE_FORMATS[report.period], labelOverlap: true } : { format: DATE_FORMATS[report.period], labels: false, ticks: false, domain: false },
  });
  const lines = (name: string, i: number): VegaLiteSpec => ({
    title: { text: name, anchor: 'start', fontSize: 12, fontWeight: 'bold', offset: 4 },
    width: TREND_WIDTH,
    height: 100,
    transform: [{ filter: `datum.layer !== "articles" && datum.i === ${i}` }],
    // Null counts (the gaps) break the lines and are left out of the scales.
    mark: { type: 'line', point: { size: 40, filled: true }, invalid: 'break-paths-filter-domains' },
    encoding: {
      x: x(false),
      y: { field: 'sentences', type: 'quantitative', title: 'sentences', axis: { tickMinStep: 1 } },
      color: { field: 'stance', type: 'nominal', title: 'stance', scale: { domain: [...STANCES], range: STANCES.map((s) => STANCE_COLOURS[s]) } },
      shape: { field: 'stance', type: 'nominal', scale: { domain: [...STANCES], range: ['circle', 'square', 'triangle-up'] } },
      strokeDash: { field: 'stance', type: 'nominal', scale: { domain: [...STANCES], range: [[1, 0], [6, 3], [2, 2]] } },
    },
  });
  const strip = (i: number, last: boolean): VegaLiteSpec => ({
    width: TREND_WIDTH,
    height: 28,
    transform: [{ filter: `datum.layer === "articles" && datum.i === ${i}` }],
    encoding: {
      x: x(last),
      y: {
        field: 'articles',
        type: 'quantitative',
        title: 'articles',
        // Room above the tallest bar for its number.
        scale: { domain: [0, labelled ? most * 1.5 : most], nice: false },
        axis: { values: [most], format: 'd', grid: false, titleAngle: 0, titleAlign: 'right', titleBaseline: 'middle', titleFontWeight: 'normal' },
      },
    },
    layer: [
      { mark: { type: 'bar', color: '#8c8c8c', width: Math.min(12, Math.max(1, step * 0.7)) } },
      ...(labelled ? [{ mark: { type: 'text', fontSize: 9, color: '#333', baseline: 'bottom', dy: -1 }, encoding: { text: { field: 'articles', type: 'quantitative', format: 'd' } } }] : []),
    ],
  });
  const shared = { scale: { x: 'shared', y: 'independent' } };
  const views = actors.map((a, i) => ({ spacing: 3, resolve: shared, vconcat: [lines(safeLine(a.name), i), strip(i, i === actors.length - 1)] }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: `Sentences per ${report.period} by stance, for each actor, with the articles of each ${report.period} that name the actor`,
    config: CONFIG,
    data: { values: [...rows, ...articleRows] },
    spacing: 14,
    vconcat: views,
    resolve: shared,
  };
}

const MATRIX_STEP = 78;
/** The longest name that sits level over a column of the matrix (11 px type, about 6.5 px a letter); a longer one slants all the column names. */
const MATRIX_LEVEL_CHARS = 11;
/** Names longer than this many pixels, as vega estimates them without a browser (generously), end in an ellipsis; the table below the chart names them in full. */
const MATRIX_LABEL_LIMIT = 280;
/** Column names that rise to the right from their column, so that long ones do not run into each other. */
const SLANTED_TOP_LABELS = { labelAngle: -40, labelAlign: 'left', labelBaseline: 'middle' };

/** Source → target cells coloured by net tone, with their counts; each cell links to its evidence. */
export function dyadMatrixSpec(report: ReportAggregate): VegaLiteSpec | null {
  if (report.dyads.length === 0) return null;
  const name = nameOf(report);
  const rows = report.dyads.map((d) => ({
    source: name(d.source),
    target: name(d.target),
    net: d.net,
    label: `${d.cooperative}/${d.conflictual}/${d.neutral}`,
    href: `#${dyadAnchor(d.source, d.target)}`,
    tooltip: `${name(d.source)} → ${name(d.target)}: ${counts(d)}`,
  }));
  const order = [...new Set([...report.actors.map((a) => safeLine(a.name)), ...rows.flatMap((r) => [r.source, r.target])])];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: 'Dyads: sentences naming a source and a target, by the stance shown toward the target',
    config: CONFIG,
    data: { values: rows },
    width: { step: MATRIX_STEP },
    height: { step: 34 },
    encoding: {
      x: { field: 'target', type: 'nominal', title: 'target', sort: order, axis: { orient: 'top', grid: false, labelLimit: MATRIX_LABEL_LIMIT, ...(order.some((n) => n.length > MATRIX_LEVEL_CHARS) ? SLANTED_TOP_LABELS : { labelAngle: 0 }) } },
      y: { field: 'source', type: 'nominal', title: 'source', sort: order, axis: { grid: false, labelLimit: MATRIX_LABEL_LIMIT } },
    },
    layer: [
      {
        mark: { type: 'rect', stroke: '#ffffff', strokeWidth: 2, cursor: 'pointer' },
        encoding: { color: { field: 'net', type: 'quantitative', title: 'net tone', scale: NET_SCALE, legend: { orient: 'right', direction: 'vertical', gradientLength: 100 } }, href: { field: 'href' }, tooltip: { field: 'tooltip' } },
      },
      { mark: { type: 'text', fontSize: 11 }, encoding: { text: { field: 'label' }, color: { value: '#111' }, href: { field: 'href' } } },
    ],
  };
}

const NETWORK_SIZE = 420;
const NETWORK_DOMAIN = 1.35;
/** Pixels per unit of the network's coordinates (the same on both axes). */
const PX = NETWORK_SIZE / (2 * NETWORK_DOMAIN);
/** Radius of a node's circle, in pixels; arrows stop short of its rim. */
const NODE_RADIUS = 12;
const EDGE_WIDTH = { min: 1, max: 9 };
/** An arrowhead with its tip at the origin, pointing up: one unit long, one unit wide (vega scales it by √size ÷ 2). */
const ARROWHEAD = 'M0,0L0.5,1L-0.5,1Z';

/** Whole numbers for a legend of counts up to `max`: every one up to 5, else up to five round steps. */
export function wholeTicks(max: number): number[] {
  if (max <= 5) return Array.from({ length: Math.max(1, Math.floor(max)) }, (_, i) => i + 1);
  const raw = max / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
  return Array.from({ length: Math.floor(max / step) }, (_, i) => (i + 1) * step);
}

/**
 * The dyads as a directed network: actors on a circle, an arrow per dyad,
 * width by sentences, colour by net tone. Each arrow runs from the rim of its
 * source's circle to the rim of its target's, its head scaled with its width;
 * the two directions of a pair run side by side; names sit outside the circle
 * of actors, where no arrow passes.
 */
export function networkSpec(report: ReportAggregate): VegaLiteSpec | null {
  const ids = [...new Set(report.dyads.flatMap((d) => [d.source, d.target]))];
  if (ids.length < 2) return null;
  const name = nameOf(report);
  const order = [...report.actors.map((a) => a.id).filter((id) => ids.includes(id)), ...ids.filter((id) => !report.actors.some((a) => a.id === id))];
  const at = new Map(order.map((id, i) => [id, { x: Math.sin((2 * Math.PI * i) / order.length), y: Math.cos((2 * Math.PI * i) / order.length) }]));
  const sentences = (d: { cooperative: number; conflictual: number; neutral: number }): number => d.cooperative + d.conflictual + d.neutral;
  const most = Math.max(...report.dyads.map(sentences));
  // The width scale of the chart (domain 0 to the most, linear), computed here too to fit the heads to it.
  const widthOf = (n: number): number => EDGE_WIDTH.min + ((EDGE_WIDTH.max - EDGE_WIDTH.min) * n) / most;
  const widths = new Map(report.dyads.map((d) => [`${d.source}>${d.target}`, widthOf(sentences(d))]));
  const rim = NODE_RADIUS + 0.75 + 2; // the circle's stroke, and a gap
  const edges = report.dyads.map((d) => {
    const a = at.get(d.source)!;
    const b = at.get(d.target)!;
    const width = widthOf(sentences(d));
    const length = Math.hypot(b.x - a.x, b.y - a.y) * PX; // pixels between the centres
    const u = { x: (b.x - a.x) / (length / PX), y: (b.y - a.y) / (length / PX) };
    // With its reverse drawn too, each arrow is moved to its own right by half its width.
    const reverse = widths.get(`${d.target}>${d.source}`);
    const shift = reverse === undefined ? 0 : width / 2 + 1;
    const off = { x: (u.y * shift) / PX, y: (-u.x * shift) / PX };
    const inset = Math.sqrt(rim * rim - shift * shift); // from a centre along the shifted line to the rim
    const head = Math.min(6 + 1.8 * width, 0.45 * (length - 2 * inset));
    const along = (p: { x: number; y: number }, px: number) => ({ x: p.x + off.x + (u.x * px) / PX, y: p.y + off.y + (u.y * px) / PX });
    const from = along(a, inset);
    const tip = along(b, -inset);
    const to = along(b, -inset - head + 0.5); // into the head's base, with no seam
    return {
      x: from.x, y: from.y, x2: to.x, y2: to.y, tipX: tip.x, tipY: tip.y,
      sentences: sentences(d),
      head: (2 * head) ** 2,
      net: d.net,
      angle: (Math.atan2(u.x, u.y) * 180) / Math.PI,
      href: `#${dyadAnchor(d.source, d.target)}`,
      tooltip: `${name(d.source)} → ${name(d.target)}: ${counts(d)}`,
    };
  });
  // Names outside the circle of actors: beside a node on the left or right, above or below one at the top or bottom.
  const out = 1 + (NODE_RADIUS + 6) / PX;
  const nodes = order.map((id) => {
    const p = at.get(id)!;
    const align = p.x > 0.3 ? 'left' : p.x < -0.3 ? 'right' : 'center';
    const lift = align === 'center' ? 8 / PX : 0;
    return { ...p, lx: p.x * out, ly: p.y * out + Math.sign(p.y) * lift, align, label: name(id), href: `#${actorAnchor(id)}` };
  });
  const scale = { domain: [-NETWORK_DOMAIN, NETWORK_DOMAIN], nice: false, zero: false };
  const axis = { field: 'x', type: 'quantitative', axis: null, scale };
  const yaxis = { field: 'y', type: 'quantitative', axis: null, scale };
  const colour = { field: 'net', type: 'quantitative', title: 'net tone', scale: NET_LINE_SCALE, legend: { type: 'gradient', gradientLength: 100 } };
  const labels = (['left', 'center', 'right'] as const).map((align) => ({
    data: { values: nodes },
    transform: [{ filter: `datum.align === "${align}"` }],
    mark: { type: 'text', fontSize: 12, fontWeight: 'bold', align, baseline: 'middle', limit: 220 },
    encoding: { x: { ...axis, field: 'lx' }, y: { ...yaxis, field: 'ly' }, text: { field: 'label' }, href: { field: 'href' } },
  }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: 'Dyad network: an arrow from source to target per dyad',
    config: CONFIG,
    width: NETWORK_SIZE,
    height: NETWORK_SIZE,
    layer: [
      {
        data: { values: edges },
        mark: { type: 'rule', strokeCap: 'butt' },
        encoding: {
          x: axis,
          y: yaxis,
          x2: { field: 'x2' },
          y2: { field: 'y2' },
          color: colour,
          strokeWidth: {
            field: 'sentences',
            type: 'quantitative',
            title: 'sentences',
            scale: { type: 'linear', domain: [0, most], range: [EDGE_WIDTH.min, EDGE_WIDTH.max], zero: true, nice: false },
            legend: { values: wholeTicks(most), format: 'd' },
          },
          href: { field: 'href' },
          tooltip: { field: 'tooltip' },
        },
      },
      {
        data: { values: edges },
        mark: { type: 'point', shape: ARROWHEAD, filled: true, opacity: 1, strokeWidth: 0 },
        encoding: {
          x: { ...axis, field: 'tipX' },
          y: { ...yaxis, field: 'tipY' },
          size: { field: 'head', type: 'quantitative', scale: null },
          angle: { field: 'angle', type: 'quantitative', scale: null },
          color: colour,
          href: { field: 'href' },
          tooltip: { field: 'tooltip' },
        },
      },
      {
        data: { values: nodes },
        mark: { type: 'circle', size: Math.PI * NODE_RADIUS * NODE_RADIUS, color: '#ffffff', stroke: '#333333', strokeWidth: 1.5, opacity: 1 },
        encoding: { x: axis, y: yaxis, href: { field: 'href' } },
      },
      ...labels,
    ],
  };
}

/** Net tone toward each actor, one row per source (publisher or sender): outlets side by side. */
export function groupSpec(report: ReportAggregate, groups: 'sources' | 'senders', limit = 15): VegaLiteSpec | null {
  const name = nameOf(report);
  const shown = report[groups].slice(0, limit);
  const rows = shown.flatMap((g) => {
    const label = groups === 'senders' ? (g.name === null ? '(no sender)' : name(g.name)) : (g.name === null ? '(no source)' : safeLine(g.name));
    return g.actors.map((a) => ({ group: `${label} (${g.articles})`, actor: name(a.id), net: a.net, label: `${a.tally.cooperative}/${a.tally.conflictual}/${a.tally.neutral}` }));
  });
  if (rows.length === 0) return null;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: `Net tone toward each actor by ${groups === 'senders' ? 'sender' : 'source'}`,
    config: CONFIG,
    data: { values: rows },
    width: { step: 78 },
    height: { step: 26 },
    encoding: {
      x: { field: 'actor', type: 'nominal', title: null, sort: report.actors.map((a) => safeLine(a.name)), axis: { orient: 'top', labelAngle: 0, grid: false } },
      y: { field: 'group', type: 'nominal', title: null, sort: null, axis: { grid: false, labelLimit: 280 } },
    },
    layer: [
      { mark: { type: 'rect', stroke: '#ffffff', strokeWidth: 2 }, encoding: { color: { field: 'net', type: 'quantitative', title: 'net tone', scale: NET_SCALE } } },
      { mark: { type: 'text', fontSize: 10 }, encoding: { text: { field: 'label' }, color: { value: '#111' } } },
    ],
  };
}

/** An actor's name by id, made safe as the report's tables make it (control and BIDI characters shown escaped): every text of a chart comes from here or from safeLine. */
function nameOf(report: ReportAggregate): (id: string) => string {
  const names = new Map([...report.dyads.flatMap((d) => [[d.source, d.sourceName], [d.target, d.targetName]] as const), ...report.actors.map((a) => [a.id, a.name] as const)]);
  return (id) => safeLine(names.get(id) ?? id);
}
