import { describe, expect, it } from 'vitest';
import { compareScenarios, costPerUnit, pairedDifferences } from '../../src/compare/compare.js';
import { comparisonCsv } from '../../src/compare/files.js';
import { comparisonTable } from '../../src/compare/table.js';
import { OUTCOMES, type Outcomes } from '../../src/model/outcomes.js';

function outcomes(values: Partial<Outcomes>): Outcomes {
  return { ...(Object.fromEntries(OUTCOMES.map((k) => [k, 0])) as Outcomes), ...values };
}

describe('compareScenarios', () => {
  const base = [outcomes({ maturity_end_all: 0.5, spend_programme_gbp: 100e6 }), outcomes({ maturity_end_all: 0.6, spend_programme_gbp: 100e6 }), outcomes({ maturity_end_all: 0.55, spend_programme_gbp: 100e6 })];
  const plan = [outcomes({ maturity_end_all: 0.6, spend_programme_gbp: 110e6 }), outcomes({ maturity_end_all: 0.72, spend_programme_gbp: 110e6 }), outcomes({ maturity_end_all: 0.65, spend_programme_gbp: 110e6 })];
  const rows = compareScenarios([{ name: 'base', outcomes: base }, { name: 'plan', outcomes: plan }], 'base');

  it('gives one row per non-baseline scenario and outcome, with paired differences and t intervals', () => {
    expect(rows).toHaveLength(OUTCOMES.length);
    const row = rows.find((r) => r.outcome === 'maturity_end_all')!;
    // Differences 0.1, 0.12, 0.1: mean 0.10667, sd 0.011547, half-width 4.30265 * 0.011547 / sqrt(3).
    const half = (4.30265273 * Math.sqrt(((0.1 - 0.32 / 3) ** 2 * 2 + (0.12 - 0.32 / 3) ** 2) / 2)) / Math.sqrt(3);
    expect(row.difference_mean).toBeCloseTo(0.32 / 3, 12);
    expect(row.difference_ci_low).toBeCloseTo(0.32 / 3 - half, 12);
    expect(row.difference_ci_high).toBeCloseTo(0.32 / 3 + half, 12);
    expect(row.baseline_mean).toBeCloseTo(0.55, 12);
    expect(row.scenario_mean).toBeCloseTo(1.97 / 3, 12);
    expect(row.n).toBe(3);
    expect(row.unit).toBe('index 0-1');
    expect(row.extra_cost_gbp).toBe(10e6);
    expect(row.cost_per_unit_gbp).toBeCloseTo(10e6 / (0.32 / 3), 3);
    expect(row.cost_per_unit_ci_low_gbp).toBeCloseTo(10e6 / (0.32 / 3 + half), 3);
    expect(row.cost_per_unit_ci_high_gbp).toBeCloseTo(10e6 / (0.32 / 3 - half), 3);
  });

  it('leaves cost per unit empty when the difference interval includes zero or nothing extra is spent', () => {
    const row = rows.find((r) => r.outcome === 'pairings')!;
    expect(row.difference_mean).toBe(0);
    expect(Number.isNaN(row.cost_per_unit_gbp)).toBe(true);
    expect(Number.isNaN(costPerUnit(0, 1, 0.5, 1.5).value)).toBe(true);
    expect(Number.isNaN(costPerUnit(1e6, 1, -0.5, 2.5).value)).toBe(true);
    expect(costPerUnit(1e6, -2, -3, -1)).toEqual({ value: -5e5, low: -1e6, high: 1e6 / -3 });
    const csv = comparisonCsv([row]);
    expect(csv.split('\n')[1]).toMatch(/,3,10000000,,,$/);
  });

  it('skips replications where an outcome is undefined, and treats rounding noise as no difference', () => {
    expect(pairedDifferences([1, NaN, 3], [0.5, 1, NaN]).map((x) => Number.isNaN(x))).toEqual([false, true, true]);
    expect(pairedDifferences([395e6 + 1e-7], [395e6])).toEqual([0]);
    expect(() => pairedDifferences([1, 2], [1])).toThrow(/equal replications/);
  });

  it('prints a readable table: labels, not ids; cost per 0.01 of an index in GBP', () => {
    const text = comparisonTable(rows);
    expect(text).toContain('plan vs base: 3 paired replications; GBP 10 million more spent than the baseline');
    expect(text).toMatch(/Digital maturity of all organizations at the end\s+index 0-1\s+0\.55\s+0\.657\s+\+0\.107 \(0\.078 to 0\.135\)/);
    expect(text).not.toContain('maturity_end_all');
    expect(text).toMatch(/Digital maturity of all organizations at the end: GBP 938,000 per 0\.01 more on the 0-1 index \(GBP 739,000 to 1\.3 million\)/);
  });

  it('gives no cost per unit to a scenario that spends less (no-programme against the baseline)', () => {
    const none = compareScenarios([{ name: 'plan', outcomes: plan }, { name: 'base', outcomes: base }], 'plan');
    expect(none.every((r) => Number.isNaN(r.cost_per_unit_gbp))).toBe(true);
    expect(none[0].extra_cost_gbp).toBe(-10e6);
    expect(comparisonTable(none)).toContain('Cost per unit: not meaningful here');
    expect(Number.isNaN(costPerUnit(-395e6, -0.05, -0.06, -0.04).value)).toBe(true);
  });
});
