import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { scenarioRunPlan } from '../../batch/plan.js';
import { PARAMETERS } from '../../model/parameters.js';
import { BUILTIN_DOCUMENTS } from '../../scenarios/builtin/index.js';
import { setOption, setsOf } from './set.js';
import { batchOptions, EXIT_FAILED_RUNS, EXIT_INTERRUPTED, runPlan, type BatchArgs } from '../batch.js';
import { UsageError, wholeNumber } from '../errors.js';
import { jsonOption, numberOption, textOption } from '../options.js';

interface RunArgs extends BatchArgs {
  scenario: string;
  set?: string | string[];
  reps: number;
  seed: number;
  months?: number;
  out?: string;
  events: boolean;
  json: boolean;
  organizations: boolean;
}

export const DEFAULT_REPS = 10;
export const DEFAULT_SEED = 1;

export function defaultOut(name: string, now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, '').replace('T', '-');
  return `runs/${name}-${stamp}`;
}

export const runCommand: CommandModule<object, RunArgs> = {
  command: 'run <scenario>',
  describe: 'Run replications of a scenario and write series, events, summary and manifest',
  builder: (y: Argv) =>
    batchOptions(
      y
        .positional('scenario', { type: 'string', describe: `Built-in scenario (${Object.keys(BUILTIN_DOCUMENTS).join(', ')}) or scenario file (.yaml, .yml, .json)`, demandOption: true })
        .option('set', setOption)
        .option('reps', numberOption('Replications', DEFAULT_REPS))
        .option('seed', numberOption('Base seed (replicate k uses seed (base, k))', DEFAULT_SEED))
        .option('months', numberOption(`Months to simulate (default ${PARAMETERS.horizon_months.default})`))
        .option('out', textOption('Output directory (default runs/<scenario>-<time>; required with --resume or --shard)'))
        .option('force', { type: 'boolean', default: false, describe: 'Replace an output directory that already holds a run' })
        .option('events', { type: 'boolean', default: true, describe: 'Write events.csv (--no-events to skip)' })
        .option('organizations', { type: 'boolean', default: true, describe: 'Write organizations.csv: every organization per year (--no-organizations to skip)' })
        .option('json', jsonOption),
    ) as unknown as Argv<RunArgs>,
  handler: async (args: ArgumentsCamelCase<RunArgs>) => {
    const { loadScenarioArgument, resolveScenario } = await import('../../scenarios/index.js');
    // Scenario resolution: a built-in name to its title, description and parameters.
    const { scenario } = loadScenarioArgument(args.scenario, setsOf(args.set));
    const reps = wholeNumber('reps', args.reps, 1, 1_000_000);
    const seed = wholeNumber('seed', args.seed, 0, Number.MAX_SAFE_INTEGER);
    const h = PARAMETERS.horizon_months;
    const extra: Record<string, number> = {};
    if (args.months !== undefined) extra.horizon_months = wholeNumber('months', args.months, h.min, h.max);
    const params = resolveScenario(scenario, extra);
    // End of scenario resolution.
    if ((args.resume || args.shard !== undefined) && args.out === undefined) throw new UsageError('--out is required with --resume or --shard (the directory to continue or to write the shard to)');
    const out = args.out ?? defaultOut(scenario.name, new Date());
    const plan = scenarioRunPlan(scenario, params, extra, { replicates: reps, baseSeed: seed, crn: args.crn, keepEvents: args.events, keepRuns: args.keepRuns, keepOrganizations: args.organizations });
    const run = await runPlan(plan, out, args, scenario.name, process.argv.slice(2));
    if (run.interrupted) {
      process.exitCode = EXIT_INTERRUPTED;
      return;
    }
    const { printRunSummary, runJson } = await import('../summary.js');
    if (args.json) process.stdout.write(runJson(scenario, run, out));
    else if (run.final?.result) printRunSummary(scenario, run.final.result, out);
    else process.stdout.write(`${scenario.name}: shard ${run.shard.index + 1}/${run.shard.count} done in ${out}; combine the shards with lesim merge\n`);
    if (run.failed > 0) {
      process.stderr.write(`lesim: ${run.failed} replication(s) failed; their seeds and errors are in ${out}/failures.csv${run.shard.count > 1 ? ' after merging' : ''}\n`);
      process.exitCode = EXIT_FAILED_RUNS;
    }
  },
};
