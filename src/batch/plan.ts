import { createHash } from 'node:crypto';
import type { Params } from '../model/parameters.js';
import type { Scenario } from '../scenarios/scenario.js';

/** What a batch's scenario is, in words, for the manifest (a built-in or a file's scenario). */
export interface PlanScenario {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly sources: readonly string[];
  readonly overrides: Readonly<Record<string, unknown>>;
}

/** A compared scenario: also where it came from and the levers it sets (for the manifest). */
export interface ComparePlanScenario extends PlanScenario {
  readonly origin?: string;
  readonly extends?: string;
  readonly levers?: unknown;
}

/** One parameter set of a batch: the whole scenario for `lesim run`, one design point of a sweep. */
export interface BatchPoint {
  readonly id: number;
  /** The swept parameters' values at this point (empty for a plain run). */
  readonly values: Readonly<Record<string, number>>;
  readonly params: Params;
}

export type BatchKind = 'run' | 'sweep' | 'compare';

/**
 * Everything that decides a batch's results: the points, how many replicates of each, and how
 * seeds are made. Tasks are numbered point-major (t = point · replicates + replicate), and every
 * run's seed is a function of the plan and t alone, so results do not depend on which worker,
 * machine or shard runs a task, nor when.
 */
export interface BatchPlan {
  readonly kind: BatchKind;
  readonly scenario: PlanScenario;
  /** For a sweep: the design, the swept parameter names (in column order) and the sweep file. */
  readonly sweep?: { readonly file: string; readonly design: string; readonly samples: number; readonly parameters: readonly string[] };
  /**
   * For a comparison: point i is scenario i, compared with point `baseline` on paired
   * replications; `notices` say what compare changed to make them comparable (an aligned horizon).
   */
  readonly compare?: { readonly baseline: number; readonly scenarios: readonly ComparePlanScenario[]; readonly notices: readonly string[] };
  readonly points: readonly BatchPoint[];
  readonly replicates: number;
  readonly baseSeed: number;
  /** Common random numbers: replicate k of every point uses the same streams. */
  readonly crn: boolean;
  readonly keepEvents: boolean;
  readonly keepRuns: boolean;
  /** Write organizations.csv (lesim run): every organization per year of every replication. */
  readonly keepOrganizations?: boolean;
}

export interface Task {
  readonly index: number;
  readonly point: number;
  readonly replicate: number;
}

export function taskCount(plan: BatchPlan): number {
  return plan.points.length * plan.replicates;
}

export function taskAt(plan: BatchPlan, index: number): Task {
  return { index, point: Math.floor(index / plan.replicates), replicate: index % plan.replicates };
}

/**
 * The stream name of a point's runs: none under common random numbers (the seed is
 * (base seed, replicate)); otherwise the scenario and point, so each point draws its own numbers.
 */
export function pointStream(plan: BatchPlan, point: number): string | undefined {
  if (plan.crn) return undefined;
  if (plan.kind === 'compare') return plan.compare!.scenarios[point].name;
  return plan.kind === 'run' ? plan.scenario.name : `${plan.scenario.name}/p${point}`;
}

/** A slice of the tasks for one machine of a cluster: shard i of n takes tasks i, i+n, i+2n, ... */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

export const WHOLE: Shard = { index: 0, count: 1 };

export function shardTasks(plan: BatchPlan, shard: Shard): Task[] {
  const tasks: Task[] = [];
  for (let t = shard.index; t < taskCount(plan); t += shard.count) tasks.push(taskAt(plan, t));
  return tasks;
}

/**
 * A fingerprint of what decides the results (not where or when they run): a resumed batch and
 * the shards of a merge must all have the same one.
 */
export function planFingerprint(plan: BatchPlan): string {
  const decisive = {
    kind: plan.kind,
    scenario: plan.scenario.name,
    sweep: plan.sweep ? { design: plan.sweep.design, samples: plan.sweep.samples, parameters: plan.sweep.parameters } : null,
    ...(plan.compare ? { compare: { baseline: plan.compare.baseline, scenarios: plan.compare.scenarios.map((s) => s.name) } } : {}),
    points: plan.points.map((p) => ({ values: p.values, params: p.params })),
    replicates: plan.replicates,
    baseSeed: plan.baseSeed,
    crn: plan.crn,
    keepEvents: plan.keepEvents,
    keepRuns: plan.keepRuns,
    // Only when set, so plans made before the option keep their fingerprint (resume, merge).
    ...(plan.keepOrganizations ? { keepOrganizations: true } : {}),
  };
  return createHash('sha256').update(JSON.stringify(decisive)).digest('hex').slice(0, 16);
}

/** How a one-scenario run is replicated and what it keeps (the rest of its plan follows from the scenario). */
export interface ScenarioRunOptions {
  readonly replicates: number;
  readonly baseSeed: number;
  readonly crn: boolean;
  readonly keepEvents: boolean;
  readonly keepRuns: boolean;
  readonly keepOrganizations?: boolean;
}

/**
 * The plan of replications of one scenario (lesim run, lesim reps): one point with the scenario's
 * parameters; `extra` are the command line's overrides on top of the scenario's own, recorded
 * with them in the manifest.
 */
export function scenarioRunPlan(scenario: Scenario, params: Params, extra: Readonly<Record<string, number>>, options: ScenarioRunOptions): BatchPlan {
  return {
    kind: 'run',
    scenario: { name: scenario.name, title: scenario.title, description: scenario.description, sources: scenario.sources, overrides: { ...scenario.overrides, ...extra } },
    points: [{ id: 0, values: {}, params }],
    replicates: options.replicates,
    baseSeed: options.baseSeed,
    crn: options.crn,
    keepEvents: options.keepEvents,
    keepRuns: options.keepRuns,
    // Left out rather than undefined, so the plan (and its fingerprint) is as the commands wrote it.
    ...(options.keepOrganizations === undefined ? {} : { keepOrganizations: options.keepOrganizations }),
  };
}
