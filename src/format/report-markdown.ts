/**
 * The collection report as Markdown: the same figures as the HTML report, as
 * tables, without charts. Every piece of text from an article, a saved result
 * or an actor file (dates and period labels too: a saved result can hold any
 * string there) goes through mdText, as in `nkmsg analyze --format markdown`.
 */
import type { GroupFigures, ReportAggregate } from '../collection/types.js';
import { mdText } from './markdown.js';
import { refText, signed } from './report-html.js';

export function formatReportMarkdown(report: ReportAggregate): string {
  const c = report.counts;
  const out: string[] = ['# nkmsg report', ''];
  out.push(
    `${c.included} article${c.included === 1 ? '' : 's'} counted (${c.dated} dated, ${c.undated} undated), ${c.failed} failed, ${c.excluded} left out by filters; ` +
      `${report.span.from ? `${mdText(report.span.from)} to ${mdText(report.span.to ?? '')}, by ${report.period}` : 'no dated article'}.`,
    '',
  );
  out.push('## Actors overall', '', '| actor | articles | cooperative | conflictual | neutral | net | posture |', '|---|--:|--:|--:|--:|--:|---|');
  for (const a of report.actors) out.push(`| ${mdText(a.name)} | ${a.articles} | ${a.tally.cooperative} | ${a.tally.conflictual} | ${a.tally.neutral} | ${signed(a.net)} | ${a.posture} |`);
  // As in the HTML report: no trend table where no dated article names an actor.
  if (report.actors.some((a) => a.series.length > 0)) {
    out.push('', `## Actors over time (by ${report.period})`, '', `| actor | ${report.period} | articles | cooperative | conflictual | neutral | net | posture |`, '|---|---|--:|--:|--:|--:|--:|---|');
    for (const a of report.actors) {
      for (const p of a.series) out.push(`| ${mdText(a.name)} | ${mdText(p.period)} | ${p.articles} | ${p.cooperative} | ${p.conflictual} | ${p.neutral} | ${signed(p.net)} | ${p.posture} |`);
    }
  } else {
    out.push('', '## Actors over time', '', 'No dated article names an actor of the set.');
  }
  out.push('', '## Dyads', '', '| source → target | articles | cooperative | conflictual | neutral | net |', '|---|--:|--:|--:|--:|--:|');
  for (const d of report.dyads) out.push(`| ${mdText(d.sourceName)} → ${mdText(d.targetName)} | ${d.articles} | ${d.cooperative} | ${d.conflictual} | ${d.neutral} | ${signed(d.net)} |`);
  out.push('', '## Evidence', '');
  for (const d of report.dyads) {
    out.push(`### ${mdText(d.sourceName)} → ${mdText(d.targetName)}`, '');
    for (const e of d.evidence) out.push(`- **${e.stance}** “${mdText(e.text)}” (${mdText(refText(e))}, sentence ${e.sentence}${e.date ? `, ${mdText(e.date)}` : ''})`);
    if (d.omitted > 0) out.push(`- … ${d.omitted} more not quoted`);
    out.push('');
  }
  const names = new Map(report.actors.map((a) => [a.id, a.name]));
  const group = (title: string, list: GroupFigures[], label: (g: GroupFigures) => string): void => {
    out.push(`## ${title}`, '', '| name (articles) | actor | cooperative | conflictual | neutral | net | posture |', '|---|---|--:|--:|--:|--:|---|');
    for (const g of list) {
      for (const a of g.actors) out.push(`| ${label(g)} (${g.articles}) | ${mdText(names.get(a.id) ?? a.id)} | ${a.tally.cooperative} | ${a.tally.conflictual} | ${a.tally.neutral} | ${signed(a.net)} | ${a.posture} |`);
    }
    out.push('');
  };
  group('By source', report.sources, (g) => (g.name === null ? '(no source)' : mdText(g.name)));
  group('By sender', report.senders, (g) => (g.name === null ? '(no sender)' : mdText(names.get(g.name) ?? g.name)));
  out.push('## Undated articles', '');
  for (const u of report.undated) out.push(`- ${mdText(refText(u))}${u.title ? `: ${mdText(u.title)}` : ''}`);
  if (report.omitted.undated > 0) out.push(`- … and ${report.omitted.undated} more`);
  if (c.undated === 0) out.push('None.');
  out.push('', '## Inputs that failed', '');
  for (const f of report.failures) out.push(`- ${mdText(refText(f))}: ${mdText(f.message)}`);
  if (report.omitted.failures > 0) out.push(`- … and ${report.omitted.failures} more`);
  if (c.failed === 0) out.push('None.');
  return out.join('\n') + '\n';
}
