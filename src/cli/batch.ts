import { availableParallelism } from 'node:os';
import { existsSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { FinalizeOutcome } from '../batch/finalize.js';
import { planFingerprint, WHOLE, type BatchPlan, type Shard } from '../batch/plan.js';
import type { BatchStore } from '../batch/store.js';
import { checkOutputDir, checkOutputPath, makeDirectories, OutputExistsError, replaceDirectory } from '../io/atomic.js';
import { lockOutput } from '../io/lock.js';
import { commandProvenance, gitCommit, lesimVersion } from '../io/provenance.js';
import { EXIT } from '../errors.js';
import { UsageError, wholeNumber } from './errors.js';
import { numberOption } from './options.js';
import { Progress } from './progress.js';

/** Options shared by the commands that run batches (run, sweep). */
export interface BatchArgs {
  /** A number from yargs (run, sweep); compare still passes its text option. */
  workers?: number | string;
  resume: boolean;
  force: boolean;
  shard?: string;
  keepRuns: boolean;
  crn: boolean;
}

/** Exit codes beyond 0 (done) and 2 (bad input): see src/errors.ts. */
export const EXIT_FAILED_RUNS = EXIT.runsFailed;
export const EXIT_INTERRUPTED = EXIT.interrupted;

export function batchOptions<T>(y: import('yargs').Argv<T>): import('yargs').Argv<T> {
  return y
    .option('workers', numberOption(`Worker threads (default: the available cores, here ${availableParallelism()}); results are identical for any number`))
    .option('resume', { type: 'boolean', default: false, describe: 'Continue an interrupted batch in <out>.partial, skipping finished runs' })
    .option('shard', { type: 'string', requiresArg: true, describe: 'Run slice i of n (1-based, e.g. 2/4) for a cluster; read from SLURM_ARRAY_TASK_ID/COUNT or JOB_COMPLETION_INDEX with LESIM_SHARD_COUNT when not given' })
    .option('keep-runs', { type: 'boolean', default: false, describe: "Also write each replication's raw monthly series under runs/" })
    .option('crn', { type: 'boolean', default: true, describe: 'Common random numbers: replicate k of every scenario or point shares its streams (--no-crn: each draws its own)' }) as import('yargs').Argv<T>;
}

/**
 * Which slice of the batch this process runs: --shard i/n, else a SLURM array task or a
 * Kubernetes Indexed Job (with LESIM_SHARD_COUNT set from its completions), else all of it.
 */
export function resolveShard(option: string | undefined, env: NodeJS.ProcessEnv): { shard: Shard; from: string } {
  if (option !== undefined) {
    const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(option);
    const i = m ? Number(m[1]) : NaN;
    const n = m ? Number(m[2]) : NaN;
    if (!m || !(n >= 1) || !(i >= 1) || i > n || n > 100000) throw new UsageError(`--shard must be i/n with 1 <= i <= n (e.g. 2/4), got '${option}'`);
    return { shard: { index: i - 1, count: n }, from: '--shard' };
  }
  if (env.SLURM_ARRAY_TASK_ID !== undefined && env.SLURM_ARRAY_TASK_COUNT !== undefined) {
    const id = Number(env.SLURM_ARRAY_TASK_ID);
    const min = Number(env.SLURM_ARRAY_TASK_MIN ?? 0);
    const count = Number(env.SLURM_ARRAY_TASK_COUNT);
    const index = id - min;
    if (!Number.isInteger(index) || !Number.isInteger(count) || index < 0 || index >= count) {
      throw new UsageError(`SLURM_ARRAY_TASK_ID=${env.SLURM_ARRAY_TASK_ID} (min ${min}) does not fit SLURM_ARRAY_TASK_COUNT=${env.SLURM_ARRAY_TASK_COUNT}: use a contiguous array such as --array=0-3, or pass --shard i/n`);
    }
    return { shard: { index, count }, from: 'SLURM_ARRAY_TASK_ID' };
  }
  if (env.JOB_COMPLETION_INDEX !== undefined) {
    const index = Number(env.JOB_COMPLETION_INDEX);
    const count = Number(env.LESIM_SHARD_COUNT);
    if (!Number.isInteger(count) || count < 1) throw new UsageError('JOB_COMPLETION_INDEX is set but LESIM_SHARD_COUNT is not: set it to the Job\'s completions, or pass --shard i/n');
    if (!Number.isInteger(index) || index < 0 || index >= count) throw new UsageError(`JOB_COMPLETION_INDEX=${env.JOB_COMPLETION_INDEX} is outside 0..${count - 1} (LESIM_SHARD_COUNT=${count})`);
    return { shard: { index, count }, from: 'JOB_COMPLETION_INDEX' };
  }
  return { shard: WHOLE, from: '' };
}

export function resolveWorkers(option: number | string | undefined): number {
  return option === undefined ? availableParallelism() : wholeNumber('workers', option, 1, 1024);
}

function isFinishedShard(store: BatchStore, fingerprint: string, shard: Shard): boolean {
  if (!store.exists()) return false;
  const done = store.readComplete();
  const stored = store.readPlan();
  return stored.fingerprint === fingerprint && stored.made_with.lesim_version === lesimVersion() && done !== undefined && done.index === shard.index && done.count === shard.count;
}

export interface BatchRun {
  readonly out: string;
  readonly interrupted: boolean;
  readonly failed: number;
  readonly shard: Shard;
  readonly final?: FinalizeOutcome;
}

/**
 * Runs a plan as the command line does: state kept in <out>.partial while it runs (so Ctrl-C or
 * a crash loses at most the runs in flight), then the final files written atomically to <out>.
 * A shard's finished state directory is itself its output, for `lesim merge`.
 */
export async function runPlan(plan: BatchPlan, out: string, args: BatchArgs, label: string, command: readonly string[]): Promise<BatchRun> {
  const { shard, from } = resolveShard(args.shard, process.env);
  const workers = resolveWorkers(args.workers);
  // Every check of --out (and the locks) before the first replication: a bad path fails now.
  checkOutputPath(out);
  const partial = `${out.replace(/\/+$/, '')}.partial`;
  makeDirectories(dirname(resolve(out)));
  const locks = [lockOutput(out), lockOutput(partial)];
  try {
    return await runLocked(plan, out, partial, args, label, command, shard, from, workers);
  } finally {
    for (const lock of locks) lock.release();
  }
}

async function runLocked(plan: BatchPlan, out: string, partial: string, args: BatchArgs, label: string, command: readonly string[], shard: Shard, from: string, workers: number): Promise<BatchRun> {
  // The batch engine (workers, the model, the output writers) is loaded only by the commands that run one.
  const [{ executeBatch }, { finalizeBatch }, { BatchStore }, { failTasksFromEnv }] = await Promise.all([
    import('../batch/execute.js'),
    import('../batch/finalize.js'),
    import('../batch/store.js'),
    import('../batch/task.js'),
  ]);
  const store = new BatchStore(partial);
  const fingerprint = planFingerprint(plan);
  if (args.resume && shard.count > 1 && !args.force && isFinishedShard(new BatchStore(out), fingerprint, shard)) {
    // A requeued cluster task whose shard is already done: nothing to do.
    process.stderr.write(`${label}: shard ${shard.index + 1}/${shard.count} in ${out} is already complete\n`);
    return { out, interrupted: false, failed: 0, shard };
  }
  checkOutputDir(out, args.force);
  const madeWith = { lesim_version: lesimVersion(), git_commit: gitCommit() };
  if (store.exists()) {
    if (args.resume) {
      const before = store.readPlan();
      const same = (a: Shard, b: Shard) => a.index === b.index && a.count === b.count;
      const why =
        before.fingerprint !== fingerprint
          ? 'other settings (scenario, replications, seed, months or options differ)'
          : !same(before.shard, shard)
            ? `another shard (${before.shard.index + 1}/${before.shard.count}, now ${shard.index + 1}/${shard.count})`
            : before.made_with.lesim_version !== madeWith.lesim_version
              ? `another lesim version (${before.made_with.lesim_version}, now ${madeWith.lesim_version})`
              : '';
      if (why) throw new UsageError(`${partial} holds a batch made with ${why}; resume it with the same command and lesim, or remove ${partial} to start over`);
      if (before.made_with.git_commit !== madeWith.git_commit) {
        process.stderr.write(`${label}: note: ${partial} was started at commit ${before.made_with.git_commit}, this is ${madeWith.git_commit}\n`);
      }
    } else if (args.force) {
      checkOutputDir(partial, true);
      rmSync(partial, { recursive: true, force: true });
    } else throw new OutputExistsError(partial, 'holds an interrupted batch', 'pass --resume to continue it (same command), or --force to start over');
  } else if (existsSync(partial)) {
    if (!args.force) throw new OutputExistsError(partial, 'exists and is not a lesim batch', 'move it away or choose another --out');
    // --force replaces only lesim's own state or an empty directory: never a user's files.
    checkOutputDir(partial, true);
    rmSync(partial, { recursive: true, force: true });
  }
  if (!store.exists()) store.writePlan(plan, fingerprint, shard, madeWith);
  if (from) process.stderr.write(`${label}: shard ${shard.index + 1}/${shard.count} (from ${from})\n`);
  const startedAt = new Date();
  const progress = new Progress(label);
  let stop = false;
  const onSignal = () => {
    if (stop) process.exit(EXIT_INTERRUPTED);
    stop = true;
    process.stderr.write(`\n${label}: stopping after the runs in progress (Ctrl-C again to quit at once)\n`);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let outcome;
  try {
    outcome = await executeBatch(plan, store, {
      workers,
      shard,
      resume: args.resume,
      failTasks: failTasksFromEnv(),
      onProgress: (done, total, failed) => progress.update(done, total, failed),
      stopped: () => stop,
    });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  if (outcome.interrupted) {
    process.stderr.write(`${label}: interrupted with ${outcome.done} of ${outcome.total} runs done; they are kept in ${partial}. Continue with the same command and --resume.\n`);
    return { out, interrupted: true, failed: outcome.failed, shard };
  }
  const provenance = commandProvenance(startedAt, command);
  if (shard.count > 1) {
    // A shard's output is its finished state, merged later with the others.
    replaceDirectory(partial, out, args.force);
    return { out, interrupted: false, failed: outcome.failed, shard };
  }
  const final = finalizeBatch([store], out, args.force, provenance, { workers });
  rmSync(partial, { recursive: true, force: true });
  return { out, interrupted: false, failed: final.failed, shard, final };
}
