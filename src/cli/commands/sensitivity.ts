import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { writeFileAtomic } from '../../batch/store.js';
import { gitCommit, lesimVersion } from '../../io/provenance.js';
import { OutputExistsError } from '../../io/atomic.js';
import { PARAMETERS } from '../../model/parameters.js';
import { ResearchInputError } from '../../research/errors.js';
import { METHODS, noiseShare, sensitivityDesign, sensitivityIndices, sensitivityWarnings, sobolNoise, type IndexRow, type Method } from '../../research/sensitivity.js';
import { sensitivityInput } from '../../research/sensitivityInput.js';
import { designCorrelation, minimumSobolSamples } from '../../research/sobolIndices.js';
import { designPoints, scenarioPlan } from '../../research/runner.js';
import { checkOutcome, outcomeByPoint, pointSeries, readSweepDir } from '../../research/sweepData.js';
import { mean } from '../../research/stats.js';
import { loadScenarioArgument } from '../../scenarios/index.js';
import { batchOptions, type BatchArgs } from '../batch.js';
import { UsageError, wholeNumber } from '../errors.js';
import { numberOption } from '../options.js';
import { runOrReuse } from '../research.js';
import { setOption, setsOf } from './set.js';
import { defaultOut } from './run.js';

interface SensitivityArgs extends BatchArgs {
  target: string;
  method: string;
  outcome?: string | string[];
  series: string;
  samples?: number;
  levels: number;
  scenario?: string;
  set?: string | string[];
  reps?: number;
  seed?: number;
  months?: number;
  out?: string;
}

/** Bootstrap resamples of each month's indices (500 for the static ones). */
const OVER_TIME_RESAMPLES = 200;

const SERIES_FAMILIES = ['spectrum', 'modes', 'knowledge_flow', 'maturity', 'network', 'programme'];

/** --series family:key=value[,key=value], e.g. maturity:cohort=all. */
function parseSeries(text: string): { family: string; keys: Record<string, string>; label: string } {
  const m = /^([a-z_]+):(.+)$/.exec(text.trim());
  if (!m || !SERIES_FAMILIES.includes(m[1])) throw new UsageError(`--series must be family:key=value (family one of ${SERIES_FAMILIES.join(', ')}), e.g. maturity:cohort=all; got '${text}'`);
  const keys: Record<string, string> = {};
  for (const part of m[2].split(',')) {
    const [k, v] = part.split('=');
    if (!k || v === undefined) throw new UsageError(`--series: '${part}' is not key=value`);
    keys[k.trim()] = v.trim();
  }
  return { family: m[1], keys, label: `${m[1]} ${Object.values(keys).join(' ')}` };
}

