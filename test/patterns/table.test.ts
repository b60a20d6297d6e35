import { describe, expect, it } from 'vitest';
import { summarise } from '../../src/analysis/stats.js';
import { isParameterName, PARAMETERS } from '../../src/model/parameters.js';
import { configParams, selectPatterns } from '../../src/patterns/evaluate.js';
import { MEASURE_NAMES } from '../../src/patterns/measures.js';
import { assumedParameters, robustnessDesign } from '../../src/patterns/robustness.js';
import { CONFIGS, PATTERNS, allCriteria, knockoutOf } from '../../src/patterns/table.js';
import { meets, targetRange, wilsonInterval } from '../../src/patterns/targets.js';

/** The pattern table itself: complete, consistent and with its knock-outs really changing the runs. */
describe('the pattern table', () => {
  it('declares the twelve patterns of the model brief, each with criteria, sources and mechanisms', () => {
    expect(PATTERNS.map((p) => p.id)).toEqual(Array.from({ length: 12 }, (_, i) => `P${i + 1}`));
    const ids = allCriteria().map(({ criterion }) => criterion.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of PATTERNS) {
      expect(p.criteria.length, p.id).toBeGreaterThan(0);
      expect(p.sources.length, p.id).toBeGreaterThan(0);
      expect(p.mechanisms.length, p.id).toBeGreaterThan(0);
      for (const c of p.criteria) expect(c.id.startsWith(p.id), c.id).toBe(true);
    }
  });

  it('takes the targets the sources give as counts from them (P11 31/36, P3 19/25 and 6/12, P12 29/51, over 5500)', () => {
    const target = (id: string) => allCriteria().find(({ criterion }) => criterion.id === id)!.criterion.target;
    expect(target('P11a')).toMatchObject({ kind: 'proportion', successes: 31, trials: 36 });
    expect(target('P3e')).toMatchObject({ kind: 'proportion', successes: 19, trials: 25 });
    expect(target('P3f')).toMatchObject({ kind: 'proportion', successes: 6, trials: 12 });
    expect(target('P12a')).toMatchObject({ kind: 'proportion', successes: 29, trials: 51 });
    expect(target('P12e')).toMatchObject({ kind: 'above', value: 5500 });
  });

  it('every knock-out sets real parameters within their ranges and changes the parameters of every run it applies to (at least its first, baseline run)', () => {
    for (const { pattern, criterion } of allCriteria()) {
      const ko = knockoutOf(pattern, criterion);
      if (ko === null) {
        expect(criterion.note, `${criterion.id} has no knock-out, so its note must say why`).toMatch(/construction|input/);
        continue;
      }
      for (const [name, value] of Object.entries(ko.overrides)) {
        expect(isParameterName(name), name).toBe(true);
        const spec = PARAMETERS[name as keyof typeof PARAMETERS];
        expect(value, name).toBeGreaterThanOrEqual(spec.min);
        expect(value, name).toBeLessThanOrEqual(spec.max);
      }
      // A contrast configuration may already have the mechanism off (P6b's no-competition run); the baseline run may not.
      const changed = criterion.configs.filter((config) => JSON.stringify(configParams(config, {}, ko.overrides)) !== JSON.stringify(configParams(config)));
      expect(changed, criterion.id).toContain(criterion.configs[0]);
    }
  });

  it('every configuration resolves to valid parameters, and every criterion uses declared ones', () => {
    for (const name of Object.keys(CONFIGS) as (keyof typeof CONFIGS)[]) expect(() => configParams(name)).not.toThrow();
    for (const { criterion } of allCriteria()) for (const c of criterion.configs) expect(Object.keys(CONFIGS)).toContain(c);
    expect(MEASURE_NAMES.length).toBeGreaterThan(10);
  });

  it('selects patterns and criteria by id and refuses unknown ones', () => {
    expect(selectPatterns(['P4']).map((p) => p.criteria.map((c) => c.id))).toEqual([['P4a', 'P4b']]);
    expect(selectPatterns(['P11a', 'P3e']).flatMap((p) => p.criteria.map((c) => c.id))).toEqual(['P3e', 'P11a']);
    expect(() => selectPatterns(['P13'])).toThrow(/P13/);
  });
});

describe('targets', () => {
  it('the Wilson interval of 31 of 36 is 0.713 to 0.939', () => {
    const r = wilsonInterval(31, 36);
    expect(r.low).toBeCloseTo(0.7133, 3);
    expect(r.high).toBeCloseTo(0.9393, 3);
    expect(wilsonInterval(0, 10).low).toBe(0);
    expect(wilsonInterval(10, 10).high).toBeCloseTo(1, 12);
  });

  it('a proportion passes on its mean inside the interval; a direction only with the whole interval beyond the minimum', () => {
    const s = (mean: number, half: number) => ({ mean, sd: 1, ciLow: mean - half, ciHigh: mean + half, n: 20 });
    const p11 = { kind: 'proportion', successes: 31, trials: 36, of: '' } as const;
    expect(meets(p11, s(0.86, 0.2))).toBe(true);
    expect(meets(p11, s(0.99, 0.01))).toBe(false);
    const above = { kind: 'above', value: 0.1, why: '' } as const;
    expect(meets(above, s(0.3, 0.1))).toBe(true);
    expect(meets(above, s(0.3, 0.25))).toBe(false);
    expect(meets(above, summarise(0, NaN, NaN))).toBe(false);
    expect(targetRange({ kind: 'below', value: 0.8, why: '' })).toEqual({ low: -Infinity, high: 0.8 });
  });
});

describe('the robustness design', () => {
  it('varies only assumed parameters, within their allowed ranges, and is the same for the same seed', () => {
    const ranges = assumedParameters();
    expect(ranges.length).toBeGreaterThan(20);
    for (const r of ranges) {
      const spec = PARAMETERS[r.name];
      expect(spec.source, r.name).toMatch(/assumption/);
      expect(r.low, r.name).toBeGreaterThanOrEqual(spec.min);
      expect(r.high, r.name).toBeLessThanOrEqual(spec.max);
      expect(r.low, r.name).toBeLessThanOrEqual(spec.default);
      expect(r.high, r.name).toBeGreaterThanOrEqual(spec.default);
      expect(r.name, 'levers and flags are not assumptions about the world').not.toMatch(/_flag$|_code$|_gbp$/);
    }
    const a = robustnessDesign(ranges, 5, 3);
    expect(a).toEqual(robustnessDesign(ranges, 5, 3));
    expect(a).toHaveLength(5);
    for (const point of a) {
      for (const r of ranges) {
        expect(point[r.name]).toBeGreaterThanOrEqual(r.low);
        expect(point[r.name]).toBeLessThanOrEqual(r.high);
      }
    }
  });
});
