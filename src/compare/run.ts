import type { BatchPlan } from '../batch/plan.js';
import { runTasks } from '../batch/pool.js';
import { taskAt } from '../batch/plan.js';
import { taskSetup } from '../batch/task.js';
import { OUTCOMES, type Outcomes } from '../model/outcomes.js';
import { replicateSeed } from '../model/rng.js';
import type { Params } from '../model/parameters.js';

export interface ScenarioReplications {
  readonly outcomes: readonly Outcomes[];
  readonly seeds: readonly string[];
}

export interface FailedReplication {
  readonly scenario: number;
  readonly replicate: number;
  readonly seed: string;
  readonly error: string;
}

/**
 * Runs every scenario's replications of a comparison on one pool of worker threads. Replicate k
 * of every scenario has the seed (base seed, k): common random numbers, so the differences are
 * paired. A failed run leaves its outcomes undefined (NaN), so its pairs drop out of the
 * differences, and is reported.
 */
export async function runComparisonReplications(
  params: readonly Params[],
  replications: number,
  baseSeed: number,
  workers: number,
  onProgress?: (done: number, total: number, failed: number) => void,
): Promise<{ scenarios: ScenarioReplications[]; failures: FailedReplication[] }> {
  const plan: BatchPlan = {
    kind: 'run',
    scenario: { name: 'compare', title: '', description: '', sources: [], overrides: {} },
    points: params.map((p, id) => ({ id, values: {}, params: p })),
    replicates: replications,
    baseSeed,
    crn: true,
    keepEvents: false,
    keepRuns: false,
  };
  const undefinedOutcomes = Object.fromEntries(OUTCOMES.map((name) => [name, NaN])) as unknown as Outcomes;
  const outcomes = params.map(() => new Array<Outcomes>(replications));
  const seeds = params.map(() => new Array<string>(replications));
  const failures: FailedReplication[] = [];
  const total = params.length * replications;
  let done = 0;
  await runTasks(
    Array.from({ length: total }, (_, t) => t),
    {
      workers,
      setup: taskSetup(plan),
      onResult: (result) => {
        const { point, replicate } = taskAt(plan, result.index);
        // A run lost with its worker comes back without a seed: it is (base seed, replicate).
        seeds[point][replicate] = result.seed || replicateSeed(baseSeed, replicate);
        if (result.ok) outcomes[point][replicate] = result.outcomes;
        else {
          outcomes[point][replicate] = undefinedOutcomes;
          failures.push({ scenario: point, replicate, seed: seeds[point][replicate], error: result.error });
        }
        onProgress?.(++done, total, failures.length);
      },
    },
  );
  failures.sort((a, b) => a.scenario - b.scenario || a.replicate - b.replicate);
  return { scenarios: params.map((_, i) => ({ outcomes: outcomes[i], seeds: seeds[i] })), failures };
}
