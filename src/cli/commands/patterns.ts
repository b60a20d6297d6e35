import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { checkOutputDir, writeDirectoryAtomically } from '../../io/atomic.js';
import { provenanceFields } from '../../io/outputs.js';
import { commandProvenance } from '../../io/provenance.js';
import { configParams, evaluatePatterns, selectPatterns } from '../../patterns/evaluate.js';
import { patternsCsv, patternsJson, patternsText } from '../../patterns/files.js';
import { measureSteadiness, steadinessJson, steadinessText } from '../../patterns/steadiness.js';
import { EXIT_FAILED_RUNS, resolveWorkers } from '../batch.js';
import { UsageError, wholeNumber } from '../errors.js';
import { Progress } from '../progress.js';
import { defaultOut } from './run.js';

interface PatternsArgs {
  reps: string;
  seed: string;
  robustness: string;
  robustnessReps?: string;
  out?: string;
  force: boolean;
  workers?: string;
  only?: string;
  scenario?: string;
}

export const patternsCommand: CommandModule<object, PatternsArgs> = {
  command: 'patterns',
  describe: 'Measure the twelve observed patterns (docs/patterns.md) with 95% intervals against their targets, run each knock-out, and optionally their robustness over the assumed parameters',
  builder: (y: Argv) =>
    y
      .option('reps', { type: 'string', default: '10', describe: 'Paired replications per configuration (and per robustness point)' })
      .option('seed', { type: 'string', default: '1', describe: 'Base seed (replicate k of every configuration uses seed (base, k)); also seeds the robustness design' })
      .option('robustness', { type: 'string', default: '0', describe: 'Latin-hypercube points over the assumed parameters (0: none)' })
      .option('robustness-reps', { type: 'string', describe: 'Replications per robustness point (default: --reps)' })
      .option('out', { type: 'string', describe: 'Output directory for patterns.csv, patterns.json and manifest.json (default runs/patterns-<time>)' })
      .option('force', { type: 'boolean', default: false, describe: 'Replace an output directory that already holds results' })
      .option('only', { type: 'string', describe: 'Only these patterns or criteria, comma-separated (e.g. P4,P11a); default all twelve' })
      .option('scenario', { type: 'string', requiresArg: true, describe: 'A scenario (file or built-in) whose parameters, where they differ from gde-baseline, every configuration starts from; e.g. the calibrated.yaml of lesim calibrate. Each configuration\'s own settings (the counterfactual\'s programme off, a knock-out) still win' })
      .option('workers', { type: 'string', describe: 'Worker threads (default: the available cores); results are identical for any number' }) as unknown as Argv<PatternsArgs>,
  handler: async (args: ArgumentsCamelCase<PatternsArgs>) => {
    const replicates = wholeNumber('reps', args.reps, 2, 100000);
    const seed = wholeNumber('seed', args.seed, 0, Number.MAX_SAFE_INTEGER);
    const robustness = wholeNumber('robustness', args.robustness, 0, 10000);
    const robustnessReplicates = args.robustnessReps === undefined ? undefined : wholeNumber('robustness-reps', args.robustnessReps, 2, 100000);
    const workers = resolveWorkers(args.workers);
    const only = args.only === undefined ? undefined : args.only.split(',').map((x) => x.trim()).filter((x) => x);
    if (only) {
      try {
        selectPatterns(only);
      } catch (error) {
        throw new UsageError(`--only: ${(error as Error).message}; the ids are P1..P12 and their criteria (docs/patterns.md)`);
      }
    }
    const parameters = args.scenario === undefined ? {} : await scenarioParameters(args.scenario);
    const startedAt = new Date();
    const out = args.out ?? defaultOut('patterns', startedAt);
    checkOutputDir(out, args.force);
    const progress = new Progress('patterns');
    const report = await evaluatePatterns({ replicates, seed, workers, robustness, robustnessReplicates, only, parameters, onProgress: (d, t, f) => progress.update(d, t, f) });
    // Issue 11 item 1: is the counterfactual at a quasi-steady state over 2017-2026 (spin-up, ODD 5)?
    const steady = await measureSteadiness(replicates, seed, workers, configParams('none', {}, {}, parameters));
    const provenance = commandProvenance(startedAt, process.argv.slice(2));
    const json = JSON.stringify({ ...(JSON.parse(patternsJson(report, provenance)) as object), counterfactual_steadiness: steadinessJson(steady) }, null, 2) + '\n';
    const manifest = JSON.stringify({ ...provenanceFields(provenance), kind: 'patterns', replications: replicates, base_seed: seed, robustness_points: robustness, robustness_replications: robustnessReplicates ?? replicates, parameters, files: ['patterns.csv', 'patterns.json'] }, null, 2) + '\n';
    writeDirectoryAtomically(out, new Map([['patterns.csv', patternsCsv(report)], ['patterns.json', json], ['manifest.json', manifest]]), args.force);
    process.stdout.write(patternsText(report));
    process.stdout.write(steadinessText(steady));
    process.stdout.write(`Wrote ${out}/patterns.csv and patterns.json (docs/patterns.md explains them)\n`);
    if (report.failures.length > 0) process.exitCode = EXIT_FAILED_RUNS;
  },
};

/**
 * The parameters a scenario sets that differ from gde-baseline's: what a calibrated.yaml (which
 * extends gde-baseline) changes. Read and validated like any scenario argument.
 */
async function scenarioParameters(nameOrPath: string): Promise<Record<string, number>> {
  const { loadScenarioArgument, resolveScenario, findScenario } = await import('../../scenarios/index.js');
  const { params } = loadScenarioArgument(nameOrPath);
  const baseline = resolveScenario(findScenario('gde-baseline')) as unknown as Record<string, number>;
  const own = params as unknown as Record<string, number>;
  return Object.fromEntries(Object.keys(own).filter((k) => own[k] !== baseline[k]).map((k) => [k, own[k]]));
}
