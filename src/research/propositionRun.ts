import { resolve } from 'node:path';
import { z } from 'zod';
import type { OutcomeName, Outcomes } from '../model/outcomes.js';
import { loadScenarioArgument, ScenarioError } from '../scenarios/index.js';
import { formatIssue } from '../scenarios/errors.js';
import { pairedEffect, verdict, type PairedEffect, type Verdict } from './effects.js';
import { ResearchInputError } from './errors.js';
import { propositionSchema, PROPOSITIONS, type Proposition } from './propositions.js';
import { researchRng } from './random.js';
import { nextReplications } from './replications.js';
import { BatchStore } from '../batch/store.js';
import { hasRecord, researchPlan, runMissingTasks, storedOutcomes, type AdaptiveOptions, type ResearchPoint } from './runner.js';
import { holm } from './stats.js';
import { parseWith, readYamlFile } from './yamlFile.js';

export interface ResolvedProposition {
  readonly spec: Proposition;
  /** Where it was declared: 'built-in' or the file. */
  readonly origin: string;
  readonly control: ResearchPoint;
  readonly treatment: ResearchPoint;
}

type Arm = Proposition['control'];

function resolveArm(arm: Arm, origin: string, field: string, months: number | undefined, baseDir: string): ResearchPoint {
  const isFile = /\.(ya?ml|json)$/i.test(arm.scenario) || arm.scenario.includes('/');
  const scenario = isFile ? resolve(baseDir, arm.scenario) : arm.scenario;
  const sets = Object.entries(arm.set).map(([path, value]) => `${path}=${String(value)}`);
  if (months !== undefined) sets.push(`run.months=${months}`);
  try {
    const { params } = loadScenarioArgument(scenario, sets);
    return { values: {}, params };
  } catch (error) {
    if (error instanceof ScenarioError) throw new ResearchInputError(origin, field, error.issues.map(formatIssue).join('; '));
    if (error instanceof Error && /unknown scenario|neither a built-in/i.test(error.message)) throw new ResearchInputError(origin, `${field}.scenario`, error.message);
    throw error;
  }
}

/** Checks a proposition and resolves its two arms to parameter sets (months overrides its window). */
export function resolveProposition(spec: Proposition, origin: string, months?: number, baseDir = process.cwd()): ResolvedProposition {
  const m = months ?? spec.months;
  return { spec, origin, control: resolveArm(spec.control, origin, `${spec.name}.control`, m, baseDir), treatment: resolveArm(spec.treatment, origin, `${spec.name}.treatment`, m, baseDir) };
}

/** The built-in table, checked against the file schema (so the table and files cannot drift). */
export function builtinPropositions(): Proposition[] {
  return PROPOSITIONS.map((p, i) => parseWith(propositionSchema, p, 'built-in propositions', () => undefined, [i]));
}

/** A proposition file: one proposition, or `propositions:` with a list of them (same schema as the table). */
export function readPropositionFile(file: string): Proposition[] {
  const { data, lineOf } = readYamlFile(file, 'proposition file');
  if (data !== null && typeof data === 'object' && !Array.isArray(data) && 'propositions' in data) {
    const list = parseWith(z.object({ propositions: z.array(z.unknown()).min(1) }).strict(), data, file, lineOf);
    return list.propositions.map((p, i) => parseWith(propositionSchema, p, file, lineOf, ['propositions', i]));
  }
  return [parseWith(propositionSchema, data, file, lineOf)];
}

/** Per replicate, the response of one arm: the outcome, or outcome minus `later` for a contrast. */
function response(o: Outcomes | undefined, outcome: OutcomeName, later: OutcomeName | undefined): number {
  if (!o) return NaN;
  return later ? o[outcome] - o[later] : o[outcome];
}

export interface PropositionData {
  readonly control: readonly number[];
  readonly treatment: readonly number[];
  readonly rounds: readonly number[];
  readonly ran: number;
  readonly interrupted: boolean;
  readonly failed: number;
}

/** Where a proposition stands: the rounds so far and, until it is decided, the runs its current round still lacks. */
export interface PropositionRound {
  readonly rounds: readonly number[];
  /** Paired replications of the current round (the last of rounds). */
  readonly n: number;
  /** Task indices (point · n + replicate, point 0 control, 1 treatment) of the current round without a record. */
  readonly missing: readonly number[];
  readonly decided: boolean;
  readonly control: readonly number[];
  readonly treatment: readonly number[];
  readonly failed: number;
}

function propositionPlan(p: ResolvedProposition, n: number, seed: number) {
  return researchPlan(`proposition ${p.spec.name}`, 'propositions', [], [p.control, p.treatment], n, seed, true);
}

/**
 * Replays the sequential rule on the runs in the store: 3 pairs, then more until the 95% interval
 * of the difference is narrower than the declared width or the cap is reached. Each round's size
 * is a function of the earlier rounds' runs alone, so any process that sees the same records
 * (the whole run, or any shard of a cluster job) reaches the same round and the same verdict.
 */
