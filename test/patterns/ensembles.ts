import { runEnsemble } from '../../src/analysis/ensemble.js';
import { summariseValues, type Summary } from '../../src/analysis/stats.js';
import type { OutcomeName, Outcomes } from '../../src/model/outcomes.js';
import { findScenario, resolveScenario } from '../../src/scenarios/index.js';

/** Replications per pattern test: the brief asks for at least 20. */
export const REPS = 20;
/** A base seed of the tests' own, unrelated to any default. */
export const BASE_SEED = 20260;

/**
 * Outcomes of REPS replications of a built-in scenario with overrides. Replicate k of every
 * configuration uses the same streams (common random numbers), so differences are paired.
 */
export function outcomesOf(scenario: string, overrides: Record<string, number> = {}): Outcomes[] {
  const params = resolveScenario(findScenario(scenario), overrides);
  return [...runEnsemble(params, { replications: REPS, baseSeed: BASE_SEED }).outcomes];
}

/** Paired difference a - b of one outcome across replications, with its 95% interval. */
export function pairedDifference(a: readonly Outcomes[], b: readonly Outcomes[], name: OutcomeName): Summary {
  return summariseValues(a.map((o, k) => o[name] - b[k][name]));
}

/** Difference of two outcomes within the same replications (e.g. informal minus formal). */
export function withinDifference(runs: readonly Outcomes[], x: OutcomeName, y: OutcomeName): Summary {
  return summariseValues(runs.map((o) => o[x] - o[y]));
}

export function summaryOf(runs: readonly Outcomes[], f: (o: Outcomes) => number): Summary {
  return summariseValues(runs.map(f));
}

/** A readable line for test output, so a failure shows the numbers. */
export function show(label: string, s: Summary): string {
  return `${label}: mean ${s.mean.toFixed(4)} (95% CI ${s.ciLow.toFixed(4)} to ${s.ciHigh.toFixed(4)}, n=${s.n})`;
}
