import { describe, expect, it } from 'vitest';
import { differenceSentence, headlineDifferences } from '../../src/explore/difference.js';
import { HEADLINE_OUTCOMES } from '../../src/compare/table.js';
import { OUTCOMES, type Outcomes } from '../../src/model/outcomes.js';

const outcomes = (f: (name: string, k: number) => number, n: number): Outcomes[] =>
  Array.from({ length: n }, (_, k) => Object.fromEntries(OUTCOMES.map((name) => [name, f(name, k)])) as unknown as Outcomes);

describe('the difference panel', () => {
  it('tells in words what differs beyond chance, with its cost per unit', () => {
    const a = outcomes((name, k) => (name === 'spend_programme_gbp' ? 100e6 : name === 'informal_active_funding_end' ? NaN : 10 + k), 4);
    // B spends GBP 2M more and raises maturity by 0.5 in every replication; the rest is noise around A.
    const b = outcomes((name, k) => (name === 'spend_programme_gbp' ? 102e6 : name === 'informal_active_funding_end' ? NaN : name === 'maturity_end_all' ? 10.5 + k : 10 + k + (k % 2 === 0 ? 0.3 : -0.3)), 4);
    const rows = headlineDifferences({ name: 'x', outcomes: a }, { name: 'y', outcomes: b });
    expect(rows.map((r) => r.outcome)).toEqual(HEADLINE_OUTCOMES);
    const sentence = differenceSentence(rows, 24, 120);
    expect(sentence).toBe(
      'So far (month 24 of 120): B: GBP 2 million more spent than A; clear differences: digital maturity of all organizations now +0.5 (the same in every replication), ' +
        'GBP 40,000 per 0.01 more on the 0-1 index (GBP 40,000 to 40,000). The other 9 cannot be told apart from chance with 4 paired replications (1 is measured only later in the run).',
    );
    expect(sentence).toContain('cannot be told apart from chance with 4 paired replications');
    expect(sentence).toContain('(1 is measured only later in the run)');
    expect(differenceSentence(headlineDifferences({ name: 'x', outcomes: a.slice(0, 1) }, { name: 'y', outcomes: b.slice(0, 1) }), 120, 120)).toContain('At the end of the run (month 120): intervals need at least 2 paired replications');
  });
});
