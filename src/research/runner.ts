import { executeBatch } from '../batch/execute.js';
import { planFingerprint, WHOLE, type BatchPlan, type BatchPoint } from '../batch/plan.js';
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
}

export interface AdaptiveOutcome {
  /** outcomes[point][replicate], undefined where the run failed. */
  readonly outcomes: readonly (readonly (Outcomes | undefined)[])[];
  readonly interrupted: boolean;
  readonly failed: number;
  /** Runs made by this call (not those found done in the store). */
  readonly ran: number;
}

/**
 * Runs a plan through the batch engine in a state directory that keeps every finished run, so a
 * later call with more replicates (the same points and seed) runs only the new ones, and an
 * interrupted call resumes where it stopped. Replicate k's seed depends on (seed, k) alone, so
 * adding replicates never changes the earlier ones.
 */
export async function runInStore(plan: BatchPlan, stateDir: string, options: AdaptiveOptions): Promise<AdaptiveOutcome> {
  const store = new BatchStore(stateDir);
  store.writePlan(plan, planFingerprint(plan), WHOLE, { lesim_version: lesimVersion(), git_commit: gitCommit() });
  let first: number | undefined;
  const onProgress = (done: number, total: number, failed: number) => {
    first ??= done;
    options.onProgress?.(done, total, failed);
  };
  const result = await executeBatch(plan, store, { workers: options.workers, shard: WHOLE, resume: true, onProgress, stopped: options.stopped });
  const outcomes = plan.points.map((_, p) => Array.from({ length: plan.replicates }, (_, k) => {
    const record = store.readRecord(p, k);
    return record?.ok ? record.outcomes : undefined;
  }));
  return { outcomes, interrupted: result.interrupted, failed: result.failed, ran: result.done - (first ?? 0) };
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
