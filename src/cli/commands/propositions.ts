import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { buildDirectoryAtomically } from '../../io/atomic.js';
import { gitCommit, lesimVersion } from '../../io/provenance.js';
import { PARAMETERS } from '../../model/parameters.js';
import { BatchStore } from '../../batch/store.js';
import { builtinPropositions, collectProposition, judge, propositionRound, readPropositionFile, resolveProposition, runPropositionShard, type PropositionData } from '../../research/propositionRun.js';
import type { Proposition } from '../../research/propositions.js';
import { resolveShard, resolveWorkers } from '../batch.js';
import { UsageError, wholeNumber } from '../errors.js';
import { numberOption } from '../options.js';
import { Progress } from '../progress.js';
import { checkStateSettings, joinState, openState, stopOnSignal } from '../research.js';
import { defaultOut } from './run.js';

interface PropositionsArgs {
  names?: string[];
  file?: string | string[];
  cap?: number;
  seed: number;
  months?: number;
  out?: string;
  workers?: number;
  resume: boolean;
  force: boolean;
  list: boolean;
  shard?: string;
  status: boolean;
}

const fmt = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(3)).toString() : 'n/a');

export const propositionsCommand: CommandModule<object, PropositionsArgs> = {
  command: 'propositions [names..]',
  describe: 'Test the propositions of Mozaffar et al. 2026 (or your own files) on paired replications: effect, interval, verdict',
  builder: (y: Argv) =>
    y
      .positional('names', { type: 'string', array: true, describe: 'Propositions to run (default: all); lesim propositions --list shows them' })
      .option('file', { type: 'string', describe: 'A proposition file (YAML or JSON, same fields as the table; repeatable); only its propositions run unless names are given', requiresArg: true })
      .option('cap', numberOption('At most this many paired replications per proposition (overrides each cap)'))
      .option('seed', numberOption('Base seed', 1))
      .option('months', numberOption('Months to simulate (overrides each proposition\'s window; default 120)'))
      .option('out', { type: 'string', describe: 'Output directory (default runs/propositions-<time>)' })
      .option('workers', numberOption('Worker threads (default: the available cores)'))
      .option('resume', { type: 'boolean', default: false, describe: 'Continue an interrupted run kept in <out>.partial' })
      .option('force', { type: 'boolean', default: false, describe: 'Replace the output directory (and any interrupted state)' })
      .option('list', { type: 'boolean', default: false, describe: 'List the propositions and exit' })
      .option('shard', { type: 'string', requiresArg: true, describe: 'Run slice i of n (e.g. 2/4) of the current round of every undecided proposition into <out>.partial (a shared directory), then stop; read from SLURM_ARRAY_TASK_ID/COUNT or JOB_COMPLETION_INDEX with LESIM_SHARD_COUNT when not given. Repeat the shards round by round until --status says done, then run without --shard, with --resume, to write the results' })
      .option('status', { type: 'boolean', default: false, describe: 'Print where each proposition stands in <out>.partial (decided, or the runs its current round lacks) and exit; the last line starts with done or pending' }) as unknown as Argv<PropositionsArgs>,
  handler: async (args: ArgumentsCamelCase<PropositionsArgs>) => {
    const files = args.file === undefined ? [] : typeof args.file === 'string' ? [args.file] : args.file;
    const declared: { spec: Proposition; origin: string }[] = files.length === 0 ? builtinPropositions().map((spec) => ({ spec, origin: 'built-in' })) : files.flatMap((f) => readPropositionFile(f).map((spec) => ({ spec, origin: f })));
    if (args.list) {
      for (const { spec, origin } of declared) process.stdout.write(`${spec.name.padEnd(26)} ${spec.statement}\n${' '.repeat(27)}factor: ${spec.factor}\n${' '.repeat(27)}outcome: ${spec.outcome}${spec.later ? ` - ${spec.later}` : ''}, expected ${spec.expected}, width ${spec.width}, cap ${spec.cap}${origin === 'built-in' ? '' : ` (${origin})`}\n`);
      return;
    }
    const seen = new Set<string>();
    for (const { spec, origin } of declared) {
      if (seen.has(spec.name)) throw new UsageError(`${origin}: proposition '${spec.name}' is declared twice`);
      seen.add(spec.name);
    }
    const names = args.names ?? [];
    for (const n of names) if (!seen.has(n)) throw new UsageError(`unknown proposition '${n}'; valid: ${[...seen].join(', ')}`);
    const chosen = names.length > 0 ? declared.filter((d) => names.includes(d.spec.name)) : declared;
    const h = PARAMETERS.horizon_months;
    const months = args.months === undefined ? undefined : wholeNumber('months', args.months, h.min, h.max);
    const cap = args.cap === undefined ? undefined : wholeNumber('cap', args.cap, 3, 10000);
    const seed = wholeNumber('seed', args.seed, 0, Number.MAX_SAFE_INTEGER);
    const workers = resolveWorkers(args.workers);
    // Every arm is resolved before anything runs: a bad lever fails at once, naming the file and field.
    const resolved = chosen.map(({ spec, origin }) => resolveProposition(spec, origin, months, origin === 'built-in' ? process.cwd() : dirname(origin)));
    const { shard, from } = resolveShard(args.shard, process.env);
    const sharded = shard.count > 1;
    if ((sharded || args.status) && args.out === undefined) throw new UsageError(`--out is required with ${args.status ? '--status' : '--shard'}: every shard and the final call must name the same directory`);
    if (sharded && args.force) throw new UsageError('--force with --shard would delete the runs of the other shards: remove <out>.partial by hand to start over');
    const out = args.out ?? defaultOut('propositions', new Date());
    const settings = { seed, months: months ?? null, cap: cap ?? null, propositions: resolved.map((r) => r.spec) };
    if (args.status) {
      const state = checkStateSettings(out, settings);
      if (!existsSync(state) && existsSync(join(out, 'propositions.json'))) {
        process.stdout.write(`done: ${out} holds the results\n`);
        return;
      }
      let pending = 0;
      resolved.forEach((p) => {
        const r = propositionRound(p, new BatchStore(join(state, p.spec.name)), seed, cap);
        pending += r.missing.length;
        process.stdout.write(r.decided ? `${p.spec.name}: decided after rounds ${r.rounds.join(', ')} (${r.n} pairs)\n` : `${p.spec.name}: round ${r.rounds.length} (${r.n} pairs): ${r.missing.length} of ${2 * r.n} runs to go\n`);
      });
      process.stdout.write(pending === 0 ? `done: every proposition is decided; the same command without --status (and --shard), with --resume, writes the results and runs nothing\n` : `pending: ${pending} runs in the current rounds; run them (with --shard i/n on a cluster), then check again\n`);
      return;
    }
    if (sharded) {
      const state = joinState(out, settings);
      if (from) process.stderr.write(`propositions: shard ${shard.index + 1}/${shard.count} (from ${from})\n`);
      const signal = stopOnSignal('propositions');
      const progress = new Progress(`propositions shard ${shard.index + 1}/${shard.count}`);
      let part;
      try {
        part = await runPropositionShard(resolved, (p) => join(state, p.spec.name), seed, shard, { workers, cap, onProgress: (a, b, c) => progress.update(a, b, c), stopped: signal.stopped });
      } finally {
        signal.release();
      }
      if (part.interrupted) {
        process.stderr.write(`propositions: interrupted; finished runs are kept in ${state}. Run the same shard again to continue.\n`);
        process.exitCode = 130;
        return;
      }
      const undecided = part.rounds.filter((r) => !r.decided).length;
      process.stdout.write(`propositions: shard ${shard.index + 1}/${shard.count}: ${part.ran} runs made in ${state}; ${undecided === 0 ? 'every proposition is decided: run the command without --shard, with --resume, to write the results' : `${undecided} proposition(s) were in a round; when every shard of it is done, check with --status and run the shards again for the next round`}\n`);
      return;
    }
    const state = openState(out, args, settings);
    const signal = stopOnSignal('propositions');
    const started = performance.now();
    const data: PropositionData[] = [];
    try {
      for (const p of resolved) {
        const progress = new Progress(`propositions ${p.spec.name}`);
        const d = await collectProposition(p, join(state, p.spec.name), seed, { workers, cap, onProgress: (a, b, c) => progress.update(a, b, c), stopped: signal.stopped });
        if (d.interrupted) {
          process.stderr.write(`propositions: interrupted; finished runs are kept in ${state}. Continue with the same command and --resume.\n`);
          process.exitCode = 130;
          return;
        }
        process.stderr.write(`propositions: ${p.spec.name}: ${d.control.length} paired replications (rounds ${d.rounds.join(', ')})\n`);
        data.push(d);
      }
    } finally {
      signal.release();
    }
    // Charts load vega: imported only here, so other commands start fast.
    const { chartFiles, putFiles, rowsCsv, toJson } = await import('../../research/write.js');
    const { effectsChart } = await import('../../research/charts.js');
    const results = judge(resolved, data, seed);
    const seconds = (performance.now() - started) / 1000;
    // Runs used (two arms per pair, failed ones included) and runs made by this call (none after shards made them).
    const runs = data.reduce((s, d) => s + 2 * d.control.length, 0);
    const ranNow = data.reduce((s, d) => s + d.ran, 0);
    const table = results.map((r) => ({
      name: r.name,
      outcome: r.outcome,
      expected: r.expected,
      replications: r.replications,
      control_mean: r.effect.control,
      treatment_mean: r.effect.treatment,
      difference: r.effect.difference.estimate,
      difference_low: r.effect.difference.low,
      difference_high: r.effect.difference.high,
      difference_boot_low: r.effect.differenceBootstrap.low,
      difference_boot_high: r.effect.differenceBootstrap.high,
      standardised: r.effect.standardised.estimate,
      standardised_low: r.effect.standardised.low,
      standardised_high: r.effect.standardised.high,
      vd_a: r.effect.a.estimate,
      vd_a_low: r.effect.a.low,
      vd_a_high: r.effect.a.high,
      p: r.effect.p,
      p_holm: r.pAdjusted,
      target_width: r.width,
      reached_width: r.reachedWidth,
      verdict: r.verdict,
    }));
    const replicationRows = resolved.flatMap((p, i) => data[i].control.map((c, k) => ({ proposition: p.spec.name, replicate: k, control: c, treatment: data[i].treatment[k], difference: data[i].treatment[k] - c })));
    const chart = effectsChart(out, results.map((r) => ({ name: r.name, verdict: r.verdict, estimate: r.effect.standardised.estimate, low: r.effect.standardised.low, high: r.effect.standardised.high })));
    const charts = await chartFiles('effects', chart);
    buildDirectoryAtomically(out, args.force, (temp) => {
      writeFileSync(join(temp, 'propositions.csv'), rowsCsv(table));
      writeFileSync(join(temp, 'replications.csv'), rowsCsv(replicationRows));
      writeFileSync(
        join(temp, 'propositions.json'),
        toJson({ command: ['lesim', ...process.argv.slice(2)], lesim_version: lesimVersion(), git_commit: gitCommit(), seed, months: months ?? 'each proposition\'s window (default 120)', common_random_numbers: true, runs, runs_made_now: ranNow, seconds: Number(seconds.toFixed(1)), propositions: results.map((r, i) => ({ ...r, declared_in: resolved[i].origin, rounds: data[i].rounds })) }),
      );
      const names = putFiles(temp, charts);
      writeFileSync(join(temp, 'manifest.json'), toJson({ kind: 'propositions', files: ['propositions.csv', 'propositions.json', 'replications.csv', ...names, 'manifest.json'] }));
    });
    rmSync(state, { recursive: true, force: true });
    const w = Math.max(...results.map((r) => r.name.length));
    process.stdout.write(`${'proposition'.padEnd(w)}  ${'n'.padStart(3)}  ${'difference [95% CI]'.padEnd(34)}  ${'d [95% CI]'.padEnd(24)}  ${'A'.padEnd(5)}  ${'p (Holm)'.padEnd(9)}  verdict\n`);
    for (const r of results) {
      const e = r.effect;
      process.stdout.write(`${r.name.padEnd(w)}  ${String(r.replications).padStart(3)}  ${`${fmt(e.difference.estimate)} [${fmt(e.difference.low)}, ${fmt(e.difference.high)}]`.padEnd(34)}  ${`${fmt(e.standardised.estimate)} [${fmt(e.standardised.low)}, ${fmt(e.standardised.high)}]`.padEnd(24)}  ${fmt(e.a.estimate).padEnd(5)}  ${fmt(r.pAdjusted).padEnd(9)}  ${r.verdict}\n`);
    }
    process.stdout.write(`propositions: ${results.length} tested with ${runs} runs (${ranNow} made now) in ${seconds.toFixed(0)} s; ${out} (propositions.csv, propositions.json, replications.csv, effects.png)\n`);
  },
};
