import type { RunData } from '../load/run.js';
import { type Chart, runMeta, seriesValues, topLevel } from './chart.js';
import { dateOfMonth, parameter } from './runInfo.js';
import { CATEGORY_COLOURS, fmt, monthLabel } from './style.js';
import { timePanel } from './timePanel.js';

const COHORTS: readonly [string, string][] = [
  ['exemplar', 'Exemplars'],
  ['follower', 'Followers'],
  ['outside', 'Outside the programme'],
];

function outcome(run: RunData, name: string): string {
  const o = run.summary.outcomes[name];
  if (o === undefined || o.mean === null) return 'n/a';
  const ci = o.ci_low !== null && o.ci_high !== null ? ` (95% CI ${fmt(o.ci_low, 3)} to ${fmt(o.ci_high, 3)})` : '';
  return `${fmt(o.mean, 3)}${ci}`;
}

/** "exemplars 0.652 (95% CI ...), ..." for the cohorts with a value. */
function cohortValues(run: RunData, prefix: string): string {
  const names: [string, string][] = [['exemplar', 'exemplars'], ['follower', 'followers'], ['outside', 'outside']];
  return names.map(([key, word]) => [word, outcome(run, `${prefix}_${key}`)]).filter(([, v]) => v !== 'n/a').map(([w, v]) => `${w} ${v}`).join(', ');
}

/** (c) Digital maturity trajectories by cohort: exemplars, followers and organizations outside the programme. */
export function maturityChart(run: RunData): Chart {
  const labels = new Map(COHORTS);
  const values = seriesValues(run.series.maturity.filter((r) => labels.has(r.keys.cohort)))
    .filter((v) => v.mean !== null)
    .map((v) => ({ ...v, cohort: labels.get(String(v.cohort)) ?? '' }));
  const domain = COHORTS.map(([, l]) => l).filter((l) => values.some((v) => v.cohort === l));
  const f = parameter(run, 'fundingEnd_month') - 1;
  const reps = run.manifest.replications;
  const reached = f < run.manifest.months;
  const title = 'Digital maturity by cohort';
  const parts = domain.length < COHORTS.length ? ' Cohorts with no organizations in this scenario are not drawn.' : '';
  const caption =
    `${run.manifest.scenario.title} (${run.manifest.scenario.name}). Mean digital maturity (0 = none, 1 = full capability in all six technology domains) ` +
    `of each cohort at the end of each month, mean of ${reps} replication${reps === 1 ? '' : 's'} with shaded 95% confidence bands.` +
    (reached ? ` When funding ends (${monthLabel(dateOfMonth(run, f))}): ${cohortValues(run, 'maturity_funding_end')}.` : '') +
    ` At the end of the run: ${cohortValues(run, 'maturity_end')}.` +
    parts;
  const panel = timePanel(run, {
    values,
    yTitle: 'Mean digital maturity (0-1)',
    yFormat: '.2f',
    series: { field: 'cohort', title: 'Cohort', domain, range: COHORTS.map((_, i) => CATEGORY_COLOURS[i]).filter((_, i) => values.some((v) => v.cohort === COHORTS[i][1])) },
  });
  return { kind: 'maturity', title, caption, spec: topLevel(runMeta(run), title, caption, panel) };
}
