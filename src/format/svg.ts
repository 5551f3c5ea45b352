/**
 * Vega-Lite specifications rendered to SVG strings in Node, with no canvas,
 * network or fonts to load: vega lays text out with its own estimate of
 * glyph widths. Loaded only by `nkmsg report`.
 */
import { dyadMatrixSpec, groupSpec, networkSpec, trendSpec, type VegaLiteSpec } from '../collection/charts.js';
import type { ReportAggregate } from '../collection/types.js';
import type { ReportCharts } from './report-html.js';

export async function renderSvg(spec: VegaLiteSpec): Promise<string> {
  const [vega, vegaLite] = await Promise.all([import('vega'), import('vega-lite')]);
  // vega-lite's TopLevelSpec is a deep union; the specs are built to it in collection/charts.ts.
  const compiled = vegaLite.compile(spec as unknown as Parameters<typeof vegaLite.compile>[0]).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/**
 * The report's charts as SVG, for formatReportHtml. A chart with nothing to
 * show is left out; so is one that cannot be drawn, with `warn` told why
 * (its table is still in the report).
 */
export async function renderReportCharts(report: ReportAggregate, warn: (message: string) => void = () => undefined): Promise<ReportCharts> {
  const specs: [keyof ReportCharts, VegaLiteSpec | null][] = [
    ['trend', trendSpec(report)],
    ['matrix', dyadMatrixSpec(report)],
    ['network', networkSpec(report)],
    ['sources', groupSpec(report, 'sources')],
    ['senders', groupSpec(report, 'senders')],
  ];
  const charts: ReportCharts = {};
  for (const [name, spec] of specs) {
    if (spec === null) continue;
    try {
      charts[name] = await renderSvg(spec);
    } catch (error) {
      warn(`the ${name} chart could not be drawn (${error instanceof Error ? error.message : String(error)}); its table is in the report`);
    }
  }
  return charts;
}
