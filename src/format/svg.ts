/**
 * Vega-Lite specifications rendered to SVG strings in Node, with no canvas,
 * network or fonts to load: vega lays text out with its own estimate of
 * glyph widths. Loaded only by `nkmsg report`.
 */
import type { VegaLiteSpec } from '../collection/charts.js';

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
