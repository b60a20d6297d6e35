import { initState } from './population/init.js';
import type { Params } from './parameters.js';
import { N_CELLS, recordMonth } from './recorder.js';
import { NetworkScratch } from './network.js';
import { createStreams, replicateSeed } from './rng.js';
import { createContext, type ModelEvent, type State, type StepContext } from './state.js';
import { spinUp, type SpinUpObserver } from './spinup.js';
import type { SpinUpShare } from './spinUpShare.js';
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
  /**
   * Watches the spin-up months before January 2017 (ODD 5); they are never recorded or kept
   * otherwise. Its `month` argument is the calendar month (-spinUp_months..-1).
   */
  readonly spinUpObserver?: SpinUpObserver;
  /**
   * Hands the spun-up world on between runs of one seed whose parameters agree on everything the
   * spin-up reads (spinUpShare.ts): the run takes it if one is held, else builds it and offers it.
   * Changes no result. Ignored with a spinUpObserver, which must see the spin-up months.
   */
  readonly spinUpShare?: SpinUpShare;
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
 * A replication in progress: advanced a few months at a time by `advance` (lesim explore steps
 * the model live), or run through by `runReplication`. The same loop serves both, so a stepped
 * run gives the same series as a whole one.
 */
export interface Replication {
  readonly replicate: number;
  readonly seed: string;
  readonly params: Params;
  /** months x N_CELLS, filled up to the months simulated so far. */
  readonly series: Float64Array;
  /** Months simulated so far (0 to params.horizon_months). */
  monthsDone: number;
  readonly state: State;
  readonly ctx: StepContext;
  readonly tracker: OutcomeTracker;
  readonly scratch: NetworkScratch;
  readonly kept: ModelEvent[];
  readonly keepEvents: boolean;
  readonly observer?: RunObserver;
}

/**
 * Sets up replication `replicate` of a run with base seed `baseSeed`: the world in January 2017,
 * after the spin-up (spinUp_months without the programme, ODD 5), no month of the run simulated yet.
 */
export function startReplication(params: Params, baseSeed: number, replicate: number, options: RunOptions = {}): Replication {
  const seed = replicateSeed(baseSeed, replicate, options.stream);
  const share = options.spinUpObserver === undefined ? options.spinUpShare : undefined;
  const shared = share?.take(seed, params);
  let state: State;
  let ctx: StepContext;
  if (shared !== undefined) {
    ctx = createContext(params, shared.streams);
    state = shared.state;
  } else {
    ctx = createContext(params, createStreams(seed));
    state = initState(params, ctx);
    spinUp(state, ctx, params.spinUp_months, options.spinUpObserver);
    share?.keep(seed, params, state, ctx.rng);
  }
  const series = new Float64Array(params.horizon_months * N_CELLS);
  const tracker = new OutcomeTracker(params);
  const scratch = new NetworkScratch(state.orgs.length);
  return { replicate, seed, params, series, monthsDone: 0, state, ctx, tracker, scratch, kept: [], keepEvents: options.keepEvents ?? false, observer: options.observer };
}

/**
 * Simulates up to `months` more months (never beyond the horizon) and returns how many it did.
 * This loop is the only place time advances.
 */
export function advance(run: Replication, months: number): number {
  const { state, ctx, series, tracker, scratch, kept } = run;
  const end = Math.max(run.monthsDone, Math.min(run.params.horizon_months, run.monthsDone + months));
  const from = run.monthsDone;
  for (let t = from; t < end; t++) {
    state.month = t;
    step(state, ctx);
    recordMonth(state, ctx, series.subarray(t * N_CELLS, (t + 1) * N_CELLS), scratch);
    tracker.observe(state, ctx.events, ctx.flows);
    run.observer?.observe(state, ctx);
    if (run.keepEvents) ctx.events.appendTo(kept);
    ctx.events.clear();
    ctx.flows.fill(0);
    run.monthsDone = t + 1;
  }
  return end - from;
}

/**
 * What the replication has given so far: at the horizon, its result; before it, the series up to
 * now and the outcomes as measured at the last month simulated (outcomes of later months, such as
 * a snapshot when funding ends, stay undefined until they are reached). Taking it changes nothing.
 */
export function replicationResult(run: Replication): RunResult {
  const series = run.monthsDone === run.params.horizon_months ? run.series : run.series.slice(0, run.monthsDone * N_CELLS);
  return { replicate: run.replicate, seed: run.seed, series, outcomes: run.tracker.finish(run.state), events: run.kept, finalState: run.state };
}

/**
 * One replication: parameters and (base seed, replicate) in, series and outcomes out. Depends on
 * nothing but its arguments, so any number of workers gives identical results.
 */
export function runReplication(params: Params, baseSeed: number, replicate: number, options: RunOptions = {}): RunResult {
  const run = startReplication(params, baseSeed, replicate, options);
  advance(run, params.horizon_months);
  return replicationResult(run);
}
