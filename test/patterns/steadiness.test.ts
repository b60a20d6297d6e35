import { describe, expect, it } from 'vitest';
import { N_CELLS, spectrumIndex } from '../../src/model/recorder.js';
import { activeRelationships, steadiness, steadinessText, yearlyTrendShare } from '../../src/patterns/steadiness.js';

/** A series whose active relationships (split over two spectrum cells) follow level(t). */
function series(months: number, level: (t: number) => number): Float64Array {
  const s = new Float64Array(months * N_CELLS);
  for (let t = 0; t < months; t++) {
    s[t * N_CELLS + spectrumIndex(2, 0, 0)] = level(t) / 2;
    s[t * N_CELLS + spectrumIndex(2, 2, 1)] = level(t) / 2;
    // Formations and endings are not active relationships.
    s[t * N_CELLS + spectrumIndex(0, 0, 0)] = 1000;
  }
  return s;
}

describe('steadiness of the counterfactual', () => {
  it('reads active relationships over every formality and origin, and nothing else', () => {
    expect(Array.from(activeRelationships(series(3, (t) => 10 + t), 3))).toEqual([10, 11, 12]);
  });

  it('measures the least-squares trend per year as a share of the mean level', () => {
    // 100 + t a month over 120 months: slope 12 a year, mean 159.5.
    expect(yearlyTrendShare(Array.from({ length: 120 }, (_, t) => 100 + t))).toBeCloseTo(12 / 159.5, 12);
    expect(yearlyTrendShare(Array.from({ length: 120 }, () => 50))).toBe(0);
    expect(yearlyTrendShare([0, 0, 0])).toBeNaN();
  });

  it('is steady when the interval of the trend over replications lies within 5% a year, and not when it grows', () => {
    const flat = [0, 1, 2, 3].map((k) => series(120, (t) => 1000 + (k - 1.5) * 0.2 * t + 5 * Math.sin(t + k)));
    const s = steadiness(flat, 120);
    expect(s.months).toBe(120);
    expect(s.trend.n).toBe(4);
    expect(s.steady).toBe(true);
    expect(steadinessText(s)).toMatch(/2017-2026, 4 replications\): [+-]0\.\d% a year \(95% CI .* to .*\), within ±5%: yes/);
    const growing = [0, 1, 2].map((k) => series(120, (t) => 100 + (1 + 0.1 * k) * t));
    const g = steadiness(growing, 120);
    expect(g.trend.ciLow).toBeGreaterThan(0.05);
    expect(g.steady).toBe(false);
    expect(steadinessText(g)).toMatch(/within ±5%: no/);
  });

  it('uses at most the first 120 months (2017-2026)', () => {
    // Flat for ten years, then growing: the growth after 2026 does not count.
    const s = steadiness([0, 1].map((k) => series(240, (t) => (t < 120 ? 500 + k : 500 + 10 * (t - 120)))), 240);
    expect(s.months).toBe(120);
    expect(Math.abs(s.trend.mean)).toBeLessThan(1e-12);
  });
});
