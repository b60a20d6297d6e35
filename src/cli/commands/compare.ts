import { readFileSync } from 'node:fs';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import type { BatchPlan } from '../../batch/plan.js';
import { alignWindow } from '../../compare/align.js';
import { comparisonTable, HEADLINE_OUTCOMES } from '../../compare/table.js';
import { OUTCOMES } from '../../model/outcomes.js';
import { PARAMETERS } from '../../model/parameters.js';
import { loadScenarioArgument, resolveScenario } from '../../scenarios/index.js';
import { EXIT_FAILED_RUNS, EXIT_INTERRUPTED, runPlan } from '../batch.js';
import { UsageError, wholeNumber } from '../errors.js';
import { numberOption } from '../options.js';

interface CompareArgs {
  scenarios: string[];
  baseline?: string;
  reps: number;
  seed: number;
  months?: number;
  out?: string;
  force: boolean;
  all: boolean;
  json: boolean;
  workers?: number;
  resume: boolean;
  shard?: string;
}

function defaultOut(now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, '').replace('T', '-');
  return `runs/compare-${stamp}`;
}

export const compareCommand: CommandModule<object, CompareArgs> = {
  command: 'compare <scenarios..>',
  describe: 'Run scenarios on paired replications (common random numbers) and compare each with a baseline: differences with 95% intervals and cost per unit',
  builder: (y: Argv) =>
    y
      .positional('scenarios', { type: 'string', array: true, demandOption: true, describe: 'Two or more built-in scenarios or scenario files' })
      .option('baseline', { type: 'string', requiresArg: true, describe: 'The scenario the others are compared with (default: the first)' })
      .option('reps', numberOption('Paired replications per scenario', 10))
      .option('seed', numberOption('Base seed (replicate k of every scenario uses seed (base, k))', 1))
      .option('months', numberOption(`Months to simulate in every scenario (default: the longest horizon among them, ${PARAMETERS.horizon_months.default} unless a scenario says otherwise)`))
      .option('out', { type: 'string', describe: 'Output directory (default runs/compare-<time>; required with --resume or --shard)' })
      .option('force', { type: 'boolean', default: false, describe: 'Replace an output directory that already holds a run' })
      .option('workers', numberOption('Worker threads (default: the available cores); results are identical for any number'))
      .option('resume', { type: 'boolean', default: false, describe: 'Continue an interrupted comparison in <out>.partial, skipping finished runs' })
      .option('shard', { type: 'string', describe: 'Run slice i of n (e.g. 2/4) for a cluster; combine the shards with lesim merge' })
      .option('json', { type: 'boolean', default: false, describe: 'Print the comparison as JSON on stdout (as comparison.json, with the output directory) instead of tables' })
      .option('all', { type: 'boolean', default: false, describe: `Print every outcome, not only the ${HEADLINE_OUTCOMES.length} headline ones (the files always hold all)` }) as unknown as Argv<CompareArgs>,
  handler: async (args: ArgumentsCamelCase<CompareArgs>) => {
    const refs = args.scenarios.map(String);
    if (refs.length < 2) throw new UsageError('compare needs at least two scenarios, e.g. lesim compare gde-baseline no-programme');
    const reps = wholeNumber('reps', args.reps, 2, 100000);
    const seed = wholeNumber('seed', args.seed, 0, Number.MAX_SAFE_INTEGER);
    const h = PARAMETERS.horizon_months;
    const months = args.months === undefined ? undefined : wholeNumber('months', args.months, h.min, h.max);
    const loaded = refs.map((ref) => loadScenarioArgument(ref));
    const names = loaded.map((l) => l.scenario.name);
    const duplicate = names.find((n, i) => names.indexOf(n) !== i);
    if (duplicate) throw new UsageError(`two scenarios are named '${duplicate}'; give each scenario file its own name: field or file name`);
    const baselineRef = args.baseline ?? refs[0];
    let baseIndex = refs.indexOf(baselineRef);
    if (baseIndex < 0) baseIndex = names.indexOf(baselineRef);
    if (baseIndex < 0) throw new UsageError(`--baseline '${baselineRef}' is not among the scenarios compared (${names.join(', ')})`);
    const window = alignWindow(loaded.map((l) => ({ name: l.scenario.name, params: resolveScenario(l.scenario) })), months);
    if (typeof window === 'string') throw new UsageError(`cannot compare ${names.join(' and ')}: ${window}`);
    const extra = { horizon_months: window.months };
    if ((args.resume || args.shard !== undefined) && args.out === undefined) throw new UsageError('--out is required with --resume or --shard (the directory to continue or to write the shard to)');
    const out = args.out ?? defaultOut(new Date());
    for (const notice of window.notices) process.stderr.write(`lesim compare: note: ${notice}\n`);
    const scenarios = loaded.map(({ scenario }) => ({
      name: scenario.name,
      title: scenario.title,
      description: scenario.description,
      sources: scenario.sources,
      overrides: { ...scenario.overrides, ...extra },
      ...(scenario.origin ? { origin: scenario.origin } : {}),
      ...(scenario.extends ? { extends: scenario.extends } : {}),
      levers: scenario.levers ?? {},
    }));
    const plan: BatchPlan = {
      kind: 'compare',
      scenario: { name: 'compare', title: `${names.join(', ')} compared with ${names[baseIndex]}`, description: '', sources: [], overrides: {} },
      compare: { baseline: baseIndex, scenarios, notices: window.notices },
      points: loaded.map(({ scenario }, id) => ({ id, values: {}, params: resolveScenario(scenario, extra) })),
      replicates: reps,
      baseSeed: seed,
      crn: true,
      keepEvents: false,
      keepRuns: false,
    };
    const run = await runPlan(plan, out, { workers: args.workers, resume: args.resume, force: args.force, shard: args.shard, keepRuns: false, crn: true }, 'compare', process.argv.slice(2));
    if (run.interrupted) {
      process.exitCode = EXIT_INTERRUPTED;
      return;
    }
    const rows = run.final?.comparison;
    if (!rows) process.stdout.write(`compare: shard ${run.shard.index + 1}/${run.shard.count} done in ${out}; combine the shards with lesim merge\n`);
    else if (args.json) {
      const json = JSON.parse(readFileSync(`${out}/comparison.json`, 'utf8')) as Record<string, unknown>;
      process.stdout.write(`${JSON.stringify({ out, ...json }, null, 2)}\n`);
    } else {
      for (const notice of window.notices) process.stdout.write(`Note: ${notice}.\n\n`);
      process.stdout.write(comparisonTable(rows, args.all ? OUTCOMES : HEADLINE_OUTCOMES));
      process.stdout.write(
        'Differences are scenario minus baseline on paired replications (mean and t-based 95% interval). Cost per unit = extra spend / difference, shown only where the extra spend is positive and the interval excludes 0 (docs/outputs.md, comparison.csv).\n' +
          `Wrote ${out}/comparison.csv, comparison.json, failures.csv and manifest.json\n`,
      );
    }
    if (run.failed > 0) {
      process.stderr.write(`lesim: ${run.failed} replication(s) failed; their pairs are left out; seeds and errors are in ${out}/failures.csv${run.shard.count > 1 ? ' after merging' : ''}\n`);
      process.exitCode = EXIT_FAILED_RUNS;
    }
  },
};
