import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { PARAMETERS } from '../../model/parameters.js';
import { batchOptions, EXIT_FAILED_RUNS, EXIT_INTERRUPTED, runPlan, type BatchArgs } from '../batch.js';
import { UsageError, wholeNumber } from '../errors.js';
import { jsonOption, numberOption, textOption } from '../options.js';
import { defaultOut } from './run.js';

interface SweepArgs extends BatchArgs {
  file: string;
  reps?: number;
  seed?: number;
  months?: number;
  out?: string;
  events: boolean;
  json: boolean;
}

export const sweepCommand: CommandModule<object, SweepArgs> = {
  command: 'sweep <file>',
  describe: 'Run a parameter sweep from a YAML or JSON file (factorial, latin-hypercube or sobol design) and print each point\'s headline outcomes',
  builder: (y: Argv) =>
    batchOptions(
      y
        .positional('file', { type: 'string', describe: 'Sweep file (see docs/sweeps.md)', demandOption: true })
        .option('reps', numberOption('Replications per point (overrides the file)'))
        .option('seed', numberOption('Base seed (overrides the file)'))
        .option('months', numberOption('Months to simulate (overrides the file)'))
        .option('out', textOption('Output directory (default runs/sweep-<time>; required with --resume or --shard)'))
        .option('force', { type: 'boolean', default: false, describe: 'Replace an output directory that already holds results' })
        .option('events', { type: 'boolean', default: false, describe: 'Also write events.csv (large for big sweeps)' })
        .option('json', jsonOption),
    ) as unknown as Argv<SweepArgs>,
  handler: async (args: ArgumentsCamelCase<SweepArgs>) => {
    const { readSweepFile, sweepPlan } = await import('../../sweep/file.js');
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
    if (run.shard.count > 1) {
      const where = `shard ${run.shard.index + 1}/${run.shard.count} in ${out}; combine the shards with lesim merge`;
      if (args.json) process.stdout.write(`${JSON.stringify({ kind: 'sweep', out, shard: { index: run.shard.index + 1, count: run.shard.count }, failed_replications: run.failed }, null, 2)}\n`);
      else process.stdout.write(`sweep: ${plan.points.length} points x ${plan.replicates} replications done: ${where}\n`);
    } else {
      const [{ loadSweep }, { sweepJson, sweepTable }] = await Promise.all([import('../../load/sweep.js'), import('../sweepSummary.js')]);
      const data = loadSweep(out);
      if (args.json) process.stdout.write(sweepJson(data, out));
      else process.stdout.write(`${sweepTable(data)}Every outcome of every point: ${out}/outcomes.csv (and points.csv, the series files; docs/sweeps.md). Charts: lesim chart ${out} --kind sweep; report: lesim report ${out}\n`);
    }
    if (run.failed > 0) {
      process.stderr.write(`lesim: ${run.failed} run(s) failed; their seeds and errors are in failures.csv\n`);
      process.exitCode = EXIT_FAILED_RUNS;
    }
  },
};
