import type { Chart, ChartOptions } from './chart.js';
import { costChart, differenceChart } from './comparison.js';
import { formationChart } from './formation.js';
import { maturityChart } from './maturity.js';
import { networkChart } from './network.js';
import { ChartInputError, type ChartSource } from './source.js';
import { spectrumChart } from './spectrum.js';
import { survivalChart } from './survival.js';

export type { Chart, ChartOptions } from './chart.js';
export { ChartInputError, openSource } from './source.js';
export { FORMATS, renderAs, renderSvg, svgToPng, type Format } from './render.js';

/** Chart kinds of a run directory, in the order a report shows them. */
export const RUN_KINDS = ['formation', 'spectrum', 'maturity', 'network', 'survival'] as const;
/** Chart kinds of a comparison directory (lesim compare). */
export const COMPARISON_KINDS = ['difference', 'cost'] as const;
export const CHART_KINDS = [...RUN_KINDS, ...COMPARISON_KINDS] as const;
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
};

export function isChartKind(kind: string): kind is ChartKind {
  return (CHART_KINDS as readonly string[]).includes(kind);
}

/** The kinds a directory can be drawn as. */
export function kindsFor(source: ChartSource): readonly ChartKind[] {
  return source.type === 'run' ? RUN_KINDS : COMPARISON_KINDS;
}

/** Builds one chart of a run or comparison directory; a kind that does not fit the directory is refused with the kinds that do. */
export function buildChart(source: ChartSource, kind: string, options: ChartOptions = {}): Chart {
  if (!isChartKind(kind)) throw new ChartInputError(`unknown chart kind '${kind}'; allowed: ${CHART_KINDS.join(', ')}`);
  if (!(kindsFor(source) as readonly string[]).includes(kind)) {
    const what = source.type === 'run' ? 'a run directory (lesim run)' : 'a comparison directory (lesim compare)';
    throw new ChartInputError(`'${source.dir}' is ${what}; --kind ${kind} needs ${source.type === 'run' ? 'a comparison directory' : 'a run directory'}. Kinds for this directory: ${kindsFor(source).join(', ')}`);
  }
  if (source.type === 'run') {
    const run = source.run;
    switch (kind) {
      case 'formation':
        return formationChart(run);
      case 'spectrum':
        return spectrumChart(run, options.at);
      case 'maturity':
        return maturityChart(run);
      case 'network':
        return networkChart(run);
      case 'survival':
        return survivalChart(run, source.events());
    }
  } else {
    switch (kind) {
      case 'difference':
        return differenceChart(source, options.outcomes);
      case 'cost':
        return costChart(source, options.outcomes);
    }
  }
  throw new ChartInputError(`chart kind '${kind}' does not apply to '${source.dir}'`);
}
