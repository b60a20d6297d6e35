import { describe, expect, it } from 'vitest';
import { binRows, cycleBins } from '../../src/charts/binning.js';
import type { RunData, SeriesRow } from '../../src/load/run.js';

const runWith = (params: Record<string, number>) => ({ dir: 'x', manifest: { parameters: Object.fromEntries(Object.entries(params).map(([k, v]) => [k, { value: v, unit: 'months' }])) } }) as unknown as RunData;

/** A month's count: one from each two-monthly meeting, one from each three-monthly one. */
const series = (months: number): SeriesRow[] =>
  Array.from({ length: months }, (_, m) => {
    const x = 10 + (m % 2 === 0 ? 4 : 0) + (m % 3 === 0 ? 6 : 0);
    return { month: m, date: '', keys: { origin: 'policy' }, mean: x, sd: 0, ciLow: x - 1, ciHigh: x + 1, n: 5 };
  });

describe('time-series bins', () => {
  it('bins by the common multiple of the programme cycles, and says so', () => {
    const bins = cycleBins(runWith({ learningNetworkMeetingInterval_months: 2, userGroupMeetingInterval_months: 3 }));
    expect(bins.months).toBe(6);
    expect(bins.caption).toContain('averaged over each calendar half-year (6 months)');
    expect(cycleBins(runWith({ learningNetworkMeetingInterval_months: 2, userGroupMeetingInterval_months: 3, professionalNetworkEventInterval_months: 6, academyCohortInterval_months: 12 })).months).toBe(12);
    const odd = cycleBins(runWith({ learningNetworkMeetingInterval_months: 2, academyCohortInterval_months: 7 }));
    expect(odd.months).toBe(2);
    expect(odd.caption).toContain('academy cohorts every 7 months');
  });

  it('draws no sawtooth where calendar quarters would', () => {
    const rows = series(36);
    const quarterly = binRows(rows, 3, (r) => r.keys.origin).map((b) => b.mean);
    expect(new Set(quarterly.map((x) => x!.toFixed(6))).size).toBeGreaterThan(1);
    const fitted = binRows(rows, 6, (r) => r.keys.origin);
    expect(new Set(fitted.map((b) => b.mean!.toFixed(6)))).toEqual(new Set([(10 + 2 + 2).toFixed(6)]));
    expect(fitted.map((b) => b.middle)).toEqual([3, 9, 15, 21, 27, 33]);
    // A last bin with fewer months holds fewer cycles: dropped.
    expect(binRows(series(40), 6, (r) => r.keys.origin)).toHaveLength(6);
  });
});
