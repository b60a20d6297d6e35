import { BUDGET_YEARS_MAX, PARAMETERS, PARAMETER_NAMES, defaultParams, isParameterName, type ParameterName, type Params } from '../model/parameters.js';
import { BUDGET_LINES, isEvenLine, meanYearRatio, monthsByYear, yearRatioName, type BudgetLine } from '../model/programme/funding.js';
import { closestParameterName } from '../model/validate.js';
import { BY_YEAR_PATH, LEVERS, SUBSIDY_PATH, allowedText, type LeverSpec } from './levers.js';
import type { ScenarioDocument } from './schema.js';

export interface TranslationIssue {
  readonly path: string;
  readonly message: string;
}

/** Reads a dotted path from a nested document. */
export function getPath(doc: ScenarioDocument, path: string): unknown {
  let node: unknown = doc;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

function monthIndex(text: string, startYear: number): number {
  const [y, m] = text.split('-').map(Number);
  return (y - startYear) * 12 + (m - 1);
}

export function monthText(index: number, startYear: number): string {
  const y = startYear + Math.floor(index / 12);
  const m = (((index % 12) + 12) % 12) + 1;
  return `${y}-${String(m).padStart(2, '0')}`;
}

/**
 * Translates a (merged, schema-checked) scenario document into parameter overrides: the one
 * function between plain units and the parameter table. Only levers present in the document
 * become overrides, so an empty document leaves every default in place. Range checks that need
 * the start year (months) or another lever (the subsidy against the day rate) are made here.
 */
export function leversToOverrides(doc: ScenarioDocument): { overrides: Partial<Record<ParameterName, number>>; issues: TranslationIssue[] } {
  const overrides: Partial<Record<ParameterName, number>> = {};
  const issues: TranslationIssue[] = [];
  const startYear = (getPath(doc, 'run.start_year') as number | undefined) ?? PARAMETERS.startYear_year.default;
  for (const l of LEVERS) {
    const value = getPath(doc, l.path);
    if (value === undefined) continue;
    const result = leverValue(l, value, startYear);
    if (typeof result === 'string') issues.push({ path: l.path, message: result });
    else overrides[l.param] = result;
  }
  const subsidy = getPath(doc, SUBSIDY_PATH);
  if (typeof subsidy === 'number') {
    const rate = overrides.consultancyDayRate_gbp ?? PARAMETERS.consultancyDayRate_gbp.default;
    if (subsidy > rate) issues.push({ path: SUBSIDY_PATH, message: `got ${subsidy}; allowed: GBP 0 to the day rate (${rate} GBP/day)` });
    else overrides.consultancySubsidy_share = rate > 0 ? subsidy / rate : 0;
  }
  const raw = getPath(doc, 'parameters');
  budgetByYear(doc, overrides, raw, issues);
  if (raw && typeof raw === 'object') {
    for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
      if (!isParameterName(name)) {
        const hint = closestParameterName(name);
        issues.push({ path: `parameters.${name}`, message: `unknown parameter${hint ? ` (did you mean '${hint}'?)` : ''}; see lesim params` });
        continue;
      }
      overrides[name] = value as number;
    }
  }
  return { overrides, issues };
}

// ---- budget.by_year ------------------------------------------------------------------------------

/** Whether a line may be spent in a month: the academy only while national funding lasts. */
function spendable(p: Params, line: BudgetLine, t: number): boolean {
  return line !== 'academy' || (t >= p.programmeStart_month && t < p.fundingEnd_month);
}

/** The programme years (1-based) in which a line spends, with their months, and their calendar years. */
function lineYears(p: Params, line: BudgetLine): { k: number; months: number; year: number; spendable: boolean }[] {
  const first = p.startYear_year + Math.floor(p.programmeStart_month / 12);
  return monthsByYear(p, line).map(([k, months]) => {
    const year = first + k - 1;
    const y0 = (year - p.startYear_year) * 12;
    let any = false;
    for (let t = y0; t < y0 + 12 && !any; t++) any = spendable(p, line, t);
    return { k, months, year, spendable: any };
  });
}

/** GBP of the grants line at the per-organization grants of p: every exemplar and follower's grant. */
export function grantsLineTotal(p: Params): number {
  const exemplars = (p.exemplarsAcute_count + p.mentalHealthGrant_ratio * (p.exemplarsMentalHealth_count + p.exemplarsAmbulance_count)) * p.exemplarGrant_gbp;
  const followers = (p.followersAcute_count + p.mentalHealthGrant_ratio * p.followersMentalHealth_count) * p.followerGrant_gbp;
  return exemplars + followers;
}

