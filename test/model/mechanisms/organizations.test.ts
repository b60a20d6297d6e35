import { describe, expect, it } from 'vitest';
import { maturity } from '../../../src/agents/organization.js';
import { Stage, Status } from '../../../src/model/enums.js';
import { allocateProjectTime, organizationPhase, stageDemand } from '../../../src/model/mechanisms/organizations.js';
import { mut, setStages, world } from './fixtures.js';
import { markTrained } from '../../../src/model/training.js';

function setup(overrides: Record<string, number> = {}) {
  const w = world(overrides);
  const org = w.state.orgs[0];
  org.hasCcio = false;
  org.hasCnio = false;
  org.experience = 0;
  org.timeBudget_hours = 0;
  org.timeUsed_hours = 0;
  // No projects: no project hours, so time pressure is sharing alone unless a test sets stages.
  setStages(org, Stage.none);
  org.projectHours = 0;
  expect(org.trainedStaff).toBe(0);
  return { ...w, org };
}

describe('organizationPhase: time', () => {
  it('time pressure is last month\'s project work plus sharing over its budget, and the month\'s use is reset', () => {
    const { state, ctx, org } = setup();
    org.timeBudget_hours = 200;
    org.projectHours = 90;
    org.timeUsed_hours = 60;
    organizationPhase(state, ctx);
    expect(org.timePressure).toBeCloseTo(0.75, 12);
    expect(org.timeUsed_hours).toBe(0);
  });

  it('time pressure is 0 with no budget', () => {
    const { state, ctx, org } = setup();
    org.timeUsed_hours = 10;
    organizationPhase(state, ctx);
    expect(org.timePressure).toBe(0);
  });

  it('national activities cut the time cost of last month\'s sharing', () => {
    const run = (active: boolean) => {
      const { state, ctx, params: p, org } = setup();
      mut(state.programme).active = active;
      state.month = p.programmeStart_month + 1;
      org.timeBudget_hours = 100;
      org.projectHours = 0;
      org.timeUsed_hours = 50;
      organizationPhase(state, ctx);
      return { pressure: org.timePressure, p };
    };
    const on = run(true);
    expect(on.pressure).toBeCloseTo(0.5 * (1 - on.p.nationalCostReduction_share), 12);
    expect(run(false).pressure).toBeCloseTo(0.5, 12);
  });

  it('budget is staff time * staff plus the hours the grant buys, only while funded', () => {
    const { state, ctx, params: p, org } = setup();
    org.fundedUntil = -1;
    org.grant_gbp = 8.4e6;
    organizationPhase(state, ctx);
    const base = p.staffTime_hoursPerPersonMonth * org.staff.length;
    expect(org.timeBudget_hours).toBeCloseTo(base, 9);
    org.fundedUntil = p.fundingEnd_month;
    org.status = Status.exemplar;
    state.month = p.programmeStart_month;
    organizationPhase(state, ctx);
    const perMonth = 8.4e6 / (p.fundingEnd_month - p.programmeStart_month);
    expect(org.fundedHours).toBeCloseTo((p.grantStaffShare_share * perMonth) / p.fundedHour_gbp, 9);
    expect(org.timeBudget_hours).toBeCloseTo(base + org.fundedHours, 9);
    org.partnershipUntil = state.month + 5;
    organizationPhase(state, ctx);
    expect(org.fundedHours).toBeCloseTo((p.grantStaffShare_share * perMonth - p.partnershipFee_gbpPerMonth) / p.fundedHour_gbp, 9);
    state.month = org.fundedUntil;
    organizationPhase(state, ctx);
    expect(org.timeBudget_hours).toBeCloseTo(base, 9);
  });

  it('a halved grant buys half the hours and a slower project pace when projects are short of time', () => {
    const pace = (grant: number) => {
      const { state, ctx, params: p, org } = setup();
      setStages(org, Stage.adoption);
      org.status = Status.exemplar;
      org.fundedUntil = p.fundingEnd_month;
      org.grant_gbp = grant;
      state.month = p.programmeStart_month;
      organizationPhase(state, ctx);
      return { hours: org.fundedHours, pace: org.projectPace, projectHours: org.projectHours, budget: org.timeBudget_hours, p };
    };
    const full = pace(10e6);
    const half = pace(5e6);
    expect(half.hours).toBeCloseTo(full.hours / 2, 9);
    expect(half.pace).toBeLessThan(full.pace);
    expect(half.projectHours).toBeLessThan(full.projectHours);
  });
});

