import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { stringify } from 'yaml';
import { writeFileAtomic } from '../../batch/store.js';
import { buildDirectoryAtomically } from '../../io/atomic.js';
import { gitCommit, lesimVersion } from '../../io/provenance.js';
import { PARAMETERS } from '../../model/parameters.js';
import { ParameterError } from '../../model/validate.js';
import { WHOLE } from '../../batch/plan.js';
import type { Params } from '../../model/parameters.js';
import { patternBatch } from '../../research/patternBatch.js';
import { allCriteria } from '../../patterns/table.js';
import { describeTarget } from '../../patterns/targets.js';
import { abcSmc, posteriorSummary, type Population } from '../../research/abcSmc.js';
import { calibrationCriteria, criteriaConfigs, criteriaMet, metricsOf, particleParams, particleRuns, criterionNoise, patternDistance, unmeasuredCriteria, DISTANCES, type CriterionNoise, type DistanceKind } from '../../research/calibration.js';
import { ResearchInputError } from '../../research/errors.js';
import { parseFactorList, type Factor } from '../../research/factors.js';
import { resolveShard, resolveWorkers } from '../batch.js';
import { decimalNumber, UsageError, wholeNumber } from '../errors.js';
import { numberOption } from '../options.js';
import { Progress } from '../progress.js';
import { checkStateSettings, joinState, openState, positiveNumber, stopOnSignal } from '../research.js';
import { defaultOut } from './run.js';

interface CalibrateArgs {
  parameters: string;
  criteria?: string;
  particles: number;
  reps: number;
  generations: number;
  maxSims?: number;
  tolerance?: number;
  minAcceptance: number;
  quantile: number;
  checkReps: number;
  noiseReps?: number;
  distance: string;
  months?: number;
  seed: number;
  out?: string;
  workers?: number;
  resume: boolean;
  force: boolean;
  batch?: number;
  shard?: string;
  status: boolean;
}

class Interrupted extends Error {}

/** A shard (or --status) reached a batch that other shards have still to finish: the round ends here. */
class BatchPending extends Error {
  constructor(
    readonly what: string,
    readonly missing: number,
    readonly total: number,
  ) {
    super(what);
  }
}

