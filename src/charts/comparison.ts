import type { TopLevelSpec } from 'vega-lite';
import { HEADLINE_OUTCOMES } from '../compare/table.js';
import { type Chart, type ChartOptions, topLevel } from './chart.js';
import { ChartInputError, type ComparisonRow, type ComparisonSource } from './source.js';
import { COST_STEPS } from '../compare/labels.js';
import { outcomeLabel } from '../compare/table.js';
import { AXIS_FORMAT, estimate, gbp, gbpScale, signed, significant } from '../format/number.js';
import { CATEGORY_COLOURS, fmt } from './style.js';

/** Outcomes by the names readers use (src/compare/labels.ts), in panel titles. */
export { outcomeLabel } from '../compare/table.js';

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

interface Interval {
  readonly scenario: string;
  readonly mean: number | null;
  readonly low: number | null;
  readonly high: number | null;
  readonly text: string;
}

/** One panel per outcome: each scenario's point estimate with its interval, and a reference rule at zero. */
function intervalPanel(title: string, xTitle: string, values: readonly Interval[], scenarios: readonly string[], zeroRule: boolean, xFormat = AXIS_FORMAT): Record<string, unknown> {
  const color = { field: 'scenario', type: 'nominal', title: 'Scenario', sort: scenarios, scale: { domain: scenarios, range: scenarios.map((_, i) => CATEGORY_COLOURS[i % CATEGORY_COLOURS.length]) } };
  const y = { field: 'scenario', type: 'nominal', sort: scenarios, title: null, axis: { labelLimit: 220 } };
  return {
    title: { text: title, fontSize: 13, anchor: 'start' },
    width: 520,
    height: { step: 32 },
    layer: [
      ...(zeroRule ? [{ data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: '#555', strokeDash: [4, 3] }, encoding: { x: { field: 'zero', type: 'quantitative' } } }] : []),
      {
        data: { values },
        layer: [
          { mark: { type: 'rule', strokeWidth: 2 }, encoding: { y, x: { field: 'low', type: 'quantitative', title: xTitle, scale: { zero: zeroRule, padding: 40 }, axis: { tickCount: 5, format: xFormat } }, x2: { field: 'high' }, color: { ...color, legend: null } } },
          { mark: { type: 'point', filled: true, size: 70 }, encoding: { y, x: { field: 'mean', type: 'quantitative', title: xTitle }, color, tooltip: [{ field: 'scenario' }, { field: 'text', title: 'estimate (95% CI)' }] } },
          { mark: { type: 'text', align: 'center', dy: -10, fontSize: 10, color: '#333' }, encoding: { y, x: { field: 'mean', type: 'quantitative' }, text: { field: 'text' } } },
        ],
      },
    ],
  };
}

/**
 * The rows of the chosen outcomes. A comparison holds some 60 outcomes; one panel each makes a
 * chart taller than anyone reads, so the default is the headline ones lesim compare prints.
 */
export function selectOutcomes(source: ComparisonSource, choice: ChartOptions['outcomes'] = 'headline'): ComparisonRow[] {
  if (choice === 'all') return [...source.rows];
  const wanted = choice === 'headline' ? (HEADLINE_OUTCOMES as readonly string[]) : choice;
  const present = new Set(source.rows.map((r) => r.outcome));
  const unknown = wanted.filter((o) => !present.has(o));
  if (choice !== 'headline' && unknown.length > 0) {
    throw new ChartInputError(`${source.dir}/comparison.csv has no outcome ${unknown.map((o) => `'${o}'`).join(', ')}; it has: ${[...present].join(', ')}`);
  }
  const rows = source.rows.filter((r) => wanted.includes(r.outcome));
  // An older or partial comparison without the headline outcomes: draw what it has.
  return rows.length > 0 ? rows : [...source.rows];
}

function groupByOutcome(rows: readonly ComparisonRow[]): Map<string, ComparisonRow[]> {
  const groups = new Map<string, ComparisonRow[]>();
  for (const r of rows) groups.set(r.outcome, [...(groups.get(r.outcome) ?? []), r]);
  return groups;
}

function meta(source: ComparisonSource): { dir: string; version?: string; commit?: string } {
  const m = source.manifest as { lesim_version?: string; git_commit?: string };
  return { dir: source.dir, version: m.lesim_version, commit: m.git_commit };
}

/**
 * (f) Scenario comparison: for each outcome, each scenario's difference from the baseline
 * (scenario minus baseline, paired by replicate) with its 95% interval. One panel per outcome,
 * because outcomes have different units.
 */