describe('allocateProjectTime', () => {
  const units = 1 + 0.5 + 0.25;
  function threeProjects() {
    const w = setup();
    setStages(w.org, Stage.none);
    w.org.stage[0] = Stage.adoption;
    w.org.stage[1] = Stage.procurement;
    w.org.stage[2] = Stage.optimization;
    return w;
  }

  it('own staff give the projects the hours they need at the typical pace, up to projectTime_share of their time', () => {
    const { params: p, org } = threeProjects();
    org.fundedHours = 0;
    org.timeBudget_hours = 1e6;
    allocateProjectTime(org, p);
    expect(org.projectHours).toBeCloseTo(units * p.projectReference_hoursPerMonth, 9);
    expect(org.projectPace).toBeCloseTo(1, 12);
    org.timeBudget_hours = 100;
    allocateProjectTime(org, p);
    const committed = p.projectTime_share * 100;
    expect(org.projectHours).toBeCloseTo(committed, 9);
    expect(org.projectPace).toBeCloseTo(Math.pow(committed / units / p.projectReference_hoursPerMonth, p.projectEffort_exponent), 12);
    expect(stageDemand(Stage.none)).toBe(0);
  });

  it('funded hours go to the projects on top, up to what they can use, the rest is left for sharing', () => {
    const { params: p, org } = threeProjects();
    org.fundedHours = 100;
    org.timeBudget_hours = 1e6 + 100;
    allocateProjectTime(org, p);
    expect(org.projectHours).toBeCloseTo(units * p.projectReference_hoursPerMonth + 100, 9);
    org.fundedHours = 1e5;
    org.timeBudget_hours = 1e6 + 1e5;
    allocateProjectTime(org, p);
    expect(org.projectHours).toBeCloseTo(units * p.projectCapacity_hoursPerMonth, 9);
    expect(org.projectPace).toBeCloseTo(Math.pow(p.projectCapacity_hoursPerMonth / p.projectReference_hoursPerMonth, p.projectEffort_exponent), 12);
  });

  it('more hours give a faster pace, with diminishing returns', () => {
    const { params: p, org } = threeProjects();
    const paces = [0, 100, 200, 300].map((f) => {
      org.fundedHours = f;
      org.timeBudget_hours = 240 + f;
      allocateProjectTime(org, p);
      return org.projectPace;
    });
    expect(paces[1]).toBeGreaterThan(paces[0]);
    expect(paces[2]).toBeGreaterThan(paces[1]);
    expect(paces[2] - paces[1]).toBeLessThan(paces[1] - paces[0]);
  });
});

describe('organizationPhase: request routines', () => {
  it('smooths requests 0.7/0.3 and resets the month\'s count', () => {
    const { state, ctx, org } = setup();
    org.requestsSmoothed = 1;
    org.requestsThisMonth = 3;
    organizationPhase(state, ctx);
    expect(org.requestsSmoothed).toBeCloseTo(0.7 + 0.9, 12);
    expect(org.requestsThisMonth).toBe(0);
  });

  it('establishes a routine only past both thresholds, once, with an event', () => {
    const { state, ctx, params: p, org } = setup();
    const routineEvents = () => ctx.events.toArray().filter((e) => e.what === 'request_routine_established' && e.orgA === org.id);
    // Many requests, too little experience.
    org.requestsSmoothed = p.routineThreshold_requestsPerMonth * 3;
    org.requestsThisMonth = Math.ceil(p.routineThreshold_requestsPerMonth * 3);
    org.experience = p.routineExperience_count - 1;
    organizationPhase(state, ctx);
    expect(org.hasRoutine).toBe(false);
    // Experience, too few requests.
    org.experience = p.routineExperience_count;
    org.requestsSmoothed = 0;
    org.requestsThisMonth = 0;
    organizationPhase(state, ctx);
    expect(org.hasRoutine).toBe(false);
    expect(routineEvents()).toHaveLength(0);
    // Both.
    org.requestsSmoothed = p.routineThreshold_requestsPerMonth;
    org.requestsThisMonth = Math.ceil(p.routineThreshold_requestsPerMonth);
    organizationPhase(state, ctx);
    expect(org.hasRoutine).toBe(true);
    expect(routineEvents()).toHaveLength(1);
    expect(routineEvents()[0].kind).toBe('organization');
    // Once only.
    org.requestsThisMonth = 10;
    organizationPhase(state, ctx);
    expect(routineEvents()).toHaveLength(1);
  });
});

