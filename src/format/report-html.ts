/**
 * The collection report as one self-contained HTML file: inline SVG charts,
 * inline CSS, system fonts, no script and nothing fetched. Every chart has a
 * caption saying what it counts and a table of the same figures beside it;
 * every dyad links to the sentences behind it.
 */
import { actorAnchor, dyadAnchor } from '../collection/charts.js';
import type { ArticleRef, DyadCell, Evidence, GroupFigures, ReportAggregate } from '../collection/types.js';
import type { Tally } from '../types.js';
import { safeLine } from './sanitize.js';

/** SVG renderings of the report's charts, by name; a missing one is left out. */
export interface ReportCharts {
  trend?: string;
  matrix?: string;
  network?: string;
  sources?: string;
  senders?: string;
}

const escapeHtml = (text: string): string =>
  safeLine(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A net tone with its sign: "+0.33", "-1.00". */
export const signed = (n: number): string => (n > 0 ? `+${n.toFixed(2)}` : n.toFixed(2));
const tallyCells = (t: Tally): string => `<td class="n">${t.cooperative}</td><td class="n">${t.conflictual}</td><td class="n">${t.neutral}</td>`;
const TALLY_HEAD = '<th scope="col">cooperative</th><th scope="col">conflictual</th><th scope="col">neutral</th>';

export function refText(ref: ArticleRef): string {
  return ref.line !== undefined ? `${ref.path}:${ref.line}${ref.id !== undefined && ref.id !== ref.line ? ` (id ${ref.id})` : ''}` : ref.path;
}

function figure(id: string, svg: string | undefined, caption: string, table: string): string {
  const picture = svg ? `<div class="chart">${svg.replace('<svg ', `<svg role="img" aria-labelledby="${id}-caption" `)}</div>` : '';
  return `<figure id="${id}">
<figcaption id="${id}-caption">${caption}</figcaption>
<div class="pair">${picture}<div class="data">${table}</div></div>
</figure>`;
}

function summary(report: ReportAggregate): string {
  const c = report.counts;
  const f = report.filters;
  const filters = [
    f.actors ? `actors ${f.actors.map(escapeHtml).join(', ')}` : '',
    f.sources ? `sources ${f.sources.map(escapeHtml).join(', ')}` : '',
    f.from ? `from ${f.from}` : '',
    f.to ? `to ${f.to}` : '',
  ].filter(Boolean);
  const span = report.span.from ? `${escapeHtml(report.span.from)} to ${escapeHtml(report.span.to ?? '')}` : 'no dated article';
  return `<dl class="summary">
<div><dt>Articles counted</dt><dd data-figure="included">${c.included}</dd></div>
<div><dt>Dated</dt><dd data-figure="dated">${c.dated}</dd></div>
<div><dt>Undated</dt><dd data-figure="undated"><a href="#undated">${c.undated}</a></dd></div>
<div><dt>Failed</dt><dd data-figure="failed"><a href="#failures">${c.failed}</a></dd></div>
<div><dt>Left out by filters</dt><dd data-figure="excluded">${c.excluded}</dd></div>
<div><dt>Span</dt><dd>${span}</dd></div>
<div><dt>Period</dt><dd data-figure="period">${report.period}</dd></div>
</dl>
${filters.length > 0 ? `<p>Filters: ${filters.join('; ')}.</p>` : ''}`;
}

function trendSection(report: ReportAggregate, svg: string | undefined): string {
  const rows = report.actors.flatMap((a) =>
    a.series.map(
      (p, i) =>
        `<tr data-actor="${escapeHtml(a.id)}" data-period="${escapeHtml(p.period)}">${i === 0 ? `<th scope="rowgroup" rowspan="${a.series.length}" id="${actorAnchor(a.id)}-trend">${escapeHtml(a.name)}</th>` : ''}<td>${escapeHtml(p.period)}</td><td class="n">${p.articles}</td>${tallyCells(p)}<td class="n">${signed(p.net)}</td><td>${p.posture}</td></tr>`,
    ),
  );
  const table = `<table class="scroll"><caption>Sentences per ${report.period} and actor</caption>
<thead><tr><th scope="col">actor</th><th scope="col">${report.period}</th><th scope="col">articles</th>${TALLY_HEAD}<th scope="col">net</th><th scope="col">posture</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`;
  return `<section id="trends"><h2>Actors over time</h2>
${figure(
  'trend-figure',
  svg,
  `For each actor and ${report.period}: how many sentences that name the actor show it in a cooperative, conflictual or neutral light, in the dated articles of that ${report.period}. The grey bars under each actor’s chart are the number of articles of the ${report.period} that name the actor (one scale for every actor; the number is written above each bar where there is room, and is in the table), so thin periods show; a line is broken where no article of a ${report.period} names the actor. Net tone is (cooperative − conflictual) ÷ all sentences; the posture follows the tally as in a single article's result.`,
  rows.length > 0 ? table : '<p>No dated article names an actor of the set.</p>',
)}
</section>`;
}

function actorTable(report: ReportAggregate): string {
  const rows = report.actors.map(
    (a) =>
      `<tr id="${actorAnchor(a.id)}" data-actor="${escapeHtml(a.id)}"><th scope="row">${escapeHtml(a.name)}</th><td class="n">${a.articles}</td>${tallyCells(a.tally)}<td class="n">${signed(a.net)}</td><td>${a.posture}</td></tr>`,
  );
  return `<section id="actors"><h2>Actors overall</h2>
