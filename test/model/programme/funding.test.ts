import { describe, expect, it } from 'vitest';
import type { Organization } from '../../../src/agents/organization.js';
import { Status } from '../../../src/model/enums.js';
import { defaultParams, PARAMETER_NAMES, type Params } from '../../../src/model/parameters.js';
import {
  isEvenLine,
  meanYearRatio,
  monthsByYear,
  nationalCostFactor,
  programmeYear,
  spendWeight,
  taperIntensity,
  yearRatio,
  yearShare,
} from '../../../src/model/programme/funding.js';
import { programmePhase } from '../../../src/model/programme/index.js';
import { grantThisMonth } from '../../../src/model/mechanisms/organizations.js';
import type { MonthFactors } from '../../../src/model/state.js';
import { resolveParams } from '../../../src/model/validate.js';
import { world } from '../mechanisms/fixtures.js';

const with_ = (o: Partial<Params>): Params => resolveParams(o, 'test');
const org = (status: Status, fundedUntil: number) => ({ status, fundedUntil, grant_gbp: 8.4e6 }) as Organization;
/** The month factors grantThisMonth reads, as monthFactors computes them. */
const factors = (p: Params, t: number): MonthFactors => ({ month: t, contactCostFactor: 1, grantWeight: t >= p.programmeStart_month && t < p.fundingEnd_month ? spendWeight(p, t, 'grants') : 0 });
/** A participant's grant money in month t relative to an even month's (grant / 84). */
const money = (o: Organization, p: Params, t: number) => grantThisMonth(o, p, t, factors(p, t)) / (o.grant_gbp / 84);

/** A front-loaded grants profile over the baseline's seven years: 2, 1.5, 1, 1, 0.5, 0.5, 0.5. */
const FRONT = { grantsYear1_ratio: 2, grantsYear2_ratio: 1.5, grantsYear5_ratio: 0.5, grantsYear6_ratio: 0.5, grantsYear7_ratio: 0.5 };

describe('yearly budget weights', () => {
  it('has ten weights per line, all 1 by default: every share, weight and intensity is exactly as before', () => {
    for (const line of ['grants', 'national', 'academy']) expect(PARAMETER_NAMES.filter((n) => n.startsWith(`${line}Year`))).toHaveLength(10);
    const p = defaultParams();
    for (const line of ['grants', 'national', 'academy'] as const) {
      expect(isEvenLine(p, line)).toBe(true);
      expect(meanYearRatio(p, line)).toBe(1);
    }
    for (let t = 0; t < 84; t++) {
      expect(yearShare(p, 'grants', t)).toBe(1);
      expect(spendWeight(p, t, 'national')).toBe(1);
      expect(nationalCostFactor(p, t)).toBe(1 - p.nationalCostReduction_share);
      expect(money(org(Status.exemplar, 84), p, t)).toBeCloseTo(1, 12);
    }
    const taper = with_({ fundingTaper_months: 24 });
    for (let t = 0; t < 84; t++) expect(money(org(Status.follower, 84), taper, t)).toBeCloseTo(spendWeight(taper, t, 'grants'), 12);
    expect(money(org(Status.follower, 84), taper, 83)).toBeLessThan(money(org(Status.follower, 84), taper, 10));
  });

  it('counts programme years as calendar years from the programme start, partial at either end', () => {
    const p = with_({ programmeStart_month: 3, fundingEnd_month: 30 });
    expect(programmeYear(p, 3)).toBe(1);
    expect(programmeYear(p, 11)).toBe(1);
    expect(programmeYear(p, 12)).toBe(2);
    expect(programmeYear(p, 29)).toBe(3);
    expect(monthsByYear(p, 'grants')).toEqual([
      [1, 9],
      [2, 12],
      [3, 6],
    ]);
    // The academy spends over its own window: 2 cohorts 12 months apart from month 15.
    expect(monthsByYear(with_({ academyStart_month: 15, academyCohorts_count: 2 }), 'academy')).toEqual([
      [2, 9],
      [3, 12],
      [4, 3],
    ]);
    // Years beyond the tenth weigh 1.
    const long = with_({ fundingEnd_month: 180, grantsYear10_ratio: 3 });
    expect(yearRatio(long, 'grants', 119)).toBe(3);
    expect(yearRatio(long, 'grants', 120)).toBe(1);
  });

  it('moves grant spend between years in proportion to the weights, keeping the total', () => {
    const p = with_(FRONT);
    const byYear = [0, 0, 0, 0, 0, 0, 0];
    for (let t = 0; t < 84; t++) byYear[Math.floor(t / 12)] += spendWeight(p, t, 'grants');
    const total = byYear.reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(84, 9);
    // Weights sum to 7 over seven full years, so each year gets its weight of an even year (12 months).
    [2, 1.5, 1, 1, 0.5, 0.5, 0.5].forEach((w, k) => expect(byYear[k]).toBeCloseTo(12 * w, 9));
    // National activities keep their even spread.
    expect(spendWeight(p, 0, 'national')).toBe(1);
  });

  it('keeps the total whatever the weights sum to, and combines with a taper', () => {
    const p = with_({ ...FRONT, grantsYear3_ratio: 4, fundingTaper_months: 24 });
    let total = 0;
    for (let t = 0; t < 84; t++) total += spendWeight(p, t, 'grants');
    expect(total).toBeCloseTo(84, 9);
    expect(spendWeight(p, 83, 'grants')).toBeLessThan(spendWeight(p, 72, 'grants'));
    expect(spendWeight(p, 90, 'grants')).toBe(0);
    const none = with_({ grantsYear1_ratio: 0, grantsYear2_ratio: 0, grantsYear3_ratio: 0, grantsYear4_ratio: 0, grantsYear5_ratio: 0, grantsYear6_ratio: 0, grantsYear7_ratio: 0 });
    expect(spendWeight(none, 10, 'grants')).toBe(0);
    expect(yearShare(none, 'grants', 10)).toBe(0);
  });

  it('pays first-wave participants (and so buys hours, 7.2) by their year\'s share of the grant, follow-on ones evenly', () => {
    const p = with_(FRONT);
    // Mean weight over the 84 months is (2 + 1.5 + 1 + 1 + 0.5 × 3) / 7 = 1.
    expect(money(org(Status.exemplar, 84), p, 5)).toBeCloseTo(2, 12);
    expect(money(org(Status.follower, 84), p, 70)).toBeCloseTo(0.5, 12);
    expect(money(org(Status.exemplar, 84), p, 84)).toBe(0);
    const followOn = org(Status.outside, 60);
    expect(grantThisMonth(followOn, p, 5, factors(p, 5))).toBeCloseTo(followOn.grant_gbp / p.followOnFunded_months, 6);
    const unnormalized = with_({ ...FRONT, grantsYear4_ratio: 8 });
    const mean = (2 + 1.5 + 1 + 8 + 0.5 * 3) / 7;
    expect(money(org(Status.exemplar, 84), unnormalized, 40)).toBeCloseTo(8 / mean, 12);
    // A taper moves money earlier but keeps the total.
    const tapered = with_({ ...FRONT, fundingTaper_months: 24 });
    let total = 0;
    for (let t = 0; t < 84; t++) total += money(org(Status.exemplar, 84), tapered, t);
    expect(total).toBeCloseTo(84, 9);
  });

  it('scales the fall in contact cost with the year\'s share of the national budget, never below zero cost', () => {
    const p = with_({ nationalYear1_ratio: 3, nationalYear2_ratio: 0, nationalYear3_ratio: 0.5, nationalYear4_ratio: 0.5, nationalYear5_ratio: 1, nationalYear6_ratio: 1, nationalYear7_ratio: 1 });
    expect(meanYearRatio(p, 'national')).toBe(1);
    expect(nationalCostFactor(p, 0)).toBeCloseTo(0.1, 12);
    expect(nationalCostFactor(p, 12)).toBe(1);
    expect(nationalCostFactor(p, 30)).toBeCloseTo(0.85, 12);
    expect(nationalCostFactor(with_({ nationalCostReduction_share: 0.6, nationalYear1_ratio: 4 }), 0)).toBe(0);
  });
});

