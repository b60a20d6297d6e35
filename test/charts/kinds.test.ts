import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildChart, COMPARISON_KINDS, openSource, RUN_KINDS } from '../../src/charts/index.js';
import { renderAs, renderSvg, svgToPng } from '../../src/charts/render.js';
import type { ChartSource } from '../../src/charts/source.js';
import { makeComparison, makeRun } from './fixtures.js';
import { colouredShare, decodePng } from './png.js';

const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(require.resolve('vega-lite/vega-lite-schema.json'), 'utf8'));
const ajv = new Ajv({ strict: false, allErrors: false, allowUnionTypes: true });
const validate = ajv.compile(schema);

/** The data marks each kind must draw: not an empty frame. */
const EXPECTED_MARKS: Record<string, string[]> = {
  formation: ['line', 'area'],
  spectrum: ['rect', 'text'],
  maturity: ['line', 'area'],
  network: ['line', 'area'],
  survival: ['line', 'area'],
  difference: ['symbol', 'rule'],
  cost: ['symbol', 'rule'],
};

let run: ChartSource;
let comparison: ChartSource;

beforeAll(() => {
  run = openSource(makeRun('gde-baseline'));
  comparison = openSource(makeComparison());
});

describe.each([...RUN_KINDS, ...COMPARISON_KINDS])('chart kind %s', (kind) => {
  const source = () => ((COMPARISON_KINDS as readonly string[]).includes(kind) ? comparison : run);

  it('builds a spec that validates against the Vega-Lite schema, with a title and a caption', () => {
    const chart = buildChart(source(), kind);
    const ok = validate(chart.spec);
    expect(ok, JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(chart.title.length).toBeGreaterThan(10);
    expect(chart.caption.split(' ').length).toBeGreaterThan(25);
    expect(JSON.stringify(chart.spec)).toContain('DejaVu Sans');
  });

  it('renders to SVG with its data marks drawn, and to a PNG with coloured marks', async () => {
    const chart = buildChart(source(), kind);
    const { svg, marks } = await renderSvg(chart);
    for (const mark of EXPECTED_MARKS[kind]) expect(marks[mark] ?? 0, `${mark} items`).toBeGreaterThan(0);
    expect(svg.startsWith('<svg')).toBe(true);
    // Each expected mark is in the SVG as a group of its role with drawn geometry inside.
    for (const mark of EXPECTED_MARKS[kind]) expect(svg).toMatch(new RegExp(`class="mark-${mark} role-mark[^"]*"[^>]*><(path|text|line)`));
    const png = decodePng(svgToPng(svg, 1));
    expect(png.width).toBeGreaterThan(300);
    expect(png.height).toBeGreaterThan(200);
    // Lines, bands and cells are coloured; an empty frame with axes and text is grey on white.
    expect(colouredShare(png)).toBeGreaterThan(0.001);
  });
});

describe('formats', () => {
  it('writes every format of a chart', async () => {
    const chart = buildChart(run, 'maturity');
    const svg = (await renderAs(chart, 'svg')).content as string;
    const png = (await renderAs(chart, 'png', 2)).content as Buffer;
    const html = (await renderAs(chart, 'html')).content as string;
    const spec = JSON.parse((await renderAs(chart, 'vl.json')).content as string);
    expect(svg).toContain('</svg>');
    expect(decodePng(png).width).toBe(2 * Number(/width="(\d+)"/.exec(svg)?.[1]));
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<figcaption>');
    expect(html).not.toContain('<script');
    expect(spec.$schema).toContain('vega-lite/v6');
    expect(spec.usermeta.lesim.source).toBe(run.dir);
  });
});
