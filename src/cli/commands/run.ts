import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { runEnsemble } from '../../analysis/ensemble.js';
import { checkOutputDir, writeDirectoryAtomically } from '../../io/atomic.js';
import { runFiles } from '../../io/outputs.js';
import { gitCommit, lesimVersion } from '../../io/provenance.js';
import { PARAMETERS } from '../../model/parameters.js';
import { findScenario, resolveScenario, SCENARIO_NAMES, UnknownScenarioError } from '../../scenarios/index.js';
import { UsageError, wholeNumber } from '../errors.js';
import { Progress } from '../progress.js';
import { printRunSummary } from '../summary.js';

interface RunArgs {
  scenario: string;
  reps: string;
  seed: string;
  months?: string;
  out?: string;
  force: boolean;
  events: boolean;
}

export const DEFAULT_REPS = 10;
export const DEFAULT_SEED = 1;

function defaultOut(scenario: string, now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, '').replace('T', '-');
  return `runs/${scenario}-${stamp}`;
}

export const runCommand: CommandModule<object, RunArgs> = {
  command: 'run <scenario>',
  describe: 'Run replications of a scenario and write series, events, summary and manifest',
  builder: (y: Argv) =>
    y
      .positional('scenario', { type: 'string', describe: `Scenario name (${SCENARIO_NAMES.join(', ')})`, demandOption: true })
      .option('reps', { type: 'string', default: String(DEFAULT_REPS), describe: 'Replications' })
      .option('seed', { type: 'string', default: String(DEFAULT_SEED), describe: 'Base seed (replicate k uses seed (base, k))' })
      .option('months', { type: 'string', describe: `Months to simulate (default ${PARAMETERS.horizon_months.default})` })
      .option('out', { type: 'string', describe: 'Output directory (default runs/<scenario>-<time>)' })
      .option('force', { type: 'boolean', default: false, describe: 'Replace an output directory that already holds a run' })
      .option('events', { type: 'boolean', default: true, describe: 'Write events.csv (--no-events to skip)' }) as unknown as Argv<RunArgs>,
  handler: (args: ArgumentsCamelCase<RunArgs>) => {
    let scenario;
    try {
      scenario = findScenario(args.scenario);
    } catch (error) {
      if (error instanceof UnknownScenarioError) throw new UsageError(error.message);
      throw error;
    }
    const reps = wholeNumber('reps', args.reps, 1, 100000);
    const seed = wholeNumber('seed', args.seed, 0, Number.MAX_SAFE_INTEGER);
    const h = PARAMETERS.horizon_months;
    const extra: Record<string, number> = {};
    if (args.months !== undefined) extra.horizon_months = wholeNumber('months', args.months, h.min, h.max);
    const params = resolveScenario(scenario, extra);
    const startedAt = new Date();
    const out = args.out ?? defaultOut(scenario.name, startedAt);
    checkOutputDir(out, args.force);
    const progress = new Progress(scenario.name);
    const result = runEnsemble(params, { replications: reps, baseSeed: seed, keepEvents: args.events, onProgress: (d, t) => progress.update(d, t) });
    const files = runFiles(scenario, result, {
      lesimVersion: lesimVersion(),
      gitCommit: gitCommit(),
      nodeVersion: process.version,
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      command: ['lesim', ...process.argv.slice(2)],
    }, args.events);
    writeDirectoryAtomically(out, files, args.force);
    printRunSummary(scenario, result, out);
  },
};
