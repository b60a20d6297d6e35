import type { Params } from '../model/parameters.js';
import { N_CELLS } from '../model/recorder.js';
import { runReplication } from '../model/run.js';
import type { ModelEvent } from '../model/state.js';
import type { Outcomes } from '../model/outcomes.js';
import { ExactSeries } from './exactSeries.js';
import type { Summary } from './stats.js';

/** Per-cell statistics across replications (cell index = month · N_CELLS + cell). */
export interface SeriesSummary {
  readonly size: number;
  get(index: number): Summary;
}

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
  /** Per month x cell: summary across replications. */
  readonly series: SeriesSummary;
  readonly outcomes: readonly Outcomes[];
  /** Events of each replication (empty unless keepEvents). */
  readonly events: readonly (readonly ModelEvent[])[];
}

/**
 * Runs replications 0..n-1 of one parameter set on the calling thread. Replicate k's streams
 * depend only on (baseSeed, k), so replicate k of two scenarios shares its random numbers. The
 * series sums are exact, so this gives the same bytes as the batch runner on any number of workers.
 */
export function runEnsemble(params: Params, options: EnsembleOptions): EnsembleResult {
  const months = params.horizon_months;
  const series = new ExactSeries(months * N_CELLS);
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
