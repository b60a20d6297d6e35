import { summariseValues, type Summary } from '../analysis/stats.js';
import type { Params } from '../model/parameters.js';
import { findScenario, resolveScenario } from '../scenarios/index.js';
import { assumedParameters, robustnessDesign, type AssumedRange } from './robustness.js';
import { runPatternPoints, type FailedRun } from './runs.js';
import { cite } from './sources.js';
import { CONFIGS, PATTERNS, knockoutOf, type ConfigName, type Criterion, type Knockout, type Pattern, type Runs, type Values } from './table.js';
import { describeTarget, meets, targetRange } from './targets.js';

export interface KnockoutResult {
  readonly description: string;
  readonly overrides: Readonly<Record<string, number>>;
  readonly measured: Summary;
  /** Paired change towards weaker: (baseline - knock-out) for a "higher" pattern, the reverse for "lower". */
  readonly weakening: Summary;
  /** The knock-out moves the metric away from the pattern, with a 95% interval that excludes zero. */
  readonly weakens: boolean;
}

export interface CriterionResult {
  readonly pattern: string;
  readonly id: string;
  readonly claim: string;
  readonly metric: string;
  readonly unit: string;
  readonly source: string;
  readonly target: string;
  readonly targetLow: number;
  readonly targetHigh: number;
  readonly measured: Summary;
  readonly pass: boolean;
  readonly knockout: KnockoutResult | null;
  readonly note: string;
}

export interface PatternResult {
  readonly id: string;
  readonly name: string;
  readonly sources: string;
  readonly mechanisms: readonly string[];
  /** Every criterion meets its target. */
  readonly pass: boolean;
  readonly criteria: readonly CriterionResult[];
  /** Criteria with a knock-out, and how many of those it weakened. */
  readonly knockouts: number;
  readonly weakened: number;
}

export interface RobustnessResult {
  readonly points: number;
  readonly seed: number;
  readonly replicates: number;
  readonly spread: string;
  readonly parameters: readonly AssumedRange[];
  /** Per pattern: at how many points it held (every criterion met its target). */
  readonly held: Readonly<Record<string, number>>;
  readonly criteriaHeld: Readonly<Record<string, number>>;
  /** Points where all twelve held. */
  readonly jointHeld: number;
  /** Points whose runs could not all be made (invalid parameters or failed runs) and count as not held. */
  readonly failedPoints: number;
}

export interface PatternsReport {
  readonly replicates: number;
  readonly seed: number;
  /** The parameter set every configuration started from (empty: the defaults). */
  readonly parameters: Readonly<Record<string, number>>;
  readonly patterns: readonly PatternResult[];
  readonly robustness?: RobustnessResult;
  /** Failed runs; `robustness` marks those of design points (their point numbers index the design's runs). */
  readonly failures: readonly (FailedRun & { robustness?: boolean })[];
}

export interface EvaluateOptions {
  readonly replicates: number;
  readonly seed: number;
  readonly workers: number;
  /** Latin-hypercube points over the assumed parameters (0 or absent: no robustness design). */
  readonly robustness?: number;
  /** Replications per robustness point (default: `replicates`). */
  readonly robustnessReplicates?: number;
  /** Run the knock-outs (default true). */
  readonly knockouts?: boolean;
  /** Only these patterns or criteria (ids such as 'P4' or 'P4b'); default all. */
  readonly only?: readonly string[];
  /**
   * A parameter set every configuration starts from (e.g. a calibrated posterior median): set
   * under each configuration's own scenario and overrides, so the counterfactual's programme
   * switch or a knock-out still wins; a robustness point's values (around the defaults) replace
   * it where they overlap.
   */
  readonly parameters?: Readonly<Record<string, number>>;
  readonly onProgress?: (done: number, total: number, failed: number) => void;
}