<table><caption>Every counted article, dated or not: sentences naming each actor, by the stance shown toward it</caption>
<thead><tr><th scope="col">actor</th><th scope="col">articles</th>${TALLY_HEAD}<th scope="col">net</th><th scope="col">posture</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table></section>`;
}

function dyadSection(report: ReportAggregate, charts: ReportCharts): string {
  const rows = report.dyads.map(
    (d) =>
      `<tr data-dyad="${escapeHtml(d.source)}>${escapeHtml(d.target)}"><th scope="row">${escapeHtml(d.sourceName)} → ${escapeHtml(d.targetName)}</th><td class="n">${d.articles}</td>${tallyCells(d)}<td class="n">${signed(d.net)}</td><td><a href="#${dyadAnchor(d.source, d.target)}">${d.evidence.length} quoted</a></td></tr>`,
  );
  const table = `<table class="scroll"><caption>Dyads: source → target</caption>
<thead><tr><th scope="col">dyad</th><th scope="col">articles</th>${TALLY_HEAD}<th scope="col">net</th><th scope="col">evidence</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`;
  const caption =
    'Each cell counts the sentences that name both actors, by the stance shown toward the target (cooperative/conflictual/neutral); the source is the article’s sender where it is one of the two, otherwise the actor listed first in the actor set. Colour is net tone, from vermillion (conflictual) to blue (cooperative). Select a cell for the sentences behind it.';
  return `<section id="dyads"><h2>Who signals what to whom</h2>
${report.dyads.length === 0 ? '<p>No sentence names two actors of the set.</p>' : ''}
${report.dyads.length > 0 ? figure('matrix-figure', charts.matrix, caption, table) : ''}
${charts.network ? figure('network-figure', charts.network, 'The same dyads as a network: an arrow from source to target, its width the number of sentences, its colour the net tone. Select an arrow for its evidence, an actor for its figures.', networkTable(report)) : ''}
</section>`;
}

/** The network's arrows as a table: the largest first. */
function networkTable(report: ReportAggregate): string {
  const rows = [...report.dyads]
    .sort((a, b) => b.cooperative + b.conflictual + b.neutral - (a.cooperative + a.conflictual + a.neutral))
    .map((d) => `<tr><th scope="row"><a href="#${dyadAnchor(d.source, d.target)}">${escapeHtml(d.sourceName)} → ${escapeHtml(d.targetName)}</a></th><td class="n">${d.cooperative + d.conflictual + d.neutral}</td><td class="n">${signed(d.net)}</td></tr>`);
  return `<table class="scroll"><caption>Arrows, the widest first</caption>
<thead><tr><th scope="col">source → target</th><th scope="col">sentences</th><th scope="col">net</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`;
}

function evidenceItem(e: Evidence): string {
  return `<li class="${e.stance}"><blockquote>${escapeHtml(e.text)}</blockquote>
<p class="source"><span class="stance">${e.stance}</span> · ${e.title ? `<cite>${escapeHtml(e.title)}</cite> · ` : ''}${e.date ? escapeHtml(e.date) : 'undated'} · <code>${escapeHtml(refText(e))}</code>, sentence ${e.sentence}</p></li>`;
}

function evidenceSection(report: ReportAggregate): string {
  if (report.dyads.length === 0) return '<section id="evidence"><h2>Evidence</h2><p>No dyad, so no evidence to quote.</p></section>';
  const cells = report.dyads.map(
    (d: DyadCell) => `<section class="evidence" id="${dyadAnchor(d.source, d.target)}">
