import { normal, researchRng, type Rng } from './random.js';
import { quantile, weightedQuantile } from './stats.js';

/** A prior of one parameter: uniform on a range, or normal. */
export type Prior = { readonly kind: 'uniform'; readonly low: number; readonly high: number } | { readonly kind: 'normal'; readonly mean: number; readonly sd: number };

function priorDensity(prior: Prior, x: number): number {
  if (prior.kind === 'uniform') return x >= prior.low && x <= prior.high ? 1 / (prior.high - prior.low) : 0;
  return Math.exp(-0.5 * ((x - prior.mean) / prior.sd) ** 2) / (prior.sd * Math.sqrt(2 * Math.PI));
}

function priorDraw(prior: Prior, rng: Rng): number {
  return prior.kind === 'uniform' ? prior.low + rng() * (prior.high - prior.low) : prior.mean + prior.sd * normal(rng);
}

const jointDensity = (priors: readonly Prior[], theta: readonly number[]) => priors.reduce((p, prior, j) => p * priorDensity(prior, theta[j]), 1);

/** One generation of ABC-SMC: the accepted particles, their normalised weights and distances. */
export interface Population {
  readonly generation: number;
  readonly tolerance: number;
  readonly particles: readonly (readonly number[])[];
  readonly weights: readonly number[];
  readonly distances: readonly number[];
  /** Simulations this generation used. */
  readonly simulations: number;
  readonly acceptance: number;
  /** Effective sample size, 1 / sum of squared normalised weights. */
  readonly ess: number;
}

export interface AbcOptions {
  readonly particles: number;
  /** The next tolerance is this quantile of the last population's distances (0.5: the median). */
  readonly quantile?: number;
  /** Stop once the tolerance is at or below this. */
  readonly minTolerance?: number;
  /** Stop once a generation accepts fewer than this share of its proposals. */
  readonly minAcceptance?: number;
  /** Stop once this many simulations are used in all (a generation cut short is dropped). */
  readonly maxSimulations?: number;
  readonly maxGenerations?: number;
  /** Proposals simulated at once (one batch of the model runner). */
  readonly batch?: number;
}

export type StopReason = 'tolerance' | 'acceptance' | 'simulations' | 'generations';

export interface AbcResult {
  readonly populations: readonly Population[];
  readonly stopped: StopReason;
  readonly simulations: number;
}

/** Simulates each parameter vector and returns its distance to the observed data. */
export type Simulator = (thetas: readonly (readonly number[])[], generation: number, batch: number) => Promise<readonly number[]>;

export function weightedMoments(particles: readonly (readonly number[])[], weights: readonly number[]): { mean: number[]; variance: number[] } {
  const d = particles[0].length;
  const mean = new Array<number>(d).fill(0);
  const variance = new Array<number>(d).fill(0);
  for (let i = 0; i < particles.length; i++) for (let j = 0; j < d; j++) mean[j] += weights[i] * particles[i][j];
  for (let i = 0; i < particles.length; i++) for (let j = 0; j < d; j++) variance[j] += weights[i] * (particles[i][j] - mean[j]) ** 2;
  return { mean, variance };
}

function ess(weights: readonly number[]): number {
  return 1 / weights.reduce((s, w) => s + w * w, 0);
}

/**
 * Approximate Bayesian computation by sequential Monte Carlo (Toni et al. 2009, J R Soc
 * Interface 6:187-202, doi:10.1098/rsif.2008.0172; Beaumont et al. 2009, Biometrika 96:983-990,
 * doi:10.1093/biomet/asp052). Generation 0 is the prior; each later generation resamples the
 * last population by weight, perturbs with a Gaussian kernel of twice the weighted variance
 * (Beaumont et al.), keeps proposals within the new tolerance (a quantile of the last
 * distances), and weights them prior / mixture of kernels. Each generation's draws use a
 * generator seeded by (seed, generation, batch), so a run resumed from its saved populations
 * continues exactly as if it had not stopped.
 */
