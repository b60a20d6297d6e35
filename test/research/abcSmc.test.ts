import { describe, expect, it } from 'vitest';
import { abcSmc, posteriorSummary, type Population } from '../../src/research/abcSmc.js';
import { normal, researchRng } from '../../src/research/random.js';

// Data: 10 draws from N(mu, 1) with sample mean 1.2; prior mu ~ N(0, 2^2). The conjugate
// posterior is N(n xbar tau^2 / (n tau^2 + 1), tau^2 / (n tau^2 + 1)).
const n = 10;
const xbar = 1.2;
const tau = 2;
const postMean = (n * xbar * tau ** 2) / (n * tau ** 2 + 1);
const postSd = Math.sqrt(tau ** 2 / (n * tau ** 2 + 1));

const simulator = (seed: number) => async (thetas: readonly (readonly number[])[], g: number, b: number) => {
  const rng = researchRng(seed, `sim:${g}:${b}`);
  // The sample mean is sufficient: simulate it directly.
  return thetas.map(([mu]) => Math.abs(mu + normal(rng) / Math.sqrt(n) - xbar));
};

describe('ABC-SMC', () => {
  it('recovers the conjugate posterior of a normal mean', async () => {
    const result = await abcSmc([{ kind: 'normal', mean: 0, sd: tau }], simulator(1), 12, { particles: 1000, minTolerance: 0.02, maxGenerations: 20 });
    expect(result.stopped).toBe('tolerance');
    const last = result.populations[result.populations.length - 1];
    const tolerances = result.populations.map((p) => p.tolerance);
    for (let i = 1; i < tolerances.length; i++) expect(tolerances[i]).toBeLessThan(tolerances[i - 1]);
    const [s] = posteriorSummary(last);
    expect(Math.abs(s.mean - postMean)).toBeLessThan(0.05);
    const sdAbc = Math.sqrt(last.particles.reduce((acc, [m], i) => acc + last.weights[i] * (m - s.mean) ** 2, 0));
    expect(Math.abs(sdAbc / postSd - 1)).toBeLessThan(0.15);
    expect(s.low).toBeLessThan(postMean - 1.5 * postSd);
    expect(s.high).toBeGreaterThan(postMean + 1.5 * postSd);
    expect(last.ess).toBeGreaterThan(200);
    expect(last.ess).toBeLessThanOrEqual(1000 + 1e-9);
    expect(result.simulations).toBe(result.populations.reduce((a, p) => a + p.simulations, 0));
  });

  it('stops on the simulation budget and on the acceptance rate', async () => {
    const budget = await abcSmc([{ kind: 'uniform', low: -5, high: 5 }], simulator(2), 13, { particles: 100, maxSimulations: 500 });
    expect(budget.stopped).toBe('simulations');
    expect(budget.simulations).toBeLessThanOrEqual(600);
    const rate = await abcSmc([{ kind: 'uniform', low: -5, high: 5 }], simulator(3), 14, { particles: 100, minAcceptance: 0.3 });
    expect(rate.stopped).toBe('acceptance');
    expect(rate.populations[rate.populations.length - 1].acceptance).toBeLessThan(0.3);
  });

  it('resumed from its saved populations, continues exactly as an uninterrupted run', async () => {
    const options = { particles: 50, maxGenerations: 5 };
    const whole = await abcSmc([{ kind: 'uniform', low: -5, high: 5 }], simulator(4), 15, options);
    const saved: Population[] = [];
    await abcSmc([{ kind: 'uniform', low: -5, high: 5 }], simulator(4), 15, { ...options, maxGenerations: 2 }, [], (p) => saved.push(JSON.parse(JSON.stringify(p)) as Population));
    const resumed = await abcSmc([{ kind: 'uniform', low: -5, high: 5 }], simulator(4), 15, options, saved);
    expect(resumed.populations).toEqual(whole.populations);
  });
});
