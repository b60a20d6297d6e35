import type { TopLevelSpec } from 'vega-lite';
import { parameterLabel, parameterUnit } from '../sweep/headline.js';
import { type Chart, type ChartOptions, topLevel } from './chart.js';
import type { SweepSource } from './source.js';
import { CATEGORY_COLOURS, fmt, wrap } from './style.js';
import { distinctValues, isLevelled, sweepMeta, sweepOutcomes, type SweepOutcomeView } from './sweepData.js';

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** The y range of a row of panels: every interval of the outcome fits, and the panels of a row share it. */
function yDomain(view: SweepOutcomeView): [number, number] {
  const ends = view.rows.flatMap((r) => [r.ciLow, r.ciHigh, r.mean]).filter(Number.isFinite);
  const low = Math.min(...ends);
  const high = Math.max(...ends);
  const pad = high > low ? (high - low) * 0.08 : Math.max(Math.abs(high) * 0.05, 1e-9);
  return [low - pad, high + pad];
}

/**
 * One panel: the outcome at each design point against one swept parameter, with the point's
 * 95% interval over its replications, and a line for the trend over the other parameters: the
 * mean over the points at each level when there are few levels, a loess curve otherwise.
 */
function panel(source: SweepSource, view: SweepOutcomeView, name: string, first: boolean, width: number, colour: string): Record<string, unknown> {
  const values = view.rows.map((r) => ({ x: r.values[name], mean: finite(r.mean), low: finite(r.ciLow), high: finite(r.ciHigh), point: r.point }));
  const distinct = distinctValues(source, name);
  const levelled = isLevelled(source, name);
  const unit = parameterUnit(name);
  // Few levels: a tick at each; a range: five ticks. Values as written (10, not 1e+1).
  const axis = levelled ? { values: distinct, format: '.6~r' } : { tickCount: 5, format: '.6~r' };
  const x = { field: 'x', type: 'quantitative', title: wrap(`${parameterLabel(name, 90)}${unit ? ` (${unit})` : ''}`, Math.round(width / 6.5)), scale: { zero: false, nice: false, padding: 14 }, axis };
  const y = { type: 'quantitative', scale: { domain: yDomain(view), zero: false, nice: false }, axis: { tickCount: 5, format: view.digits === 0 ? ',~d' : `.${Math.min(view.digits, 4)}~f` }, title: first ? wrap(`${view.label} (${view.unit})`, 30) : null };
  const trend =
    levelled
      ? { transform: [{ filter: 'datum.mean !== null' }, { aggregate: [{ op: 'mean', field: 'mean', as: 'level_mean' }], groupby: ['x'] }], mark: { type: 'line', color: '#555', strokeWidth: 1.5, strokeDash: [4, 3] }, encoding: { x, y: { ...y, field: 'level_mean' } } }
      : { transform: [{ filter: 'datum.mean !== null' }, { loess: 'mean', on: 'x', bandwidth: 0.5 }], mark: { type: 'line', color: '#555', strokeWidth: 1.5, strokeDash: [4, 3] }, encoding: { x, y: { ...y, field: 'mean' } } };
  return {
    width,
    height: 150,
    data: { values },
    layer: [
      { mark: { type: 'rule', color: colour, opacity: 0.6 }, encoding: { x, y: { ...y, field: 'low' }, y2: { field: 'high' } } },
      trend,
      {
        mark: { type: 'point', filled: true, size: 36, color: colour },
        encoding: {
          x,
          y: { ...y, field: 'mean' },
          tooltip: [{ field: 'point', title: 'point' }, { field: 'x', title: name }, { field: 'mean', title: view.outcome, format: `.${view.digits}f` }, { field: 'low', title: '95% CI low', format: `.${view.digits}f` }, { field: 'high', title: '95% CI high', format: `.${view.digits}f` }],
        },
      },
    ],
  };
}

/**
 * Sweep: each headline outcome (a row) against each swept parameter (a column), a point per
 * design point with its 95% interval over replications. The panels of a row share their y axis,
 * so the steepest column is the parameter the outcome is most sensitive to.
 */
export function sweepChart(source: SweepSource, options: ChartOptions = {}): Chart {
  const { summary } = source.sweep;
  const views = sweepOutcomes(source, options.outcomes);
  const names = summary.parameters;
  const width = names.length <= 2 ? 300 : names.length <= 4 ? 200 : 150;
  const rows = views.map((view, i) => ({ hconcat: names.map((name, k) => panel(source, view, name, k === 0, width, CATEGORY_COLOURS[i % CATEGORY_COLOURS.length])), spacing: 14 }));
  const ranges = views.map((v) => {
    const means = v.rows.map((r) => r.mean).filter(Number.isFinite);
    return `${v.label.charAt(0).toLowerCase()}${v.label.slice(1)} from ${fmt(Math.min(...means), v.digits)} to ${fmt(Math.max(...means), v.digits)}`;
  });
  const trend = names.every((n) => isLevelled(source, n))
    ? 'the mean over the points at each value of the parameter, the other parameters varying'
    : names.some((n) => isLevelled(source, n))
      ? 'the mean over the points at each value of a parameter swept in levels, a loess curve through the points of one swept over a range'
      : 'a loess curve through the points, the other parameters varying';
  const title = `Sweep of ${summary.scenario}: headline outcomes against each swept parameter`;
  const caption =
    `A ${summary.design} design of ${fmt(summary.points)} points x ${fmt(summary.replications)} replications (base seed ${summary.base_seed}). ` +
    `Each row is one outcome, each column one swept parameter: a dot is a design point's mean over its replications, its line the 95% confidence interval, and the dashed line ${trend}. ` +
    `The panels of a row share their scale. Across the points: ${ranges.join('; ')}.`;
  return { kind: 'sweep', title, caption, spec: topLevel(sweepMeta(source), title, caption, { vconcat: rows, spacing: 18 }) as TopLevelSpec };
}
