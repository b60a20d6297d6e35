import type { TopLevelSpec } from 'vega-lite';
import type { RunData } from '../load/run.js';
import { dateOfMonth, parameter } from './runInfo.js';
import { CONFIG, wrap } from './style.js';

/** A chart ready to render: its Vega-Lite spec, and its title and caption in words. */
export interface Chart {
  readonly kind: string;
  readonly title: string;
  /** What the chart shows, in plain language, with the run's key numbers. */
  readonly caption: string;
  readonly spec: TopLevelSpec;
}

/** Options some chart kinds take (ignored by the others). */
export interface ChartOptions {
  /** Months of the spectrum heatmap's small multiples. */
  readonly at?: readonly number[];
  /**
   * Outcomes of the comparison charts: 'headline' (the default: those lesim compare prints),
   * 'all', or a list of outcome names.
   */
  readonly outcomes?: 'headline' | 'all' | readonly string[];
  /** The two swept parameters of a sweep heatmap (default: the first two of the sweep). */
  readonly parameters?: readonly string[];
}

/** Calendar date of a YYYY-MM label, as Vega reads it (parsed as UTC). */
export const isoDate = (yyyyMm: string): string => `${yyyyMm}-01`;

/** The time axis of the monthly series: calendar months, labelled by year. */
export function timeX(title = 'Month'): Record<string, unknown> {
  return { field: 'date', type: 'temporal', timeUnit: 'utcyearmonth', title, axis: { format: '%Y', labelAngle: 0, tickCount: { interval: 'year', step: 1 } } };
}

/**
 * A dashed rule at the month national funding ends, labelled, when the run reaches it: most
 * questions are about before and after that month.
 */
export function fundingEndLayers(run: RunData): Record<string, unknown>[] {
  const end = parameter(run, 'fundingEnd_month');
  if (end >= run.manifest.months) return [];
  const date = isoDate(dateOfMonth(run, end));
  return [
    { data: { values: [{ date, label: 'Funding ends' }] }, mark: { type: 'rule', strokeDash: [5, 4], color: '#555' }, encoding: { x: { field: 'date', type: 'temporal', timeUnit: 'utcyearmonth' } } },
    {
      data: { values: [{ date, label: 'Funding ends' }] },
      mark: { type: 'text', align: 'left', baseline: 'top', dx: 4, dy: 4, fontSize: 11, color: '#333' },
      encoding: { x: { field: 'date', type: 'temporal', timeUnit: 'utcyearmonth' }, y: { value: 0 }, text: { field: 'label' } },
    },
  ];
}

/** The top-level wrapper every chart shares: schema, font, title with the caption as subtitle, provenance. */
export function topLevel(run: { dir: string; version?: string; commit?: string } | undefined, title: string, caption: string, body: Record<string, unknown>): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: `${title}. ${caption}`,
    title: { text: title, subtitle: wrap(caption, 110) },
    config: CONFIG,
    ...body,
    usermeta: { lesim: { source: run?.dir, lesim_version: run?.version, git_commit: run?.commit } },
  } as unknown as TopLevelSpec;
}

/** Provenance of a run for a spec's usermeta. */
export function runMeta(run: RunData): { dir: string; version: string; commit: string } {
  return { dir: run.dir, version: run.manifest.lesim_version, commit: run.manifest.git_commit };
}

/** Rows of a series with keys spread, the month's date as an ISO date, and NaN statistics left out. */
export function seriesValues(rows: readonly { month: number; date: string; keys: Readonly<Record<string, string>>; mean: number; ciLow: number; ciHigh: number; n: number }[]): Record<string, string | number | null>[] {
  return rows.map((r) => ({
    month: r.month,
    date: isoDate(r.date),
    ...r.keys,
    mean: Number.isFinite(r.mean) ? r.mean : null,
    ci_low: Number.isFinite(r.ciLow) ? r.ciLow : null,
    ci_high: Number.isFinite(r.ciHigh) ? r.ciHigh : null,
    n: r.n,
  }));
}