<h3>${escapeHtml(d.sourceName)} → ${escapeHtml(d.targetName)} <small>${d.cooperative} cooperative, ${d.conflictual} conflictual, ${d.neutral} neutral in ${d.articles} article${d.articles === 1 ? '' : 's'}</small></h3>
<ol>${d.evidence.map(evidenceItem).join('\n')}</ol>
${d.omitted > 0 ? `<p class="omitted">${d.omitted} more sentence${d.omitted === 1 ? '' : 's'} not quoted (at most ${report.evidenceCap} a dyad, those with a tone first).</p>` : ''}
<p><a href="#dyads">Back to the dyads</a></p>
</section>`,
  );
  return `<section id="evidence"><h2>Evidence</h2>
<p>The sentences behind each dyad, quoted from the articles, with the file (and NDJSON line) and the sentence's index in that article's result (<code>nkmsg analyze --json</code>, <code>.sentences[i]</code>).</p>
${cells.join('\n')}</section>`;
}

function groupSection(report: ReportAggregate, groups: 'sources' | 'senders', svg: string | undefined): string {
  const list: GroupFigures[] = report[groups];
  if (list.length === 0) return `<section id="${groups}"><h2>By ${groups === 'sources' ? 'source' : 'sender'}</h2><p>No article counted.</p></section>`;
  const nameOf = new Map(report.actors.map((a) => [a.id, a.name]));
  const label = (g: GroupFigures): string =>
    groups === 'senders' ? (g.name === null ? '(no sender)' : escapeHtml(nameOf.get(g.name) ?? g.name)) : g.name === null ? '(no source)' : escapeHtml(g.name);
  const rows = list.flatMap((g) =>
    g.actors.map(
      (a, i) =>
        `<tr>${i === 0 ? `<th scope="rowgroup" rowspan="${g.actors.length}">${label(g)} <small>(${g.articles})</small></th>` : ''}<td>${escapeHtml(nameOf.get(a.id) ?? a.id)}</td>${tallyCells(a.tally)}<td class="n">${signed(a.net)}</td><td>${a.posture}</td></tr>`,
    ),
  );
  const what = groups === 'sources' ? 'source (the NDJSON record’s “source”, else the publisher read from the article)' : 'sender (the actor whose signalling the article is about)';
  const table = `<table class="scroll"><caption>By ${groups === 'sources' ? 'source' : 'sender'}</caption>
<thead><tr><th scope="col">${groups === 'sources' ? 'source' : 'sender'} (articles)</th><th scope="col">actor</th>${TALLY_HEAD}<th scope="col">net</th><th scope="col">posture</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`;
  return `<section id="${groups}"><h2>By ${groups === 'sources' ? 'source' : 'sender'}</h2>
${figure(`${groups}-figure`, svg, `Net tone toward each actor in the articles of each ${what}, with the cooperative/conflictual/neutral sentence counts in each cell; the number of articles is beside each name. The chart shows the 15 with the most articles; the table has them all.`, table)}
</section>`;
}

function listsSection(report: ReportAggregate): string {
  const undated = report.undated.map((u) => `<li><code>${escapeHtml(refText(u))}</code>${u.title ? ` · ${escapeHtml(u.title)}` : ''}</li>`);
  const failures = report.failures.map((f) => `<li><code>${escapeHtml(refText(f))}</code>: ${escapeHtml(f.message)} <small>(${escapeHtml(f.code)})</small></li>`);
  const more = (n: number): string => (n > 0 ? `<p class="omitted">and ${n} more.</p>` : '');
  return `<section id="undated"><h2>Undated articles</h2>
