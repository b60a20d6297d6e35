// %% [markdown]
// # Formal and informal relationship formation, by origin
//
// This notebook loads one lesim run and charts how many **formal** and **informal**
// relationships between organizations form each month, by the **origin** of the relationship
// (policy, supplier, intermediary, provider, individual), with the 95% interval across
// replications. It then gives a few numbers for the funded years and after.
//
// **Which run.** The run directory is taken from the environment variable `LESIM_RUN`; if it is
// not set, from `out/runs/gde-baseline` (relative to this `notebooks/` folder), which
// `notebooks/run.sh` writes. To make a run by hand, from the repository root:
//
// ```sh
// npm run build
// node dist/cli/main.js run gde-baseline --reps 10 --out notebooks/out/runs/gde-baseline
// ```
//
// The notebook reads only the run's files, through lesim's loading API (`lesim/load`; see
// `notebooks/README.md`). Every column is described in `docs/outputs.md`.

// %%
import { loadRun, tidy } from 'lesim/load';
import { fmt, fmtCi, runDir, showChart, showTable, showText } from './lib/notebook.ts';

const run = loadRun(runDir('LESIM_RUN', 'out/runs/gde-baseline'));
const { manifest, summary } = run;
const param = (name: string): number => {
  const p = manifest.parameters[name];
  if (p === undefined) throw new Error(`${run.dir}/manifest.json: no parameter '${name}'`);
  return p.value;
};
// Month m is the calendar month `date` (YYYY-MM); its first day is its place on time axes.
type Row = Record<string, string | number>;
const day = (date: string): string => `${date}-01`;
const withDay = (r: Row): Row => ({ ...r, day: day(String(r.date)) });
const dateOf = (month: number): string => {
  const first = run.series.spectrum.find((r) => r.month === month);
  if (first === undefined) throw new Error(`month ${month} is not in ${run.dir}/spectrum.csv`);
  return first.date;
};
const programmeStart = param('programmeStart_month');
const fundingEnd = param('fundingEnd_month');
const fundedToMonth = Math.min(fundingEnd - 1, summary.months - 1);

await showTable(['', ''], [
  ['scenario', `${summary.scenario}: ${summary.title}`],
  ['replications x months', `${summary.replications} x ${summary.months} (base seed ${summary.base_seed})`],
  ['programme funded', `${dateOf(programmeStart)} to ${dateOf(fundedToMonth)} (months ${programmeStart} to ${fundedToMonth})`],
  ['lesim', `${manifest.lesim_version}, commit ${manifest.git_commit}, ${manifest.node_version}`],
  ['run directory', run.dir],
]);

// %% [markdown]
// ## Formations per month
//
// `spectrum.csv` gives, for every month, the relationships **formed** in that month on each cell
// of the 2D spectrum (formality x origin): the mean over the replications and its 95% interval.
// Formal relationships are programme pairings, blueprint reads and consultancy engagements;
// informal ones are personal ties between people of different organizations, site and pilot
// visits and routed requests (one-offs count once, in the month they happen). Cells that stay at
// zero for the whole run (such as formal relationships of supplier origin) are left out.

// %%
const ORIGINS = ['policy', 'supplier', 'intermediary', 'provider', 'individual'];
const spectrum = tidy(run.series.spectrum);
const formations = spectrum.filter((r) => r.measure === 'formations' && (r.formality === 'formal' || r.formality === 'informal'));
const everNonZero = new Set(formations.filter((r) => (r.mean as number) > 0).map((r) => `${r.formality}/${r.origin}`));
const formationRows = formations
  .filter((r) => everNonZero.has(`${r.formality}/${r.origin}`))
  .map(withDay);
const originsShown = ORIGINS.filter((o) => formationRows.some((r) => r.origin === o));
await showText(`${formationRows.length} rows: ${[...everNonZero].sort().join(', ')}`);

// %%
// National funding ends at the start of month `fundingEnd_month` (drawn as a dashed line, if the
// run gets that far).
const fundingEndRule = fundingEnd < summary.months
  ? [{
    mark: { type: 'rule' as const, strokeDash: [4, 3], color: '#555' },
    encoding: { x: { datum: { year: Number(dateOf(fundingEnd).slice(0, 4)), month: Number(dateOf(fundingEnd).slice(5, 7)), date: 1, utc: true }, type: 'temporal' as const } },
  }]
  : [];
const FORMALITY_COLOURS = { domain: ['formal', 'informal'], range: ['#1f5fa8', '#e6731c'] };
await showChart({
  title: {
    text: 'Relationships formed per month: formal and informal, by origin',
    subtitle: `${summary.scenario}, mean of ${summary.replications} replications (line) and 95% interval (band)` +
      (fundingEndRule.length > 0 ? '; dashed line: national funding ends' : ''),
  },
  data: { values: formationRows },
  facet: { field: 'origin', type: 'nominal', sort: originsShown, title: 'Origin of the relationship' },
  columns: 3,
  spec: {
    width: 260,
    height: 180,
    layer: [
      {
        mark: { type: 'area', opacity: 0.2 },
        encoding: {
          x: { field: 'day', type: 'temporal', scale: { type: 'utc' }, axis: { format: '%Y' }, title: 'Month' },
          y: { field: 'ci_low', type: 'quantitative', title: 'Formed (per month)' },
          y2: { field: 'ci_high' },
          color: { field: 'formality', type: 'nominal', scale: FORMALITY_COLOURS, title: 'Formality' },
        },
      },
      {
        mark: { type: 'line', strokeWidth: 1.3 },
        encoding: {
          x: { field: 'day', type: 'temporal', scale: { type: 'utc' } },
          y: { field: 'mean', type: 'quantitative' },
          color: { field: 'formality', type: 'nominal', scale: FORMALITY_COLOURS },
        },
      },
      ...fundingEndRule,
    ],
  },
});

