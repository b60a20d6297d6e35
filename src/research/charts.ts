import type { Chart } from '../charts/chart.js';
import { timeX, topLevel } from '../charts/chart.js';
import { CATEGORY_COLOURS } from '../charts/style.js';
import { textWidth } from '../charts/textWidth.js';
import { PLACEMENTS, PLACEMENT_OFFSET, placeLabels } from './labelPlacement.js';

/**
 * Charts of the research commands, as Vega-Lite specs in the house style (src/charts): each a
 * small function from the table a method returns to a chart.
 */
const meta = (dir: string) => ({ dir });
const num = (x: number): number | null => (Number.isFinite(x) ? x : null);

export function effectsChart(dir: string, rows: readonly { name: string; verdict: string; estimate: number; low: number; high: number }[]): Chart {
  const title = 'Propositions: standardised effects with 95% bootstrap intervals';
  const caption = 'Each row is one proposition: treatment minus control on paired replications, in pooled standard deviations (Cohen\'s d). Colour: the verdict after Holm adjustment across the set.';
  const values = rows.map((r) => ({ name: r.name, verdict: r.verdict, estimate: num(r.estimate), low: num(r.low), high: num(r.high) }));
  const colour = { field: 'verdict', type: 'nominal', title: 'Verdict', scale: { domain: ['supported', 'contradicted', 'inconclusive'], range: ['#009E73', '#D55E00', '#888888'] } };
  return {
    kind: 'effects',
    title,
    caption,
    spec: topLevel(meta(dir), title, caption, {
      width: 520,
      height: { step: 26 },
      data: { values },
      layer: [
        { mark: { type: 'rule', color: '#555', strokeDash: [4, 3] }, encoding: { x: { datum: 0 } } },
        { mark: { type: 'rule', strokeWidth: 2 }, encoding: { y: { field: 'name', type: 'nominal', title: null, sort: null }, x: { field: 'low', type: 'quantitative', title: 'Standardised effect (d)' }, x2: { field: 'high' }, color: colour } },
        { mark: { type: 'point', filled: true, size: 70 }, encoding: { y: { field: 'name', type: 'nominal', sort: null }, x: { field: 'estimate', type: 'quantitative' }, color: colour } },
      ],
    }),
  };
}

export function morrisChart(dir: string, outcome: string, rows: readonly { parameter: string; mu_star: number; sigma: number }[]): Chart {
  const title = `Morris screening of ${outcome}: mu* against sigma`;
  const caption = 'Each point is a parameter: mu* (mean absolute elementary effect over its range) measures its influence, sigma the spread of its effects (non-linearity or interactions). Parameters far from the origin matter; the ten largest mu* are labelled.';
  const width = 560;
  const height = 400;
  const drawn = rows.filter((r) => Number.isFinite(r.mu_star) && Number.isFinite(r.sigma));
  const top = [...drawn].sort((a, b) => b.mu_star - a.mu_star).slice(0, 10);
  // The most influential placed first; the scales span every point, labelled or not.
  const placements = placeLabels(top.map((r) => ({ x: r.mu_star, y: r.sigma, text: r.parameter })), width, height, { measure: (t) => textWidth(t, 10), scaleOver: drawn.map((r) => ({ x: r.mu_star, y: r.sigma })) });
  const where = new Map(top.map((r, i) => [r.parameter, placements[i]]));
  const values = rows.map((r) => ({ parameter: r.parameter, mu_star: num(r.mu_star), sigma: num(r.sigma), label: where.has(r.parameter) ? r.parameter : '', placement: where.get(r.parameter) ?? '' }));
  return {
    kind: 'morris',
    title,
    caption,
    spec: topLevel(meta(dir), title, caption, {
      width,
      height,
      data: { values },
      layer: [
        { mark: { type: 'point', filled: true, size: 50, color: CATEGORY_COLOURS[0] }, encoding: { x: { field: 'mu_star', type: 'quantitative', title: 'mu* (outcome units per full range)' }, y: { field: 'sigma', type: 'quantitative', title: 'sigma' }, tooltip: [{ field: 'parameter' }] } },
        // One text layer per placement: Vega-Lite cannot encode a mark's offset or alignment.
        ...PLACEMENTS.map((p) => ({
          transform: [{ filter: { field: 'placement', equal: p } }],
          mark: { type: 'text', align: PLACEMENT_OFFSET[p].align, dx: PLACEMENT_OFFSET[p].dx, dy: PLACEMENT_OFFSET[p].dy, fontSize: 10 },
          encoding: { x: { field: 'mu_star', type: 'quantitative' }, y: { field: 'sigma', type: 'quantitative' }, text: { field: 'label' } },
        })),
      ],
    }),
  };
}