/** Parameters of one config, with extra overrides (a knock-out, a design point) and the config's own on top, and optionally a parameter set under its scenario's own levers. */
export function configParams(config: ConfigName, extra: Readonly<Record<string, number>> = {}, knockout: Readonly<Record<string, number>> = {}, under: Readonly<Record<string, number>> = {}): Params {
  const c = CONFIGS[config];
  const scenario = findScenario(c.scenario);
  // `under` sits below everything the config's own scenario sets (its levers win over it).
  return resolveScenario({ ...scenario, overrides: { ...under, ...scenario.overrides } }, { ...extra, ...c.overrides, ...knockout });
}

/** Unique parameter sets, so configs and knock-outs that coincide are run once. */
class PointSet {
  readonly params: Params[] = [];
  private readonly index = new Map<string, number>();
  add(p: Params): number {
    const key = JSON.stringify(p);
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.params.length;
      this.params.push(p);
      this.index.set(key, i);
    }
    return i;
  }
}

type ConfigPoints = Partial<Record<ConfigName, number>>;

/** The criterion's metric for each replicate, from the runs of its configs. */
function metricValues(criterion: Criterion, points: ConfigPoints, values: readonly Values[][], replicates: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < replicates; k++) {
    const runs: Partial<Record<ConfigName, Values>> = {};
    for (const c of criterion.configs) runs[c] = values[points[c]!][k];
    const v = criterion.value(runs as Runs);
    out.push(Number.isFinite(v) ? v : NaN);
  }
  return out;
}

/** The table restricted to the given pattern or criterion ids (a pattern keeps only the criteria asked for). */
export function selectPatterns(only?: readonly string[]): Pattern[] {
  if (!only || only.length === 0) return [...PATTERNS];
  const unknown = only.filter((id) => !PATTERNS.some((p) => p.id === id || p.criteria.some((c) => c.id === id)));
  if (unknown.length > 0) throw new Error(`unknown pattern or criterion ${unknown.join(', ')}`);
  return PATTERNS.filter((p) => only.includes(p.id) || p.criteria.some((c) => only.includes(c.id))).map((p) =>
    only.includes(p.id) ? p : { ...p, criteria: p.criteria.filter((c) => only.includes(c.id)) },
  );
}

function usedConfigs(patterns: readonly Pattern[]): ConfigName[] {
  return [...new Set(patterns.flatMap((p) => p.criteria.flatMap((c) => c.configs)))];
}

/**
 * Runs every pattern of the table: the baseline configs, each criterion's knock-out, and
 * optionally a Latin hypercube of the assumed parameters, all on one worker pool with common
 * random numbers. Measures and reports; decides nothing by itself beyond the declared targets.
 */
