import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { buildDirectoryAtomically } from '../../io/atomic.js';
import { gitCommit, lesimVersion } from '../../io/provenance.js';
import { discover, parseCondition } from '../../research/discover.js';
import { ResearchInputError } from '../../research/errors.js';
import { checkOutcome, readSweepDir } from '../../research/sweepData.js';
import { decimalNumber, wholeNumber } from '../errors.js';
import { numberOption } from '../options.js';
import { defaultOut } from './run.js';

interface DiscoverArgs {
  dir: string;
  outcome?: string;
  where: string;
  minCoverage: number;
  peelAlpha: number;
  seed: number;
  out?: string;
  force: boolean;
}

function share(option: string, raw: number): number {
  return decimalNumber(option, raw, (v) => v > 0 && v < 1, 'a number between 0 and 1');
}

export const discoverCommand: CommandModule<object, DiscoverArgs> = {
  command: 'discover <dir>',
  describe: 'Scenario discovery on a finished sweep: the PRIM box of parameters where a condition holds, and extra-trees feature scores',
  builder: (y: Argv) =>
    y
      .positional('dir', { type: 'string', demandOption: true, describe: 'A sweep directory (lesim sweep, or <out>/runs of lesim sensitivity)' })
      .option('where', { type: 'string', demandOption: true, describe: 'The cases of interest: "<outcome> <op> <number>", e.g. "maturity_end_all < 0.45"' })
      .option('outcome', { type: 'string', describe: 'The outcome of --where (checked to match; optional)' })
      .option('min-coverage', numberOption('Report the densest box with at least this coverage', 0.5))
      .option('peel-alpha', numberOption('Share of points peeled per PRIM step', 0.05))
      .option('seed', numberOption('Seed of the resampling and the trees', 1))
      .option('out', { type: 'string', describe: 'Output directory (default runs/discover-<time>)' })
      .option('force', { type: 'boolean', default: false, describe: 'Replace the output directory' }) as unknown as Argv<DiscoverArgs>,
  handler: async (args: ArgumentsCamelCase<DiscoverArgs>) => {
    const condition = parseCondition(args.where);
    if (args.outcome !== undefined && checkOutcome(args.outcome) !== condition.outcome) throw new ResearchInputError('--where', condition.text, `is about ${condition.outcome}, but --outcome is ${args.outcome}`);
    const minCoverage = share('min-coverage', args.minCoverage);
    const peelAlpha = share('peel-alpha', args.peelAlpha);
    const seed = wholeNumber('seed', args.seed, 0, Number.MAX_SAFE_INTEGER);
    const data = readSweepDir(args.dir);
    const started = performance.now();
    const d = discover(data, condition, seed, { minCoverage, peelAlpha });
    const out = args.out ?? defaultOut('discover', new Date());
    const { chartFiles, putFiles, rowsCsv, toJson } = await import('../../research/write.js');
    const charts = await import('../../research/charts.js');
    const range = data.parameters.map((_, j) => ({ min: Math.min(...data.points.map((p) => p[j])), max: Math.max(...data.points.map((p) => p[j])) }));
    const boxRows = d.prim.limits.map((l) => ({ parameter: data.parameters[l.dimension], low: l.low, high: l.high, quasi_p: l.quasiP, reproducibility: d.prim.reproducibility[l.dimension], ...range[l.dimension] }));
    const trajectory = d.prim.trajectory.map((s) => ({ step: s.step, coverage: s.coverage, density: s.density, mass: s.mass, restricted: s.restricted.length, parameters: s.restricted.map((j) => data.parameters[j]).join(' ') }));
    const files = new Map<string, string | Buffer>([
      ...(await chartFiles('tradeoff', charts.tradeoffChart(out, trajectory, d.prim.chosen.step))),
      ...(await chartFiles('box', charts.boxChart(out, boxRows))),
    ]);
    const seconds = (performance.now() - started) / 1000;
    buildDirectoryAtomically(out, args.force, (temp) => {
      writeFileSync(join(temp, 'trajectory.csv'), rowsCsv(trajectory));
      writeFileSync(join(temp, 'box.csv'), rowsCsv(boxRows, ['parameter', 'low', 'high', 'min', 'max', 'quasi_p', 'reproducibility']));
      writeFileSync(join(temp, 'feature_scores.csv'), rowsCsv(d.scores));
      writeFileSync(
        join(temp, 'discover.json'),
        toJson({
          command: ['lesim', ...process.argv.slice(2)],
          lesim_version: lesimVersion(),
          git_commit: gitCommit(),
          sweep: args.dir,
          where: d.condition.text,
          points: d.points,
          cases: d.cases,
          min_coverage: minCoverage,
          peel_alpha: peelAlpha,
          box: { coverage: d.prim.pasted.coverage, density: d.prim.pasted.density, mass: d.prim.pasted.mass, peeling_step: d.prim.chosen.step, limits: boxRows },
          reproducibility: Object.fromEntries(data.parameters.map((p, j) => [p, d.prim.reproducibility[j]])),
          seconds: Number(seconds.toFixed(2)),
        }),
      );
      putFiles(temp, files);
    });
    process.stdout.write(`${d.condition.text}: ${d.cases} of ${d.points} design points. PRIM box (coverage ${d.prim.pasted.coverage.toFixed(2)}, density ${d.prim.pasted.density.toFixed(2)}, mass ${d.prim.pasted.mass.toFixed(2)}):\n`);
    for (const b of boxRows) process.stdout.write(`  ${b.parameter}: ${Number.isFinite(b.low) ? b.low.toPrecision(4) : '(min)'} to ${Number.isFinite(b.high) ? b.high.toPrecision(4) : '(max)'}  quasi-p ${b.quasi_p.toPrecision(2)}, in ${(100 * b.reproducibility).toFixed(0)}% of resamples\n`);
    if (boxRows.length === 0) process.stdout.write('  (no restriction: no box tells the cases of interest apart)\n');
    const top = d.scores.filter((s) => s.outcome === d.condition.text).sort((a, b) => b.score - a.score).slice(0, 5);
    process.stdout.write(`feature scores for ${d.condition.text}: ${top.map((s) => `${s.parameter} ${s.score.toFixed(2)}`).join(', ')}\n${out} (box.csv, trajectory.csv, feature_scores.csv, discover.json, tradeoff.png, box.png)\n`);
  },
};
