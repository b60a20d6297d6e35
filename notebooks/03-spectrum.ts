// %% [markdown]
// # The 2D spectrum over time: formality x origin
//
// Every relationship in lesim sits on a two-dimensional spectrum: its **formality** (formal,
// periodic, informal) and its **origin**, from external to internal (policy, supplier,
// intermediary, provider, individual). This notebook shows how the relationships active at the
// end of a month are spread over the spectrum at a few chosen months, and how the share that is
// informal changes over time within each origin.
//
// **Which run.** The run directory is taken from the environment variable `LESIM_RUN`; if it is
// not set, from `out/runs/gde-baseline` (relative to this `notebooks/` folder), which
// `notebooks/run.sh` writes (see `01-formal-informal.ipynb` for making one by hand).
// **Which months.** `LESIM_MONTHS`, a comma-separated list of model months (month 0 = January
// of the start year), chooses the heatmaps' months; by default: the end of the programme's
// first year, midway through the funded years, the last funded month and the last month.
//
// The notebook reads only `spectrum.csv` and `manifest.json`, through lesim's loading API
// (`lesim/load`).

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
const FORMALITIES = ['formal', 'periodic', 'informal'];
const ORIGINS = ['policy', 'supplier', 'intermediary', 'provider', 'individual'];
const last = summary.months - 1;
const start = param('programmeStart_month');
const fundedTo = Math.min(param('fundingEnd_month') - 1, last);

const requested = Deno.env.get('LESIM_MONTHS');
const months = requested
  ? requested.split(',').map((s) => {
    const m = Number(s.trim());
    if (!Number.isInteger(m) || m < 0 || m > last) throw new Error(`LESIM_MONTHS: '${s}' is not a month of this run (a whole number from 0 to ${last})`);
    return m;
  })
  : [...new Set([Math.min(start + 11, last), Math.round((start + fundedTo) / 2), fundedTo, last])].sort((a, b) => a - b);

const active = run.series.spectrum.filter((r) => r.keys.measure === 'active');
const dateOf = (m: number) => active.find((r) => r.month === m)?.date ?? String(m);
await showText(`${summary.scenario}, ${summary.replications} replications x ${summary.months} months; heatmap months: ${months.map((m) => `${m} (${dateOf(m)})`).join(', ')}`);

// %% [markdown]
// ## Active relationships on the spectrum at chosen months
//
// Each cell is the mean number of relationships of that formality and origin active at the end
// of the month (a community counts once). The colour scale is symmetric-logarithmic, so that the
// few formal and periodic relationships stay visible next to the many informal ties; the number
// in the cell is the mean.

// %%
const cells = tidy(active.filter((r) => months.includes(r.month))).map((r): Record<string, string | number> => ({
  ...r,
  label: `${dateOf(r.month as number)} (month ${r.month})`,
  text: fmt(r.mean as number, 3),
}));
const maxMean = Math.max(...cells.map((c) => c.mean as number));
await showChart({
  title: {
    text: 'Active relationships on the 2D spectrum (formality x origin)',
    subtitle: `${summary.scenario}, mean over ${summary.replications} replications, at the end of the month shown above each panel`,
  },
  data: { values: cells },
  facet: { field: 'label', type: 'ordinal', sort: months.map((m) => `${dateOf(m)} (month ${m})`), title: null },
  columns: 4,
  spec: {
    width: 170,
    height: 170,
    encoding: {
      x: { field: 'formality', type: 'ordinal', sort: FORMALITIES, title: 'Formality', axis: { labelAngle: 0 } },
      y: { field: 'origin', type: 'ordinal', sort: ORIGINS, title: 'Origin (external to internal)' },
    },
    layer: [
      {
        mark: { type: 'rect', stroke: 'white' },
        encoding: {
          color: { field: 'mean', type: 'quantitative', scale: { type: 'symlog', scheme: 'blues' }, title: ['Active', '(count)'] },
        },
      },
      {
        mark: { type: 'text', fontSize: 11 },
        encoding: {
          text: { field: 'text', type: 'nominal' },
          color: { condition: { test: `datum.mean > ${Math.sqrt(maxMean)}`, value: 'white' }, value: 'black' },
        },
      },
    ],
  },
});

