import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { compareScenarios } from '../../compare/compare.js';
import { compareFiles, type ComparedScenario } from '../../compare/files.js';
import { runComparisonReplications } from '../../compare/run.js';
import { comparisonTable, HEADLINE_OUTCOMES } from '../../compare/table.js';
import { checkOutputDir, writeDirectoryAtomically } from '../../io/atomic.js';
import { gitCommit, lesimVersion } from '../../io/provenance.js';
import { OUTCOMES } from '../../model/outcomes.js';
import { PARAMETERS } from '../../model/parameters.js';
import { loadScenarioArgument, resolveScenario } from '../../scenarios/index.js';
import { EXIT_FAILED_RUNS, resolveWorkers } from '../batch.js';
import { UsageError, wholeNumber } from '../errors.js';
import { Progress } from '../progress.js';

interface CompareArgs {
  scenarios: string[];
  baseline?: string;
  reps: string;
  seed: string;
  months?: string;
  out?: string;
  force: boolean;
  all: boolean;
  workers?: string;
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
      .option('reps', { type: 'string', default: '10', describe: 'Paired replications per scenario' })
      .option('seed', { type: 'string', default: '1', describe: 'Base seed (replicate k of every scenario uses seed (base, k))' })
      .option('months', { type: 'string', describe: `Months to simulate in every scenario (default: each scenario's own, ${PARAMETERS.horizon_months.default} unless it says otherwise)` })
      .option('out', { type: 'string', describe: 'Output directory (default runs/compare-<time>)' })
      .option('force', { type: 'boolean', default: false, describe: 'Replace an output directory that already holds a run' })
      .option('workers', { type: 'string', describe: 'Worker threads (default: the available cores); results are identical for any number' })
      .option('all', { type: 'boolean', default: false, describe: `Print every outcome, not only the ${HEADLINE_OUTCOMES.length} headline ones (the files always hold all)` }) as unknown as Argv<CompareArgs>,
  handler: async (args: ArgumentsCamelCase<CompareArgs>) => {
    const refs = args.scenarios.map(String);
    if (refs.length < 2) throw new UsageError('compare needs at least two scenarios, e.g. lesim compare gde-baseline no-programme');
    const reps = wholeNumber('reps', args.reps, 2, 100000);
    const workers = resolveWorkers(args.workers);
    const seed = wholeNumber('seed', args.seed, 0, Number.MAX_SAFE_INTEGER);
    const h = PARAMETERS.horizon_months;
    const extra: Record<string, number> = {};
    if (args.months !== undefined) extra.horizon_months = wholeNumber('months', args.months, h.min, h.max);
    const loaded = refs.map((ref) => loadScenarioArgument(ref));
    const names = loaded.map((l) => l.scenario.name);
    const duplicate = names.find((n, i) => names.indexOf(n) !== i);
    if (duplicate) throw new UsageError(`two scenarios are named '${duplicate}'; give each scenario file its own name: field or file name`);
    const baselineRef = args.baseline ?? refs[0];
    let baseIndex = refs.indexOf(baselineRef);
    if (baseIndex < 0) baseIndex = names.indexOf(baselineRef);
    if (baseIndex < 0) throw new UsageError(`--baseline '${baselineRef}' is not among the scenarios compared (${names.join(', ')})`);
    const params = loaded.map((l) => resolveScenario(l.scenario, extra));
    const startedAt = new Date();
    const out = args.out ?? defaultOut(startedAt);
    checkOutputDir(out, args.force);
    const progress = new Progress('compare');
    const replications = await runComparisonReplications(params, reps, seed, workers, (d, t, f) => progress.update(d, t, f));
    const compared: ComparedScenario[] = loaded.map(({ scenario }, i) => ({
      scenario: { ...scenario, overrides: { ...scenario.overrides, ...extra } },
      params: params[i],
      seeds: replications.scenarios[i].seeds,
    }));
    const runs = loaded.map(({ scenario }, i) => ({ name: scenario.name, outcomes: replications.scenarios[i].outcomes }));
    const rows = compareScenarios(runs, names[baseIndex]);
    const setup = { baseline: names[baseIndex], replications: reps, baseSeed: seed, scenarios: compared };
    const files = compareFiles(rows, setup, {
      lesimVersion: lesimVersion(),
      gitCommit: gitCommit(),
      nodeVersion: process.version,
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      command: ['lesim', ...process.argv.slice(2)],
    });
    writeDirectoryAtomically(out, files, args.force);
    process.stdout.write(comparisonTable(rows, args.all ? OUTCOMES : HEADLINE_OUTCOMES));
    for (const f of replications.failures) process.stderr.write(`lesim: ${names[f.scenario]} replicate ${f.replicate} (seed ${f.seed}) failed: ${f.error}; its pairs are left out\n`);
    if (replications.failures.length > 0) process.exitCode = EXIT_FAILED_RUNS;
    process.stdout.write(`Differences are scenario minus baseline on paired replications (mean and t-based 95% interval); GBP per unit = extra spend / difference (docs/outputs.md, comparison.csv).\nWrote ${out}/comparison.csv, comparison.json and manifest.json\n`);
  },
};
