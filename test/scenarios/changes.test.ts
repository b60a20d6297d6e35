import { describe, expect, it } from 'vitest';
import { leverChanges, leverText } from '../../src/scenarios/changes.js';
import { findScenario, resolveScenario } from '../../src/scenarios/index.js';

describe('leverChanges', () => {
  it('says what a scenario changes in the levers of a scenario file, in plain units', () => {
    const changes = leverChanges(resolveScenario(findScenario('extended-funding')));
    expect(changes.map((c) => `${c.path} = ${c.text} (default ${c.defaultText})`)).toEqual([
      'run.months = 144 months (default 120 months)',
      'programme.funding_end = 2025-12 (default 2023-12)',
      'budget.exemplar_grant_gbp = GBP 12.9 million (default GBP 10 million)',
      'budget.follower_grant_gbp = GBP 6.43 million (default GBP 5 million)',
      'budget.national_activities_gbp = GBP 77.1 million (default GBP 60 million)',
    ]);
    expect(changes[1].value).toBe('2025-12');
  });
  it('names a parameter without a lever under parameters., and nothing for the baseline', () => {
    expect(leverChanges(resolveScenario(findScenario('gde-baseline')))).toEqual([]);
    const p = resolveScenario(findScenario('gde-baseline'), { meetingTie_prob: 0.1 });
    expect(leverChanges(p).map((c) => c.path)).toEqual(['parameters.meetingTie_prob']);
    expect(leverText('intermediaries.independent_network_support_gbp_per_year', 2e6)).toBe('GBP 2 million per year');
    expect(leverText('budget.by_year.grants', { 2017: 65e6 })).toBe('2017: GBP 65 million');
  });
});
