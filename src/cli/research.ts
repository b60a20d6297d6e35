import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { planFingerprint, type BatchPlan } from '../batch/plan.js';
import { checkOutputDir, OutputExistsError } from '../io/atomic.js';
import { EXIT_FAILED_RUNS, EXIT_INTERRUPTED, runPlan, type BatchArgs } from './batch.js';
import { decimalNumber, UsageError } from './errors.js';

/** Options of the research commands that run the model in rounds (propositions, calibrate). */
export interface StateArgs {
  out?: string;
  resume: boolean;
  force: boolean;
}

/**
 * The state directory (<out>.partial) of an adaptive research command: refused if one is there
 * and neither --resume nor --force is given; on --resume, refused if it was made with other
 * settings (they decide the random numbers, so mixing them would corrupt the result).
 */
export function openState(out: string, args: StateArgs, settings: Readonly<Record<string, unknown>>): string {
  checkOutputDir(out, args.force);
  const state = `${out.replace(/\/+$/, '')}.partial`;
  const file = join(state, 'settings.json');
  const text = JSON.stringify(settings);
  if (existsSync(state)) {
    if (args.resume && existsSync(file)) {
      const before = readFileSync(file, 'utf8').trim();
      if (before !== text) throw new UsageError(`${state} holds a run made with other settings (${before}); resume it with the same command, or remove ${state} to start over`);
      return state;
    }
    if (!args.force) throw new OutputExistsError(state, args.resume ? 'is not a resumable research state' : 'holds an interrupted run; pass --resume to continue it (same command)');
    rmSync(state, { recursive: true, force: true });
  }
  mkdirSync(state, { recursive: true });
  writeFileSync(file, text + '\n');
  return state;
}

/**
 * The state directory of an adaptive research command as a shard of a cluster job joins it: made
 * if no shard has made it yet, else checked to hold the same settings (several shards may start
 * at once on a shared file system: the settings file is written whole, then read back).
 */
export function joinState(out: string, settings: Readonly<Record<string, unknown>>): string {
  checkOutputDir(out, false);
  const state = `${out.replace(/\/+$/, '')}.partial`;
  const file = join(state, 'settings.json');
  const text = JSON.stringify(settings);
  mkdirSync(state, { recursive: true });
  if (!existsSync(file)) {
    const temp = `${file}.tmp-${process.pid}-${Math.floor(performance.now())}`;
    writeFileSync(temp, text + '\n');
    renameSync(temp, file);
  }
  const before = readFileSync(file, 'utf8').trim();
  if (before !== text) throw new UsageError(`${state} holds a run made with other settings (${before}); give every shard the same command, or remove ${state} to start over`);
  return state;
}

/** The settings a state directory was made with, if it is there (for --status). */
export function checkStateSettings(out: string, settings: Readonly<Record<string, unknown>>): string {
  const state = `${out.replace(/\/+$/, '')}.partial`;
  const file = join(state, 'settings.json');
  if (existsSync(file)) {
    const before = readFileSync(file, 'utf8').trim();
    if (before !== JSON.stringify(settings)) throw new UsageError(`${state} holds a run made with other settings (${before}); give the same command with --status`);
  }
  return state;
}

/** Ctrl-C or SIGTERM: finish the runs in flight, keep the state, exit 130; twice quits at once. */
export function stopOnSignal(label: string): { stopped: () => boolean; release: () => void } {
  let stop = false;
  const onSignal = () => {
    if (stop) process.exit(130);
    stop = true;
    process.stderr.write(`\n${label}: stopping after the runs in progress (Ctrl-C again to quit at once)\n`);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    stopped: () => stop,
    release: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

/** A positive number option, naming the option and what is allowed. */
export function positiveNumber(option: string, raw: unknown): number {
  return decimalNumber(option, raw, (v) => v > 0, 'a positive number');
}

/**
 * Runs a plan into <dir> through the batch engine (workers, resume, shards, progress), or, when
 * <dir> already holds the finished runs of this very plan (same fingerprint), reuses them: an
 * analysis can be redone, or finished after `lesim merge` of its shards, without running again.
 * Returns undefined when this process ran only a shard, or was interrupted.
 */
export async function runOrReuse(plan: BatchPlan, dir: string, args: BatchArgs, label: string): Promise<{ reused: boolean; ran: number; failed: number } | undefined> {
  const manifest = join(dir, 'manifest.json');
  if (existsSync(manifest)) {
    const stored = (JSON.parse(readFileSync(manifest, 'utf8')) as { plan_fingerprint?: string }).plan_fingerprint;
    if (stored === planFingerprint(plan)) {
      process.stderr.write(`${label}: reusing the finished runs in ${dir}\n`);
      return { reused: true, ran: 0, failed: 0 };
    }
    if (!args.force) throw new OutputExistsError(dir, 'holds runs of other settings');
  }
  const run = await runPlan(plan, dir, args, label, process.argv.slice(2));
  if (run.interrupted) {
    process.exitCode = EXIT_INTERRUPTED;
    return undefined;
  }
  if (run.shard.count > 1) {
    process.stdout.write(`${label}: shard ${run.shard.index + 1}/${run.shard.count} done in ${dir}; combine the shards with lesim merge into the runs directory, then run this command again without --shard to analyse\n`);
    return undefined;
  }
  if (run.failed > 0) process.exitCode = EXIT_FAILED_RUNS;
  return { reused: false, ran: plan.points.length * plan.replicates, failed: run.failed };
}
