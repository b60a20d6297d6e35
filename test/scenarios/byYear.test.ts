import { describe, expect, it } from 'vitest';
import { defaultParams } from '../../src/model/parameters.js';
import { ScenarioError } from '../../src/scenarios/errors.js';
import { loadScenarioArgument } from '../../src/scenarios/index.js';
import { grantsLineTotal, leversToOverrides, paramsToLevers } from '../../src/scenarios/translate.js';

const byYear = (lines: Record<string, Record<string, number>>, extra: Record<string, unknown> = {}) => leversToOverrides({ ...extra, budget: { ...((extra.budget as object) ?? {}), by_year: lines } });

/** The messages of a scenario that must be refused. */
function refused(sets: string[]): string {
  try {
    loadScenarioArgument('gde-baseline', sets);
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return (error as Error).message;
  }
  throw new Error(`accepted: ${sets.join(' ')}`);
}

describe('budget.by_year: GBP by line and calendar year', () => {
  it('turns GBP per year into the line total and weights per funded month relative to an even year', () => {
    const { overrides, issues } = byYear({ national: { 2017: 5e6, 2018: 10e6 } });
    expect(issues).toEqual([]);
    expect(overrides.nationalActivitiesBudget_gbp).toBe(15e6);
    // 84 funded months; 2017 gets 5/15 of the money in 12 of them: (5/12) / (15/84) = 2.333...
    expect(overrides.nationalYear1_ratio).toBeCloseTo(7 / 3, 12);
    expect(overrides.nationalYear2_ratio).toBeCloseTo(14 / 3, 12);
    for (const k of [3, 4, 5, 6, 7]) expect(overrides[`nationalYear${k}_ratio` as 'nationalYear3_ratio']).toBe(0);
    for (const k of [8, 9, 10]) expect(overrides[`nationalYear${k}_ratio` as 'nationalYear8_ratio']).toBe(1);
  });

  it('scales the per-organization grants to the grants line total, keeping their proportions', () => {
    const even = grantsLineTotal(defaultParams());
    expect(even).toBe(315e6);
    const { overrides, issues } = byYear({ grants: { 2017: 40e6, 2018: 60e6, 2019: 60e6, 2020: 50e6, 2021: 40e6, 2022: 30e6, 2023: 20e6 } });
    expect(issues).toEqual([]);
    expect(overrides.exemplarGrant_gbp).toBeCloseTo((10e6 * 300) / 315, 6);
    expect(overrides.followerGrant_gbp).toBeCloseTo((5e6 * 300) / 315, 6);
    expect(overrides.grantsYear1_ratio).toBeCloseTo((40 / 300) * 7, 12);
    expect(overrides.grantsYear7_ratio).toBeCloseTo((20 / 300) * 7, 12);
    // A total within a penny of the current one leaves the grants alone.
    const same = byYear({ grants: { 2017: 315e6 / 7, 2018: 315e6 / 7, 2019: 315e6 / 7, 2020: 315e6 / 7, 2021: 315e6 / 7, 2022: 315e6 / 7, 2023: 315e6 / 7 } });
    expect(same.overrides.exemplarGrant_gbp).toBeUndefined();
    // Counts set in the same file are taken into account.
    const fewer = byYear({ grants: { 2017: 100e6 } }, { participants: { followers: { acute: 0, mental_health: 0 } } });
    expect(fewer.overrides.exemplarGrant_gbp).toBeCloseTo(100e6 / 21, 6);
  });

  it('partial first and last years count their funded months only', () => {
    const { params } = loadScenarioArgument('gde-baseline', ['programme.start=2017-07', 'programme.funding_end=2019-06', 'budget.by_year.national.2017=6e6', 'budget.by_year.national.2018=12e6', 'budget.by_year.national.2019=6e6']);
    // 6 + 12 + 6 months, GBP 1 million a month throughout: an even spread.
    expect(params.nationalActivitiesBudget_gbp).toBe(24e6);
    for (const k of [1, 2, 3]) expect(params[`nationalYear${k}_ratio` as 'nationalYear1_ratio']).toBeCloseTo(1, 12);
  });

  it('a file extending front-loaded changes only the years it lists', () => {
    const { params } = loadScenarioArgument('front-loaded', ['budget.by_year.national.2023=0']);
    expect(params.nationalActivitiesBudget_gbp).toBe(55e6);
    expect(params.nationalYear7_ratio).toBe(0);
  });

  it('round-trips: front-loaded shown in plain units gives back its GBP by year', () => {
    const { params } = loadScenarioArgument('front-loaded');
    const doc = paramsToLevers(params) as { budget: { by_year: Record<string, Record<string, number>> } };
    expect(Object.keys(doc.budget.by_year).sort()).toEqual(['grants', 'national']);
    expect(doc.budget.by_year.grants['2017']).toBeCloseTo(65e6, 4);
    expect(doc.budget.by_year.national['2023']).toBeCloseTo(5e6, 4);
    expect(paramsToLevers(defaultParams())).not.toHaveProperty('budget.by_year');
  });

  it('refuses years outside the funded window, negative, absurd or too concentrated amounts and unknown lines', () => {
    expect(refused(['budget.by_year.grants.2024=1e6'])).toMatch(/budget\.by_year\.grants\.2024: got year 2024; allowed: a year the grants line spends in, 2017 to 2023/);
    expect(refused(['budget.by_year.academy.2017=1e6'])).toMatch(/budget\.by_year\.academy\.2017: got year 2017; allowed: a year the academy line spends in, 2018 to 2022/);
    expect(refused(['budget.by_year.national.2018=-5'])).toMatch(/budget\.by_year\.national\.2018: got -5; allowed: GBP from 0 to 10000000000 in a year/);
    expect(refused(['budget.by_year.national.2018=1e300'])).toMatch(/got 1e\+300; allowed: GBP from 0/);
    expect(refused(['budget.by_year.national.2018=lots'])).toMatch(/budget\.by_year\.national\.2018: got 'lots'/);
    expect(refused(['budget.by_year.national.next=5'])).toMatch(/budget\.by_year\.national\.next: .*not a year; allowed: a calendar year written YYYY/);
    expect(refused(['budget.by_year.consultancy.2018=5'])).toMatch(/budget\.by_year\.consultancy: unknown field; allowed here: grants, national, academy/);
    // Over seven full years a year can hold at most 7 times an even year; a three-month first year can hold far more.
    expect(refused(['programme.start=2017-10', 'budget.by_year.grants.2017=300e6', 'budget.by_year.grants.2018=1e6'])).toMatch(
      /budget\.by_year\.grants\.2017: got 300000000: 24\.9 times an even year's spend per month \(GBP 301000000 over 75 months, 3 of them in 2017\); allowed: at most 10 times/,
    );
    expect(refused(['participants.exemplars.acute=0', 'participants.exemplars.mental_health=0', 'participants.exemplars.ambulance=0', 'participants.followers.acute=0', 'participants.followers.mental_health=0', 'budget.by_year.grants.2017=5e6'])).toMatch(
      /budget\.by_year\.grants: got GBP 5000000 of grants but no exemplar or follower would receive any/,
    );
    expect(refused(['budget.by_year.grants.2017=1e10', 'budget.by_year.grants.2018=1e10', 'budget.by_year.grants.2019=1e10', 'budget.by_year.grants.2020=1e10'])).toMatch(/makes exemplarGrant_gbp GBP \d+ per organization; allowed: at most 1000000000/);
    expect(refused(['programme.start=2018-01', 'academy.first_cohort=2017-06', 'budget.by_year.academy.2018=5e6'])).toMatch(/budget\.by_year\.academy: the academy line starts in 2017, before the programme's first year \(2018\)/);
    expect(refused(['programme.funding_end=2030-12', 'budget.by_year.grants.2017=5e6'])).toMatch(/the grants line spends over 14 calendar years \(2017 to 2030\); allowed: budget by year for at most 10 years/);
  });
});