// %% [markdown]
// All panels share one vertical scale, so origins can be compared directly. Informal formations
// come in spikes where communities meet (ties made at meetings). With few replications the
// bands are wide and can dip below zero: the interval is mean ± t·sd/√n and is not truncated
// (see `docs/outputs.md`).
//
// ## A few numbers
//
// The outcomes in `summary.json` are computed per replication and then summarised, so their
// intervals are exact for the quantity shown. The funded months run from the programme's start
// to the month before national funding ends.

// %%
const o = summary.outcomes;
const row = (label: string, key: string): string[] => {
  const s = o[key];
  if (s === undefined) throw new Error(`${run.dir}/summary.json: no outcome '${key}'`);
  return [label, fmtCi(s.mean, s.ci_low, s.ci_high), String(s.n)];
};
await showTable(['outcome (count of relationships)', 'mean (95% CI)', 'replications'], [
  row('informal relationships formed in the funded months', 'informal_formations_programme'),
  row('formal relationships formed in the funded months', 'formal_formations_programme'),
  row('informal relationships formed over the whole run', 'informal_formations_total'),
  row('informal relationships active when funding ends', 'informal_active_funding_end'),
  row('formal relationships active when funding ends', 'formal_active_funding_end'),
  row('periodic relationships (communities) active when funding ends', 'periodic_active_funding_end'),
  row('informal relationships active at the end of the run', 'informal_active_end'),
  row('informal ties formed while funded and still alive at the survival month', 'informal_ties_alive_after_funding'),
]);

// %% [markdown]
// Where formations came from, by origin: the sum over the funded months of the monthly means
// (a sum of means is the mean of the sums, so these are mean totals per replication; the
// series files do not give their intervals), and each origin's share of its formality.

// %%
const funded = spectrum.filter((r) => r.measure === 'formations' && (r.month as number) >= programmeStart && (r.month as number) <= fundedToMonth);
const totals = new Map<string, number>();
for (const r of funded) totals.set(`${r.formality}/${r.origin}`, (totals.get(`${r.formality}/${r.origin}`) ?? 0) + (r.mean as number));
const byFormality = (f: string) => ORIGINS.reduce((a, orig) => a + (totals.get(`${f}/${orig}`) ?? 0), 0);
const allFormed = ['formal', 'periodic', 'informal'].reduce((a, f) => a + byFormality(f), 0);
await showTable(
  ['origin', 'formal formed', 'share of formal', 'informal formed', 'share of informal'],
  ORIGINS.map((orig) => {
    const formal = totals.get(`formal/${orig}`) ?? 0;
    const informal = totals.get(`informal/${orig}`) ?? 0;
    return [orig, fmt(formal), `${fmt(100 * formal / byFormality('formal'), 3)}%`, fmt(informal), `${fmt(100 * informal / byFormality('informal'), 3)}%`];
  }),
);
await showText(
  `Funded months ${dateOf(programmeStart)} to ${dateOf(fundedToMonth)}: ${fmt(allFormed)} relationships formed per replication on average, ` +
    `${fmt(100 * byFormality('informal') / allFormed, 3)}% informal, ${fmt(100 * byFormality('formal') / allFormed, 3)}% formal, ` +
    `${fmt(100 * byFormality('periodic') / allFormed, 3)}% periodic (communities).`,
);

// %% [markdown]
// ## Active relationships
//
// Formations are a flow; the stock is the relationships **active** (formed and not ended) at
// the end of each month. One-offs never count here: they end in the month they form. A
// community counts once, whatever its number of members.

// %%
const active = spectrum
  .filter((r) => r.measure === 'active' && (r.formality === 'formal' || r.formality === 'informal'))
  .filter((r) => spectrum.some((s) => s.measure === 'active' && s.formality === r.formality && s.origin === r.origin && (s.mean as number) > 0))
  .map(withDay);
await showChart({
  title: {
    text: 'Active relationships at month end, by origin',
    subtitle: `${summary.scenario}, mean of ${summary.replications} replications (line) and 95% interval (band)` +
      (fundingEndRule.length > 0 ? '; dashed line: national funding ends' : ''),
  },
  data: { values: active },
  facet: { column: { field: 'formality', type: 'nominal', sort: ['formal', 'informal'], title: 'Formality' } },
  spec: {
    width: 330,
    height: 240,
    layer: [
      {
        mark: { type: 'area', opacity: 0.2 },
        encoding: {
          x: { field: 'day', type: 'temporal', scale: { type: 'utc' }, axis: { format: '%Y' }, title: 'Month' },
          y: { field: 'ci_low', type: 'quantitative', title: 'Active (count at month end)' },
          y2: { field: 'ci_high' },
          color: { field: 'origin', type: 'nominal', sort: ORIGINS, title: 'Origin' },
        },
      },
      {
        mark: { type: 'line', strokeWidth: 1.5 },
        encoding: {
          x: { field: 'day', type: 'temporal', scale: { type: 'utc' } },
          y: { field: 'mean', type: 'quantitative' },
          color: { field: 'origin', type: 'nominal', sort: ORIGINS },
        },
      },
      ...fundingEndRule,
    ],
  },
  resolve: { scale: { y: 'independent' } },
});

// %% [markdown]
// The two panels have their own vertical scales: informal ties far outnumber formal
// relationships. Formal relationships of policy origin (pairings) end when national funding ends; the
// informal ties they seeded can outlive them. `03-spectrum.ipynb` shows the whole 2D spectrum
// over time, and `02-compare-scenarios.ipynb` compares this run with a counterfactual.
