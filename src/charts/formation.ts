import type { RunData, SeriesRow } from '../load/run.js';
import { type Chart, fundingEndLayers, isoDate, runMeta, timeX, topLevel } from './chart.js';
import { dateOfMonth, parameter } from './runInfo.js';
import { fmt, monthLabel, ORIGIN_COLOURS } from './style.js';

const ORIGINS = Object.keys(ORIGIN_COLOURS);
const PANELS = [
  ['formal', 'Formal relationships formed per month'],
  ['informal', 'Informal relationships formed per month'],
] as const;

/** Mean per month, over months [from, to], of the summed mean formations of one formality. */
function monthlyRate(run: RunData, formality: string, from: number, to: number): number {
  const rows = run.series.spectrum.filter((r) => r.keys.measure === 'formations' && r.keys.formality === formality && r.month >= from && r.month <= to);
  const months = to - from + 1;
  return months > 0 ? rows.reduce((s, r) => s + (Number.isFinite(r.mean) ? r.mean : 0), 0) / months : NaN;
}

/**
 * Monthly formations averaged over calendar quarters. Meetings every two, three or six months make
 * the monthly series saw-toothed and unreadable. The band is the mean of the monthly 95% bounds:
 * the standard deviation of a mean of months is at most the mean of their standard deviations
 * (Minkowski), so this band is at least as wide as the exact interval of the quarterly mean (conservative).
 */
function quarterly(rows: readonly SeriesRow[]): Record<string, string | number | null>[] {
  const groups = new Map<string, SeriesRow[]>();
  for (const r of rows) {
    const key = `${r.keys.formality}|${r.keys.origin}|${Math.floor(r.month / 3)}`;
    const list = groups.get(key);
    if (list === undefined) groups.set(key, [r]);
    else list.push(r);
  }
  const avg = (xs: number[]) => (xs.every(Number.isFinite) ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
  return [...groups.values()].map((g) => ({
    date: isoDate(g[0].date),
    formality: g[0].keys.formality,
    origin: g[0].keys.origin,
    months: g.length,
    mean: avg(g.map((r) => r.mean)),
    ci_low: avg(g.map((r) => r.ciLow)),
    ci_high: avg(g.map((r) => r.ciHigh)),
  }));
}

/**
 * (a) Formal versus informal relationship formation per month, by origin, with 95% bands: one
 * panel per formality, so each keeps a readable scale (informal formations outnumber formal ones).
 */
export function formationChart(run: RunData): Chart {
  const rows = run.series.spectrum.filter((r) => r.keys.measure === 'formations' && (r.keys.formality === 'formal' || r.keys.formality === 'informal'));
  // A series that is zero in every month (such as formal relationships of supplier origin) is noise in the legend.
  const drawn = new Set(rows.filter((r) => r.mean !== 0 && Number.isFinite(r.mean)).map((r) => `${r.keys.formality}|${r.keys.origin}`));
  const values = quarterly(rows.filter((r) => drawn.has(`${r.keys.formality}|${r.keys.origin}`)));
  const origins = ORIGINS.filter((o) => values.some((v) => v.origin === o));
  const color = { field: 'origin', type: 'nominal', title: 'Origin', sort: origins, scale: { domain: origins, range: origins.map((o) => ORIGIN_COLOURS[o]) } };
  const start = parameter(run, 'programmeStart_month');
  const last = Math.min(parameter(run, 'fundingEnd_month') - 1, run.manifest.months - 1);
  const formal = monthlyRate(run, 'formal', start, last);
  const informal = monthlyRate(run, 'informal', start, last);
  const reps = run.manifest.replications;
  const title = 'Formal and informal relationships formed, by origin';
  const caption =
    `${run.manifest.scenario.title} (${run.manifest.scenario.name}). Relationships formed per month, averaged over each calendar quarter, ` +
    `mean of ${reps} replication${reps === 1 ? '' : 's'} with shaded 95% confidence bands (conservative: the mean of the monthly bounds), ` +
    `coloured by origin (who brought the relationship about). Top: formal relationships (pairings, blueprint reads, consultancy); ` +
    `bottom: informal ones (personal ties, visits, routed requests). From ${monthLabel(dateOfMonth(run, start))} to ${monthLabel(dateOfMonth(run, last))}, ` +
    `${fmt(informal, 1)} informal and ${fmt(formal, 1)} formal relationships formed per month on average. ` +
    `Lines that are zero throughout are not drawn; communities (periodic relationships) are in the spectrum chart.`;
  // Both panels share one colour domain, so one legend (beside the second panel) serves both.
  const panels = PANELS.map(([formality, panelTitle], i) => ({
    title: { text: panelTitle, fontSize: 13 },
    width: 680,
    height: 190,
    layer: [
      {
        data: { values: values.filter((v) => v.formality === formality) },
        resolve: { legend: { color: 'independent' } },
        layer: [
          { mark: { type: 'area', opacity: 0.18 }, encoding: { x: timeX('Year'), y: { field: 'ci_low', type: 'quantitative', title: 'Relationships formed per month' }, y2: { field: 'ci_high' }, color: { ...color, legend: null } } },
          {
            mark: { type: 'line', strokeWidth: 1.6 },
            encoding: {
              x: timeX('Year'),
              y: { field: 'mean', type: 'quantitative', title: 'Relationships formed per month' },
              color: i === 0 ? { ...color, legend: null } : color,
              tooltip: [{ field: 'date', type: 'temporal', timeUnit: 'utcyearquarter', title: 'Quarter' }, { field: 'origin' }, { field: 'mean', format: '.1f' }, { field: 'ci_low', format: '.1f' }, { field: 'ci_high', format: '.1f' }],
            },
          },
        ],
      },
      ...fundingEndLayers(run),
    ],
  }));
  return { kind: 'formation', title, caption, spec: topLevel(runMeta(run), title, caption, { vconcat: panels, spacing: 24 }) };
}
