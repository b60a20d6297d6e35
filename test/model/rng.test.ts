import { describe, expect, it } from 'vitest';
import { clamp01, createStreams, geometricGap, logistic, makeRng, normal, pick, randInt, replicateSeed, shuffle, weightedIndex, type RunStreams } from '../../src/model/rng.js';

const STREAMS: (keyof RunStreams)[] = ['setup', 'programme', 'projects', 'search', 'ties', 'communities', 'suppliers', 'mobility'];
const draws = (rng: () => number, n: number) => Array.from({ length: n }, () => rng());

describe('streams', () => {
  it('are reproducible from the run seed', () => {
    const a = createStreams('seed-1');
    const b = createStreams('seed-1');
    for (const name of STREAMS) expect(draws(a[name], 20)).toEqual(draws(b[name], 20));
  });

  it('differ between seeds', () => {
    const a = createStreams('seed-1');
    const b = createStreams('seed-2');
    for (const name of STREAMS) expect(draws(a[name], 5)).not.toEqual(draws(b[name], 5));
  });

  it('differ from one another within a run', () => {
    const s = createStreams('seed-1');
    const first = STREAMS.map((name) => s[name]());
    expect(new Set(first).size).toBe(STREAMS.length);
  });

  it('are independent: drawing from one never shifts another', () => {
    const a = createStreams('seed-3');
    const b = createStreams('seed-3');
    draws(a.search, 1000);
    draws(a.setup, 17);
    expect(draws(a.ties, 50)).toEqual(draws(b.ties, 50));
    expect(draws(a.mobility, 50)).toEqual(draws(b.mobility, 50));
  });

  it('are frozen', () => {
    const s = createStreams('x');
    expect(Object.isFrozen(s)).toBe(true);
  });

  it('replicate seeds name the base seed and replicate', () => {
    expect(replicateSeed(7, 3)).toBe('lesim:7:3');
    expect(replicateSeed(7, 3)).not.toBe(replicateSeed(7, 4));
  });

  it('makeRng draws uniformly on [0, 1)', () => {
    const rng = makeRng('u');
    const xs = draws(rng, 20000);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean).toBeCloseTo(0.5, 1);
  });
});

describe('draw helpers', () => {
  it('randInt and pick stay in range', () => {
    const rng = makeRng('r');
    for (let i = 0; i < 2000; i++) {
      const k = randInt(rng, 7);
      expect(Number.isInteger(k) && k >= 0 && k < 7).toBe(true);
    }
    expect(randInt(() => 0.999999, 7)).toBe(6);
    expect(pick(() => 0.5, ['a', 'b', 'c', 'd'])).toBe('c');
  });

  it('normal has the requested mean and sd', () => {
    const rng = makeRng('n');
    const xs = draws(() => normal(rng, 3, 2), 40000);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1));
    expect(Math.abs(mean - 3)).toBeLessThan(0.05);
    expect(Math.abs(sd - 2)).toBeLessThan(0.05);
  });

  it('weightedIndex is -1 for all-zero weights and never picks a zero weight', () => {
    expect(weightedIndex(() => 0.5, [0, 0, 0])).toBe(-1);
    expect(weightedIndex(() => 0.5, [])).toBe(-1);
    const rng = makeRng('w');
    for (let i = 0; i < 2000; i++) expect([1, 3]).toContain(weightedIndex(rng, [0, 2, 0, 6]));
    expect(weightedIndex(() => 0, [0, 2, 0, 6])).toBe(1);
    expect(weightedIndex(() => 0.999999, [0, 2, 0, 6, 0])).toBe(3);
  });

  it('weightedIndex draws in proportion to the weights', () => {
    const rng = makeRng('w2');
    const counts = [0, 0, 0];
    for (let i = 0; i < 30000; i++) counts[weightedIndex(rng, [1, 2, 3])] += 1;
    expect(counts[0] / 30000).toBeCloseTo(1 / 6, 1);
    expect(counts[2] / 30000).toBeCloseTo(3 / 6, 1);
  });

  it('geometricGap handles the bounds and has mean (1-p)/p', () => {
    expect(geometricGap(() => 0.5, 1)).toBe(0);
    expect(geometricGap(() => 0.5, 0)).toBe(Infinity);
    expect(geometricGap(() => 0, 0.3) + 0).toBe(0); // -0 from floor(log(1)/...), harmless as an index
    const rng = makeRng('g');
    const p = 0.2;
    const gaps = draws(() => geometricGap(rng, p), 20000);
    const mean = gaps.reduce((s, x) => s + x, 0) / gaps.length;
    expect(Math.abs(mean - (1 - p) / p)).toBeLessThan(0.15);
  });

  it('shuffle returns a permutation of the same array', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const out = shuffle(makeRng('s'), items);
    expect(out).toBe(items);
    expect([...out].sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(out).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('clamp01 and logistic', () => {
    expect(clamp01(-1)).toBe(0);
    expect(clamp01(2)).toBe(1);
    expect(clamp01(0.3)).toBe(0.3);
    expect(logistic(0)).toBe(0.5);
    expect(logistic(2)).toBeCloseTo(1 / (1 + Math.exp(-2)), 15);
    expect(logistic(-50)).toBeGreaterThanOrEqual(0);
  });
});
