import type { RunData } from '../load/run.js';
import { binRows, cycleBins } from './binning.js';
import { type Chart, fundingEndLayers, isoDate, runMeta, timeX, topLevel } from './chart.js';
import { dateOfMonth, parameter } from './source.js';
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
 * (a) Formal versus informal relationship formation per month, by origin, with 95% bands: one
 * panel per formality, so each keeps a readable scale (informal formations outnumber formal ones).
 */
export function formationChart(run: RunData): Chart {
  const rows = run.series.spectrum.filter((r) => r.keys.measure === 'formations' && (r.keys.formality === 'formal' || r.keys.formality === 'informal'));
  // A series that is zero in every month (such as formal relationships of supplier origin) is noise in the legend.
  const drawn = new Set(rows.filter((r) => r.mean !== 0 && Number.isFinite(r.mean)).map((r) => `${r.keys.formality}|${r.keys.origin}`));
  const bins = cycleBins(run);
  const values = binRows(
    rows.filter((r) => drawn.has(`${r.keys.formality}|${r.keys.origin}`)),
    bins.months,
    (r) => `${r.keys.formality}|${r.keys.origin}`,
  ).map((b) => ({ date: isoDate(dateOfMonth(run, b.middle)), formality: b.first.keys.formality, origin: b.first.keys.origin, months: b.months, from: b.first.date, mean: b.mean, ci_low: b.ciLow, ci_high: b.ciHigh }));
  const origins = ORIGINS.filter((o) => values.some((v) => v.origin === o));
  const color = { field: 'origin', type: 'nominal', title: 'Origin', sort: origins, scale: { domain: origins, range: origins.map((o) => ORIGIN_COLOURS[o]) } };
  const start = parameter(run, 'programmeStart_month');
  const last = Math.min(parameter(run, 'fundingEnd_month') - 1, run.manifest.months - 1);
  const formal = monthlyRate(run, 'formal', start, last);
  const informal = monthlyRate(run, 'informal', start, last);
  const reps = run.manifest.replications;
  const title = 'Formal and informal relationships formed, by origin';
  const caption =
    `${run.manifest.scenario.title} (${run.manifest.scenario.name}). Relationships formed per month, mean of ${reps} replication${reps === 1 ? '' : 's'}. ` +
    `${bins.caption} Each point is drawn at the middle of its bin, with a shaded 95% confidence band (conservative: the mean of the monthly bounds), ` +
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
              tooltip: [{ field: 'from', title: 'Bin starts' }, { field: 'months', title: 'Months' }, { field: 'origin' }, { field: 'mean', format: '.1f' }, { field: 'ci_low', format: '.1f' }, { field: 'ci_high', format: '.1f' }],
            },
          },
        ],
      },
      ...fundingEndLayers(run),
    ],
  }));
  return { kind: 'formation', title, caption, spec: topLevel(runMeta(run), title, caption, { vconcat: panels, spacing: 24 }) };
}
