import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { scenarioRunPlan } from '../../batch/plan.js';
import { writeFileAtomic } from '../../batch/store.js';
import { OutputExistsError } from '../../io/atomic.js';
import { gitCommit, lesimVersion } from '../../io/provenance.js';
import { parseCsv, csvNumber } from '../../load/csv.js';
import { PARAMETERS } from '../../model/parameters.js';
import { ResearchInputError } from '../../research/errors.js';
import { recommendReps, repsCurve } from '../../research/replications.js';
import { checkOutcome } from '../../research/sweepData.js';
import { loadScenarioArgument, resolveScenario } from '../../scenarios/index.js';
import { batchOptions, type BatchArgs } from '../batch.js';
import { wholeNumber } from '../errors.js';
import { numberOption } from '../options.js';
import { positiveNumber, runOrReuse } from '../research.js';
import { setOption, setsOf } from './set.js';
import { defaultOut } from './run.js';

interface RepsArgs extends BatchArgs {
  scenario: string;
  outcome: string | string[];
  set?: string | string[];
  reps: number;
  width?: number;
  seed: number;
  months?: number;
  out?: string;
}

export const repsCommand: CommandModule<object, RepsArgs> = {
  command: 'reps <scenario>',
  describe: 'How many replications: interval width and CV of an outcome as replications grow, and the count for a target width',
  builder: (y: Argv) =>
    batchOptions(
      y
        .positional('scenario', { type: 'string', demandOption: true, describe: 'Built-in scenario or scenario file' })
        .option('outcome', { type: 'string', demandOption: true, describe: 'Outcome(s) (repeatable)', requiresArg: true })
        .option('set', setOption)
        .option('reps', numberOption('Replications to run', 30))
        .option('width', numberOption("Target full width of the 95% interval of the mean, in the outcome's unit (default: 5% of the mean)"))
        .option('seed', numberOption('Base seed', 1))
        .option('months', numberOption('Months to simulate'))
        .option('out', { type: 'string', describe: 'Output directory (default runs/reps-<scenario>-<time>); runs go to <out>/runs' })
        .option('force', { type: 'boolean', default: false, describe: 'Replace earlier results in the output directory' }),
    ) as unknown as Argv<RepsArgs>,
  handler: async (args: ArgumentsCamelCase<RepsArgs>) => {
    const outcomes = (typeof args.outcome === 'string' ? [args.outcome] : args.outcome).map((o) => checkOutcome(o));
    const { scenario } = loadScenarioArgument(args.scenario, setsOf(args.set));
    const reps = wholeNumber('reps', args.reps, 3, 100000);
    const seed = wholeNumber('seed', args.seed, 0, Number.MAX_SAFE_INTEGER);
    const width = args.width === undefined ? undefined : positiveNumber('width', args.width);
    const h = PARAMETERS.horizon_months;
    const extra: Record<string, number> = {};
    if (args.months !== undefined) extra.horizon_months = wholeNumber('months', args.months, h.min, h.max);
    const params = resolveScenario(scenario, extra);
    const out = args.out ?? defaultOut(`reps-${scenario.name}`, new Date());
    if (existsSync(join(out, 'reps.json')) && !args.force) throw new OutputExistsError(out, 'already holds a replication analysis');
    const plan = scenarioRunPlan(scenario, params, extra, { replicates: reps, baseSeed: seed, crn: args.crn, keepEvents: false, keepRuns: args.keepRuns });
    const started = performance.now();
    const runs = await runOrReuse(plan, join(out, 'runs'), args, `reps ${scenario.name}`);
    if (!runs) return;
    const rows = parseCsv(readFileSync(join(out, 'runs', 'replications.csv'), 'utf8'));
    const { chartFiles, rowsCsv, toJson } = await import('../../research/write.js');
    const { repsChart } = await import('../../research/charts.js');
    const table: Record<string, unknown>[] = [];
    const summary: Record<string, unknown>[] = [];
    const files = new Map<string, string | Buffer>();
    for (const outcome of outcomes) {
      const values = rows.map((r) => csvNumber(r[outcome]));
      const finite = values.filter(Number.isFinite);
      if (finite.length < 3) throw new ResearchInputError('--outcome', outcome, `defined in ${finite.length} of ${values.length} replications (an outcome after the end of funding needs a run that reaches it): choose another outcome or more --months`);
      const curve = repsCurve(values);
      const last = curve[curve.length - 1];
      const target = width ?? 0.05 * Math.abs(last.mean);
      const recommended = recommendReps(last.sd, target);
      for (const c of curve) table.push({ outcome, ...c });
      summary.push({ outcome, replications: last.n, mean: last.mean, sd: last.sd, width: last.width, cv: last.cv, target_width: target, target_from: width === undefined ? '5% of the mean' : '--width', recommended_replications: recommended });
      process.stdout.write(`${outcome}: mean ${last.mean.toPrecision(4)}, sd ${last.sd.toPrecision(3)}, CV ${last.cv.toPrecision(2)}; 95% interval width ${last.width.toPrecision(3)} with ${last.n} replications\n`);
      for (const c of curve.filter((c) => [2, 3, 5, 10, 20, 30, 50, 100, 200, 500].includes(c.n) || c === last)) process.stdout.write(`  n=${String(c.n).padStart(4)}  width ${c.width.toPrecision(3).padStart(9)}  CV ${c.cv.toPrecision(2)}\n`);
      process.stdout.write(`  for a width of ${target.toPrecision(3)}${width === undefined ? ' (5% of the mean)' : ''}: about ${recommended} replications\n`);
      for (const [f, c] of await chartFiles(`reps-${outcome}`, repsChart(out, outcome, target, curve))) files.set(f, c);
    }
    files.set('reps.csv', rowsCsv(table, ['outcome', 'n', 'mean', 'sd', 'width', 'cv']));
    const seconds = (performance.now() - started) / 1000;
    for (const [name, content] of files) writeFileAtomic(join(out, name), content);
    writeFileAtomic(join(out, 'reps.json'), toJson({ command: ['lesim', ...process.argv.slice(2)], lesim_version: lesimVersion(), git_commit: gitCommit(), scenario: scenario.name, seed, months: params.horizon_months, runs: reps, runs_made_now: runs.ran, seconds: Number(seconds.toFixed(1)), outcomes: summary }));
    process.stdout.write(`reps: ${reps} runs (${runs.ran} made now) in ${seconds.toFixed(0)} s; ${out} (reps.csv, reps.json, charts; runs in ${out}/runs)\n`);
  },
};
