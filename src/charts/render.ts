import { Resvg } from '@resvg/resvg-js';
import { parse, View } from 'vega';
import { compile } from 'vega-lite';
import type { Chart } from './chart.js';
import { FONT } from './style.js';
import { useDejaVuMetrics } from './textWidth.js';

import type { Format } from './kinds.js';

export { FORMATS, type Format } from './kinds.js';

/** Items drawn per mark type (line, area, rect, symbol, text, rule, ...), data marks only (no axes, legends or titles). */
export type MarkCounts = Readonly<Record<string, number>>;

export interface Rendered {
  readonly svg: string;
  readonly marks: MarkCounts;
}

interface SceneNode {
  marktype?: string;
  role?: string;
  items?: SceneNode[];
}

/** Walks the scenegraph, counting the items of data marks; axes, legends and titles have other roles. */
function countMarks(node: SceneNode, counts: Record<string, number>): void {
  if (node.marktype !== undefined && node.role === 'mark' && node.marktype !== 'group') {
    counts[node.marktype] = (counts[node.marktype] ?? 0) + (node.items?.length ?? 0);
  }
  for (const child of node.items ?? []) countMarks(child, counts);
}

/**
 * Renders a chart headless: Vega-Lite compiled to Vega, run by a View with no renderer (so no
 * canvas is needed), and written as SVG. Also returns the drawn data marks, so callers and tests
 * can tell a chart from an empty frame.
 */
export async function renderSvg(chart: Chart): Promise<Rendered> {
  useDejaVuMetrics();
  const vg = compile(chart.spec).spec;
  const view = new View(parse(vg), { renderer: 'none' });
  try {
    await view.runAsync();
    const marks: Record<string, number> = {};
    countMarks((view.scenegraph() as unknown as { root: SceneNode }).root, marks);
    const svg = await view.toSVG();
    return { svg, marks };
  } finally {
    view.finalize();
  }
}

/** PNG of an SVG by resvg, at `scale` times the SVG's size, with DejaVu Sans for every sans-serif text. */
export function svgToPng(svg: string, scale = 2): Buffer {
  const resvg = new Resvg(svg, {
    font: { loadSystemFonts: true, sansSerifFamily: FONT, defaultFontFamily: FONT },
    fitTo: { mode: 'zoom', value: scale },
    background: 'white',
  });
  return resvg.render().asPng();
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** A chart as an HTML figure: the rendered SVG inline and the caption in words. */
export function figureHtml(chart: Chart, svg: string, id = chart.kind): string {
  return `<figure class="chart" id="${escapeHtml(id)}" data-kind="${escapeHtml(chart.kind)}">\n${stripXmlProlog(svg, id)}\n<figcaption><strong>${escapeHtml(chart.title)}.</strong> ${escapeHtml(chart.caption)}</figcaption>\n</figure>`;
}

/**
 * Prepares an SVG to sit inline in a page beside others: no XML prolog, and its internal ids
 * (gradients, clip paths) prefixed, since Vega numbers them from 0 in every chart and two
 * charts' "gradient_0" would otherwise collide.
 */
function stripXmlProlog(svg: string, prefix = 'c'): string {
  return svg
    .replace(/^<\?xml[^>]*>\s*/, '')
    .replace(/\bid="([^"]+)"/g, `id="${prefix}-$1"`)
    .replace(/url\(#([^)]+)\)/g, `url(#${prefix}-$1)`)
    .replace(/href="#([^"]+)"/g, `href="#${prefix}-$1"`);
}

export const PAGE_STYLE = `body{font-family:'DejaVu Sans',sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}
figure.chart{margin:2em 0;overflow-x:auto}figure.chart svg{max-width:100%;height:auto}
figcaption{font-size:0.92em;color:#333;margin-top:0.5em}
table{border-collapse:collapse;font-size:0.92em}th,td{border-bottom:1px solid #ddd;padding:0.3em 0.6em;text-align:left;vertical-align:top}
td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}code{font-size:0.95em}`;

/** One chart as a self-contained page: no scripts and no external resources. */
export function chartPage(chart: Chart, svg: string): string {
  return `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${escapeHtml(chart.title)}</title>\n<style>${PAGE_STYLE}</style>\n</head>\n<body>\n${figureHtml(chart, svg)}\n</body>\n</html>\n`;
}

/** The chart in a format: file content as text (svg, html, vl.json) or bytes (png). */
export async function renderAs(chart: Chart, format: Format, scale = 2): Promise<{ content: string | Buffer; marks: MarkCounts }> {
  if (format === 'vl.json') {
    // Rendered anyway, so that a spec that cannot draw is caught here and not by the user.
    const { marks } = await renderSvg(chart);
    return { content: `${JSON.stringify(chart.spec, null, 2)}\n`, marks };
  }
  const { svg, marks } = await renderSvg(chart);
  if (format === 'svg') return { content: svg, marks };
  if (format === 'png') return { content: svgToPng(svg, scale), marks };
  return { content: chartPage(chart, svg), marks };
}