// %% [markdown]
// The same numbers with their 95% intervals, for the cells that are ever non-zero at these
// months:

// %%
const nonZero = (f: string, o: string) => cells.some((c) => c.formality === f && c.origin === o && (c.mean as number) > 0);
const rows: string[][] = [];
for (const f of FORMALITIES) {
  for (const o of ORIGINS) {
    if (!nonZero(f, o)) continue;
    rows.push([f, o, ...months.map((m) => {
      const c = cells.find((x) => x.month === m && x.formality === f && x.origin === o);
      return c ? fmtCi(c.mean as number, c.ci_low as number, c.ci_high as number) : '–';
    })]);
  }
}
await showTable(['formality', 'origin', ...months.map(dateOf)], rows);

// %% [markdown]
// ## Share informal, by origin, over time
//
// For each origin, the share of its active relationships that are informal: the mean informal
// count divided by the mean count over all three formalities (a ratio of means across the
// replications; the series files hold no per-replicate values, so there is no interval). An
// origin with no active relationships in a month has no share then.

// %%
const mean = new Map(active.map((r) => [`${r.month}/${r.keys.formality}/${r.keys.origin}`, r.mean]));
const share: { month: number; day: string; origin: string; share: number; total: number }[] = [];
for (let m = 0; m <= last; m++) {
  for (const o of ORIGINS) {
    const total = FORMALITIES.reduce((a, f) => a + (mean.get(`${m}/${f}/${o}`) ?? 0), 0);
    if (total > 0) share.push({ month: m, day: `${dateOf(m)}-01`, origin: o, share: (mean.get(`${m}/informal/${o}`) ?? 0) / total, total });
  }
}
const fundingEnd = param('fundingEnd_month');
await showChart({
  title: {
    text: 'Share of active relationships that are informal, by origin',
    subtitle: `${summary.scenario}, ratio of means over ${summary.replications} replications` +
      (fundingEnd <= last ? '; dashed line: national funding ends' : ''),
  },
  data: { values: share },
  width: 560,
  height: 260,
  layer: [
    {
      mark: { type: 'line', strokeWidth: 1.6 },
      encoding: {
        x: { field: 'day', type: 'temporal', scale: { type: 'utc' }, axis: { format: '%Y' }, title: 'Month' },
        y: { field: 'share', type: 'quantitative', axis: { format: '%' }, scale: { domain: [0, 1] }, title: 'Informal share (%)' },
        color: { field: 'origin', type: 'nominal', sort: ORIGINS, title: 'Origin' },
      },
    },
    ...(fundingEnd <= last
      ? [{
        mark: { type: 'rule' as const, strokeDash: [4, 3], color: '#555' },
        encoding: { x: { datum: { year: Number(dateOf(fundingEnd).slice(0, 4)), month: Number(dateOf(fundingEnd).slice(5, 7)), date: 1, utc: true }, type: 'temporal' as const } },
      }]
      : []),
  ],
});
const at = (m: number, o: string) => share.find((s) => s.month === m && s.origin === o);
await showTable(
  ['origin', ...months.map(dateOf)],
  ORIGINS.filter((o) => share.some((s) => s.origin === o)).map((o) => [
    o,
    ...months.map((m) => {
      const s = at(m, o);
      return s ? `${fmt(100 * s.share, 3)}% of ${fmt(s.total, 3)}` : '–';
    }),
  ]),
);

// %% [markdown]
// What to look for: where the programme runs, policy-origin relationships start formal
// (pairings; blueprint reads are one-offs and never active) and periodic (learning networks),
// and the informal ties made in pairing work and at network meetings add up over the funded
// years; pairings end with the funding, so the policy row turns informal then. Individual-origin
// relationships are always informal (personal ties, former colleagues); the supplier row is
// informal apart from the suppliers' user groups (periodic), some of which move to the provider
// row as users take them over. `01-formal-informal.ipynb` shows the monthly formations behind
// these stocks.