export function differenceChart(source: ComparisonSource, outcomes?: ChartOptions['outcomes']): Chart {
  const chosen = selectOutcomes(source, outcomes);
  const scenarios = [...new Set(chosen.map((r) => r.scenario))];
  const baselines = [...new Set(chosen.map((r) => r.baseline))];
  // Outcomes undefined in every scenario (e.g. exemplar maturity without a programme) would be empty panels.
  const groups = new Map([...groupByOutcome(chosen)].filter(([, rows]) => rows.some((r) => Number.isFinite(r.differenceMean))));
  const undefinedCount = groupByOutcome(chosen).size - groups.size;
  const panels = [...groups].map(([outcome, rows]) => {
    // Money is drawn in GBP million (or billion): axis labels without SI prefixes or exponents.
    const money = rows[0].unit === 'GBP' ? gbpScale(Math.max(...rows.map((r) => Math.abs(r.differenceCiLow)), ...rows.map((r) => Math.abs(r.differenceCiHigh)), ...rows.map((r) => Math.abs(r.differenceMean)))) : undefined;
    const f = money ? 1 / money.divisor : 1;
    const unit = money ? money.unit : rows[0].unit;
    return intervalPanel(
      `${outcomeLabel(outcome)} (baseline ${rows[0].unit === 'GBP' ? gbp(rows[0].baselineMean) : `${significant(rows[0].baselineMean)} ${unit}`})`,
      `Difference from baseline (${unit})`,
      rows.map((r) => ({ scenario: r.scenario, mean: finite(r.differenceMean * f), low: finite(r.differenceCiLow * f), high: finite(r.differenceCiHigh * f), text: signed(estimate(r.differenceMean * f, r.differenceCiLow * f, r.differenceCiHigh * f)) })),
      scenarios,
      true,
    );
  });
  const clear = chosen.filter((r) => r.differenceCiLow > 0 || r.differenceCiHigh < 0).length;
  const title = 'Difference of each scenario from the baseline';
  const shown = chosen.length < source.rows.length ? ` Shown: ${groupByOutcome(chosen).size} of the ${groupByOutcome(source.rows).size} outcomes (--outcomes all for every one).` : '';
  const caption =
    `Each panel is one outcome, in its own unit: the point is the mean difference (scenario minus ${baselines.join(', ')}) over ${fmt(Math.max(...chosen.map((r) => r.n)))} paired replications, ` +
    `the line its 95% confidence interval, the dashed line no difference. ${clear} of ${chosen.length} differences have an interval that excludes zero.${shown}` +
    (undefinedCount > 0 ? ` ${undefinedCount} outcome${undefinedCount === 1 ? ' is' : 's are'} undefined in every scenario and not drawn.` : '');
  return { kind: 'difference', title, caption, spec: topLevel(meta(source), title, caption, { vconcat: panels, spacing: 22 }) as TopLevelSpec };
}

/**
 * (g) Cost per unit of outcome: the extra programme spend of each scenario over the baseline per
 * unit of outcome gained, with its 95% interval, for the outcomes where it is defined.
 */
export function costChart(source: ComparisonSource, outcomes?: ChartOptions['outcomes']): Chart {
  // Costs exist only where a difference is clear, so every such outcome is drawn unless a list is given.
  const base = outcomes === undefined || outcomes === 'headline' ? source.rows : selectOutcomes(source, outcomes);
  const rows = base.filter((r) => Number.isFinite(r.costPerUnitGbp) && COST_STEPS[r.unit] !== undefined);
  if (rows.length === 0) throw new ChartInputError(`${source.dir}/comparison.csv: no outcome has a cost per unit (cost_per_unit_gbp is empty in every row), so there is no cost chart`);
  const scenarios = [...new Set(rows.map((r) => r.scenario))];
  const panels = [...groupByOutcome(rows)].map(([outcome, group]) => {
    // The cost of one step a reader can use (0.01 of an index, one tie), in GBP million or billion.
    const step = COST_STEPS[group[0].unit];
    const perStep = (x: number) => Math.abs(x) * step.step;
    const scale = gbpScale(Math.max(...group.map((r) => perStep(r.costPerUnitCiHighGbp)).filter(Number.isFinite), ...group.map((r) => perStep(r.costPerUnitGbp))));
    const words = group[0].differenceMean > 0 ? step.more : step.less;
    return intervalPanel(
      `${outcomeLabel(outcome)}: extra spend ${words}`,
      `${scale.unit} ${words}`,
      group.map((r) => {
        // A negative cost (spend more, get less) is drawn by its size: its bounds swap.
        const [lo, hi] = [perStep(r.costPerUnitCiLowGbp), perStep(r.costPerUnitCiHighGbp)].sort((a, b) => a - b);
        const mean = perStep(r.costPerUnitGbp);
        return {
          scenario: r.scenario,
          mean: finite(mean / scale.divisor),
          low: finite(lo / scale.divisor),
          high: finite(hi / scale.divisor),
          text: `${gbp(mean, 2)}${Number.isFinite(lo) ? ` (${gbp(lo, 2)} to ${gbp(hi, 2)})` : ''}`,
        };
      }),
      scenarios,
      false,
    );
  });
  const title = 'Cost per unit of outcome';
  const caption =
    `Extra programme spend of each scenario over the baseline, divided by the outcome's difference from the baseline: the price of one step of the outcome (0.01 of a 0-1 index, one percentage point of a share, one more tie, relationship or organization). ` +
    `The point is the estimate, the line its 95% confidence interval where it is defined. Outcomes whose cost per unit is undefined ` +
    `(no extra spend, a saving, or a difference whose interval includes 0) are left out: ${source.rows.length - rows.length} of ${source.rows.length} rows.`;
  return { kind: 'cost', title, caption, spec: topLevel(meta(source), title, caption, { vconcat: panels, spacing: 22 }) as TopLevelSpec };
}
