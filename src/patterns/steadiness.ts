import { summariseValues, type Summary } from '../analysis/stats.js';
import type { BatchPlan } from '../batch/plan.js';
import { runTasks, sharedPool } from '../batch/pool.js';
import { taskSetup } from '../batch/task.js';
import { FORMALITIES, ORIGINS } from '../model/enums.js';
import type { Params } from '../model/parameters.js';
import { N_CELLS, spectrumIndex } from '../model/recorder.js';
import { findScenario, resolveScenario } from '../scenarios/index.js';

/** The window of the steadiness check: January 2017 to December 2026 (months 0-119). */
export const STEADINESS_WINDOW_MONTHS = 120;
/** The tolerance of issue 11: the trend's 95% interval within plus or minus 5% of the level a year. */
export const STEADINESS_TOLERANCE_SHARE = 0.05;

export interface Steadiness {
  /** Replications of the counterfactual. */
  readonly replicates: number;
  /** Months of the window used (up to 120, fewer if the runs are shorter). */
  readonly months: number;
  /** Calendar year of month 0. */
  readonly startYear: number;
  /** Trend of active relationships per year as a share of their mean level, over replications. */
  readonly trend: Summary;
  readonly tolerance: number;
  /** The trend's 95% interval lies within plus or minus the tolerance. */
  readonly steady: boolean;
}

/** Active relationships (ties and communities, every formality and origin) in each month of a series. */
export function activeRelationships(series: Float64Array, months: number): Float64Array {
  const out = new Float64Array(months);
  for (let t = 0; t < months; t++) {
    let n = 0;
    for (let f = 0; f < FORMALITIES.length; f++) for (let o = 0; o < ORIGINS.length; o++) n += series[t * N_CELLS + spectrumIndex(2, f, o)];
    out[t] = n;
  }
  return out;
}

/**
 * One run's trend: the least-squares slope of the monthly counts y_t on t, times 12, over their
 * mean: b = 12 * sum (t - tbar)(y_t - ybar) / sum (t - tbar)^2 / ybar (a share of the level a year).
 */
export function yearlyTrendShare(y: ArrayLike<number>): number {
  const n = y.length;
  if (n < 2) return NaN;
  const tbar = (n - 1) / 2;
  let ybar = 0;
  for (let t = 0; t < n; t++) ybar += y[t];
  ybar /= n;
  if (!(ybar > 0)) return NaN;
  let sxy = 0;
  let sxx = 0;
  for (let t = 0; t < n; t++) {
    sxy += (t - tbar) * (y[t] - ybar);
    sxx += (t - tbar) ** 2;
  }
  return (12 * sxy) / sxx / ybar;
}

/**
 * The counterfactual's steadiness from its runs' series: each replication's yearly trend over the
 * window, then their mean with a t interval over replications (replications are independent).
 */
export function steadiness(series: readonly Float64Array[], horizonMonths: number, startYear = 2017): Steadiness {
  const months = Math.min(STEADINESS_WINDOW_MONTHS, horizonMonths);
  const trend = summariseValues(series.map((s) => yearlyTrendShare(activeRelationships(s, months))));
  const steady = trend.n > 1 && trend.ciLow >= -STEADINESS_TOLERANCE_SHARE && trend.ciHigh <= STEADINESS_TOLERANCE_SHARE;
  return { replicates: series.length, months, startYear, trend, tolerance: STEADINESS_TOLERANCE_SHARE, steady };
}

/** Runs the no-programme scenario (`replicates` replications, common random numbers) and measures its steadiness. */
export async function measureSteadiness(replicates: number, baseSeed: number, workers: number, params: Params = resolveScenario(findScenario('no-programme'))): Promise<Steadiness> {
  const plan: BatchPlan = {
    kind: 'run',
    scenario: { name: 'no-programme', title: '', description: '', sources: [], overrides: {} },
    points: [{ id: 0, values: {}, params }],
    replicates,
    baseSeed,
    crn: true,
    keepEvents: false,
    keepRuns: false,
  };
  const series: Float64Array[] = [];
  await runTasks(Array.from({ length: replicates }, (_, t) => t), {
    workers,
    pool: sharedPool(workers),
    setup: taskSetup(plan),
    onResult: (result) => {
      if (result.ok) series[result.index] = result.series;
    },
  });
  return steadiness(series.filter((s) => s !== undefined), params.horizon_months, params.startYear_year);
}

/** The line `lesim patterns` prints. */
export function steadinessText(s: Steadiness): string {
  const pct = (x: number) => `${x >= 0 ? '+' : ''}${(100 * x).toFixed(1)}%`;
  return `Counterfactual trend in active relationships (no programme, ${s.startYear}-${s.startYear + Math.ceil(s.months / 12) - 1}, ${s.trend.n} replications): ${pct(s.trend.mean)} a year (95% CI ${pct(s.trend.ciLow)} to ${pct(s.trend.ciHigh)}), within ±${(100 * s.tolerance).toFixed(0)}%: ${s.steady ? 'yes' : 'no'}\n`;
}

/** The JSON section of patterns.json. */
export function steadinessJson(s: Steadiness): Record<string, unknown> {
  const num = (x: number) => (Number.isFinite(x) ? x : null);
  return {
    metric: 'least-squares trend of active relationships (ties and communities) per year, as a share of their mean level, no-programme scenario',
    window_months: s.months,
    replications: s.trend.n,
    trend_per_year_share: { mean: num(s.trend.mean), sd: num(s.trend.sd), ci_low: num(s.trend.ciLow), ci_high: num(s.trend.ciHigh), n: s.trend.n },
    tolerance_share: s.tolerance,
    steady: s.steady,
  };
}