export function indicesChart(dir: string, outcome: string, rows: readonly { parameter: string; index: string; estimate: number; low: number; high: number }[]): Chart {
  const title = `Sobol indices of ${outcome} with 95% bootstrap intervals`;
  const corrected = rows.some((r) => r.index.endsWith('_corrected'));
  const caption = `First-order index: the share of the outcome's variance due to the parameter alone; total index: including all its interactions.${corrected ? ' Noise-corrected (_corrected): the same on the variance of the mean response, with the replicate noise of the point means taken out.' : ''} Intervals below 0 or above 1, or a first-order index above the total, mean the sample is too small.`;
  const values = rows.map((r) => ({ ...r, estimate: num(r.estimate), low: num(r.low), high: num(r.high) }));
  const domain = corrected ? ['first', 'total', 'first_corrected', 'total_corrected'] : ['first', 'total'];
  const colour = { field: 'index', type: 'nominal', title: 'Index', scale: { domain, range: CATEGORY_COLOURS.slice(0, domain.length) } };
  return {
    kind: 'sobol',
    title,
    caption,
    spec: topLevel(meta(dir), title, caption, {
      width: 520,
      height: { step: 30 },
      data: { values },
      encoding: { y: { field: 'parameter', type: 'nominal', title: null, sort: { field: 'estimate', order: 'descending' }, axis: { labelLimit: 400 } }, yOffset: { field: 'index' } },
      layer: [
        { mark: { type: 'rule', strokeWidth: 2 }, encoding: { x: { field: 'low', type: 'quantitative', title: 'Index' }, x2: { field: 'high' }, color: colour } },
        { mark: { type: 'point', filled: true, size: 60 }, encoding: { x: { field: 'estimate', type: 'quantitative' }, color: colour } },
      ],
    }),
  };
}

export function indicesOverTimeChart(dir: string, series: string, method: string, rows: readonly { parameter: string; date: string; value: number; low: number; high: number }[]): Chart {
  const title = `${method === 'sobol' ? 'Total Sobol index' : 'Morris mu*'} of ${series} month by month`;
  const caption = `How much each parameter matters to ${series} at each month of the run (the six that matter most at the end are drawn), with shaded 95% bootstrap intervals: parameters that dominate early and fade show external influences giving way to internal ones; where the bands overlap, the order is not settled.`;
  const values = rows.map((r) => ({ parameter: r.parameter, date: `${r.date}-01`, value: num(r.value), low: num(r.low), high: num(r.high) }));
  const colour = { field: 'parameter', type: 'nominal', title: 'Parameter', scale: { range: CATEGORY_COLOURS } };
  return {
    kind: 'over-time',
    title,
    caption,
    spec: topLevel(meta(dir), title, caption, {
      width: 600,
      height: 320,
      data: { values },
      encoding: { x: timeX(), color: colour },
      layer: [
        { mark: { type: 'area', opacity: 0.18 }, encoding: { y: { field: 'low', type: 'quantitative', title: method === 'sobol' ? 'Total index' : 'mu*' }, y2: { field: 'high' } } },
        { mark: { type: 'line', strokeWidth: 2 }, encoding: { y: { field: 'value', type: 'quantitative' } } },
      ],
    }),
  };
}

export function repsChart(dir: string, outcome: string, target: number | undefined, rows: readonly { n: number; width: number; cv: number }[]): Chart {
  const title = `How many replications: ${outcome}`;
  const caption = `Width of the 95% interval of the mean as replications are added${target !== undefined ? `; the dashed line is the target width ${target}` : ''}. The interval narrows as one over the square root of the replications once the standard deviation settles.`;
  const values = rows.map((r) => ({ n: r.n, width: num(r.width), cv: num(r.cv) }));
  const layers: Record<string, unknown>[] = [{ mark: { type: 'line', point: true, color: CATEGORY_COLOURS[0] }, encoding: { x: { field: 'n', type: 'quantitative', title: 'Replications' }, y: { field: 'width', type: 'quantitative', title: '95% interval width' } } }];
  if (target !== undefined) layers.push({ mark: { type: 'rule', strokeDash: [5, 4], color: '#D55E00' }, encoding: { y: { datum: target } } });
  return { kind: 'reps', title, caption, spec: topLevel(meta(dir), title, caption, { width: 520, height: 300, data: { values }, layer: layers }) };
}

export function tradeoffChart(dir: string, rows: readonly { step: number; coverage: number; density: number; restricted: number }[], chosen: number): Chart {
  const title = 'PRIM peeling trajectory: coverage against density';
  const caption = `Each point is a box on the peeling trajectory: coverage is the share of all cases of interest inside it, density the share of its points that are cases of interest. Colour: how many parameters the box restricts. The ringed point is the box reported (step ${chosen}).`;
  const values = rows.map((r) => ({ ...r, chosen: r.step === chosen }));
  return {
    kind: 'tradeoff',
    title,
    caption,
    spec: topLevel(meta(dir), title, caption, {
      width: 480,
      height: 360,
      data: { values },
      layer: [
        { mark: { type: 'point', filled: true, size: 45 }, encoding: { x: { field: 'coverage', type: 'quantitative', title: 'Coverage', scale: { domain: [0, 1] } }, y: { field: 'density', type: 'quantitative', title: 'Density', scale: { domain: [0, 1] } }, color: { field: 'restricted', type: 'ordinal', title: 'Restricted parameters', scale: { scheme: 'viridis' } } } },
        { transform: [{ filter: 'datum.chosen' }], mark: { type: 'point', size: 260, stroke: '#D55E00', strokeWidth: 2, filled: false }, encoding: { x: { field: 'coverage', type: 'quantitative' }, y: { field: 'density', type: 'quantitative' } } },
      ],
    }),
  };
}