<p>${report.counts.undated === 0 ? 'None: every counted article has a date.' : `${report.counts.undated} counted article${report.counts.undated === 1 ? '' : 's'} had no date (no dateline, and no “date” in its NDJSON record): they count in the dyads, sources and totals, not in the time series.`}</p>
${undated.length > 0 ? `<ul>${undated.join('\n')}</ul>` : ''}${more(report.omitted.undated)}
</section>
<section id="failures"><h2>Inputs that failed</h2>
<p>${report.counts.failed === 0 ? 'None.' : `${report.counts.failed} input${report.counts.failed === 1 ? '' : 's'} could not be analysed and are not counted:`}</p>
${failures.length > 0 ? `<ul>${failures.join('\n')}</ul>` : ''}${more(report.omitted.failures)}
</section>`;
}

const CSS = `
:root { color-scheme: light; --coop: #0072B2; --confl: #D55E00; --neutral: #8C8C8C; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; margin: 0 auto; max-width: 1200px; padding: 1.5rem; color: #1a1a1a; line-height: 1.45; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; } h2 { font-size: 1.25rem; border-bottom: 1px solid #ddd; padding-bottom: .2rem; margin-top: 2.2rem; } h3 { font-size: 1rem; }
h3 small, td small, th small { font-weight: normal; color: #555; }
nav ul { display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; list-style: none; padding: 0; }
.summary { display: flex; flex-wrap: wrap; gap: .6rem 1.6rem; margin: 1rem 0; } .summary div { min-width: 7rem; }
.summary dt { font-size: .8rem; color: #555; } .summary dd { margin: 0; font-size: 1.3rem; font-weight: 600; }
figure { margin: 1rem 0; } figcaption { max-width: 70rem; color: #333; margin-bottom: .6rem; }
.pair { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: flex-start; } .chart { max-width: 100%; overflow-x: auto; } .chart svg { display: block; max-width: 100%; height: auto; }
.data { flex: 1 1 auto; min-width: 0; max-width: 100%; } .data:empty { display: none; }
table { border-collapse: collapse; font-size: .85rem; margin: .5rem 0; display: block; max-width: 100%; overflow-x: auto; } caption { text-align: left; font-weight: 600; padding-bottom: .3rem; }
th, td { border-bottom: 1px solid #e3e3e3; padding: .2rem .5rem; text-align: left; vertical-align: top; overflow-wrap: break-word; } thead th, td.n, td:last-child { white-space: nowrap; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
tbody th { min-width: 6rem; }
.scroll { max-height: 34rem; overflow: auto; }
code { overflow-wrap: anywhere; }
@media (max-width: 40rem) { body { padding: .8rem; } th, td { padding: .2rem .3rem; } table { font-size: .8rem; } }
.evidence ol { padding-left: 1.2rem; } .evidence li { margin-bottom: .7rem; padding-left: .5rem; border-left: 4px solid var(--neutral); }
.evidence li.cooperative { border-left-color: var(--coop); } .evidence li.conflictual { border-left-color: var(--confl); border-left-style: dashed; }
blockquote { margin: 0; } .source { margin: .15rem 0 0; font-size: .8rem; color: #444; } .stance { font-weight: 600; text-transform: uppercase; font-size: .7rem; letter-spacing: .04em; }
.omitted { color: #555; font-style: italic; } a { color: #0b5cad; } code { font-size: .85em; }
footer { margin-top: 3rem; font-size: .8rem; color: #555; }
@media print {
  @page { margin: 12mm; }
  body { max-width: none; padding: 0; } nav { display: none; } a { color: inherit; text-decoration: none; }
  .pair { display: block; } table, .scroll { display: table; max-height: none; overflow: visible; }
  .chart, figcaption { break-inside: avoid; } .chart { overflow: visible; } .chart svg { width: auto; max-height: 175mm; }
  .evidence li, .summary { break-inside: avoid; } h2, h3, figcaption, caption { break-after: avoid; }
}`;

/**
 * The report as one HTML file. `charts` are the SVG drawings to put beside the
 * tables (`renderReportCharts(report)` draws them all); without them the
 * report has its tables and captions alone.
 */
export function formatReportHtml(report: ReportAggregate, charts: ReportCharts = {}, title = 'nkmsg report'): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="nkmsg ${report.tool.version}">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${escapeHtml(title)}</h1>
<p>Who signals what to whom across ${report.counts.included} article${report.counts.included === 1 ? '' : 's'}, read by nkmsg ${escapeHtml(report.tool.version)}. Every figure counts sentences of the articles' results and links to the sentences behind it.</p>
${summary(report)}
<nav aria-label="Sections"><ul><li><a href="#trends">Actors over time</a></li><li><a href="#actors">Actors overall</a></li><li><a href="#dyads">Dyads</a></li><li><a href="#evidence">Evidence</a></li><li><a href="#sources">By source</a></li><li><a href="#senders">By sender</a></li><li><a href="#undated">Undated</a></li><li><a href="#failures">Failed</a></li></ul></nav>
</header>
<main>
${trendSection(report, charts.trend)}
${actorTable(report)}
${dyadSection(report, charts)}
${evidenceSection(report)}
${groupSection(report, 'sources', charts.sources)}
${groupSection(report, 'senders', charts.senders)}
${listsSection(report)}
</main>
<footer>Made by nkmsg ${escapeHtml(report.tool.version)}. The figures are also available as JSON: <code>nkmsg report --format json</code>.</footer>
</body>
</html>
`;
}
