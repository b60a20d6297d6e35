import { estimate, gbp, signed, significant } from '../format/number.js';
import type { OutcomeName } from '../model/outcomes.js';
import type { ComparisonRow as ReadComparisonRow } from '../charts/source.js';
import type { ComparisonRow } from './compare.js';
import { COST_STEPS, OUTCOME_LABELS } from './labels.js';

/** Outcomes shown on stdout and at the top of the report (the files always hold every outcome). */
export const HEADLINE_OUTCOMES: readonly OutcomeName[] = [
  'maturity_end_all',
  'maturity_end_outside',
  'maturity_gain_all',
  'informal_active_funding_end',
  'informal_ties_alive_after_funding',
  'outside_orgs_reached',
  'networks_central_surviving',
  'networks_profession_surviving',
  'spend_programme_gbp',
  'maturity_gain_per_gbp_million',
  'informal_ties_alive_per_gbp_million',
  'outside_reached_per_gbp_million',
];

/** The fields of a comparison row the readable forms need, as comparison.csv reads back (charts/source.ts). */
export type RowNumbers = Omit<ReadComparisonRow, 'scenario' | 'baseline' | 'n'>;

export function rowNumbers(r: ComparisonRow): RowNumbers {
  return {
    outcome: r.outcome,
    unit: r.unit,
    baselineMean: r.baseline_mean,
    scenarioMean: r.scenario_mean,
    differenceMean: r.difference_mean,
    differenceCiLow: r.difference_ci_low,
    differenceCiHigh: r.difference_ci_high,
    extraCostGbp: r.extra_cost_gbp,
    costPerUnitGbp: r.cost_per_unit_gbp,
    costPerUnitCiLowGbp: r.cost_per_unit_ci_low_gbp,
    costPerUnitCiHighGbp: r.cost_per_unit_ci_high_gbp,
  };
}

/** "Digital maturity of all organizations at the end"; an outcome lesim does not know keeps its id. */
export function outcomeLabel(outcome: string): string {
  return (OUTCOME_LABELS as Record<string, string>)[outcome] ?? outcome;
}

/** Money is shown in GBP million (outcomes of a comparison are programme-sized); other units as they are. */
function scaleOf(unit: string): { factor: number; unit: string } {
  return unit === 'GBP' ? { factor: 1e-6, unit: 'GBP million' } : { factor: 1, unit };
}

/** The unit as the table shows it ("GBP million" for money). */
export function unitLabel(unit: string): string {
  return scaleOf(unit).unit;
}

/** A value of an outcome in the unit of unitLabel, to three significant digits. */
export function value(x: number, unit: string): string {
  return significant(x * scaleOf(unit).factor, 3);
}

/** The difference with its interval, in the unit of unitLabel: "+0.0038 (-0.0011 to 0.0087)". */
export function difference(r: RowNumbers): string {
  if (!Number.isFinite(r.differenceMean)) return 'undefined';
  const f = scaleOf(r.unit).factor;
  return signed(estimate(r.differenceMean * f, r.differenceCiLow * f, r.differenceCiHigh * f));
}

/**
 * The cost per unit in a step a reader can use, "GBP 9.1 million per 0.01 more on the 0-1 index
 * (GBP 5.2 million to 36 million)", or undefined where it is not meaningful (comparison.csv
 * leaves it empty: no extra spend, or an effect whose interval includes 0).
 */
export function costText(r: RowNumbers): string | undefined {
  const step = COST_STEPS[r.unit];
  if (step === undefined || !Number.isFinite(r.costPerUnitGbp)) return undefined;
  const per = (x: number) => gbp(Math.abs(x) * step.step, 2);
  const words = r.differenceMean > 0 ? step.more : step.less;
  const interval = Number.isFinite(r.costPerUnitCiLowGbp) ? ` (${per(r.costPerUnitCiLowGbp)} to ${per(r.costPerUnitCiHighGbp)})`.replace(/ to GBP /, ' to ') : '';
  return `${per(r.costPerUnitGbp)} ${words}${interval}`;
}

/** Extra spend in words: "GBP 113 million more than the baseline", "GBP 395 million less (a saving)". */
export function extraSpendText(extra: number): string {
  if (!Number.isFinite(extra)) return 'extra spend undefined';
  if (extra === 0) return 'the same spend as the baseline';
  return extra > 0 ? `${gbp(extra)} more spent than the baseline` : `${gbp(-extra)} less spent than the baseline`;
}

function pad(cells: readonly string[], widths: readonly number[], right: readonly boolean[]): string {
  return cells.map((c, i) => (right[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
}

/** The comparison as plain-text tables, one per non-baseline scenario, outcomes by their labels. */
export function comparisonTable(rows: readonly ComparisonRow[], outcomes: readonly OutcomeName[] = [...new Set(rows.map((r) => r.outcome))]): string {
  const scenarios = [...new Set(rows.map((r) => r.scenario))];
  const header = ['outcome', 'unit', 'baseline', 'scenario', 'difference (95% CI)'];
  const right = [false, false, true, true, true];
  let out = '';
  for (const name of scenarios) {
    const mine = outcomes.flatMap((o) => rows.filter((r) => r.scenario === name && r.outcome === o));
    const first = rows.find((r) => r.scenario === name)!;
    const lines = mine.map((r) => [outcomeLabel(r.outcome), unitLabel(r.unit), value(r.baseline_mean, r.unit), value(r.scenario_mean, r.unit), difference(rowNumbers(r))]);
    const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
    const n = Math.max(...rows.filter((r) => r.scenario === name).map((r) => r.n));
    out += `${name} vs ${first.baseline}: ${n} paired replications; ${extraSpendText(first.extra_cost_gbp)}\n`;
    out += `${pad(header, widths, right)}\n`;
    for (const l of lines) out += `${pad(l, widths, right)}\n`;
    const costs = mine.flatMap((r) => {
      const c = costText(rowNumbers(r));
      return c ? [`  ${outcomeLabel(r.outcome)}: ${c}`] : [];
    });
    out += costs.length > 0 ? `Cost per unit (extra spend / difference, where the difference is clear):\n${costs.join('\n')}\n` : 'Cost per unit: not meaningful here (no extra spend, or no difference whose interval excludes 0).\n';
    out += '\n';
  }
  return out;
}
