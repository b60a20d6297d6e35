import { eventRows, runSeriesCsv } from '../io/outputs.js';
import type { Outcomes } from '../model/outcomes.js';
import type { Params } from '../model/parameters.js';
import { replicateSeed } from '../model/rng.js';
import { runReplication } from '../model/run.js';
import type { SpinUpShare } from '../model/spinUpShare.js';
import { OrganizationRecorder } from '../io/organizations.js';
import type { State, StepContext } from '../model/state.js';
import { PatternProbe, type Measures } from '../patterns/measures.js';
import { pointStream, taskAt, type BatchPlan } from './plan.js';

/** What a worker needs to run any task of a plan (sent to each thread before its first task of the batch). */
export interface TaskSetup {
  readonly kind: BatchPlan['kind'];
  readonly points: readonly Params[];
  readonly streams: readonly (string | undefined)[];
  readonly replicates: number;
  readonly baseSeed: number;
  readonly keepEvents: boolean;
  readonly keepRuns: boolean;
  /** Task indices that throw on purpose (from LESIM_FAIL_TASKS): the failure-isolation test hook. */
  readonly failTasks: readonly number[];
  /** Task indices on which a worker thread exits mid-task: the test hook for a dying worker (ignored on the calling thread). */
  readonly exitTasks?: readonly number[];
  /** Also snapshot every organization each year (organizations.csv). */
  readonly keepOrganizations?: boolean;
  /** Also measure the pattern quantities (src/patterns/measures.ts) of each run (lesim patterns). */
  readonly patternMeasures?: boolean;
  /**
   * Hand one spun-up world on between the runs of a replicate that would each build it (jobs.ts);
   * left out: yes. False runs every task on its own (the bench's comparison; results are the same).
   */
  readonly shareSpinUp?: boolean;
}

export type TaskResult =
  | {
      readonly ok: true;
      readonly index: number;
      readonly seed: string;
      readonly series: Float64Array;
      readonly outcomes: Outcomes;
      /** The run's events as CSV rows without header ('' unless keepEvents). */
      readonly events: string;
      /** The run's raw series as CSV ('' unless keepRuns). */
      readonly runSeries: string;
      /** The pattern measures, when the setup asks for them. */
      readonly measures?: Measures;
      /** organizations.csv rows of the run without header ('' unless keepOrganizations). */
      readonly organizations?: string;
      readonly ms: number;
    }
  | { readonly ok: false; readonly index: number; readonly seed: string; readonly error: string; readonly ms: number };

export function taskSetup(plan: BatchPlan, failTasks: readonly number[] = []): TaskSetup {
  return {
    kind: plan.kind,
    points: plan.points.map((p) => p.params),
    streams: plan.points.map((_, i) => pointStream(plan, i)),
    replicates: plan.replicates,
    baseSeed: plan.baseSeed,
    keepEvents: plan.keepEvents,
    keepRuns: plan.keepRuns,
    keepOrganizations: plan.keepOrganizations === true,
    failTasks,
  };
}

/** Task indices to fail on purpose, from the LESIM_FAIL_TASKS environment variable ("3,17"). */
export function failTasksFromEnv(env: NodeJS.ProcessEnv = process.env): number[] {
  const text = env.LESIM_FAIL_TASKS;
  if (!text) return [];
  return text.split(',').map((x) => Number(x.trim())).filter((x) => Number.isInteger(x) && x >= 0);
}

/**
 * Runs one task. Never throws: a failing run comes back as a result with its seed and error, so
 * one bad run cannot take the batch down. `share` carries a spun-up world between the tasks of a
 * job (jobs.ts).
 */
export function executeTask(setup: TaskSetup, index: number, share?: SpinUpShare): TaskResult {
  const started = performance.now();
  const { point, replicate } = taskAt({ replicates: setup.replicates } as BatchPlan, index);
  const params = setup.points[point];
  const stream = setup.streams[point];
  const seed = replicateSeed(setup.baseSeed, replicate, stream);
  try {
    if (setup.failTasks.includes(index)) throw new Error(`injected failure (LESIM_FAIL_TASKS includes task ${index})`);
    const probe = setup.patternMeasures ? new PatternProbe(params) : undefined;
    const organizations = setup.keepOrganizations ? new OrganizationRecorder(params, replicate) : undefined;
    const observers = [probe, organizations].filter((o) => o !== undefined);
    const observer = observers.length > 0 ? { observe: (state: State, ctx: StepContext) => observers.forEach((o) => o.observe(state, ctx)) } : undefined;
    const run = runReplication(params, setup.baseSeed, replicate, { keepEvents: setup.keepEvents, stream, observer, spinUpShare: share });
    const prefix = setup.kind === 'sweep' ? [point] : [];
    return {
      ok: true,
      index,
      seed: run.seed,
      series: run.series,
      outcomes: run.outcomes,
      events: setup.keepEvents ? eventRows(run.events, replicate, params.startYear_year, prefix) : '',
      runSeries: setup.keepRuns ? runSeriesCsv(run.series, params.horizon_months, params.startYear_year) : '',
      ...(probe ? { measures: probe.finish(run.finalState) } : {}),
      ...(organizations ? { organizations: organizations.csv() } : {}),
      ms: performance.now() - started,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, index, seed, error: message, ms: performance.now() - started };
  }
}