export const calibrateCommand: CommandModule<object, CalibrateArgs> = {
  command: 'calibrate',
  describe: 'ABC-SMC calibration of assumed parameters against the quantitative targets of the pattern table',
  builder: (y: Argv) =>
    y
      .option('parameters', { type: 'string', demandOption: true, describe: 'Parameters to calibrate, name[=min:max],... (uniform priors; default range: default +-50%)' })
      .option('criteria', { type: 'string', describe: 'Pattern criteria to fit, comma-separated (default: the quantitative targets, those the sources give as numbers)' })
      .option('particles', numberOption('Particles per population', 50))
      .option('reps', numberOption('Replications per particle (their mean metric is compared with the targets)', 1))
      .option('generations', numberOption('At most this many populations (the first is the prior)', 5))
      .option('max-sims', numberOption('Stop once this many particles have been simulated'))
      .option('tolerance', numberOption('Stop once the tolerance is at or below this distance (1: every target at the edge of its interval)'))
      .option('min-acceptance', numberOption('Stop once a generation accepts fewer than this share of its proposals', 0.05))
      .option('quantile', numberOption('Next tolerance: this quantile of the last population\'s distances', 0.5))
      .option('check-reps', numberOption('Replications of the whole pattern table at the posterior median (0: no check)', 5))
      .option('noise-reps', numberOption('Replications at the prior\'s centre that measure each criterion\'s noise: a gap to a declared bound counts in its standard deviations, and a particle\'s mean must clear the bound by the half-width of its 95% interval over this many replications, as lesim patterns needs the whole interval to clear it (default: --check-reps when at least 2, else 0: no noise measured)'))
      .option('distance', { type: 'string', default: 'max', choices: DISTANCES as unknown as string[], describe: 'How the criteria\'s distances combine: max (the largest: every criterion must be met, as lesim patterns asks) or rms (their root mean square, under which one criterion\'s miss weighs 1/n)' })
      .option('months', numberOption('Months to simulate (default 120, as lesim patterns)'))
      .option('seed', numberOption('Base seed of the runs and of the sampler', 1))
      .option('out', { type: 'string', describe: 'Output directory (default runs/calibrate-<time>)' })
      .option('workers', numberOption('Worker threads (default: the available cores)'))
      .option('resume', { type: 'boolean', default: false, describe: 'Continue an interrupted calibration kept in <out>.partial' })
      .option('force', { type: 'boolean', default: false, describe: 'Replace the output directory (and any interrupted state)' })
      .option('batch', numberOption('Proposals simulated as one batch (default: --particles); on a cluster, a larger batch means fewer rounds of shards per generation (it changes the proposals, so the results)'))
      .option('shard', { type: 'string', requiresArg: true, describe: 'Run slice i of n (e.g. 2/4) of the next unfinished batch of particles (or of the final check) into <out>.partial (a shared directory), then stop; read from SLURM_ARRAY_TASK_ID/COUNT or JOB_COMPLETION_INDEX with LESIM_SHARD_COUNT when not given. Repeat the shards batch by batch until --status says done, then run without --shard, with --resume, to write the results' })
      .option('status', { type: 'boolean', default: false, describe: 'Print how far the calibration in <out>.partial is (generations done, the batch under way and its runs to go) and exit; the last line starts with done or pending' }) as unknown as Argv<CalibrateArgs>,
  handler: async (args: ArgumentsCamelCase<CalibrateArgs>) => {
    const factors: Factor[] = parseFactorList(args.parameters, '--parameters');
    const criteria = calibrationCriteria(args.criteria?.split(',').map((x) => x.trim()).filter((x) => x !== ''));
    const configs = criteriaConfigs(criteria);
    const particles = wholeNumber('particles', args.particles, 4, 100000);
    const reps = wholeNumber('reps', args.reps, 1, 1000);
    const generations = wholeNumber('generations', args.generations, 1, 1000);
    const maxSims = args.maxSims === undefined ? undefined : wholeNumber('max-sims', args.maxSims, 1, 1e9);
    const tolerance = args.tolerance === undefined ? undefined : positiveNumber('tolerance', args.tolerance);
    const minAcceptance = decimalNumber('min-acceptance', args.minAcceptance, (v) => v >= 0 && v < 1, 'a number from 0 to below 1');
    const quantile = decimalNumber('quantile', args.quantile, (v) => v > 0 && v < 1, 'a number between 0 and 1');
    const checkReps = wholeNumber('check-reps', args.checkReps, 0, 1000);
    const noiseReps = args.noiseReps === undefined ? (checkReps >= 2 ? checkReps : 0) : wholeNumber('noise-reps', args.noiseReps, 0, 1000);
    if (noiseReps === 1) throw new UsageError('--noise-reps: 1 replication has no interval; give 0 (no noise measured) or at least 2');
    const h = PARAMETERS.horizon_months;
    const months = args.months === undefined ? undefined : wholeNumber('months', args.months, h.min, h.max);
    const seed = wholeNumber('seed', args.seed, 0, Number.MAX_SAFE_INTEGER);
    const workers = resolveWorkers(args.workers);
    const names = factors.map((f) => f.name);
    const extraOf = (theta: readonly number[]) => ({ ...(months !== undefined ? { horizon_months: months } : {}), ...Object.fromEntries(names.map((n, j) => [n, factors[j].integer ? Math.round(theta[j]) : theta[j]])) });
    // The prior's corners must be valid parameter sets for every config: checked before any run.
    for (const corner of [factors.map((f) => f.min), factors.map((f) => f.max)]) {
      try {
        particleParams(configs, extraOf(corner));
      } catch (error) {
        if (error instanceof ParameterError) throw new ResearchInputError('--parameters', args.parameters, error.issues.map((i) => `${i.field}: ${i.message}`).join('; '));
        throw error;
      }
    }
    const batchSize = args.batch === undefined ? particles : wholeNumber('batch', args.batch, 1, 1000000);
    const { shard, from } = resolveShard(args.shard, process.env);
    const mode: 'whole' | 'shard' | 'status' = args.status ? 'status' : shard.count > 1 ? 'shard' : 'whole';
    if (mode !== 'whole' && args.out === undefined) throw new UsageError(`--out is required with ${mode === 'status' ? '--status' : '--shard'}: every shard and the final call must name the same directory`);
    if (mode === 'shard' && args.force) throw new UsageError('--force with --shard would delete the runs of the other shards: remove <out>.partial by hand to start over');
    const out = args.out ?? defaultOut('calibrate', new Date());
    const distance = args.distance as DistanceKind;
    // The batch size decides the proposals: part of the settings when it is not the default.
    const settings = { factors, criteria: criteria.map((c) => c.id), particles, reps, quantile, months: months ?? null, seed, noise_reps: noiseReps, distance, ...(batchSize !== particles ? { batch: batchSize } : {}) };
    const state = mode === 'status' ? checkStateSettings(out, settings) : mode === 'shard' ? joinState(out, settings) : openState(out, args, settings);
    if (mode === 'status' && !existsSync(state) && existsSync(join(out, 'calibrate.json'))) {
      process.stdout.write(`done: ${out} holds the results\n`);
      return;
    }
    if (mode === 'shard' && from) process.stderr.write(`calibrate: shard ${shard.index + 1}/${shard.count} (from ${from})\n`);
    const populationsFile = join(state, 'populations.json');
    const done: Population[] = existsSync(populationsFile) ? (JSON.parse(readFileSync(populationsFile, 'utf8')) as Population[]) : [];
    if (done.length > 0 && mode !== 'status') process.stderr.write(`calibrate: resuming after ${done.length} finished generation(s)\n`);
    const signal = stopOnSignal('calibrate');
    const started = performance.now();
    let ran = 0;
    /** The values of one batch of pattern runs, each run kept as a file in the state (so shards can share the batch). */
    const batchValues = async (name: string, what: string, points: readonly Params[], replicates: number, baseSeed: number) => {
      if (signal.stopped()) throw new Interrupted();
      const progress = new Progress(`calibrate ${what}`);
      const r = await patternBatch(join(state, name), points, replicates, baseSeed, { workers, shard: mode === 'shard' ? shard : WHOLE, dryRun: mode === 'status', onProgress: (a, b, c) => progress.update(a, b, c) });
      ran += r.ran;
      if (!r.values) throw new BatchPending(what, r.missing, r.total);
      return r.values;
    };
    // Each criterion's noise (its scale and how far inside a declared bound a particle's mean must
    // lie): measured once, at the prior's centre.
    let noise: CriterionNoise[] = criteria.map(() => ({ sd: 0, margin: 0 }));
    const warned = new Set<string>();
    const simulate = async (thetas: readonly (readonly number[])[], generation: number, batch: number): Promise<number[]> => {
      const cache = join(state, `g${generation}-b${batch}.json`);
      if (existsSync(cache)) return (JSON.parse(readFileSync(cache, 'utf8')) as { distances: (number | null)[] }).distances.map((d) => d ?? Infinity);
      const points = thetas.flatMap((t) => particleParams(configs, extraOf(t)));
      const values = await batchValues(`g${generation}-b${batch}`, `generation ${generation} batch ${batch}`, points, reps, seed);
      const metrics = thetas.map((_, i) => metricsOf(criteria, particleRuns(configs, values.slice(i * configs.length, (i + 1) * configs.length), reps)));
      const unmeasured = unmeasuredCriteria(criteria, metrics).filter((id) => !warned.has(id));
      if (unmeasured.length > 0) {
        for (const id of unmeasured) warned.add(id);
        process.stderr.write(`calibrate: warning: no particle of generation ${generation} could measure ${unmeasured.join(', ')}${months !== undefined ? ` in ${months} months` : ''}; ${distance === 'max' ? 'under --distance max every particle is then equally far, so the calibration learns nothing: choose --criteria measurable at this horizon, or --distance rms' : 'each counts as a fixed distance for every particle'}\n`);
      }
      const distances = metrics.map((m) => {
        const d = patternDistance(criteria, m, noise, distance);
        return Number.isFinite(d) ? d : Infinity;
      });
      writeFileAtomic(cache, JSON.stringify({ thetas, distances: distances.map((d) => (Number.isFinite(d) ? d : null)) }));
      return distances;
    };
    let result;
    let last: Population;
    let summary: ReturnType<typeof posteriorSummary>;
    let median: Record<string, number>;
    // The posterior median against the whole pattern table, as lesim patterns judges it.
    let check: { id: string; mean: number; pass: boolean; target: string; calibrated: boolean }[] = [];
    // Every population found, in order: written whole, so shards that replay the same ones agree.
    const populations = done.slice();
    try {
      if (noiseReps > 0) {
        const centre = factors.map((f) => (f.min + f.max) / 2);
        const values = await batchValues('noise', 'noise at the prior\'s centre', particleParams(configs, extraOf(centre)), noiseReps, seed + 2);
        noise = criterionNoise(criteria, metricsOf(criteria, particleRuns(configs, values, noiseReps)));
      }
      result = await abcSmc(
        factors.map((f) => ({ kind: 'uniform' as const, low: f.min, high: f.max })),
        simulate,
        seed,
        { particles, quantile, minTolerance: tolerance, minAcceptance, maxSimulations: maxSims, maxGenerations: generations, batch: batchSize },
        done,
        (p) => {
          populations.push(p);
          if (mode !== 'status') writeFileAtomic(populationsFile, JSON.stringify(populations));
          if (mode !== 'status') process.stderr.write(`calibrate: generation ${p.generation}: tolerance ${p.tolerance.toPrecision(3)}, acceptance ${(100 * p.acceptance).toFixed(0)}%, ESS ${p.ess.toFixed(0)}\n`);
        },
      );
      if (result.populations.length === 0) throw new ResearchInputError('--max-sims', String(maxSims), `the budget ends before the first population of ${particles} particles is complete`);
      last = result.populations[result.populations.length - 1];
      summary = posteriorSummary(last);
      median = Object.fromEntries(names.map((n, j) => [n, factors[j].integer ? Math.round(summary[j].median) : Number(summary[j].median.toPrecision(6))]));
      if (checkReps > 0) {
        const every = allCriteria().map((c) => c.criterion);
        const allConfigs = criteriaConfigs(every);
        const extra = { ...(months !== undefined ? { horizon_months: months } : {}), ...median };
        const values = await batchValues('check', 'check', particleParams(allConfigs, extra), checkReps, seed + 1);
        const runs = particleRuns(allConfigs, values, checkReps);
        check = criteriaMet(every, metricsOf(every, runs)).map((c, i) => ({ ...c, target: describeTarget(every[i].target), calibrated: criteria.includes(every[i]) }));
      }
    } catch (error) {
      if (error instanceof BatchPending) {
        if (mode === 'status') {
          process.stdout.write(`${populations.length} generation(s) done; ${error.what}: ${error.missing} of ${error.total} runs to go\npending: run them (with --shard i/n on a cluster), then check again\n`);
          return;
        }
        process.stdout.write(`calibrate: shard ${shard.index + 1}/${shard.count}: ${ran} runs made in ${state} (${populations.length} generation(s) done; ${error.what}: ${error.missing} of ${error.total} runs to go); when every shard is done, check with --status and run the shards again\n`);
        return;
      }
      if (!(error instanceof Interrupted)) throw error;
      process.stderr.write(`calibrate: interrupted; finished generations and batches are kept in ${state}. Continue with the same command and --resume.\n`);
      process.exitCode = 130;
      return;
    } finally {
      signal.release();
    }
    if (mode !== 'whole') {
      process.stdout.write(mode === 'status' ? `${result.populations.length} generation(s) done (stopped: ${result.stopped})${checkReps > 0 ? ' and the check' : ''}\ndone: the same command without --status (and --shard), with --resume, writes the results and runs nothing\n` : `calibrate: shard ${shard.index + 1}/${shard.count}: ${ran} runs made; the calibration is complete: run the command without --shard, with --resume, to write the results\n`);
      return;
    }
    const seconds = (performance.now() - started) / 1000;
    const { chartFiles, putFiles, rowsCsv, toJson } = await import('../../research/write.js');
    const { pairsChart } = await import('../../research/charts.js');
    const charts = await chartFiles('pairs', pairsChart(out, names, last.particles, last.weights));
    const scenarioYaml =
      `# Posterior median of lesim calibrate (ABC-SMC, ${result.populations.length} populations of ${particles} particles, tolerance ${last.tolerance.toPrecision(3)})\n` +
      `# against ${criteria.map((c) => c.id).join(', ')}; run it with: lesim run calibrated.yaml\n` +
      stringify({ name: 'calibrated', title: 'The baseline with calibrated parameters', description: `gde-baseline with the posterior medians of ${names.join(', ')} from lesim calibrate`, extends: 'gde-baseline', parameters: median });
    buildDirectoryAtomically(out, args.force, (temp) => {
      writeFileSync(join(temp, 'posterior.csv'), rowsCsv(last.particles.map((p, i) => ({ particle: i, weight: last.weights[i], distance: last.distances[i], ...Object.fromEntries(names.map((n, j) => [n, p[j]])) })), ['particle', 'weight', 'distance', ...names]));
      writeFileSync(join(temp, 'posterior_summary.csv'), rowsCsv(summary.map((s, j) => ({ parameter: names[j], prior_min: factors[j].min, prior_max: factors[j].max, ...s, calibrated_value: median[names[j]] })), ['parameter', 'prior_min', 'prior_max', 'mean', 'median', 'low', 'high', 'calibrated_value']));
      writeFileSync(join(temp, 'populations.csv'), rowsCsv(result.populations.map((p) => ({ generation: p.generation, tolerance: p.tolerance, simulations: p.simulations, acceptance: p.acceptance, ess: p.ess }))));
      writeFileSync(join(temp, 'check.csv'), rowsCsv(check, ['id', 'calibrated', 'target', 'mean', 'pass']));
      writeFileSync(join(temp, 'calibrated.yaml'), scenarioYaml);
      writeFileSync(join(temp, 'calibrate.json'), toJson({ command: ['lesim', ...process.argv.slice(2)], lesim_version: lesimVersion(), git_commit: gitCommit(), ...settings, noise: Object.fromEntries(criteria.map((c, i) => [c.id, { sd: Number(noise[i].sd.toPrecision(4)), margin: Number(noise[i].margin.toPrecision(4)) }])), stopped: result.stopped, particles_simulated: result.simulations, runs_made_now: ran, seconds: Number(seconds.toFixed(1)), populations: result.populations.map(({ particles: _p, weights: _w, distances: _d, ...rest }) => rest), posterior: summary.map((s, j) => ({ parameter: names[j], ...s })), median, check }));
      putFiles(temp, charts);
    });
    rmSync(state, { recursive: true, force: true });
    process.stdout.write(`calibrate: ${result.populations.length} populations, ${result.simulations} particles simulated (stopped: ${result.stopped}), last tolerance ${last.tolerance.toPrecision(3)}, ESS ${last.ess.toFixed(0)}\n`);
    const w = Math.max(...names.map((n) => n.length));
    for (let j = 0; j < names.length; j++) process.stdout.write(`  ${names[j].padEnd(w)}  median ${summary[j].median.toPrecision(4)}  95% [${summary[j].low.toPrecision(4)}, ${summary[j].high.toPrecision(4)}]  prior [${factors[j].min}, ${factors[j].max}]\n`);
    if (check.length > 0) process.stdout.write(`posterior median: ${check.filter((c) => c.pass).length} of ${check.length} pattern criteria met (${check.filter((c) => c.calibrated && c.pass).length} of ${check.filter((c) => c.calibrated).length} calibrated ones; failing: ${check.filter((c) => !c.pass).map((c) => c.id).join(', ') || 'none'})\n`);
    process.stdout.write(`${out} (posterior.csv, posterior_summary.csv, populations.csv, check.csv, calibrated.yaml, pairs.png); lesim run ${out}/calibrated.yaml\n`);
  },
};