export async function evaluatePatterns(options: EvaluateOptions): Promise<PatternsReport> {
  const { replicates, seed } = options;
  const table = selectPatterns(options.only);
  const configs = usedConfigs(table);
  const base = options.parameters ?? {};
  const set = new PointSet();
  const baseline: ConfigPoints = {};
  for (const c of configs) baseline[c] = set.add(configParams(c, {}, {}, base));
  const knocked = new Map<string, ConfigPoints>();
  for (const pattern of table) {
    for (const criterion of pattern.criteria) {
      const ko = options.knockouts === false ? null : knockoutOf(pattern, criterion);
      if (!ko) continue;
      const points: ConfigPoints = {};
      for (const c of criterion.configs) points[c] = set.add(configParams(c, {}, ko.overrides, base));
      knocked.set(criterion.id, points);
    }
  }
  const progress = options.onProgress;
  const ranges = assumedParameters();
  const design = options.robustness ? robustnessDesign(ranges, options.robustness, seed) : [];
  const robustReps = options.robustnessReplicates ?? replicates;
  const robustSet = new PointSet();
  const designPoints: (ConfigPoints | null)[] = design.map((values) => {
    try {
      const points: ConfigPoints = {};
      for (const c of configs) points[c] = robustSet.add(configParams(c, values, {}, base));
      return points;
    } catch {
      // A point whose values fail validation: counted, reported, never silently dropped.
      return null;
    }
  });
  const total = set.params.length * replicates + robustSet.params.length * robustReps;
  const main = await runPatternPoints(set.params, replicates, seed, options.workers, (d, _t, f) => progress?.(d, total, f));
  const offset = set.params.length * replicates;
  const robust = robustSet.params.length > 0 ? await runPatternPoints(robustSet.params, robustReps, seed, options.workers, (d, _t, f) => progress?.(offset + d, total, main.failures.length + f)) : { values: [], failures: [] };
  const { values } = main;
  const failures = [...main.failures, ...robust.failures.map((f) => ({ ...f, robustness: true }))];

  const patterns = table.map((pattern) => patternResult(pattern, baseline, knocked, values, replicates));
  let robustness: RobustnessResult | undefined;
  if (options.robustness) {
    const held: Record<string, number> = Object.fromEntries(table.map((p) => [p.id, 0]));
    const criteriaHeld: Record<string, number> = Object.fromEntries(table.flatMap((p) => p.criteria.map((c) => [c.id, 0])));
    let jointHeld = 0;
    let failedPoints = 0;
    for (const points of designPoints) {
      const failed = !points || robust.failures.some((f) => Object.values(points).includes(f.point));
      if (failed) failedPoints += 1;
      if (!points) continue;
      let all = true;
      for (const pattern of table) {
        let ok = true;
        for (const criterion of pattern.criteria) {
          const met = meets(criterion.target, summariseValues(metricValues(criterion, points, robust.values, robustReps)));
          if (met) criteriaHeld[criterion.id] += 1;
          ok &&= met;
        }
        if (ok) held[pattern.id] += 1;
        all &&= ok;
      }
      if (all) jointHeld += 1;
    }
    robustness = { points: options.robustness, seed, replicates: robustReps, spread: 'each assumed parameter from 0.5 to 1.5 times its default, within its allowed range', parameters: ranges, held, criteriaHeld, jointHeld, failedPoints };
  }
  return { replicates, seed, parameters: { ...base }, patterns, robustness, failures };
}

function patternResult(pattern: Pattern, baseline: ConfigPoints, knocked: ReadonlyMap<string, ConfigPoints>, values: readonly Values[][], replicates: number): PatternResult {
  const criteria = pattern.criteria.map((criterion): CriterionResult => {
    const base = metricValues(criterion, baseline, values, replicates);
    const measured = summariseValues(base);
    const range = targetRange(criterion.target);
    const ko: Knockout | null = knockoutOf(pattern, criterion);
    let knockout: KnockoutResult | null = null;
    if (ko && knocked.has(criterion.id)) {
      const off = metricValues(criterion, knocked.get(criterion.id)!, values, replicates);
      const sign = criterion.stronger === 'higher' ? 1 : -1;
      const weakening = summariseValues(base.map((b, k) => sign * (b - off[k])));
      knockout = { description: ko.description, overrides: { ...ko.overrides } as Record<string, number>, measured: summariseValues(off), weakening, weakens: Number.isFinite(weakening.ciLow) && weakening.ciLow > 0 };
    }
    return {
      pattern: pattern.id,
      id: criterion.id,
      claim: criterion.claim,
      metric: criterion.metric,
      unit: criterion.unit,
      source: cite(criterion.source),
      target: describeTarget(criterion.target),
      targetLow: range.low,
      targetHigh: range.high,
      measured,
      pass: meets(criterion.target, measured),
      knockout,
      note: criterion.note ?? '',
    };
  });
  const withKnockout = criteria.filter((c) => c.knockout);
  return {
    id: pattern.id,
    name: pattern.name,
    sources: pattern.sources.map(cite).join('; '),
    mechanisms: pattern.mechanisms,
    pass: criteria.every((c) => c.pass),
    criteria,
    knockouts: withKnockout.length,
    weakened: withKnockout.filter((c) => c.knockout!.weakens).length,
  };
}
