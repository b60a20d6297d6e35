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
  'P1a', 'P1b', 'P1c', 'P2a', 'P2b', 'P3a', 'P3b', 'P3c', 'P3d', 'P3e', 'P3f', 'P4a', 'P4b', 'P5a', 'P5b', 'P5c', 'P6a', 'P6b',
  'P7a', 'P7b', 'P7c', 'P7d', 'P8a', 'P8b', 'P9a', 'P9b', 'P9c', 'P10a', 'P11a', 'P12a', 'P12b', 'P12c', 'P12d', 'P12e',
];
/** Known failures of today's model at this seed (issue 11), with what they measure: none since stop 18. */
const FAILS: Record<string, string> = {};

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
    // Criteria whose knock-out effect is clear at 5 replications (P6a's label effect needs about 20).
    report = await evaluatePatterns({ replicates: 5, seed: BASE_SEED, workers: 2, only: ['P4a', 'P7c', 'P9b', 'P12c'] });
  }, 900_000);

  it('each knock-out changes the metric and weakens it, with a 95% interval above zero', () => {
    for (const c of report.patterns.flatMap((p) => p.criteria)) {
      expect(c.knockout, c.id).not.toBeNull();
      expect(c.knockout!.measured.n, c.id).toBe(5);
      expect(c.knockout!.weakens, `${c.id}: weakening ${c.knockout!.weakening.mean} (${c.knockout!.weakening.ciLow} to ${c.knockout!.weakening.ciHigh})`).toBe(true);
    }
  });
});
