import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildChart, ChartInputError, openSource, SWEEP_KINDS } from '../../src/charts/index.js';
import { renderSvg, svgToPng } from '../../src/charts/render.js';
import type { ChartSource } from '../../src/charts/source.js';
import { SWEEP_HEADLINE } from '../../src/sweep/headline.js';
import { colouredShare, decodePng } from './png.js';
import { makeSweep } from './sweepFixtures.js';

const require = createRequire(import.meta.url);
const validate = new Ajv({ strict: false, allErrors: false, allowUnionTypes: true }).compile(JSON.parse(readFileSync(require.resolve('vega-lite/vega-lite-schema.json'), 'utf8')));

let factorial: ChartSource;
let lhs: ChartSource;
let single: ChartSource;

beforeAll(() => {
  factorial = openSource(makeSweep('factorial').dir);
  lhs = openSource(makeSweep('lhs').dir);
  single = openSource(makeSweep('single').dir);
}, 120_000);

describe('a sweep directory', () => {
  it('opens as a sweep (not as a run, which crashed reading its outcomes)', () => {
    expect(factorial.type).toBe('sweep');
    if (factorial.type !== 'sweep') return;
    expect(factorial.sweep.summary.parameters).toEqual(['ownChoicePairing_share', 'learningNetworks_count']);
    expect(factorial.sweep.points).toHaveLength(4);
  });

  it('refuses run and comparison kinds, naming the kinds it has', () => {
    expect(() => buildChart(factorial, 'formation')).toThrow(/is a sweep directory \(lesim sweep\); --kind formation needs a run directory\. Kinds for this directory: sweep, sweep-heatmap/);
    expect(() => buildChart(factorial, 'difference')).toThrow(/needs a comparison directory/);
  });
});

describe.each([
  ['factorial', () => factorial],
  ['latin hypercube', () => lhs],
])('sweep charts of a %s sweep', (_, source) => {
  it.each(SWEEP_KINDS)('%s: a valid Vega-Lite spec that draws a mark for every point, and a PNG that is not blank', async (kind) => {
    const chart = buildChart(source(), kind);
    expect(validate(chart.spec), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(chart.caption.length).toBeGreaterThan(100);
    const { svg, marks } = await renderSvg(chart);
    const s = source();
    if (s.type !== 'sweep') throw new Error('not a sweep');
    const points = s.sweep.points.length;
    const panels = SWEEP_HEADLINE.length * (kind === 'sweep' ? s.sweep.summary.parameters.length : 1);
    if (kind === 'sweep') {
      // A dot and an interval per point in every panel, and a trend line (at least two vertices) per panel.
      expect(marks.symbol).toBe(points * panels);
      expect(marks.rule).toBe(points * panels);
      expect(marks.line).toBeGreaterThanOrEqual(2 * panels);
    } else {
      expect(marks.rect).toBeGreaterThanOrEqual(SWEEP_HEADLINE.length * Math.min(points, 4));
    }
    const png = decodePng(svgToPng(svg, 1));
    // Coloured (not grey) pixels: the dots and intervals; a blank or grey-only frame has none.
    expect(colouredShare(png)).toBeGreaterThan(0.002);
  });
});

describe('sweep chart content', () => {
  it('labels parameters and outcomes in words and draws each parameter\'s levels as ticks', async () => {
    const { svg } = await renderSvg(buildChart(factorial, 'sweep'));
    expect(svg).toContain('Share of followers that choose their own');
    expect(svg).toContain('Digital maturity at the end');
    // Ticks at the levels as written in the sweep file: 10, never 1e+1.
    expect(svg).not.toContain('1e+1');
  });

  it('the heatmap writes each cell\'s mean, the mean of the point means of that cell', async () => {
    if (factorial.type !== 'sweep') throw new Error('not a sweep');
    const chart = buildChart(factorial, 'sweep-heatmap');
    const panel = (chart.spec as unknown as { concat: { data: { values: { a: string; b: string; mean: number }[] } }[] }).concat[0];
    const row = factorial.sweep.outcomes.find((o) => o.outcome === SWEEP_HEADLINE[0].outcome && o.values.ownChoicePairing_share === 0.9 && o.values.learningNetworks_count === 10)!;
    expect(panel.data.values.find((v) => v.a === '0.9' && v.b === '10')!.mean).toBeCloseTo(row.mean, 12);
    expect(panel.data.values).toHaveLength(4);
  });

  it('a heatmap needs two swept parameters; --params chooses them', () => {
    expect(() => buildChart(single, 'sweep-heatmap')).toThrow(ChartInputError);
    expect(() => buildChart(single, 'sweep-heatmap')).toThrow(/needs two swept parameters; .* sweeps only learningNetworks_count: draw --kind sweep instead/);
    expect(() => buildChart(lhs, 'sweep-heatmap', { parameters: ['tieUse_probPerMonth', 'nope'] })).toThrow(/'nope' not swept/);
    const chosen = buildChart(lhs, 'sweep-heatmap', { parameters: ['meetingContacts_count', 'tieUse_probPerMonth'] });
    expect(JSON.stringify(chosen.spec)).toContain('People each attendee');
  });

  it('chooses outcomes by name and refuses an unknown one', () => {
    const chart = buildChart(factorial, 'sweep', { outcomes: ['outside_orgs_reached'] });
    expect((chart.spec as unknown as { vconcat: unknown[] }).vconcat).toHaveLength(1);
    expect(() => buildChart(factorial, 'sweep', { outcomes: ['no_such_outcome'] })).toThrow(/has no outcome 'no_such_outcome'/);
  });
});
