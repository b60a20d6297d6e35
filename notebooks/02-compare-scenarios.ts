// %% [markdown]
// # Comparing two scenarios: the GDE programme and no programme
//
// This notebook puts the outcomes of two lesim runs side by side and estimates the effect of the
// difference between the scenarios from **paired differences per replicate**. Replicate k of two
// runs made with the same base seed starts from the same set-up draws and the same random
// streams (`docs/outputs.md`, "Reproducing a run"), so the difference between the two replicate
// k's is due to the scenario, not to chance in the set-up: the paired interval is much narrower
// than comparing two independent means would give.
//
// **Which runs.** The environment variables `LESIM_BASELINE` and `LESIM_COMPARE` name the two
// run directories; if they are not set, `out/runs/gde-baseline` and `out/runs/no-programme`
// (relative to this `notebooks/` folder), which `notebooks/run.sh` writes. By hand, from the
// repository root (same `--seed`, `--months` and `--reps` for both):
//
// ```sh
// npm run build
// node dist/cli/main.js run gde-baseline --reps 10 --out notebooks/out/runs/gde-baseline
// node dist/cli/main.js run no-programme --reps 10 --out notebooks/out/runs/no-programme
// ```
//
// The notebook reads only the runs' files (`summary.json`, `replications.csv` and the series
// files), through lesim's loading API (`lesim/load`).

// %%
import { loadRun, type RunData, type SeriesRow } from 'lesim/load';
import { fmt, fmtCi, meanCi, runDir, showChart, showTable, showText } from './lib/notebook.ts';

const base = loadRun(runDir('LESIM_BASELINE', 'out/runs/gde-baseline'));
const other = loadRun(runDir('LESIM_COMPARE', 'out/runs/no-programme'));
const name = (r: RunData) => r.summary.scenario;
await showTable(['', 'baseline', 'compared with'], [
  ['scenario', name(base), name(other)],
  ['title', base.summary.title, other.summary.title],
  ['replications x months', `${base.summary.replications} x ${base.summary.months}`, `${other.summary.replications} x ${other.summary.months}`],
  ['base seed', String(base.summary.base_seed), String(other.summary.base_seed)],
  ['lesim', `${base.manifest.lesim_version} (${base.manifest.git_commit.slice(0, 12)})`, `${other.manifest.lesim_version} (${other.manifest.git_commit.slice(0, 12)})`],
  ['directory', base.dir, other.dir],
]);

// %% [markdown]
// ## Are the runs paired?
//
// Differences are paired only when replicate k of both runs used the same seed and the same
// number of months. Replicates present in one run only (when the runs have different `--reps`)
// are left out. If the runs are not comparable this cell stops with an error that says why.

// %%
if (base.summary.months !== other.summary.months) {
  throw new Error(`The runs have different horizons (${base.summary.months} and ${other.summary.months} months): outcomes taken "at the end" are not comparable. Run both with the same --months.`);
}
const seedOf = (r: RunData) => new Map(r.replications.map((row) => [Number(row.replicate), String(row.seed)]));
const baseSeeds = seedOf(base);
const otherSeeds = seedOf(other);
const pairs = [...baseSeeds.keys()].filter((k) => otherSeeds.has(k)).sort((a, b) => a - b);
const mismatched = pairs.filter((k) => baseSeeds.get(k) !== otherSeeds.get(k));
if (mismatched.length > 0) {
  throw new Error(`Replicate ${mismatched[0]} has seed ${baseSeeds.get(mismatched[0])} in ${base.dir} but ${otherSeeds.get(mismatched[0])} in ${other.dir}: the runs are not paired. Run both with the same --seed.`);
}
if (pairs.length < 2) throw new Error(`Only ${pairs.length} replicate(s) in common: an interval needs at least 2. Run both with --reps 2 or more.`);
await showText(`${pairs.length} paired replicates (k = ${pairs[0]} to ${pairs[pairs.length - 1]}), seeds lesim:${base.summary.base_seed}:k in both runs.`);

// %% [markdown]
// ## Outcomes side by side
//
// Each scenario's column is its `summary.json` entry (mean and 95% interval across its
// replications). The last column is the mean of the paired differences (baseline minus
// compared), with its 95% t interval, from `replications.csv`. An outcome that is undefined in
// a replicate of either run (for example the maturity of exemplars where there is no
// programme) drops that pair, so some rows have no difference.
//
// Maturity is compared over **all** organizations: the cohort "outside the programme" is a
// different set of organizations in the two scenarios (everyone, without a programme).

