import type { Chart, ChartOptions } from './chart.js';
import { costChart, differenceChart } from './comparison.js';
import { formationChart } from './formation.js';
import { maturityChart } from './maturity.js';
import { networkChart } from './network.js';
import { ChartInputError, type ChartSource } from './source.js';
import { CHART_KINDS, COMPARISON_KINDS, isChartKind, RUN_KINDS, SWEEP_KINDS, type ChartKind } from './kinds.js';
import { spectrumChart } from './spectrum.js';
import { sweepChart } from './sweep.js';
import { sweepHeatmap } from './sweepHeatmap.js';
import { survivalChart } from './survival.js';

export type { Chart, ChartOptions } from './chart.js';
export { ChartInputError, openSource } from './source.js';
export { renderAs, renderSvg, svgToPng } from './render.js';

export { CHART_KINDS, COMPARISON_KINDS, FORMATS, isChartKind, KIND_DESCRIPTIONS, RUN_KINDS, SWEEP_KINDS, type ChartKind, type Format } from './kinds.js';

/** The kinds a directory can be drawn as. */
export function kindsFor(source: ChartSource): readonly ChartKind[] {
  return source.type === 'run' ? RUN_KINDS : source.type === 'sweep' ? SWEEP_KINDS : COMPARISON_KINDS;
}

/** Builds one chart of a run or comparison directory; a kind that does not fit the directory is refused with the kinds that do. */
export function buildChart(source: ChartSource, kind: string, options: ChartOptions = {}): Chart {
  if (!isChartKind(kind)) throw new ChartInputError(`unknown chart kind '${kind}'; allowed: ${CHART_KINDS.join(', ')}`);
  if (!(kindsFor(source) as readonly string[]).includes(kind)) {
    const what = { run: 'a run directory (lesim run)', comparison: 'a comparison directory (lesim compare)', sweep: 'a sweep directory (lesim sweep)' };
    const needs = (RUN_KINDS as readonly string[]).includes(kind) ? 'a run directory' : (SWEEP_KINDS as readonly string[]).includes(kind) ? 'a sweep directory' : 'a comparison directory';
    throw new ChartInputError(`'${source.dir}' is ${what[source.type]}; --kind ${kind} needs ${needs}. Kinds for this directory: ${kindsFor(source).join(', ')}`);
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
  } else if (source.type === 'sweep') {
    switch (kind) {
      case 'sweep':
        return sweepChart(source, options);
      case 'sweep-heatmap':
        return sweepHeatmap(source, options);
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
