import type { RunData } from '../load/run.js';
import { type Chart, runMeta, topLevel } from './chart.js';
import { ChartInputError, parameter } from './runInfo.js';
import { fmt, monthLabel, ORIGIN_COLOURS } from './style.js';

const FORMALITIES = ['formal', 'periodic', 'informal'];
const ORIGINS = Object.keys(ORIGIN_COLOURS);

/**
 * Default months of the small multiples: the end of the first year, a year end about halfway
 * through the funded years, the last funded month, and the last month of the run.
 */
export function defaultSpectrumMonths(run: RunData): number[] {
  const last = run.manifest.months - 1;
  const f = parameter(run, 'fundingEnd_month') - 1;
  const candidates = [11, 11 + 12 * Math.floor(Math.max(0, f - 11) / 24), f, last];
  return [...new Set(candidates.filter((m) => m >= 0 && m <= last))].sort((a, b) => a - b);
}

/**
 * (b) The 2D spectrum: relationships active at the end of chosen months, by formality (x) and
 * origin (y), as heatmaps side by side. Each cell gives the mean count and its 95% interval.
 */
export function spectrumChart(run: RunData, at?: readonly number[]): Chart {
  const last = run.manifest.months - 1;
  const months = at !== undefined && at.length > 0 ? [...new Set(at)].sort((a, b) => a - b) : defaultSpectrumMonths(run);
  const bad = months.filter((m) => !Number.isInteger(m) || m < 0 || m > last);
  if (bad.length > 0) throw new ChartInputError(`--at: month(s) ${bad.join(', ')} outside the run; allowed: whole months 0 to ${last}`);
  const f = parameter(run, 'fundingEnd_month') - 1;
  const rows = run.series.spectrum.filter((r) => r.keys.measure === 'active' && months.includes(r.month));
  const panel = (month: number, date: string) => `${monthLabel(date)}${month === f ? ' (funding ends)' : ''}`;
  const values = rows.map((r) => ({
    month: r.month,
    panel: panel(r.month, r.date),
    formality: r.keys.formality,
    origin: r.keys.origin,
    mean: Number.isFinite(r.mean) ? r.mean : null,
    label: fmt(r.mean, r.mean < 10 ? 1 : 0),
    interval: Number.isFinite(r.ciLow) ? `${fmt(r.ciLow, r.ciLow < 10 ? 1 : 0)}–${fmt(r.ciHigh, r.ciHigh < 10 ? 1 : 0)}` : '',
  }));
  const panels = [...new Set(months.map((m) => values.find((v) => v.month === m)?.panel ?? ''))];
  const total = (m: number, formality: string) => rows.filter((r) => r.month === m && r.keys.formality === formality).reduce((s, r) => s + (Number.isFinite(r.mean) ? r.mean : 0), 0);
  const lastMonth = months[months.length - 1];
  const maxValue = Math.max(1, ...values.map((v) => v.mean ?? 0));
  const reps = run.manifest.replications;
  const title = 'The 2D spectrum: active relationships by formality and origin';
  const caption =
    `${run.manifest.scenario.title} (${run.manifest.scenario.name}). Relationships active at the end of each month shown, ` +
    `by formality (columns, formal to informal) and origin (rows, from external to internal); each cell gives the mean count over ${reps} ` +
    `replication${reps === 1 ? '' : 's'} and, below it, its 95% confidence interval. Colour follows the mean on a symmetric-log scale so that small cells stay visible. ` +
    `A tie counts once; a community (learning network, community of practice, user group) counts once whatever its size. ` +
    `At the end of ${panels[panels.length - 1]}: ${fmt(total(lastMonth, 'informal'))} informal, ${fmt(total(lastMonth, 'periodic'))} periodic and ${fmt(total(lastMonth, 'formal'))} formal relationships.`;
  const x = { field: 'formality', type: 'ordinal', sort: FORMALITIES, title: 'Formality', axis: { labelAngle: 0, orient: 'top' } };
  const y = { field: 'origin', type: 'ordinal', sort: ORIGINS, title: 'Origin' };
  const dark = `datum.mean > ${maxValue * 0.18}`;
  const body = {
    data: { values },
    facet: { column: { field: 'panel', type: 'ordinal', sort: panels, title: null, header: { labelFontSize: 13, labelPadding: 8 } } },
    spacing: 16,
    spec: {
      width: 3 * 74,
      height: 5 * 46,
      encoding: { x, y },
      layer: [
        {
          mark: { type: 'rect', stroke: 'white', strokeWidth: 1 },
          encoding: {
            color: { field: 'mean', type: 'quantitative', title: ['Active', 'relationships'], scale: { type: 'symlog', scheme: 'blues', domain: [0, maxValue] }, legend: { gradientLength: 200 } },
            tooltip: [{ field: 'panel', title: 'Month' }, { field: 'formality' }, { field: 'origin' }, { field: 'label', title: 'mean' }, { field: 'interval', title: '95% CI' }],
          },
        },
        { mark: { type: 'text', fontSize: 12, fontWeight: 'bold', dy: -6 }, encoding: { text: { field: 'label' }, color: { condition: { test: dark, value: 'white' }, value: '#222' } } },
        { mark: { type: 'text', fontSize: 9, dy: 9 }, encoding: { text: { field: 'interval' }, color: { condition: { test: dark, value: 'white' }, value: '#444' } } },
      ],
    },
  };
  return { kind: 'spectrum', title, caption, spec: topLevel(runMeta(run), title, caption, body) };
}