export async function abcSmc(priors: readonly Prior[], simulate: Simulator, seed: number, options: AbcOptions, done: readonly Population[] = [], onPopulation?: (p: Population) => void): Promise<AbcResult> {
  const n = options.particles;
  if (!(n >= 2)) throw new Error(`ABC-SMC needs at least 2 particles, not ${n}`);
  if (priors.length === 0) throw new Error('ABC-SMC needs at least one parameter');
  const q = options.quantile ?? 0.5;
  const batchSize = options.batch ?? n;
  const populations = done.slice();
  let simulations = populations.reduce((s, p) => s + p.simulations, 0);
  const over = () => options.maxSimulations !== undefined && simulations >= options.maxSimulations;
  const finish = (stopped: StopReason): AbcResult => ({ populations, stopped, simulations });
  for (;;) {
    const last = populations[populations.length - 1];
    if (last) {
      if (options.minTolerance !== undefined && last.tolerance <= options.minTolerance) return finish('tolerance');
      if (options.minAcceptance !== undefined && last.generation > 0 && last.acceptance < options.minAcceptance) return finish('acceptance');
      if (options.maxGenerations !== undefined && populations.length >= options.maxGenerations) return finish('generations');
      if (over()) return finish('simulations');
    }
    const generation = populations.length;
    const tolerance = last ? quantile(last.distances, q) : Infinity;
    const scale = last ? weightedMoments(last.particles, last.weights).variance.map((v) => Math.sqrt(2 * v)) : [];
    const accepted: { theta: number[]; distance: number }[] = [];
    let used = 0;
    for (let b = 0; accepted.length < n; b++) {
      if (over()) return finish('simulations');
      const rng = researchRng(seed, `abc:${generation}:${b}`);
      const thetas: number[][] = [];
      while (thetas.length < batchSize) {
        let theta: number[];
        if (!last) theta = priors.map((p) => priorDraw(p, rng));
        else {
          const r = rng();
          let i = 0;
          for (let acc = last.weights[0]; acc < r && i < last.weights.length - 1; acc += last.weights[++i]);
          theta = last.particles[i].map((x, j) => x + scale[j] * normal(rng));
        }
        // Proposals outside the prior's support cost no simulation: draw again.
        if (jointDensity(priors, theta) > 0) thetas.push(theta);
      }
      const distances = await simulate(thetas, generation, b);
      used += thetas.length;
      simulations += thetas.length;
      thetas.forEach((theta, i) => {
        if (accepted.length < n && distances[i] <= tolerance) accepted.push({ theta, distance: distances[i] });
      });
    }
    let weights: number[];
    if (!last) weights = accepted.map(() => 1);
    else {
      weights = accepted.map(({ theta }) => {
        let mixture = 0;
        for (let i = 0; i < last.particles.length; i++) {
          let k = last.weights[i];
          for (let j = 0; j < theta.length; j++) {
            const s = scale[j];
            k *= s > 0 ? Math.exp(-0.5 * ((theta[j] - last.particles[i][j]) / s) ** 2) / s : theta[j] === last.particles[i][j] ? 1 : 0;
          }
          mixture += k;
        }
        return mixture > 0 ? jointDensity(priors, theta) / mixture : 0;
      });
    }
    const total = weights.reduce((a, b) => a + b, 0);
    weights = weights.map((w) => w / total);
    const population: Population = {
      generation,
      tolerance: last ? tolerance : Math.max(...accepted.map((a) => a.distance)),
      particles: accepted.map((a) => a.theta),
      weights,
      distances: accepted.map((a) => a.distance),
      simulations: used,
      acceptance: accepted.length / used,
      ess: ess(weights),
    };
    populations.push(population);
    onPopulation?.(population);
  }
}

export interface PosteriorSummary {
  readonly mean: number;
  readonly median: number;
  readonly low: number;
  readonly high: number;
}

/** Weighted mean, median and equal-tailed credible interval of each parameter. */
export function posteriorSummary(population: Population, level = 0.95): PosteriorSummary[] {
  const d = population.particles[0].length;
  const { mean } = weightedMoments(population.particles, population.weights);
  return Array.from({ length: d }, (_, j) => {
    const xs = population.particles.map((p) => p[j]);
    return {
      mean: mean[j],
      median: weightedQuantile(xs, population.weights, 0.5),
      low: weightedQuantile(xs, population.weights, (1 - level) / 2),
      high: weightedQuantile(xs, population.weights, 1 - (1 - level) / 2),
    };
  });
}

