import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { PARAMETERS } from '../../model/parameters.js';
import { readSweepFile, sweepPlan } from '../../sweep/file.js';
import { batchOptions, EXIT_FAILED_RUNS, EXIT_INTERRUPTED, runPlan, type BatchArgs } from '../batch.js';
import { UsageError, wholeNumber } from '../errors.js';
import { defaultOut } from './run.js';

interface SweepArgs extends BatchArgs {
  file: string;
  reps?: string;
  seed?: string;
  months?: string;
  out?: string;
  events: boolean;
}

export const sweepCommand: CommandModule<object, SweepArgs> = {
  command: 'sweep <file>',
  describe: 'Run a parameter sweep from a YAML or JSON file (factorial, latin-hypercube or sobol design)',
  builder: (y: Argv) =>
    batchOptions(
      y
        .positional('file', { type: 'string', describe: 'Sweep file (see docs/sweeps.md)', demandOption: true })
        .option('reps', { type: 'string', describe: 'Replications per point (overrides the file)' })
        .option('seed', { type: 'string', describe: 'Base seed (overrides the file)' })
        .option('months', { type: 'string', describe: 'Months to simulate (overrides the file)' })
        .option('out', { type: 'string', describe: 'Output directory (default runs/sweep-<time>; required with --resume or --shard)' })
        .option('force', { type: 'boolean', default: false, describe: 'Replace an output directory that already holds results' })
        .option('events', { type: 'boolean', default: false, describe: 'Also write events.csv (large for big sweeps)' }),
    ) as unknown as Argv<SweepArgs>,
  handler: async (args: ArgumentsCamelCase<SweepArgs>) => {
    const seed = args.seed === undefined ? undefined : wholeNumber('seed', args.seed, 0, Number.MAX_SAFE_INTEGER);
    const read = readSweepFile(args.file, seed);
    const h = PARAMETERS.horizon_months;
    const spec = args.months === undefined ? read : { ...read, months: wholeNumber('months', args.months, h.min, h.max) };
    const plan = sweepPlan(spec, {
      crn: args.crn,
      keepEvents: args.events,
      keepRuns: args.keepRuns,
      replications: args.reps === undefined ? undefined : wholeNumber('reps', args.reps, 1, 1_000_000),
    });
    if ((args.resume || args.shard !== undefined) && args.out === undefined) throw new UsageError('--out is required with --resume or --shard (the directory to continue or to write the shard to)');
    const out = args.out ?? defaultOut('sweep', new Date());
    const label = `sweep ${spec.design}`;
    const total = plan.points.length * plan.replicates;
    process.stderr.write(`${label}: ${plan.points.length} points x ${plan.replicates} replications = ${total} runs of ${plan.scenario.name}\n`);
    const run = await runPlan(plan, out, args, label, process.argv.slice(2));
    if (run.interrupted) {
      process.exitCode = EXIT_INTERRUPTED;
      return;
    }
    const where = run.shard.count > 1 ? `shard ${run.shard.index + 1}/${run.shard.count} in ${out}; combine the shards with lesim merge` : `${out} (points.csv, outcomes.csv and series files; see docs/sweeps.md)`;
    process.stdout.write(`sweep: ${plan.points.length} points x ${plan.replicates} replications done: ${where}\n`);
    if (run.failed > 0) {
      process.stderr.write(`lesim: ${run.failed} run(s) failed; their seeds and errors are in failures.csv\n`);
      process.exitCode = EXIT_FAILED_RUNS;
    }
  },
};
