import { BUDGET_YEARS_MAX, type ParameterName, type Params } from '../parameters.js';
import type { MonthFactors, State, StepContext } from '../state.js';
import { nationalActive } from '../mechanisms/knowledge.js';

/** Budget lines whose money can be given per year (budget.by_year in scenario files). */
export const BUDGET_LINES = ['grants', 'national', 'academy'] as const;
export type BudgetLine = (typeof BUDGET_LINES)[number];

// Names built once: the weights are read in the contact-cost hot path.
const ratioNames = (line: BudgetLine): readonly ParameterName[] => Array.from({ length: BUDGET_YEARS_MAX + 1 }, (_, k) => `${line}Year${k}_ratio` as ParameterName);
const RATIO_NAMES: Readonly<Record<BudgetLine, readonly ParameterName[]>> = { grants: ratioNames('grants'), national: ratioNames('national'), academy: ratioNames('academy') };

/** Name of a line's weight for programme year k (1 to BUDGET_YEARS_MAX). */
export function yearRatioName(line: BudgetLine, k: number): ParameterName {
  return RATIO_NAMES[line][k];
}

/** Calendar year of month t counted from the programme start's calendar year (1 = that year). */
export function programmeYear(p: Params, t: number): number {
  return Math.floor(t / 12) - Math.floor(p.programmeStart_month / 12) + 1;
}

/** A line's weight in month t: its programme year's ratio; years beyond the tenth weigh 1. */
export function yearRatio(p: Params, line: BudgetLine, t: number): number {
  const k = programmeYear(p, t);
  return k >= 1 && k <= BUDGET_YEARS_MAX ? p[yearRatioName(line, k)] : 1;
}

/** Whether every yearly weight of the line is 1: the even spread of the baseline. */
export function isEvenLine(p: Params, line: BudgetLine): boolean {
  for (let k = 1; k <= BUDGET_YEARS_MAX; k++) if (p[yearRatioName(line, k)] !== 1) return false;
  return true;
}

/**
 * Months over which a line spends its total, [start, end): grants and national activities over
 * the funded months; the academy from its first cohort until the last cohort's interval ends.
 */
export function lineWindow(p: Params, line: BudgetLine): { start: number; end: number } {
  if (line === 'academy') return { start: p.academyStart_month, end: p.academyStart_month + p.academyCohorts_count * p.academyCohortInterval_months };
  return { start: p.programmeStart_month, end: p.fundingEnd_month };
}

/**
 * Funded months of the line's window in each programme year that has any, as [year, months]
 * pairs in order (the first and last years may be partial).
 */
export function monthsByYear(p: Params, line: BudgetLine): [number, number][] {
  const { start, end } = lineWindow(p, line);
  const out: [number, number][] = [];
  for (let y = Math.floor(start / 12); y * 12 < end; y++) {
    const months = Math.min(end, (y + 1) * 12) - Math.max(start, y * 12);
    if (months > 0) out.push([y - Math.floor(p.programmeStart_month / 12) + 1, months]);
  }
  return out;
}

/**
 * Mean yearly weight of a line over its window's months (Σ ratio × months / months). Dividing a
 * month's ratio by it keeps the line's total whatever the ratios sum to; it is exactly 1 when
 * every ratio is 1 (a sum of whole numbers), so the baseline is unchanged.
 */
export function meanYearRatio(p: Params, line: BudgetLine): number {
  let weighted = 0;
  let months = 0;
  for (const [k, m] of monthsByYear(p, line)) {
    weighted += (k >= 1 && k <= BUDGET_YEARS_MAX ? p[yearRatioName(line, k)] : 1) * m;
    months += m;
  }
  return months > 0 ? weighted / months : 1;
}

/**
 * How much of a line's even monthly share month t gets from the yearly budget (1 with every
 * ratio 1): its year's ratio over the line's mean ratio; 0 if every year of the line is 0.
 */