export const sensitivityCommand: CommandModule<object, SensitivityArgs> = {
  command: 'sensitivity <target>',
  describe: 'Morris screening or Sobol indices of parameters (a sweep file or a parameter list) on the batch engine',
  builder: (y: Argv) =>
    batchOptions(
      y
        .positional('target', { type: 'string', demandOption: true, describe: 'A sweep file (its parameters\' ranges, scenario, replications, seed, months), or a list: assumed, or name[=min:max],...' })
        .option('method', { type: 'string', default: 'morris', choices: METHODS as unknown as string[], describe: 'morris: screening (mu*, sigma); sobol: first-order and total indices' })
        .option('outcome', { type: 'string', describe: 'Outcome(s) to analyse (repeatable; default maturity_end_all)', requiresArg: true })
        .option('series', { type: 'string', default: 'maturity:cohort=all', describe: 'Monthly series for the time-resolved indices, family:key=value' })
        .option('samples', numberOption('Morris trajectories (default 10) or Sobol base samples (default 64)'))
        .option('levels', numberOption('Morris grid levels (even)', 4))
        .option('scenario', { type: 'string', describe: 'Scenario for a parameter list (default gde-baseline)' })
        .option('set', setOption)
        .option('reps', numberOption('Replications per design point (default 2, or the sweep file\'s); with 2 or more, Sobol also gives noise-corrected indices'))
        .option('seed', numberOption('Base seed (default 1, or the sweep file\'s); also draws the Morris trajectories'))
        .option('months', numberOption('Months to simulate'))
        .option('out', { type: 'string', describe: 'Output directory (default runs/sensitivity-<method>-<time>); runs go to <out>/runs' })
        .option('force', { type: 'boolean', default: false, describe: 'Replace earlier results in the output directory' }),
    ) as unknown as Argv<SensitivityArgs>,
  handler: async (args: ArgumentsCamelCase<SensitivityArgs>) => {
    const method = args.method as Method;
    const input = sensitivityInput(args.target);
    const outcomes = (args.outcome === undefined ? ['maturity_end_all'] : typeof args.outcome === 'string' ? [args.outcome] : args.outcome).map((o) => checkOutcome(o));
    const series = parseSeries(args.series);
    const k = input.factors.length;
    const samples = args.samples === undefined ? (method === 'morris' ? 10 : 64) : wholeNumber('samples', args.samples, 2, 100000);
    const levels = wholeNumber('levels', args.levels, 2, 100);
    if (method === 'morris' && levels % 2 !== 0) throw new UsageError(`--levels must be even (got ${levels})`);
    if (method === 'sobol' && k > 10) throw new ResearchInputError(input.source, 'parameters', `${k} parameters; a Sobol analysis takes at most 10 (the Sobol sequence has 21 dimensions, two per parameter): screen them with --method morris first`);
    if (method === 'morris' && k < 1) throw new ResearchInputError(input.source, 'parameters', 'no parameters');
    if (method === 'sobol') {
      const r = designCorrelation(k, samples);
      if (r > 0.3) throw new ResearchInputError('--samples', String(samples), `too few base samples for ${k} parameters: the two halves of the Sobol sequence correlate up to ${r.toFixed(2)} at this size, which biases the indices; use at least ${minimumSobolSamples(k)}`);
    }
    const reps = args.reps !== undefined ? wholeNumber('reps', args.reps, 1, 100000) : input.replications ?? 2;
    const seed = args.seed !== undefined ? wholeNumber('seed', args.seed, 0, Number.MAX_SAFE_INTEGER) : input.seed ?? 1;
    const h = PARAMETERS.horizon_months;
    const months = args.months !== undefined ? wholeNumber('months', args.months, h.min, h.max) : input.months;
    const scenarioName = args.scenario ?? input.scenario ?? 'gde-baseline';
    const { scenario } = loadScenarioArgument(scenarioName, setsOf(args.set));
    const design = sensitivityDesign(method, input.factors, samples, seed, levels);
    const names = input.factors.map((f) => f.name);
    const points = designPoints(scenario, names, design.rows, months, input.source);
    const plan = scenarioPlan(scenario, method, names, points, reps, seed, args.crn, months);
    const out = args.out ?? defaultOut(`sensitivity-${method}`, new Date());
    if (existsSync(join(out, 'sensitivity.json')) && !args.force) throw new OutputExistsError(out, 'already holds a sensitivity analysis');
    process.stderr.write(`sensitivity ${method}: ${k} parameters, ${points.length} design points x ${reps} replications = ${points.length * reps} runs of ${scenario.name}\n`);
    const started = performance.now();
    const runs = await runOrReuse(plan, join(out, 'runs'), args, `sensitivity ${method}`);
    if (!runs) return;
    const runSeconds = (performance.now() - started) / 1000;
    const data = readSweepDir(join(out, 'runs'));
    const { chartFiles, rowsCsv, toJson } = await import('../../research/write.js');
    const charts = await import('../../research/charts.js');
    const indexRows: (IndexRow & { outcome: string })[] = [];
    const report: Record<string, unknown>[] = [];
    const files = new Map<string, string | Buffer>();
    for (const outcome of outcomes) {
      const byPoint = outcomeByPoint(data, outcome);
      const y = byPoint.map((xs) => mean(xs.filter(Number.isFinite)));
      if (y.some((v) => !Number.isFinite(v))) throw new ResearchInputError('--outcome', outcome, `undefined at ${y.filter((v) => !Number.isFinite(v)).length} design points (e.g. an outcome after the end of funding in a run too short to reach it): choose another outcome or more --months`);
      const rows = sensitivityIndices(design, y, seed, 500, byPoint);
      const noise = noiseShare(byPoint);
      const deconvolved = sobolNoise(design, y, byPoint);
      const warnings = sensitivityWarnings(design, rows, noise);
      indexRows.push(...rows.map((r) => ({ outcome, ...r })));
      report.push({ outcome, noise: { within_point_variance: noise.within, total_variance: noise.total, noise_share_of_run_variance: noise.share, noise_share_of_point_mean_variance: noise.meanShare, ...(deconvolved ? { noise_variance_of_point_means: deconvolved.noiseVariance, corrected_variance: deconvolved.signalVariance } : {}) }, warnings });
      for (const w of warnings) process.stderr.write(`sensitivity: warning (${outcome}): ${w}\n`);
      const chart =
        method === 'morris'
          ? charts.morrisChart(out, outcome, names.map((p) => ({ parameter: p, mu_star: rows.find((r) => r.parameter === p && r.index === 'mu_star')!.estimate, sigma: rows.find((r) => r.parameter === p && r.index === 'sigma')!.estimate })))
          : charts.indicesChart(out, outcome, rows);
      for (const [f, c] of await chartFiles(`${method}-${outcome}`, chart)) files.set(f, c);
    }
    // Time-resolved: the same estimator on each month of the series.
    const { series: monthly, dates } = pointSeries(data, series.family, series.keys);
    const overTime: { month: number; date: string; parameter: string; index: string; value: number; low: number; high: number }[] = [];
    const key = method === 'morris' ? 'mu_star' : 'total';
    // Bootstrap intervals month by month, as for the static indices (fewer resamples: one analysis per month).
    for (let m = 0; m < dates.length; m++) {
      const y = monthly.map((s) => s[m]);
      if (y.some((v) => !Number.isFinite(v))) continue;
      for (const r of sensitivityIndices(design, y, seed, OVER_TIME_RESAMPLES)) if (r.index === key) overTime.push({ month: m, date: dates[m], parameter: r.parameter, index: key, value: r.estimate, low: r.low, high: r.high });
    }
    const last = overTime.filter((r) => r.month === dates.length - 1).sort((a, b) => b.value - a.value).slice(0, 6).map((r) => r.parameter);
    for (const [f, c] of await chartFiles('over-time', charts.indicesOverTimeChart(out, series.label, method, overTime.filter((r) => last.includes(r.parameter))))) files.set(f, c);
    files.set('sensitivity.csv', rowsCsv(indexRows, ['outcome', 'parameter', 'index', 'estimate', 'low', 'high']));
    files.set('over_time.csv', rowsCsv(overTime, ['month', 'date', 'parameter', 'index', 'value', 'low', 'high']));
    files.set('design.csv', rowsCsv(design.rows.map((r, p) => ({ point: p, ...Object.fromEntries(names.map((n, j) => [n, r[j]])) })), ['point', ...names]));
    const seconds = (performance.now() - started) / 1000;
    files.set(
      'sensitivity.json',
      toJson({
        command: ['lesim', ...process.argv.slice(2)],
        lesim_version: lesimVersion(),
        git_commit: gitCommit(),
        method,
        scenario: scenario.name,
        samples,
        levels: method === 'morris' ? levels : undefined,
        design_points: points.length,
        replications_per_point: reps,
        runs: points.length * reps,
        runs_made_now: runs.ran,
        run_seconds: Number(runSeconds.toFixed(1)),
        seconds: Number(seconds.toFixed(1)),
        seed,
        months: months ?? 120,
        common_random_numbers: args.crn,
        factors: input.factors,
        series: args.series,
        outcomes: report,
        indices: indexRows,
      }),
    );
    // Each file is written whole (temp file, then rename); sensitivity.json last marks the analysis done.
    const json = files.get('sensitivity.json')!;
    files.delete('sensitivity.json');
    for (const [name, content] of files) writeFileAtomic(join(out, name), content);
    writeFileAtomic(join(out, 'sensitivity.json'), json);
    // One table per outcome: the parameters by its main index.
    // With replications, a Sobol table shows the noise-corrected total index.
    for (const outcome of outcomes) {
      const shown = method === 'sobol' && indexRows.some((r) => r.outcome === outcome && r.index === 'total_corrected') ? 'total_corrected' : key;
      const ranked = indexRows.filter((r) => r.outcome === outcome && r.index === shown).sort((a, b) => b.estimate - a.estimate);
      process.stdout.write(`${shown === 'total_corrected' ? 'total index, noise-corrected,' : key} of ${outcome} (95% bootstrap interval), largest first:\n`);
      const w = Math.max(...ranked.map((r) => r.parameter.length));
      for (const r of ranked) process.stdout.write(`  ${r.parameter.padEnd(w)}  ${r.estimate.toPrecision(3).padStart(10)}  [${r.low.toPrecision(3)}, ${r.high.toPrecision(3)}]\n`);
    }
    process.stdout.write(`sensitivity ${method}: ${points.length * reps} runs (${runs.ran} made now) in ${seconds.toFixed(0)} s; ${out} (sensitivity.csv, sensitivity.json, over_time.csv, charts; runs in ${out}/runs)\n`);
  },
};
