import { initState } from './population/init.js';
import type { Params } from './parameters.js';
import { N_CELLS, recordMonth } from './recorder.js';
import { NetworkScratch } from './network.js';
import { createStreams, replicateSeed } from './rng.js';
import { createContext, type ModelEvent, type State, type StepContext } from './state.js';
import { step } from './step.js';
import { OutcomeTracker, type Outcomes } from './outcomes.js';

export interface RunOptions {
  /** Keep every event of the run (for the events file). */
  readonly keepEvents?: boolean;
  /**
   * Names a separate family of random streams (e.g. a scenario or sweep point). Left out, the
   * seed depends on (base seed, replicate) only: common random numbers across scenarios.
   */
  readonly stream?: string;
  /** Watches the run month by month (pattern measures, per-organization output); changes nothing. */
  readonly observer?: RunObserver;
}

/** Sees the state after every month's phases, with that month's events and flows still in the context. */
export interface RunObserver {
  observe(state: State, ctx: StepContext): void;
}

/** What one replication returns: its seed, monthly series (months x N_CELLS), outcomes and events. */
export interface RunResult {
  readonly replicate: number;
  readonly seed: string;
  readonly series: Float64Array;
  readonly outcomes: Outcomes;
  readonly events: ModelEvent[];
  readonly finalState: State;
}

/**
 * One replication: parameters and (base seed, replicate) in, series and outcomes out. The run
 * loop is the only place time advances. Depends on nothing but its arguments, so any number of
 * workers gives identical results.
 */
export function runReplication(params: Params, baseSeed: number, replicate: number, options: RunOptions = {}): RunResult {
  const seed = replicateSeed(baseSeed, replicate, options.stream);
  const ctx = createContext(params, createStreams(seed));
  const state = initState(params, ctx);
  const months = params.horizon_months;
  const series = new Float64Array(months * N_CELLS);
  const kept: ModelEvent[] = [];
  const tracker = new OutcomeTracker(params);
  const scratch = new NetworkScratch(state.orgs.length);
  for (let t = 0; t < months; t++) {
    state.month = t;
    step(state, ctx);
    recordMonth(state, ctx, series.subarray(t * N_CELLS, (t + 1) * N_CELLS), scratch);
    tracker.observe(state, ctx.events, ctx.flows);
    options.observer?.observe(state, ctx);
    if (options.keepEvents) for (const e of ctx.events) kept.push(e);
    ctx.events.length = 0;
    ctx.flows.fill(0);
  }
  return { replicate, seed, series, outcomes: tracker.finish(state), events: kept, finalState: state };
}
