import { describe, expect, it } from 'vitest';
import { selectOutcomes } from '../../src/charts/comparison.js';
import { buildChart, openSource } from '../../src/charts/index.js';
import type { ComparisonSource } from '../../src/charts/source.js';
import { makeComparison } from './fixtures.js';

const EXTRA = [
  'no-programme,gde-baseline,blueprint_reads,reads,2360,0,-2360,-2400,-2300,10,-395000000,,,',
  'no-programme,gde-baseline,pairings,pairings,25,0,-25,-25,-25,10,-395000000,,,',
];

describe('comparison chart outcomes', () => {
  const base = [
    'no-programme,gde-baseline,maturity_end_outside,maturity (0-1),0.554,0.532,-0.022,-0.026,-0.018,10,-395000000,,,',
    'no-programme,gde-baseline,informal_active_funding_end,relationships,1756,1020,-736,-820,-652,10,-395000000,536684.8,481707.3,605828.2',
  ];
  const source = openSource(makeComparison([...base, ...EXTRA])) as ComparisonSource;

  it('draws the headline outcomes by default, every one with all, or a given list', () => {
    expect(selectOutcomes(source).map((r) => r.outcome)).toEqual(['maturity_end_outside', 'informal_active_funding_end']);
    expect(selectOutcomes(source, 'all')).toHaveLength(4);
    expect(selectOutcomes(source, ['pairings']).map((r) => r.outcome)).toEqual(['pairings']);
    expect(() => selectOutcomes(source, ['pairngs'])).toThrow(/has no outcome 'pairngs'; it has: /);
  });

  it('says in the caption how many outcomes it leaves out', () => {
    const chart = buildChart(source, 'difference');
    expect(chart.caption).toContain('Shown: 2 of the 4 outcomes (--outcomes all for every one).');
    expect(buildChart(source, 'difference', { outcomes: 'all' }).caption).not.toContain('Shown:');
  });
});

describe('comparison chart numbers', () => {
  it('axes have no SI prefixes or exponents; money in GBP million; cost per 0.01 of an index or per extra unit', () => {
    const dir = makeComparison([
      'plan,gde-baseline,maturity_end_outside,index 0-1,0.554,0.561,0.007,0.002,0.012,10,9000000,1285714286,750000000,4500000000',
      'plan,gde-baseline,informal_active_funding_end,relationships,1756,2101,345,280,410,10,9000000,26086.9,21951.2,32142.9',
      'plan,gde-baseline,spend_programme_gbp,GBP,395000000,404000000,9000000,9000000,9000000,10,9000000,,,',
    ]);
    const source = openSource(dir);
    const cost = JSON.stringify(buildChart(source, 'cost').spec);
    const diff = JSON.stringify(buildChart(source, 'difference', { outcomes: 'all' }).spec);
    for (const spec of [cost, diff]) {
      expect(spec).not.toMatch(/"format":"[^"]*[sge]"/);
      expect(spec).not.toMatch(/e\+\d/);
    }
    expect(cost).toContain('GBP million per 0.01 more on the 0-1 index');
    expect(cost).toContain('GBP 13 million (GBP 7.5 million to GBP 45 million)');
    expect(cost).toContain('GBP thousand per extra relationship');
    expect(diff).toContain('Difference from baseline (GBP million)');
    expect(diff).toContain('Programme spend (baseline GBP 395 million)');
  });
});