/** A line's total GBP at p. */
function lineTotal(p: Params, line: BudgetLine): number {
  return line === 'grants' ? grantsLineTotal(p) : line === 'national' ? p.nationalActivitiesBudget_gbp : p.academyBudget_gbp;
}

const PENNY = 0.01;

/**
 * budget.by_year.<line>: GBP per calendar year becomes the line's total (grants: the
 * per-organization grants scaled to it, keeping their proportions) and its yearly weights
 * (spend per month in the year over the line's even monthly spend). Years outside the line's
 * spending years, more than BUDGET_YEARS_MAX of them, a year above 10 times an even one, or money
 * with nobody to receive it are refused. A total within a penny of the current one keeps it.
 */
function budgetByYear(doc: ScenarioDocument, overrides: Partial<Record<ParameterName, number>>, raw: unknown, issues: TranslationIssue[]): void {
  const byYear = getPath(doc, BY_YEAR_PATH) as Record<string, Record<string, number> | undefined> | undefined;
  if (!byYear || typeof byYear !== 'object') return;
  // The schedule and counts the amounts refer to: defaults, the levers, then any valid `parameters:`.
  const p: Record<string, number> = { ...defaultParams(), ...overrides };
  if (raw && typeof raw === 'object') for (const [k, v] of Object.entries(raw)) if (isParameterName(k) && typeof v === 'number' && Number.isFinite(v)) p[k] = v;
  const params = p as Params;
  for (const line of BUDGET_LINES) {
    const amounts = byYear[line];
    if (!amounts || typeof amounts !== 'object') continue;
    const base = `${BY_YEAR_PATH}.${line}`;
    const years = lineYears(params, line);
    const allowed = years.filter((y) => y.spendable);
    const span = allowed.length > 0 ? `${allowed[0].year} to ${allowed[allowed.length - 1].year}` : 'none';
    const total = Object.values(amounts).reduce((a, b) => a + b, 0);
    if (allowed.length === 0) {
      if (total > 0) issues.push({ path: base, message: `the ${line} line spends in no month (${line === 'academy' ? 'no academy cohort while national funding lasts' : 'no funded months'}); allowed: no amounts, or a schedule with spending months` });
      continue;
    }
    if (years[0].k < 1) {
      issues.push({ path: base, message: `the ${line} line starts in ${years[0].year}, before the programme's first year (${years[0].year - years[0].k + 1}); allowed: budget by year for a line that starts with the programme or later, or a total spread evenly` });
      continue;
    }
    if (years[years.length - 1].k > BUDGET_YEARS_MAX) {
      issues.push({ path: base, message: `the ${line} line spends over ${years.length} calendar years (${years[0].year} to ${years[years.length - 1].year}); allowed: budget by year for at most ${BUDGET_YEARS_MAX} years from the programme start, or a total spread evenly` });
      continue;
    }
    let bad = false;
    for (const key of Object.keys(amounts)) {
      if (!allowed.some((y) => String(y.year) === key)) {
        issues.push({ path: `${base}.${key}`, message: `got year ${key}; allowed: a year the ${line} line spends in, ${span} (the funded years${line === 'academy' ? ' with academy cohorts' : ''}, counted from the programme start's)` });
        bad = true;
      }
    }
    if (bad) continue;
    const windowMonths = years.reduce((a, y) => a + y.months, 0);
    const ratios: Partial<Record<ParameterName, number>> = {};
    for (let k = 1; k <= BUDGET_YEARS_MAX; k++) ratios[yearRatioName(line, k)] = 1;
    for (const y of years) {
      const amount = amounts[String(y.year)] ?? 0;
      const ratio = total > 0 ? ((amount / y.months) * windowMonths) / total : 1;
      if (ratio > PARAMETERS[yearRatioName(line, y.k)].max) {
        issues.push({
          path: `${base}.${y.year}`,
          message: `got ${amount}: ${ratio.toFixed(1)} times an even year's spend per month (GBP ${total} over ${windowMonths} months, ${y.months} of them in ${y.year}); allowed: at most ${PARAMETERS[yearRatioName(line, y.k)].max} times, so at most GBP ${Math.floor((PARAMETERS[yearRatioName(line, y.k)].max * total * y.months) / windowMonths)} unless other years get less`,
        });
        bad = true;
      }
      ratios[yearRatioName(line, y.k)] = ratio;
    }
    if (bad) continue;
    const current = lineTotal(params, line);
    if (line === 'grants') {
      if (total > 0 && current <= 0) {
        issues.push({ path: base, message: `got GBP ${total} of grants but no exemplar or follower would receive any (participant counts or per-organization grants are 0); allowed: amounts of 0, or participants with grants to scale` });
        continue;
      }
      if (Math.abs(total - current) > PENNY) {
        const factor = total / current;
        for (const name of ['exemplarGrant_gbp', 'followerGrant_gbp'] as const) {
          const scaled = params[name] * factor;
          if (scaled > PARAMETERS[name].max) {
            issues.push({ path: base, message: `GBP ${total} of grants makes ${name} GBP ${Math.round(scaled)} per organization; allowed: at most ${PARAMETERS[name].max} per organization` });
            bad = true;
          } else overrides[name] = scaled;
        }
        if (bad) continue;
      }
    } else if (Math.abs(total - current) > PENNY) {
      const name = line === 'national' ? 'nationalActivitiesBudget_gbp' : 'academyBudget_gbp';
      if (total > PARAMETERS[name].max) {
        issues.push({ path: base, message: `got GBP ${total} in all; allowed: at most ${PARAMETERS[name].max} (${name})` });
        continue;
      }
      overrides[name] = total;
    }
    Object.assign(overrides, ratios);
  }
}

