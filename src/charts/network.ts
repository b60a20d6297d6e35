import type { RunData } from '../load/run.js';
import { type Chart, runMeta, seriesValues, topLevel } from './chart.js';
import { dateOfMonth, parameter } from './runInfo.js';
import { fmt, monthLabel } from './style.js';
import { timePanel } from './timePanel.js';

/** The measures drawn, with panel titles and y axes that say what the number is. */
const MEASURES: readonly { measure: string; title: string; y: string; format: string }[] = [
  { measure: 'density', title: 'Density', y: 'Share of organization pairs linked', format: '.3f' },
  { measure: 'clustering', title: 'Clustering', y: 'Mean local clustering (0-1)', format: '.2f' },
  { measure: 'largest_component', title: 'Largest component', y: 'Share of organizations', format: '.0%' },
  { measure: 'intermediary_share', title: 'Brokerage by intermediaries', y: 'Intermediary share of ties', format: '.0%' },
];

function at(run: RunData, measure: string, month: number): string {
  const r = run.series.network.find((x) => x.keys.measure === measure && x.month === month);
  if (r === undefined || !Number.isFinite(r.mean)) return 'n/a';
  const pct = measure !== 'density' && measure !== 'clustering';
  const show = (x: number) => (pct ? `${fmt(100 * x, 0)}%` : fmt(x, 3));
  return Number.isFinite(r.ciLow) ? `${show(r.mean)} (95% CI ${show(r.ciLow)} to ${show(r.ciHigh)})` : show(r.mean);
}

/**
 * (d) Network structure over time: density, clustering, the largest component and the share of
 * ties brokered by intermediaries (consultants and the professional network), one panel each.
 */
export function networkChart(run: RunData): Chart {
  const f = Math.min(parameter(run, 'fundingEnd_month') - 1, run.manifest.months - 1);
  const last = run.manifest.months - 1;
  const reps = run.manifest.replications;
  const panels = MEASURES.map((m) =>
    timePanel(run, {
      values: seriesValues(run.series.network.filter((r) => r.keys.measure === m.measure)).filter((v) => v.mean !== null),
      title: m.title,
      yTitle: m.y,
      yFormat: m.format,
      width: 330,
      height: 190,
      zero: true,
    }),
  );
  const title = 'Structure of the organization network';
  const caption =
    `${run.manifest.scenario.title} (${run.manifest.scenario.name}). The network links two organizations when at least one active tie joins them ` +
    `(communities are not links); mean of ${reps} replication${reps === 1 ? '' : 's'} at the end of each month, with shaded 95% confidence bands. ` +
    `Density: share of all pairs linked. Clustering: how often an organization's partners are linked to each other. Largest component: share of organizations ` +
    `in the biggest connected group. Brokerage: share of active ties that intermediaries (consultancy engagements, the professional network) brought about. ` +
    `At the end of ${monthLabel(dateOfMonth(run, f))}: density ${at(run, 'density', f)}, largest component ${at(run, 'largest_component', f)}, intermediary share ${at(run, 'intermediary_share', f)}` +
    (last !== f ? `; at the end of ${monthLabel(dateOfMonth(run, last))}: density ${at(run, 'density', last)}, intermediary share ${at(run, 'intermediary_share', last)}.` : '.');
  const body = { vconcat: [{ hconcat: panels.slice(0, 2), spacing: 40 }, { hconcat: panels.slice(2, 4), spacing: 40 }], spacing: 28 };
  return { kind: 'network', title, caption, spec: topLevel(runMeta(run), title, caption, body) };
}
