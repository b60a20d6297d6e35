import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ExactSeries } from '../analysis/exactSeries.js';
import { planFingerprint, pointStream, taskAt, WHOLE, type BatchPlan, type BatchPoint } from '../batch/plan.js';
import { runTasks, sharedPool, type WorkerPool } from '../batch/pool.js';
import { taskSetup } from '../batch/task.js';
import { N_CELLS } from '../model/recorder.js';
import { replicateSeed } from '../model/rng.js';
import { BatchStore } from '../batch/store.js';
import { lesimVersion, gitCommit } from '../io/provenance.js';
import type { Outcomes } from '../model/outcomes.js';
import type { Params } from '../model/parameters.js';
import { ParameterError } from '../model/validate.js';
import { resolveScenario, type Scenario } from '../scenarios/index.js';
import { ResearchInputError } from './errors.js';

/** One parameter set a research command runs: an arm of a proposition, a particle, a design row. */
export interface ResearchPoint {
  readonly values: Readonly<Record<string, number>>;
  readonly params: Params;
}

/**
 * A batch plan of research points (kind 'sweep': every point gets the same replicate numbers
 * and, under common random numbers, the same streams, so arms are paired replicate by replicate).
 */
export function researchPlan(name: string, design: string, parameters: readonly string[], points: readonly ResearchPoint[], replicates: number, baseSeed: number, crn = true): BatchPlan {
  const batchPoints: BatchPoint[] = points.map((p, id) => ({ id, values: p.values, params: p.params }));
  return {
    kind: 'sweep',
    scenario: { name, title: name, description: `lesim ${design}`, sources: [], overrides: {} },
    sweep: { file: name, design, samples: points.length, parameters },
    points: batchPoints,
    replicates,
    baseSeed,
    crn,
    keepEvents: false,
    keepRuns: false,
  };
}

export interface AdaptiveOptions {
  readonly workers: number;
  readonly onProgress?: (done: number, total: number, failed: number) => void;
  readonly stopped?: () => boolean;
  /** The threads to run on (default: the command's shared pool, so every round reuses warm threads). */
  readonly pool?: WorkerPool;
}

export interface AdaptiveOutcome {
  /** outcomes[point][replicate], undefined where the run failed. */
  readonly outcomes: readonly (readonly (Outcomes | undefined)[])[];
  readonly interrupted: boolean;
  readonly failed: number;
  /** Runs made by this call (not those found done in the store). */
  readonly ran: number;
}

/** The outcomes of a plan's runs found in a store: [point][replicate], undefined where missing or failed. */
export function storedOutcomes(plan: BatchPlan, store: BatchStore): (Outcomes | undefined)[][] {
  return plan.points.map((_, p) => Array.from({ length: plan.replicates }, (_, k) => {
    const record = store.readRecord(p, k);
    return record?.ok ? record.outcomes : undefined;
  }));
}

/** Whether task (point, replicate) of a plan has a record (finished, well or not) in the store. */
export function hasRecord(store: BatchStore, point: number, replicate: number): boolean {
  return existsSync(join(store.dir, 'records', `p${point}`, `r${replicate}.json`));
}

/**
 * Runs the tasks of a plan (indices point · replicates + replicate) that have no record in the
 * store, on the batch engine's worker pool, writing one record per run as it finishes (a run that
 * throws, or whose series is not finite, is recorded as failed and not retried). Records are one
 * file per task, so several processes (the shards of a round, on a shared file system) can fill
 * one store as long as they run different tasks. Replicate k's seed depends on (seed, k) alone
 * (under common random numbers), so adding replicates never changes the earlier ones.
 */
export async function runMissingTasks(plan: BatchPlan, store: BatchStore, tasks: readonly number[], options: AdaptiveOptions): Promise<{ ran: number; failed: number; interrupted: boolean }> {
  const pending = tasks.filter((t) => {
    const { point, replicate } = taskAt(plan, t);
    return !hasRecord(store, point, replicate);
  });
  const checks = new Map<number, ExactSeries>();
  let ran = 0;
  let failed = 0;
  options.onProgress?.(0, pending.length, 0);
  await runTasks(pending, {
    workers: options.workers,
    pool: options.pool ?? sharedPool(options.workers),
    setup: taskSetup(plan),
    stopped: options.stopped,
    onResult: (result) => {
      const { point, replicate } = taskAt(plan, result.index);
      const seed = result.seed || replicateSeed(plan.baseSeed, replicate, pointStream(plan, point));
      let check = checks.get(point);
      if (!check) checks.set(point, (check = new ExactSeries(plan.points[point].params.horizon_months * N_CELLS)));
      const problem = result.ok ? check.check(result.series) : undefined;
      if (result.ok && !problem) store.writeRecord({ point, replicate, seed, ok: true, outcomes: result.outcomes });
      else {
        store.writeRecord({ point, replicate, seed, ok: false, error: result.ok ? `bad series: ${problem}` : result.error });
        failed += 1;
      }
      ran += 1;
      options.onProgress?.(ran, pending.length, failed);
    },
  });
  return { ran, failed, interrupted: ran < pending.length };
}

/**
 * Runs a plan in a state directory that keeps every finished run, so a later call with more
 * replicates (the same points and seed) runs only the new ones, and an interrupted call resumes
 * where it stopped.
 */
export async function runInStore(plan: BatchPlan, stateDir: string, options: AdaptiveOptions): Promise<AdaptiveOutcome> {
  const store = new BatchStore(stateDir);
  store.writePlan(plan, planFingerprint(plan), WHOLE, { lesim_version: lesimVersion(), git_commit: gitCommit() });
  const tasks = Array.from({ length: plan.points.length * plan.replicates }, (_, t) => t);
  const result = await runMissingTasks(plan, store, tasks, options);
  const outcomes = storedOutcomes(plan, store);
  const failed = outcomes.flat().filter((o) => o === undefined).length;
  return { outcomes, interrupted: result.interrupted, failed, ran: result.ran };
}

/**
 * The points of a design on a scenario: each row's factor values set on the scenario (and the
 * months), validated; a row the model refuses is reported with its values.
 */
export function designPoints(scenario: Scenario, names: readonly string[], rows: readonly (readonly number[])[], months: number | undefined, source: string): ResearchPoint[] {
  const extra: Record<string, number> = months !== undefined ? { horizon_months: months } : {};
  try {
    resolveScenario(scenario, extra);
  } catch (error) {
    if (error instanceof ParameterError) throw new ResearchInputError(source, 'months', error.issues.map((i) => i.message).join('; '));
    throw error;
  }
  return rows.map((row, p) => {
    const values = Object.fromEntries(names.map((n, j) => [n, row[j]]));
    try {
      return { values, params: resolveScenario(scenario, { ...extra, ...values }) };
    } catch (error) {
      if (error instanceof ParameterError) throw new ResearchInputError(source, `point ${p} (${names.map((n, j) => `${n}=${row[j]}`).join(', ')})`, error.issues.map((i) => `${i.field}: ${i.message}`).join('; '));
      throw error;
    }
  });
}

/** A plan of design points on a scenario, with the scenario's description for the manifest. */
export function scenarioPlan(scenario: Scenario, design: string, names: readonly string[], points: readonly ResearchPoint[], replicates: number, baseSeed: number, crn: boolean, months?: number): BatchPlan {
  const plan = researchPlan(scenario.name, design, names, points, replicates, baseSeed, crn);
  return { ...plan, scenario: { name: scenario.name, title: scenario.title, description: scenario.description, sources: scenario.sources, overrides: { ...scenario.overrides, ...(months !== undefined ? { horizon_months: months } : {}) } } };
}
