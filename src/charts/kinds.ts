/**
 * The chart kinds and formats, apart from the chart code: the command line checks --kind and
 * --format against them without loading vega.
 */

/** Chart kinds of a run directory, in the order a report shows them. */
export const RUN_KINDS = ['formation', 'spectrum', 'maturity', 'network', 'survival'] as const;
/** Chart kinds of a comparison directory (lesim compare). */
export const COMPARISON_KINDS = ['difference', 'cost'] as const;
/** Chart kinds of a sweep directory (lesim sweep). */
export const SWEEP_KINDS = ['sweep', 'sweep-heatmap'] as const;
export const CHART_KINDS = [...RUN_KINDS, ...COMPARISON_KINDS, ...SWEEP_KINDS] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

/** What each kind shows, for help texts and docs. */
export const KIND_DESCRIPTIONS: Readonly<Record<ChartKind, string>> = {
  formation: 'formal vs informal relationships formed per month, by origin, with 95% bands',
  spectrum: 'active relationships by formality x origin, heatmaps at chosen months (--at)',
  maturity: 'digital maturity of exemplars, followers and organizations outside the programme',
  network: 'density, clustering, largest component and brokerage by intermediaries over time',
  survival: 'learning networks and communities still alive after funding ends, by type',
  difference: 'each outcome\'s difference from the baseline with its 95% interval (comparison)',
  cost: 'extra spend per unit of outcome gained, with its 95% interval (comparison)',
  sweep: 'each headline outcome against each swept parameter, one point per design point with its 95% interval (sweep)',
  'sweep-heatmap': 'each headline outcome over two swept parameters as a heatmap (sweep; --params a,b to choose the two)',
};

export function isChartKind(kind: string): kind is ChartKind {
  return (CHART_KINDS as readonly string[]).includes(kind);
}

export const FORMATS = ['svg', 'png', 'html', 'vl.json'] as const;
export type Format = (typeof FORMATS)[number];