// %%
interface Outcome {
  readonly key: string;
  readonly label: string;
  readonly unit: string;
}
const OUTCOMES: readonly Outcome[] = [
  { key: 'maturity_end_all', label: 'Digital maturity at the end, all organizations', unit: '0-1' },
  { key: 'maturity_funding_end_exemplar', label: 'Digital maturity when funding ends, exemplars', unit: '0-1' },
  { key: 'informal_formations_programme', label: 'Informal relationships formed in the funded months', unit: 'count' },
  { key: 'formal_formations_programme', label: 'Formal relationships formed in the funded months', unit: 'count' },
  { key: 'informal_active_funding_end', label: 'Informal relationships active when funding ends', unit: 'count' },
  { key: 'periodic_active_funding_end', label: 'Communities active when funding ends', unit: 'count' },
  { key: 'informal_active_end', label: 'Informal relationships active at the end', unit: 'count' },
  { key: 'informal_ties_alive_after_funding', label: 'Informal ties formed while funded, alive 3 years on', unit: 'count' },
  { key: 'outside_orgs_networking_evaluation', label: 'Organizations outside the programme networking by the evaluation', unit: 'share' },
  { key: 'ties_same_grouping_ratio', label: 'Concentration of personal ties within local groupings', unit: 'ratio' },
  { key: 'ties_distance_ratio', label: 'Distance of personal ties relative to all pairs', unit: 'ratio' },
  { key: 'request_routines', label: 'Organizations with a request-handling routine at the end', unit: 'count' },
  { key: 'user_groups_user_driven', label: 'Supplier user groups that became user-driven', unit: 'count' },
  { key: 'spend_consultancy_gbp', label: 'Consultancy fees over the run', unit: 'GBP' },
  { key: 'spend_programme_gbp', label: 'Programme spend over the run', unit: 'GBP' },
];

/** Replicate k's value of an outcome (NaN if undefined). */
const valueOf = (r: RunData, key: string) => {
  const byReplicate = new Map(r.replications.map((row) => [Number(row.replicate), row[key]]));
  return (k: number): number => {
    const v = byReplicate.get(k);
    if (v === undefined) throw new Error(`${r.dir}/replications.csv: no replicate ${k}`);
    if (typeof v !== 'number') throw new Error(`${r.dir}/replications.csv: no numeric column '${key}'`);
    return v;
  };
};
const differences = (key: string): { k: number; d: number }[] => {
  const b = valueOf(base, key);
  const c = valueOf(other, key);
  return pairs.map((k) => ({ k, d: b(k) - c(k) })).filter((x) => Number.isFinite(x.d));
};
const summaryOf = (r: RunData, key: string) => {
  const s = r.summary.outcomes[key];
  if (s === undefined) throw new Error(`${r.dir}/summary.json: no outcome '${key}'`);
  return s;
};

await showTable(
  ['outcome', 'unit', name(base), name(other), `paired difference (${name(base)} − ${name(other)})`, 'pairs'],
  OUTCOMES.map((o) => {
    const b = summaryOf(base, o.key);
    const c = summaryOf(other, o.key);
    const d = meanCi(differences(o.key).map((x) => x.d));
    return [o.label, o.unit, fmtCi(b.mean, b.ci_low, b.ci_high), fmtCi(c.mean, c.ci_low, c.ci_high), fmtCi(d.mean, d.ciLow, d.ciHigh), String(d.n)];
  }),
);

// %% [markdown]
// A check that the two files agree: each run's mean and interval recomputed from
// `replications.csv` match its `summary.json` (which is computed from unrounded values, so they
// may differ in the last of 8 significant digits).

// %%
let checked = 0;
for (const r of [base, other]) {
  for (const o of OUTCOMES) {
    const s = summaryOf(r, o.key);
    const m = meanCi(r.replications.map((row) => row[o.key] as number));
    const close = (a: number | null, b: number) => (a === null ? !Number.isFinite(b) : Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a)));
    if (m.n !== s.n || !close(s.mean, m.mean) || (m.n > 1 && !(close(s.ci_low, m.ciLow) && close(s.ci_high, m.ciHigh)))) {
      throw new Error(`${r.dir}: ${o.key} is ${JSON.stringify(s)} in summary.json but ${JSON.stringify(m)} from replications.csv`);
    }
    checked++;
  }
}
await showText(`${checked} outcome summaries agree between summary.json and replications.csv.`);

// %% [markdown]
// ## The paired differences
//
// One row per outcome, each with its own horizontal scale and unit: the grey dots are the
// replicates' differences, the black dot and bar their mean and 95% interval, the red line no
// difference. An interval clear of the red line is a difference the replications resolve.
// Outcomes with fewer than two defined pairs, and those with no variation (such as programme
// spend, fixed by the scenario), are left out.