export function boxChart(dir: string, rows: readonly { parameter: string; low: number; high: number; min: number; max: number; quasi_p: number }[]): Chart {
  const title = 'PRIM box: the limits that describe the cases of interest';
  const caption = 'Each bar is one restricted parameter\'s range inside the box, on its swept range (0: its minimum, 1: its maximum); the label gives the limits and the quasi-p value of the restriction.';
  const values = rows.map((r) => {
    const span = r.max - r.min;
    const lo = Number.isFinite(r.low) ? (r.low - r.min) / span : 0;
    const hi = Number.isFinite(r.high) ? (r.high - r.min) / span : 1;
    const label = `${Number.isFinite(r.low) ? r.low.toPrecision(3) : 'min'} to ${Number.isFinite(r.high) ? r.high.toPrecision(3) : 'max'} (p ${r.quasi_p.toPrecision(2)})`;
    return { parameter: r.parameter, lo, hi, label };
  });
  return {
    kind: 'box',
    title,
    caption,
    spec: topLevel(meta(dir), title, caption, {
      width: 480,
      height: { step: 34 },
      data: { values },
      layer: [
        { mark: { type: 'bar', color: '#ddd', height: 14 }, encoding: { y: { field: 'parameter', type: 'nominal', title: null }, x: { datum: 0, type: 'quantitative', scale: { domain: [0, 1] }, title: 'Share of the swept range' }, x2: { datum: 1 } } },
        { mark: { type: 'bar', color: CATEGORY_COLOURS[0], height: 14 }, encoding: { y: { field: 'parameter', type: 'nominal' }, x: { field: 'lo', type: 'quantitative', title: 'Share of the swept range' }, x2: { field: 'hi' } } },
        { mark: { type: 'text', dy: -13, fontSize: 10, align: 'left' }, encoding: { y: { field: 'parameter', type: 'nominal' }, x: { field: 'lo', type: 'quantitative' }, text: { field: 'label' } } },
      ],
    }),
  };
}

export function pairsChart(dir: string, names: readonly string[], particles: readonly (readonly number[])[], weights: readonly number[]): Chart {
  const title = 'Calibration posterior: pairs of parameters';
  const caption = 'The last ABC-SMC population. Diagonal: each parameter\'s posterior, as a histogram of particles weighted by their importance weights. Below it: each pair of parameters, a point per particle sized by its weight.';
  const values = particles.map((p, i) => ({ ...Object.fromEntries(names.map((n, j) => [n, p[j]])), weight: weights[i] }));
  const side = 130;
  const last = names.length - 1;
  // Axis titles only on the outer panels: inside the grid they ran into the neighbouring panels.
  const axis = (name: string, shown: boolean) => ({ field: name, type: 'quantitative', scale: { zero: false }, title: shown ? name : null });
  const histogram = (name: string, row: number) => ({
    width: side,
    height: side,
    mark: { type: 'bar', color: CATEGORY_COLOURS[0], opacity: 0.8 },
    encoding: {
      x: { ...axis(name, row === last), bin: { maxbins: 12 } },
      y: { aggregate: 'sum', field: 'weight', type: 'quantitative', title: row === 0 ? 'posterior weight' : null },
    },
  });
  const scatter = (xName: string, yName: string, row: number, column: number) => ({
    width: side,
    height: side,
    mark: { type: 'point', filled: true, opacity: 0.5, color: CATEGORY_COLOURS[0] },
    encoding: {
      x: axis(xName, row === last),
      y: axis(yName, column === 0),
      size: { field: 'weight', type: 'quantitative', legend: null, scale: { range: [5, 60] } },
    },
  });
  // The upper triangle repeats the lower one mirrored, so it is left empty.
  const blank = { width: side, height: side, mark: { type: 'point' }, data: { values: [] }, view: { stroke: null } };
  return {
    kind: 'pairs',
    title,
    caption,
    spec: topLevel(meta(dir), title, caption, {
      data: { values },
      // One grid (concat with columns) so that panels line up in columns whatever their axes' widths.
      columns: names.length,
      spacing: 16,
      concat: names.flatMap((rowName, row) => names.map((columnName, column) => (column === row ? histogram(rowName, row) : column < row ? scatter(columnName, rowName, row, column) : blank))),
    }),
  };
}
