import { summariseValues } from '../analysis/stats.js';
import { OUTCOMES, OUTCOME_UNITS, type OutcomeName, type Outcomes } from '../model/outcomes.js';
import { COST_STEPS } from './labels.js';

/** The outcome that holds each replication's programme spend (every line), GBP. */
export const SPEND_OUTCOME: OutcomeName = 'spend_programme_gbp';

/** The replications of one scenario, in replicate order (replicate k used seed (base, k)). */
export interface ScenarioOutcomes {
  readonly name: string;
  readonly outcomes: readonly Outcomes[];
}

/** One row of comparison.csv: a non-baseline scenario against the baseline on one outcome. */
export interface ComparisonRow {
  readonly scenario: string;
  readonly baseline: string;
  readonly outcome: OutcomeName;
  readonly unit: string;
  readonly baseline_mean: number;
  readonly scenario_mean: number;
  readonly difference_mean: number;
  readonly difference_ci_low: number;
  readonly difference_ci_high: number;
  readonly n: number;
  readonly extra_cost_gbp: number;
  readonly cost_per_unit_gbp: number;
  readonly cost_per_unit_ci_low_gbp: number;
  readonly cost_per_unit_ci_high_gbp: number;
}

export const COMPARISON_COLUMNS = [
  'scenario',
  'baseline',
  'outcome',
  'unit',
  'baseline_mean',
  'scenario_mean',
  'difference_mean',
  'difference_ci_low',
  'difference_ci_high',
  'n',
  'extra_cost_gbp',
  'cost_per_unit_gbp',
  'cost_per_unit_ci_low_gbp',
  'cost_per_unit_ci_high_gbp',
] as const satisfies readonly (keyof ComparisonRow)[];

/**
 * Per-replicate differences scenario − baseline (NaN where either is undefined). A difference
 * within rounding of the two values (relative 1e-12, e.g. the same budget summed over a different
 * number of months) is exactly 0, so that float noise is never reported as an effect.
 */
export function pairedDifferences(scenario: readonly number[], baseline: readonly number[]): number[] {
  if (scenario.length !== baseline.length) throw new Error(`paired comparison needs equal replications (${scenario.length} vs ${baseline.length})`);
  return scenario.map((x, k) => {
    const d = x - baseline[k];
    return Math.abs(d) <= 1e-12 * Math.max(Math.abs(x), Math.abs(baseline[k])) ? 0 : d;
  });
}

/**
 * Cost per unit of outcome: extra spend over the baseline divided by the mean difference. It is
 * defined only where it means something: money was added (extra spend > 0; a scenario that saves
 * money has no "cost" of what it loses) and the effect is clear (its 95% interval excludes 0;
 * otherwise the effect may be nil and every cost is possible). Its interval maps the difference's
 * interval through extra / x, monotone when that interval excludes 0. The spend of a scenario is
 * fixed by its budget but for demand-led lines (consultancy subsidy, secondments), so the interval
 * treats the extra cost as known (its mean).
 */
export function costPerUnit(extraCost: number, diffMean: number, ciLow: number, ciHigh: number): { value: number; low: number; high: number } {
  const none = { value: NaN, low: NaN, high: NaN };
  if (!(Number.isFinite(extraCost) && extraCost > 0) || !Number.isFinite(ciLow) || !Number.isFinite(ciHigh)) return none;
  if (ciLow <= 0 && ciHigh >= 0) return none;
  const a = extraCost / ciLow;
  const b = extraCost / ciHigh;
  return { value: extraCost / diffMean, low: Math.min(a, b), high: Math.max(a, b) };
}

/**
 * Every non-baseline scenario against the baseline, outcome by outcome, on paired replications
 * (common random numbers: replicate k of each scenario used the same seed).
 */
export function compareScenarios(runs: readonly ScenarioOutcomes[], baselineName: string): ComparisonRow[] {
  const baseline = runs.find((r) => r.name === baselineName);
  if (!baseline) throw new Error(`baseline '${baselineName}' is not among the scenarios compared`);
  const rows: ComparisonRow[] = [];
  for (const run of runs) {
    if (run.name === baselineName) continue;
    const spend = summariseValues(pairedDifferences(run.outcomes.map((o) => o[SPEND_OUTCOME]), baseline.outcomes.map((o) => o[SPEND_OUTCOME])));
    const extra = spend.mean;
    for (const outcome of OUTCOMES) {
      const s = run.outcomes.map((o) => o[outcome]);
      const b = baseline.outcomes.map((o) => o[outcome]);
      const d = summariseValues(pairedDifferences(s, b));
      // Only outcomes counted in a unit a reader can buy more of (COST_STEPS) have a cost per unit:
      // not money, ratios to money or relative concentrations.
      const unit = OUTCOME_UNITS[outcome];
      const cost = COST_STEPS[unit] === undefined ? { value: NaN, low: NaN, high: NaN } : costPerUnit(extra, d.mean, d.ciLow, d.ciHigh);
      rows.push({
        scenario: run.name,
        baseline: baselineName,
        outcome,
        unit: OUTCOME_UNITS[outcome],
        baseline_mean: summariseValues(b).mean,
        scenario_mean: summariseValues(s).mean,
        difference_mean: d.mean,
        difference_ci_low: d.ciLow,
        difference_ci_high: d.ciHigh,
        n: d.n,
        extra_cost_gbp: extra,
        cost_per_unit_gbp: cost.value,
        cost_per_unit_ci_low_gbp: cost.low,
        cost_per_unit_ci_high_gbp: cost.high,
      });
    }
  }
  return rows;
}