// %%
const unitTitle = (unit: string) => (unit === 'count' ? 'count' : unit === 'GBP' ? 'GBP' : unit);
const diffRows: Record<string, string | number>[] = [];
for (const o of OUTCOMES) {
  const ds = differences(o.key);
  const s = meanCi(ds.map((x) => x.d));
  if (s.n < 2 || !(s.sd > 0)) continue;
  const label = `${o.label} (${unitTitle(o.unit)})`;
  for (const x of ds) diffRows.push({ outcome: label, kind: 'replicate', replicate: x.k, value: x.d });
  diffRows.push({ outcome: label, kind: 'mean', value: s.mean, ci_low: s.ciLow, ci_high: s.ciHigh });
}
const shown = [...new Set(diffRows.map((r) => r.outcome as string))];
await showChart({
  title: {
    text: `Paired differences per replicate: ${name(base)} minus ${name(other)}`,
    subtitle: `difference in each outcome's unit; ${pairs.length} pairs sharing seeds; grey: replicates; black: mean and 95% interval; red: no difference`,
  },
  data: { values: diffRows },
  facet: {
    row: {
      field: 'outcome',
      type: 'nominal',
      sort: shown,
      title: null,
      header: { labelAngle: 0, labelOrient: 'top', labelAnchor: 'start', labelFontSize: 12, labelFontWeight: 'bold' },
    },
  },
  spec: {
    width: 520,
    height: 26,
    layer: [
      { mark: { type: 'rule', color: '#c0392b', strokeWidth: 1.5 }, encoding: { x: { datum: 0, type: 'quantitative' } } },
      {
        transform: [{ filter: "datum.kind === 'replicate'" }],
        mark: { type: 'point', filled: true, color: '#999', size: 40, opacity: 0.8 },
        encoding: { x: { field: 'value', type: 'quantitative', scale: { zero: true, nice: true }, title: null } },
      },
      {
        transform: [{ filter: "datum.kind === 'mean'" }],
        mark: { type: 'rule', color: 'black', strokeWidth: 2 },
        encoding: { x: { field: 'ci_low', type: 'quantitative' }, x2: { field: 'ci_high' } },
      },
      {
        transform: [{ filter: "datum.kind === 'mean'" }],
        mark: { type: 'point', filled: true, color: 'black', size: 70 },
        encoding: { x: { field: 'value', type: 'quantitative' } },
      },
    ],
  },
  resolve: { scale: { x: 'independent' } },
  spacing: 14,
});

// %% [markdown]
// ## Over time
//
// The series files give each scenario's mean and 95% interval per month (not per replicate, so
// no paired interval over time). Left: digital maturity of all organizations; right: the mean
// number of other organizations an organization is linked to by at least one active tie.

// %%
const point = (r: RunData, panel: string) => (x: SeriesRow) => ({
  scenario: name(r), panel, month: x.month, date: x.date, day: `${x.date}-01`, mean: x.mean, ci_low: x.ciLow, ci_high: x.ciHigh,
});
const series = (r: RunData) => [
  ...r.series.maturity.filter((x) => x.keys.cohort === 'all').map(point(r, 'maturity')),
  ...r.series.network.filter((x) => x.keys.measure === 'mean_degree').map(point(r, 'degree')),
];
const overTime = [...series(base), ...series(other)];
const SCENARIO_COLOURS = { domain: [name(base), name(other)], range: ['#1f5fa8', '#999999'] };
const panel = (which: string, yTitle: string, title: string) => ({
  title,
  width: 340,
  height: 220,
  transform: [{ filter: `datum.panel === '${which}'` }],
  layer: [
    {
      mark: { type: 'area' as const, opacity: 0.25 },
      encoding: {
        x: { field: 'day', type: 'temporal' as const, scale: { type: 'utc' as const }, axis: { format: '%Y' }, title: 'Month' },
        y: { field: 'ci_low', type: 'quantitative' as const, title: yTitle, scale: { zero: false } },
        y2: { field: 'ci_high' },
        color: { field: 'scenario', type: 'nominal' as const, scale: SCENARIO_COLOURS, title: 'Scenario' },
      },
    },
    {
      mark: { type: 'line' as const, strokeWidth: 1.5 },
      encoding: {
        x: { field: 'day', type: 'temporal' as const, scale: { type: 'utc' as const } },
        y: { field: 'mean', type: 'quantitative' as const },
        color: { field: 'scenario', type: 'nominal' as const, scale: SCENARIO_COLOURS },
      },
    },
  ],
});
await showChart({
  title: {
    text: `${name(base)} and ${name(other)} over time`,
    subtitle: 'mean of the replications (line) and 95% interval (band)',
  },
  data: { values: overTime },
  hconcat: [
    panel('maturity', 'Digital maturity (0-1)', 'Digital maturity, all organizations'),
    panel('degree', 'Organizations linked (mean)', 'Organization network: mean degree'),
  ],
});
const last = base.summary.months - 1;
const at = (r: RunData, which: string) => overTime.find((x) => x.scenario === name(r) && x.panel === which && x.month === last);
await showText(
  `At the last month (${at(base, 'maturity')?.date}): maturity ${fmt(at(base, 'maturity')?.mean, 3)} vs ${fmt(at(other, 'maturity')?.mean, 3)}, ` +
    `mean degree ${fmt(at(base, 'degree')?.mean, 3)} vs ${fmt(at(other, 'degree')?.mean, 3)} (${name(base)} vs ${name(other)}).`,
);
