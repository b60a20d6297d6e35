import type { RunData } from '../load/run.js';
import { fundingEndLayers, timeX } from './chart.js';

export interface TimePanelOptions {
  readonly values: readonly Record<string, unknown>[];
  readonly title?: string;
  readonly yTitle: string;
  /** Series field and its colours, or undefined for a single series. */
  readonly series?: { readonly field: string; readonly title: string; readonly domain: readonly string[]; readonly range: readonly string[] };
  readonly yFormat?: string;
  readonly width?: number;
  readonly height?: number;
  readonly zero?: boolean;
}

/** A monthly series as a line over its shaded 95% band, with the funding-end rule: the building block of the time charts. */
export function timePanel(run: RunData, o: TimePanelOptions): Record<string, unknown> {
  const color = o.series ? { field: o.series.field, type: 'nominal', title: o.series.title, sort: o.series.domain, scale: { domain: o.series.domain, range: o.series.range } } : undefined;
  const y = { type: 'quantitative', title: o.yTitle, scale: { zero: o.zero ?? false }, axis: o.yFormat ? { format: o.yFormat } : {} };
  const single = '#0072B2';
  return {
    ...(o.title ? { title: { text: o.title, fontSize: 13 } } : {}),
    width: o.width ?? 680,
    height: o.height ?? 260,
    layer: [
      {
        data: { values: o.values },
        // The band's colour has no legend; the line's legend alone shows solid colours.
        resolve: { legend: { color: 'independent' } },
        layer: [
          {
            mark: { type: 'area', opacity: 0.18, ...(color ? {} : { color: single }) },
            encoding: { x: timeX('Year'), y: { ...y, field: 'ci_low' }, y2: { field: 'ci_high' }, ...(color ? { color: { ...color, legend: null } } : {}) },
          },
          {
            mark: { type: 'line', strokeWidth: 1.8, ...(color ? {} : { color: single }) },
            encoding: {
              x: timeX('Year'),
              y: { ...y, field: 'mean' },
              ...(color ? { color } : {}),
              tooltip: [
                { field: 'date', type: 'temporal', timeUnit: 'utcyearmonth', title: 'Month' },
                ...(o.series ? [{ field: o.series.field }] : []),
                { field: 'mean', format: ',.3~r' },
                { field: 'ci_low', format: ',.3~r' },
                { field: 'ci_high', format: ',.3~r' },
              ],
            },
          },
        ],
      },
      ...fundingEndLayers(run),
    ],
  };
}