export function propositionRound(p: ResolvedProposition, store: BatchStore, seed: number, capOption?: number): PropositionRound {
  const cap = Math.min(p.spec.cap, capOption ?? Infinity);
  const rounds: number[] = [];
  let n = Math.min(3, cap);
  for (;;) {
    rounds.push(n);
    const plan = propositionPlan(p, n, seed);
    const missing: number[] = [];
    for (let t = 0; t < 2 * n; t++) if (!hasRecord(store, Math.floor(t / n), t % n)) missing.push(t);
    const outcomes = missing.length === 0 ? storedOutcomes(plan, store) : [[], []];
    const control = outcomes[0].map((o) => response(o, p.spec.outcome, p.spec.later));
    const treatment = outcomes[1].map((o) => response(o, p.spec.outcome, p.spec.later));
    const failed = outcomes.flat().filter((o) => o === undefined).length;
    if (missing.length > 0) return { rounds, n, missing, decided: false, control, treatment, failed };
    const differences = control.map((c, k) => treatment[k] - c).filter(Number.isFinite);
    const next = differences.length < control.length && n < cap ? Math.min(cap, n + (control.length - differences.length)) : nextReplications(differences, p.spec.width, cap);
    if (next === 0 || next <= n) return { rounds, n, missing, decided: true, control, treatment, failed };
    n = next;
  }
}

/**
 * Which shard of a cluster job runs a task of a proposition's round: by the task's identity (the
 * proposition's place in the list, the arm and the replicate), not its place in a list of what is
 * missing, so every shard agrees whatever it has seen of the others' progress.
 */
export function shardOfTask(proposition: number, task: number, n: number, shards: number): number {
  const arm = Math.floor(task / n);
  const replicate = task % n;
  return (2 * replicate + arm + proposition) % shards;
}

/**
 * Paired replications of one proposition (replicate k of both arms shares its random numbers),
 * added round by round as propositionRound says, run here. Runs are kept in stateDir, so an
 * interrupted run resumes, and the runs of shards that filled the same store are used.
 */
export async function collectProposition(p: ResolvedProposition, stateDir: string, seed: number, options: AdaptiveOptions & { cap?: number }): Promise<PropositionData> {
  const store = new BatchStore(stateDir);
  let ran = 0;
  for (;;) {
    const round = propositionRound(p, store, seed, options.cap);
    if (round.decided) return { control: round.control, treatment: round.treatment, rounds: round.rounds, ran, interrupted: false, failed: round.failed };
    const result = await runMissingTasks(propositionPlan(p, round.n, seed), store, round.missing, options);
    ran += result.ran;
    if (result.interrupted) return { control: [], treatment: [], rounds: round.rounds, ran, interrupted: true, failed: result.failed };
  }
}

/**
 * One shard's part of the current round of every undecided proposition: the runs it owns that
 * have no record yet. The shards of a round can run at once or one after another; the next round
 * is known once all of them are done (propositionRound on the store).
 */
export async function runPropositionShard(ps: readonly ResolvedProposition[], stateDirOf: (p: ResolvedProposition) => string, seed: number, shard: { index: number; count: number }, options: AdaptiveOptions & { cap?: number }): Promise<{ ran: number; interrupted: boolean; rounds: PropositionRound[] }> {
  let ran = 0;
  const rounds: PropositionRound[] = [];
  for (let i = 0; i < ps.length; i++) {
    const store = new BatchStore(stateDirOf(ps[i]));
    const round = propositionRound(ps[i], store, seed, options.cap);
    rounds.push(round);
    if (round.decided) continue;
    const mine = round.missing.filter((t) => shardOfTask(i, t, round.n, shard.count) === shard.index);
    const result = await runMissingTasks(propositionPlan(ps[i], round.n, seed), store, mine, options);
    ran += result.ran;
    if (result.interrupted) return { ran, interrupted: true, rounds };
  }
  return { ran, interrupted: false, rounds };
}

export interface PropositionResult {
  readonly name: string;
  readonly title: string;
  readonly statement: string;
  readonly source: string;
  readonly factor: string;
  readonly outcome: string;
  readonly expected: 'increase' | 'decrease';
  readonly width: number;
  readonly replications: number;
  readonly effect: PairedEffect;
  readonly pAdjusted: number;
  readonly verdict: Verdict;
  readonly reachedWidth: boolean;
}

/** Effects, Holm-adjusted p-values across the set, and verdicts. */
export function judge(props: readonly ResolvedProposition[], data: readonly PropositionData[], seed: number): PropositionResult[] {
  const effects = data.map((d, i) => pairedEffect(d.control, d.treatment, researchRng(seed, `propositions:${props[i].spec.name}`), 1000));
  const adjusted = holm(effects.map((e) => (Number.isFinite(e.p) ? e.p : 1)));
  return props.map((p, i) => {
    const e = effects[i];
    return {
      name: p.spec.name,
      title: p.spec.title,
      statement: p.spec.statement,
      source: p.spec.source,
      factor: p.spec.factor,
      outcome: p.spec.later ? `${p.spec.outcome} - ${p.spec.later}` : p.spec.outcome,
      expected: p.spec.expected,
      width: p.spec.width,
      replications: e.n,
      effect: e,
      pAdjusted: adjusted[i],
      verdict: verdict(e, adjusted[i], p.spec.expected),
      reachedWidth: e.difference.high - e.difference.low <= p.spec.width,
    };
  });
}

