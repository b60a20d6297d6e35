import { describe, expect, it } from 'vitest';
import { ExactSeries } from '../../src/analysis/exactSeries.js';
import { summariseValues } from '../../src/analysis/stats.js';

function rows(n: number, size: number, seed = 1): number[][] {
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  return Array.from({ length: n }, () => Array.from({ length: size }, (_, i) => (i === 0 ? 0 : i === 1 ? 4e8 * next() : i === 2 && next() < 0.3 ? NaN : next() * 10 ** (i % 5 - 2))));
}

function fold(data: number[][], size: number): ExactSeries {
  const s = new ExactSeries(size);
  for (const r of data) s.add(r);
  return s;
}

describe('ExactSeries', () => {
  const size = 12;
  const data = rows(40, size);

  it('gives the same bits whatever order the replications arrive in', () => {
    const forward = fold(data, size);
    const backward = fold([...data].reverse(), size);
    const shuffled = fold([...data.slice(17), ...data.slice(0, 17)], size);
    for (let i = 0; i < size; i++) {
      expect(Object.is(forward.get(i).mean, backward.get(i).mean) || (Number.isNaN(forward.get(i).mean) && Number.isNaN(backward.get(i).mean))).toBe(true);
      expect(forward.get(i)).toEqual(backward.get(i));
      expect(forward.get(i)).toEqual(shuffled.get(i));
    }
  });

  it('merging parts equals adding everything to one accumulator', () => {
    const whole = fold(data, size);
    const a = fold(data.filter((_, k) => k % 3 === 0), size);
    const b = fold(data.filter((_, k) => k % 3 !== 0), size);
    a.merge(b);
    for (let i = 0; i < size; i++) expect(a.get(i)).toEqual(whole.get(i));
  });

  it('agrees with a direct computation of mean, sd and interval, skipping NaN per cell', () => {
    const s = fold(data, size);
    for (let i = 0; i < size; i++) {
      const direct = summariseValues(data.map((r) => r[i]));
      const got = s.get(i);
      expect(got.n).toBe(direct.n);
      expect(got.mean).toBeCloseTo(direct.mean, 6);
      if (direct.n > 1) expect(got.sd).toBeCloseTo(direct.sd, 6);
    }
    expect(s.get(2).n).toBeLessThan(40);
    expect(s.get(0)).toMatchObject({ mean: 0, sd: 0, n: 40 });
  });

  it('survives a round trip through JSON exactly (checkpoints and shards)', () => {
    const s = fold(data, size);
    const back = ExactSeries.fromJSON(JSON.parse(JSON.stringify(s.toJSON())));
    for (let i = 0; i < size; i++) expect(back.get(i)).toEqual(s.get(i));
  });

  it('refuses rows of the wrong length and infinite or huge values whole, leaving the sums untouched', () => {
    const s = new ExactSeries(3);
    s.add([1, 2, 3]);
    expect(() => s.add([1, 2])).toThrow(/2 values for 3 cells/);
    expect(() => s.add([1.5, 2, Infinity])).toThrow(/cell 2 is Infinity/);
    expect(() => s.add([1e300, 0, 0])).toThrow(/cell 0 is 1e\+300/);
    expect([0, 1, 2].map((i) => [s.get(i).n, s.get(i).mean])).toEqual([[1, 1], [1, 2], [1, 3]]);
  });
});