describe('programme spend by line and year', () => {
  it('books each line\'s yearly profile and its whole total', () => {
    const profile = { ...FRONT, nationalYear1_ratio: 7, nationalYear2_ratio: 0, nationalYear3_ratio: 0, nationalYear4_ratio: 0, nationalYear5_ratio: 0, nationalYear6_ratio: 0, nationalYear7_ratio: 0 };
    const academy = { academyStart_month: 12, academyCohorts_count: 2, academyCohortInterval_months: 12, academyYear2_ratio: 1.5, academyYear3_ratio: 0.5 };
    const w = world({ ...profile, ...academy, horizon_months: 90 });
    const lines = { grants: [] as number[], national: [] as number[], academy: [] as number[] };
    for (let t = 0; t < 90; t++) {
      w.state.month = t;
      programmePhase(w.state, w.ctx);
      const y = Math.floor(t / 12);
      lines.grants[y] = (lines.grants[y] ?? 0) + w.state.programme.spendGrants_gbp;
      lines.national[y] = (lines.national[y] ?? 0) + w.state.programme.spendNational_gbp;
      lines.academy[y] = (lines.academy[y] ?? 0) + w.state.programme.spendAcademy_gbp;
    }
    const grants = w.state.orgs.filter((o) => o.status !== Status.outside).reduce((s, o) => s + o.grant_gbp, 0);
    [2, 1.5, 1, 1, 0.5, 0.5, 0.5, 0].forEach((r, k) => expect(lines.grants[k], `grants year ${k + 1}`).toBeCloseTo((grants * r) / 7, 2));
    expect(lines.national[0]).toBeCloseTo(w.params.nationalActivitiesBudget_gbp, 2);
    expect(lines.national.slice(1).every((x) => x === 0)).toBe(true);
    expect(lines.academy[0]).toBe(0);
    expect(lines.academy[1]).toBeCloseTo(w.params.academyBudget_gbp * 0.75, 2);
    expect(lines.academy[2]).toBeCloseTo(w.params.academyBudget_gbp * 0.25, 2);
  });
});
