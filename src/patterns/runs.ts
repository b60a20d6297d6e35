import type { BatchPlan } from '../batch/plan.js';
import { taskAt } from '../batch/plan.js';
import { runTasks, sharedPool } from '../batch/pool.js';
import { taskSetup } from '../batch/task.js';
import { OUTCOMES } from '../model/outcomes.js';
import type { Params } from '../model/parameters.js';
import { MEASURE_NAMES } from './measures.js';
import type { Values } from './table.js';

export interface FailedRun {
  readonly point: number;
  readonly replicate: number;
  readonly seed: string;
  readonly error: string;
}

/** Values of a run that failed: every quantity undefined, so its pairs drop out of the summaries. */
const UNDEFINED = Object.fromEntries([...OUTCOMES, ...MEASURE_NAMES].map((k) => [k, NaN])) as unknown as Values;

/**
 * Runs `replicates` replications of every parameter set on the batch engine's worker pool, with
 * common random numbers (replicate k of every set has the seed (base seed, k)), and returns each
 * run's outcomes and pattern measures. Results do not depend on the number of workers.
 */
export async function runPatternPoints(
  points: readonly Params[],
  replicates: number,
  baseSeed: number,
  workers: number,
  onProgress?: (done: number, total: number, failed: number) => void,
  /** Only these tasks (point · replicates + replicate), e.g. one shard's; the others' values are left unset. */
  only?: readonly number[],
): Promise<{ values: Values[][]; failures: FailedRun[] }> {
  const plan: BatchPlan = {
    kind: 'run',
    scenario: { name: 'patterns', title: '', description: '', sources: [], overrides: {} },
    points: points.map((params, id) => ({ id, values: {}, params })),
    replicates,
    baseSeed,
    crn: true,
    keepEvents: false,
    keepRuns: false,
  };
  const values = points.map(() => new Array<Values>(replicates));
  const failures: FailedRun[] = [];
  const tasks = only ?? Array.from({ length: points.length * replicates }, (_, t) => t);
  const total = tasks.length;
  let done = 0;
  await runTasks(tasks, {
    workers,
    // The command's shared pool: the main set, the robustness set and the steadiness runs reuse warm threads.
    pool: sharedPool(workers),
    setup: { ...taskSetup(plan), patternMeasures: true },
    onResult: (result) => {
      const { point, replicate } = taskAt(plan, result.index);
      if (result.ok && result.measures) values[point][replicate] = { ...result.outcomes, ...result.measures };
      else {
        values[point][replicate] = UNDEFINED;
        failures.push({ point, replicate, seed: result.seed, error: result.ok ? 'no pattern measures returned' : result.error });
      }
      onProgress?.(++done, total, failures.length);
    },
  });
  failures.sort((a, b) => a.point - b.point || a.replicate - b.replicate);
  return { values, failures };
}
