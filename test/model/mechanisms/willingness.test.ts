import { describe, expect, it } from 'vitest';
import type { Individual } from '../../../src/agents/individual.js';
import { CareSetting } from '../../../src/model/enums.js';
import { logistic } from '../../../src/model/rng.js';
import { guardedShare, rivalry, willingness } from '../../../src/model/mechanisms/willingness.js';
import { mut, world } from './fixtures.js';

function setup() {
  const { state, params } = world();
  const org = state.orgs[0];
  org.timePressure = 0.4;
  const base: Individual = { ...state.people[org.staff[0]], intrinsic: 0.5, extrinsic: 0.5, ownership: 0.3, uncertainty: 0.4 };
  const person = (o: Partial<Individual>): Individual => ({ ...base, ...o });
  return { state, params, org, base, person };
}

describe('willingness', () => {
  it('is the logistic of the documented linear predictor', () => {
    const { params: p, org, base } = setup();
    const expected = logistic(
      p.willingnessIntercept_logit + p.willingnessIntrinsic_logit * 0.5 + p.willingnessExtrinsic_logit * 0.5 - p.willingnessOwnership_logit * 0.3 - p.willingnessUncertainty_logit * 0.4 * (1 - 0.2) - p.willingnessTime_logit * 0.4,
    );
    expect(willingness(p, base, org, 0.2)).toBeCloseTo(expected, 12);
    expect(willingness(p, base, org)).toBeCloseTo(willingness(p, base, org, 0), 15);
  });

  it('rises with intrinsic and extrinsic motivation', () => {
    const { params, org, base, person } = setup();
    expect(willingness(params, person({ intrinsic: 0.9 }), org)).toBeGreaterThan(willingness(params, base, org));
    expect(willingness(params, person({ extrinsic: 0.9 }), org)).toBeGreaterThan(willingness(params, base, org));
  });

  it('falls with ownership, uncertainty and time pressure', () => {
    const { params, org, base, person } = setup();
    const w0 = willingness(params, base, org);
    expect(willingness(params, person({ ownership: 0.8 }), org)).toBeLessThan(w0);
    expect(willingness(params, person({ uncertainty: 0.9 }), org)).toBeLessThan(w0);
    org.timePressure = 1.2;
    expect(willingness(params, base, org)).toBeLessThan(w0);
  });

  it('trust relieves uncertainty, fully at trust 1', () => {
    const { params, org, person } = setup();
    const unsure = person({ uncertainty: 0.9 });
    const sure = person({ uncertainty: 0 });
    expect(willingness(params, unsure, org, 0.8)).toBeGreaterThan(willingness(params, unsure, org, 0));
    // The fall from uncertainty is smaller with trust.
    const fallNoTrust = willingness(params, sure, org, 0) - willingness(params, unsure, org, 0);
    const fallTrust = willingness(params, sure, org, 0.5) - willingness(params, unsure, org, 0.5);
    expect(fallTrust).toBeLessThan(fallNoTrust);
    expect(willingness(params, unsure, org, 1)).toBeCloseTo(willingness(params, sure, org, 1), 15);
  });

  it('caps time pressure at 1.5', () => {
    const { params, org, base } = setup();
    org.timePressure = 1.5;
    const capped = willingness(params, base, org);
    org.timePressure = 3;
    expect(willingness(params, base, org)).toBe(capped);
    org.timePressure = 1;
    expect(willingness(params, base, org)).toBeGreaterThan(capped);
  });

  it('stays within (0, 1)', () => {
    const { params, org, person } = setup();
    for (const x of [0, 1]) {
      const w = willingness(params, person({ intrinsic: x, extrinsic: x, ownership: 1 - x, uncertainty: 1 - x }), org);
      expect(w).toBeGreaterThan(0);
      expect(w).toBeLessThan(1);
    }
  });
});

describe('rivalry', () => {
  function rivals() {
    const { state } = world();
    const [a, b] = [state.orgs[0], state.orgs[1]];
    mut(b).grouping = a.grouping;
    mut(b).setting = a.setting;
    mut(a).statusSeeking = 0.3;
    mut(b).statusSeeking = 0.6;
    return { a, b };
  }

  it('is the geometric mean of the two status seekings between organizations of one grouping and setting, with no cap', () => {
    const { a, b } = rivals();
    expect(rivalry(a, b)).toBeCloseTo(Math.sqrt(0.3 * 0.6), 12);
    expect(rivalry(b, a)).toBeCloseTo(Math.sqrt(0.3 * 0.6), 12);
    mut(a).statusSeeking = 0;
    expect(rivalry(a, b)).toBe(0);
    mut(a).statusSeeking = 1;
    mut(b).statusSeeking = 1;
    expect(rivalry(a, b, 0.5)).toBeCloseTo(1.5, 12);
  });

  it('under procurement pressure raises both status seekings towards 1 and reaches the rest of the region', () => {
    const { a, b } = rivals();
    const sa = 0.3 + 0.7 * 0.7;
    const sb = 0.6 + 0.7 * 0.4;
    expect(rivalry(a, b, 0.7)).toBeCloseTo(Math.sqrt(sa * sb) * 1.7, 12);
    mut(b).grouping = a.grouping + 1;
    mut(b).region = a.region;
    expect(rivalry(a, b, 0.7)).toBeCloseTo(0.7 * Math.sqrt(sa * sb), 12);
    expect(rivalry(a, b, 0)).toBe(0);
  });

  it('guards tacit know-how between rivals by the fall in willingness, and not at all between others', () => {
    const { state, params: p } = world();
    const org = state.orgs[0];
    const person = state.people[org.staff[0]];
    expect(guardedShare(p, person, org, 0)).toBe(1);
    const g = guardedShare(p, person, org, 1);
    expect(g).toBeCloseTo(willingness(p, person, org, 0, 1) / willingness(p, person, org), 12);
    expect(g).toBeGreaterThan(0);
    expect(g).toBeLessThan(1);
    expect(guardedShare(p, person, org, 3)).toBeLessThan(g);
  });

  it('enters willingness as an inhibitor in the logit', () => {
    const { state, params: p } = world();
    const org = state.orgs[0];
    const person = state.people[org.staff[0]];
    const w0 = willingness(p, person, org);
    const logit = Math.log(w0 / (1 - w0));
    expect(willingness(p, person, org, 0, 0.7)).toBeCloseTo(1 / (1 + Math.exp(-(logit - 0.7))), 12);
  });

  it('is 0 across groupings or settings', () => {
    const { a, b } = rivals();
    mut(b).grouping = a.grouping + 1;
    expect(rivalry(a, b)).toBe(0);
    mut(b).grouping = a.grouping;
    mut(b).setting = a.setting === CareSetting.acute ? CareSetting.mentalHealth : CareSetting.acute;
    expect(rivalry(a, b)).toBe(0);
  });
});
