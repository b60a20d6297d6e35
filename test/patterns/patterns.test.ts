import { beforeAll, describe, expect, it } from 'vitest';
import { evaluatePatterns, type CriterionResult, type PatternsReport } from '../../src/patterns/evaluate.js';
import { patternsCsv } from '../../src/patterns/files.js';
import { allCriteria } from '../../src/patterns/table.js';

/** Replications per configuration: the pattern tests have always used 20. */
const REPS = 20;
/** A base seed of the tests' own, unrelated to any default. */
const BASE_SEED = 20260;

/**
 * The pattern table (src/patterns/table.ts) run on today's model, as `lesim patterns` runs it
 * (worker pool, common random numbers). These tests assert only what is true today: criteria that
 * meet their targets are tested to keep meeting them; criteria that fail are marked it.fails, each
 * a known failure of today's model that issue 11 (mechanisms instead of outcomes) is to fix. When
 * a change makes one pass, move it to MEETS: it.fails then reports it.
 */
const MEETS = [
  'P1a', 'P1b', 'P1c', 'P3a', 'P3b', 'P3c', 'P3d', 'P3e', 'P4a', 'P4b', 'P5b', 'P6a', 'P6b', 'P7a', 'P8a', 'P8b', 'P9a', 'P9b', 'P9c', 'P10a',
  // Within the source's interval since time became one budget for project work and sharing (0.77 here).
  'P11a',
  // Borderline: 0.449 here (interval from 0.433).
  'P12a',
  'P12b', 'P12c', 'P12d',
];
/** Known failures of today's model at this seed (issue 11), with what they measure. */
const FAILS: Record<string, string> = {
  // Since the one staff-time budget (fewer informal ties, issue 11 funding branch): 1.43 (1.08 to 1.79).
  P2a: 'overlaid pairings carry more knowledge, but the interval reaches below the declared 1.1',
  // 0.0069 (-0.0017 to 0.0156) since the one staff-time budget.
  P2b: 'followers of overlaid pairings gain more only within noise',
  P3f: 'about 3 of 25 pairings share a grouping, the source 6 of 12',
  P5a: 'about one contact per 28 blueprint reads, below the declared one per 20',
  // 0.092 (0.071 to 0.114) since the one staff-time budget.
  P7b: 'routines concentrate among exemplars by a little under the declared 10 points',
  P12e: 'the professional network has about 860 members, the source more than 5,500',
};

describe('the twelve patterns on today\'s model (issue 11)', () => {
  let report: PatternsReport;
  const result = (id: string): CriterionResult => report.patterns.flatMap((p) => p.criteria).find((c) => c.id === id)!;
  const show = (c: CriterionResult) => `${c.id}: ${c.measured.mean.toPrecision(3)} (95% CI ${c.measured.ciLow.toPrecision(3)} to ${c.measured.ciHigh.toPrecision(3)}, n=${c.measured.n}); target ${c.target}`;

  beforeAll(async () => {
    report = await evaluatePatterns({ replicates: REPS, seed: BASE_SEED, workers: 2, knockouts: false });
    console.info(report.patterns.flatMap((p) => p.criteria).map(show).join('\n'));
  }, 900_000);

  it('classifies every criterion of the table as meeting or as a known failure', () => {
    const ids = allCriteria().map(({ criterion }) => criterion.id).sort();
    expect([...MEETS, ...Object.keys(FAILS)].sort()).toEqual(ids);
  });

  it('measures every criterion over all replications and writes one CSV row each', () => {
    for (const c of report.patterns.flatMap((p) => p.criteria)) {
      expect(c.measured.n, c.id).toBeGreaterThan(REPS / 2);
      expect(Number.isFinite(c.measured.mean), c.id).toBe(true);
    }
    expect(patternsCsv(report).trimEnd().split('\n')).toHaveLength(1 + allCriteria().length);
  });

  for (const id of MEETS) {
    it(`${id} meets its target`, () => {
      const c = result(id);
      expect(c.pass, show(c)).toBe(true);
    });
  }

  for (const [id, why] of Object.entries(FAILS)) {
    // Known failure (issue 11): ${why}.
    it.fails(`${id} meets its target (known failure, issue 11: ${why})`, () => {
      const c = result(id);
      expect(c.pass, show(c)).toBe(true);
    });
  }
});

describe('knock-outs are applied and weaken the patterns they switch off', () => {
  let report: PatternsReport;

  beforeAll(async () => {
    report = await evaluatePatterns({ replicates: 5, seed: BASE_SEED, workers: 2, only: ['P4a', 'P6a', 'P9b', 'P12c'] });
  }, 900_000);

  it('each knock-out changes the metric and weakens it, with a 95% interval above zero', () => {
    for (const c of report.patterns.flatMap((p) => p.criteria)) {
      expect(c.knockout, c.id).not.toBeNull();
      expect(c.knockout!.measured.n, c.id).toBe(5);
      expect(c.knockout!.weakens, `${c.id}: weakening ${c.knockout!.weakening.mean} (${c.knockout!.weakening.ciLow} to ${c.knockout!.weakening.ciHigh})`).toBe(true);
    }
  });
});
