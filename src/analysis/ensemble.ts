import type { Params } from '../model/parameters.js';
import { N_CELLS } from '../model/recorder.js';
import { runReplication } from '../model/run.js';
import type { ModelEvent } from '../model/state.js';
import type { Outcomes } from '../model/outcomes.js';
import { OnlineSummary } from './stats.js';

export interface EnsembleOptions {
  readonly replications: number;
  readonly baseSeed: number;
  readonly keepEvents?: boolean;
  /** Called after each replication with the number done. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** The replications of one scenario, summarised per month and cell, with per-run outcomes. */
export interface EnsembleResult {
  readonly params: Params;
  readonly months: number;
  readonly replications: number;
  readonly baseSeed: number;
  readonly seeds: readonly string[];
  /** Per month x cell: online summary across replications. */
  readonly series: OnlineSummary;
  readonly outcomes: readonly Outcomes[];
  /** Events of each replication (empty unless keepEvents). */
  readonly events: readonly (readonly ModelEvent[])[];
}

/**
 * Runs replications 0..n-1 of one parameter set. Replicate k's streams depend only on
 * (baseSeed, k), so replicate k of two scenarios shares its random numbers.
 */
export function runEnsemble(params: Params, options: EnsembleOptions): EnsembleResult {
  const months = params.horizon_months;
  const series = new OnlineSummary(months * N_CELLS);
  const outcomes: Outcomes[] = [];
  const events: ModelEvent[][] = [];
  const seeds: string[] = [];
  for (let k = 0; k < options.replications; k++) {
    const run = runReplication(params, options.baseSeed, k, { keepEvents: options.keepEvents });
    series.add(run.series);
    outcomes.push(run.outcomes);
    seeds.push(run.seed);
    events.push(run.events);
    options.onProgress?.(k + 1, options.replications);
  }
  return { params, months, replications: options.replications, baseSeed: options.baseSeed, seeds, series, outcomes, events };
}