describe('organizationPhase: absorptive capacity', () => {
  function expectedAc(p: ReturnType<typeof setup>['params'], org: ReturnType<typeof setup>['org'], trainedShare: number, roles: number, pressure: number): number {
    const ac =
      p.absorptiveBase_index +
      p.absorptiveFromKnowledge_index * maturity(org) +
      p.absorptiveFromTraining_index * trainedShare +
      p.absorptiveFromRoles_index * roles +
      p.absorptiveFromExperience_index * Math.min(1, org.experience / p.experienceScale_count) -
      p.timePressurePenalty_index * Math.max(0, pressure - 0.5);
    return Math.min(1, Math.max(0.02, ac));
  }

  it('matches the documented sum', () => {
    const { state, ctx, params, org } = setup();
    org.experience = 30;
    org.hasCcio = true;
    markTrained(state, org.staff[0]);
    organizationPhase(state, ctx);
    expect(org.absorptive).toBeCloseTo(expectedAc(params, org, 1 / org.staff.length, 1, 0), 12);
  });

  it('rises with the trained share of staff', () => {
    const { state, ctx, params: p, org } = setup();
    organizationPhase(state, ctx);
    const before = org.absorptive;
    const half = Math.floor(org.staff.length / 2);
    for (const id of org.staff.slice(0, half)) markTrained(state, id);
    organizationPhase(state, ctx);
    expect(org.absorptive - before).toBeCloseTo((p.absorptiveFromTraining_index * half) / org.staff.length, 12);
  });

  it('rises with each of the CCIO and CNIO roles', () => {
    const { state, ctx, params: p, org } = setup();
    organizationPhase(state, ctx);
    const none = org.absorptive;
    org.hasCcio = true;
    organizationPhase(state, ctx);
    const one = org.absorptive;
    org.hasCnio = true;
    organizationPhase(state, ctx);
    expect(one - none).toBeCloseTo(p.absorptiveFromRoles_index, 12);
    expect(org.absorptive - one).toBeCloseTo(p.absorptiveFromRoles_index, 12);
  });

  it('rises with experience up to experienceScale_count', () => {
    const { state, ctx, params: p, org } = setup();
    organizationPhase(state, ctx);
    const none = org.absorptive;
    org.experience = p.experienceScale_count;
    organizationPhase(state, ctx);
    const full = org.absorptive;
    org.experience = p.experienceScale_count * 5;
    organizationPhase(state, ctx);
    expect(full - none).toBeCloseTo(p.absorptiveFromExperience_index, 12);
    expect(org.absorptive).toBeCloseTo(full, 12);
  });

  it('falls with time pressure above 0.5 only', () => {
    const { state, ctx, params: p, org } = setup();
    const run = (pressure: number) => {
      org.timeBudget_hours = 100;
      org.timeUsed_hours = 100 * pressure;
      organizationPhase(state, ctx);
      return org.absorptive;
    };
    const calm = run(0);
    expect(run(0.5)).toBeCloseTo(calm, 12);
    expect(run(1)).toBeCloseTo(calm - 0.5 * p.timePressurePenalty_index, 12);
    expect(run(1.2)).toBeLessThan(run(1));
  });

  it('is kept within [0.02, 1]', () => {
    const low = setup({ absorptiveBase_index: 0, absorptiveFromKnowledge_index: 0, timePressurePenalty_index: 1 });
    low.org.timeBudget_hours = 1;
    low.org.timeUsed_hours = 10;
    organizationPhase(low.state, low.ctx);
    expect(low.org.absorptive).toBe(0.02);
    const high = setup({ absorptiveBase_index: 1, absorptiveFromKnowledge_index: 1 });
    organizationPhase(high.state, high.ctx);
    expect(high.org.absorptive).toBe(1);
  });
});
