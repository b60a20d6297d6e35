import { describe, expect, it } from 'vitest';
import { OnlineSummary, summarise, summariseValues, t975 } from '../../src/analysis/stats.js';
import { makeRng } from '../../src/model/rng.js';

describe('t975', () => {
  it('matches known quantiles of Student\'s t within 0.01', () => {
    const known: [number, number][] = [[1, 12.706], [2, 4.303], [5, 2.571], [10, 2.228], [30, 2.042]];
    for (const [df, q] of known) expect(Math.abs(t975(df) - q)).toBeLessThan(0.01);
  });

  it('is exact for 1 and 2 degrees of freedom', () => {
    expect(t975(1)).toBeCloseTo(12.7062047, 6);
    expect(t975(2)).toBeCloseTo(4.3026527, 6);
  });

  it('falls with the degrees of freedom towards the normal quantile', () => {
    let last = Infinity;
    for (const df of [1, 2, 3, 4, 5, 8, 13, 30, 100, 1000]) {
      expect(t975(df)).toBeLessThan(last);
      last = t975(df);
    }
    expect(t975(1e6)).toBeGreaterThan(1.959);
  });

  it('is NaN below one degree of freedom', () => {
    expect(t975(0)).toBeNaN();
    expect(t975(-3)).toBeNaN();
    expect(t975(NaN)).toBeNaN();
  });

  it('is exact to 1e-4 from df 3 on, tabled to 30 and by expansion beyond', () => {
    const exact: [number, number][] = [[3, 3.182446], [4, 2.776445], [6, 2.446912], [8, 2.306004], [20, 2.085963], [30, 2.042272], [31, 2.039513], [40, 2.021075], [60, 2.000298], [120, 1.979930]];
    for (const [df, q] of exact) expect(Math.abs(t975(df) - q)).toBeLessThan(1e-4);
  });

  it('tends to the normal quantile 1.959964 for large df', () => {
    expect(Math.abs(t975(1e6) - 1.959964)).toBeLessThan(1e-5);
  });
});

describe('summariseValues', () => {
  it('gives mean, sample sd and the t interval of the mean', () => {
    const s = summariseValues([1, 2, 3, 4]);
    const sd = Math.sqrt(5 / 3);
    expect(s.n).toBe(4);
    expect(s.mean).toBeCloseTo(2.5, 12);
    expect(s.sd).toBeCloseTo(sd, 12);
    expect(s.ciLow).toBeCloseTo(2.5 - (t975(3) * sd) / 2, 12);
    expect(s.ciHigh).toBeCloseTo(2.5 + (t975(3) * sd) / 2, 12);
  });

  it('ignores NaN', () => {
    const s = summariseValues([1, NaN, 3, NaN]);
    expect(s.n).toBe(2);
    expect(s.mean).toBe(2);
    expect(s.sd).toBeCloseTo(Math.SQRT2, 12);
  });

  it('is all NaN for no values and has no spread for one', () => {
    const none = summariseValues([]);
    expect(none.n).toBe(0);
    expect(none.mean).toBeNaN();
    expect(none.ciLow).toBeNaN();
    const one = summariseValues([NaN, 7]);
    expect(one.n).toBe(1);
    expect(one.mean).toBe(7);
    expect(one.sd).toBeNaN();
    expect(one.ciHigh).toBeNaN();
  });

  it('has a zero-width interval for constant values', () => {
    const s = summariseValues([4, 4, 4]);
    expect(s.sd).toBe(0);
    expect(s.ciLow).toBe(4);
    expect(s.ciHigh).toBe(4);
  });

  it('summarise from moments matches', () => {
    expect(summarise(4, 2.5, 5)).toEqual(summariseValues([1, 2, 3, 4]));
  });
});

describe('OnlineSummary', () => {
  it('equals a direct computation per cell, and ignores NaN cell by cell', () => {
    const rng = makeRng('stats');
    const cells = 7;
    const rows: number[][] = [];
    const online = new OnlineSummary(cells);
    for (let r = 0; r < 25; r++) {
      const row = Array.from({ length: cells }, (_, i) => (i === 3 && r % 3 === 0 ? NaN : 100 * rng() + i * 1000));
      rows.push(row);
      online.add(Float64Array.from(row));
    }
    for (let i = 0; i < cells; i++) {
      const column = rows.map((row) => row[i]).filter((x) => !Number.isNaN(x));
      const n = column.length;
      const mean = column.reduce((s, x) => s + x, 0) / n;
      const sd = Math.sqrt(column.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1));
      const got = online.get(i);
      expect(got.n).toBe(n);
      expect(got.mean).toBeCloseTo(mean, 9);
      expect(got.sd).toBeCloseTo(sd, 9);
      expect(got.ciHigh - got.ciLow).toBeCloseTo((2 * t975(n - 1) * sd) / Math.sqrt(n), 9);
    }
    expect(online.get(3).n).toBe(25 - 9);
  });

  it('a cell that only ever saw NaN has n 0', () => {
    const online = new OnlineSummary(2);
    online.add([NaN, 1]);
    online.add([NaN, 3]);
    expect(online.get(0).n).toBe(0);
    expect(online.get(0).mean).toBeNaN();
    expect(online.get(1).mean).toBe(2);
  });
});