export function yearShare(p: Params, line: BudgetLine, t: number): number {
  if (isEvenLine(p, line)) return 1;
  const mean = meanYearRatio(p, line);
  return mean > 0 ? yearRatio(p, line, t) / mean : 0;
}

/**
 * Intensity of first-wave funding in month t (0-1): 1 through the programme, falling linearly
 * over the last `fundingTaper_months` before `fundingEnd_month` (t = end − T gives 1, the last
 * funded month 1/T), 0 outside the funded window. With no taper it is 1 or 0: the cliff edge.
 */
export function taperIntensity(p: Params, t: number): number {
  if (t < p.programmeStart_month || t >= p.fundingEnd_month) return 0;
  const months = p.fundingEnd_month - p.programmeStart_month;
  const taper = Math.min(p.fundingTaper_months, months);
  const left = p.fundingEnd_month - t;
  return taper > 0 && left < taper ? left / taper : 1;
}

/**
 * Monthly weight of first-wave spend on a line (grants or national activities): the taper
 * intensity times the year's ratio, over its mean across the funded months, so a taper or a
 * yearly profile moves money between months without changing the line's total (1 every month
 * with no taper and even years).
 */
export function spendWeight(p: Params, t: number, line: 'grants' | 'national' = 'grants'): number {
  const months = p.fundingEnd_month - p.programmeStart_month;
  const taper = Math.min(p.fundingTaper_months, months);
  if (!isEvenLine(p, line)) {
    let sum = 0;
    for (let m = p.programmeStart_month; m < p.fundingEnd_month; m++) sum += taperIntensity(p, m) * yearRatio(p, line, m);
    return sum > 0 ? (taperIntensity(p, t) * yearRatio(p, line, t) * months) / sum : 0;
  }
  if (taper <= 0) return 1;
  // Sum of the tapered months' intensities: (1 + 2 + ... + T) / T = (T + 1) / 2.
  const mean = (months - taper + (taper + 1) / 2) / months;
  return taperIntensity(p, t) / mean;
}

/**
 * The funding factors of the state's month, computed on the first call of the month: the yearly
 * profile lookups are too slow to repeat for every organization and every contact.
 */
export function monthFactors(state: State, ctx: StepContext): MonthFactors {
  const f = ctx.factors;
  if (f.month !== state.month) {
    const p = ctx.params;
    f.month = state.month;
    f.contactCostFactor = nationalActive(state, p) ? nationalCostFactor(p, state.month) : 1;
    // Without the programme (the spin-up, a counterfactual) nobody holds a grant: the weight is
    // never read, and leaving it 0 keeps the world before 2017 from reading the funding schedule.
    f.grantWeight = state.programme.active && state.month >= p.programmeStart_month && state.month < p.fundingEnd_month ? spendWeight(p, state.month, 'grants') : 0;
  }
  return f;
}

/**
 * Multiplier of the cost of making contact from national activities in month t (given they are
 * funded): 1 − reduction × that year's share of the national budget relative to an even spread,
 * never below 0 (1 − nationalCostReduction_share with even years).
 */
export function nationalCostFactor(p: Params, t: number): number {
  return 1 - Math.min(1, p.nationalCostReduction_share * yearShare(p, 'national', t));
}

/** Whether national funding (and so the levers it pays for) is running this month. */
export function nationalFundingActive(p: Params, t: number, programmeActive: boolean): boolean {
  return programmeActive && t >= p.programmeStart_month && t < p.fundingEnd_month;
}

/**
 * Multiplier of joining the independent professional network from national support for
 * independent networks: 1 + effect per GBP million a year × GBP millions a year, while funded.
 */
export function independentNetworkBoost(p: Params, t: number, programmeActive: boolean): number {
  if (!nationalFundingActive(p, t, programmeActive) || p.independentNetworkSupport_gbpPerYear <= 0) return 1;
  return 1 + p.independentNetworkEffect_perGbpMillion * (p.independentNetworkSupport_gbpPerYear / 1e6);
}