/** A line's yearly profile in plain units: GBP per calendar year, or undefined if even or not expressible. */
function lineByYear(p: Params, line: BudgetLine): Record<string, number> | undefined {
  if (isEvenLine(p, line)) return undefined;
  const years = lineYears(p, line);
  if (years.length === 0 || years[0].k < 1 || years[years.length - 1].k > BUDGET_YEARS_MAX) return undefined;
  const windowMonths = years.reduce((a, y) => a + y.months, 0);
  const mean = meanYearRatio(p, line);
  const total = lineTotal(p, line);
  const out: Record<string, number> = {};
  for (const y of years) if (y.spendable) out[String(y.year)] = mean > 0 ? (total * p[yearRatioName(line, y.k)] * y.months) / (mean * windowMonths) : 0;
  return out;
}

function leverValue(l: LeverSpec, value: unknown, startYear: number): number | string {
  const spec = PARAMETERS[l.param];
  switch (l.lever.kind) {
    case 'number':
      return value as number;
    case 'flag':
      return value ? 1 : 0;
    case 'switch':
      return value ? spec.default : 0;
    case 'enum':
      return l.lever.names.indexOf(value as string);
    case 'month':
    case 'lastMonth': {
      const index = monthIndex(value as string, startYear) + (l.lever.kind === 'lastMonth' ? 1 : 0);
      if (index < spec.min || index > spec.max) {
        const first = monthText(spec.min - (l.lever.kind === 'lastMonth' ? 1 : 0), startYear);
        const last = monthText(spec.max - (l.lever.kind === 'lastMonth' ? 1 : 0), startYear);
        return `got ${value}; allowed: a month from ${first} to ${last} (YYYY-MM; the run starts in January ${startYear})`;
      }
      return index;
    }
  }
}

/** The whole parameter set seen in plain units: what `lesim scenarios <name>` shows and --save writes. */
export function paramsToLevers(p: Params): ScenarioDocument {
  const doc: Record<string, unknown> = {};
  const set = (path: string, value: unknown) => {
    const parts = path.split('.');
    let node = doc;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[parts[parts.length - 1]] = value;
  };
  for (const l of LEVERS) {
    const v = p[l.param];
    switch (l.lever.kind) {
      case 'number':
        set(l.path, v);
        break;
      case 'flag':
      case 'switch':
        set(l.path, v > 0);
        break;
      case 'enum':
        set(l.path, l.lever.names[v]);
        break;
      case 'month':
        set(l.path, monthText(v, p.startYear_year));
        break;
      case 'lastMonth':
        set(l.path, monthText(v - 1, p.startYear_year));
        break;
    }
    if (l.path === 'intermediaries.consultancy_day_rate_gbp') set(SUBSIDY_PATH, p.consultancySubsidy_share * p.consultancyDayRate_gbp);
  }
  for (const line of BUDGET_LINES) {
    const amounts = lineByYear(p, line);
    if (amounts) set(`${BY_YEAR_PATH}.${line}`, amounts);
  }
  return doc;
}

/** Parameters that no lever covers and that differ from their defaults (kept under `parameters:`). */
export function unleveredOverrides(p: Params): Record<string, number> {
  const levered = new Set<string>([...LEVERS.map((l) => l.param), 'consultancySubsidy_share']);
  // Yearly weights are shown as budget.by_year where that can say them (at most 10 years).
  for (const line of BUDGET_LINES) {
    if (!isEvenLine(p, line) && lineByYear(p, line) === undefined) continue;
    for (let k = 1; k <= BUDGET_YEARS_MAX; k++) levered.add(yearRatioName(line, k));
  }
  const out: Record<string, number> = {};
  for (const name of PARAMETER_NAMES) if (!levered.has(name) && p[name] !== PARAMETERS[name].default) out[name] = p[name];
  return out;
}
