import type { TopLevelSpec } from 'vega-lite';
import { parameterLabel, parameterUnit } from '../sweep/headline.js';
import { type Chart, type ChartOptions, topLevel } from './chart.js';
import { ChartInputError, type SweepSource } from './source.js';
import { fmt, wrap } from './style.js';
import { distinctValues, isLevelled, sweepMeta, sweepOutcomes, type SweepOutcomeView } from './sweepData.js';

/** The two parameters of the heatmap: those asked for (--params a,b), else the first two swept. */
function chooseParameters(source: SweepSource, asked?: readonly string[]): [string, string] {
  const swept = source.sweep.summary.parameters;
  if (asked !== undefined) {
    const unknown = asked.filter((p) => !swept.includes(p));
    if (asked.length !== 2 || asked[0] === asked[1]) throw new ChartInputError(`--params needs two different swept parameters, e.g. --params ${swept.slice(0, 2).join(',') || 'a,b'}`);
    if (unknown.length > 0) throw new ChartInputError(`${unknown.map((p) => `'${p}'`).join(', ')} not swept in ${source.dir}; swept: ${swept.join(', ')}`);
    return [asked[0], asked[1]];
  }
  if (swept.length < 2) throw new ChartInputError(`the heatmap needs two swept parameters; ${source.dir} sweeps ${swept.length === 1 ? `only ${swept[0]}` : 'none'}: draw --kind sweep instead`);
  return [swept[0], swept[1]];
}

const axisTitle = (name: string) => wrap(`${parameterLabel(name, 90)}${parameterUnit(name) ? ` (${parameterUnit(name)})` : ''}`, 40);
const value = (x: number): string => String(Number(x.toPrecision(6)));

/**
 * One heatmap: with few levels of each parameter, a cell per pair of levels holding the mean
 * over its points (the other swept parameters varying) and its value written in; with more, the
 * ranges binned into at most 6 x 6 cells.
 */
function heatmap(source: SweepSource, view: SweepOutcomeView, a: string, b: string): Record<string, unknown> {
  const levelled = isLevelled(source, a) && isLevelled(source, b);
  const format = view.digits === 0 ? ',.0f' : `.${Math.min(view.digits, 4)}f`;
  const title = { text: wrap(`${view.label} (${view.unit})`, 44), fontSize: 12, anchor: 'start' };
  const legend = { title: null, orient: 'right', format, gradientLength: 120 };
  if (!levelled) {
    const values = view.rows.filter((r) => Number.isFinite(r.mean)).map((r) => ({ a: r.values[a], b: r.values[b], mean: r.mean }));
    return {
      title,
      width: 260,
      height: 220,
      data: { values },
      mark: 'rect',
      encoding: {
        x: { field: 'a', type: 'quantitative', bin: { maxbins: 6 }, title: axisTitle(a) },
        y: { field: 'b', type: 'quantitative', bin: { maxbins: 6 }, title: axisTitle(b) },
        color: { aggregate: 'mean', field: 'mean', type: 'quantitative', scale: { scheme: 'viridis' }, legend },
      },
    };
  }
  const cells = new Map<string, { a: number; b: number; sum: number; n: number }>();
  for (const r of view.rows) {
    if (!Number.isFinite(r.mean)) continue;
    const key = `${r.values[a]}|${r.values[b]}`;
    const cell = cells.get(key) ?? { a: r.values[a], b: r.values[b], sum: 0, n: 0 };
    cell.sum += r.mean;
    cell.n += 1;
    cells.set(key, cell);
  }
  const values = [...cells.values()].map((c) => ({ a: String(Number(c.a.toPrecision(6))), b: String(Number(c.b.toPrecision(6))), mean: c.sum / c.n, points: c.n }));
  const means = values.map((v) => v.mean);
  const mid = (Math.min(...means) + Math.max(...means)) / 2;
  const order = (name: string) => distinctValues(source, name).map((x) => String(Number(x.toPrecision(6))));
  const x = { field: 'a', type: 'ordinal', sort: order(a), title: axisTitle(a), axis: { labelAngle: 0 } };
  const y = { field: 'b', type: 'ordinal', sort: [...order(b)].reverse(), title: axisTitle(b) };
  return {
    title,
    width: { step: Math.max(40, Math.min(90, 300 / order(a).length)) },
    height: { step: Math.max(26, Math.min(60, 220 / order(b).length)) },
    data: { values },
    layer: [
      { mark: 'rect', encoding: { x, y, color: { field: 'mean', type: 'quantitative', scale: { scheme: 'viridis' }, legend } } },
      // viridis runs from dark to light: light text on the dark half, dark on the light half.
      { mark: { type: 'text', fontSize: 11 }, encoding: { x, y, text: { field: 'mean', type: 'quantitative', format }, color: { condition: { test: `datum.mean < ${mid}`, value: 'white' }, value: 'black' } } },
    ],
  };
}

/** Sweep heatmap: each headline outcome over two swept parameters, two heatmaps a row. */
export function sweepHeatmap(source: SweepSource, options: ChartOptions = {}): Chart {
  const { summary } = source.sweep;
  const [a, b] = chooseParameters(source, options.parameters);
  const views = sweepOutcomes(source, options.outcomes);
  const others = summary.parameters.filter((p) => p !== a && p !== b);
  const levelled = isLevelled(source, a) && isLevelled(source, b);
  const best = views.map((v) => {
    const top = [...v.rows].filter((r) => Number.isFinite(r.mean)).sort((p, q) => q.mean - p.mean)[0];
    return `${v.label.charAt(0).toLowerCase()}${v.label.slice(1)}, ${fmt(top.mean, v.digits)} at (${Number(top.values[a].toPrecision(3))}, ${Number(top.values[b].toPrecision(3))})`;
  });
  const title = `Sweep of ${summary.scenario}: headline outcomes over two parameters`;
  const caption =
    `A ${summary.design} design of ${fmt(summary.points)} points x ${fmt(summary.replications)} replications. Each heatmap is one outcome over two swept parameters, across and up: ` +
    (levelled ? 'a cell is the mean over the replications of its points' : 'the ranges are binned, and a cell is the mean over the points that fall in it') +
    (others.length > 0 ? `, averaged over the other swept parameter${others.length > 1 ? 's' : ''} (${others.map((o) => parameterLabel(o, 70).toLowerCase()).join('; ')})` : '') +
    `. Each heatmap has its own colour scale. Highest point of each outcome (across, up): ${best.join('; ')}.`;
  return {
    kind: 'sweep-heatmap',
    title,
    caption,
    spec: topLevel(sweepMeta(source), title, caption, { concat: views.map((v) => heatmap(source, v, a, b)), columns: 2, spacing: 30, resolve: { scale: { color: 'independent' } } }) as TopLevelSpec,
  };
}
